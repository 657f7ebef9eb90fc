"""A synthetic catalogue for measurements: the project with N extra lessons per language.

    python -m pasapas.testing.synthetic_site DEST N

Each extra lesson is a copy of a real lesson in every language (so it has illustrations,
glossary terms, steps and translations), in learning paths of ten lessons each.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from pasapas.model.languages import configured_languages
from pasapas.model.lesson import LESSONS_FOLDER, SOURCE_LANGUAGE
from pasapas.model.translations import stamp
from pasapas.project import ROOT  # noqa: E402

PARTS = ("mkdocs.yml", "docs", "overrides", "pasapas", "CONTRIBUTING.md")
MODEL_LESSON = "antivirus.md"
#: The extra lessons are named exercice-001, exercice-002…
SLUG_PREFIX = "exercice-"


PATH_SIZE = 10  # lessons per learning path, as in a real catalogue


def make_project(dest: Path, lessons: int) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest / part)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    languages = [code for code in configured_languages(dest) if (dest / "docs" / code / LESSONS_FOLDER / MODEL_LESSON).exists()]
    for number in range(1, lessons + 1):
        slug = f"{SLUG_PREFIX}{number:03d}"
        path = f"Parcours {(number - 1) // PATH_SIZE + 1}"
        for language in languages:
            model = (dest / "docs" / language / LESSONS_FOLDER / MODEL_LESSON).read_text(encoding="utf-8")
            copy = model.replace('\ntitle: "', f'\ntitle: "({number}) ', 1).replace("\n# ", f"\n# ({number}) ", 1)
            copy = re.sub(r"^parcours: .*$", f"parcours: {path}", copy, count=1, flags=re.MULTILINE)
            (dest / "docs" / language / LESSONS_FOLDER / f"{slug}.md").write_text(copy, encoding="utf-8")
        for language in languages:
            if language != SOURCE_LANGUAGE:
                stamp(dest / "docs", f"{language}/{LESSONS_FOLDER}/{slug}.md")
    # Each path an empty section of nav:, filled by the build from the lessons' `parcours:`.
    paths = "".join(f"  - Parcours {start // PATH_SIZE + 1}: []\n" for start in range(1, lessons + 1, PATH_SIZE))
    text = text.replace("  - Contribuer:\n", paths + "  - Contribuer:\n", 1)
    config.write_text(text, encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(make_project(Path(sys.argv[1]), int(sys.argv[2])))
