"""Accessibility beyond pa11y, in a real browser: keyboard, focus, reflow, WCAG 2.2.

Acceptance criteria (GOV.UK style), each a test below:
- every page opens with a skip link to the content; on one page of each kind, it is the
  first Tab stop and activating it focuses the content;
- every link, button and control is reachable with Tab, shows a visible focus ring, and
  is never hidden under the sticky header;
- at 320 CSS px wide nothing scrolls or sticks out sideways, in French and Arabic;
- on a phone (360 px), every Tab stop up to the content is on screen, and the menu opens
  with Enter or Space, shows where the focus goes, and closes with Escape or by leaving it;
- axe-core (WCAG 2.0/2.1/2.2 A and AA tags) reports no violation on lessons;
- the language menu and the search work with the keyboard alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import LANGUAGES, languages_with, prefix

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules/axe-core/axe.min.js"
LESSON = {language: f"{prefix(language)}lecons/e-mail-piece-jointe/" for language in LANGUAGES}
DESKTOP = {"width": 1280, "height": 800}

ACTIVE = """() => {
  const e = document.activeElement;
  return e ? {tag: e.tagName.toLowerCase(), id: e.id, cls: String(e.className), href: e.getAttribute('href'),
              hreflang: e.getAttribute('hreflang'), inContent: !!e.closest('.md-content')} : null;
}"""


def settle(page):
    """Let transitions (menus, search overlay) finish: judge what the user sees once still."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)


def still_page(browser, viewport):
    # The theme's only reduced-motion rule removes its transitions; what is judged is the
    # state once still, the same either way, reached without waiting ~150 ms a Tab stop.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser):
    yield from still_page(browser, DESKTOP)


def one_page_of_each_kind(site):
    """Every page but the lessons, and one lesson per language: pages of one kind share
    their template, and the browser walk must not grow with the catalogue."""
    kinds = {}
    for built in site.pages():
        kinds.setdefault(re.sub(r"lecons/[^/]+/", "lecons/*/", built.url), built.url)
    return list(kinds.values())


FIRST_LINK = re.compile(r"<body\b.*?(<a\s[^>]*\bhref=[^>]*>)", re.DOTALL)
CONTENT_TARGET = re.compile(r"<[a-z]+\s[^>]*\bid=\"contenu\"[^>]*>")


def test_every_page_opens_with_a_skip_link_to_a_focusable_content(site):
    problems = []
    for built in site.pages():
        html = (site.dir / built.path).read_text(encoding="utf-8")  # read, not parsed: every page, kept fast
        first_link = FIRST_LINK.search(html)
        targets = CONTENT_TARGET.findall(html)
        if not first_link or not re.search(r'\bhref="#contenu"', first_link[1]) or "md-skip" not in first_link[1]:
            problems.append(f"/{built.url}: the first link is {first_link and first_link[1]}")
        if len(targets) != 1 or 'tabindex="-1"' not in targets[0]:
            problems.append(f"/{built.url}: the skip link's target is {targets}")
    assert problems == []


def test_first_tab_stop_is_a_skip_link_that_focuses_the_content_on_each_kind_of_page(site, base_url, page):
    for path in one_page_of_each_kind(site):
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        settle(page)
        first = page.evaluate(ACTIVE)
        assert "md-skip" in first["cls"].split() and first["href"] == "#contenu", f"/{path}: first Tab stop is {first}"
        assert page.locator("a.md-skip").evaluate("e => getComputedStyle(e).opacity") == "1", f"/{path}: skip link not shown"
        page.keyboard.press("Enter")
        assert page.evaluate(ACTIVE)["id"] == "contenu", f"/{path}: focus did not move to the content"
        if page.locator("article a[href], article summary, article button").count():
            page.keyboard.press("Tab")
            assert page.evaluate(ACTIVE)["inContent"], f"/{path}: the next Tab stop is not in the content"


TAB_WALK = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (!e.dataset.papSeen) e.dataset.papSeen = String(Object.keys(window.__papSeen = window.__papSeen || {}).length);
  window.__papSeen[e.dataset.papSeen] = true;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  // What a sighted user sees at the centre of the focused element: the element itself,
  // or something covering it (the sticky header).
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    key: e.dataset.papSeen,
    label: (e.getAttribute('aria-label') || e.textContent || e.getAttribute('href') || e.tagName).trim().slice(0, 40),
    ringVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    underHeader: !!hit && !e.contains(hit) && !!hit.closest('.md-header') && !e.closest('.md-header'),
  };
}"""

REACHABLE = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true})
               && e.getBoundingClientRect().width > 0 && !e.closest('[hidden], [inert]'))
  .map(e => { if (!e.dataset.papTarget) e.dataset.papTarget = 't'; return (e.getAttribute('aria-label') || e.textContent || e.getAttribute('href') || e.tagName).trim().slice(0, 40); })"""


@pytest.mark.parametrize("language", languages_with("lecons/e-mail-piece-jointe.md"))
def test_every_control_is_reached_by_tab_with_a_visible_ring_never_under_the_header(base_url, page, language):
    page.goto(base_url + LESSON[language])
    expected = page.evaluate(REACHABLE)
    seen, problems = set(), []
    for _ in range(len(expected) + 20):
        page.keyboard.press("Tab")
        settle(page)
        stop = page.evaluate(TAB_WALK)
        if stop is None or stop["key"] in seen:
            break
        seen.add(stop["key"])
        if not stop["ringVisible"]:
            problems.append(f"no visible focus ring on {stop['label']!r}")
        if stop["underHeader"]:
            problems.append(f"{stop['label']!r} is hidden under the header")
    unreached = page.evaluate(
        "() => [...document.querySelectorAll('[data-pap-target]')].filter(e => !e.dataset.papSeen).map(e => (e.textContent || e.getAttribute('href') || e.tagName).trim().slice(0, 40))"
    )
    assert problems == []
    assert unreached == []
    assert len(seen) >= 20


@pytest.mark.parametrize("path", ["", "ar/", LESSON["fr"], LESSON["ar"], "ar/lecons/caf-demarches/", "contribuer/"])
def test_nothing_scrolls_or_sticks_out_sideways_at_320_px(browser, base_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base_url + path)
    overflow = page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('.md-content *')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1) && getComputedStyle(e).position !== 'fixed';
      }).map(e => e.tagName + '.' + e.className);
      return {scroll: document.documentElement.scrollWidth - width, outside: outside.slice(0, 5)};
    }""")
    context.close()
    assert overflow == {"scroll": 0, "outside": []}


PHONE = {"width": 360, "height": 740}
#: The focused element, and whether a sighted user sees it: what is drawn at its centre
#: is the element itself (not something covering it, not nothing: it may be off screen).
FOCUS_SEEN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {label: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40),
          seen: !!hit && (e.contains(hit) || hit.contains(e)), inMenu: !!e.closest('.md-sidebar--primary'),
          inContent: !!e.closest('.md-content'), expanded: e.getAttribute('aria-expanded'), tag: e.localName};
}"""
MENU_OPEN = "() => document.getElementById('__drawer').checked"
#: With JavaScript, the theme's menu label holds a real button (pasapas.js).
MENU_BUTTON = '.md-header label[for="__drawer"] > button'


@pytest.fixture
def phone(browser):
    yield from still_page(browser, PHONE)


def press(page, key):
    page.keyboard.press(key)
    settle(page)
    return page.evaluate(FOCUS_SEEN)


@pytest.mark.parametrize("language", languages_with("lecons/e-mail-piece-jointe.md"))
def test_on_a_phone_every_tab_stop_up_to_the_content_is_on_screen(base_url, phone, language):
    phone.goto(base_url + LESSON[language])
    unseen = []
    for _ in range(30):
        stop = press(phone, "Tab")
        if stop is None or stop["inContent"]:
            break
        if not stop["seen"]:
            unseen.append(stop["label"])
    assert stop and stop["inContent"], "Tab never reached the content"
    assert unseen == []


@pytest.mark.parametrize("language", languages_with("lecons/e-mail-piece-jointe.md"))
def test_on_a_phone_the_menu_works_with_the_keyboard_alone(base_url, phone, language):
    phone.goto(base_url + LESSON[language])
    press(phone, "Tab")  # the skip link
    button = press(phone, "Tab")
    assert (button["tag"], button["expanded"], button["seen"]) == ("button", "false", True)
    assert button["label"] == phone.locator(".md-nav--primary").get_attribute("aria-label")
    # Enter opens the menu on its first item shown: the title of this lesson's path.
    stop = press(phone, "Enter")
    assert phone.evaluate(MENU_OPEN)
    assert (stop["inMenu"], stop["seen"], stop["tag"], stop["expanded"]) == (True, True, "button", "true")
    # That title goes back to the menu's first level, on the path it came from.
    path = stop["label"]
    stop = press(phone, "Enter")
    assert (stop["label"], stop["seen"], stop["expanded"]) == (path, True, "false")
    # Every stop in the menu is seen; leaving it closes it.
    unseen = []
    while stop["inMenu"]:
        if not stop["seen"]:
            unseen.append(stop["label"])
        stop = press(phone, "Tab")
    assert unseen == []
    assert not phone.evaluate(MENU_OPEN)
    assert stop["seen"]
    # Space opens it too; Escape closes it and gives the focus back to the menu button.
    phone.locator(MENU_BUTTON).focus()
    press(phone, " ")
    assert phone.evaluate(MENU_OPEN)
    stop = press(phone, "Escape")
    assert not phone.evaluate(MENU_OPEN)
    assert (stop["label"], stop["expanded"]) == (button["label"], "false")
    # Closed by a tap beside it, the button says so too.
    press(phone, "Enter")
    beside = 10 if phone.evaluate("document.dir") == "rtl" else PHONE["width"] - 10  # the menu's other side
    phone.mouse.click(beside, PHONE["height"] // 2)
    settle(phone)
    assert phone.url == base_url + LESSON[language]
    assert not phone.evaluate(MENU_OPEN)
    assert phone.locator(MENU_BUTTON).get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("path", ["contribuer/", LESSON["ar"]])
def test_every_button_of_the_menu_has_a_name(base_url, phone, path):
    """Including the arrow alone beside a path that has a page of its own (Contribuer)."""
    phone.goto(base_url + path)
    names = phone.eval_on_selector_all(
        ".md-sidebar--primary button",
        "buttons => buttons.map(b => (b.getAttribute('aria-label') || b.textContent).trim())",
    )
    assert len(names) >= 2 and all(names), names


#: In the header and the phone menu, once open: labels that claim a role or a Tab stop, the
#: theme's menu labels and what each holds, the menu's icons a screen reader would meet, and
#: axe's rules on roles, buttons and contrast (aria-allowed-role is a best practice: the WCAG
#: run of the next test leaves it out; that test runs on a desktop, where the menu is another).
MENU_PARTS = """async () => {
  const parts = [...document.querySelectorAll('.md-header, .md-sidebar--primary')];
  const all = selector => parts.flatMap(part => [...part.querySelectorAll(selector)]);
  const axeResult = await axe.run({include: [['.md-header'], ['.md-sidebar--primary']]},
    {runOnly: {type: 'rule', values: ['aria-allowed-role', 'button-name', 'nested-interactive', 'color-contrast']}});
  return {
    labelsPlayingButtons: all('label[role], label[tabindex], [role=button]').map(e => e.outerHTML.slice(0, 80)),
    labelsHold: [...new Set(all('.md-header label[for="__drawer"], label.md-nav__link[for], label.md-nav__title[for]')
      .filter(label => label.htmlFor !== '__drawer' || label.closest('.md-header'))
      .map(label => label.children.length === 1 && label.firstElementChild.matches('button[type=button][aria-expanded]')
                    ? 'one button' : label.outerHTML.slice(0, 80)))],
    iconsShown: [...document.querySelectorAll('.md-header label[for="__drawer"] svg, .md-sidebar--primary svg')]
      .filter(icon => icon.getAttribute('aria-hidden') !== 'true').map(icon => icon.outerHTML.slice(0, 80)),
    axe: axeResult.violations.map(v => [v.id, v.nodes.map(n => n.target).slice(0, 3)]),
  };
}"""


LABEL_WITH_A_ROLE = re.compile(r"<label\b[^>]*\brole=")


def test_the_menu_holds_real_buttons_its_labels_claim_no_role_and_its_icons_are_hidden(site, browser, base_url):
    """Without JavaScript the theme's labels work as they are; with it, each holds a
    <button>. A label with role="button" is what a screen reader must never meet."""
    labels_with_a_role = [path for path in site.text_files(".html") if LABEL_WITH_A_ROLE.search(path.read_text(encoding="utf-8"))]
    assert labels_with_a_role == []
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", bypass_csp=True)  # to inject axe-core
    phone = context.new_page()
    phone.goto(base_url + LESSON["ar"])
    phone.locator('.md-header label[for="__drawer"]').click()  # a tap, with or without the button
    settle(phone)
    phone.add_script_tag(path=str(AXE))
    found = phone.evaluate(MENU_PARTS)
    context.close()
    assert found == {"labelsPlayingButtons": [], "labelsHold": ["one button"], "iconsShown": [], "axe": []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_wcag_2_2_violation(browser, base_url, language):
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)  # to inject axe-core itself
    page = context.new_page()
    page.goto(base_url + LESSON[language])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""")
    context.close()
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []


def tab_until(page, predicate_js, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def test_language_menu_works_with_the_keyboard_alone(base_url, page):
    page.goto(base_url + LESSON["ar"])
    assert tab_until(page, "() => document.activeElement.matches('.md-select button')")
    assert tab_until(page, "() => document.activeElement.getAttribute('hreflang') === 'en'", limit=4)
    assert page.locator('a.md-select__link[hreflang="en"]').is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + LESSON["en"])
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_search_box_is_reached_by_tab_before_the_theme_s_script_has_arrived(base_url, page):
    # On a slow line the theme's script (lazy-theme.js) arrives after the reader's first
    # Tabs: the search box must not be passed by meanwhile. Here it never arrives.
    page.route("**/bundle.*.js", lambda route: route.abort())
    page.goto(base_url)
    assert tab_until(page, "() => document.activeElement.matches('input.md-search__input')", limit=5)
    assert page.evaluate("document.documentElement.getAttribute('data-pap-theme')") is None


@pytest.mark.parametrize("language,query", [("fr", "trombone"), ("ar", "المرفق"), ("en", "paper clip")])
def test_search_works_with_the_keyboard_alone(base_url, page, language, query):
    page.goto(base_url + ("" if language == "fr" else f"{language}/"))
    assert tab_until(page, "() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.type(query)
    page.keyboard.press("End")  # a real key after typing: Material's search listens to keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    target = page.evaluate("() => document.activeElement.closest('.md-search-result__item') && document.activeElement.href")
    assert target, "ArrowDown should move focus to the first result"
    page.keyboard.press("Enter")
    page.wait_for_url(target.split("#")[0] + "**")
    assert page.evaluate("document.documentElement.lang") == language
