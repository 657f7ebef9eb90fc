"""What every built HTML page must say about itself: text direction and what it may load."""

from __future__ import annotations

import base64
import hashlib
import re

HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
BODY_DIR = re.compile(r"<body\b[^>]*\bdir=\"(ltr|rtl)\"", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
HEAD_OPEN = re.compile(r"<head>\s*", re.IGNORECASE)

#: Only the site's own files. Inline scripts are allowed one by one by their hash.
#: data: images are Material's own icons, embedded in its stylesheet.
CSP_TEMPLATE = (
    "default-src 'self'; script-src 'self' {script_hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class HtmlPolicyError(ValueError):
    """The theme's HTML no longer has the shape these fixes rely on."""


def copy_direction_to_html(html: str) -> str:
    """Put the theme's ``dir`` (set on <body>) on <html> too, so the whole document,
    including <head> text such as the title, has the right direction."""
    body = BODY_DIR.search(html)
    tag = HTML_TAG.search(html)
    if body is None or tag is None:
        raise HtmlPolicyError("no <html> tag or no dir= on <body>: did the theme change?")
    attributes = re.sub(r'\s+dir="[^"]*"', "", tag.group(1))
    return html[: tag.start()] + f'<html dir="{body.group(1)}"{attributes}>' + html[tag.end() :]


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(html: str) -> str:
    hashes = sorted({script_hash(body) for body in INLINE_SCRIPT.findall(html)})
    return CSP_TEMPLATE.format(script_hashes=" ".join(hashes)).replace("  ", " ")


def add_content_security_policy(html: str) -> str:
    """Insert the CSP as the first element of <head>, before anything it governs."""
    head = HEAD_OPEN.search(html)
    if head is None:
        raise HtmlPolicyError("no <head> tag: did the theme change?")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">\n    '
    return html[: head.end()] + meta + html[head.end() :]
