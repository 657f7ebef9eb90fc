"""A problem found in a contributor's file, said so that a volunteer can fix it:
``path:line: rule-id: message`` and a hint. Shared by every checker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    rule: str
    message: str
    hint: str
    severity: str = "error"

    def __str__(self) -> str:
        label = "" if self.severity == "error" else " (warning)"
        return f"{self.path}:{self.line}: {self.rule}{label}: {self.message}\n    hint: {self.hint}"


# --- Reading files safely -------------------------------------------------------------


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    data = path.read_bytes()
    if b"\x00" in data:
        return None, [
            Problem(
                shown,
                1,
                "file-binary",
                "this is not a text file",
                "Lessons are plain Markdown text; save the file as text (.md).",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                "file-encoding",
                "this file is not saved as UTF-8 text",
                "In your editor, choose 'Save with encoding' → UTF-8.",
            )
        ]
    if not text.strip():
        return None, [
            Problem(
                shown,
                1,
                "file-empty",
                "the file is empty",
                'Start from docs/fr/lecons/_modele.md, or run: make lesson SLUG=... TITLE="..."',
            )
        ]
    return text.lstrip("\ufeff"), []
