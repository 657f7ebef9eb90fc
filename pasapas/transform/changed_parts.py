"""In a translation behind the French, each step (or section) that changed in the French
since it was translated says so under its heading, with a link to the same step of the
French page: the reader knows which step to check, the translator which one to update."""

from __future__ import annotations

import re

from pasapas.model.lesson import STEP_ID
from pasapas.transform.partials import render

#: A level-2 to level-4 heading with an id: sections (h2) and steps (h3, h4).
HEADING = re.compile(r'<h([234]) id="(?P<id>[\w-]+)"[^>]*>.*?</h\1>', re.DOTALL)


def mark_changed_parts(html: str, changed: list[str], french_url: str, source: str, ui: dict) -> str:
    """Put the note under the heading of each changed part that the page has."""
    wanted = set(changed)
    if not wanted:
        return html

    def note(match: re.Match) -> str:
        part = match["id"]
        if part not in wanted:
            return match[0]
        kind = "step" if STEP_ID.fullmatch(part) else "part"
        block = render(
            "changed_part.html",
            text=ui[f"translation_{kind}_changed"],
            link=ui[f"translation_read_french_{kind}"],
            url=f"{french_url}#{part}",
            source=source,
        )
        return match[0] + block

    return HEADING.sub(note, html)
