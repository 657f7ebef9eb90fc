"""What makes the lessons reusable by others, wired in by hooks.py: the mediators' line in
each lesson's helper section, the entries of /catalogue.json (written once every language
is built), and the self-check page's boxes and lessons to start with."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from mkdocs.utils import get_relative_url

from pasapas.model import catalogue
from pasapas.model import lesson as lesson_model
from pasapas.transform import bidi, page_sections, self_check
from pasapas.transform import step_tools as lesson_tools
from pasapas.transform.mediation_line import mediation_line

HELPER_SECTION = "aidant"
#: What ticks the boxes and shows the lessons to do: on the self-check page only.
SCRIPT = "assets/javascripts/self-check.js"


def add_helper_line(html: str, meta: dict, ui: dict, language: str) -> str:
    """The mediators' categories and competences, at the end of the helper section."""
    return page_sections.append_to_section(html, HELPER_SECTION, mediation_line(meta, ui, language))


def page_address(page, config) -> str:
    return config.site_url.rstrip("/") + "/" + page.url if config.site_url else page.url


def catalogue_entry(lesson, french_lesson, page, config, state: str | None) -> dict:
    """`state`: None on a French page, else the translation's state."""
    aligned = (lesson.meta.get("translation") or {}).get("date") if state is not None else None
    return catalogue.entry(lesson, french_lesson, page_address(page, config), state, aligned)


def write_catalogue(config, entries: list[dict], languages: list[str]) -> None:
    site = Path(config.site_dir)
    text = catalogue.document(entries, languages, config.site_url or None)
    (site / catalogue.FILE_NAME).write_text(text, encoding="utf-8")
    shutil.copyfile(catalogue.SCHEMA_FILE, site / catalogue.SCHEMA)


def lesson_key(page) -> str:
    """'lecons/sms' for the page of docs/<language>/lecons/sms.md."""
    return PurePosixPath(*PurePosixPath(page.file.src_uri).parts[1:]).as_posix().removesuffix(".md")


def self_check_page(page, nav, config, ui: dict, language: str) -> str:
    """The self-check page's content: a box per statement, the lessons to start with, and
    the page's QR code (it prints as a sheet to fill in with a pen)."""
    lessons = [
        self_check.LessonLink(
            key=lesson_key(other),
            url=get_relative_url(other.url, page.url),
            title=str(other.meta.get("title") or other.title),
            prerequisites=tuple(str(p) for p in other.meta.get("prerequisites") or []),
        )
        for other in nav.pages
        if "level" in other.meta and lesson_model.is_lesson(other.file.src_uri)
    ]
    rtl = bidi.is_rtl(language)
    # The page's own text was isolated by on_page_content; the titles added here are plain text.
    html = self_check.add_ticks(page.content, lessons, ui, bidi.isolate_plain if rtl else str)
    if config.site_url:
        block = lesson_tools.qr_block(page_address(page, config), {**ui, "qr_alt": ui["qr_alt_page"]})
        html += bidi.isolate_html(block, language) if rtl else block
    script = get_relative_url(SCRIPT, page.url)
    return html + f'<script src="{script}" defer></script>'
