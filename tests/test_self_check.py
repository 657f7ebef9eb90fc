"""The self-check, "Ce que je sais déjà faire": "I can…" sentences, each leading to its lesson; ticks kept in
this browser only and cleared in one click; the lessons to start with, in ladder order; the
same list with links without JavaScript; a sheet to fill in with a pen on paper."""

from __future__ import annotations

import re
import shutil
import unicodedata
from io import BytesIO

import pytest
from conftest import ROOT, SITE_URL, languages_with, prefix, ui
from pypdf import PdfReader

from pasapas.checks.lessons import lint
from pasapas.model import self_check
from pasapas.model.lesson import SOURCE_LANGUAGE, lessons_in

PAGE = "je-sais-deja.md"
LANGUAGES_WITH_PAGE = languages_with(PAGE)
FRENCH_LESSONS = {lesson.slug.removesuffix(".md"): lesson for lesson in lessons_in(ROOT / "docs", SOURCE_LANGUAGE)}


def url(language: str) -> str:
    return f"{prefix(language)}je-sais-deja/"


# --- The page as written ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES_WITH_PAGE)
def test_at_least_thirty_sentences_each_lead_to_a_lesson_and_every_lesson_has_one(language):
    statements = self_check.statements((ROOT / "docs" / language / PAGE).read_text(encoding="utf-8"))
    assert len(statements) >= 30
    assert [s.item for s in statements if s.lesson not in FRENCH_LESSONS] == []
    assert set(FRENCH_LESSONS) == {s.lesson for s in statements}


def test_the_sentences_are_in_ladder_order_so_that_paper_reads_top_down():
    lessons = [s.lesson for s in self_check.statements((ROOT / "docs/fr" / PAGE).read_text(encoding="utf-8"))]
    prerequisites = {slug: lesson.meta["prerequisites"] for slug, lesson in FRENCH_LESSONS.items()}
    assert self_check.ladder_order(lessons, prerequisites) == list(dict.fromkeys(lessons))


def test_ladder_order_puts_a_lesson_after_what_it_needs_and_otherwise_keeps_the_page_order():
    needs = {"lecons/b": ["lecons/c"], "lecons/c": ["lecons/x"], "lecons/d": ["lecons/d"]}
    assert self_check.ladder_order(["lecons/a", "lecons/b", "lecons/c", "lecons/d"], needs) == [
        "lecons/a",
        "lecons/c",
        "lecons/b",
        "lecons/d",
    ]
    assert self_check.ladder_order(["lecons/a", "lecons/b"], {"lecons/a": ["lecons/b"], "lecons/b": ["lecons/a"]}) == [
        "lecons/a",
        "lecons/b",
    ]


def test_a_ticks_key_names_its_lesson_and_its_rank_among_that_lessons_sentences():
    assert self_check.keys(["lecons/a", "lecons/b", "lecons/a"]) == ["lecons/a#1", "lecons/b#1", "lecons/a#2"]


def lint_page(tmp_path, language: str, old: str, new: str):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / language / PAGE
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), encoding="utf-8")
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(n for n, written in enumerate(lines, 1) if new.strip() and new.strip().splitlines()[0] in written)
    problems = [p for p in lint(docs) if p.path == f"docs/{language}/{PAGE}"]
    return line, [f"{p.line}: {p.rule}: {p.message}" for p in problems]


def test_a_sentence_that_is_not_one_link_to_a_lesson_is_refused_at_its_line(tmp_path):
    line, problems = lint_page(
        tmp_path, "fr", "- [Je sais prendre une photo avec mon téléphone.](lecons/smartphone.md)", "- Je sais prendre une photo."
    )
    assert problems == [f"{line}: self-check-item: 'Je sais prendre une photo.' is not one link to a lesson"]


def test_a_sentence_leading_to_no_lesson_is_refused_at_its_line(tmp_path):
    line, problems = lint_page(
        tmp_path, "fr", "(lecons/sms.md)\n- [Je sais reconnaître", "(lecons/texto.md)\n- [Je sais reconnaître"
    )
    assert problems == [f"{line}: self-check-item: 'lecons/texto' is not a lesson"]


def test_a_translation_whose_sentences_lead_elsewhere_than_the_french_is_told(tmp_path):
    language = next(language for language in LANGUAGES_WITH_PAGE if language != SOURCE_LANGUAGE)
    text = (ROOT / "docs" / language / PAGE).read_text(encoding="utf-8")
    first = next(s for s in self_check.statements(text) if s.lesson == "lecons/smartphone")
    old = f"- {first.item}"
    line, problems = lint_page(tmp_path, language, old, old.replace("lecons/smartphone.md", "lecons/sms.md"))
    assert [p.split(": the statements")[0] for p in problems] == [f"{line}: translation-structure"]


# --- The built page, without JavaScript ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES_WITH_PAGE)
def test_without_javascript_it_is_the_same_list_with_links_to_the_lessons(site, language):
    page = site.page(url(language))
    items = page.soup.select("article li.pap-can")
    assert len(items) >= 30
    for item in items:
        box, label, link = item.select_one("input"), item.select_one("label"), item.select_one("a.pap-can__lesson")
        assert box.has_attr("hidden") and box["type"] == "checkbox" and label["for"] == box["id"], item
        target = page.resolve(link["href"])
        assert target.is_file() and site.page(target.relative_to(site.dir).as_posix()).soup.html["lang"] == language
        assert link.get_text().startswith(ui(language)["can_lesson"])
    result = page.soup.select_one(".pap-can-result")
    assert result.has_attr("hidden")  # what needs JavaScript is not offered without it
    assert [li["data-pap-lesson"] for li in result.select("li")] == list(
        dict.fromkeys(item["data-pap-can"].split("#")[0] for item in items)
    )
    assert page.soup.select_one("aside.pap-qr img")["alt"] == ui(language)["qr_alt_page"]
    assert page.soup.select_one('script[src$="self-check.js"]') is not None


@pytest.mark.parametrize("language", LANGUAGES_WITH_PAGE)
def test_the_home_page_the_helpers_page_and_the_menu_lead_to_it(site, language):
    for page in (prefix(language), f"{prefix(language)}aider/"):
        built = site.page(page)
        assert any(built.resolve(a["href"]) == site.dir / url(language) / "index.html" for a in built.soup.select("article a"))
    menu = site.page(prefix(language)).soup.select(".md-nav--primary a.md-nav__link")
    assert any(site.page(prefix(language)).resolve(a["href"]) == site.dir / url(language) / "index.html" for a in menu)


# --- In a browser -----------------------------------------------------------------------------------


@pytest.mark.browser
def test_ticks_by_keyboard_propose_the_lessons_to_start_with_and_clear_in_one_click(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + url("fr"))
    first = page.get_by_role("checkbox", name="Je sais bouger la flèche avec la souris et cliquer.")
    first.wait_for()
    proposed = page.locator(".pap-can-result__lessons li:not([hidden])")
    assert proposed.first.inner_text() == "Premiers pas : la souris et le clavier"
    # The three sentences of the mouse lesson, by keyboard: Space ticks, Tab passes the lesson's link.
    first.focus()
    page.keyboard.press("Space")
    for _ in range(2):
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
    assert [item.is_checked() for item in page.locator("input.pap-can__box").all()[:4]] == [True, True, True, False]
    assert proposed.first.inner_text() == "Découvrir son smartphone"
    total = len(FRENCH_LESSONS)
    live = page.locator(".pap-can-live")
    live.filter(has_text=ui("fr")["can_count"].replace("{n}", str(total - 1))).wait_for()
    assert live.get_attribute("role") == "status"
    page.reload()
    assert page.locator("#je-sais-3").is_checked() and proposed.count() == total - 1
    state = page.evaluate(
        "({stored: localStorage.getItem('pasapas:can'), width: document.documentElement.scrollWidth, cookies: document.cookie})"
    )
    assert state == {
        "stored": '{"lecons/souris-clavier#1":1,"lecons/souris-clavier#2":1,"lecons/souris-clavier#3":1}',
        "width": 360,
        "cookies": "",
    }
    page.get_by_role("button", name=ui("fr")["can_clear"]).focus()
    page.keyboard.press("Enter")
    live.filter(has_text=ui("fr")["can_cleared"]).wait_for()
    assert not page.locator("#je-sais-1").is_checked() and proposed.count() == total
    assert page.evaluate("localStorage.getItem('pasapas:can')") is None
    context.close()


@pytest.mark.browser
def test_it_prints_as_a_sheet_to_fill_in_with_a_pen_with_its_qr_code_and_licence(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + url("fr"))
    page.locator("#je-sais-1").wait_for()
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('li.pap-can > label'), '::before').borderTopStyle") == "solid"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(page.pdf(format="A4"))).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    assert "Je sais bouger la flèche avec la souris et cliquer." in text
    assert "Leçon : Premiers pas : la souris et le clavier" in text
    assert SITE_URL.removeprefix("https://") + "je-sais-deja" in re.sub(r"\s", "", text)
    assert "CC BY 4.0" in text
    assert ui("fr")["can_clear"] not in text
    context.close()
