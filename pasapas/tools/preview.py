"""`make preview` / `pasapas preview`: the site as a pull request would make it, in one
folder that opens from disk — the preview a contributor downloads from the pull request
(the `preview` job of .github/workflows/checks.yml uploads this folder as it is).

    pasapas preview [--into preview-site]

It is the offline copy (no directory addresses, search included: index.html opens with a
double click), built even when the lesson check finds errors, since a preview is never
published; its first page then lists those errors, and any warning of the build, above
the home page. When the site cannot be built at all, the folder holds one page instead:
the problems, and the end of the build's output.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from markupsafe import Markup

from pasapas.model.problems import Problem
from pasapas.project import ROOT, build_command, environment

#: Set for the preview's build: the hooks then build past the lesson check's errors.
PREVIEW_ENVIRONMENT = "PASAPAS_PREVIEW"
DEFAULT_FOLDER = "preview-site"
FIRST_PAGE = "index.html"
#: Where the list goes on the home page: at the start of its article.
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>')
#: A warning of the engine (a broken link…): a strict build would have stopped on it.
ENGINE_WARNING = re.compile(r"^WARNING +-  (?P<message>.*)$", re.MULTILINE)


def builds_past_errors() -> bool:
    """True in the preview's build: a lesson error is listed, not a reason to stop."""
    return os.environ.get(PREVIEW_ENVIRONMENT) == "1"


def lint_problems(root: Path = ROOT) -> list[Problem]:
    """What `pasapas lint` finds, errors and warnings, in its order."""
    from pasapas.build.markdown import site_markdown
    from pasapas.checks.lessons import errors, lint, rendered_problems
    from pasapas.checks.site_config import SiteConfigError

    problems = lint(root / "docs")
    already = {(p.path, p.line) for p in errors(problems)}
    try:
        rendered = [p for p in rendered_problems(root, site_markdown(root)) if (p.path, p.line) not in already]
    except SiteConfigError as error:
        rendered = error.problems
    return sorted(problems + rendered)


def build(into: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    """The offline copy of `root` into `into`, past lesson errors and engine warnings."""
    return subprocess.run(
        build_command(into, quiet=True, strict=False),
        cwd=root,
        env=environment(offline=True, extra={"PYTHONPATH": str(root), PREVIEW_ENVIRONMENT: "1"}),
        capture_output=True,
        text=True,
    )


def engine_warnings(output: str) -> list[str]:
    return list(dict.fromkeys(match["message"].strip() for match in ENGINE_WARNING.finditer(output)))


def problems_block(problems: list[Problem], warnings: list[str]) -> str:
    from pasapas.transform.partials import render

    return render(
        "preview_problems.html",
        errors=[p for p in problems if p.severity == "error"],
        remarks=[p for p in problems if p.severity != "error"],
        engine_warnings=warnings,
    )


def add_problems_to_first_page(site: Path, block: str) -> None:
    page = site / FIRST_PAGE
    html = page.read_text(encoding="utf-8")
    match = ARTICLE.search(html)
    if match is None:
        raise RuntimeError(f"{page}: no article to put the problems in: did the theme change?")
    page.write_text(html[: match.end()] + block + html[match.end() :], encoding="utf-8")


def write_failed_page(site: Path, problems: list[Problem], output: str) -> None:
    from pasapas.tools.serve import STYLE, shown_output, tail
    from pasapas.tools.serve import problems as build_problems
    from pasapas.transform.partials import render

    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    said = {f"{p.path}:{p.line}: {p.rule}" for p in problems}
    # The build's own problems that the lesson check did not already list (mkdocs.yml, a crash).
    more = [text for text in build_problems(output) if not any(text.startswith(known) for known in said)]
    page = render(
        "preview_failed.html",
        style=Markup(STYLE),  # our own constant stylesheet, not a contributor's text
        errors=[p for p in problems if p.severity == "error"],
        build_problems=more,
        output=tail(shown_output(output) or output),
    )
    (site / FIRST_PAGE).write_text(page, encoding="utf-8")


def make_preview(into: Path, root: Path = ROOT) -> tuple[bool, list[Problem]]:
    """(whether the site was built, the lesson check's problems)."""
    shutil.rmtree(into, ignore_errors=True)
    problems = lint_problems(root)
    result = build(into, root)
    output = result.stdout + result.stderr
    if result.returncode != 0 or not (into / FIRST_PAGE).is_file():
        write_failed_page(into, problems, output)
        return False, problems
    warnings = engine_warnings(output)
    if any(p.severity == "error" for p in problems) or warnings:
        add_problems_to_first_page(into, problems_block(problems, warnings))
    return True, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas preview", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--into", type=Path, default=ROOT / DEFAULT_FOLDER, help=f"the folder to write (default: {DEFAULT_FOLDER}/)"
    )
    arguments = parser.parse_args(argv)
    into = arguments.into.resolve()
    built, problems = make_preview(into)
    errors = sum(p.severity == "error" for p in problems)
    if built:
        said = f" (its first page lists {errors} error(s))" if errors else ""
        print(f"Preview: {into}/{FIRST_PAGE} opens the site from disk{said}.")
    else:
        print(f"Preview: the site could not be built; {into}/{FIRST_PAGE} says why.", file=sys.stderr)
    # The preview is made whatever the lessons hold: the lesson check says what is wrong.
    return 0


if __name__ == "__main__":
    sys.exit(main())
