"""Generated blocks placed in a page's Markdown section, found by its heading id
(`## … {#id}`): learning paths, translation status, places to get help."""

from __future__ import annotations

import re

NEXT_H2 = re.compile(r"<h2[\s>]")


def append_to_section(html: str, section_id: str, block: str) -> str:
    """Put `block` at the end of the section whose level-2 heading has `section_id`
    (after the text a contributor wrote under it). A page without it is left alone."""
    heading = re.search(rf'<h2 id="{re.escape(section_id)}"[^>]*>.*?</h2>', html, re.DOTALL)
    if heading is None:
        return html
    following = NEXT_H2.search(html, heading.end())
    at = following.start() if following else len(html)
    return html[:at] + block + "\n" + html[at:]


def remove_section(html: str, section_id: str) -> str:
    """Take out the section whose level-2 heading has `section_id`, heading included (a
    generated section with nothing to show). A page without it is left alone."""
    heading = re.search(rf'<h2 id="{re.escape(section_id)}"[^>]*>.*?</h2>', html, re.DOTALL)
    if heading is None:
        return html
    following = NEXT_H2.search(html, heading.end())
    return html[: heading.start()] + (html[following.start() :] if following else "")
