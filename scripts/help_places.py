"""The places and lines that give free, human help, from one data file (docs/_aide.yml),
shown on each language's "get help" page in the section `## … {#lieux-d-aide}`."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from lesson_model import as_date, load_front_matter
from page_sections import append_to_section

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


def phone_link(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    international = "+33" + digits[1:] if len(digits) == 10 and digits.startswith("0") else digits
    return f'<a href="tel:{international}" dir="ltr">{escape(number)}</a>'


def render(entries: list[dict], language: str, ui: dict, format_day) -> str:
    items = []
    for entry in entries:
        texts = entry[language]
        details = [f"<p>{escape(texts['what'])}</p>", f"<p>{escape(texts['how'])}</p>"]
        if entry.get("phone"):
            details.append(f"<p><strong>{escape(ui['help_phone'])}</strong> {phone_link(str(entry['phone']))}</p>")
        if entry.get("link"):
            details.append(f'<p><a href="{escape(entry["link"])}">{escape(ui["help_website"])} {escape(texts["name"])}</a></p>')
        checked = format_day(as_date(entry["last_checked"]))
        details.append(f'<p class="pap-help__checked">{escape(ui["help_checked"])} {escape(checked)}</p>')
        items.append(f'<li class="pap-help__place" id="{escape(entry["id"])}"><h3>{escape(texts["name"])}</h3>{"".join(details)}</li>')
    return f'<ul class="pap-help">{"".join(items)}</ul>'


def add_help_places(html: str, block: str) -> str:
    return append_to_section(html, "lieux-d-aide", block)
