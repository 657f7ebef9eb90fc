"""What `make lint` says on a pull request (GitHub Actions, GITHUB_ACTIONS=true), so that a
contributor sees their own remarks first:

- the annotations of the files the pull request changes come first: GitHub shows only the
  first ten of each kind per step, and a remark on an Arabic page nobody touched must not
  hide the one on the contributor's own line;
- every problem is also written to the job's summary (the file GITHUB_STEP_SUMMARY names),
  the contributor's files first, each with its hint.

The changed files are those between the pull request and the merge base with its target
branch (GITHUB_BASE_REF), read from git (the lint job fetches the history). Without a
target branch, or without git, every file counts alike, as before.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pasapas.model import messages
from pasapas.model.problems import Problem


def git(root: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def changed_files(root: Path, environ) -> set[str] | None:
    """The files (paths from the project's root) the pull request changes, committed or not;
    None when they cannot be known."""
    target = environ.get("GITHUB_BASE_REF")
    if not target:
        return None
    base = next((found.strip() for ref in (f"origin/{target}", target) if (found := git(root, "merge-base", ref, "HEAD"))), None)
    if base is None:
        return None
    changed = git(root, "diff", "--name-only", "--no-renames", base)
    untracked = git(root, "ls-files", "--others", "--exclude-standard")
    if changed is None:
        return None
    return {line for line in (changed + (untracked or "")).splitlines() if line}


def in_review_order(problems: list[Problem], changed: set[str] | None) -> list[Problem]:
    """The problems of the changed files first, each group in its usual order."""
    if not changed:
        return list(problems)
    return sorted(problems, key=lambda problem: problem.path not in changed)


def markdown_text(text: str) -> str:
    """Plain text in Markdown: shown as written (a hint's '**Vous voyez :**' keeps its stars)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for sign in "\\`*_[]|~":
        text = text.replace(sign, "\\" + sign)
    return " ".join(text.split())


def summary(problems: list[Problem], changed: set[str] | None) -> str:
    """Every problem, in Markdown: those of the changed files under their own heading first."""
    words = messages.WORDS[messages.language()]
    errors = sum(problem.severity == "error" for problem in problems)
    lines = [f"## {words['title']}: {words['counts_short'].format(errors=errors, warnings=len(problems) - errors)}", ""]
    if not problems:
        return "\n".join([*lines, words["none_short"], ""])
    groups = [(None, problems)]
    if changed:
        mine = [problem for problem in problems if problem.path in changed]
        groups = [(words["changed"], mine), (words["others"], [problem for problem in problems if problem.path not in changed])]
    for title, group in groups:
        if not group:
            continue
        if title:
            lines += [f"### {title}", ""]
        for problem in group:
            where = markdown_text(f"{problem.path}:{problem.line}")
            lines.append(
                f"- **{words[problem.severity]}** {where} {markdown_text(problem.rule)}: {markdown_text(problem.message)}  \n"
                f"  {markdown_text(problem.hint)}"
            )
        lines.append("")
    return "\n".join(lines)


def write_summary(environ, problems: list[Problem], changed: set[str] | None) -> None:
    """Add the summary to the job's page, when GitHub gives a file for it."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(summary(in_review_order(problems, changed), changed))
