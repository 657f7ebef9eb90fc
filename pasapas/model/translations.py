"""Which translations follow the current French, what changed since, and stamping one
that does.

Each translated lesson records, in its front matter, a fingerprint of each part of the
French it was translated from (the title and objectives, each section, each step):

    translation:
      source: 3f9a1c2e7b    # all the parts together
      parts: {en-tete: 1a2b3c, apprendre: 4d5e6f, etape-1: 7a8b9c, …}
      date: 2026-11-28      # written by `.venv/bin/pasapas translations stamp docs/ar/lecons/x.md`

Only the text a translator translates counts: changing `last_checked`, a source's date or
a blank line outdates nothing. When a part of the French changes, the translation shows as
outdated and says which parts (steps 3 and 5…) until a translator aligns and stamps it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from pasapas.model.lesson import (
    SOURCE_LANGUAGE,
    Lesson,
    lessons_in,
    parse_lesson,
    source_fingerprint,
    split_front_matter,
    translation_pending,
)

#: The whole `translation:` entry: a block, or the scaffold's one-line `translation: todo`.
TRANSLATION_BLOCK = re.compile(r"^translation:[^\n]*\n(?:[ \t]+.*\n)*", re.MULTILINE)
STATES = ("up to date", "outdated", "missing")
#: The front matter a translator translates (the rest are facts, the same in every language).
TRANSLATED_FIELDS = ("title", "description", "objectives")
HEADER = "en-tete"


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _normalised(lines: list[str]) -> str:
    """The words of a part: trailing spaces and blank lines do not count."""
    return "\n".join(line.rstrip() for line in lines if line.strip())


def french_parts(lesson: Lesson) -> dict[str, list[str]]:
    """id → the lines of each part, in the order of the lesson: the header (title,
    description, objectives), each section without its steps, each step."""
    header = [f"{name}: {lesson.meta.get(name)!r}" for name in TRANSLATED_FIELDS] + [f"# {lesson.title}"]
    parts: dict[str, list[str]] = {HEADER: header}
    # A step is its heading line and the lines after it; the section keeps the rest.
    in_steps = {n for step in lesson.steps for n in range(step.line, step.line + len(step.body) + 1)}
    for section in lesson.sections.values():
        own = [line for n, line in enumerate(section.body, section.line + 1) if n not in in_steps]
        parts[section.id] = [f"## {section.title}", *own]
        if section.id == "etapes":
            for step in lesson.steps:
                parts[step.id] = [step.title, *step.body]
    return parts


def part_fingerprints(lesson: Lesson) -> dict[str, str]:
    # A parsed lesson is shared and read-only (parse_lesson caches it): its fingerprints are
    # kept beside it, so that the checker, each language's build and the status table
    # compute them once.
    cached = lesson.__dict__.get("_part_fingerprints")
    if cached is None:
        cached = {part: _digest(_normalised(lines), 6) for part, lines in french_parts(lesson).items()}
        lesson.__dict__["_part_fingerprints"] = cached
    return dict(cached)


def content_fingerprint(parts: dict[str, str]) -> str:
    return _digest(" ".join(f"{part}={value}" for part, value in parts.items()), 10)


def changed_parts(meta: dict, french: Lesson) -> list[str] | None:
    """The parts of the French that changed since the translation was stamped, in the
    French order (a removed part last); None when the translation records no parts."""
    marker = meta.get("translation")
    recorded = marker.get("parts") if isinstance(marker, dict) else None
    if not isinstance(recorded, dict):
        return None
    current = part_fingerprints(french)
    changed = [part for part, value in current.items() if str(recorded.get(part)) != value]
    return changed + [str(part) for part in recorded if part not in current]


def state_of(meta: dict, french: Lesson, french_text: str | None = None) -> str:
    """'up to date', 'outdated' or 'missing' (a placeholder counts as missing)."""
    marker = meta.get("translation")
    if translation_pending(meta) or not isinstance(marker, dict):
        return "missing"
    changed = changed_parts(meta, french)
    if changed is None:  # stamped before parts were recorded: the whole file's fingerprint
        same = french_text is not None and str(marker.get("source")) == source_fingerprint(french_text)
        return "up to date" if same else "outdated"
    return "outdated" if changed else "up to date"


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
            row[language] = state_of(meta, french, french_text)
        table[french.slug] = row
    return table


def marker_block(french: Lesson, aligned: date) -> str:
    parts = part_fingerprints(french)
    # Quoted: a fingerprint of digits only ("123456", "1e5") must stay text in YAML.
    listed = ", ".join(f'{part}: "{value}"' for part, value in parts.items())
    return f'translation:\n  source: "{content_fingerprint(parts)}"\n  parts: {{{listed}}}\n  date: {aligned.isoformat()}\n'


def stamp(docs_dir: Path, relative: str, today: date | None = None) -> str:
    """Record that `relative` (e.g. 'ar/lecons/antivirus.md') follows the current French;
    replaces any earlier marker, including the scaffold's `translation: todo`."""
    target = docs_dir / relative
    slug = Path(*Path(relative).parts[1:]).as_posix()
    french_relative = f"{SOURCE_LANGUAGE}/{slug}"
    french = parse_lesson((docs_dir / french_relative).read_text(encoding="utf-8"), french_relative)
    text = target.read_text(encoding="utf-8")
    block = marker_block(french, today or date.today())
    if TRANSLATION_BLOCK.search(text):
        text = TRANSLATION_BLOCK.sub(lambda _: block, text, count=1)
    else:
        text = text.replace("\n---\n", "\n" + block + "---\n", 1)
    target.write_text(text, encoding="utf-8")
    return content_fingerprint(part_fingerprints(french))
