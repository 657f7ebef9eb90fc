"""What translators and French authors write by hand about translations, checked so that
nobody needs a terminal or a maintainer:

- in a translation, `translation: {aligned_with: fr-3f9a1c2e7b}` — the French version it
  follows, as the checker and the translations page show it;
- in a French lesson, `spelling_only: {etape-3: "7a8b9c=1d2e3f"}` — a change of that part
  that is only spelling or punctuation, which outdates no translation.

See pasapas/model/translations.py for what they mean.
"""

from __future__ import annotations

from pasapas.model import translations
from pasapas.model.lesson import Lesson

SPELLING_ONLY = "spelling_only"


def web_editor_alignment(french: Lesson) -> str:
    """The one line a translator puts in the front matter once the translation follows the
    current French (instead of the whole `translation:` block)."""
    return f"translation: {{aligned_with: {translations.french_version(french)}}}"


def aligned_with_problem(meta: dict) -> str | None:
    """What `aligned_with` says when it is there but is not a French version."""
    marker = meta.get("translation")
    if not isinstance(marker, dict) or "aligned_with" not in marker:
        return None
    if translations.aligned_version(meta) is not None:
        return None
    return str(marker["aligned_with"])[:40]


def spelling_only_problems(meta: dict, lesson: Lesson, is_french: bool) -> list[tuple[str, dict]]:
    """(message key, values) for the `spelling_only:` field of a lesson."""
    if SPELLING_ONLY not in meta:
        return []
    declared = meta[SPELLING_ONLY]
    example = {"example": 'spelling_only: {etape-3: "7a8b9c=1d2e3f"}'}
    if not is_french:
        return [("spelling-only-translation", {})]
    if not isinstance(declared, dict):
        return [("spelling-only-invalid", example)]
    problems = []
    current = translations.part_fingerprints(lesson)
    for part, values in declared.items():
        entries = values if isinstance(values, list) else [values]
        malformed = [str(value) for value in entries if not translations.SPELLING_FIX.match(str(value).strip().lower())]
        if str(part) not in current:
            problems.append(("spelling-only-invalid.part", {"part": part, **example}))
        elif malformed:
            problems.append(("spelling-only-invalid.fingerprints", {"written": malformed[0][:40], "part": part, **example}))
        elif not any(str(value).strip().lower().endswith("=" + current[str(part)]) for value in entries):
            problems.append(("spelling-only-stale", {"part": part}))
    return problems
