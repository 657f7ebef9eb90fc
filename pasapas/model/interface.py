"""The words of the interface (buttons, labels, notices) in each language, from
docs/<language>/_interface.yml: translators edit a file beside the lessons, never the
site configuration. Read with the same safe YAML as the lessons' front matter."""

from __future__ import annotations

from pathlib import Path

import yaml

from pasapas.model.lesson import FrontMatterError, load_front_matter

FILE_NAME = "_interface.yml"
#: Every string the build writes into pages; each language's file must have them all.
REQUIRED_UI_STRINGS = (
    "all_paths",
    "help_checked",
    "prerequisites",
    "sources_title",
    "sources_intro",
    "source_consulted",
    "source_steps",
    "step_sources",
    "live_check_none",
    "live_check_recent",
    "live_check_old",
    "live_check_issue",
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
    "edit_page",
    "report_step",
    "report_issue_title",
    "report_issue_body",
    "translation_changed_steps",
    "translation_step_changed",
    "translation_part_changed",
    "translation_read_french_step",
    "translation_read_french_part",
    "contact_forge",
    "contact_email",
    "contact_email_route",
    "practice_label",
    "practice_private",
    "practice_try",
    "practice_needs_js",
    "practice_restart",
    "practice_no_attachment",
    "practice_attached",
    "licence_text",
    "licence_link",
    "licence_url",
    "mediation_label",
    "mediation_theme",
    "mediation_demarche",
    "can_lesson",
    "can_count",
    "can_all_done",
    "can_clear",
    "can_cleared",
    "qr_alt_page",
    "search_none",
    "search_none_paths",
    "search_none_help",
    "search_none_ask",
)


#: The theme's own words (Material's partials/languages/<code>.html) a language may correct
#: in a `theme:` block of its file, when the theme's translation is wrong: the search box and
#: its results, the language menu, the landmarks' names. '#' stands for a number.
THEME_BLOCK = "theme"
THEME_WORDS = (
    "action.edit",
    "action.skip",
    "action.view",
    "clipboard.copied",
    "clipboard.copy",
    "footer",
    "footer.next",
    "footer.previous",
    "header",
    "nav",
    "search",
    "search.placeholder",
    "search.reset",
    "search.result.initializer",
    "search.result.more.one",
    "search.result.more.other",
    "search.result.none",
    "search.result.one",
    "search.result.other",
    "search.result.placeholder",
    "search.result.term.missing",
    "search.share",
    "select.language",
    "source",
    "tabs",
    "toc",
    "top",
)


class InterfaceError(ValueError):
    """A language's interface file is missing, unreadable or incomplete."""


def read_interface(docs_dir: Path, language: str, source_language: str = "fr") -> dict[str, str]:
    shown = f"docs/{language}/{FILE_NAME}"
    model = f"docs/{source_language}/{FILE_NAME}"
    path = docs_dir / language / FILE_NAME
    if not path.is_file() or path.is_symlink():
        raise InterfaceError(f"{shown} is missing: copy {model} into docs/{language}/ and translate each line.")
    try:
        text = path.read_text(encoding="utf-8")
        data = load_front_matter(text)
    except (FrontMatterError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else getattr(error, "line", 0) + 1
        raise InterfaceError(f"{shown}:{line}: the file cannot be read; keep the format of {model}.") from None
    if not isinstance(data, dict) or not all(isinstance(value, str) for key, value in data.items() if key != THEME_BLOCK):
        raise InterfaceError(f"{shown}: every line must be 'name: text', as in {model}.")
    theme_words(data, text, shown)
    missing = [key for key in REQUIRED_UI_STRINGS if not data.get(key, "").strip()]
    if missing:
        raise InterfaceError(
            f"{shown} has no translation for {', '.join(missing)}: copy those lines from {model} and translate them."
        )
    return {key: data[key] for key in REQUIRED_UI_STRINGS}


def theme_words(data: dict, text: str, shown: str) -> dict[str, str]:
    """The `theme:` block of a language's file: Material word name -> the right word."""
    words = data.get(THEME_BLOCK, {})
    if not isinstance(words, dict):
        raise InterfaceError(f"{shown}:{_line(text, THEME_BLOCK)}: '{THEME_BLOCK}:' must be followed by 'name: text' lines.")
    for name, word in words.items():
        if name not in THEME_WORDS:
            raise InterfaceError(
                f"{shown}:{_line(text, str(name))}: '{name}' is not a word of the theme that can be corrected "
                f"(known: {', '.join(THEME_WORDS)})."
            )
        if not isinstance(word, str) or not word.strip():
            raise InterfaceError(f"{shown}:{_line(text, str(name))}: the theme word '{name}' must be a text, in quotes.")
    return dict(words)


def read_theme_words(docs_dir: Path, language: str) -> dict[str, str]:
    """The theme's words that `language` corrects (none for most languages); read after
    read_interface(), which reports the file's problems."""
    path = docs_dir / language / FILE_NAME
    text = path.read_text(encoding="utf-8")
    return theme_words(load_front_matter(text) or {}, text, f"docs/{language}/{FILE_NAME}")


def _line(text: str, name: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith((f"{name}:", f'"{name}":', f"'{name}':")):
            return number
    return 1
