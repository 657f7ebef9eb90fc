"""The founding lessons: complete in every language, same structure as the French,
usable without JavaScript, with glossary links and described images."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.dates import format_date
from conftest import LANGUAGES, ROOT, SOURCE_LANGUAGE, TRANSLATIONS, WITH_LESSONS, ui
from conftest import prefix as conftest_prefix
from sitepages import nav_lessons_by_section

from pasapas.model.lesson import lesson_sources, lessons_in, sources_of_steps

DOCS = ROOT / "docs"
FOUNDING_LESSONS = {
    "lecons/e-mail-piece-jointe.md",
    "lecons/antivirus.md",
    "lecons/e-reputation.md",
    "lecons/caf-mon-compte.md",
    "lecons/caf-demarches.md",
}
LESSONS = {language: {lesson.slug: lesson for lesson in lessons_in(DOCS, language)} for language in LANGUAGES}
ALL = [(language, slug) for language in LANGUAGES for slug in sorted(LESSONS[SOURCE_LANGUAGE]) if slug in LESSONS[language]]
IMAGE_BUDGET_BYTES = 30_000


def lesson(language, slug):
    return LESSONS[language][slug]


# The content rules (fields, sections, steps, questions, images, translations' facts and
# structure, glossary terms, plain language, secrets) live in the lesson checker only
# (pasapas/checks/lessons.py, tested rule by rule in test_lesson_lint.py); here: what the
# built pages do with the real lessons.


@pytest.mark.parametrize("language,slug", ALL)
def test_glossary_terms_in_lessons_open_their_definition(site, language, slug):
    prefix = conftest_prefix(language)
    page = site.page(prefix + slug.removesuffix(".md") + "/")
    links = page.soup.select("article a.pap-glossaire")
    assert len(links) >= 3, "glossary terms should be linked where they appear"
    glossary = site.page(prefix + "glossaire/")
    glossary_ids = {element["id"] for element in glossary.soup.select("dt[id]")}
    for link in links:
        assert not link.has_attr("title"), "no tooltip (issue #17): the definition is on the glossary page"
        assert page.resolve(link["href"].split("#")[0]) == glossary.site_dir / glossary.path
        assert link["href"].split("#")[1] in glossary_ids


# --- Built pages ---------------------------------------------------------------------


@pytest.mark.parametrize("language,slug", ALL)
def test_check_yourself_answers_open_without_javascript(site, language, slug):
    prefix = conftest_prefix(language)
    page = site.page(prefix + slug.removesuffix(".md") + "/")
    questions = page.soup.select("details.question")
    assert 2 <= len(questions) <= 4
    assert all(d.summary and d.summary.get_text(strip=True) for d in questions)
    assert all("open" not in d.attrs for d in questions), "answers stay closed until asked for"


@pytest.mark.parametrize("language,slug", ALL)
def test_step_anchors_are_the_same_in_every_language(site, language, slug):
    prefix = conftest_prefix(language)
    page = site.page(prefix + slug.removesuffix(".md") + "/")
    ids = [element["id"] for element in page.soup.select("article [id^=etape-]")]
    assert ids == lesson("fr", slug).step_ids


@pytest.mark.parametrize("language,slug", [(language, s) for language, s in ALL if language in TRANSLATIONS])
def test_french_screen_words_in_translations_are_marked_as_french(site, language, slug):
    """Screen readers switch to a French voice for the words the learner sees on screen."""
    page = site.page(f"{language}/" + slug.removesuffix(".md") + "/")
    accented = re.compile(r"[éèàçêôûœÀÉ]")

    def own_text(element) -> str:
        """Its text, less what is already marked as French inside it."""
        return "".join(
            piece
            for piece in element.find_all(string=True)
            if not any(p.get("lang") == "fr" for p in piece.parents if p is not element)
        )

    unmarked = [
        s.get_text() for s in page.soup.select("article strong") if s.get("lang") != "fr" and accented.search(own_text(s))
    ]
    assert unmarked == []


SUMMARY_LABELS = {language: ui(language)["level"] for language in LANGUAGES}


@pytest.mark.parametrize("language,slug", ALL)
def test_lesson_shows_level_duration_devices_and_review_date_in_its_language(site, language, slug):
    prefix = conftest_prefix(language)
    card = site.page(prefix + slug.removesuffix(".md") + "/").soup.select_one("article h1 + ul.pap-card")
    assert card is not None
    assert card.li.strong.get_text() == SUMMARY_LABELS[language]
    assert len(card.select("li")) == 4


def assert_home_lists_every_lesson_of_the_paths(site, language, mkdocs_yml):
    home = site.page(conftest_prefix(language))
    paths = home.soup.select("#parcours ~ h3")
    sections = nav_lessons_by_section(mkdocs_yml)
    listed = [home.resolve(a["href"]) for a in home.soup.select("ul.pap-catalogue a")]
    prefix = conftest_prefix(language)
    docs = mkdocs_yml.parent / "docs"
    # A lesson waiting for its translation is shown in French only (a notice elsewhere).
    in_nav = [
        slug
        for slugs in sections.values()
        for slug in slugs
        if (docs / language / slug).is_file()
        and "\ntranslation: todo\n" not in (docs / language / slug).read_text(encoding="utf-8")
    ]
    # Every path with a lesson in this language (a path may also hold other pages: help,
    # glossary; a new language with no page translated yet shows none).
    with_a_lesson = [name for name, slugs in sections.items() if set(slugs) & set(in_nav)]
    assert len(with_a_lesson) <= len(paths) <= len(sections), (list(sections), [path.get_text() for path in paths])
    lessons_in_order = [site.dir / prefix / slug.removesuffix(".md") / "index.html" for slug in in_nav]
    assert [path for path in listed if path in lessons_in_order] == lessons_in_order, "every lesson, in the order of the paths"
    assert len(home.soup.select("ul.pap-catalogue .pap-catalogue__meta")) == len(in_nav)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_the_learning_paths_with_every_lesson(site, language):
    assert_home_lists_every_lesson_of_the_paths(site, language, ROOT / "mkdocs.yml")


def test_a_new_lesson_made_with_the_scaffold_joins_the_catalogue_without_editing_any_test(project_copy, tmp_path):
    """The catalogue checks describe behaviour: a scaffolded, filled-in lesson passes them."""
    from conftest import build_or_fail

    from pasapas.checks.lessons import errors, lint
    from pasapas.tools.new_lesson import new_lesson

    project = project_copy("new-lesson")
    created = new_lesson(project, "essai-echelle", "Une leçon de plus", "Communiquer", date.today())
    filled = (DOCS / "fr/lecons/antivirus.md").read_text(encoding="utf-8")
    filled = re.sub(r"^title: .*$", "title: Une leçon de plus", filled, count=1, flags=re.M)
    filled = re.sub(r"^# .*$", "# Une leçon de plus", filled, count=1, flags=re.M)
    filled = re.sub(r"^prerequisites: .*$", "prerequisites: [lecons/souris-clavier]", filled, count=1, flags=re.M)
    created[0].write_text(filled, encoding="utf-8")
    assert errors(lint(project / "docs")) == []
    built = build_or_fail(project, tmp_path / "site")
    for language in LANGUAGES:
        assert_home_lists_every_lesson_of_the_paths(built, language, project / "mkdocs.yml")
    page = built.page("lecons/essai-echelle/")
    assert [a.get_text() for a in page.soup.select("p.pap-prerequisites a")] == ["Premiers pas : la souris et le clavier"]
    assert [e["id"] for e in page.soup.select("article [id^=etape-]")] == lesson("fr", "lecons/antivirus.md").step_ids


def test_a_change_in_the_french_shows_its_translations_as_outdated_until_stamped(tmp_path):
    import shutil

    from pasapas.model import translations

    docs = tmp_path / "docs"
    for language in WITH_LESSONS:
        shutil.copytree(DOCS / language / "lecons", docs / language / "lecons")
    first, *others = WITH_LESSONS[1:]
    translated = [first, *others]

    def states():
        return translations.status(docs, translated)["lecons/antivirus.md"]

    for language in translated:
        translations.stamp(docs, f"{language}/lecons/antivirus.md")
    assert states() == dict.fromkeys(translated, "up to date")

    french = docs / f"{SOURCE_LANGUAGE}/lecons/antivirus.md"
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    assert states() == dict.fromkeys(translated, "outdated")

    translations.stamp(docs, f"{first}/lecons/antivirus.md")
    assert states() == {first: "up to date", **dict.fromkeys(others, "outdated")}
    (docs / f"{first}/lecons/antivirus.md").unlink()
    assert states()[first] == "missing"


# --- The ladder: prerequisites link to the lessons before -------------------------------


def prerequisite_pages(site, page):
    return [page.resolve(a["href"]) for a in page.soup.select("article p.pap-prerequisites a")]


@pytest.mark.parametrize("language", WITH_LESSONS)
def test_every_lesson_climbs_by_its_prerequisite_links_to_a_first_rung_linked_from_home(site, language):
    prefix = conftest_prefix(language)
    home = site.page(prefix)
    from_home = {home.resolve(a["href"]) for a in home.soup.select("article a")}
    for slug in LESSONS["fr"]:
        start = site.dir / prefix / slug.removesuffix(".md") / "index.html"
        seen, path = set(), [start]
        while True:
            current = path[-1]
            assert current not in seen, f"prerequisites go round in a circle: {path}"
            seen.add(current)
            before = prerequisite_pages(site, site.page(current.relative_to(site.dir).parent.as_posix() + "/"))
            if not before:
                break
            path.append(before[0])
        assert path[-1] in from_home, f"{slug}: the first rung {path[-1]} is not linked from the home page"


@pytest.mark.parametrize("language", WITH_LESSONS)
def test_from_never_used_a_mouse_to_an_e_mail_with_an_attachment_by_prerequisites_alone(site, language):
    prefix = conftest_prefix(language)
    home = site.page(prefix)
    first_rung = site.dir / prefix / "lecons/souris-clavier/index.html"
    assert first_rung in [home.resolve(a["href"]) for a in home.soup.select("article a")]
    climbed, todo = set(), [site.dir / prefix / "lecons/e-mail-piece-jointe/index.html"]
    while todo:
        current = todo.pop()
        if current not in climbed:
            climbed.add(current)
            todo += prerequisite_pages(site, site.page(current.relative_to(site.dir).parent.as_posix() + "/"))
    assert first_rung in climbed
    assert site.dir / prefix / "lecons/adresse-e-mail/index.html" in climbed


# --- Sources, and lessons not checked for a year ----------------------------------------

SOURCES_TITLE = {language: ui(language)["sources_title"] for language in LANGUAGES}


@pytest.mark.parametrize("language,slug", ALL)
def test_every_lesson_shows_its_sources_at_the_end_in_the_readers_language(site, language, slug):
    prefix = conftest_prefix(language)
    section = site.page(prefix + slug.removesuffix(".md") + "/").soup.select_one("article section.pap-sources")
    assert section is not None and section.h2.get_text() == SOURCES_TITLE[language]
    assert [a["href"] for a in section.select("li > a")] == [s["url"] for s in lesson(language, slug).meta["sources"]]
    assert all(li.select_one(".pap-sources__date") for li in section.select("li"))


@pytest.mark.parametrize("language,slug", ALL)
def test_each_source_says_which_steps_it_backs_and_each_step_links_to_its_sources(site, language, slug):
    page = site.page(conftest_prefix(language) + slug.removesuffix(".md") + "/")
    sources = lesson_sources(lesson(language, slug).meta)
    for source in sources:
        item = page.soup.select_one(f"section.pap-sources li#source-{source.number}")
        assert item is not None
        assert [a["href"] for a in item.select(".pap-sources__steps a")] == [f"#etape-{n}" for n in sorted(set(source.steps))]
        if source.steps:
            assert (
                item.select_one(".pap-sources__steps").get_text().startswith(ui(language)["source_steps"].split("{")[0].strip())
            )
    by_step = sources_of_steps(sources)
    for tools in page.soup.select("article .pap-step-tools[data-step]"):
        number = int(tools["data-step"].removeprefix("etape-"))
        shown = tools.select_one(".pap-step-sources")
        expected = [f"#source-{source.number}" for source in by_step.get(number, [])]
        assert ([a["href"] for a in shown.select("a")] if shown else []) == expected
        if expected:
            assert shown.get_text().startswith(ui(language)["step_sources"])


@pytest.mark.parametrize("language,slug", ALL)
def test_a_lesson_nobody_redid_on_the_real_site_says_its_steps_come_from_written_sources(site, language, slug):
    assert not lesson(SOURCE_LANGUAGE, slug).meta.get("live_checks"), "this test is about lessons without a live check"
    page = site.page(conftest_prefix(language) + slug.removesuffix(".md") + "/")
    line = page.soup.select_one("article .pap-live-check")
    assert line is not None and line.get_text() == ui(language)["live_check_none"]


def test_a_live_check_is_shown_in_every_language_until_it_is_six_months_old(project_copy, tmp_path):
    from datetime import timedelta

    from conftest import build_or_fail

    project = project_copy("live-check")
    recent, old = date.today() - timedelta(days=10), date.today() - timedelta(days=200)
    for slug, day in (("antivirus", recent), ("sms", old)):
        path = project / "docs" / SOURCE_LANGUAGE / f"lecons/{slug}.md"
        text = path.read_text(encoding="utf-8").replace(
            "\nsources:\n",
            f"\nlive_checks:\n  - date: {day}\n    by: médiatrice numérique\n    steps: [1, 2]\n"
            "    note: Tout correspondait.\nsources:\n",
            1,
        )
        path.write_text(text, encoding="utf-8")
    built = build_or_fail(project, tmp_path / "site")
    for language in WITH_LESSONS:
        prefix = conftest_prefix(language)
        for slug, day, key in (("antivirus", recent, "live_check_recent"), ("sms", old, "live_check_old")):
            line = built.page(prefix + f"lecons/{slug}/").soup.select_one("article .pap-live-check")
            written = format_date(day, format="long", locale=language)
            assert line.get_text() == ui(language)[key].format(date=written, by="médiatrice numérique")
            role = line.select_one("[lang]")
            assert (role["lang"] if role else SOURCE_LANGUAGE) == SOURCE_LANGUAGE


def test_a_lesson_not_checked_for_a_year_tells_readers_to_check_again_in_every_language(project_copy, tmp_path):
    from datetime import timedelta

    from conftest import build_or_fail

    project = project_copy("stale")
    old = (date.today() - timedelta(days=400)).isoformat()
    for language in WITH_LESSONS:
        path = project / "docs" / language / "lecons/antivirus.md"
        text = re.sub(
            r"^(last_checked|    consulted): .*$", lambda m: f"{m.group(1)}: {old}", path.read_text(encoding="utf-8"), flags=re.M
        )
        path.write_text(text, encoding="utf-8")
    built = build_or_fail(project, tmp_path / "site")
    for language in WITH_LESSONS:
        prefix = conftest_prefix(language)
        note = built.page(prefix + "lecons/antivirus/").soup.select_one("article .pap-stale")
        assert note is not None and ui(language)["stale"] in note.get_text()
        assert built.page(prefix + "lecons/e-mail-piece-jointe/").soup.select_one("article .pap-stale") is None
