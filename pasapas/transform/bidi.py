"""Mixed Latin and Arabic text that reads in the right order.

In a right-to-left paragraph, a run of left-to-right text takes its order from its
neighbours: "01 70 772 372" shows as "372 772 70 01", "Mot de passe oublié ?" as
"? Mot de passe oublié", ".zip" as "zip.", "FranceConnect+" as "+FranceConnect",
"1,99 €" as "€ 1,99". Every such run is isolated at build time, so that no translator has
to place invisible characters by hand:

- an element marked with another language ({lang=fr}), every <code>, <kbd> and <samp>,
  and every keyboard shortcut (<span class="keys">) gets dir="ltr" (which the browser
  isolates: unicode-bidi: isolate);
- any other run of Latin text is wrapped in <bdi>;
- plain-text places without elements (the page title, the menu, the table of contents)
  get the Unicode isolate characters FSI … PDI around the same runs.

A run is Latin letters and digits with the spaces and punctuation between them, and the
punctuation at its edges that belongs to it rather than to the Arabic sentence
(`latin_runs` below): it may start right after an Arabic letter («وWi-Fi», «بـCAF»), keep
a sign written against it at either end ("FranceConnect+", "https://", "…/allocataire",
"+33", ".zip", "C#"), a question or exclamation mark, a percent or currency sign
("Yahoo!", "oublié ?", "50 %", "1,99 €", "€5"), and the brackets or quotation marks
around it ("(Se connecter)", "«Envoyer le code»", "CAF (1)"). The full stop, comma,
colon, semicolon, ellipsis and dashes at its end, and a bracket it does not close, belong
to the Arabic sentence and stay outside.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable

from pasapas.model.languages import text_direction
from pasapas.transform import page_text
from pasapas.transform.html_tokens import Piece, pieces

FSI, PDI = "\u2068", "\u2069"

_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
#: What a run holds: Latin letters (and their accents), digits, spaces, and the
#: punctuation and signs of Latin text. Never an Arabic letter, Arabic punctuation (، ؛ ؟)
#: or a direction mark.
RUN = re.compile(
    "["
    + _LETTERS
    + "0-9\u0300-\u036f"  # letters, digits, combining accents
    + r"\s!-/:-@\[-`|~"  # spaces, ASCII punctuation (not { }: a {placeholder} stays whole)
    + "\u00a1-\u00bf\u00d7\u00f7"  # ¡ « ° » € … (Latin-1 signs)
    + "\u2010-\u2027\u202f-\u205e"  # dashes, quotes, …, ‰, ‹ ›, narrow no-break space
    + "\u20a0-\u20bf\u2100-\u214f\u2190-\u21ff"  # currencies, ™ №, arrows
    + "]+"
)
ALNUM = re.compile(f"[{_LETTERS}0-9]")
ALNUM_CHARS = re.compile(f"^[{_LETTERS}0-9\u0300-\u036f]$")
#: Opening mark -> closing mark: kept at the edges of a run when they enclose it.
PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”", "‹": "›", '"': '"'}
CLOSERS = {closing: opening for opening, closing in PAIRS.items()}
#: Signs kept at the start of a run when written against it: +33, .zip, …/lecons, #etape-3.
LEADING = set("+-#@./\\…€$£¥~_*&%¿¡")
#: Signs kept at the end of a run when written against it: FranceConnect+, https://, C#.
TRAILING_ATTACHED = set("+/\\#*°_=&@~™®©′″")
#: Signs kept at the end of a run even after a space, as French writes them: "oublié ?",
#: "Yahoo !", "50 %", "1,99 €".
TRAILING = set("?!%‰€$£¥")


def is_rtl(language: str) -> bool:
    return text_direction(language) == "rtl"


def _pairs(text: str, start: int, end: int) -> dict[int, int]:
    """Index of each bracket or quotation mark in text[start:end] -> index of its partner."""
    partner: dict[int, int] = {}
    open_at: list[int] = []
    for index in range(start, end):
        char = text[index]
        if char in CLOSERS:
            opening = next((at for at in reversed(open_at) if text[at] == CLOSERS[char]), None)
            if opening is not None:
                del open_at[open_at.index(opening) :]
                partner[opening], partner[index] = index, opening
                continue
        if char in PAIRS:
            open_at.append(index)
    return partner


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of the candidate text[start:end] that reads as one left-to-right run."""
    partner = _pairs(text, start, end)
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        first, last = text[start], text[end - 1]
        if not ALNUM_CHARS.match(first):
            attached = start + 1 < end and not text[start + 1].isspace()
            if first in PAIRS:
                keep = start < partner.get(start, -1) < end
            else:
                keep = first in LEADING and attached
            if not keep:
                start += 1
                continue
        if not ALNUM_CHARS.match(last) and end - 1 != start:
            attached = not text[end - 2].isspace()
            if last in CLOSERS:
                keep = start <= partner.get(end - 1, end) < end - 1
            else:
                keep = last in TRAILING or (last in TRAILING_ATTACHED and attached)
            if not keep:
                end -= 1
                continue
        break
    if start >= end or not ALNUM.search(text, start, end):
        return None
    return start, end


def latin_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right run of a text, in order."""
    runs = []
    for candidate in RUN.finditer(text):
        if ALNUM.search(candidate.group()):
            found = _trimmed(text, candidate.start(), candidate.end())
            if found:
                runs.append(found)
    return runs


def isolate_text(text: str, wrap: Callable[[str], str]) -> str:
    """`text` (plain, not HTML) with wrap(run) in place of each left-to-right run."""
    out, done = [], 0
    for start, end in latin_runs(text):
        out += [text[done:start], wrap(text[start:end])]
        done = end
    return "".join(out) + text[done:]


ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def isolate_escaped(raw: str, wrap: Callable[[str], str]) -> str:
    """The same for HTML text (with &entities;): runs are found in what the reader sees,
    and each is wrapped whole, its entities untouched."""
    if "&" not in raw:
        return isolate_text(raw, wrap)
    shown, where = [], []  # each character shown, and where it starts in raw
    done = 0
    for entity in ENTITY.finditer(raw):
        for index in range(done, entity.start()):
            shown.append(raw[index])
            where.append(index)
        char = html_module.unescape(entity.group())
        if len(char) == 1:
            shown.append(char)
            where.append(entity.start())
        else:  # an unknown or multi-character reference: read as it is written
            for index in range(entity.start(), entity.end()):
                shown.append(raw[index])
                where.append(index)
        done = entity.end()
    for index in range(done, len(raw)):
        shown.append(raw[index])
        where.append(index)
    where.append(len(raw))
    out, done = [], 0
    for start, end in latin_runs("".join(shown)):
        out += [raw[done : where[start]], wrap(raw[where[start] : where[end]])]
        done = where[end]
    return "".join(out) + raw[done:]


def isolate_plain(text: str) -> str:
    """For text without markup (titles): FSI … PDI around each Latin run."""
    if FSI in text:
        return text
    return isolate_text(text, lambda run: FSI + run + PDI)


def isolate_heading(title: str) -> str:
    """For a heading's text as the table of contents holds it (HTML-escaped)."""
    if FSI in title:
        return title
    return isolate_escaped(title, lambda run: FSI + run + PDI)


#: Elements whose text is left as it is: code, keys, drawings, and what cannot hold <bdi>.
SKIP_INSIDE = frozenset("code kbd samp pre script style bdi bdo svg math title textarea option select template".split())
#: Elements that read left to right whatever the language of the page.
LEFT_TO_RIGHT = frozenset({"code", "kbd", "samp", "pre"})
#: Classes of elements that read left to right: a keyboard shortcut (pymdownx.keys).
LEFT_TO_RIGHT_CLASSES = frozenset({"keys"})


def _needs_ltr(name: str, attrs: dict, page_language: str) -> bool:
    if "dir" in attrs:
        return False
    lang = attrs.get("lang")
    other_language = bool(lang) and not is_rtl(lang) and lang != page_language
    return other_language or name in LEFT_TO_RIGHT or bool(LEFT_TO_RIGHT_CLASSES & set((attrs.get("class") or "").split()))


def _with_dir_ltr(tag: str) -> str:
    if tag.endswith("/>"):
        return tag[:-2].rstrip() + ' dir="ltr" />'
    return tag[:-1].rstrip() + ' dir="ltr">'


def mark_ltr_element(tag: str, page_language: str) -> str:
    """dir="ltr" on an element in another (left-to-right) language, on code, keys and
    keyboard shortcuts."""
    piece = pieces(tag)[0]
    if piece.kind != "start" or not _needs_ltr(piece.name, piece.attrs, page_language):
        return tag
    return _with_dir_ltr(tag)


def _bdi(run: str) -> str:
    return f"<bdi>{run}</bdi>"


class RunIsolation:
    """The isolation of a right-to-left page's left-to-right runs (a pass of page_text.rewrite)."""

    def __init__(self, page_language: str):
        self.page_language = page_language

    def start_tag(self, piece: Piece) -> tuple[str, bool]:
        raw, ltr = piece.raw, piece.attrs.get("dir") in ("ltr", "auto")
        if _needs_ltr(piece.name, piece.attrs, self.page_language):
            raw, ltr = _with_dir_ltr(raw), True
        return raw, piece.name in SKIP_INSIDE or ltr

    def text(self, raw: str) -> str:
        return isolate_escaped(raw, _bdi) if ALNUM.search(raw) else raw


def isolate_html(html: str, page_language: str) -> str:
    """The content of a right-to-left page with every left-to-right run isolated."""
    return page_text.rewrite(html, isolation=RunIsolation(page_language))
