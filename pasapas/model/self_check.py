"""The "what I can already do" page, whose section `## … {#je-sais}` lists short "I can…"
statements, each a link to the lesson that teaches it:

    ## Cochez ce que vous savez déjà faire {#je-sais}

    ### Premiers pas

    - [Je sais cliquer, faire défiler une page et taper un mot.](lecons/souris-clavier.md)

Without JavaScript the page is that list of links. The build gives each statement a box to
tick (kept in this browser only) and lists, in the section `{#par-ou-commencer}`, the lessons
still to do in ladder order: a lesson after the lessons it needs (`prerequisites:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pasapas.model.lesson import LESSONS_FOLDER, split_front_matter

SECTION = "je-sais"
RESULT_SECTION = "par-ou-commencer"
SECTION_HEADING = re.compile(r"^##\s+.*\{[^}]*#" + SECTION + r"[\s}]")
OTHER_H2 = re.compile(r"^##\s")
LIST_ITEM = re.compile(r"^\s*[-*+]\s+(?P<item>.*?)\s*$")
STATEMENT = re.compile(r"^\[(?P<text>[^\[\]]+)\]\((?P<target>[^()\s]+)\)$")
LESSON_TARGET = re.compile(rf"^(?:\./)?(?P<lesson>{LESSONS_FOLDER}/[a-z0-9-]+)\.md$")


@dataclass(frozen=True)
class Statement:
    line: int
    text: str
    lesson: str | None  # "lecons/sms"; None when the item is not one link to a lesson
    item: str  # the list item as written


def has_self_check(text: str) -> bool:
    return any(SECTION_HEADING.match(line) for line in text.splitlines())


def statements(text: str) -> list[Statement]:
    """The list items of the `{#je-sais}` section, in order, with their line (from 1)."""
    _, body, first_line = split_front_matter(text)
    found, inside, in_fence = [], False, False
    for offset, line in enumerate(body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        if SECTION_HEADING.match(line):
            inside = True
            continue
        if inside and OTHER_H2.match(line):
            break
        item = LIST_ITEM.match(line) if inside else None
        if item:
            statement = STATEMENT.match(item.group("item"))
            target = LESSON_TARGET.match(statement.group("target")) if statement else None
            found.append(
                Statement(
                    first_line + offset,
                    statement.group("text").strip() if statement else item.group("item"),
                    target.group("lesson") if target else None,
                    item.group("item"),
                )
            )
    return found


def keys(lessons: list[str | None]) -> list[str]:
    """Each statement's key in the learner's browser: its lesson and its rank among that
    lesson's statements ("lecons/sms#2"), the same in every language, and unchanged when a
    statement for another lesson is added."""
    seen: dict[str, int] = {}
    found = []
    for lesson in lessons:
        seen[str(lesson)] = seen.get(str(lesson), 0) + 1
        found.append(f"{lesson}#{seen[str(lesson)]}")
    return found


def ladder_order(lessons: list[str], prerequisites: dict[str, list[str]]) -> list[str]:
    """`lessons` (each once, in the page's order) so that each comes after those of its
    prerequisites that are listed too; otherwise in the page's order. A circle (which the
    lesson tests refuse) leaves the rest in the page's order."""
    listed = list(dict.fromkeys(lessons))
    waiting = {lesson: {p for p in prerequisites.get(lesson, []) if p in listed and p != lesson} for lesson in listed}
    ordered: list[str] = []
    while waiting:
        ready = next((lesson for lesson in listed if lesson in waiting and not waiting[lesson] - set(ordered)), None)
        if ready is None:
            ordered += [lesson for lesson in listed if lesson in waiting]
            break
        ordered.append(ready)
        del waiting[ready]
    return ordered
