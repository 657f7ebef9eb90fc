"""`make links LINKS_OPTIONS=--changed` checks the pages whose HTML changed since the last
green run, and the pages that link to a changed or removed page — never fewer, so that a
link broken by another page's change is still found. On tiny hand-made sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from pasapas.checks import links


def write(site: Path, page: str, body: str) -> None:
    path = site / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    write(site, "index.html", '<a href="a/">A</a> <a href="b/#etape-2">B, step 2</a>')
    write(site, "a/index.html", '<a href="../">home</a>')
    write(site, "b/index.html", '<h2 id="etape-2">Step 2</h2>')
    write(site, "c/index.html", '<a href="../b/">B</a>')
    (site / "style.css").write_text("body{}", encoding="utf-8")
    return site


def green_run(site: Path, cache: Path) -> None:
    pages = links.Site(site).html_pages()
    broken, _ = links.check_site(site, ["fr"], "", pages)
    assert broken == []
    links.record_green(site, pages, cache)


def test_nothing_is_checked_again_when_nothing_changed(site, tmp_path):
    green_run(site, tmp_path / "cache")
    assert links.pages_to_check(site, links.Site(site).html_pages(), tmp_path / "cache") == []


def test_without_a_record_every_page_is_checked(site, tmp_path):
    every = links.Site(site).html_pages()
    assert links.pages_to_check(site, every, tmp_path / "cache") == every


def test_a_page_that_loses_an_anchor_gets_the_pages_linking_to_it_checked(site, tmp_path):
    cache = tmp_path / "cache"
    green_run(site, cache)
    write(site, "b/index.html", '<h2 id="etape-3">Step 3</h2>')
    every = links.Site(site).html_pages()
    pages = links.pages_to_check(site, every, cache)
    assert pages == ["b/index.html", "c/index.html", "index.html"]
    broken, _ = links.check_site(site, ["fr"], "", pages)
    assert broken == [links.Broken("index.html", "b/#etape-2", "no place with id '#etape-2' in b/index.html")]


def test_a_removed_page_gets_the_pages_linking_to_it_checked(site, tmp_path):
    cache = tmp_path / "cache"
    green_run(site, cache)
    (site / "a/index.html").unlink()
    every = links.Site(site).html_pages()
    pages = links.pages_to_check(site, every, cache)
    assert pages == ["index.html"]
    broken, _ = links.check_site(site, ["fr"], "", pages)
    assert [(item.page, item.link) for item in broken] == [("index.html", "a/")]


def test_a_changed_stylesheet_gets_every_page_checked(site, tmp_path):
    cache = tmp_path / "cache"
    green_run(site, cache)
    (site / "style.css").write_text("body{color:red}", encoding="utf-8")
    every = links.Site(site).html_pages()
    assert links.pages_to_check(site, every, cache) == every
