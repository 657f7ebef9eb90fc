"""The finishing pass works on a finished site alone (no engine object): on a tiny site,
each page gets its direction, its language's search, the accessibility fixes and the CSP,
and a theme whose markup changed stops it with the page's name."""

from __future__ import annotations

import json
import re

import pytest

from pasapas.build.finish import SiteLanguages, finish_site
from pasapas.build.theme_contract import HtmlPolicyError, fix_theme_accessibility

SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '<div class="md-search__inner" role="search">\n<form class="md-search__form" name="search">\n'
    '<input type="text" class="md-search__input" name="query" aria-label="{label}" required>\n'
    "</form>\n</div>\n</div>"
)
PAGE = (
    '<!doctype html>\n<html lang="{lang}" class="no-js">\n<head>\n<title>t</title>\n'
    '<script id="__config" type="application/json">{{"base": ".", "search": "x.js"}}</script>\n</head>\n'
    '<body dir="{dir}">\n<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
    '<div data-md-component="skip">\n</div>\n' + SEARCH + '\n<main>\n\n\n<article class="md-content__inner md-typeset">'
    "<h1>Bonjour</h1></article></main>"
    '<script src="assets/javascripts/bundle.0123abcd.min.js"></script></body></html>'
)
LANGUAGES = SiteLanguages("fr", ("ar",), {"fr": "Aller au contenu", "ar": "انتقل إلى المحتوى"})


def page(lang: str, direction: str, label: str = "Rechercher") -> str:
    return PAGE.format(lang=lang, dir=direction, label=label)


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "ar/lecons/sms").mkdir(parents=True)
    (tmp_path / "search").mkdir()
    (tmp_path / "index.html").write_text(page("fr", "ltr"), encoding="utf-8")
    (tmp_path / "ar/lecons/sms/index.html").write_text(page("ar", "rtl", "ابحث"), encoding="utf-8")
    index = {
        "config": {"lang": ["fr", "ar"]},
        "docs": [{"location": "", "title": "A"}, {"location": "ar/lecons/sms/", "title": "B"}],
    }
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def test_every_page_gets_its_direction_fixes_and_policy_and_search_its_language(tiny_site):
    finish_site(tiny_site, LANGUAGES, {"theme_scripts": [], "shim_source": None})
    arabic = (tiny_site / "ar/lecons/sms/index.html").read_text(encoding="utf-8")
    assert '<html dir="rtl" lang="ar"' in arabic
    assert '"base":"../.."' in arabic  # its search reads ar/search/
    assert '<a href="#contenu" class="md-skip">انتقل إلى المحتوى</a>' in arabic
    assert 'role="dialog" aria-label="ابحث"' in arabic
    assert '<button type="submit" class="md-search__submit" hidden>ابحث</button>' in arabic
    assert 'id="__toc"' not in arabic  # no table of contents to open
    assert "\n\n" not in arabic
    assert (
        '<script src="assets/javascripts/lazy-theme.js" data-theme-script="assets/javascripts/bundle.0123abcd.min.js">' in arabic
    )
    assert re.search(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="default-src \'self\'', arabic)
    french_index = json.loads((tiny_site / "search/search_index.json").read_text(encoding="utf-8"))
    arabic_index = json.loads((tiny_site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in french_index["docs"]] == [""]
    assert [doc["location"] for doc in arabic_index["docs"]] == ["lecons/sms/"]


def test_the_preview_gets_everything_but_the_policy(tiny_site):
    finish_site(tiny_site, LANGUAGES, None)
    assert "Content-Security-Policy" not in (tiny_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda p: p.replace('role="dialog"', 'role="region"'), "the search dialog was not found"),
        (lambda p: p.replace('aria-label="Rechercher"', ""), "the search box has no aria-label"),
        (lambda p: p.replace('name="search"', 'name="find"'), "the search form was not found"),
        (
            lambda p: p.replace('class="md-nav__toggle md-toggle" type="checkbox"', 'type="checkbox" class="x"'),
            "the table-of-contents checkbox has another shape",
        ),
        (lambda p: p.replace('data-md-component="skip"', 'data-md-component="skip-link"'), "no skip-link container"),
    ],
    ids=["dialog", "label", "form", "toc", "skip"],
)
def test_a_theme_whose_markup_changed_stops_the_fix_instead_of_skipping_it(change, message):
    with pytest.raises(HtmlPolicyError, match=re.escape(message) + r".*did the theme change\?"):
        fix_theme_accessibility(change(page("fr", "ltr")), "Aller au contenu")


def test_the_pass_names_the_page_it_cannot_finish(tiny_site):
    target = tiny_site / "ar/lecons/sms/index.html"
    target.write_text(target.read_text(encoding="utf-8").replace(' dir="rtl"', ""), encoding="utf-8")
    with pytest.raises(HtmlPolicyError, match=r"^ar/lecons/sms/index.html: no <html> tag or no dir= on <body>"):
        finish_site(tiny_site, LANGUAGES, None)


def test_the_language_menu_is_drawn_last_in_the_header_so_nothing_pushes_it():
    from pasapas.build.theme_contract import language_menu_last_in_header

    header = (
        '<header><nav class="md-header__inner"><div class="md-header__title">T</div>'
        '<div class="md-header__option"><div class="md-select"><div class="md-select__inner">L</div></div></div>'
        '<div class="md-search"><nav class="md-search__options"></nav></div></nav></header>'
    )
    assert language_menu_last_in_header(header) == (
        '<header><nav class="md-header__inner"><div class="md-header__title">T</div>'
        '<div class="md-search"><nav class="md-search__options"></nav></div>'
        '<div class="md-header__option"><div class="md-select"><div class="md-select__inner">L</div></div></div>\n'
        "</nav></header>"
    )
    with pytest.raises(HtmlPolicyError, match="language menu has another shape"):
        language_menu_last_in_header(header.replace("</header>", ""))
