"""Every illustration gets its width and height in the page, read from the drawing itself:
the browser keeps its room before it arrives, so the text under it never jumps (layout
shift 0). The stylesheet still scales it down on a narrow screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

IMG = re.compile(r"<img\b(?P<attributes>[^>]*)>")
SRC = re.compile(r'\bsrc="(?P<src>[^"]+)"')
SIZED = re.compile(r"\b(width|height)=")
SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.DOTALL)
NUMBER = r"([0-9]+(?:\.[0-9]+)?)"


def svg_size(svg: str) -> tuple[str, str] | None:
    """The drawing's own width and height: its width=/height= in px, else its viewBox."""
    tag = SVG_OPEN.search(svg)
    if tag is None:
        return None
    width = re.search(rf'\swidth="{NUMBER}(?:px)?"', tag.group(0))
    height = re.search(rf'\sheight="{NUMBER}(?:px)?"', tag.group(0))
    if width and height:
        return width.group(1), height.group(1)
    box = re.search(rf'\sviewBox="\s*-?{NUMBER}[\s,]+-?{NUMBER}[\s,]+{NUMBER}[\s,]+{NUMBER}\s*"', tag.group(0))
    return (box.group(3), box.group(4)) if box else None


def size_images(html: str, file_of: Callable[[str], Path | None]) -> str:
    """Add width= and height= to each <img> of an SVG drawing of the site that has none.
    `file_of(src)` is the drawing's file in the built site, or None (another site)."""

    def sized(match: re.Match) -> str:
        attributes = match.group("attributes")
        src = SRC.search(attributes)
        if src is None or SIZED.search(attributes) or not src.group("src").lower().endswith(".svg"):
            return match.group(0)
        path = file_of(src.group("src"))
        if path is None or not path.is_file():
            return match.group(0)
        size = svg_size(path.read_text(encoding="utf-8", errors="replace"))
        if size is None:
            return match.group(0)
        return f'<img{attributes} width="{escape(size[0])}" height="{escape(size[1])}">'

    return IMG.sub(sized, html)
