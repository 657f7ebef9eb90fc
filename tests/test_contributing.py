"""What a contributor meets: the scaffold, the build that stops on a bad lesson,
placeholders that are never published as translations, the translation status, and the
GitHub workflow."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT, TRANSLATIONS, build, build_or_fail, languages_with, ui
from sitepages import nav_lessons_by_section

from pasapas.checks.lessons import lint
from pasapas.model.languages import configured_languages
from pasapas.tools.new_lesson import ScaffoldError, new_lesson, start_translation


@pytest.fixture
def project(project_copy):
    return project_copy("contributing")


def test_scaffold_creates_the_french_lesson_dated_today_in_its_path_and_leaves_mkdocs_yml_alone(project):
    before = nav_lessons_by_section(project / "mkdocs.yml")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    created = new_lesson(project, "envoyer-un-sms", "Envoyer un SMS", "Communiquer", date(2026, 11, 28))

    assert [p.relative_to(project).as_posix() for p in created] == ["docs/fr/lecons/envoyer-un-sms.md"]
    french = created[0].read_text(encoding="utf-8")
    assert "title: Envoyer un SMS\n" in french and "\n# Envoyer un SMS\n" in french
    assert "last_checked: 2026-11-28\n" in french and "\nparcours: Communiquer\n" in french
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config
    after = nav_lessons_by_section(project / "mkdocs.yml")
    assert sorted(after["Communiquer"]) == sorted(before["Communiquer"] + ["lecons/envoyer-un-sms.md"])
    assert {name: after[name] for name in before if name != "Communiquer"} == {
        name: lessons for name, lessons in before.items() if name != "Communiquer"
    }
    assert not list((project / "docs").glob("*/lecons/envoyer-un-sms.md"))[1:]  # the French only


def test_a_translation_starts_from_the_finished_french_only(project):
    new_lesson(project, "envoyer-un-sms", "Envoyer un SMS", "Communiquer", date(2026, 11, 28))
    with pytest.raises(ScaffoldError, match=r"the French lesson is not finished yet \('À ÉCRIRE' on line \d+ of"):
        start_translation(project, "ar", "envoyer-un-sms")
    french = project / "docs/fr/lecons/envoyer-un-sms.md"
    french.write_text((project / "docs/fr/lecons/sms.md").read_text(encoding="utf-8"), encoding="utf-8")
    created = start_translation(project, "ar", "envoyer-un-sms")
    text = created.read_text(encoding="utf-8")
    assert "\ntranslation: todo\n---\n" in text
    assert text.replace("translation: todo\n", "") == french.read_text(encoding="utf-8")


def test_a_second_translation_of_the_same_lesson_says_how_to_update_the_first(project):
    with pytest.raises(ScaffoldError) as refused:
        start_translation(project, "ar", "antivirus")
    assert str(refused.value) == (
        "docs/ar/lecons/antivirus.md already exists. To bring it up to date with the French, see what changed with: "
        ".venv/bin/pasapas translations diff ar antivirus — then edit it and run: "
        ".venv/bin/pasapas translations stamp docs/ar/lecons/antivirus.md"
    )


def test_scaffold_fill_translate_stamp_then_lint_is_clean(project):
    """A contributor's whole path, with the commands they type."""
    from pasapas.model.translations import TRANSLATION_BLOCK

    new_lesson(project, "envoyer-un-sms", "Envoyer un SMS", "Communiquer", date(2026, 11, 28))
    (project / "docs/fr/lecons/envoyer-un-sms.md").write_text(
        (project / "docs/fr/lecons/sms.md").read_text(encoding="utf-8"), encoding="utf-8"
    )  # filled in
    # Translated from the SMS lesson of each language that has it.
    translators = [language for language in languages_with("lecons/sms.md") if language in TRANSLATIONS]
    assert translators
    for language in translators:
        run = [sys.executable, "-m", "pasapas"]
        started = subprocess.run(
            [*run, "lesson", "translate", language, "envoyer-un-sms"], cwd=project, capture_output=True, text=True
        )
        assert started.returncode == 0, started.stderr
        assert f".venv/bin/pasapas translations stamp docs/{language}/lecons/envoyer-un-sms.md" in started.stdout
        translated = TRANSLATION_BLOCK.sub("", (project / f"docs/{language}/lecons/sms.md").read_text(encoding="utf-8"))
        (project / f"docs/{language}/lecons/envoyer-un-sms.md").write_text(translated, encoding="utf-8")  # translated
        stamped = subprocess.run(
            [*run, "translations", "stamp", f"docs/{language}/lecons/envoyer-un-sms.md"],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert stamped.returncode == 0, stamped.stderr
        text = (project / f"docs/{language}/lecons/envoyer-un-sms.md").read_text(encoding="utf-8")
        assert text.count("translation:") == 1 and "translation: todo" not in text
    problems = [p for p in lint(project / "docs") if "envoyer-un-sms" in p.path]
    # A language with no SMS lesson to translate from is only told that it has no translation.
    assert [str(p) for p in problems if (p.rule, p.severity) != ("translation-missing", "warning")] == []
    untranslated = {f"docs/{language}/lecons/envoyer-un-sms.md" for language in TRANSLATIONS if language not in translators}
    assert {p.path for p in problems} == untranslated


def test_a_scaffolded_lesson_is_reported_until_it_is_written(project):
    new_lesson(project, "envoyer-un-sms", "Envoyer un SMS", "Communiquer", date(2026, 11, 28))
    problems = [p for p in lint(project / "docs") if p.path == "docs/fr/lecons/envoyer-un-sms.md"]
    assert {p.rule for p in problems} == {"template-text", "image-missing"}


def test_scaffold_refuses_a_bad_name_an_existing_lesson_and_an_unknown_path(project):
    with pytest.raises(ScaffoldError, match="'Envoyer SMS' is not a valid lesson name"):
        new_lesson(project, "Envoyer SMS", "x", "Communiquer", date.today())
    with pytest.raises(ScaffoldError, match="docs/fr/lecons/antivirus.md already exists"):
        new_lesson(project, "antivirus", "x", "Communiquer", date.today())
    with pytest.raises(ScaffoldError, match="no learning path 'Cuisine' in mkdocs.yml; choose one of: Premiers pas, Communiquer"):
        new_lesson(project, "recette", "x", "Cuisine", date.today())


@pytest.mark.parametrize(
    "title",
    [
        "Les impôts : déclarer en ligne",
        "Un titre avec `touch pwned` et $(touch pwned) # pas un commentaire",
        "- une liste ? non : un titre",
        "Titre 'entre apostrophes' : oui",
    ],
)
def test_scaffold_writes_any_plain_title_as_valid_yaml_text(project, title):
    from pasapas.model.lesson import split_front_matter

    created = new_lesson(project, "essai", title, "Communiquer", date(2026, 11, 28))
    meta, _, _ = split_front_matter(created[0].read_text(encoding="utf-8"))
    assert meta["title"] == title
    assert not (project / "pwned").exists()


@pytest.mark.parametrize("title", ['x"><script>alert(1)</script>', "a < b", "", "x" * 121])
def test_scaffold_refuses_a_title_that_is_not_plain_text(project, title):
    with pytest.raises(ScaffoldError):
        new_lesson(project, "essai", title, "Communiquer", date(2026, 11, 28))


@pytest.mark.parametrize("language", ["../../..", "fr", "xx", "ar/../../x"])
def test_scaffold_translates_only_into_a_language_of_the_site(project, language):
    with pytest.raises(ScaffoldError):
        start_translation(project, language, "antivirus")
    assert not list(project.glob("**/antivirus.md.*"))


def test_make_lesson_never_runs_what_the_title_holds(project):
    from conftest import with_make

    with_make(project)
    title = "Titre `touch p1` $(touch p2) $$(touch p3) $(shell touch p4) ; touch p5"
    result = subprocess.run(
        ["make", "-s", "lesson", "SLUG=essai", f"TITLE={title}", "PARCOURS=Communiquer"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(project.glob("p?")) == []
    from pasapas.model.lesson import split_front_matter

    assert split_front_matter((project / "docs/fr/lecons/essai.md").read_text(encoding="utf-8"))[0]["title"] == title
    bad = subprocess.run(
        ["make", "-s", "lesson-translation", "LANGUAGE=../../..", "SLUG=essai"], cwd=project, capture_output=True, text=True
    )
    assert bad.returncode != 0 and "is not a language of the site" in bad.stderr


def test_make_lesson_prints_what_to_do_next(project):
    result = subprocess.run(
        [sys.executable, "-m", "pasapas", "lesson", "new", "envoyer-un-sms", "Envoyer un SMS", "--parcours", "Communiquer"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        "Next: write every 'À ÉCRIRE', then run 'make serve' to look at it and 'make lint' to check it.\n"
    )


# --- The build fails closed --------------------------------------------------------------


def test_build_stops_with_the_checker_messages_on_a_bad_lesson(project, tmp_path):
    lesson = project / "docs/fr/lecons/antivirus.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(
        text.replace("![Un écran d'ordinateur avec un virus barré, et un bouclier vert coché à côté.]", "![]"), encoding="utf-8"
    )

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "docs/fr/lecons/antivirus.md:" in result.stderr
    assert ": image-alt: the image antivirus.svg has no real text alternative" in result.stderr
    assert "Run 'make lint' to see every problem." in result.stderr
    assert not (tmp_path / "site/lecons/antivirus/index.html").exists()


# --- Placeholders and translation state, as readers see them ---------------------------------


@pytest.fixture(scope="module")
def site_with_placeholder(project_copy, tmp_path_factory):
    project = project_copy("placeholder")
    new_lesson(project, "envoyer-un-sms", "Envoyer un SMS", "Communiquer", date(2026, 11, 28))
    french = project / "docs/fr/lecons/envoyer-un-sms.md"
    written = french.read_text(encoding="utf-8").replace("À ÉCRIRE", "Texte écrit")
    written = written.replace("images/a-dessiner.svg", "images/antivirus.svg")
    french.write_text(written, encoding="utf-8")
    for language in configured_languages(project)[1:]:
        start_translation(project, language, "envoyer-un-sms")
    antivirus = project / "docs/fr/lecons/antivirus.md"
    text = antivirus.read_text(encoding="utf-8").replace("Revenez à", "Retournez à")
    antivirus.write_text(text.replace("{#etape-2}\n\n", "{#etape-2}\n\nUne phrase de plus.\n\n", 1), encoding="utf-8")
    return build_or_fail(project, tmp_path_factory.mktemp("placeholder-site"))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_placeholder_is_published_as_not_translated_never_as_a_translation(site_with_placeholder, language):
    page = site_with_placeholder.page(f"{language}/lecons/envoyer-un-sms/")
    article = page.soup.select_one("article")
    assert "Texte écrit" not in article.get_text()
    assert article.select_one('a[hreflang="fr"]')["lang"] == "fr"
    nav_titles = [a.get_text(strip=True) for a in site_with_placeholder.page(f"{language}/").soup.select(".md-nav__link")]
    assert "Envoyer un SMS" not in nav_titles


def test_an_outdated_translation_says_so_and_links_to_the_french(site_with_placeholder):
    page = site_with_placeholder.page("en/lecons/antivirus/")
    line = page.soup.select_one("p.pap-translation")
    assert "pap-translation--outdated" in line["class"]
    from babel.dates import format_date

    from pasapas.model.lesson import as_date, split_front_matter

    meta = split_front_matter((ROOT / "docs/en/lecons/antivirus.md").read_text(encoding="utf-8"))[0]
    aligned = format_date(as_date(meta["translation"]["date"]), format="long", locale="en")
    assert line.get_text(" ", strip=True).startswith(f"Translation last aligned with the French on {aligned}.")
    assert page.resolve(line.a["href"]) == site_with_placeholder.dir / "lecons/antivirus/index.html"
    # It names the step that changed in the French (a sentence added to step 2).
    assert ui("en")["translation_changed_steps"].format(steps="2") in line.get_text(" ", strip=True)


def changed_in_fixture(language: str) -> list[str]:
    """The parts of the French antivirus lesson that site_with_placeholder changed, as the
    model sees them from the translation's front matter."""
    from pasapas.model.lesson import parse_lesson, split_front_matter
    from pasapas.model.translations import changed_parts

    text = (ROOT / "docs/fr/lecons/antivirus.md").read_text(encoding="utf-8").replace("Revenez à", "Retournez à")
    text = text.replace("{#etape-2}\n\n", "{#etape-2}\n\nUne phrase de plus.\n\n", 1)
    meta = split_front_matter((ROOT / f"docs/{language}/lecons/antivirus.md").read_text(encoding="utf-8"))[0]
    return changed_parts(meta, parse_lesson(text, "fr/lecons/antivirus.md"))


@pytest.mark.parametrize("language", [code for code in TRANSLATIONS if code in languages_with("lecons/antivirus.md")])
def test_the_changed_step_itself_says_so_and_links_to_the_french_step(site_with_placeholder, language):
    page = site_with_placeholder.page(f"{language}/lecons/antivirus/")
    words = ui(language)
    notes = page.soup.select("p.pap-changed")
    marked = [note.find_previous_sibling(["h2", "h3", "h4"])["id"] for note in notes]
    assert "etape-2" in marked and sorted(marked) == sorted(changed_in_fixture(language))
    step_note = notes[marked.index("etape-2")]
    assert step_note.find_previous_sibling()["id"] == "etape-2", "the note comes right under the step's heading"
    assert step_note.get_text(" ", strip=True) == f"{words['translation_step_changed']} {words['translation_read_french_step']}"
    assert step_note.a["hreflang"] == "fr" and step_note.a["href"].endswith("#etape-2")
    assert page.resolve(step_note.a["href"]) == site_with_placeholder.dir / "lecons/antivirus/index.html"
    # An up-to-date translation has no such note.
    assert site_with_placeholder.page(f"{language}/lecons/sms/").soup.select("p.pap-changed") == []


def test_an_up_to_date_translation_says_when_it_was_aligned(site):
    line = site.page("ar/lecons/antivirus/").soup.select_one("p.pap-translation")
    assert line["class"] == ["pap-translation", "pap-translation--up-to-date"]
    assert line.a is None


#: The column of each language in the French table (Babel names a language added since).
LANGUAGE_COLUMNS = {"ar": "Arabe", "en": "Anglais"}


def column_of(language: str) -> str:
    from babel import Locale

    return LANGUAGE_COLUMNS.get(language) or Locale.parse("fr").languages[language.split("-")[0]].capitalize()


def test_translation_status_page_shows_each_lesson_and_language(site_with_placeholder):
    page = site_with_placeholder.page("contribuer/traductions/")
    rows = {
        next(row.th.stripped_strings): [next(td.stripped_strings) for td in row.select("td.pap-status")]
        for row in page.soup.select("table.pap-translations tbody tr")
    }

    def expected(state: str, slug: str) -> list[str]:
        """`state` where the lesson is translated, "Manquante" (missing) elsewhere."""
        return [state if language in languages_with(slug) else "Manquante" for language in TRANSLATIONS]

    assert rows["Envoyer un SMS"] == ["Manquante"] * len(TRANSLATIONS)
    assert rows["Se protéger des virus : l'antivirus"] == expected("En retard sur le français", "lecons/antivirus.md")
    assert rows["Envoyer un e-mail avec une pièce jointe"] == expected("À jour", "lecons/e-mail-piece-jointe.md")
    assert "En retard sur le français" in rows["Se protéger des virus : l'antivirus"]
    assert "À jour" in rows["Envoyer un e-mail avec une pièce jointe"]
    header = [th.get_text() for th in page.soup.select("table.pap-translations thead th")]
    assert header == ["LeçonVersion française", *(column_of(language) for language in TRANSLATIONS)]


def test_translation_status_page_names_the_steps_changed_in_french_and_the_french_version(site_with_placeholder):
    from pasapas.model.lesson import parse_lesson
    from pasapas.model.translations import french_version

    page = site_with_placeholder.page("contribuer/traductions/")
    row = next(
        tr
        for tr in page.soup.select("table.pap-translations tbody tr")
        if next(tr.th.stripped_strings).startswith("Se protéger des virus")
    )
    outdated = row.select("td.pap-status--outdated")
    assert outdated, "the antivirus translations are behind the French in this fixture"
    for cell in outdated:
        steps = cell.select_one(".pap-status__steps")
        assert steps.get_text() == ui("fr")["translation_changed_steps"].format(steps="2")
        assert page.resolve(steps.a["href"]) == site_with_placeholder.dir / "lecons/antivirus/index.html"
        assert steps.a["href"].endswith("#etape-2")
    # The French version to write in `translation: {aligned_with: …}`, as the checker says it.
    french = (ROOT / "docs/fr/lecons/antivirus.md").read_text(encoding="utf-8").replace("Revenez à", "Retournez à")
    french = french.replace("{#etape-2}\n\n", "{#etape-2}\n\nUne phrase de plus.\n\n", 1)
    assert row.th.code.get_text() == french_version(parse_lesson(french, "fr/lecons/antivirus.md"))


def test_contribute_page_shows_the_contributor_guide(site):
    page = site.page("contribuer/")
    assert page.soup.select_one("article h1").get_text(strip=True) == "Contribuer à Pas à pas"
    assert "make lesson SLUG=" in page.soup.select_one("article").get_text()
    assert site.page("en/contribuer/").soup.select_one("article h1").get_text(strip=True) == "Contributing to Pas à pas"


def test_translations_command_lists_every_lesson(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pasapas", "translations", "status"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    expected = ", ".join(
        f"{language} {'up to date' if (ROOT / 'docs' / language / 'lecons/antivirus.md').exists() else 'missing'}"
        for language in TRANSLATIONS
    )
    assert f"lecons/antivirus.md: {expected}" in result.stdout.splitlines()
