"""`pasapas translations status|stamp|diff`: which translations follow the current French,
what changed in the French since a translation was aligned, and stamping one that does
(see pasapas/model/translations.py)."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from pasapas.model.languages import configured_languages
from pasapas.model.lesson import LESSONS_FOLDER, SOURCE_LANGUAGE, FrontMatterError, parse_lesson
from pasapas.model.translations import (
    aligned_version,
    changed_parts,
    earlier_french,
    french_parts,
    french_version,
    stamp,
    status,
)
from pasapas.project import DOCS, ROOT


def relative_to_docs(shown: str) -> str | None:
    """'ar/lecons/x.md' from 'docs/ar/lecons/x.md' (what lint prints) or 'ar/lecons/x.md';
    None for anything that is not an existing translated lesson."""
    relative = shown.removeprefix("./").removeprefix("docs/")
    parts = relative.split("/")
    languages = configured_languages(ROOT)[1:]
    if len(parts) < 3 or parts[0] not in languages or ".." in parts or not (DOCS / relative).is_file():
        return None
    return relative


def diff(language: str, slug: str) -> tuple[int, str]:
    relative = f"{language}/{LESSONS_FOLDER}/{slug}.md"
    french_relative = f"{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{slug}.md"
    if relative_to_docs(relative) is None or not (DOCS / french_relative).is_file():
        return 2, f"pasapas translations: there is no translation docs/{relative} of a French lesson."
    try:
        translation = parse_lesson((DOCS / relative).read_text(encoding="utf-8"), relative)
        french = parse_lesson((DOCS / french_relative).read_text(encoding="utf-8"), french_relative)
    except FrontMatterError as error:
        return 1, f"pasapas translations: a front matter cannot be read ({error.message}); run make lint."
    changed = changed_parts(translation.meta, french)
    if changed is None:
        return 1, f"docs/{relative} does not record which French it follows: stamp it once it is aligned."
    if not changed:
        return 0, f"docs/{relative} follows the current French: nothing to carry over."
    lines = [f"docs/{relative}: the French changed in {', '.join(changed)} since this translation was aligned."]
    marker = translation.meta["translation"]
    earlier = earlier_french(french, aligned_version(translation.meta) or str(marker.get("source")))
    now, before = french_parts(french), french_parts(earlier) if earlier else {}
    if earlier is None:
        lines.append("(The earlier French is not in this checkout's history: here is the current text of each part.)")
    for part in changed:
        lines.append("")
        lines += difflib.unified_diff(before.get(part, []), now.get(part, []), f"before/{part}", f"now/{part}", lineterm="", n=1)
    lines.append("")
    lines.append(f"Then run: .venv/bin/pasapas translations stamp docs/{relative}")
    lines.append(
        f"(or, in the web editor, replace the 'translation:' block with: translation: {{aligned_with: {french_version(french)}}})"
    )
    return 0, "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas translations", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="show every lesson's translations as up to date, outdated or missing")
    stamp_parser = commands.add_parser("stamp", help="mark a translation as following the current French")
    stamp_parser.add_argument(
        "paths", nargs="+", help="translated lesson, e.g. docs/ar/lecons/antivirus.md (as make lint prints it)"
    )
    diff_parser = commands.add_parser("diff", help="show what changed in the French since a translation was aligned")
    diff_parser.add_argument("language", help="e.g. ar")
    diff_parser.add_argument("slug", help="the lesson's file name without .md, e.g. antivirus")
    arguments = parser.parse_args(argv)

    if arguments.command == "stamp":
        for shown in arguments.paths:
            relative = relative_to_docs(shown)
            if relative is None:
                print(f"pasapas translations: {shown} is not a translated lesson under docs/.", file=sys.stderr)
                return 2
            print(f"{shown}: follows the French at {stamp(DOCS, relative)}")
        return 0
    if arguments.command == "diff":
        code, text = diff(arguments.language, Path(arguments.slug).stem)
        print(text, file=sys.stderr if code else sys.stdout)
        return code
    table = status(DOCS, configured_languages(ROOT)[1:])
    for slug, row in table.items():
        print(f"{slug}: " + ", ".join(f"{language} {state}" for language, state in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
