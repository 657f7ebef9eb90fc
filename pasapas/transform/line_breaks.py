"""Addresses, e-mail addresses, file names and codes that the learner reads break only
after a "/", or not at all.

Browsers break inline code anywhere it is too long, and always after a hyphen, so that
at 360 px "https://caf-aides.info/compte" showed as "https://caf-" then
"aides.info/compte", in the very lessons that teach to read the name before the first
"/". Each inline code without a space (an address, an e-mail address, a file name, a
code) gets class="pap-nobreak", and its text, when it holds a "/" before its end, is cut
after each "/" into <span> pieces. The stylesheet makes the code and each piece an
inline block: a code that fits on a line moves whole to the next line rather than
breaking; a longer one breaks between pieces, after a "/"; only a piece wider than the
screen breaks inside, so that nothing scrolls sideways (WCAG 1.4.10). The text is the
same: nothing is added to what the learner copies. The address of a message in a
practice screen (class "pap-practice-link") is cut the same way.

This runs on every page of every language, so it reads only what it changes: an inline
code holds text alone (Markdown escapes every "<" in it), found as `<code …>text</code>`
outside the code blocks (<pre>, which never nest); a full HTML parse of each page
(pasapas/transform/html_tokens.py, as bidi.py does for right-to-left pages) cost a tenth
of the build.
"""

from __future__ import annotations

import re
from html import unescape

CLASS = "pap-nobreak"
CODE_BLOCK = re.compile(r"<pre\b.*?</pre\s*>", re.DOTALL | re.IGNORECASE)
INLINE_CODE = re.compile(r"<code(?P<attributes>\s[^>]*)?>(?P<text>[^<]*)</code>")
PRACTICE_LINK = re.compile(r'(?P<start><p class="pap-practice-link"[^>]*>)(?P<text>[^<]*)</p>')
CLASS_ATTRIBUTE = re.compile(r"""\bclass=(["'])(.*?)\1""")
#: After each "/" (or "//"), when something follows.
PIECE = re.compile(r"[^/]*/+(?=[^/])|[^/]+/*")


def _cut(text: str) -> str:
    found = PIECE.findall(text)
    if len(found) < 2:
        return text
    return "".join(f"<span>{piece}</span>" for piece in found)


def _code(match: re.Match) -> str:
    attributes, text = match.group("attributes") or "", match.group("text")
    if not text or any(char.isspace() for char in unescape(text)):
        return match.group(0)
    if CLASS_ATTRIBUTE.search(attributes):
        attributes = CLASS_ATTRIBUTE.sub(lambda m: f"class={m.group(1)}{m.group(2)} {CLASS}{m.group(1)}", attributes, count=1)
    else:
        attributes += f' class="{CLASS}"'
    return f"<code{attributes}>{_cut(text)}</code>"


def _outside_code_blocks(html: str) -> str:
    html = INLINE_CODE.sub(_code, html)
    return PRACTICE_LINK.sub(lambda match: f"{match.group('start')}{_cut(match.group('text'))}</p>", html)


def keep_whole(html: str) -> str:
    """The HTML of a page, its inline codes and practice addresses cut only after "/"."""
    if "<code" not in html and "pap-practice-link" not in html:
        return html
    out, done = [], 0
    for block in CODE_BLOCK.finditer(html):
        out += [_outside_code_blocks(html[done : block.start()]), block.group(0)]
        done = block.end()
    out.append(_outside_code_blocks(html[done:]))
    return "".join(out)
