"""Each glossary is in the alphabetical order of its own language, by a rule
(pasapas/model/collation.py), so that a learner can look a word up; an entry out of place
is an error at its line that says where it goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pasapas.checks.glossary_order import order_problems, out_of_place
from pasapas.checks.lessons import lint
from pasapas.model import glossary
from pasapas.model.collation import sort_key

ROOT = Path(__file__).resolve().parent.parent


def in_order(terms: list[str], language: str) -> list[str]:
    return sorted(terms, key=lambda term: sort_key(term, language))


def test_arabic_ignores_the_article_vowel_marks_and_the_hamza_on_alif():
    terms = ["الرسائل المزعجة", "التحديث", "إشعار الاستلام", "أيقونة", "آلة", "اختبار", "المؤشّر", "مبلغ", "حساب"]
    assert in_order(terms, "ar") == [
        "اختبار",  # ا خ
        "إشعار الاستلام",  # ا ش: إ is ا
        "آلة",  # ا ل: آ is ا
        "أيقونة",  # ا ي
        "التحديث",  # under ت, not ا
        "حساب",
        "الرسائل المزعجة",  # under ر
        "مبلغ",
        "المؤشّر",  # م و: the shadda does not count, ؤ is و
    ]


def test_arabic_puts_words_in_latin_letters_after_the_arabic_ones():
    assert in_order(["Wi-Fi", "الفيروس", "PDF", "تطبيق"], "ar") == ["تطبيق", "الفيروس", "PDF", "Wi-Fi"]


def test_arabic_keeps_a_root_alif_lam_that_is_not_the_article():
    # «ألم» starts with أ, not with the article: it stays under ا.
    assert sort_key("ألم", "ar") == (0, "الم")
    assert sort_key("الألم", "ar") == (0, "الم")


def test_latin_languages_ignore_case_accents_and_hyphens_and_compare_word_by_word():
    terms = ["Wi-Fi", "E-mail provider", "écran", "Email", "E-mail address", "Émoticône", "antivirus", "Zoom"]
    assert in_order(terms, "en") == [
        "antivirus",
        "écran",
        "Email",
        "E-mail address",
        "E-mail provider",
        "Émoticône",
        "Wi-Fi",
        "Zoom",
    ]


def test_the_entries_to_move_are_as_few_as_possible():
    assert out_of_place(["a", "b", "c", "d"]) == []
    assert out_of_place(["a", "d", "b", "c"]) == [1]  # d went up: move d, not b and c
    assert out_of_place(["a", "c", "d", "b", "e"]) == [3]  # b went down: move b
    assert out_of_place(["a", "a", "b"]) == []  # equal keys are in order


PAGE = """---
title: Glossary
---

# Words

Account { #compte }
:   Your space.

Mouse { #souris }
:   A device.

Tab { #onglet }
:   A page.

Browser { #navigateur }
:   A program.
"""


def test_an_entry_out_of_order_is_an_error_at_its_line_naming_where_it_goes():
    assert [str(p) for p in order_problems(PAGE, "en", "docs/en/glossaire.md")] == [
        "docs/en/glossaire.md:16: glossary-order: «Browser» is not in alphabetical order\n"
        "    hint: Move it, with its definition, after «Account» (alphabetical order: capital letters, accents and "
        "hyphens do not count); keep its { #id }."
    ]


def test_the_hint_says_the_arabic_rule_and_how_many_other_entries_are_out_of_place():
    page = "الرابط { #lien }\n:   ا\n\nحساب { #compte }\n:   ب\n\nالفأرة { #souris }\n:   ج\n\nتطبيق { #application }\n:   د\n"
    assert [str(p) for p in order_problems(page, "ar", "docs/ar/glossaire.md")] == [
        "docs/ar/glossaire.md:1: glossary-order: «الرابط» is not in alphabetical order\n"
        "    hint: Move it, with its definition, after «حساب» (Arabic order: the article ال and the vowel marks do not "
        "count, أ إ آ are ا, and words in Latin letters come last); keep its { #id }. 1 other term(s) are out of place too."
    ]


def test_an_entry_that_belongs_first_is_told_so():
    page = "Browser { #navigateur }\n:   A program.\n\nMouse { #souris }\n:   A device.\n\nAccount { #compte }\n:   Your space.\n"
    (problem,) = order_problems(page, "en", "g.md")
    assert (problem.line, problem.message) == (7, "«Account» is not in alphabetical order")
    assert problem.hint.startswith("Move it, with its definition, first, before every other term (")


def test_the_lesson_check_refuses_an_out_of_order_glossary(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en/glossaire.md").write_text(PAGE, encoding="utf-8")
    problems = [p for p in lint(tmp_path, ["en"]) if p.rule == "glossary-order"]
    assert [(p.path, p.line, p.severity) for p in problems] == [("docs/en/glossaire.md", 16, "error")]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_site_glossaries_are_each_in_their_own_alphabetical_order(language):
    text = (ROOT / "docs" / language / glossary.GLOSSARY_PAGE).read_text(encoding="utf-8")
    assert [str(p) for p in order_problems(text, language, f"docs/{language}/glossaire.md")] == []
    terms = [entry.term for entry in glossary.parse_glossary(text)]
    assert terms == in_order(terms, language)
