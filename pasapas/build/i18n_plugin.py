"""Every attribute of mkdocs-static-i18n that the build reads, in one place.

The plugin has no public API for these; they are how version 1.3 works. When a new
version renames one, `check_plugin` stops the build with one line that says which,
instead of a page built in the wrong language. A change of engine or of i18n plugin
touches this module only (and the hooks that call it).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

PLUGIN_NAME = "i18n"
#: plugin attribute -> what the build uses it for
PLUGIN_ATTRIBUTES = {
    "current_language": "the language being built (one build per language)",
    "is_default_language_build": "the first build, where lessons are checked once",
    "building": "true inside a language's own build, false once every language is done",
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
    if missing:
        raise I18nContractError(
            f"mkdocs-static-i18n has no attribute {', '.join(missing)}: it changed; "
            "update pasapas/build/i18n_plugin.py for the pinned version."
        )


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
