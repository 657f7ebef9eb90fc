"""How pages behave across languages.

French is the source. mkdocs-static-i18n builds a French-only page under every other
language too (``fallback_to_default``), labelled with that language. We keep the page,
so that every language-switcher link lands somewhere, but turn it into a short notice
in the reader's language that links to the French text, and take it out of that
language's navigation and previous/next links.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pasapas.build import i18n_plugin
from pasapas.model.interface import InterfaceError, read_interface, read_theme_words
from pasapas.model.languages import text_direction  # noqa: F401 (used by the hooks)
from pasapas.model.lesson import LessonError, split_front_matter, translation_pending
from pasapas.transform.partials import render


#: Languages written right to left (ISO 639-1), for the parts of a page that carry
#: several languages at once, such as the 404 page.
class LanguageConfigError(ValueError):
    """A language entry in mkdocs.yml is incomplete."""


def site_path(config) -> str:
    """The path the site is served under, such as '/' or '/pas-a-pas/'."""
    path = urlsplit(config.site_url or "/").path
    return path if path.endswith("/") else path + "/"


def source_language(config) -> str:
    return next(language.locale for language in i18n_languages(config) if language.default)


def i18n_languages(config) -> list:
    """The language entries of the i18n plugin, in mkdocs.yml order."""
    return i18n_plugin.languages(config)


def ui_strings_by_language(config) -> dict[str, dict[str, str]]:
    """Every language's interface strings (docs/<language>/_interface.yml); fails with one
    plain line naming the language and the missing strings."""
    strings = {}
    for language in i18n_languages(config):
        try:
            strings[language.locale] = read_interface(Path(config.docs_dir), language.locale)
        except InterfaceError as error:
            raise LanguageConfigError(str(error)) from None
    return strings


def theme_words_by_language(config) -> dict[str, dict[str, str]]:
    """The theme's words each language corrects (the `theme:` block of its _interface.yml),
    for overrides/partials/language.html; read after ui_strings_by_language()."""
    return {language.locale: read_theme_words(Path(config.docs_dir), language.locale) for language in i18n_languages(config)}


def is_untranslated(page: Page) -> bool:
    """True for a page built in one language from another language's source file, and
    for a translation placeholder that nobody has translated yet."""
    if i18n_plugin.file_language(page.file) != i18n_plugin.page_language(page):
        return True
    return is_placeholder(page.file)


def is_placeholder(file) -> bool:
    if not hasattr(file, "pasapas_placeholder"):
        if "translation:" not in file.content_string:  # most pages: no need to read YAML
            file.pasapas_placeholder = False
            return False
        try:
            meta, _, _ = split_front_matter(file.content_string)
        except (LessonError, UnicodeDecodeError, OSError):
            meta = {}
        file.pasapas_placeholder = translation_pending(meta)
    return file.pasapas_placeholder


def source_page_url(page: Page) -> str:
    """Site-relative URL of the source-language page a fallback page was built from."""
    source_dir = posixpath.dirname(page.file.dest_uri).split("/", 1)
    # dest_uri is '<lang>/<path>/index.html': drop the language folder.
    path = source_dir[1] if len(source_dir) > 1 else ""
    return f"{path}/" if path else ""


def not_translated_markdown(page: Page, source_title: str, ui: dict[str, str], source_language: str) -> str:
    """The notice shown instead of a page that is not translated yet."""
    link = get_relative_url(source_page_url(page), page.url)
    # Written as HTML: MkDocs would report a Markdown link to a built URL as unrecognized.
    anchor = render("source_page_link.html", url=link, language=source_language, title=source_title)
    return f"# {ui['not_translated_title']}\n\n{ui['not_translated_body']}\n\n{ui['read_in_source']} {anchor}\n"


def first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def prune_untranslated(nav: Navigation) -> Navigation:
    """Remove fallback pages (and sections left empty) from one language's navigation,
    then relink previous/next so the footer never points to them."""

    def keep(items):
        kept = []
        for item in items:
            if isinstance(item, Page) and is_untranslated(item):
                continue
            if isinstance(item, Section):
                item.children = keep(item.children)
                if not item.children:
                    continue
            kept.append(item)
        return kept

    nav.items = keep(nav.items)
    for page in nav.pages:
        page.previous_page = page.next_page = None
    nav.pages = [page for page in nav.pages if not is_untranslated(page)]
    for previous, following in zip(nav.pages, nav.pages[1:], strict=False):
        previous.next_page, following.previous_page = following, previous
    return nav


def contextual_alternates(page: Page, alternates: list[dict]) -> list[dict]:
    """Language-switcher entries pointing to this page in each language.

    Links are site-relative file URLs, which the theme's ``url`` filter turns into
    page-relative links: they keep working from disk and under a sub-path.
    """
    result = []
    for alternate in alternates:
        target = i18n_plugin.alternate(page, alternate["lang"])
        if target is None:
            raise LanguageConfigError(
                f"{page.file.src_uri}: no '{alternate['lang']}' version was built; "
                "check plugins > i18n > fallback_to_default in mkdocs.yml."
            )
        result.append({**alternate, "link": target.url or "./"})
    return result


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'


def write_language_404(site_dir: str, language: str, html: str) -> None:
    target = Path(site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
