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
        lesson_check.say(start, "mediation-invalid")
        return
    for name in given:
        if name not in competences.KINDS:
            lesson_check.say(value_line(lesson_check.text, str(name), start), "mediation-invalid.2", name=name)
    for kind in competences.REQUIRED_KINDS:
        if kind not in given:
            lesson_check.say(start, "mediation-invalid.3", kind=kind)
    for kind in competences.KINDS:
        if kind not in given:
            continue
        value, known = given[kind], competences.allowed(kind)
        if not isinstance(value, str) or value not in known:
            guess = difflib.get_close_matches(str(value), known, n=1)
            line = value_line(lesson_check.text, kind, start)
            if guess:
                lesson_check.say(line, "mediation-value", kind=kind, value=value, guess=guess[0])
            else:
                lesson_check.say(line, "mediation-value.list", kind=kind, value=value, known=", ".join(known))
