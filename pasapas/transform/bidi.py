"""Mixed Latin and Arabic text that reads in the right order.

In a right-to-left paragraph, a run of left-to-right text takes its order from its
neighbours: "01 70 772 372" shows as "372 772 70 01", "Mot de passe oublié ?" as
"? Mot de passe oublié", ".zip" as "zip.". Every such run is isolated at build time,
so that no translator has to place invisible characters by hand:

- an element marked with another language ({lang=fr}), and every <code> and <kbd>,
  gets dir="ltr" (which the browser isolates: unicode-bidi: isolate);
- any other run of Latin letters and digits in the text is wrapped in <bdi>;
- plain-text places without elements (the page title, the menu) get the Unicode
  isolate characters FSI … PDI around the same runs.
"""

from __future__ import annotations

import re

from pasapas.model.languages import text_direction

#: A run that starts and ends with a Latin letter or digit (or closing punctuation that
#: belongs to it) and holds only Latin text, digits, spaces and punctuation between.
LATIN_RUN = re.compile(
    r"(?<![\w])[A-Za-z0-9À-ɏ@+#][A-Za-z0-9À-ɏ@+#.,:;/\\'’&%_=() \-–?!«»\"]*[A-Za-z0-9À-ɏ)?!%»\"]"
    r"|(?<![\w])[.][A-Za-z0-9]{2,5}\b"
    r"|(?<![\w])[A-Za-z0-9]"
)
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
SKIP_INSIDE = {"code", "kbd", "pre", "script", "style", "bdi", "svg", "title"}
OPEN_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
CLOSE_NAME = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)")
LANG_ATTRIBUTE = re.compile(r'\blang="(?P<lang>[^"]*)"')
FSI, PDI = "\u2068", "\u2069"


def is_rtl(language: str) -> bool:
    return text_direction(language) == "rtl"


def _balanced(run: str) -> str:
    """Leave out a trailing bracket or quote that belongs to the text around the run."""
    while run:
        last = run[-1]
        if (
            (last == ")" and run.count("(") < run.count(")"))
            or (last == "»" and run.count("«") < run.count("»"))
            or (last == '"' and run.count('"') % 2)
        ):
            run = run[:-1].rstrip()
        else:
            return run
    return run


def isolate_text(text: str, wrap) -> str:
    def replace(match: re.Match) -> str:
        run = match.group(0)
        kept = _balanced(run.rstrip())
        if not kept:
            return run
        return wrap(kept) + run[len(kept) :]

    return LATIN_RUN.sub(replace, text)


def isolate_plain(text: str) -> str:
    """For text without markup (titles): FSI … PDI around each Latin run."""
    if FSI in text:
        return text
    return isolate_text(text, lambda run: FSI + run + PDI)


def mark_ltr_element(tag: str, page_language: str) -> str:
    """dir="ltr" on an element in another (left-to-right) language, and on code and keys."""
    name = OPEN_NAME.match(tag).group(1).lower()
    if " dir=" in tag:
        return tag
    lang = LANG_ATTRIBUTE.search(tag)
    other_language = lang is not None and not is_rtl(lang.group("lang")) and lang.group("lang") != page_language
    if other_language or name in ("code", "kbd", "pre"):
        return tag[:-1].rstrip("/").rstrip() + ' dir="ltr"' + (" />" if tag.endswith("/>") else ">")
    return tag


VOID = {"br", "img", "hr", "input", "wbr", "source", "meta", "link"}


def isolate_html(html: str, page_language: str) -> str:
    """The content of a right-to-left page with every left-to-right run isolated."""
    out: list[str] = []
    open_elements: list[tuple[str, bool]] = []  # (name, whether text inside is left alone)
    for part in TAG_OR_TEXT.split(html):
        if not part:
            continue
        if not part.startswith("<"):
            inside_skipped = bool(open_elements) and open_elements[-1][1]
            out.append(part if inside_skipped else isolate_text(part, lambda run: f"<bdi>{run}</bdi>"))
            continue
        opening, closing = OPEN_NAME.match(part), CLOSE_NAME.match(part)
        if opening:
            name = opening.group(1).lower()
            part = mark_ltr_element(part, page_language)
            if name not in VOID and not part.endswith("/>"):
                skipped = (bool(open_elements) and open_elements[-1][1]) or name in SKIP_INSIDE or ' dir="ltr"' in part
                open_elements.append((name, skipped))
        elif closing:
            name = closing.group(1).lower()
            # Close up to the matching element (HTML may leave some end tags implied).
            for index in range(len(open_elements) - 1, -1, -1):
                if open_elements[index][0] == name:
                    del open_elements[index:]
                    break
        out.append(part)
    return "".join(out)
