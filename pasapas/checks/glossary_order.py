"""Each glossary is in the alphabetical order of its own language (pasapas/model/collation.py),
so that a learner can look a word up: an Arabic reader looks for «الرسائل المزعجة» under ر,
not where the French « Pourriel » would be.

The file is kept in that order (the page shows it as it is written): an entry out of place
is an error at its line, with the entry it belongs after. Ids (#pourriel) never change,
so links from lessons and between languages stay the same.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from pasapas.model import glossary
from pasapas.model.collation import sort_key
from pasapas.model.messages import problem, word
from pasapas.model.problems import Problem

RULE = "glossary-order"
#: How each language's order is made, said in the hint.


@dataclass(frozen=True)
class Headword:
    term: str
    line: int


def headwords(text: str) -> list[Headword]:
    """The glossary's terms with their lines, as parse_glossary reads them."""
    found, lines = [], text.splitlines()
    for index, line in enumerate(lines[:-1]):
        term = glossary.TERM_LINE.match(line)
        if term and glossary.DEFINITION_LINE.match(lines[index + 1]):
            found.append(Headword(glossary.plain(term.group("term")), index + 1))
    return found


def out_of_place(keys: list) -> list[int]:
    """The positions to move so that the rest is in order: all but one longest
    non-decreasing run of `keys` (as few moves as possible)."""
    tails: list = []  # tails[n]: the smallest last key of a run of n + 1 entries
    tail_index: list[int] = []
    previous = [-1] * len(keys)
    for index, key in enumerate(keys):
        length = bisect_right(tails, key)
        if length == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[length], tail_index[length] = key, index
        previous[index] = tail_index[length - 1] if length else -1
    kept, index = set(), tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return [index for index in range(len(keys)) if index not in kept]


def order_problems(text: str, language: str, shown: str) -> list[Problem]:
    """One error at the first entry out of alphabetical order, or none."""
    words = headwords(text)
    keys = [sort_key(word.term, language) for word in words]
    misplaced = out_of_place(keys)
    if not misplaced:
        return []
    first = misplaced[0]
    ordered = sorted(range(len(words)), key=lambda index: (keys[index], index))
    place = ordered.index(first)
    others = len(misplaced) - 1
    more = word("others_out_of_place").format(others=others) if others else ""
    rule = word("order_ar") if language.split("-")[0] == "ar" else word("order_latin")
    if not place:
        return [problem(shown, words[first].line, "glossary-order.first", term=words[first].term, rule=rule, more=more)]
    previous = words[ordered[place - 1]].term
    return [problem(shown, words[first].line, RULE, term=words[first].term, previous=previous, rule=rule, more=more)]


def check(docs_dir: Path, languages: list[str]) -> list[Problem]:
    problems = []
    for language in languages:
        path = docs_dir / language / glossary.GLOSSARY_PAGE
        if not path.is_file() or path.is_symlink():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the file checks
        problems += order_problems(text, language, f"docs/{language}/{glossary.GLOSSARY_PAGE}")
    return problems
