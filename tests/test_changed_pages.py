"""Checks in proportion to the change: only pages whose HTML changed since the last green
run are checked again, and every page when a stylesheet, a script or a drawing changed."""

from __future__ import annotations

from pasapas.checks.changed_pages import changed, record_green

PAGES = ["", "lecons/a/", "ar/lecons/a/"]


def make_site(root):
    for page, text in zip(PAGES, ["home", "lesson", "درس"], strict=True):
        (root / page).mkdir(parents=True, exist_ok=True)
        (root / page / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets/site.css").write_text("p{}", encoding="utf-8")
    return root


def test_without_a_green_run_every_page_is_checked(tmp_path):
    site = make_site(tmp_path / "site")
    assert changed(site, PAGES, tmp_path / "cache", "a11y") == PAGES


def test_after_a_green_run_only_the_changed_page_is_checked(tmp_path):
    site = make_site(tmp_path / "site")
    record_green(site, PAGES, tmp_path / "cache", "a11y")
    assert changed(site, PAGES, tmp_path / "cache", "a11y") == []
    (site / "lecons/a/index.html").write_text("<p>lesson, changed</p>", encoding="utf-8")
    assert changed(site, PAGES, tmp_path / "cache", "a11y") == ["lecons/a/"]


def test_a_changed_stylesheet_checks_every_page_again(tmp_path):
    site = make_site(tmp_path / "site")
    record_green(site, PAGES, tmp_path / "cache", "a11y")
    (site / "assets/site.css").write_text("p{color:red}", encoding="utf-8")
    assert changed(site, PAGES, tmp_path / "cache", "a11y") == PAGES


def test_a_failed_page_stays_to_check_until_it_passes(tmp_path):
    site = make_site(tmp_path / "site")
    record_green(site, ["", "ar/lecons/a/"], tmp_path / "cache", "a11y")  # lecons/a/ had an error
    assert changed(site, PAGES, tmp_path / "cache", "a11y") == ["lecons/a/"]
