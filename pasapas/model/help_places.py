"""The places and lines that give free, human help, from one data file (docs/_aide.yml),
shown on each language's "get help" page in the section `## … {#lieux-d-aide}`."""

from __future__ import annotations

from pathlib import Path

from pasapas.model.lesson import as_date, load_front_matter

DATA_FILE = "_aide.yml"
TEXT_FIELDS = ("name", "what", "how")


class HelpDataError(ValueError):
    pass


def read_help_places(docs_dir: Path, languages: list[str]) -> list[dict]:
    path = docs_dir / DATA_FILE
    entries = load_front_matter(path.read_text(encoding="utf-8")) or []  # the same safe YAML as pages
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise HelpDataError(f"docs/{DATA_FILE}: must be a list of entries starting with '- id:'")
    for index, entry in enumerate(entries, start=1):
        where = f"docs/{DATA_FILE}, entry {index} ({entry.get('id', 'no id')})"
        if not entry.get("id") or as_date(entry.get("last_checked")) is None:
            raise HelpDataError(f"{where}: needs an 'id' and a 'last_checked' date (YYYY-MM-DD)")
        for language in languages:
            texts = entry.get(language) or {}
            if not isinstance(texts, dict):
                raise HelpDataError(f"{where}: '{language}' must hold name, what and how")
            missing = [field for field in TEXT_FIELDS if not str(texts.get(field, "")).strip()]
            if missing:
                raise HelpDataError(f"{where}: the '{language}' text lacks {', '.join(missing)}")
    return entries
