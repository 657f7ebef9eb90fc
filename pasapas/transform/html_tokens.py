"""A page's HTML as a list of pieces, each with its exact source text, so that a transform
can change some pieces and join them back into the same page, byte for byte, everywhere
else.

The pieces are cut as a browser's tokenizer cuts them (the HTML standard, "Tokenization"),
not by a pattern for what a tag usually looks like: a `>` inside a quoted attribute, a
comment that holds a tag, `<!-->`, the text of a <script>, <style> or <textarea>, a `<` that
starts no tag, a quote in an attribute's name, two attributes without a space between them,
a tag left unfinished at the end: each is read the way the browser will read it. (Not
modelled: the "escaped" states of a script's text, `<!--` inside a <script>; the build's
pages have no script text of their own, the sanitiser removes it.)

Python's html.parser read the pages before: it is written for the same purpose but by
rules of its own (only <script> and <style> hold raw text, a comment ends differently), and
it costs three times as much. The attributes of a tag are read only when a pass asks for
them.
"""

from __future__ import annotations

import re
from html import unescape

#: Elements that never hold anything (no end tag).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
#: Elements whose content is text up to their end tag, whatever it holds ("raw text" and
#: "escapable raw text"; <noscript> too, as in a browser that runs scripts).
TEXT_ONLY = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea"})

SPACE = " \t\n\f\r"
TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
COMMENT_END = re.compile(r"--!?>")
#: A start tag in the shape most tags have (names of letters, digits and dashes, values quoted
#: or plain): where it matches, the tokenizer's states end the tag at the same `>`.
PLAIN_START_TAG = re.compile(
    r"""<([A-Za-z][A-Za-z0-9-]*)(?:[ \t\n\f\r]+[A-Za-z_:@][\w:.@-]*(?:[ \t\n\f\r]*=[ \t\n\f\r]*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*[ \t\n\f\r]*/?>"""
)


class Piece:
    """`kind` is "start", "end", "text" or "other" (comment, doctype…); `raw` is the exact
    source text; `name` (lower case) for tags, and `attrs` for a start tag: lower-case
    names, values with their character references read, None for an attribute without one;
    an attribute written twice keeps its first value, as in a browser."""

    __slots__ = ("kind", "raw", "name", "_attrs")

    def __init__(self, kind: str, raw: str, name: str = ""):
        self.kind, self.raw, self.name, self._attrs = kind, raw, name, None

    @property
    def attrs(self) -> dict[str, str | None]:
        if self._attrs is None:
            self._attrs = {}
            if self.kind == "start":
                _scan_attributes(self.raw, TAG_NAME.match(self.raw, 1).end(), self._attrs)
        return self._attrs

    def __repr__(self) -> str:
        return f"Piece({self.kind!r}, {self.raw!r}, {self.name!r})"


def _scan_attributes(html: str, at: int, attrs: dict | None = None) -> int:
    """From just after a tag's name: the index after the `>` that ends the tag, or -1 if the
    text ends first; the attributes go into `attrs` when given."""
    end = len(html)
    while True:
        # Before an attribute's name (a "/" not followed by ">" is passed over).
        while at < end and (html[at] in SPACE or html[at] == "/"):
            at += 1
        if at >= end:
            return -1
        if html[at] == ">":
            return at + 1
        start = at
        at += 1  # the first character of a name may be anything else, "=" included
        while at < end and html[at] not in SPACE and html[at] not in "/>=":
            at += 1
        name = html[start:at].lower()
        while at < end and html[at] in SPACE:
            at += 1
        value = None
        if at < end and html[at] == "=":
            at += 1
            while at < end and html[at] in SPACE:
                at += 1
            if at < end and html[at] in "\"'":
                close = html.find(html[at], at + 1)
                if close < 0:
                    return -1
                value, at = html[at + 1 : close], close + 1
            else:
                start = at
                while at < end and html[at] not in SPACE and html[at] != ">":
                    at += 1
                value = html[start:at]
        if attrs is not None and name not in attrs:
            attrs[name] = unescape(value) if value and "&" in value else value


def _bogus_comment_end(html: str, at: int) -> int:
    close = html.find(">", at)
    return len(html) if close < 0 else close + 1


def _comment_end(html: str, at: int) -> int:
    """`at` is at "<!--"."""
    if html.startswith(">", at + 4):
        return at + 5  # <!-->
    if html.startswith("->", at + 4):
        return at + 6  # <!--->
    end = COMMENT_END.search(html, at + 4)  # one search for both endings: never quadratic
    return end.end() if end else len(html)


def pieces(html: str) -> list[Piece]:
    """The pieces of `html`, in order: "".join(piece.raw for piece in pieces(html)) == html."""
    found: list[Piece] = []
    size = len(html)
    text_from = at = 0  # the text not yet given out starts at text_from

    def give(kind: str, start: int, end: int, name: str = "") -> None:
        if start > text_from:
            found.append(Piece("text", html[text_from:start]))
        found.append(Piece(kind, html[start:end], name))

    while True:
        at = html.find("<", at)
        if at < 0 or at + 1 >= size:
            break
        following = html[at + 1]
        if following.isascii() and following.isalpha():
            plain = PLAIN_START_TAG.match(html, at)
            if plain:
                name, end = plain.group(1).lower(), plain.end()
            else:
                name_end = TAG_NAME.match(html, at + 1).end()
                name, end = html[at + 1 : name_end].lower(), _scan_attributes(html, name_end)
                if end < 0:  # a tag the text ends inside: no tag
                    give("other", at, size)
                    text_from = at = size
                    break
            give("start", at, end, name)
            text_from = at = end
            if name in TEXT_ONLY:
                closing = re.compile(f"</{name}[{SPACE}/>]", re.IGNORECASE).search(html, at)
                at = closing.start() if closing else size
        elif following == "/":
            if html.startswith("</>", at):
                end, kind, name = at + 3, "other", ""  # a browser drops it
            elif at + 2 < size and html[at + 2].isascii() and html[at + 2].isalpha():
                name_end = TAG_NAME.match(html, at + 2).end()
                end, kind, name = _scan_attributes(html, name_end), "end", html[at + 2 : name_end].lower()
                if end < 0:
                    end, kind, name = size, "other", ""
            elif at + 2 < size:
                end, kind, name = _bogus_comment_end(html, at + 2), "other", ""
            else:
                break  # "</" at the very end: text
            give(kind, at, end, name)
            text_from = at = end
        elif following == "!":
            end = _comment_end(html, at) if html.startswith("<!--", at) else _bogus_comment_end(html, at + 2)
            give("other", at, end)
            text_from = at = end
        elif following == "?":
            end = _bogus_comment_end(html, at + 1)
            give("other", at, end)
            text_from = at = end
        else:
            at += 1  # a "<" that starts nothing is text
    if text_from < size:
        found.append(Piece("text", html[text_from:]))
    return found
