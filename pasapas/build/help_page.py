"""The places to get help, as a block of the help page (`## … {#lieux-d-aide}`)."""

from __future__ import annotations

import re
from html import escape

from pasapas.model.lesson import as_date
from pasapas.transform.page_sections import append_to_section


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
        items.append(
            f'<li class="pap-help__place" id="{escape(entry["id"])}"><h3>{escape(texts["name"])}</h3>{"".join(details)}</li>'
        )
    return f'<ul class="pap-help">{"".join(items)}</ul>'


def add_help_places(html: str, block: str) -> str:
    return append_to_section(html, "lieux-d-aide", block)
