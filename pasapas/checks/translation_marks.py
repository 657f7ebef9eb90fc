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


def aligned_with_problem(meta: dict) -> tuple[str, str] | None:
    """(message, hint) when `aligned_with` is there but is not a French version."""
    marker = meta.get("translation")
    if not isinstance(marker, dict) or "aligned_with" not in marker:
        return None
    if translations.aligned_version(meta) is not None:
        return None
    written = str(marker["aligned_with"])[:40]
    return (
        f"aligned_with '{written}' is not a French version (it looks like fr-3f9a1c2e7b)",
        "Copy the French version from this message's other lines, or from the page 'État des traductions'.",
    )


def spelling_only_problems(meta: dict, lesson: Lesson, is_french: bool) -> list[tuple[str, str, str, str]]:
    """(rule, message, hint, severity) for the `spelling_only:` field of a lesson."""
    if SPELLING_ONLY not in meta:
        return []
    declared = meta[SPELLING_ONLY]
    example = 'spelling_only: {etape-3: "7a8b9c=1d2e3f"}'
    if not is_french:
        return [
            (
                "spelling-only-translation",
                "spelling_only belongs in the French lesson, not in a translation",
                "Delete this line: the French lesson says which of its changes were spelling only.",
                "warning",
            )
        ]
    if not isinstance(declared, dict):
        return [
            (
                "spelling-only-invalid",
                "spelling_only must list parts of the lesson with two fingerprints each",
                f"Copy the line given by the 'translation-outdated' remark, for example: {example}",
                "error",
            )
        ]
    problems = []
    current = translations.part_fingerprints(lesson)
    for part, values in declared.items():
        entries = values if isinstance(values, list) else [values]
        malformed = [str(value) for value in entries if not translations.SPELLING_FIX.match(str(value).strip().lower())]
        if str(part) not in current:
            problems.append(
                (
                    "spelling-only-invalid",
                    f"spelling_only names '{part}', which this lesson does not have",
                    f"Parts are the header (en-tete), the sections and the steps (etape-1…): {example}",
                    "error",
                )
            )
        elif malformed:
            problems.append(
                (
                    "spelling-only-invalid",
                    f"spelling_only: '{malformed[0][:40]}' for {part} is not two fingerprints joined by '='",
                    f"Copy the line given by the 'translation-outdated' remark, for example: {example}",
                    "error",
                )
            )
        elif not any(str(value).strip().lower().endswith("=" + current[str(part)]) for value in entries):
            problems.append(
                (
                    "spelling-only-stale",
                    f"{part} has changed again since it was declared spelling only: this entry no longer does anything",
                    f"Delete '{part}' from spelling_only.",
                    "warning",
                )
            )
    return problems
