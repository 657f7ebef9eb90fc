"""A practice (pasapas.model.practice) as HTML, in place of its `!!! practice "<name>"` block.

Accessibility acceptance criteria (each checked in tests/test_practice.py):
- every control is a real form control with a visible label; a choice is a fieldset with a
  legend; the pretend folder is a fieldset opened by a button that says whether it is open;
- the feedback on a mistake is written in a live region next to the button, the field is
  marked invalid and described by it, and focus goes back to that field;
- after a screen is done, what went well is said first and focus moves there;
- without JavaScript nothing of the widget shows: a sentence says that the practice needs
  it, and the "À essayer" list gives the same tasks to try for real (it is also what prints);
- nothing moves or fades (reduced motion needs no exception), and it reflows at 320 px.

Every text from the data file is escaped here: the file comes from a pull request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from html import escape

from pasapas.model.practice import Field, Practice
from pasapas.transform import partials

#: What Markdown makes of `!!! practice "<name>"` (Python-Markdown's admonition).
RENDERED_BLOCK = re.compile(
    r'<div class="admonition practice">\s*<p class="admonition-title">(?P<name>[^<]*)</p>\s*</div>', re.DOTALL
)
MARK = re.compile(r"<!--pap-practice (?P<name>[a-z0-9-]+)-->")


def hold_blocks(html: str) -> str:
    """Each practice block, as a comment that later passes (glossary links) leave alone."""
    return RENDERED_BLOCK.sub(lambda match: f"<!--pap-practice {escape(match.group('name').strip())}-->", html)


def names_in(html: str) -> list[str]:
    return [match.group("name") for match in MARK.finditer(html)]


def replace_blocks(
    html: str, practice_for: Callable[[str], Practice], ui: dict, isolate: Callable[[str], str] | None = None
) -> str:
    """Each held practice block of a page's HTML, rendered. `practice_for(name)` gives the
    data (and raises if there is none: the checker refuses such a lesson before the build).
    `isolate` marks the Latin runs of texts that the script writes into a right-to-left
    page (feedback), where no element can isolate them."""
    return MARK.sub(lambda match: render(practice_for(match.group("name")), ui, isolate), html)


PLACEHOLDER_ISOLATED = re.compile("\\{\u2068(\\w+)\u2069\\}")


def said(value: str, isolate: Callable[[str], str] | None) -> str:
    """A text the script shows: isolated for right-to-left pages, its {placeholders} kept."""
    return PLACEHOLDER_ISOLATED.sub(r"{\1}", isolate(value)) if isolate else value


def mistakes_json(item: Field, isolate: Callable[[str], str] | None) -> str:
    """The mistakes practice.js watches for on this field, with what it says for each."""
    mistakes = [
        {
            key: said(value, isolate) if key == "say" else value
            for key, value in asdict(mistake).items()
            if value not in ("", 0, ())
        }
        for mistake in item.mistakes
    ]
    return json.dumps(mistakes, ensure_ascii=False, separators=(",", ":"))


def render(practice: Practice, ui: dict, isolate: Callable[[str], str] | None = None) -> str:
    return partials.render(
        "practice.html",
        practice=practice,
        ui=ui,
        prefix=f"pap-{practice.name}",
        said=lambda value: said(value, isolate),
        mistakes=lambda item: mistakes_json(item, isolate),
    )
