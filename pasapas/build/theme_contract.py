"""The theme contract: every Material-specific pattern the build relies on, in one place.

What every built HTML page must say about itself (text direction, what it may load) and
the accessibility fixes to Material's markup. Each function finds the theme's markup by
a pattern defined here and raises HtmlPolicyError when the markup is not there: a new
theme version stops the build with a message instead of silently dropping a fix.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from pathlib import Path

HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
BODY_DIR = re.compile(r"<body\b[^>]*\bdir=\"(ltr|rtl)\"", re.IGNORECASE)
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)
HEAD_OPEN = re.compile(r"<head>\s*", re.IGNORECASE)

#: Only the site's own files. Inline scripts are allowed one by one by their hash.
#: data: images are Material's own icons, embedded in its stylesheet.
CSP_TEMPLATE = (
    "default-src 'self'; script-src 'self' {script_hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class HtmlPolicyError(ValueError):
    """The theme's HTML no longer has the shape these fixes rely on."""


def copy_direction_to_html(html: str) -> str:
    """Put the theme's ``dir`` (set on <body>) on <html> too, so the whole document,
    including <head> text such as the title, has the right direction."""
    body = BODY_DIR.search(html)
    tag = HTML_TAG.search(html)
    if body is None or tag is None:
        raise HtmlPolicyError("no <html> tag or no dir= on <body>: did the theme change?")
    attributes = re.sub(r'\s+dir="[^"]*"', "", tag.group(1))
    return html[: tag.start()] + f'<html dir="{body.group(1)}"{attributes}>' + html[tag.end() :]


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: The theme's inline scripts, by template. Their hashes are the only inline scripts a
#: page may run; any other inline script fails the build, wherever it came from.
THEME_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "main.html",
)
TEMPLATE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL)
JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
#: What a template expression inside a theme script may print: a relative or absolute path.
PATH_VALUE = r"[\w./:%-]*"


def theme_script_patterns(template_dirs: list[str]) -> list[re.Pattern]:
    """The inline scripts the templates in use can write, as patterns: fixed text, and a
    path where the template prints one (the site's base URL). Each template is read from
    the first folder that has it, ours (overrides/) first: ours are empty on purpose
    (issue #17), so the site's pages have no inline script and its policy allows none."""
    patterns = []
    for name in THEME_SCRIPT_TEMPLATES:
        found = [Path(folder) / name for folder in template_dirs if (Path(folder) / name).is_file()]
        if not found:
            raise HtmlPolicyError(f"the theme's template {name} was not found: did the theme change?")
        for body in TEMPLATE_SCRIPT.findall(found[0].read_text(encoding="utf-8")):
            if "{%" in body:
                raise HtmlPolicyError(f"{found[0]}: an inline script with template logic cannot be allowed by hash")
            pieces = JINJA_EXPRESSION.split(body)
            patterns.append(re.compile(PATH_VALUE.join(re.escape(piece) for piece in pieces), re.DOTALL))
    return patterns


SEARCH_WORKER = re.compile(r'"search":\s*"(?P<url>[^"]*)"')
SHIM_FRAME_SCRIPT = re.compile(r"<script>(postMessage=.*?)<\\/script>")
SHIM_FUNCTION = r"function {name}\(.*?\}}(?=function |var )"


def worker_shim_hash(html: str, shim_source: str) -> str | None:
    """The offline copy runs search in a frame made by the iframe-worker shim (file://
    has no workers); the frame's one inline script is fixed by the shim's source and the
    page's search-worker address, so it is allowed by that hash alone."""
    worker = SEARCH_WORKER.search(html)
    frame = SHIM_FRAME_SCRIPT.search(shim_source)
    post = re.search(SHIM_FUNCTION.format(name="c"), shim_source)
    load = re.search(SHIM_FUNCTION.format(name="d"), shim_source)
    if worker is None:
        return None
    if not (frame and post and load):
        raise HtmlPolicyError("the iframe-worker shim changed: its frame script was not found")
    body = frame.group(1).replace("${c}", post.group(0)).replace("${d}", load.group(0)).replace("${e}", worker.group("url"))
    return script_hash(body)


def content_security_policy(html: str, allowed_scripts: list[re.Pattern], extra_hashes: tuple[str, ...] = ()) -> str:
    hashes = set(extra_hashes)
    for body in INLINE_SCRIPT.findall(html):
        if not any(pattern.fullmatch(body) for pattern in allowed_scripts):
            raise HtmlPolicyError(f"the page holds an inline script that is not the theme's: {body.strip()[:60]!r}")
        hashes.add(script_hash(body))
    return CSP_TEMPLATE.format(script_hashes=" ".join(sorted(hashes))).replace(" ;", ";")


def add_content_security_policy(html: str, allowed_scripts: list[re.Pattern], extra_hashes: tuple[str, ...] = ()) -> str:
    """Insert the CSP as the first element of <head>, before anything it governs."""
    head = HEAD_OPEN.search(html)
    if head is None:
        raise HtmlPolicyError("no <head> tag: did the theme change?")
    policy = content_security_policy(html, allowed_scripts, extra_hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n    '
    return html[: head.end()] + meta + html[head.end() :]


# --- Accessibility fixes to the theme's HTML -------------------------------------------------
# Each fix answers one failure that pa11y or axe reports on a default Material page; the
# acceptance criterion is written above it. They act on the built HTML so that no theme
# template is copied.

SKIP_DIV = re.compile(
    r'<div data-md-component="skip">\s*(?:<a href="[^"]*" class="md-skip">\s*(?P<text>.*?)\s*</a>)?\s*</div>', re.DOTALL
)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
SEARCH_INPUT_LABEL = re.compile(r'<input type="text" class="md-search__input"[^>]*aria-label="(?P<label>[^"]*)"')
SEARCH_FORM_END = re.compile(r'(<form class="md-search__form" name="search">.*?)(</form>)', re.DOTALL)
SEARCH_COMPONENT = 'data-md-component="search"'
TOC_TOGGLE = re.compile(r'\s*<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
MAIN_CONTENT_ID = "contenu"


def always_skip_to_content(html: str, skip_text: str) -> str:
    """The first Tab stop is a skip link on every page (Material shows one only on pages
    with a table of contents), and it moves focus to the main content, which can take it."""
    div = SKIP_DIV.search(html)
    article = ARTICLE.search(html)
    if div is None or article is None:
        raise HtmlPolicyError("no skip-link container or no main article: did the theme change?")
    # A marker right before the article, not an id on it: Material names code blocks
    # after their closest ancestor with an id, which would give them all the same id.
    marker = f'<div id="{MAIN_CONTENT_ID}" tabindex="-1" class="pap-skip-target"></div>\n'
    html = html[: article.start()] + marker + html[article.start() :]
    div = SKIP_DIV.search(html)
    link = f'<div data-md-component="skip">\n      <a href="#{MAIN_CONTENT_ID}" class="md-skip">{escape(div.group("text") or skip_text)}</a>\n    </div>'
    return html[: div.start()] + link + html[div.end() :]


def name_the_search_dialog(html: str) -> str:
    """The search dialog has an accessible name: the search box's own label (axe aria-dialog-name)."""
    if SEARCH_COMPONENT not in html:
        return html  # a page without search
    label = SEARCH_INPUT_LABEL.search(html)
    if label is None:
        raise HtmlPolicyError("the search box has no aria-label: did the theme change?")
    html, found = SEARCH_DIALOG.subn(
        f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label.group("label")}">', html, count=1
    )
    if not found:
        raise HtmlPolicyError("the search dialog was not found: did the theme change?")
    return html


def give_search_a_submit_button(html: str) -> str:
    """The search form can be submitted without a mouse (htmlcs H32.2). Enter already
    submits a one-field form; the button states it for assistive technology and is not a
    separate, invisible Tab stop."""
    if SEARCH_COMPONENT not in html:
        return html  # a page without search
    label = SEARCH_INPUT_LABEL.search(html)
    if label is None:
        raise HtmlPolicyError("the search box has no aria-label: did the theme change?")
    button = f'<button type="submit" class="md-search__submit" hidden>{label.group("label")}</button>'
    html, found = SEARCH_FORM_END.subn(lambda m: m.group(1) + button + m.group(2), html, count=1)
    if not found:
        raise HtmlPolicyError("the search form was not found: did the theme change?")
    return html


def drop_unused_toc_toggle(html: str) -> str:
    """A page without sub-headings keeps Material's table-of-contents checkbox but no label
    for it (htmlcs H91, F68); nothing uses it there, so it goes."""
    if 'for="__toc"' in html or 'id="__toc"' not in html:
        return html
    html, found = TOC_TOGGLE.subn("", html)
    if not found:
        raise HtmlPolicyError("the table-of-contents checkbox has another shape: did the theme change?")
    return html


THEME_BUNDLE = re.compile(r'<script src="(?P<prefix>[^"]*)assets/javascripts/(?P<bundle>bundle\.[0-9a-f]+\.min\.js)"></script>')
LAZY_THEME = "assets/javascripts/lazy-theme.js"


def load_theme_script_at_first_gesture(html: str) -> str:
    """The theme's script is loaded by lazy-theme.js at the reader's first gesture (see
    that file): the page's first visit costs a third less."""
    found, count = THEME_BUNDLE.search(html), len(THEME_BUNDLE.findall(html))
    if found is None or count != 1:
        raise HtmlPolicyError("the theme's script tag was not found once: did the theme change?")
    prefix = found.group("prefix")
    lazy = f'<script src="{prefix}{LAZY_THEME}" data-theme-script="{prefix}assets/javascripts/{found.group("bundle")}"></script>'
    return html[: found.start()] + lazy + html[found.end() :]


# --- Validity fixes (Nu HTML Checker, `pasapas html`) -------------------------------------
# Each fix answers one error the Nu checker reports on a default Material page, and keeps
# what the theme's markup did.

BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
THEME_TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="[\w-]+" type="checkbox" id="[\w-]+"(?P<autocomplete> autocomplete="off")>'
)
CHECKBOX_WITH_AUTOCOMPLETE = re.compile(r'<input\b(?=[^>]*\btype="?checkbox\b)[^>]*\bautocomplete=', re.IGNORECASE)
TOGGLES_FORM = "pap-toggles"
TOC_TITLE_FOR = re.compile(r'(<label class="md-nav__title") for="__toc">')


def forget_toggles_validly(html: str) -> str:
    """Material writes autocomplete="off" on its drawer and search checkboxes so that the
    browser does not reopen them when the reader comes Back to a page; HTML allows the
    attribute on text-like inputs only. The same effect, valid: the checkboxes belong
    (form=) to an empty form with autocomplete="off", first in <body>; Chromium and Firefox
    restore no control of such a form. The checkboxes stay where they are: the theme's
    CSS (`:checked ~ …`) and script see the same page, with or without JavaScript."""
    if not CHECKBOX_WITH_AUTOCOMPLETE.search(html):
        return html
    html, found = THEME_TOGGLE.subn(lambda m: m.group(0).replace(m.group("autocomplete"), f' form="{TOGGLES_FORM}"'), html)
    if not found or CHECKBOX_WITH_AUTOCOMPLETE.search(html):
        raise HtmlPolicyError("a checkbox with autocomplete= is not the theme's drawer or search toggle: did the theme change?")
    body = BODY_OPEN.search(html)
    if body is None:
        raise HtmlPolicyError("no <body> tag: did the theme change?")
    # Hidden from everyone: it has nothing to fill in or submit (htmlcs H32.2 skips it then).
    form = f'\n<form id="{TOGGLES_FORM}" autocomplete="off" hidden aria-hidden="true"></form>'
    return html[: body.end()] + form + html[body.end() :]


def unlink_toc_title_without_toggle(html: str) -> str:
    """A section's index page has a table of contents but no checkbox for it (Material
    writes it in a plain page's navigation item only): its title's for="__toc" names no
    control. The title stays, without for= (its only style there, scroll-snap-align, needs
    a snap container the secondary sidebar does not have)."""
    if 'id="__toc"' in html or 'for="__toc"' not in html:
        return html
    html, found = TOC_TITLE_FOR.subn(r"\1>", html)
    if not found or 'for="__toc"' in html:
        raise HtmlPolicyError("a label for the table of contents has another shape: did the theme change?")
    return html


def fix_theme_validity(html: str) -> str:
    html = forget_toggles_validly(html)
    return unlink_toc_title_without_toggle(html)


HEADER_OPTION = '<div class="md-header__option">'
DIV_TAG = re.compile(r"<div\b|</div>")


def language_menu_last_in_header(html: str) -> str:
    """The language menu goes to the end of the header, after the search box, in the page
    and on screen. A browser may draw a page before it has read all of it: with the menu
    before the search box, the menu was drawn, then pushed aside when the search box
    arrived (a layout shift). Drawn last, nothing after it can push it."""
    start = html.find(HEADER_OPTION)
    if start < 0:
        return html  # a page without a language menu
    depth, end = 0, None
    for tag in DIV_TAG.finditer(html, start):
        depth += 1 if tag.group(0) == "<div" else -1
        if depth == 0:
            end = tag.end()
            break
    header_end = html.find("</header>", start)
    nav_end = html.rfind("</nav>", start, header_end)
    if end is None or header_end < 0 or nav_end < end:
        raise HtmlPolicyError("the header's language menu has another shape: did the theme change?")
    option = html[start:end]
    return html[:start] + html[end:nav_end] + option + "\n" + html[nav_end:]


def fix_theme_accessibility(html: str, skip_text: str) -> str:
    html = language_menu_last_in_header(html)
    html = always_skip_to_content(html, skip_text)
    html = name_the_search_dialog(html)
    html = give_search_a_submit_button(html)
    html = drop_unused_toc_toggle(html)
    return fix_theme_validity(html)


# --- Size -------------------------------------------------------------------------------------

THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.DOTALL)
#: Features that change only the built HTML: the theme's bundle never reads them.
BUILD_TIME_FEATURES = {"navigation.footer", "navigation.indexes", "navigation.prune", "navigation.sections"}


def trim_theme_config(html: str) -> str:
    """The theme's settings for its bundle (`#__config`), as the bundle reads them
    (`base`, `features`, `search`, `translations`, and `annotate`, `tags`, `version`
    when set), without what it would never read on this site: empty settings, features
    that act at build time, the words of the code-copy button and of the version menu
    when neither exists. Written as UTF-8 rather than \\u escapes (an Arabic word took six
    bytes a letter) and without spaces; <, > and & stay escaped, as the theme writes them."""
    found = THEME_CONFIG.search(html)
    if found is None:
        raise HtmlPolicyError("the theme's settings (#__config) were not found: did the theme change?")
    config = {key: value for key, value in json.loads(found.group("json")).items() if value is not None}
    features = [name for name in config.get("features", []) if name not in BUILD_TIME_FEATURES]
    if "features" in config:
        config["features"] = features
    if "translations" in config:
        copy_button = any(name.startswith("content.code.") for name in features)
        config["translations"] = {
            key: words
            for key, words in config["translations"].items()
            if not (key.startswith("clipboard.") and not copy_button)
            and not (key == "select.version" and "version" not in config)
        }
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return html[: found.start("json")] + text + html[found.end("json") :]


#: An icon of the theme as its templates write it inline (Material's .icons/*.svg).
THEME_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="(?P<d>[^"<>]+)"/></svg>')
ICON_PREFIX = "pap-i-"
#: The icons' shared rule: drawn in the text's colour; in forced colours (Windows high
#: contrast) in the system's text or link colour, as the inline drawings were, since a
#: forced background would otherwise paint over them.
ICON_RULE = (
    f'svg[class^="{ICON_PREFIX}"]{{background-color:currentcolor;'
    "-webkit-mask:var(--pap-icon) center/contain no-repeat;mask:var(--pap-icon) center/contain no-repeat}"
    f'@media (forced-colors:active){{svg[class^="{ICON_PREFIX}"]{{forced-color-adjust:none;background-color:CanvasText}}'
    f'a svg[class^="{ICON_PREFIX}"]{{background-color:LinkText}}button svg[class^="{ICON_PREFIX}"]{{background-color:ButtonText}}}}'
)


def icon_class(path_data: str) -> str:
    """The same drawing has the same class on every page and in every build."""
    return ICON_PREFIX + hashlib.sha256(path_data.encode("utf-8")).hexdigest()[:6]


def draw_theme_icons_from_stylesheet(html: str, icons: dict[str, str]) -> str:
    """Each of the theme's inline icons (menu, search, language, logo, arrows…) becomes an
    empty <svg> with the same box (its viewBox, so the theme's sizes, flips for right to
    left and show/hide rules still apply) and a class; its drawing moves to the cached
    stylesheet (icon_stylesheet), as a mask. A repeat visit no longer downloads the
    drawings with every page (issue #17). Names are unchanged: they were never in the
    drawings but on the buttons and links (aria-label) around them. Records the drawings
    in `icons` (class -> path)."""

    def replace(found: re.Match) -> str:
        name = icon_class(found.group("d"))
        icons[name] = found.group("d")
        return f'<svg viewBox="0 0 24 24" class="{name}"></svg>'

    return THEME_ICON.sub(replace, html)


def icon_stylesheet(icons: dict[str, str]) -> str:
    """The rules that draw the icons draw_theme_icons_from_stylesheet() emptied."""
    rules = [ICON_RULE] if icons else []
    for name, path_data in sorted(icons.items()):
        drawing = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'><path d='{path_data}'/></svg>"
        rules.append(f'.{name}{{--pap-icon:url("data:image/svg+xml;charset=utf-8,{drawing}")}}')
    return "".join(rules)


PRESERVED = re.compile(r"(<(pre|script|textarea|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
WHITESPACE_RUN = re.compile(r"[ \t]*\n\s*")


def collapse_whitespace(html: str) -> str:
    """Turn each run of template whitespace that spans lines into one newline, outside
    <pre>, <script>, <textarea> and <style>. Browsers render the page the same; readers
    download less, and the navigation no longer grows by kilobytes of blank lines."""
    parts = PRESERVED.split(html)
    out = []
    index = 0
    while index < len(parts):
        out.append(WHITESPACE_RUN.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])  # the preserved element, as it is
        index += 3  # split() also returns the tag-name group
    return "".join(out)
