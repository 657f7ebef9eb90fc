"""Text left untranslated (rule text-untranslated): the real translations pass, French
pasted into a translation is caught step by step, and the parts that stay in French or
in Latin letters on purpose (screen labels, code, keys, URLs, brand names) are not."""

from __future__ import annotations

import pytest
from conftest import ROOT

from pasapas.checks.untranslated import (
    FRENCH_STOP_WORDS,
    MAX_FRENCH_SHARE,
    MAX_LATIN_SHARE,
    MIN_LETTERS,
    NON_LATIN,
    WORD,
    french_share,
    latin_share,
    parts_of,
    script_of,
    untranslated_problems,
)
from pasapas.model.languages import configured_languages
from pasapas.model.lesson import Lesson, lessons_in, parse_lesson

DOCS = ROOT / "docs"
SOURCE, *TRANSLATIONS = configured_languages(ROOT)
#: Translations that have lessons already (a new language starts with its home page only).
TRANSLATED = [language for language in TRANSLATIONS if lessons_in(DOCS, language)]
NON_LATIN_TRANSLATIONS = [language for language in TRANSLATIONS if script_of(language) == "non-latin"]
HINT = "Translate this text; keep French words shown on screen as **…**{lang=fr}."
MEASURE = {"non-latin": (latin_share, MAX_LATIN_SHARE), "latin": (french_share, MAX_FRENCH_SHARE)}


def still(language: str) -> str:
    if script_of(language) == "non-latin":
        return f"still in Latin script (not translated into {NON_LATIN[language]}?)"
    return "still in French"


def text_of(lesson: Lesson) -> str:
    return (DOCS / lesson.path).read_text(encoding="utf-8")


def copied_as(lesson: Lesson, language: str, text: str | None = None) -> Lesson:
    """The lesson's text (or `text`) as if it were the `language` lesson of the same name."""
    return parse_lesson(text if text is not None else text_of(lesson), f"{language}/{lesson.slug}")


def shown(lesson: Lesson) -> str:
    return f"docs/{lesson.path}"


def test_script_of() -> None:
    assert [script_of(code) for code in ("ar", "fa", "he", "ur", "ar-MA")] == ["non-latin"] * 5
    assert [script_of(code) for code in ("en", "es", "de", "pt-BR")] == ["latin"] * 4
    assert script_of("fr") is None and script_of("fr-CA") is None


@pytest.mark.parametrize("language", TRANSLATED)
def test_real_translations_have_no_untranslated_text(language: str) -> None:
    lessons = lessons_in(DOCS, language)
    assert lessons, f"no lessons in docs/{language}/lecons"
    problems = [str(problem) for lesson in lessons for problem in untranslated_problems(lesson, shown(lesson))]
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_thresholds_sit_well_above_the_real_lessons_and_below_the_french(language: str) -> None:
    """The thresholds were set from these measures: the highest share in a real translation
    (0.48 of Latin letters in Arabic, 0.064 of French stop words in English) and the lowest
    share in the French lessons (1.0 and 0.25)."""
    measure, limit = MEASURE[script_of(language)]

    def shares(lang: str, as_lang: str) -> list[float]:
        parts = [part for lesson in lessons_in(DOCS, lang) for part in parts_of(copied_as(lesson, as_lang))]
        return [share for share, letters in (measure(text) for _, _, text in parts) if letters >= MIN_LETTERS]

    real, french = shares(language, language), shares(SOURCE, language)
    assert max(real) * 1.5 < limit < min(french)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_french_lesson_copied_as_a_translation_is_flagged_on_every_step(language: str) -> None:
    for french in lessons_in(DOCS, SOURCE):
        lesson = copied_as(french, language)
        problems = untranslated_problems(lesson, shown(lesson))
        flagged = {problem.line for problem in problems}
        assert {step.line for step in lesson.steps} <= flagged, lesson.path
        assert lesson.sections["aidant"].line in flagged, lesson.path
        assert {problem.rule for problem in problems} == {"text-untranslated"}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_messages_name_the_step_and_the_section(language: str) -> None:
    french = lessons_in(DOCS, SOURCE)[0]
    lesson = copied_as(french, language)
    problems = {problem.line: problem for problem in untranslated_problems(lesson, shown(lesson))}
    step, aidant = lesson.steps[0], lesson.sections["aidant"]
    assert problems[step.line].message == f"step 1 is {still(language)}"
    assert problems[aidant.line].message == f"the section '{aidant.title}' (#aidant) is {still(language)}"
    assert problems[step.line].hint == HINT and problems[step.line].severity == "error"


def test_exact_messages_for_arabic_and_english() -> None:
    """The wording itself, whatever languages the site has."""
    french = lessons_in(DOCS, SOURCE)[0]
    for language, expected in [
        ("ar", "step 1 is still in Latin script (not translated into Arabic?)"),
        ("en", "step 1 is still in French"),
    ]:
        lesson = copied_as(french, language)
        first = untranslated_problems(lesson, "x.md")
        assert [problem.message for problem in first if problem.line == lesson.steps[0].line] == [expected]


@pytest.mark.parametrize("language", TRANSLATED)
def test_one_step_pasted_in_french_is_flagged_on_that_step_only(language: str) -> None:
    translated = lessons_in(DOCS, language)[0]
    french = copied_as(translated, SOURCE, (DOCS / SOURCE / translated.slug).read_text(encoding="utf-8"))
    number = 2
    step = next(step for step in translated.steps if step.number == number)
    french_step = next(step for step in french.steps if step.number == number)
    lines = text_of(translated).splitlines()
    # The translated step (heading and body) replaced by the French step, heading included.
    lines[step.line - 1 : step.line + len(step.body)] = [
        text_of(french).splitlines()[french_step.line - 1],
        *french_step.body,
    ]
    lesson = copied_as(translated, language, "\n".join(lines) + "\n")
    assert [str(problem) for problem in untranslated_problems(lesson, shown(lesson))] == [
        f"{shown(lesson)}:{step.line}: text-untranslated: step {number} is {still(language)}\n    hint: {HINT}"
    ]


LABELS_ONLY = """---
title: x
---

# x

## {title} {{#etapes}}

#### {step} {{#etape-1}}

{prose_1} **«Mot de passe oublié ?»**{{lang=fr}}, **Créer un compte**{{lang=fr}},
**Boîte de réception**{{: lang=fr }}, [Se connecter avec FranceConnect]{{lang=fr}},
**Vérifiez vos informations puis cliquez sur Valider**{{lang=fr}},
**Pour continuer, vous devez accepter les conditions**{{lang=fr}}.
{prose_2} https://www.france-travail.fr/candidat/mes-demarches/espace-personnel
prenom.nom@exemple.fr `C:\\Users\\Documents\\Telechargements` ++ctrl+c++ ++ctrl+v++ cv-2024.pdf
[{link}](https://www.caf.fr/allocataires/mon-compte/se-connecter) CAF.

![{alt}](images/capture-ecran-mot-de-passe-oublie.svg)

```
Mot de passe : ************ (ne le donnez jamais à personne)
```

!!! helper "{helper}"
    {prose_1}

**{see}** {prose_2}
{{: .voir }}
"""
PROSE = {
    "non-latin": {
        "title": "الخطوات",
        "step": "الخطوة 1: افتح الموقع",
        "prose_1": "اضغط على",
        "prose_2": "ثم افتح",
        "link": "موقع الصندوق",
        "alt": "صورة الشاشة",
        "helper": "افعلها معه",
        "see": "سترى:",
    },
    "latin": {
        "title": "The steps",
        "step": "Step 1: open the website",
        "prose_1": "Click on",
        "prose_2": "then open",
        "link": "the fund's website",
        "alt": "A screenshot",
        "helper": "Do it with them",
        "see": "You see:",
    },
}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_french_labels_code_keys_and_addresses_are_not_untranslated_text(language: str) -> None:
    text = LABELS_ONLY.format(**PROSE[script_of(language)])
    lesson = parse_lesson(text, f"{language}/lecons/x.md")
    assert [step.number for step in lesson.steps] == [1]
    # Without removing them, the labels and addresses alone would be flagged.
    body = text.split("# x", 1)[1]
    if script_of(language) == "non-latin":
        letters = [c for c in body if c.isalpha()]
        assert sum(c.isascii() for c in letters) / len(letters) > MAX_LATIN_SHARE
    else:
        words = WORD.findall(body.lower())
        assert sum(word in FRENCH_STOP_WORDS for word in words) / len(words) > MAX_FRENCH_SHARE
    assert untranslated_problems(lesson, "x.md") == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_placeholder_is_not_flagged(language: str) -> None:
    french = lessons_in(DOCS, SOURCE)[0]
    lesson = copied_as(french, language, text_of(french).replace("---\n", "---\ntranslation: todo\n", 1))
    assert lesson.meta["translation"] == "todo"
    assert untranslated_problems(lesson, shown(lesson)) == []


def test_the_french_lessons_themselves_are_not_checked() -> None:
    assert all(untranslated_problems(lesson, shown(lesson)) == [] for lesson in lessons_in(DOCS, SOURCE))
