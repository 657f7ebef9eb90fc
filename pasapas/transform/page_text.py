"""A page's own text, rewritten in one walk over its parsed pieces (html_tokens.py): the
glossary links of a lesson (glossary_links.py) and, on a right-to-left page, the isolation
of its left-to-right runs (bidi.py). Both need to know, for each piece of text, which
elements it is inside; the page is read once for both, and a term linked in a text is
isolated inside its link like any other text of the page.

Each pass says what it does with an element that opens and with a piece of text; the walk
keeps the elements that are open (HTML may leave some end tags implied: an end tag closes
every element opened after its own start) and what each pass said of them.
"""

from __future__ import annotations

from typing import Protocol

from pasapas.transform.html_tokens import TEXT_ONLY, VOID, Piece, pieces


class Links(Protocol):
    def skips(self, piece: Piece) -> bool:
        """Whether no link goes inside this element."""

    def split(self, text: str) -> list[tuple[str, str | None]]:
        """`text` in parts, each with the start tag of the link it goes in (or None)."""


class Isolation(Protocol):
    def start_tag(self, piece: Piece) -> tuple[str, bool]:
        """The element's start tag as written in the page, and whether the text inside it is
        left as it is."""

    def text(self, raw: str) -> str:
        """A piece of text (HTML-escaped), its left-to-right runs isolated."""


def rewrite(html: str, links: Links | None = None, isolation: Isolation | None = None) -> str:
    out: list[str] = []
    # The open elements: (name, no link inside, text inside left as it is).
    open_elements: list[tuple[str, bool, bool]] = []
    for piece in pieces(html):
        if piece.kind == "text":
            no_link, left_alone = open_elements[-1][1:] if open_elements else (False, False)
            if open_elements and open_elements[-1][0] in TEXT_ONLY:  # a script's or a textarea's text
                no_link = left_alone = True
            parts = links.split(piece.raw) if links and not no_link else [(piece.raw, None)]
            for text, link in parts:
                if isolation and not left_alone:
                    text = isolation.text(text)
                out.append(f"{link}{text}</a>" if link else text)
            continue
        if piece.kind == "start":
            raw, ltr = isolation.start_tag(piece) if isolation else (piece.raw, False)
            out.append(raw)
            if piece.name not in VOID and not raw.endswith("/>"):
                no_link, left_alone = open_elements[-1][1:] if open_elements else (False, False)
                open_elements.append((piece.name, no_link or bool(links and links.skips(piece)), left_alone or ltr))
            continue
        if piece.kind == "end":
            for index in range(len(open_elements) - 1, -1, -1):
                if open_elements[index][0] == piece.name:
                    del open_elements[index:]
                    break
        out.append(piece.raw)
    return "".join(out)
