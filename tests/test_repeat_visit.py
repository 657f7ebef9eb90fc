"""What a repeat visit downloads is the page's HTML alone (issue #17): the theme's inline
scripts, its settings' unused words and its icon drawings left the page for cached files.
Each move keeps what it moved working: the theme's script still finds its settings and its
scope, every icon is still drawn with the same names around it, and the policy allows no
inline script."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from conftest import SOURCE_LANGUAGE, TRANSLATIONS, prefix

from pasapas.build.theme_contract import (
    ICON_PREFIX,
    HtmlPolicyError,
    draw_theme_icons_from_stylesheet,
    icon_class,
    icon_stylesheet,
    trim_theme_config,
)

LESSON = "lecons/e-mail-piece-jointe/"
RIGHT_TO_LEFT = [language for language in TRANSLATIONS if language == "ar"]
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
THEME_CONFIG = {
    "annotate": None,
    "base": "../..",
    "features": ["navigation.footer", "navigation.indexes", "navigation.prune", "content.tooltips"],
    "search": "../../assets/javascripts/workers/search.a7633da7.min.js",
    "tags": None,
    "translations": {
        "clipboard.copied": "Copié",
        "clipboard.copy": "Copier",
        "search.result.none": "لا توجد نتائج",
        "search.result.placeholder": "Taper <ici> & là",
        "select.version": "Version",
    },
    "version": None,
}


def settings_of(html: str) -> dict:
    return json.loads(CONFIG.search(html).group(1))


def page_with(config: dict) -> str:
    return f'<body><script id="__config" type="application/json">{json.dumps(config)}</script></body>'


# --- The theme's settings (#__config) ------------------------------------------------------------


def test_the_theme_settings_keep_what_its_script_reads_and_only_that():
    html = trim_theme_config(page_with(THEME_CONFIG))
    written = CONFIG.search(html).group(1)
    assert settings_of(html) == {
        "base": "../..",
        "features": ["content.tooltips"],
        "search": "../../assets/javascripts/workers/search.a7633da7.min.js",
        "translations": {"search.result.none": "لا توجد نتائج", "search.result.placeholder": "Taper <ici> & là"},
    }
    assert "لا توجد نتائج" in written and "\\u06" not in written, "UTF-8, not six bytes a letter"
    assert "<ici>" not in written and "&" not in written, "<, > and & stay escaped inside the script"
    assert ", " not in written and '": ' not in written


def test_the_copy_and_version_words_stay_when_the_site_has_those_features():
    config = dict(THEME_CONFIG, features=["content.code.copy"], version={"provider": "mike"})
    kept = settings_of(trim_theme_config(page_with(config)))
    assert kept["version"] == {"provider": "mike"}
    assert {"clipboard.copied", "clipboard.copy", "select.version"} <= set(kept["translations"])


def test_a_page_without_the_theme_settings_is_refused():
    with pytest.raises(HtmlPolicyError, match=r"#__config\) were not found: did the theme change\?"):
        trim_theme_config("<body></body>")


# --- The theme's icons ------------------------------------------------------------------------------

MENU = "M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"
THEME_ICON = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="{MENU}"/></svg>'


def test_a_theme_icon_becomes_an_empty_box_drawn_by_the_stylesheet():
    icons: dict[str, str] = {}
    html = f'<label class="md-header__button md-icon" for="__drawer">{THEME_ICON}</label>'
    drawn = draw_theme_icons_from_stylesheet(html, icons)
    name = icon_class(MENU)
    assert (
        drawn == f'<label class="md-header__button md-icon" for="__drawer"><svg viewBox="0 0 24 24" class="{name}"></svg></label>'
    )
    assert icons == {name: MENU}
    css = icon_stylesheet(icons)
    assert f".{name}{{--pap-icon:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg' " in css
    assert f"<path d='{MENU}'/>" in css
    assert "mask:var(--pap-icon)" in css and "@media (forced-colors:active)" in css


def test_the_same_drawing_has_the_same_class_on_every_page_and_other_drawings_stay():
    icons: dict[str, str] = {}
    first = draw_theme_icons_from_stylesheet(THEME_ICON, icons)
    again = draw_theme_icons_from_stylesheet(THEME_ICON + THEME_ICON, icons)
    assert again == first + first and len(icons) == 1
    qr = '<svg role="img" aria-label="Code QR" width="9" height="9"><title>Code QR</title><path d="M2 2.5h7"/></svg>'
    assert draw_theme_icons_from_stylesheet(qr, icons) == qr
    assert icon_stylesheet({}) == ""


# --- The lesson's QR code -----------------------------------------------------------------------------


def test_the_qr_code_moves_to_a_file_with_its_text_alternative_and_size():
    from pasapas.transform.step_tools import move_qr_code_to_file, qr_block

    words = {"qr_title": "Sur mon téléphone", "qr_alt": "Code QR d'une leçon"}
    block = qr_block("https://pasapas.example/lecons/sms/", words)
    html, drawing = move_qr_code_to_file(f"<article>{block}</article>", "index.qr.svg")
    inline_path = re.search(r"<path [^>]*/>", block).group(0)
    size = re.search(r'width="(\d+)"', block).group(1)
    assert drawing == f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">{inline_path}</svg>\n'
    assert f'<img class="pap-qr__code" src="index.qr.svg" alt="Code QR d&#x27;une leçon" width="{size}" height="{size}">' in html
    assert "<svg" not in html and "pasapas.example/lecons/sms</p>" in html
    assert move_qr_code_to_file("<article>sans code</article>", "x.qr.svg") == ("<article>sans code</article>", None)


# --- On the built site ----------------------------------------------------------------------------


def test_no_page_holds_an_inline_script_and_the_policy_allows_none(site):
    for page in site.pages():
        html = (page.site_dir / page.path).read_text(encoding="utf-8")
        scripts = [s for s in page.soup.find_all("script", src=False) if s.get("type") != "application/json"]
        assert scripts == [], page.path
        assert "script-src 'self'; " in html, page.path


HEAD_RESOURCE = re.compile(r'<link rel="stylesheet"|<script src=')


def test_the_head_ends_with_a_script_after_every_stylesheet_so_images_wait_for_them(site):
    """A script in <head> waits for the stylesheets before it: the parser stays in <head>
    until they have arrived, and a slow line does not carry the page's images first.
    Measured (pasapas/checks/page_speed.py, slow 4G): first paint 1.8 s without, 1.1 s with."""
    for page in site.pages():
        html = (page.site_dir / page.path).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert HEAD_RESOURCE.findall(head)[-1] == "<script src=", f"{page.path}: a stylesheet comes after the last script"


def test_every_icon_on_every_page_is_drawn_by_the_cached_stylesheet(site):
    css = (site.dir / "assets/stylesheets/pasapas.css").read_text(encoding="utf-8")
    for page in site.pages():
        html = (page.site_dir / page.path).read_text(encoding="utf-8")
        assert 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path' not in html, page.path
        for svg in page.soup.select(f'svg[class^="{ICON_PREFIX}"]'):
            assert svg.get("viewbox") == "0 0 24 24" and not svg.contents, page.path
            assert f".{svg['class'][0]}{{--pap-icon:url(" in css, f"{page.path}: {svg['class'][0]} is not drawn"


def test_the_theme_settings_on_the_site_hold_only_what_its_script_reads(site):
    for language in (SOURCE_LANGUAGE, *TRANSLATIONS):
        settings = settings_of((site.dir / prefix(language) / "index.html").read_text(encoding="utf-8"))
        assert set(settings) == {"base", "features", "search", "translations"}
        assert all(key.startswith("search.") for key in settings["translations"]), language


# --- In a browser ------------------------------------------------------------------------------------


def open_page(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(url, wait_until="networkidle")
    return context, page, problems


def drawn(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector,
        """svg => { const style = getComputedStyle(svg), box = svg.getBoundingClientRect();
                   return {mask: style.webkitMaskImage || style.maskImage, colour: style.backgroundColor,
                           width: Math.round(box.width), height: Math.round(box.height)}; }""",
    )


#: Each icon of the theme, and the width at which the theme shows it.
ICONS = {
    ".md-header__button.md-logo svg": 1280,
    ".md-select > button svg": 1280,
    ".md-footer__link--prev svg": 1280,
    ".md-footer__link--next svg": 1280,
    'label.md-header__button[for="__drawer"] svg': 360,
    'label.md-header__button[for="__search"] svg': 360,
}


@pytest.mark.browser
@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *RIGHT_TO_LEFT])
def test_the_header_and_footer_icons_are_drawn_and_their_controls_keep_their_names(browser, base_url, language):
    context, page, problems = open_page(browser, base_url + prefix(language) + LESSON, 1280)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for selector in (selector for selector, shown_at in ICONS.items() if shown_at == width):
            icon = drawn(page, selector)
            assert icon["mask"].startswith('url("data:image/svg+xml'), (selector, icon)
            assert icon["colour"] not in ("rgba(0, 0, 0, 0)", "transparent"), (selector, icon)
            assert 20 <= icon["width"] <= 28 and 20 <= icon["height"] <= 28, (selector, icon)
    # On a phone, the menu button is named after the menu (pasapas.js), and the link with
    # the site's name is in the menu, closed: it is looked for where the header shows it.
    menu = page.locator(".md-nav--primary").get_attribute("aria-label")
    assert menu and page.get_by_role("button", name=menu, exact=True).count() == 1
    page.set_viewport_size({"width": 1280, "height": 800})
    site_name = page.locator(".md-header__button.md-logo").get_attribute("aria-label")
    assert site_name and page.get_by_role("link", name=site_name, exact=True).count() >= 1
    language_menu = page.locator(".md-select > button").get_attribute("aria-label")
    assert language_menu and page.get_by_role("button", name=language_menu, exact=True).count() == 1
    previous = page.locator(".md-footer__link--prev")
    assert previous.get_attribute("aria-label").endswith(previous.locator(".md-ellipsis").inner_text().strip())
    assert problems == []
    context.close()


@pytest.mark.browser
def test_the_paperclip_is_drawn_and_the_attach_button_is_named_by_its_words_alone(browser, base_url):
    context, page, problems = open_page(browser, base_url + LESSON, 1280)
    button = page.locator(".pap-practice-attach")
    button.wait_for()
    mask = button.evaluate("b => getComputedStyle(b, '::before').webkitMaskImage || getComputedStyle(b, '::before').maskImage")
    assert mask.startswith('url("data:image/svg+xml')
    assert page.get_by_role("button", name=button.inner_text().strip(), exact=True).count() == 1
    assert problems == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *RIGHT_TO_LEFT])
def test_the_theme_script_finds_its_settings_and_its_scope_after_the_first_gesture(browser, base_url, language):
    url = base_url + prefix(language) + LESSON
    context, page, problems = open_page(browser, url, 1280)
    # No inline script defines the scope any more: lazy-theme.js does, before the theme loads.
    assert page.evaluate("__md_scope.href") == base_url, "the site's root, in every language"
    page.mouse.move(5, 5)  # the first gesture loads the theme's script
    page.wait_for_selector("html[data-pap-theme=ready]")
    page.evaluate("__md_set('__pap_check', {kept: 1})")
    key = urlsplit(base_url).path + ".__pap_check"  # under the site's root, as the theme keeps it
    assert page.evaluate("key => localStorage.getItem(key)", key) == '{"kept":1}'
    assert page.evaluate("__md_get('__pap_check')") == {"kept": 1}
    # The theme read its settings: its search speaks the page's language from them.
    words = settings_of(page.content())["translations"]
    page.locator(".md-search__input").focus()
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text=words["search.result.placeholder"]).wait_for(timeout=15000)
    assert problems == []
    context.close()


@pytest.mark.browser
def test_a_theme_script_lost_on_the_way_is_asked_for_again_at_the_next_gesture(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    lost = []

    def lose_the_first(route):
        if lost:
            route.continue_()
        else:
            lost.append(route.request.url)
            route.abort("connectionreset")

    page.route("**/bundle.*.min.js", lose_the_first)
    page.goto(base_url + LESSON, wait_until="networkidle")
    page.mouse.move(5, 5)
    theme_script = "() => document.querySelector('script[src*=\"/bundle.\"]') !== null"
    for _ in range(100):
        if lost and not page.evaluate(theme_script):
            break
        page.wait_for_timeout(100)
    assert lost, "the first gesture asked for the theme's script"
    assert page.evaluate("() => document.documentElement.getAttribute('data-pap-theme')") is None
    page.mouse.move(50, 50)
    page.wait_for_selector("html[data-pap-theme=ready]", timeout=15000)
    context.close()
