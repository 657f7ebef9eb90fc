"""Every attribute of mkdocs-static-i18n that the build reads, in one place.

The plugin has no public API for these; they are how version 1.3 works. When a new
version renames one, `check_plugin` stops the build with one line that says which,
instead of a page built in the wrong language. A change of engine or of i18n plugin
touches this module only (and the hooks that call it).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PLUGIN_NAME = "i18n"
#: plugin attribute -> what the build uses it for
PLUGIN_ATTRIBUTES = {
    "current_language": "the language being built (one build per language)",
    "is_default_language_build": "the first build, where lessons are checked once",
    "building": "true inside a language's own build, false once every language is done",
    "default_language": "the language built first, at the site's root",
    "build_languages": "the languages built, the default one first, the others in the order they are built",
    "search_entries": "the theme's search entries of every language built so far, merged into one index at the end",
}
#: attributes static-i18n sets on each file
FILE_ATTRIBUTES = ("locale", "locale_alternate_of", "alternates")


class I18nContractError(PluginError):
    """mkdocs-static-i18n no longer works the way the build expects."""


def plugin(config):
    found = config.plugins.get(PLUGIN_NAME)
    if found is None:
        raise I18nContractError("mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) is missing from 'plugins'.")
    return found


def check_plugin(config) -> None:
    """Fail loudly, before anything is built, if the plugin lacks what the build reads."""
    missing = [name for name in PLUGIN_ATTRIBUTES if not hasattr(plugin(config), name)]
    if not callable(getattr(plugin_module(config), "build", None)):
        missing.append("build (in its plugin module)")
    if missing:
        raise I18nContractError(
            f"mkdocs-static-i18n has no attribute {', '.join(missing)}: it changed; "
            "update pasapas/build/i18n_plugin.py for the pinned version."
        )


def plugin_module(config):
    return sys.modules[type(plugin(config)).__module__]


def build_other_languages_with(config, build_one) -> None:
    """The default language's build ends with static-i18n building each other language,
    one after the other, through the engine's `build` it imported into its own module:
    each of those calls becomes `build_one(config, engine_build, dirty)`."""
    module = plugin_module(config)
    engine_build = getattr(module.build, "engine_build", module.build)

    def build(config, dirty=False):
        return build_one(config, engine_build, dirty)

    build.engine_build = engine_build
    module.build = build


def engine_build(config):
    """The engine's own `build`, which static-i18n calls for each other language."""
    return plugin_module(config).build.engine_build


def become_language_build(config, language: str) -> None:
    """In a process of its own, build `language` as static-i18n does after the default
    one: not the first build, and without building the others again at its end."""
    found = plugin(config)
    found.current_language = language
    found.building = True


def other_languages(config) -> list[str]:
    """The languages static-i18n builds after the default one, in that order."""
    found = plugin(config)
    return [language for language in found.build_languages if language != found.default_language]


def search_entries(config) -> list:
    return plugin(config).search_entries


def merge_sitemaps(site_dir: Path, first: str, others: list[str], mtime: int) -> None:
    """static-i18n's sitemap lists the pages of every language built so far in that
    process, language after language: `first`, the default language's, then each of
    `others`, a language built in a process of its own. Written as the engine writes it,
    with its gzip copy."""
    head = first[: first.index(">", first.index("<urlset")) + 1]
    urls = [first[: first.rindex("</urlset>")].rstrip()]
    for other in others:
        if not other.startswith(head) or "</urlset>" not in other:
            raise I18nContractError(
                "sitemap.xml: mkdocs-static-i18n's sitemap no longer starts as it did; "
                "update merge_sitemaps in pasapas/build/i18n_plugin.py."
            )
        urls.append(other[len(head) : other.rindex("</urlset>")].rstrip())
    text = "".join(urls) + first[len(urls[0]) :]
    path = site_dir / "sitemap.xml"
    path.write_bytes(text.encode("utf-8"))
    with open(f"{path}.gz", "wb") as file, gzip.GzipFile(fileobj=file, filename=f"{path}.gz", mode="wb", mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))


def check_file(file) -> None:
    missing = [name for name in FILE_ATTRIBUTES if not hasattr(file, name)]
    if missing:
        raise I18nContractError(
            f"docs/{file.src_uri}: mkdocs-static-i18n no longer sets {', '.join(missing)} on files; "
            "update pasapas/build/i18n_plugin.py for the pinned version."
        )


def languages(config) -> list:
    """The language entries (locale, name, link, default, extra), in mkdocs.yml order."""
    return list(plugin(config).config.languages)


def current_language(config) -> str:
    return plugin(config).current_language


def is_first_build(config) -> bool:
    return bool(plugin(config).is_default_language_build)


def every_language_built(config) -> bool:
    return not plugin(config).building


def page_language(page) -> str:
    """The language a page is built in (for a French-only page under /ar/: 'ar')."""
    check_file(page.file)
    return page.file.locale_alternate_of


def file_language(file) -> str:
    """The language of the source file (for a French-only page under /ar/: 'fr')."""
    check_file(file)
    return file.locale


def alternate(page, language: str):
    """The same page's file in another language, or None."""
    check_file(page.file)
    return page.file.alternates.get(language)
