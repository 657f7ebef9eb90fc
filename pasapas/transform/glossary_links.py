"""The first appearance of each glossary term in a lesson becomes a link to its entry.

The page is read as a browser reads it (pasapas/transform/html_tokens.py), in the same walk
as the bidi isolation (page_text.py): a `>` inside an attribute, a comment that looks like
a tag, or the text of a <script> is read as a browser reads it, whatever a contributor's
Markdown let through. Text inside links, headings, code, question titles and buttons is
left alone: a link in a link is invalid, and a heading or a button already says what it
is. So is what the build adds to a lesson (its blocks' classes begin with «pap-»): the
links go into the lesson's own text only.
"""

from __future__ import annotations

import functools
import re
from html import escape

from pasapas.model.glossary import Entry
from pasapas.transform import page_text
from pasapas.transform.html_tokens import Piece

#: Where a term is not turned into a link (nor in the text of a script, a style or a textarea:
#: page_text.py leaves it alone for every pass).
SKIPPED_PARENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "summary", "button"})


def _alternatives(words: list[str]) -> str:
    """One regular expression for `words` as a tree of their shared beginnings («pi(?:èce|…)»):
    matched in a tenth of the time of a flat list of a few hundred alternatives, which the
    regular expression engine would try one by one at every position of every text. A longer
    word is tried before the word it begins, as in a list sorted longest first."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def expression(node: dict) -> str:
        branches = [re.escape(char) + expression(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return expression(tree)


@functools.lru_cache(maxsize=8)  # a language's glossary, for each of its lessons
def _pattern(entries: tuple[Entry, ...]) -> tuple[re.Pattern, dict[str, Entry]]:
    by_form: dict[str, Entry] = {}
    for entry in entries:
        for form in (entry.term, *entry.forms):
            by_form.setdefault(form.casefold(), entry)
    pattern = re.compile(r"(?<!\w)(" + _alternatives(list(by_form)) + r")(?!\w)", re.IGNORECASE)
    return pattern, by_form


class TermLinks:
    """The glossary links of one lesson page (a pass of page_text.rewrite): the first
    appearance of each term, outside the elements where a link does not go and outside
    what the build adds to the lesson (our own blocks, whose classes begin with «pap-»:
    a lesson's text never has such a class, content_safety.py refuses it)."""

    def __init__(self, entries: tuple[Entry, ...] | list[Entry], glossary_url: str):
        self.pattern, self.by_form = _pattern(tuple(entries))
        self.url = escape(glossary_url)
        self.linked: set[str] = set()

    def skips(self, piece: Piece) -> bool:
        classes = (piece.attrs.get("class") or "").split()
        return piece.name in SKIPPED_PARENTS or any(name.startswith("pap-") for name in classes)

    def split(self, text: str) -> list[tuple[str, str | None]]:
        parts: list[tuple[str, str | None]] = []
        done = 0
        for match in self.pattern.finditer(text):
            entry = self.by_form[match.group(1).casefold()]
            if entry.id in self.linked:
                continue
            self.linked.add(entry.id)
            if match.start() > done:
                parts.append((text[done : match.start()], None))
            parts.append((match.group(1), f'<a class="pap-glossaire" href="{self.url}#{entry.id}">'))
            done = match.end()
        if done < len(text) or not parts:
            parts.append((text[done:], None))
        return parts


def link_terms(html: str, entries: tuple[Entry, ...] | list[Entry], glossary_url: str) -> str:
    """`html` with the first appearance of each entry's term (or one of its forms) linked."""
    if not entries:
        return html
    return page_text.rewrite(html, links=TermLinks(entries, glossary_url))
