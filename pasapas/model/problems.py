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
        from pasapas.model.messages import word  # the words of the chosen language

        label = "" if self.severity == "error" else f" ({word('warning')})"
        return f"{self.path}:{self.line}: {self.rule}{label}: {self.message}\n    {word('hint')}: {self.hint}"


# --- Reading files safely -------------------------------------------------------------


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    from pasapas.model.messages import problem  # messages builds on Problem

    data = path.read_bytes()
    if b"\x00" in data:
        return None, [problem(shown, 1, "file-binary")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [problem(shown, line, "file-encoding")]
    if not text.strip():
        return None, [problem(shown, 1, "file-empty")]
    return text.lstrip("\ufeff"), []
