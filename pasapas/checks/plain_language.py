"""Plain language the checker can see, in the French source (warnings):

- one action per step: at most two imperative verbs before the step's "Vous voyez";
- sentences of at most 25 words;
- hard words (a known list) explained on first use or in the glossary.

These are rough measures of what a learner with low literacy meets; a warning is a
place to look again, not a verdict.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pasapas.model import glossary

MAX_ACTIONS = 2
MAX_WORDS = 25
#: Words a beginner may not know, which must be in the glossary or explained where they
#: first appear, in parentheses or with "c'est-à-dire".
JARGON = (
    "RSA",
    "prime d'activité",
    "IBAN",
    "RIB",
    "trop-perçu",
    "justificatif",
    "Mo",
    "Ko",
    "onglet",
    "moteur de recherche",
    "capture d'écran",
    "navigateur",
    "identifiant",
    "FranceConnect",
    "PDF",
    "QR code",
    "Wi-Fi",
    "pièce jointe",
    "pourriel",
    "spam",
    "hameçonnage",
    "mise à jour",
    "antivirus",
)
#: Second-person plural forms that are not orders ("chez", "assez") or that follow
#: "vous" ("vous voyez", "vous avez"): indicative, not imperative.
NOT_VERBS = {"chez", "assez", "nez", "rez"}
IMPERATIVE = re.compile(
    r"(?<![\w'’-])(?P<before>vous\s+|n['’]\s*|ne\s+)?(?P<verb>[a-zàâçéèêëîïôûùüÿœ]{2,}ez)(?![\w])", re.IGNORECASE
)
SEE_LINE = re.compile(r"^\*\*Vous voyez\b", re.IGNORECASE)
MARKDOWN_NOISE = re.compile(r"\{[^}]*\}|\+\+[^+]+\+\+|[*_`>#|]|!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
EXPLAINED = re.compile(r"^\s*(\(|,?\s*c['’]est-à-dire|:|—|,\s*(?:le|la|les|un|une)\b)", re.IGNORECASE)


def count_actions(text: str) -> int:
    return sum(
        1
        for match in IMPERATIVE.finditer(text)
        if match.group("verb").lower() not in NOT_VERBS and not (match.group("before") or "").lower().startswith("vous")
    )


def plain_words(line: str) -> list[str]:
    text = LINK.sub(r"\1", line)
    text = MARKDOWN_NOISE.sub(" ", text)
    return re.findall(r"[\w'’-]+", text)


def prose_lines(check):
    """(line number, text) of the body's prose: not headings, boxes' titles, tables, code."""
    for number, line in check.body_lines():
        stripped = line.strip()
        if number < check.body_start or not stripped or stripped.startswith(("#", "!!!", "???", "|", "{:", "![", "---")):
            continue
        yield number, stripped.lstrip("-*0123456789. ")


@lru_cache(maxsize=8)
def glossary_words(glossary_path: Path, mtime: float) -> frozenset[str]:
    try:
        entries = glossary.parse_glossary(glossary_path.read_text(encoding="utf-8"), str(glossary_path))
    except (OSError, UnicodeDecodeError, glossary.GlossaryError):
        return frozenset()
    return frozenset(word.lower() for entry in entries for word in (entry.term, *entry.forms))


def check(check) -> None:
    """Add plain-language warnings to a LessonCheck of a French lesson."""
    check_steps(check)
    check_sentences(check)
    check_jargon(check)


def check_steps(check) -> None:
    for step in check.lesson.steps:
        before_result = []
        for line in step.body[1:]:  # body[0] is the step's heading
            if SEE_LINE.match(line.strip()):
                break
            before_result.append(line)
        actions = count_actions(" ".join(before_result))
        if actions > MAX_ACTIONS:
            check.say(step.line, "step-actions", number=step.number, actions=actions)


def check_sentences(check) -> None:
    for number, line in prose_lines(check):
        for sentence in SENTENCE_END.split(line):
            words = plain_words(sentence)
            if len(words) > MAX_WORDS:
                check.say(number, "sentence-long", words=len(words), max_words=MAX_WORDS, list=" ".join(words[:6]))


def check_jargon(check) -> None:
    glossary_path = check.site.docs_dir / check.language / glossary.GLOSSARY_PAGE
    known = glossary_words(glossary_path, glossary_path.stat().st_mtime) if glossary_path.is_file() else frozenset()
    lines = list(prose_lines(check))
    for term in JARGON:
        if term.lower() in known:
            continue
        flags = 0 if term.isupper() or len(term) <= 3 else re.IGNORECASE
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", flags)
        for number, line in lines:
            match = pattern.search(LINK.sub(r"\1", line).replace("**", ""))
            if match is None:
                continue
            rest = LINK.sub(r"\1", line).replace("**", "")[match.end() :]
            if not EXPLAINED.match(rest):
                check.say(number, "jargon-unexplained", term=term, language=check.language)
            break
