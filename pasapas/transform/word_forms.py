"""The short forms ("stems") under which search indexes a word and looks up what is typed,
so that a plural, a verb form, a word without its accents or its hamza finds the lesson.

The rules are data (word_forms.yml, beside this module). The search index carries its
language's rules (`rules_for`), and overrides/assets/javascripts/search-words.js applies
them to what the reader types, as `stems` does here; tests/test_search_words.py checks
in chromium that both give the same stems. Search then looks for every indexed word that
begins with a stem (the theme adds a wildcard to each word typed).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).resolve().parent / "word_forms.yml"
#: Arabic short vowels, tanwin, shadda, sukun, the small alif and the tatweel: read, never typed.
ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]"
LATIN_MARKS = "[\u0300-\u036f]"
#: What search's own syntax would read in a typed word (+ required, - excluded, ~ fuzzy…).
QUERY_SYNTAX = "[+*~^:]"
DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")


@functools.cache
def _data() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def plain(word: str) -> str:
    """The word as it is often typed: lower case, no accents or Arabic marks, one way of
    writing each letter («أمان» → «امان», «خطوة» → «خطوه», «pièce» → «piece»)."""
    lowered = re.sub(ARABIC_MARKS, "", word.lower())
    lowered = lowered.translate(str.maketrans(_data()["letters"]))
    return unicodedata.normalize("NFC", re.sub(LATIN_MARKS, "", unicodedata.normalize("NFD", lowered)))


@functools.cache
def rules_for(language: str) -> dict:
    """A language's rules, as the search index carries them to the browser: `stop` words
    and `joined` letters in their plain spelling, `endings` groups longest first."""
    data = _data()
    given = data["languages"].get(language, {})
    endings = [sorted(group.items(), key=lambda item: -len(item[0])) for group in given.get("endings", [])]
    undouble = given.get("undouble") or {}
    return {
        "letters": data["letters"],
        "shortest": data["shortest"],
        "stop": sorted({plain(word) for word in given.get("stop", [])}),
        "prefixes": sorted((plain(prefix) for prefix in given.get("prefixes", [])), key=lambda prefix: -len(prefix)),
        "joined": [plain(letter) for letter in given.get("joined", [])],
        "endings": [[[ending, replacement or ""] for ending, replacement in group] for group in endings],
        "undouble": {"after": list(undouble.get("after", [])), "letters": undouble.get("letters", "")},
    }


def stem(word: str, rules: dict) -> str:
    """`word` (plain) without its prefix and endings: the longest prefix, then in each
    group the longest ending, that leaves at least `shortest` letters."""
    shortest = rules["shortest"]
    for prefix in rules["prefixes"]:
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest:
            word = word[len(prefix) :]
            break
    for group in rules["endings"]:
        for ending, replacement in group:
            if word.endswith(ending) and len(word) - len(ending) >= shortest:
                word = word[: len(word) - len(ending)] + replacement
                undouble = rules["undouble"]
                if (
                    ending in undouble["after"]
                    and len(word) > shortest
                    and word[-1] == word[-2]
                    and word[-1] in undouble["letters"]
                ):
                    word = word[:-1]
                break
    return word


def stems(word: str, rules: dict, known: set[str] | None = None) -> list[str]:
    """The stems under which `word` (plain) is searched: its own, and for a word that may
    begin with a joined letter («ومرفقات»), the stem without it too. In the index
    (`known`: the stems of the language's index), only when that stem is a word of the
    index elsewhere: «وتأكد» adds «تاكد», «بريد» does not add «ريد»."""
    found = [stem(word, rules)]
    if word[:1] in rules["joined"] and len(word) - 1 >= rules["shortest"]:
        without = stem(word[1:], rules)
        if without not in found and (known is None or without in known):
            found.append(without)
    return found


def is_stop_word(word: str, rules: dict) -> bool:
    """A word searched only when nothing else is typed: a stop word, or a single letter
    (the «l» of «l'antivirus») that is not a number."""
    return word in rules["stop"] or (len(word) < 2 and not DIGITS.fullmatch(word))


def query_stems(words: list[str], language: str) -> list[str]:
    """What a query is searched as: the stems of each typed word (`words`: the query made
    plain, then split as the index's words are), stop words left out unless nothing else
    was typed."""
    rules = rules_for(language)
    typed = [re.sub(QUERY_SYNTAX, "", word) for word in words]
    typed = [word for word in typed if word]
    wanted = [word for word in typed if not is_stop_word(word, rules)] or typed
    found: list[str] = []
    for word in wanted:
        for form in stems(word, rules):
            if form not in found:
                found.append(form)
    return found
