"""Every built page is valid HTML for the Nu HTML Checker (vnu.jar, run with the system's
Java), and the fixes that make it so keep what the theme's markup did."""

from __future__ import annotations

import re
import zipfile

import pytest

from pasapas.build.theme_contract import HtmlPolicyError, fix_theme_accessibility, fix_theme_validity
from pasapas.checks import html_valid
from pasapas.checks.html_valid import JAVA_MISSING, HtmlCheckError, check, problems

#: Material's markup, as it writes it on every page (the drawer and search toggles) and on
#: a section's index page (a table-of-contents title with no checkbox to open).
TOGGLES = (
    '<body dir="ltr">\n'
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
    '<label class="md-overlay" for="__drawer"></label>\n'
)
TOC_TITLE = '<nav class="md-nav md-nav--secondary">\n<label class="md-nav__title" for="__toc">\nSommaire\n</label>\n</nav>\n'
PAGE = '<!doctype html>\n<html lang="fr">\n<head><title>t</title></head>\n' + TOGGLES + TOC_TITLE + "</body></html>"


def test_the_toggles_lose_autocomplete_but_still_forget_their_state_on_back():
    fixed = fix_theme_validity(PAGE)
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', fixed)
    # Their form says autocomplete="off" for them; they stay where they were (CSS `~`).
    assert (
        '<body dir="ltr">\n<form id="pap-toggles" autocomplete="off" hidden aria-hidden="true"></form>\n<input class="md-toggle"'
        in fixed
    )
    assert fixed.count('form="pap-toggles"') == 2
    assert fixed.index('id="__drawer"') < fixed.index('id="__search"') < fixed.index('class="md-overlay"')


def test_a_toc_title_with_no_checkbox_names_no_control():
    fixed = fix_theme_validity(PAGE)
    assert '<label class="md-nav__title">\nSommaire' in fixed
    assert 'for="__toc"' not in fixed


def test_a_toc_title_with_its_checkbox_keeps_it():
    page = PAGE.replace(TOC_TITLE, '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n' + TOC_TITLE)
    assert 'class="md-nav__title" for="__toc"' in fix_theme_validity(page)


def test_the_validity_fixes_are_part_of_the_finishing_pass():
    skip = '<div data-md-component="skip">\n</div>\n<article class="md-content__inner md-typeset"><h1>T</h1></article>\n'
    fixed = fix_theme_accessibility(PAGE.replace("</body>", skip + "</body>"), "Aller au contenu")
    assert 'autocomplete="off" hidden aria-hidden="true"></form>' in fixed and 'for="__toc"' not in fixed


def test_a_page_without_the_theme_markup_is_left_alone():
    page = '<!doctype html>\n<html lang="fr">\n<head><title>t</title></head>\n<body dir="ltr"><p>x</p></body></html>'
    assert fix_theme_validity(page) == page


@pytest.mark.parametrize(
    "change,message",
    [
        (
            lambda p: p.replace('type="checkbox" id="__drawer"', 'id="__drawer" type="checkbox"'),
            "a checkbox with autocomplete= is not the theme's drawer or search toggle",
        ),
        (lambda p: p.replace('<body dir="ltr">', "<div>"), "no <body> tag"),
        (
            lambda p: p.replace('class="md-nav__title" for="__toc"', 'for="__toc" class="md-nav__title"'),
            "a label for the table of contents has another shape",
        ),
    ],
    ids=["toggle", "body", "toc-title"],
)
def test_a_theme_whose_markup_changed_stops_the_fix_instead_of_skipping_it(change, message):
    with pytest.raises(HtmlPolicyError, match=re.escape(message) + r".*did the theme change\?"):
        fix_theme_validity(change(PAGE))


def test_vnu_messages_become_page_line_message(tmp_path):
    report = {
        "messages": [
            {"type": "error", "url": f"file:{tmp_path}/ar/index.html", "lastLine": 24, "message": "Bad  "},
            {"type": "error", "url": f"file:{tmp_path}/a%20b.html", "firstLine": 3, "lastLine": 5, "message": "Worse"},
            {"type": "info", "subType": "warning", "url": f"file:{tmp_path}/index.html", "lastLine": 1, "message": "Advice"},
            {"type": "non-document-error", "url": f"file:{tmp_path}/gone.html", "message": "Cannot read"},
        ]
    }
    assert problems(report, tmp_path) == ["a b.html:3: Worse", "ar/index.html:24: Bad", "gone.html: Cannot read"]


def test_without_java_the_check_says_what_to_install(tmp_path, monkeypatch, capsys):
    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    monkeypatch.setattr(html_valid.shutil, "which", lambda name: None)
    with pytest.raises(HtmlCheckError, match=re.escape(JAVA_MISSING)):
        check(tmp_path)
    assert html_valid.main(["--site", str(tmp_path)]) == 2
    assert capsys.readouterr().err == JAVA_MISSING + "\n"


def test_without_vnu_jar_the_check_says_to_run_npm_ci(tmp_path):
    with pytest.raises(HtmlCheckError, match=r"run npm ci \(make does it\)"):
        check(tmp_path, java="/usr/bin/java", jar=tmp_path / "vnu.jar")


INVALID_PAGE = """<!doctype html>
<html lang="fr">
<head><title>Page</title></head>
<body>
<input type="checkbox" autocomplete="off">
</body>
</html>
"""
VALID_PAGE = '<!doctype html>\n<html lang="fr">\n<head><title>Valide</title></head>\n<body><p>Bonjour</p></body>\n</html>\n'


@pytest.mark.slow  # one Java start: a few seconds
def test_vnu_reports_each_error_as_page_line_message_and_checks_html_only(tmp_path, capsys):
    """Needs Java: without it the test fails with the line to install it (never a skip)."""
    (tmp_path / "page.html").write_text(INVALID_PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text(VALID_PAGE, encoding="utf-8")
    (tmp_path / "sous").mkdir()
    (tmp_path / "sous/valide.html").write_text(VALID_PAGE, encoding="utf-8")
    (tmp_path / "style.css").write_text("p { colour: nonsense", encoding="utf-8")  # not HTML: not checked
    message = (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
    )
    assert check(tmp_path) == [f"page.html:5: {message}"]

    # The command also checks the offline copy inside the site, in the same run.
    with zipfile.ZipFile(tmp_path / "pas-a-pas-hors-ligne.zip", "w") as archive:
        archive.writestr("pas-a-pas/index.html", VALID_PAGE)
        archive.writestr("pas-a-pas/lecons/page.html", INVALID_PAGE)
    assert html_valid.main(["--site", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith(
        f"page.html:5: {message}\n"
        f"pas-a-pas-hors-ligne.zip/pas-a-pas/lecons/page.html:5: {message}\n"
        "HTML check: 5 pages, 2 error(s) on 2 page(s).\n"
    )


def test_every_page_of_every_language_is_valid_html(site):
    assert check(site.dir) == []


@pytest.mark.browser
def test_the_drawer_opens_and_is_closed_again_after_back(browser, base_url):
    """What Material's autocomplete="off" did, its replacement still does: a reader who
    leaves a page with the drawer open finds it closed when coming Back."""
    page = browser.new_page(viewport={"width": 400, "height": 800})
    page.goto(base_url)
    page.click('label.md-header__button[for="__drawer"]')
    assert page.is_checked("#__drawer")
    page.goto(base_url + "a-propos/")
    page.go_back()
    page.wait_for_load_state()
    assert not page.is_checked("#__drawer")
    page.close()
