"""The translation table of the translators' page (`## … {#etat-des-traductions}`)."""

from __future__ import annotations

from html import escape

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from pasapas.model.translations import STATES, step_numbers
from pasapas.transform.page_sections import append_to_section
from pasapas.transform.partials import render


def language_name(code: str, in_language: str) -> str:
    """'Espagnol' for 'es' on a French page: a new language needs no label of its own."""
    try:
        name = Locale.parse(in_language).languages.get(code.split("-")[0])
    except (ValueError, UnknownLocaleError):
        name = None
    return name[:1].upper() + name[1:] if name else code


def changed_steps(steps: list[int], lesson_url: str | None, ui: dict, language: str) -> str:
    """'Steps changed in French: 3 and 5.', each number a link to that step of the lesson."""
    if not steps:
        return ""
    links = [render("link.html", url=f"{lesson_url}#etape-{n}", text=str(n)) if lesson_url else str(n) for n in steps]
    # Babel joins the rendered, escaped links with the language's own words ("3 et 5").
    return Markup(escape(ui["translation_changed_steps"]).replace("{steps}", format_list(links, locale=language)))


def add_status_table(
    html: str, table: dict, labels: dict, page, nav, language: str = "fr", ui: dict | None = None, versions: dict | None = None
) -> str:
    """The lesson × language table, after the heading `## … {#etat-des-traductions}`.
    `table`: slug → language → state, or (state, changed parts); with `ui`, a translation
    behind the French names the steps that changed; with `versions` (slug → 'fr-…') and a
    `french_version` label, a column gives the French version a translator aligns with."""
    if 'id="etat-des-traductions"' not in html:
        return html
    missing = [state for state in STATES if state not in labels]
    if missing:
        raise ValueError(f"{page.file.src_uri}: status_labels lacks {', '.join(missing)}")
    titles = {p.file.src_uri.split("/", 1)[-1]: p for p in nav.pages}
    languages = list(dict.fromkeys(code for row in table.values() for code in row))
    with_versions = bool(versions) and "french_version" in labels
    rows = []
    for slug, row in table.items():
        lesson_page = titles.get(slug)
        url = get_relative_url(lesson_page.url, page.url) if lesson_page else None
        cells = []
        for code in languages:
            state, changed = row[code] if isinstance(row[code], tuple) else (row[code], [])
            steps = changed_steps(step_numbers(changed), url, ui, language) if ui else ""
            cells.append((state.replace(" ", "-"), labels[state], steps))
        rows.append(
            {
                "name": lesson_page.title if lesson_page else slug,
                "url": url,
                "cells": cells,
                "version": versions.get(slug, "") if with_versions else None,
            }
        )
    table_html = render(
        "translation_table.html",
        lesson_label=labels.get("lesson", ""),
        language_names=[labels.get(code) or language_name(code, language) for code in languages],
        version_label=labels["french_version"] if with_versions else None,
        rows=rows,
    )
    return append_to_section(html, "etat-des-traductions", table_html)
