"""What the checks say, as data: pasapas/model/messages.yml holds every message and hint,
in French (the contributors' language, by default) and in English, with its rule and
severity. The checks only find problems and name them by key with their values:

    problem("docs/fr/lecons/sms.md", 12, "field-value.level", level="expert", levels="debutant, …")

A key is the rule id, or the rule id, a dot and a variant ("field-value.level") when one
rule says different things; the rule shown is the part before the dot.

PASAPAS_MESSAGES=en (or `pasapas lint --messages en`) chooses English; a message not yet
written in the chosen language is said in English rather than not at all.
"""

from __future__ import annotations

import os
import string
from functools import cache
from pathlib import Path

import yaml

from pasapas.model.problems import Problem

TABLE = Path(__file__).with_name("messages.yml")
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
FALLBACK_LANGUAGE = "en"
ENVIRONMENT = "PASAPAS_MESSAGES"


#: The words around the messages: the problem's label, the summary of a lint run and of a
#: pull request's check.
WORDS = {
    "fr": {
        "hint": "conseil",
        "warning": "avertissement",
        "error": "erreur",
        "none": "Vérification des leçons : aucun problème.",
        "counts": "Vérification des leçons : {errors} erreur(s), {warnings} avertissement(s).",
        "title": "Vérification des leçons",
        "counts_short": "{errors} erreur(s), {warnings} avertissement(s)",
        "none_short": "Aucun problème.",
        "changed": "Dans les fichiers de cette pull request",
        "others": "Dans les autres fichiers",
        "step": "étape",
        "steps": "étapes",
        "and": "et",
        "step_named": "l'étape {number}",
        "section_named": "la section « {title} » (#{id})",
        "script_ar": "arabe",
        "script_fa": "persan",
        "script_he": "hébreu",
        "script_ur": "ourdou",
        "order_ar": "ordre arabe : l'article ال et les voyelles ne comptent pas, أ إ آ valent ا, et les mots en lettres "
        "latines viennent à la fin",
        "order_latin": "ordre alphabétique : les majuscules, les accents et les traits d'union ne comptent pas",
        "others_out_of_place": " {others} autre(s) terme(s) ne sont pas à leur place non plus.",
        "spelling_only": " Seules l'orthographe ou la ponctuation ont changé en français ? Ajoutez plutôt à l'en-tête "
        "de la leçon française : {spelling}",
    },
    "en": {
        "hint": "hint",
        "warning": "warning",
        "error": "error",
        "none": "Lesson check: no problem found.",
        "counts": "Lesson check: {errors} error(s), {warnings} warning(s).",
        "title": "Lesson check",
        "counts_short": "{errors} error(s), {warnings} warning(s)",
        "none_short": "No problem found.",
        "changed": "In the files of this pull request",
        "others": "In other files",
        "step": "step",
        "steps": "steps",
        "and": "and",
        "step_named": "step {number}",
        "section_named": "the section '{title}' (#{id})",
        "script_ar": "Arabic",
        "script_fa": "Persian",
        "script_he": "Hebrew",
        "script_ur": "Urdu",
        "order_ar": "Arabic order: the article ال and the vowel marks do not count, أ إ آ are ا, and words in Latin "
        "letters come last",
        "order_latin": "alphabetical order: capital letters, accents and hyphens do not count",
        "others_out_of_place": " {others} other term(s) are out of place too.",
        "spelling_only": " Only spelling or punctuation changed in French? Add instead to the French front matter: {spelling}",
    },
}


def word(name: str) -> str:
    return WORDS[language()][name]


@cache
def table() -> dict[str, dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def language() -> str:
    chosen = os.environ.get(ENVIRONMENT, "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def rule_of(key: str) -> str:
    return key.split(".", 1)[0]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Kept(dict):
    """A value the caller did not give stays visible as {name} rather than crashing the
    check (tests/test_messages.py makes sure every call gives them all)."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def words(key: str, **values) -> tuple[str, str, str, str]:
    """(rule, severity, message, hint) of `key` in the chosen language."""
    entry = table()[key]
    said = entry.get(language()) or entry[FALLBACK_LANGUAGE]
    filled = _Kept({name: str(value) for name, value in values.items()})
    return (
        rule_of(key),
        entry.get("severity", "error"),
        said["message"].format_map(filled),
        said["hint"].format_map(filled),
    )


def problem(path: str, line: int, key: str, /, *, severity: str | None = None, **values) -> Problem:
    """The problem `key` at path:line, said in the chosen language. `severity` overrides the
    table's where the same slip is an error in one case and a warning in another."""
    rule, table_severity, message, hint = words(key, **values)
    return Problem(path, line, rule, message, hint, severity or table_severity)


class KeyedError(ValueError):
    """What a reader (the front matter, a practice or terminology file) refuses: `key` names
    its message in the table, said in the contributor's language; `line` counts from 1."""

    def __init__(self, line: int, key: str, /, **values):
        self.line, self.key, self.values = line, key, values
        self.rule, _, self.message, self.hint = words(key, **values)
        super().__init__(self.message)
