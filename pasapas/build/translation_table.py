"""The translation table of the translators' page (`## … {#etat-des-traductions}`)."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from mkdocs.utils import get_relative_url

from pasapas.model.translations import STATES
from pasapas.transform.page_sections import append_to_section
from pasapas.transform.partials import render


def language_name(code: str, in_language: str) -> str:
    """'Espagnol' for 'es' on a French page: a new language needs no label of its own."""
    try:
        name = Locale.parse(in_language).languages.get(code.split("-")[0])
    except (ValueError, UnknownLocaleError):
        name = None
    return name[:1].upper() + name[1:] if name else code


def add_status_table(html: str, table: dict, labels: dict, page, nav, language: str = "fr") -> str:
    """The lesson × language table, after the heading `## … {#etat-des-traductions}`."""
    if 'id="etat-des-traductions"' not in html:
        return html
    missing = [state for state in STATES if state not in labels]
    if missing:
        raise ValueError(f"{page.file.src_uri}: status_labels lacks {', '.join(missing)}")
    titles = {p.file.src_uri.split("/", 1)[-1]: p for p in nav.pages}
    languages = list(dict.fromkeys(code for row in table.values() for code in row))
    rows = []
    for slug, row in table.items():
        lesson_page = titles.get(slug)
        rows.append(
            {
                "name": lesson_page.title if lesson_page else slug,
                "url": get_relative_url(lesson_page.url, page.url) if lesson_page else None,
                "cells": [(row[code].replace(" ", "-"), labels[row[code]]) for code in languages],
            }
        )
    table_html = render(
        "translation_table.html",
        lesson_label=labels.get("lesson", ""),
        language_names=[labels.get(code) or language_name(code, language) for code in languages],
        rows=rows,
    )
    return append_to_section(html, "etat-des-traductions", table_html)
