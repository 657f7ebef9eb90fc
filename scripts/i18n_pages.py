"""How pages behave across languages.

French is the source. mkdocs-static-i18n builds a French-only page under every other
language too (``fallback_to_default``), labelled with that language. We keep the page,
so that every language-switcher link lands somewhere, but turn it into a short notice
in the reader's language that links to the French text, and take it out of that
language's navigation and previous/next links.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from lesson_model import LessonError, split_front_matter, translation_pending
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

#: Interface strings each language must define in mkdocs.yml
#: (``plugins.i18n.languages[].extra.ui``).
REQUIRED_UI_STRINGS = (
    "help_checked",
    "prerequisites",
    "sources_title",
    "sources_intro",
    "source_consulted",
    "stale",
    "not_translated_title",
    "not_translated_body",
    "read_in_source",
    "not_found_title",
    "not_found_body",
    "back_home",
    "level",
    "level_decouverte",
    "level_debutant",
    "level_intermediaire",
    "duration",
    "minutes",
    "devices",
    "device_ordinateur",
    "device_telephone",
    "last_checked",
    "translation_aligned",
    "translation_outdated",
    "skip_to_content",
    "help_phone",
    "help_website",
    "share_step",
    "share_copied",
    "share_failed",
    "step_done",
    "progress_clear",
    "progress_explain",
    "progress_cleared",
    "progress_started",
    "progress_finished",
    "listen_lesson",
    "listen_step",
    "listen_pause",
    "listen_stop",
    "qr_title",
    "qr_alt",
)


#: Languages written right to left (ISO 639-1), for the parts of a page that carry
#: several languages at once, such as the 404 page.
RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})


def text_direction(locale: str) -> str:
    return "rtl" if locale.split("-")[0].split("_")[0] in RIGHT_TO_LEFT else "ltr"


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
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise LanguageConfigError("mkdocs.yml: the 'i18n' plugin is missing from 'plugins'.")
    return list(plugin.config.languages)


def ui_strings_by_language(config) -> dict[str, dict[str, str]]:
    """Every language's interface strings; fails with a plain message if one is missing."""
    strings = {}
    for language in i18n_languages(config):
        ui = (language.extra or {}).get("ui") or {}
        missing = [key for key in REQUIRED_UI_STRINGS if not ui.get(key)]
        if missing:
            raise LanguageConfigError(
                f"mkdocs.yml: language '{language.locale}' has no translation for "
                f"{', '.join(missing)} under plugins > i18n > languages > extra > ui. "
                "Copy the 'ui' block of another language and translate it."
            )
        strings[language.locale] = {key: ui[key] for key in REQUIRED_UI_STRINGS}
    return strings


def is_untranslated(page: Page) -> bool:
    """True for a page built in one language from another language's source file, and
    for a translation placeholder that nobody has translated yet."""
    file = page.file
    if getattr(file, "locale", None) != getattr(file, "locale_alternate_of", None):
        return True
    return is_placeholder(file)


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
    source = source_language
    # Written as HTML: MkDocs would report a Markdown link to a built URL as unrecognized.
    anchor = (
        f'<a href="{escape(link)}" lang="{source}" dir="ltr" hreflang="{source}">'
        f"{escape(source_title)}</a>"
    )
    return (
        f"# {ui['not_translated_title']}\n\n"
        f"{ui['not_translated_body']}\n\n"
        f"{ui['read_in_source']} {anchor}\n"
    )


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
    for previous, following in zip(nav.pages, nav.pages[1:]):
        previous.next_page, following.previous_page = following, previous
    return nav


def contextual_alternates(page: Page, alternates: list[dict]) -> list[dict]:
    """Language-switcher entries pointing to this page in each language.

    Links are site-relative file URLs, which the theme's ``url`` filter turns into
    page-relative links: they keep working from disk and under a sub-path.
    """
    result = []
    for alternate in alternates:
        target = page.file.alternates.get(alternate["lang"])
        if target is None:
            raise LanguageConfigError(
                f"{page.file.src_uri}: no '{alternate['lang']}' version was built; "
                "check plugins > i18n > fallback_to_default in mkdocs.yml."
            )
        result.append({**alternate, "link": target.url or "./"})
    return result


EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_language_404(site_dir: str, language: str, html: str) -> None:
    target = Path(site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
