"""The French lesson as it was at an earlier version, found in the project's git history.

A translator who marks a translation aligned in the browser writes only the French
version it follows (`translation: {aligned_with: fr-3f9a1c2e7b}`), not the fingerprint of
each part. When the French changes again, the parts of that version are read from the
version itself, here. Without git, or in a shallow clone that lacks it, there is no
answer (None): the translation is then said to be behind, without naming the parts.
"""

from __future__ import annotations

import functools
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from pasapas.model.lesson import FrontMatterError, Lesson, parse_lesson
from pasapas.project import ROOT


def versions_of(path: str, root: Path) -> Iterator[str]:
    """The texts of `path` (relative to `root`) in each commit that changed it, newest first."""
    try:
        revisions = subprocess.run(
            ["git", "log", "--format=%H", "--", path], cwd=root, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return
    for revision in revisions:
        shown = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, text=True)
        if shown.returncode == 0:
            yield shown.stdout


def french_at(
    french_relative: str, version: str, fingerprint: Callable[[Lesson], str], root: Path | None = None
) -> Lesson | None:
    """The French lesson `french_relative` (e.g. 'fr/lecons/sms.md') whose fingerprint is
    `version`, from the history of docs/ in `root` (the project); None when no commit has it."""
    return _french_at(french_relative, version, fingerprint, root or ROOT)


@functools.lru_cache(maxsize=256)
def _french_at(french_relative: str, version: str, fingerprint: Callable[[Lesson], str], root: Path) -> Lesson | None:
    for text in versions_of(f"docs/{french_relative}", root):
        try:
            earlier = parse_lesson(text, french_relative)
        except FrontMatterError:
            continue
        if fingerprint(earlier) == version:
            return earlier
    return None
