"""`pasapas`: every command a person runs, in one place. The Makefile's targets call it.

Each subcommand hands the rest of the command line to the tool's own `main`, which
owns its options (`pasapas lint --help`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module

#: subcommand -> (module whose `main(argv)` runs it, what it does)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("pasapas.build.site", "build the site into site/ (--sequential, --site-dir DIR); the one way every command builds"),
    "serve": ("pasapas.tools.serve", "preview the site; when it cannot be built, say why (here and in the browser)"),
    "lint": ("pasapas.tools.lint", "check every lesson and page of docs/ (path:line: rule: message)"),
    "links": ("pasapas.checks.links", "check every internal link and anchor of the built site"),
    "a11y": ("pasapas.checks.a11y", "check every built page with pa11y-ci (axe + htmlcs)"),
    "lesson": ("pasapas.tools.new_lesson", "start a lesson (lesson new) or a translation (lesson translate)"),
    "translations": ("pasapas.tools.translations", "translations: status, stamp"),
    "html": ("pasapas.checks.html_valid", "check every built page and the offline copy with the Nu HTML Checker (needs Java)"),
    "offline": ("pasapas.tools.offline", "make the offline copy (file://) of a built site"),
    "preview": ("pasapas.tools.preview", "the pull request's preview: the offline copy, its problems on its first page"),
    "compare-sites": ("pasapas.tools.compare_sites", "compare two built sites page for page (the generator tag aside)"),
    "bench": ("pasapas.tools.bench", "measure the build and pages beside plain Material"),
    "doctor": ("pasapas.tools.doctor", "say which system package is missing and how to install it"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {what}" for name, (_, what) in COMMANDS.items()]
    return "usage: pasapas COMMAND [options]\n\ncommands:\n" + "\n".join(lines)


def lesson_arguments(argv: list[str]) -> list[str] | None:
    """`lesson new SLUG TITLE [--parcours P]` and `lesson translate LANG SLUG`, in the
    scaffold's own options."""
    match argv:
        case ["new", *rest]:
            return rest
        case ["translate", language, *rest]:
            return [f"--translate={language}", *rest]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        print(f"pasapas: unknown command '{command}'.\n\n{usage()}", file=sys.stderr)
        return 2
    if command == "lesson":
        translated = lesson_arguments(rest)
        if translated is None:
            print(
                'usage: pasapas lesson new SLUG "TITLE" [--parcours PATH]\n       pasapas lesson translate LANGUAGE SLUG',
                file=sys.stderr,
            )
            return 2
        rest = translated
    tool: Callable[[list[str]], int] = import_module(COMMANDS[command][0]).main
    try:
        return tool(rest)
    except BrokenPipeError:  # `pasapas … | head`: the reader has read enough
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
