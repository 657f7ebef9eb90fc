"""Readers can suggest a correction and report a problem with a step, on the project's
forge, in their own language — only when the project says where it lives (REPO_URL)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, build, languages_with

from pasapas.model.interface import read_interface
from pasapas.model.languages import configured_languages
from pasapas.transform.forge import new_issue_url

REPO = "https://github.com/example/pas-a-pas"
EMAIL = "pasapas@example.org"
LESSON = "lecons/sms"
LANGUAGES = configured_languages(ROOT)
#: Where the lesson is written (elsewhere its address shows a notice, with no step).
WRITTEN_IN = languages_with(f"{LESSON}.md")


@pytest.fixture(scope="module")
def site_with_forge(tmp_path_factory):
    from sitepages import BuiltSite

    site_dir = tmp_path_factory.mktemp("site-with-forge")
    result = build(ROOT, site_dir, REPO_URL=REPO, CONTACT_EMAIL=EMAIL)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir, tuple(LANGUAGES))


def lesson_page(site, language):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return site.page(f"{prefix}{LESSON}/")


@pytest.mark.slow
@pytest.mark.parametrize("language", WRITTEN_IN)
def test_a_lesson_links_to_its_source_on_the_forge_in_the_readers_language(site_with_forge, language):
    ui = read_interface(ROOT / "docs", language)
    link = lesson_page(site_with_forge, language).soup.select_one(".pap-edit a")
    assert link.get_text() == ui["edit_page"]
    assert link["href"] == f"{REPO}/edit/main/docs/{language}/{LESSON}.md"


@pytest.mark.slow
@pytest.mark.parametrize("language", WRITTEN_IN)
def test_each_step_opens_a_prefilled_issue_naming_page_step_and_language(site_with_forge, language):
    ui = read_interface(ROOT / "docs", language)
    page = lesson_page(site_with_forge, language)
    steps = page.soup.select(".pap-step-tools")
    assert steps and len(steps) == len(page.soup.select(".pap-report"))
    third = page.soup.select_one('.pap-step-tools[data-step="etape-3"] .pap-report')
    assert third.get_text() == ui["report_step"]
    address = urlsplit(third["href"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO}/issues/new"
    fields = parse_qs(address.query)
    source = f"docs/{language}/{LESSON}.md"
    assert fields["title"] == [ui["report_issue_title"].format(page=source, step="etape-3", language=language, address="")]
    body = fields["body"][0]
    assert source in body and "etape-3" in body and language in body
    assert "pasapas.example/" in body  # the page's public address
    # Everything matched on the real site? The same link offers the "I redid it" form, filled in.
    live_check = body.rsplit(" ", 1)[-1]
    assert body.endswith(ui["live_check_issue"].format(url=live_check))
    offered = urlsplit(live_check)
    assert f"{offered.scheme}://{offered.netloc}{offered.path}" == f"{REPO}/issues/new"
    assert parse_qs(offered.query)["template"] == ["refait-sur-le-vrai-site.yml"]
    assert parse_qs(offered.query)["steps"] == ["3"] and "pasapas.example/" in parse_qs(offered.query)["page"][0]
    assert (ROOT / ".github/ISSUE_TEMPLATE" / parse_qs(offered.query)["template"][0]).is_file()


@pytest.mark.slow
def test_without_a_repository_address_there_is_no_forge_link_and_no_forge_widget(site):
    for language in LANGUAGES:
        html = (lesson_page(site, language).soup).decode()
        assert "pap-edit" not in html and "pap-report" not in html and "md-source" not in html


@pytest.mark.slow
def test_the_header_never_asks_the_forge_for_anything(site_with_forge):
    # Material's repository widget would fetch stars and forks from the forge's API.
    assert 'data-md-component="source"' not in site_with_forge.page("").soup.decode()


def test_an_issue_form_on_gitlab_uses_its_own_fields():
    url = new_issue_url("https://gitlab.com/owner/project", "Titre", "Corps")
    assert url == "https://gitlab.com/owner/project/-/issues/new?issue%5Btitle%5D=Titre&issue%5Bdescription%5D=Corps"


# --- Where the project lives, and its e-mail: one place (mkdocs.yml), shown where people look ---

#: The pages with a `## … {#contact}` section, in the languages that have them.
CONTACT_PAGES = [(language, page) for page in ("contribuer/index.md", "a-propos.md") for language in languages_with(page)]


def contact_page(site, language, page):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return site.page(prefix + page.removesuffix(".md").removesuffix("index").rstrip("/") + "/")


@pytest.mark.slow
@pytest.mark.parametrize("language,page", CONTACT_PAGES)
def test_contribute_and_about_pages_show_the_forge_and_the_email_with_the_email_route(site_with_forge, language, page):
    ui = read_interface(ROOT / "docs", language)
    soup = contact_page(site_with_forge, language, page).soup
    block = soup.select_one("ul.pap-contact")
    assert block is not None and block.find_previous("h2")["id"] == "contact"
    links = {a["href"]: a.get_text() for a in block.select("a")}
    assert links == {REPO: "github.com/example/pas-a-pas", f"mailto:{EMAIL}": EMAIL}
    assert block.find_next_sibling("p").get_text() == ui["contact_email_route"]
    assert soup.select_one('.md-nav--secondary a[href="#contact"]') is not None


@pytest.mark.slow
@pytest.mark.parametrize("language,page", CONTACT_PAGES)
def test_without_a_forge_or_an_email_the_pages_say_nothing_of_them(site, language, page):
    soup = contact_page(site, language, page).soup
    assert soup.select_one("#contact") is None and soup.select_one(".pap-contact") is None
    assert soup.select_one('a[href="#contact"]') is None, "no table of contents entry for a section that is not there"
    assert "mailto:" not in soup.decode() and "None" not in soup.select_one("article").get_text()
