"""A lesson joins its learning path from its own front matter (`parcours:`): nobody edits
mkdocs.yml to add one. In its path it comes after its prerequisites, then by title; the
menu and the home page of every language show it there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import LANGUAGES, ROOT, build_or_fail, languages_with, prefix

from pasapas.checks.lessons import errors, lint
from pasapas.model import learning_paths
from pasapas.model.languages import ConfigLoader
from pasapas.model.learning_paths import PathEntry, in_order, lessons_by_path, nav_with_lessons, rungs
from pasapas.model.translations import stamp


def lesson(entry: str, title: str, *prerequisites: str, path: str = "Communiquer") -> PathEntry:
    return PathEntry(f"lecons/{entry}.md", title, tuple(f"lecons/{p}.md" for p in prerequisites), path)


def test_in_a_path_a_lesson_comes_after_its_prerequisites_then_by_title():
    lessons = [
        lesson("piece-jointe", "Envoyer une pièce jointe", "ecrire"),
        lesson("ecrire", "Écrire un e-mail", "adresse"),
        lesson("sms", "Envoyer un SMS"),
        lesson("adresse", "Créer son adresse"),
        lesson("antivirus", "Se protéger des virus", "piece-jointe", path="Se protéger"),
    ]
    # Accents do not count in the order of titles: « Écrire » sorts with « ecrire ».
    assert [found.entry for found in in_order(lessons)] == [
        "lecons/adresse.md",
        "lecons/sms.md",
        "lecons/ecrire.md",
        "lecons/piece-jointe.md",
        "lecons/antivirus.md",
    ]
    assert lessons_by_path(["Premiers pas", "Communiquer", "Se protéger"], lessons) == {
        "Communiquer": ["lecons/adresse.md", "lecons/sms.md", "lecons/ecrire.md", "lecons/piece-jointe.md"],
        "Se protéger": ["lecons/antivirus.md"],
    }


def test_a_loop_of_prerequisites_is_cut_and_a_long_chain_keeps_its_order():
    assert rungs([lesson("a", "A", "b"), lesson("b", "B", "a"), lesson("c", "C", "c")]) == {
        "lecons/a.md": 1,
        "lecons/b.md": 0,
        "lecons/c.md": 0,
    }
    chain = [lesson(f"l{n}", f"Z {n}", *([f"l{n - 1}"] if n else [])) for n in reversed(range(3000))]
    assert [found.entry for found in in_order(chain)] == [f"lecons/l{n}.md" for n in range(3000)]


def test_the_menu_holds_each_path_s_lessons_before_its_own_pages_however_often_it_is_asked():
    nav = [
        "index.md",
        {"Premiers pas": ["aider.md", "glossaire.md"]},
        {"Communiquer": []},
        {"Contribuer": ["contribuer/index.md"]},
        "a-propos.md",
    ]
    lessons = [
        lesson("sms", "Envoyer un SMS"),
        lesson("souris", "La souris", path="Premiers pas"),
        lesson("x", "X", path="Cuisine"),
    ]
    expected = [
        "index.md",
        {"Premiers pas": ["lecons/souris.md", "aider.md", "glossaire.md"]},
        {"Communiquer": ["lecons/sms.md"]},
        {"Contribuer": ["contribuer/index.md"]},
        "a-propos.md",
    ]
    assert nav_with_lessons(nav, lessons) == expected
    assert nav_with_lessons(expected, lessons) == expected, "each language's build asks again"
    assert nav == ["index.md", {"Premiers pas": ["aider.md", "glossaire.md"]}, {"Communiquer": []}, *nav[3:]]


def test_every_french_lesson_of_the_site_is_in_a_path():
    lessons = learning_paths.french_lessons(ROOT / "docs")
    placed = lessons_by_path(learning_paths.known_paths(ROOT), lessons)
    assert sorted(entry for entries in placed.values() for entry in entries) == sorted(found.entry for found in lessons)


def test_the_template_offers_the_paths_of_the_site():
    line = re.search(r"^parcours: (.*)$", (ROOT / "docs/fr/lecons/_modele.md").read_text(encoding="utf-8"), re.M)[1]
    offered = re.split(r", | ou ", re.search(r"\((.*)\)", line)[1])
    assert offered and set(offered) <= set(learning_paths.known_paths(ROOT))


# --- In the built site ------------------------------------------------------------------------


def nav_title(config_text: str, language: str, title: str) -> str:
    """A path's title as `language`'s menu shows it (nav_translations)."""
    config = yaml.load(config_text, Loader=ConfigLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    entry = next(e for e in i18n["languages"] if e["locale"] == language)
    return (entry.get("nav_translations") or {}).get(title, title)


NEW = "lecons/essai-parcours"
PATH = "Se protéger"


@pytest.fixture(scope="module")
def site_with_a_new_lesson(project_copy, tmp_path_factory):
    """A copy of the project with one more lesson, in every language that has the SMS
    lesson, naming its path in its front matter; mkdocs.yml is not touched."""
    project = project_copy("new-path-lesson")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    french = (project / "docs/fr/lecons/sms.md").read_text(encoding="utf-8")
    french = re.sub(r"^parcours: .*$", f"parcours: {PATH}", french, count=1, flags=re.M)
    french = french.replace("title: Envoyer un SMS, et reconnaître un SMS piège", "title: Un essai de parcours", 1)
    (project / f"docs/fr/{NEW}.md").write_text(
        french.replace("\n# Envoyer un SMS", "\n# Un essai de parcours", 1), encoding="utf-8"
    )
    for language in languages_with("lecons/sms.md")[1:]:
        translated = (project / f"docs/{language}/lecons/sms.md").read_text(encoding="utf-8")
        (project / f"docs/{language}/{NEW}.md").write_text(translated, encoding="utf-8")
        stamp(project / "docs", f"{language}/{NEW}.md")
    assert errors(lint(project / "docs")) == []
    built = build_or_fail(project, tmp_path_factory.mktemp("new-path-lesson-site"))
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config, "nobody edits mkdocs.yml to add a lesson"
    return built, config


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lesson_that_names_its_path_is_in_that_path_s_menu_and_on_the_home_page(site_with_a_new_lesson, language):
    built, config = site_with_a_new_lesson
    if language not in languages_with("lecons/sms.md"):
        pytest.skip(f"no SMS lesson in {language} to translate the new one from")
    title = nav_title(config, language, PATH)
    page = built.page(f"{prefix(language)}{NEW}/")
    path = page.soup.select_one(".md-nav--primary > .md-nav__list > li.md-nav__item--active")
    assert " ".join(path.select_one("label, .md-nav__link").get_text().split()) == title
    menu = [a["href"] for a in path.select("nav a.md-nav__link") if not a["href"].startswith("#")]
    # One rung up the ladder (after the smartphone lesson), below the path's other lessons: it comes first.
    assert menu[0] == "./", menu
    home = built.page(prefix(language))
    heading = next(h for h in home.soup.select("#parcours ~ h3") if h.get_text(strip=True) == title)
    listed = [home.resolve(a["href"]) for a in heading.find_next_sibling("ul").select("a")]
    assert listed[0] == built.dir / prefix(language) / NEW / "index.html"
    assert Path(built.dir / prefix(language) / "lecons/mots-de-passe/index.html") in listed
