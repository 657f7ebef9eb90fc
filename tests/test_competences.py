"""The mediators' categories and competence codes of each lesson: the checker refuses an
unknown value at its line, and every lesson page shows them on one line in its helper
section, in the page's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, WITH_LESSONS, languages_with, prefix, ui

from pasapas.checks.lessons import lint
from pasapas.model import competences
from pasapas.model.lesson import SOURCE_LANGUAGE, lessons_in

LESSON = "docs/fr/lecons/e-mail-piece-jointe.md"


def lint_with(tmp_path: Path, old: str, new: str, rules: tuple[str, ...]) -> list[str]:
    """The problems of `rules` once `old` became `new` in a copy of the French e-mail lesson."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs/fr/lecons", docs / "fr/lecons")
    shutil.copy2(ROOT / "docs/fr/_interface.yml", docs / "fr/_interface.yml")
    path = tmp_path / LESSON
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [f"{p.line}: {p.rule}: {p.message} / {p.hint}" for p in lint(docs, ["fr"]) if p.path == LESSON and p.rule in rules]


def line_of(tmp_path: Path, start: str) -> int:
    lines = (tmp_path / LESSON).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(start))


RULES = ("mediation-value", "mediation-invalid", "field-missing", "field-value")


def test_an_unknown_theme_is_refused_at_its_line_with_the_nearest_one(tmp_path):
    found = lint_with(tmp_path, "mediation: {theme: email}", "mediation: {theme: emails}", RULES)
    assert found == [
        f"{line_of(tmp_path, 'mediation:')}: mediation-value: theme 'emails' is not one of the mediators' categories / "
        "Did you mean 'email'?"
    ]


def test_an_unknown_demarche_family_is_refused_at_its_own_line(tmp_path):
    found = lint_with(
        tmp_path,
        "mediation: {theme: email}\n",
        "mediation:\n  theme: aide_aux_demarches_administratives\n  demarche: impots\n",
        RULES,
    )
    assert found == [
        f"{line_of(tmp_path, 'demarche:')}: mediation-value: demarche 'impots' is not one of the mediators' categories / "
        "Did you mean 'argent_impots'?"
    ]


@pytest.mark.parametrize(
    "written,expected",
    [
        ("mediation: email", "mediation-invalid: 'mediation' must give a theme (and a démarche family)"),
        ("mediation: {demarche: logement}", "mediation-invalid: 'mediation' has no 'theme'"),
        ("mediation: {theme: email, pix: 2.1}", "mediation-invalid: 'mediation' has an unknown field 'pix'"),
    ],
)
def test_a_mediation_field_that_is_not_a_theme_and_a_family_is_refused(tmp_path, written, expected):
    found = lint_with(tmp_path, "mediation: {theme: email}", written, RULES)
    assert [problem.split(" / ")[0] for problem in found] == [f"{line_of(tmp_path, 'mediation:')}: {expected}"]


def test_a_lesson_without_mediation_is_refused(tmp_path):
    found = lint_with(tmp_path, "mediation: {theme: email}\n", "", RULES)
    assert [problem.split(" / ")[0] for problem in found] == ["1: field-missing: the front matter has no 'mediation'"]


def test_a_digcomp_code_that_digcomp_2_2_does_not_have_is_refused(tmp_path):
    found = lint_with(tmp_path, 'digcomp: ["2.1", "2.2"]', 'digcomp: ["2.1", "1.6"]', RULES)
    assert found == [
        f"{line_of(tmp_path, 'digcomp:')}: field-value: '1.6' is not a DigComp 2.2 competence / "
        'Use a code of DigComp 2.2, in quotes: "1.1" to "1.3", "2.1" to "2.6", "3.1" to "3.4", "4.1" to "4.4" or "5.1" to "5.4".'
    ]


def test_every_lesson_says_its_categories_and_the_translations_the_same():
    for language in WITH_LESSONS:
        for lesson in lessons_in(ROOT / "docs", language):
            assert competences.mediation_of(lesson.meta).get("theme"), lesson.path
    assert [p for p in lint(ROOT / "docs") if p.rule.startswith("mediation") or "mediation" in p.message] == []


def test_the_data_files_say_where_their_values_come_from():
    assert len(competences.allowed("theme")) == 19 and len(competences.allowed("demarche")) == 11
    assert len(competences.digcomp_codes()) == 21
    assert "coop-mediation-numerique" in competences.MEDIATION_FILE.read_text(encoding="utf-8")
    assert "JRC128415" in competences.COMPETENCES_FILE.read_text(encoding="utf-8")


def test_pix_competences_follow_the_digcomp_codes_in_pix_order_each_once():
    assert competences.pix_for(["2.6", "2.3", "4.2", "9.9"]) == [
        ("2.4", "S'insérer dans le monde numérique"),
        ("4.2", "Protéger les données personnelles et la vie privée"),
    ]
    assert competences.pix_for(["5.4"]) == []


def test_a_language_without_its_own_label_shows_the_french_one_marked_as_french():
    assert competences.label("theme", "email", "es") == competences.Label("E-mail", "fr")
    assert competences.label("demarche", "argent_impots", "ar") == competences.Label("المال، الضرائب", "ar")


# --- On the built pages ---------------------------------------------------------------------------


def test_every_lesson_page_shows_its_categories_and_competences_in_the_helper_section(site):
    for language in WITH_LESSONS:
        for lesson in lessons_in(ROOT / "docs", language):
            if language not in languages_with(lesson.slug):
                continue
            page = site.page(f"{prefix(language)}{lesson.slug.removesuffix('.md')}/")
            line = page.soup.select_one("article p.pap-mediation")
            assert line is not None, page.path
            assert line.find_previous("h2")["id"] == "aidant", page.path
            assert line.get_text().startswith(ui(language)["mediation_label"]), page.path


def test_the_french_line_names_the_theme_the_digcomp_codes_and_the_pix_competences(site):
    line = site.page("lecons/declarer-revenus/").soup.select_one("p.pap-mediation")
    assert line.get_text() == (
        "Repères pour les médiateurs : thématique : Aide aux démarches administratives · démarche : Argent - Impôts · "
        "DigComp 2.3, 4.2 · Pix 2.4 S'insérer dans le monde numérique, 4.2 Protéger les données personnelles et la vie privée"
    )


@pytest.mark.parametrize(
    "language", [language for language in languages_with("lecons/declarer-revenus.md") if language != SOURCE_LANGUAGE]
)
def test_other_languages_translate_the_categories_and_mark_pix_names_as_french(site, language):
    line = site.page(f"{language}/lecons/declarer-revenus/").soup.select_one("p.pap-mediation")
    label = competences.label("demarche", "argent_impots", language)
    assert label.text in line.get_text()
    assert [span.get_text() for span in line.select('span[lang="fr"]')][-2:] == [
        "S'insérer dans le monde numérique",
        "Protéger les données personnelles et la vie privée",
    ]
