"""The lesson checker's rules for `mediation:`, the French mediators' categories of a
lesson (pasapas/model/competences.py): each value one of the taxonomy's, said at its line."""

from __future__ import annotations

import difflib
import re

from pasapas.model import competences

HINT = (
    "Write it as 'mediation: {theme: email}', with 'demarche: …' too for a lesson about an administrative "
    "procedure; the values are in pasapas/model/mediation_categories.yml."
)


def value_line(text: str, name: str, start: int) -> int:
    """The line of `name:` in the `mediation:` block (or on its line, `{theme: …}`)."""
    lines = text.splitlines()
    for number in range(start, min(len(lines), start + 4) + 1):
        if re.search(rf"(^|[\s{{,]){re.escape(name)}\s*:", lines[number - 1]):
            return number
    return start


def check(lesson_check) -> None:
    """Report the problems of `mediation:` on `lesson_check` (a LessonCheck)."""
    meta = lesson_check.lesson.meta
    if competences.FIELD not in meta:
        return  # field-missing says it
    start = lesson_check.field_line(competences.FIELD)
    given = meta[competences.FIELD]
    if not isinstance(given, dict):
        lesson_check.report(start, "mediation-invalid", "'mediation' must give a theme (and a démarche family)", HINT)
        return
    for name in given:
        if name not in competences.KINDS:
            lesson_check.report(
                value_line(lesson_check.text, str(name), start),
                "mediation-invalid",
                f"'mediation' has an unknown field '{name}'",
                "It holds only 'theme' and, for an administrative procedure, 'demarche'.",
            )
    for kind in competences.REQUIRED_KINDS:
        if kind not in given:
            lesson_check.report(start, "mediation-invalid", f"'mediation' has no '{kind}'", HINT)
    for kind in competences.KINDS:
        if kind not in given:
            continue
        value, known = given[kind], competences.allowed(kind)
        if not isinstance(value, str) or value not in known:
            guess = difflib.get_close_matches(str(value), known, n=1)
            hint = f"Did you mean '{guess[0]}'?" if guess else f"Use one of: {', '.join(known)}."
            lesson_check.report(
                value_line(lesson_check.text, kind, start),
                "mediation-value",
                f"{kind} '{value}' is not one of the mediators' categories",
                hint,
            )
