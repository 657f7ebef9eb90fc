"""A page's HTML as a list of pieces read by Python's HTML parser, each with its exact
source text, so that a transform can change some pieces and join them back into the same
page, byte for byte, everywhere else.

Reading with a real parser rather than a regular expression means that a `>` inside an
attribute, a comment, the text of a <script> or a tag left unclosed is read as a browser
reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

NEWLINE = re.compile("\n")

#: Elements that never hold anything (no end tag).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(slots=True)
class Piece:
    """`kind` is "start", "end", "text" or "other" (comment, doctype…); `raw` is the exact
    source text; `name` and `attrs` (lower-case names, values unescaped) for tags."""

    kind: str
    raw: str
    name: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [found.end() for found in NEWLINE.finditer(html)]
        self.marks: list[tuple[int, str, str, list]] = []  # (offset, kind, name, attrs)

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def mark(self, kind: str, name: str = "", attrs=()) -> None:
        # Text comes in several calls (words, then each &entity;): one piece.
        if kind == "text" and self.marks and self.marks[-1][1] == "text":
            return
        self.marks.append((self.position(), kind, name, attrs))

    def handle_starttag(self, tag, attrs):
        self.mark("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.mark("start", tag, attrs)

    def handle_endtag(self, tag):
        self.mark("end", tag)

    def handle_data(self, data):
        self.mark("text")

    def handle_entityref(self, name):
        self.mark("text")

    def handle_charref(self, name):
        self.mark("text")

    def handle_comment(self, data):
        self.mark("other")

    def handle_decl(self, decl):
        self.mark("other")

    def handle_pi(self, data):
        self.mark("other")

    def unknown_decl(self, data):
        self.mark("other")


def pieces(html: str) -> list[Piece]:
    """The pieces of `html`, in order: "".join(piece.raw for piece in pieces(html)) == html."""
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    marks = reader.marks
    found = []
    if marks and marks[0][0] > 0:  # never expected: the parser reports from the first character
        found.append(Piece("text", html[: marks[0][0]]))
    for index, (start, kind, name, attrs) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(html)
        if end > start:
            found.append(Piece(kind, html[start:end], name, dict(attrs)))
    return found
