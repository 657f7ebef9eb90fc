"""The lesson checker's rules for `keywords:`, the words people type to find a lesson's
task that its title does not say: old names (Pôle emploi), brands (Gmail), everyday words
(chômage, arnaque), common misspellings. Search indexes them, never shows them
(pasapas/transform/search_index.py).

Each language writes its own, in its readers' words (they are not compared with the
French). A lesson needs at least FEWEST: one for each kind of word people use for a task
that is not in a title — another or an old name, a brand or a service, an everyday word, a
misspelling, a word of their own language for a foreign name. It may have up to MOST:
each one is downloaded by every search of its language (tests/test_search.py holds that
weight), and past twenty they are rarely words someone would type. Plurals, verb forms
and forms without accents need no keyword: search finds them (word_forms.yml).
"""

from __future__ import annotations

import re

FIELD = "keywords"
FEWEST, MOST = 5, 20
#: A keyword is what someone types in a search box: a few words, not a sentence.
LONGEST = 40
HINT = (
    f"Write 'keywords:' then, one a line, '- ' and the words people type to find this lesson (an old name, a brand, "
    f"an everyday word, a common misspelling): {FEWEST} to {MOST}, each under {LONGEST} characters. See CONTRIBUTING.md."
)


def item_line(text: str, start: int, item: str) -> int:
    """The line of one keyword: the first line from `keywords:` on that holds it."""
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        if item in lines[number - 1]:
            return number
    return start


def check(lesson_check) -> None:
    """Report the problems of `keywords:` on `lesson_check` (a LessonCheck)."""
    meta = lesson_check.lesson.meta
    if FIELD not in meta:
        lesson_check.say(1, "keywords-missing")
        return
    start = lesson_check.field_line(FIELD)
    given = meta[FIELD]
    if not isinstance(given, list):
        lesson_check.say(start, "keywords-type")
        return
    seen: set[str] = set()
    for item in given:
        if not isinstance(item, str) or not item.strip():
            lesson_check.say(start, "keywords-type.2", item=repr(item))
            continue
        line = item_line(lesson_check.text, start, item)
        if len(item) > LONGEST:
            lesson_check.say(line, "keywords-type.3", value=item[:LONGEST], longest=LONGEST)
        key = re.sub(r"\s+", " ", item.strip().casefold())
        if key in seen:
            lesson_check.say(line, "keywords-duplicate", item=item)
        seen.add(key)
    if not FEWEST <= len(given) <= MOST:
        lesson_check.say(start, "keywords-count", given=len(given), fewest=FEWEST, most=MOST)
