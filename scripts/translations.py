"""Which translations follow the current French, and stamping one that does.

Each translated lesson records, in its front matter, the fingerprint of the French text
it was translated from:

    translation:
      source: 3f9a1c2e7b   # printed by `python scripts/translations.py stamp ar/lecons/x.md`
      date: 2026-11-28

When the French file changes, its fingerprint changes, and the translation shows as
outdated until a translator has aligned it and stamped it again.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from html import escape

from page_sections import append_to_section
from lesson_model import SOURCE_LANGUAGE, lessons_in, source_fingerprint, split_front_matter, translation_pending

DOCS = Path(__file__).resolve().parent.parent / "docs"
TRANSLATION_BLOCK = re.compile(r"^translation:\n(?:[ \t]+.*\n)*", re.MULTILINE)


STATES = ("up to date", "outdated", "missing")


def state_of(meta: dict, french_text: str) -> str:
    """'up to date', 'outdated' or 'missing' (a placeholder counts as missing)."""
    if translation_pending(meta) or not isinstance(meta.get("translation"), dict):
        return "missing"
    return "up to date" if meta["translation"].get("source") == source_fingerprint(french_text) else "outdated"


def status(docs_dir: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """slug → language → 'up to date' | 'outdated' | 'missing'."""
    table = {}
    for french in lessons_in(docs_dir, SOURCE_LANGUAGE):
        french_text = (docs_dir / french.path).read_text(encoding="utf-8")
        row = {}
        for language in languages:
            path = docs_dir / language / french.slug
            if not path.exists():
                row[language] = "missing"
                continue
            meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
            row[language] = state_of(meta, french_text)
        table[french.slug] = row
    return table


def add_status_table(html: str, table: dict, labels: dict, page, nav) -> str:
    """The lesson × language table, after the heading `## … {#etat-des-traductions}`."""
    from mkdocs.utils import get_relative_url

    if 'id="etat-des-traductions"' not in html:
        return html
    missing = [state for state in STATES if state not in labels]
    if missing:
        raise ValueError(f"{page.file.src_uri}: status_labels lacks {', '.join(missing)}")
    titles = {p.file.src_uri.split("/", 1)[-1]: p for p in nav.pages}
    languages = sorted({language for row in table.values() for language in row})
    head = "".join(f'<th scope="col">{escape(labels.get(language, language))}</th>' for language in languages)
    rows = []
    for slug, row in table.items():
        lesson_page = titles.get(slug)
        name = escape(lesson_page.title) if lesson_page else escape(slug)
        if lesson_page:
            name = f'<a href="{escape(get_relative_url(lesson_page.url, page.url))}">{name}</a>'
        cells = "".join(
            f'<td class="pap-status pap-status--{row[l].replace(" ", "-")}">{escape(labels[row[l]])}</td>'
            for l in languages
        )
        rows.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
    table_html = (
        f'<table class="pap-translations"><thead><tr><th scope="col">{escape(labels.get("lesson", ""))}</th>'
        f'{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    return append_to_section(html, "etat-des-traductions", table_html)


def stamp(docs_dir: Path, relative: str, today: date | None = None) -> str:
    """Record that `relative` (e.g. 'ar/lecons/antivirus.md') follows the current French."""
    target = docs_dir / relative
    slug = Path(*Path(relative).parts[1:])
    fingerprint = source_fingerprint((docs_dir / SOURCE_LANGUAGE / slug).read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    block = f"translation:\n  source: {fingerprint}\n  date: {(today or date.today()).isoformat()}\n"
    if TRANSLATION_BLOCK.search(text):
        text = TRANSLATION_BLOCK.sub(block, text, count=1)
    else:
        text = text.replace("\n---\n", "\n" + block + "---\n", 1)
    target.write_text(text, encoding="utf-8")
    return fingerprint


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="show every lesson's translations as up to date, outdated or missing")
    stamp_parser = commands.add_parser("stamp", help="mark a translation as following the current French")
    stamp_parser.add_argument("paths", nargs="+", help="translated lesson, relative to docs/, e.g. ar/lecons/antivirus.md")
    arguments = parser.parse_args(argv)

    if arguments.command == "stamp":
        for relative in arguments.paths:
            print(f"{relative}: follows the French at {stamp(DOCS, relative)}")
        return 0
    table = status(DOCS, ["ar", "en"])
    for slug, row in table.items():
        print(f"{slug}: " + ", ".join(f"{language} {state}" for language, state in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
