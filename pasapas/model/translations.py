"""Which translations follow the current French, and stamping one that does.

Each translated lesson records, in its front matter, the fingerprint of the French text
it was translated from:

    translation:
      source: 3f9a1c2e7b   # written by `.venv/bin/pasapas translations stamp docs/ar/lecons/x.md`
      date: 2026-11-28

When the French file changes, its fingerprint changes, and the translation shows as
outdated until a translator has aligned it and stamped it again.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pasapas.model.lesson import SOURCE_LANGUAGE, lessons_in, source_fingerprint, split_front_matter, translation_pending

#: The whole `translation:` entry: a block, or the scaffold's one-line `translation: todo`.
TRANSLATION_BLOCK = re.compile(r"^translation:[^\n]*\n(?:[ \t]+.*\n)*", re.MULTILINE)


STATES = ("up to date", "outdated", "missing")


def state_of(meta: dict, french_text: str) -> str:
    """'up to date', 'outdated' or 'missing' (a placeholder counts as missing)."""
    if translation_pending(meta) or not isinstance(meta.get("translation"), dict):
        return "missing"
    return "up to date" if meta["translation"].get("source") == source_fingerprint(french_text) else "outdated"


def status(docs_dir: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """slug → language → 'up to date' | 'outdated' | 'missing'."""
    table = {}
    for french in lessons_in(docs_dir, SOURCE_LANGUAGE):
        french_text = (docs_dir / french.path).read_text(encoding="utf-8")
        row = {}
        for language in languages:
            path = docs_dir / language / french.slug
            if not path.exists():
                row[language] = "missing"
                continue
            meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
            row[language] = state_of(meta, french_text)
        table[french.slug] = row
    return table


def stamp(docs_dir: Path, relative: str, today: date | None = None) -> str:
    """Record that `relative` (e.g. 'ar/lecons/antivirus.md') follows the current French."""
    target = docs_dir / relative
    slug = Path(*Path(relative).parts[1:])
    fingerprint = source_fingerprint((docs_dir / SOURCE_LANGUAGE / slug).read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    block = f"translation:\n  source: {fingerprint}\n  date: {(today or date.today()).isoformat()}\n"
    if TRANSLATION_BLOCK.search(text):
        text = TRANSLATION_BLOCK.sub(block, text, count=1)
    else:
        text = text.replace("\n---\n", "\n" + block + "---\n", 1)
    target.write_text(text, encoding="utf-8")
    return fingerprint
