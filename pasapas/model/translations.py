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
outdated and says which parts (steps 3 and 5…) until a translator aligns it.

A translator without a terminal aligns it in the front matter, with the French version the
checker and the translations page show (`fr-` and the fingerprint of all the parts):

    translation: {aligned_with: fr-3f9a1c2e7b}

It is accepted when it names the current French (and the structure is the French's); the
parts of an earlier version are read from the git history (french_history.py).

A French change that is only spelling or punctuation outdates nothing once the French
lesson says so, part by part, with the fingerprints before and after (the checker's
message gives the line to copy):

    spelling_only: {etape-3: "7a8b9c=1d2e3f"}
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from pasapas.model.lesson import (
    SOURCE_LANGUAGE,
    STEP_ID,
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


#: How a version of the French is named to translators: "fr-" and its content fingerprint.
VERSION_PREFIX = f"{SOURCE_LANGUAGE}-"
VERSION = re.compile(rf"^(?:{re.escape(VERSION_PREFIX)})?(?P<fingerprint>[0-9a-f]{{10}})$")
#: One `spelling_only:` declaration: the part's fingerprint before the fix, then after it.
SPELLING_FIX = re.compile(r"^(?P<before>[0-9a-f]{6})=(?P<after>[0-9a-f]{6})$")


def french_version(french: Lesson) -> str:
    """'fr-3f9a1c2e7b': what a translator copies into `translation: {aligned_with: …}`."""
    return VERSION_PREFIX + version_fingerprint(french)


def aligned_version(meta: dict) -> str | None:
    """The bare fingerprint a translator wrote in `aligned_with:`, if it has the right form."""
    marker = meta.get("translation")
    if not isinstance(marker, dict) or "aligned_with" not in marker:
        return None
    match = VERSION.match(str(marker["aligned_with"]).strip().lower())
    return match["fingerprint"] if match else None


def version_fingerprint(lesson: Lesson) -> str:
    """The fingerprint of all the parts of a French lesson: its version, without 'fr-'."""
    return content_fingerprint(part_fingerprints(lesson))


def earlier_french(french: Lesson, version: str) -> Lesson | None:
    """The French lesson at an earlier version, from the project's git history (or None)."""
    from pasapas.model import french_history

    return french_history.french_at(french.path.as_posix(), version, version_fingerprint)


def recorded_parts(meta: dict, french: Lesson) -> dict[str, str] | None:
    """The fingerprint of each French part the translation follows: those `stamp` wrote,
    or, for a translation aligned by hand (`aligned_with`), those of that French version
    (the current one, the stamped one, or one found in the history). None when unknown."""
    marker = meta.get("translation")
    if not isinstance(marker, dict):
        return None
    stamped = marker.get("parts")
    stamped = {str(part): str(value) for part, value in stamped.items()} if isinstance(stamped, dict) else None
    if "aligned_with" not in marker:
        return stamped
    version = aligned_version(meta)
    if version is None:
        return None
    current = part_fingerprints(french)
    if version == content_fingerprint(current):
        return current
    if stamped is not None and version == content_fingerprint(stamped):
        return stamped
    earlier = earlier_french(french, version)
    return part_fingerprints(earlier) if earlier is not None else None


def spelling_fixes(french_meta: dict) -> dict[str, set[tuple[str, str]]]:
    """part → the (before, after) fingerprints the French lesson declares as spelling or
    punctuation only (`spelling_only:`); what is not well formed is left to the checker."""
    declared = french_meta.get("spelling_only")
    fixes: dict[str, set[tuple[str, str]]] = {}
    if not isinstance(declared, dict):
        return fixes
    for part, values in declared.items():
        for value in values if isinstance(values, list) else [values]:
            match = SPELLING_FIX.match(str(value).strip().lower())
            if match:
                fixes.setdefault(str(part), set()).add((match["before"], match["after"]))
    return fixes


def _same_words(part: str, recorded: str, current: str, fixes: dict[str, set[tuple[str, str]]]) -> bool:
    """The recorded text of a part leads to the current one through spelling fixes only."""
    reached, frontier = {recorded}, [recorded]
    while frontier:
        value = frontier.pop()
        for before, after in fixes.get(part, ()):
            if before == value and after not in reached:
                reached.add(after)
                frontier.append(after)
    return current in reached


def changed_parts(meta: dict, french: Lesson) -> list[str] | None:
    """The parts of the French that changed since the translation was aligned, in the
    French order (a removed part last), spelling fixes left out; None when unknown."""
    recorded = recorded_parts(meta, french)
    if recorded is None:
        return None
    current = part_fingerprints(french)
    fixes = spelling_fixes(french.meta)
    changed = [
        part
        for part, value in current.items()
        if recorded.get(part) != value and not _same_words(part, str(recorded.get(part)), value, fixes)
    ]
    return changed + [part for part in recorded if part not in current]


def spelling_only_line(meta: dict, french: Lesson, changed: list[str]) -> str | None:
    """The `spelling_only:` entry that would declare these changes spelling only, for the
    checker's hint: `spelling_only: {etape-3: "7a8b9c=1d2e3f"}` (None when unknown)."""
    recorded, current = recorded_parts(meta, french), part_fingerprints(french)
    if recorded is None:
        return None
    pairs = [f'{part}: "{recorded[part]}={current[part]}"' for part in changed if part in recorded and part in current]
    return "spelling_only: {" + ", ".join(pairs) + "}" if pairs else None


def state_of(meta: dict, french: Lesson, french_text: str | None = None) -> str:
    """'up to date', 'outdated' or 'missing' (a placeholder counts as missing)."""
    marker = meta.get("translation")
    if translation_pending(meta) or not isinstance(marker, dict):
        return "missing"
    changed = changed_parts(meta, french)
    if changed is None:  # stamped before parts were recorded (the whole file's fingerprint), or
        # aligned by hand with a version whose parts are not in this checkout's history
        same = french_text is not None and str(marker.get("source")) == source_fingerprint(french_text)
        return "up to date" if same else "outdated"
    return "outdated" if changed else "up to date"


def status(docs_dir: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """slug → language → 'up to date' | 'outdated' | 'missing'."""
    return {
        slug: {language: state for language, (state, _) in row.items()}
        for slug, row in detailed_status(docs_dir, languages).items()
    }


def detailed_status(docs_dir: Path, languages: list[str]) -> dict[str, dict[str, tuple[str, list[str]]]]:
    """slug → language → (state, the French parts changed since it was aligned, when known)."""
    table = {}
    for french in lessons_in(docs_dir, SOURCE_LANGUAGE):
        french_text = (docs_dir / french.path).read_text(encoding="utf-8")
        row = {}
        for language in languages:
            path = docs_dir / language / french.slug
            if not path.exists():
                row[language] = ("missing", [])
                continue
            meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
            state = state_of(meta, french, french_text)
            row[language] = (state, (changed_parts(meta, french) or []) if state == "outdated" else [])
        table[french.slug] = row
    return table


def french_versions(docs_dir: Path) -> dict[str, str]:
    """slug → the current French version ('fr-3f9a1c2e7b'), for the translations page."""
    return {french.slug: french_version(french) for french in lessons_in(docs_dir, SOURCE_LANGUAGE)}


def step_numbers(parts: list[str]) -> list[int]:
    """The step numbers among changed parts ('etape-3' → 3), in order."""
    return [int(match[1]) for part in parts if (match := STEP_ID.fullmatch(part))]


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
