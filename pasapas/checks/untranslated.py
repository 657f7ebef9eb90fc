"""Text left untranslated in a translated lesson (rule ``text-untranslated``).

Judged with no model and no network, by two rough measures on the prose of each step
and section, once the parts that stay in French or in Latin letters on purpose are
removed (code, keys, links, URLs, file names, attribute lists, French screen labels
marked ``{lang=fr}``):

- a language written in another script (Arabic, Hebrew…): the share of Latin letters;
- a language written in Latin letters (English, Spanish…): the share of French stop words.

The thresholds sit well above the highest share measured in the real lessons (see
tests/test_untranslated.py, which measures them again), and well below the French text.
"""

from __future__ import annotations

import re

from pasapas.model.lesson import SOURCE_LANGUAGE, Lesson, translation_pending
from pasapas.model.messages import problem, word
from pasapas.model.problems import Problem

RULE = "text-untranslated"
#: Languages not written in Latin letters, with the name said in the message.
NON_LATIN = {"ar": "Arabic", "fa": "Persian", "he": "Hebrew", "ur": "Urdu"}
#: Real Arabic steps and sections reach 0.48 of Latin letters (part headings that are
#: mostly brand names: "on Windows", "on iPhone or Android"); French pasted in is 1.0.
MAX_LATIN_SHARE = 0.8
#: Real English steps and sections reach 0.064 of French stop words (a French e-mail
#: subject quoted as an example); every French step and section is 0.25 or more.
MAX_FRENCH_SHARE = 0.15
#: Fewer letters than this (a one-line section, a title) is too little to judge.
MIN_LETTERS = 40
# Words that make up a quarter to a third of any French text and almost never appear in English
# (no "a", "on", "me", "son": they are English words too; no "s": "the service's").
FRENCH_STOP_WORDS = frozenset(
    "le la les l des du de d un une et est vous votre vos pour dans sur avec pas ne n que qu qui au aux ce "
    "cette cet il elle en à ou où se sa ses puis cliquez ouvrez appuyez tapez vérifiez voyez si mais "
    "par plus sont êtes y".split()
)

# Parts that stay in Latin letters or in French in a good translation, removed in order:
# a French label is removed with its attribute list, before attribute lists go.
PROTECTED = [
    re.compile(r"^\s*(`{3,}|~{3,}).*?^\s*\1", re.MULTILINE | re.DOTALL),  # fenced code
    re.compile(r"`[^`\n]+`|\+\+\S+?\+\+"),  # inline code, keys (++ctrl+c++)
    # A bold, italic, [span] or «quote» followed by {lang=fr} or {: lang=fr}.
    re.compile(r"(\*\*[^*\n]+\*\*|\*[^*\n]+\*|\[[^\]\n]+\]|«[^»\n]+»)\{:?[^}\n]*\blang=fr\b[^}\n]*\}"),
    re.compile(r"\]\([^)\s]*(\s+\"[^\"]*\")?\)"),  # link and image targets (text and alt stay)
    re.compile(r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+"),  # URLs, e-mail addresses
    re.compile(r"\b[\w-]+(\.[\w-]+)*\.[a-z]{2,4}\b"),  # file and domain names: cv.pdf, caf.fr
    re.compile(r"\{[^}\n]*\}|<[^>\n]+>"),  # attribute lists ({#etape-3}, {: .voir }), HTML tags
    re.compile(r"^\s*(!!!|\?\?\?\+?|===)\s*[\w-]*", re.MULTILINE),  # admonition types (helper)
]
WORD = re.compile(r"[^\W\d_]+")
LETTER = re.compile(r"[^\W\d_]")
#: Basic Latin, Latin-1, Latin Extended-A/B and Additional: the letters of French text.
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")


def script_of(language: str) -> str | None:
    """How a language's text is checked: "non-latin", "latin", or None for the source."""
    base = language.split("-")[0].lower()
    if base == SOURCE_LANGUAGE:
        return None  # the French itself, and its regional variants (fr-CA)
    return "non-latin" if base in NON_LATIN else "latin"


def prose(text: str) -> str:
    for pattern in PROTECTED:
        text = pattern.sub(" ", text)
    return text


def latin_share(text: str) -> tuple[float, int]:
    """Share of Latin letters among the letters of the prose, and how many letters."""
    text = prose(text)
    letters = len(LETTER.findall(text))
    return len(LATIN_LETTER.findall(text)) / max(letters, 1), letters


def french_share(text: str) -> tuple[float, int]:
    """Share of French stop words among the words of the prose, and how many letters."""
    words = WORD.findall(prose(text).lower())
    french = sum(word in FRENCH_STOP_WORDS for word in words)
    return french / max(len(words), 1), sum(map(len, words))


def parts_of(lesson: Lesson) -> list[tuple[str, int, str]]:
    """(name, heading line, text) of each step and section. The steps section is judged
    without its steps (they are judged one by one): its introduction and part headings."""
    in_steps = {n for step in lesson.steps for n in range(step.line, step.line + len(step.body) + 1)}
    parts = [
        (word("step_named").format(number=step.number), step.line, "\n".join([step.title, *step.body])) for step in lesson.steps
    ]
    for section in lesson.sections.values():
        lines = [line for n, line in enumerate(section.body, section.line + 1) if n not in in_steps]
        named = word("section_named").format(title=section.title, id=section.id)
        parts.append((named, section.line, "\n".join([section.title, *lines])))
    return sorted(parts, key=lambda part: part[1])


def untranslated_problems(lesson: Lesson, shown: str) -> list[Problem]:
    """One error per step or section whose text is still the French (or, for a right-to-left
    language, still in Latin script). `shown` is the path as printed, e.g. 'docs/ar/lecons/x.md'."""
    script = script_of(lesson.language)
    if script is None or translation_pending(lesson.meta):
        return []  # a placeholder is French on purpose until someone translates it
    if script == "non-latin":
        measure, limit = latin_share, MAX_LATIN_SHARE
        key, values = "text-untranslated.latin", {"script": word("script_" + lesson.language.split("-")[0].lower())}
    else:
        measure, limit, key, values = french_share, MAX_FRENCH_SHARE, RULE, {}
    problems = []
    for name, line, text in parts_of(lesson):
        share, letters = measure(text)
        if letters >= MIN_LETTERS and share > limit:
            problems.append(problem(shown, line, key, name=name, **values))
    return problems
