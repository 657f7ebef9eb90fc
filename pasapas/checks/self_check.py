"""The "what I can already do" page (pasapas/model/self_check.py): each statement is one link
to a lesson that exists, and a translation lists the French statements' lessons in the same
order (a learner's ticks are kept by lesson, the same in every language)."""

from __future__ import annotations

from pathlib import Path

from pasapas.model import self_check
from pasapas.model.lesson import SOURCE_LANGUAGE
from pasapas.model.messages import problem
from pasapas.model.problems import Problem

ITEM_HINT = "Write each statement as one link to the lesson that teaches it: '- [Je sais envoyer un SMS.](lecons/sms.md)'."


def pages(docs_dir: Path, language: str) -> list[tuple[str, str]]:
    """(name, text) of the pages of `language` that hold a `{#je-sais}` section."""
    found = []
    folder = docs_dir / language
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.is_symlink():
            continue  # reported as file-symlink
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the file checks
        if self_check.has_self_check(text):
            found.append((path.name, text))
    return found


def check(docs_dir: Path, languages: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    french: dict[str, list[str | None]] = {}
    for language in languages:
        for name, text in pages(docs_dir, language):
            shown = f"docs/{language}/{name}"
            try:
                found = self_check.statements(text)
            except ValueError:
                continue  # a front matter that cannot be read: the file checks say it
            for statement in found:
                if statement.lesson is None:
                    problems.append(problem(shown, statement.line, "self-check-item", item=statement.item))
                elif (
                    not (docs_dir / language / f"{statement.lesson}.md").is_file()
                    and not (docs_dir / SOURCE_LANGUAGE / f"{statement.lesson}.md").is_file()
                ):
                    problems.append(
                        problem(shown, statement.line, "self-check-item.2", lesson=statement.lesson, language=language)
                    )
            lessons = [statement.lesson for statement in found]
            if language == SOURCE_LANGUAGE:
                french[name] = lessons
            elif name in french and lessons != french[name]:
                first = next((i for i, (a, b) in enumerate(zip(lessons, french[name], strict=False)) if a != b), None)
                line = found[first].line if first is not None else (found[-1].line if found else 1)
                problems.append(
                    problem(
                        shown,
                        line,
                        "translation-structure.3",
                        lessons=len(lessons),
                        len=len(french[name]),
                        source_language=SOURCE_LANGUAGE,
                        name=name,
                    )
                )
    return problems
