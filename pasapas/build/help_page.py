"""The places to get help, as a block of the help page (`## … {#lieux-d-aide}`)."""

from __future__ import annotations

import re

from markupsafe import Markup

from pasapas.model.lesson import as_date
from pasapas.transform import partials
from pasapas.transform.page_sections import append_to_section


def phone_link(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    international = "+33" + digits[1:] if len(digits) == 10 and digits.startswith("0") else digits
    return partials.render("phone_link.html", international=international, number=number)


def render(entries: list[dict], language: str, ui: dict, format_day) -> str:
    places = []
    for entry in entries:
        texts = entry[language]
        places.append(
            {
                "id": entry["id"],
                "name": texts["name"],
                "what": texts["what"],
                "how": texts["how"],
                # phone_link.html escaped the number.
                "phone": Markup(phone_link(str(entry["phone"]))) if entry.get("phone") else None,
                "link": entry["link"] if entry.get("link") else None,
                "checked": format_day(as_date(entry["last_checked"])),
            }
        )
    return partials.render("help_places.html", places=places, ui=ui)


def add_help_places(html: str, block: str) -> str:
    return append_to_section(html, "lieux-d-aide", block)
