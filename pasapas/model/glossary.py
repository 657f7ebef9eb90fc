"""The glossary of each language, and the links from lesson text to its entries.

``docs/<language>/glossaire.md`` is a Markdown definition list. Each term carries an id
(the same in every language, so links between languages line up) and, if the word
changes form in sentences, the other forms to recognise:

    Pièce jointe { #piece-jointe data-forms="pièces jointes" }
    :   Un fichier (une photo, un document) envoyé avec un e-mail.

In lessons, the first time a term appears it becomes a link to its entry
(pasapas/transform/glossary_links.py): it opens with
the mouse, the keyboard and a finger, is read by screen readers, and works without
JavaScript. The link no longer repeats the definition as a tooltip (title=), since issue
#17: a tooltip never opens by touch, the way most learners read, and with a keyboard
only once the theme's script has started; it cost every lesson about 750 bytes
compressed on each visit. The definition is one activation away, on the glossary page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

GLOSSARY_PAGE = "glossaire.md"
TERM_LINE = re.compile(r"^(?P<term>[^:\s].*?)\s*\{(?P<attrs>[^}]*)\}\s*$")
ID_ATTR = re.compile(r"#([\w-]+)")
FORMS_ATTR = re.compile(r'data-forms="([^"]*)"')
DEFINITION_LINE = re.compile(r"^:\s{1,4}(?P<text>.+)$")
MARKDOWN_DECORATION = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


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


@functools.lru_cache(maxsize=8)
def cached_entries(text: str, path: str = GLOSSARY_PAGE) -> tuple[Entry, ...]:
    """parse_glossary, read once per language's glossary text by a build that links every
    lesson to it."""
    return tuple(parse_glossary(text, path))
