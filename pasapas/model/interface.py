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
    "practice_label",
    "practice_private",
    "practice_try",
    "practice_needs_js",
    "practice_restart",
    "practice_no_attachment",
    "practice_attached",
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
        data = load_front_matter(path.read_text(encoding="utf-8"))
    except (FrontMatterError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else getattr(error, "line", 0) + 1
        raise InterfaceError(f"{shown}:{line}: the file cannot be read; keep the format of {model}.") from None
    if not isinstance(data, dict) or not all(isinstance(value, str) for value in data.values()):
        raise InterfaceError(f"{shown}: every line must be 'name: text', as in {model}.")
    missing = [key for key in REQUIRED_UI_STRINGS if not data.get(key, "").strip()]
    if missing:
        raise InterfaceError(
            f"{shown} has no translation for {', '.join(missing)}: copy those lines from {model} and translate them."
        )
    return {key: data[key] for key in REQUIRED_UI_STRINGS}
