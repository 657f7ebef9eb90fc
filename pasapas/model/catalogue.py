"""`/catalogue.json`: every lesson of every language, as data another site, a mediators'
resource commons or a library's catalogue can read. Its JSON Schema is
catalogue.schema.json beside this module, published beside the file as
/catalogue.schema.json; tests/test_open_catalogue.py validates the built file against it.

One entry per lesson page written in a language (a translation not written yet has no page
of its own: its French entry says so under `translations`)."""

from __future__ import annotations

import json
from pathlib import Path

from pasapas.model import competences
from pasapas.model.lesson import SOURCE_LANGUAGE, Lesson, as_date, live_checks

FILE_NAME = "catalogue.json"
SCHEMA = "catalogue.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parent / SCHEMA
FORMAT_VERSION = 1
NAME = "Pas à pas"
ATTRIBUTION = f"{NAME} et ses contributrices et contributeurs"
CONTENT_LICENCE = {
    "spdx": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/legalcode",
}
CODE_LICENCE = {"spdx": "MIT", "name": "MIT License", "url": "https://opensource.org/license/mit"}


def category(kind: str, meta: dict, language: str) -> dict | None:
    value = competences.mediation_of(meta).get(kind)
    if value is None:
        return None
    label = competences.label(kind, value, language)
    return {"id": value, "label": label.text, "label_language": label.lang}


def entry(lesson: Lesson, french: Lesson, address: str, translation_state: str | None, aligned=None) -> dict:
    """One lesson page. `lesson` is the page's own lesson, `french` its French source (the
    same for a French page); `translation_state` is None for the French, else 'up to date'
    or 'outdated' (pasapas/model/translations.py)."""
    meta, language = lesson.meta, lesson.language
    checks = live_checks(french.meta)
    last = checks[-1] if checks else None
    digcomp = competences.digcomp_of(meta)
    if translation_state is None:
        translation = {"state": "source"}
    else:
        translation = {"state": translation_state, "source_language": SOURCE_LANGUAGE}
        day = as_date(aligned) if aligned is not None else None
        translation["aligned"] = day.isoformat() if day else None
    checked = as_date(meta.get("last_checked"))
    return {
        "id": lesson.slug.removesuffix(".md"),
        "language": language,
        "address": address,
        "title": str(meta.get("title") or lesson.title or ""),
        "description": str(meta.get("description") or ""),
        "level": meta.get("level"),
        "duration_minutes": meta.get("duration"),
        "devices": list(meta.get("devices") or []),
        "prerequisites": [str(p) for p in meta.get("prerequisites") or []],
        "competences": {"digcomp": digcomp, "pix": [code for code, _ in competences.pix_for(digcomp)]},
        "mediation": {"theme": category("theme", meta, language), "demarche": category("demarche", meta, language)},
        "last_checked": checked.isoformat() if checked else None,
        "last_live_check": (
            {"date": last.day.isoformat(), "by": last.by, "steps": list(last.steps)} if last is not None else None
        ),
        "translation": translation,
        "licence": CONTENT_LICENCE["spdx"],
    }


def document(entries: list[dict], languages: list[str], site_url: str | None) -> str:
    """The whole file: the lessons of the source language first, then each translation, each
    language's in the order of their ids (the same bytes however the languages were built)."""
    rank = {language: number for number, language in enumerate(languages)}
    ordered = sorted(entries, key=lambda e: (rank.get(e["language"], len(rank)), e["language"], e["id"]))
    data = {
        "format_version": FORMAT_VERSION,
        "schema": SCHEMA,
        "name": NAME,  # the project's, whichever language's build writes the file
        "site": site_url,
        "languages": languages,
        "attribution": ATTRIBUTION,
        "licence": {"content": CONTENT_LICENCE, "code": CODE_LICENCE},
        "lessons": ordered,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
