"""Learning paths: which lessons each one holds, and in which order, from the lessons
themselves.

A lesson names its path in its French front matter, as the menu shows it in French:

    parcours: Se protéger

The paths and their order are the top-level sections of `nav:` in mkdocs.yml; a path made
of lessons only is written there empty (`- Communiquer: []`), and its title is translated
under each language's `nav_translations`, as before. `nav:` never names a lesson: the
build (pasapas/build/hooks.py) puts each lesson at the start of its path's section, before
the pages written there (help, glossary), and static-i18n then builds and translates each
language's menu from that one `nav:`, as it would from a hand-written one.

In a path, a lesson comes after its prerequisites: lessons are ordered by how many rungs of
prerequisites lead to them (across every path: the ladder a learner climbs), then by their
French title. The order is the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from pasapas.model.collation import sort_key
from pasapas.model.languages import ConfigLoader
from pasapas.model.lesson import LESSONS_FOLDER, SOURCE_LANGUAGE, LessonError, is_lesson, split_front_matter

#: The front-matter field of a French lesson that names its path.
FIELD = "parcours"


@dataclass(frozen=True)
class PathEntry:
    """What a path needs to know of a lesson: `entry` as nav names it (lecons/sms.md)."""

    entry: str
    title: str
    prerequisites: tuple[str, ...]  # lesson entries, lecons/x.md
    path: str | None  # the path it names, as written


def path_titles(nav) -> list[str]:
    """The learning paths a lesson can name: the top-level sections of `nav:`, in order."""
    titles = []
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict) and len(item) == 1:
            title, value = next(iter(item.items()))
            if isinstance(title, str) and (isinstance(value, list) or value is None):
                titles.append(title)
    return titles


def configured_nav(root: Path):
    """mkdocs.yml's `nav:` as plain data; None when there is no readable one (mkdocs.yml's
    own problems are said by pasapas/checks/site_config.py)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return config.get("nav") if isinstance(config, dict) else None


def known_paths(root: Path) -> list[str] | None:
    """The learning paths of the project at `root`; None when it has no `nav:` to read."""
    nav = configured_nav(root)
    return path_titles(nav) if isinstance(nav, list) else None


def named_path(meta: dict) -> str | None:
    """The path a lesson's front matter names, or None when it names none as text."""
    value = meta.get(FIELD)
    return value.strip() if isinstance(value, str) and value.strip() else None


def path_entry(entry: str, meta: dict) -> PathEntry:
    prerequisites = meta.get("prerequisites")
    return PathEntry(
        entry=entry,
        title=meta["title"] if isinstance(meta.get("title"), str) else entry,
        prerequisites=tuple(f"{p}.md" for p in prerequisites if isinstance(p, str)) if isinstance(prerequisites, list) else (),
        path=named_path(meta),
    )


def french_lessons(docs_dir: Path) -> list[PathEntry]:
    """Every readable French lesson. A file that cannot be read, or whose front matter is
    broken, is left out here: the checker says why, at its line, before anything is built."""
    folder = docs_dir / SOURCE_LANGUAGE / LESSONS_FOLDER
    found = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        relative = path.relative_to(docs_dir).as_posix()
        if not is_lesson(relative) or path.is_symlink():
            continue
        try:
            meta = split_front_matter(path.read_text(encoding="utf-8"))[0]
        except (OSError, UnicodeDecodeError, LessonError):
            continue
        found.append(path_entry(PurePosixPath(relative).relative_to(SOURCE_LANGUAGE).as_posix(), meta))
    return found


def rungs(lessons: list[PathEntry]) -> dict[str, int]:
    """entry → how many prerequisites lead to it, one after the other (0: a first lesson).
    A prerequisite that is not a lesson counts for nothing; a loop is cut where it closes.
    Walked without recursion: a long chain of lessons must not exhaust Python's stack."""
    prerequisites = {lesson.entry: [p for p in lesson.prerequisites if p != lesson.entry] for lesson in lessons}
    found: dict[str, int] = {}
    for start in prerequisites:
        if start in found:
            continue
        climbing, stack = {start}, [(start, iter(prerequisites[start]))]
        while stack:
            entry, pending = stack[-1]
            below = next((p for p in pending if p in prerequisites and p not in found and p not in climbing), None)
            if below is not None:
                climbing.add(below)
                stack.append((below, iter(prerequisites[below])))
                continue
            stack.pop()
            climbing.discard(entry)
            found[entry] = max((found[p] + 1 for p in prerequisites[entry] if p in found), default=0)
    return found


def in_order(lessons: list[PathEntry]) -> list[PathEntry]:
    """Prerequisites first (the ladder), then by French title."""
    rung = rungs(lessons)
    return sorted(lessons, key=lambda lesson: (rung[lesson.entry], sort_key(lesson.title, SOURCE_LANGUAGE), lesson.entry))


def lessons_by_path(titles: list[str], lessons: list[PathEntry]) -> dict[str, list[str]]:
    """Each path that holds lessons → its lessons' entries, in order; a lesson that names
    no known path is in none (the checker refuses it)."""
    paths: dict[str, list[str]] = {}
    for lesson in in_order(lessons):
        if lesson.path in titles:
            paths.setdefault(lesson.path, []).append(lesson.entry)
    return {title: paths[title] for title in titles if title in paths}


def nav_with_lessons(nav, lessons: list[PathEntry]):
    """`nav:` with each path's lessons first in its section. Entries of lessons already
    there are dropped first, so that the engine may ask again (once per language)."""
    if not isinstance(nav, list):
        return nav
    paths = lessons_by_path(path_titles(nav), lessons)
    written = {lesson.entry for lesson in lessons}
    result = []
    for item in nav:
        title = next(iter(item)) if isinstance(item, dict) and len(item) == 1 else None
        if title is not None and path_titles([item]):
            own = [entry for entry in item[title] or [] if not (isinstance(entry, str) and entry in written)]
            item = {title: paths.get(title, []) + own}
        result.append(item)
    return result
