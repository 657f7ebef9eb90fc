"""`make lint` / `pasapas lint`: every lesson and page of docs/, checked as the build would.

Prints ``path:line: rule-id: message`` and a hint for each problem; exits 1 when there is
an error. In a GitHub Actions job (GITHUB_ACTIONS=true) it also prints each problem as an
annotation, so that the contributor sees it on the changed line of the pull request (the
files the pull request changes first), and lists every problem in the job's summary
(pasapas/tools/pull_request.py).
"""

from __future__ import annotations

import argparse
import os
import sys

from pasapas.build.markdown import site_markdown
from pasapas.checks.lessons import errors, lint, rendered_problems, report
from pasapas.checks.site_config import SiteConfigError
from pasapas.model import messages
from pasapas.model.lesson import language_folders
from pasapas.model.problems import Problem
from pasapas.project import DOCS, ROOT
from pasapas.tools import pull_request


def annotation(problem: Problem) -> str:
    """One GitHub workflow command; its message may not hold a raw newline or '%'."""
    level = "error" if problem.severity == "error" else "warning"
    text = f"{problem.rule}: {problem.message}\n{problem.hint}"
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{level} file={path},line={problem.line}::{text}"


def in_language(problem: Problem, language: str) -> bool:
    return problem.path.startswith(f"docs/{language}/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas lint", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", metavar="LANGUAGE", help="only the pages of this language (e.g. fr)")
    parser.add_argument("--errors-only", action="store_true", help="leave warnings out")
    parser.add_argument(
        "--messages",
        choices=messages.LANGUAGES,
        help=f"the language of the messages (default: {messages.ENVIRONMENT} or {messages.DEFAULT_LANGUAGE})",
    )
    arguments = parser.parse_args(argv)
    if arguments.messages:
        os.environ[messages.ENVIRONMENT] = arguments.messages
    languages = language_folders(DOCS)
    if arguments.lang is not None and arguments.lang not in languages:
        print(f"pasapas lint: no language '{arguments.lang}' in docs/ (there are: {', '.join(languages)}).", file=sys.stderr)
        return 2

    problems = lint(DOCS)
    already = {(p.path, p.line) for p in errors(problems)}
    try:
        # The pages rendered as the build renders them: with mkdocs.yml's Markdown settings.
        rendered = [p for p in rendered_problems(ROOT, site_markdown(ROOT)) if (p.path, p.line) not in already]
    except SiteConfigError as error:
        rendered = error.problems
    problems = sorted(problems + rendered)
    if arguments.lang:
        problems = [p for p in problems if in_language(p, arguments.lang)]
    if arguments.errors_only:
        problems = errors(problems)
    print(report(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        changed = pull_request.changed_files(ROOT, os.environ)
        for problem in pull_request.in_review_order(problems, changed):
            print(annotation(problem))
        pull_request.write_summary(os.environ, problems, changed)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
