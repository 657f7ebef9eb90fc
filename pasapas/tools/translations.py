"""`pasapas translations status|stamp`: which translations follow the current French, and
stamping one that does (see pasapas/model/translations.py)."""

from __future__ import annotations

import argparse
import sys

from pasapas.model.languages import configured_languages
from pasapas.model.translations import stamp, status
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas translations", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="show every lesson's translations as up to date, outdated or missing")
    stamp_parser = commands.add_parser("stamp", help="mark a translation as following the current French")
    stamp_parser.add_argument(
        "paths", nargs="+", help="translated lesson, e.g. docs/ar/lecons/antivirus.md (as make lint prints it)"
    )
    arguments = parser.parse_args(argv)

    if arguments.command == "stamp":
        for shown in arguments.paths:
            relative = relative_to_docs(shown)
            if relative is None:
                print(f"pasapas translations: {shown} is not a translated lesson under docs/.", file=sys.stderr)
                return 2
            print(f"{shown}: follows the French at {stamp(DOCS, relative)}")
        return 0
    table = status(DOCS, configured_languages(ROOT)[1:])
    for slug, row in table.items():
        print(f"{slug}: " + ", ".join(f"{language} {state}" for language, state in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
