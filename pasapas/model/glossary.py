"""The glossary of each language, and the links from lesson text to its entries.

``docs/<language>/glossaire.md`` is a Markdown definition list. Each term carries an id
(the same in every language, so links between languages line up) and, if the word
changes form in sentences, the other forms to recognise:

    Pièce jointe { #piece-jointe data-forms="pièces jointes" }
    :   Un fichier (une photo, un document) envoyé avec un e-mail.

In lessons, the first time a term appears it becomes a link to its entry: it opens with
the mouse, the keyboard and a finger, is read by screen readers, and works without
JavaScript. The link no longer repeats the definition as a tooltip (title=), since issue
#17: a tooltip never opens by touch, the way most learners read, and with a keyboard
only once the theme's script has started; it cost every lesson about 750 bytes
compressed on each visit. The definition is one activation away, on the glossary page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

GLOSSARY_PAGE = "glossaire.md"
TERM_LINE = re.compile(r"^(?P<term>[^:\s].*?)\s*\{(?P<attrs>[^}]*)\}\s*$")
ID_ATTR = re.compile(r"#([\w-]+)")
FORMS_ATTR = re.compile(r'data-forms="([^"]*)"')
DEFINITION_LINE = re.compile(r"^:\s{1,4}(?P<text>.+)$")
MARKDOWN_DECORATION = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
#: Where a term is not turned into a link: links, headings, code, question titles.
SKIPPED_PARENTS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "summary", "button", "script", "style"}


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    forms: tuple[str, ...]
    definition: str


class GlossaryError(ValueError):
    """The glossary file does not have the expected shape."""


def plain(text: str) -> str:
    return MARKDOWN_DECORATION.sub(lambda m: m.group(1) or "", text).strip()


def parse_glossary(text: str, path: str = GLOSSARY_PAGE) -> list[Entry]:
    entries, lines = [], text.splitlines()
    for index, line in enumerate(lines):
        term = TERM_LINE.match(line)
        if not term or index + 1 >= len(lines):
            continue
        definition = DEFINITION_LINE.match(lines[index + 1])
        if definition is None:
            continue
        id_match = ID_ATTR.search(term.group("attrs"))
        if id_match is None:
            raise GlossaryError(f"{path}:{index + 1}: the term '{term.group('term')}' has no id such as {{ #virus }}")
        forms_match = FORMS_ATTR.search(term.group("attrs"))
        forms = tuple(f.strip() for f in forms_match.group(1).split("|") if f.strip()) if forms_match else ()
        entries.append(Entry(id_match.group(1), plain(term.group("term")), forms, plain(definition.group("text"))))
    return entries


def _pattern(entries: list[Entry]) -> tuple[re.Pattern, dict[str, Entry]]:
    by_form = {}
    for entry in entries:
        for form in (entry.term, *entry.forms):
            by_form.setdefault(form.casefold(), entry)
    alternatives = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)", re.IGNORECASE)
    return pattern, by_form


TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.DOTALL)
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")


def link_terms(html: str, entries: list[Entry], glossary_url: str) -> str:
    """Turn the first appearance of each glossary term in `html` into a link to its entry.

    The HTML is read as a flat list of tags and text (no DOM: this runs on every lesson
    of every language); text inside links, headings, code and question titles is left alone."""
    if not entries:
        return html
    pattern, by_form = _pattern(entries)
    linked: set[str] = set()
    skipping: list[str] = []
    pieces = TOKEN.split(html)
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag or a comment
            name = TAG_NAME.match(piece)
            if name and name.group(1).lower() in SKIPPED_PARENTS:
                if piece.startswith("</"):
                    if skipping and skipping[-1] == name.group(1).lower():
                        skipping.pop()
                elif not piece.endswith("/>"):
                    skipping.append(name.group(1).lower())
            continue
        if skipping or not piece.strip():
            continue

        def replace(match: re.Match) -> str:
            entry = by_form[match.group(1).casefold()]
            if entry.id in linked:
                return match.group(0)
            linked.add(entry.id)
            return f'<a class="pap-glossaire" href="{escape(glossary_url)}#{entry.id}">{match.group(1)}</a>'

        pieces[index] = pattern.sub(replace, piece)
    return "".join(pieces)
