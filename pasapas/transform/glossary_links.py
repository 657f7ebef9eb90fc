"""The first appearance of each glossary term in a lesson becomes a link to its entry.

The page is read with the HTML parser (pasapas/transform/html_tokens.py), as the bidi
isolation is: a `>` inside an attribute, a comment that looks like a tag, or the text of a
<script> is read as a browser reads it, whatever a contributor's Markdown let through.
Text inside links, headings, code, question titles and buttons is left alone: a link in a
link is invalid, and a heading or a button already says what it is.
"""

from __future__ import annotations

import functools
import re
from html import escape

from pasapas.model.glossary import Entry
from pasapas.transform.html_tokens import VOID, pieces

#: Where a term is not turned into a link.
SKIPPED_PARENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "summary", "button", "script", "style"})


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


def link_terms(html: str, entries: tuple[Entry, ...] | list[Entry], glossary_url: str) -> str:
    """`html` with the first appearance of each entry's term (or one of its forms) linked."""
    if not entries:
        return html
    pattern, by_form = _pattern(tuple(entries))
    linked: set[str] = set()
    skipped_open: list[str] = []  # the skipped elements we are inside, innermost last

    def replace(match: re.Match) -> str:
        entry = by_form[match.group(1).casefold()]
        if entry.id in linked:
            return match.group(0)
        linked.add(entry.id)
        return f'<a class="pap-glossaire" href="{escape(glossary_url)}#{entry.id}">{match.group(1)}</a>'

    out: list[str] = []
    for piece in pieces(html):
        if piece.kind == "text" and not skipped_open:
            out.append(pattern.sub(replace, piece.raw))
            continue
        if piece.kind == "start" and piece.name in SKIPPED_PARENTS and piece.name not in VOID and not piece.raw.endswith("/>"):
            skipped_open.append(piece.name)
        elif piece.kind == "end" and piece.name in skipped_open:
            # Close up to the matching element (HTML may leave some end tags implied).
            del skipped_open[len(skipped_open) - 1 - skipped_open[::-1].index(piece.name) :]
        out.append(piece.raw)
    return "".join(out)
