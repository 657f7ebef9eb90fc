"""On a pull request, each problem `make lint` finds is an annotation on the changed line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pasapas.model.problems import Problem
from pasapas.tools.lint import annotation
from pasapas.tools.pull_request import changed_files, in_review_order, summary


def test_a_problem_becomes_an_error_annotation_on_its_line_with_its_hint():
    problem = Problem("docs/fr/lecons/sms.md", 12, "step-result", "step 2 does not say what to see", "End the step…")
    assert annotation(problem) == (
        "::error file=docs/fr/lecons/sms.md,line=12::step-result: step 2 does not say what to see%0AEnd the step…"
    )


def test_a_warning_is_a_warning_annotation_and_special_characters_are_escaped():
    problem = Problem("docs/ar/lecons/a,b.md", 3, "translation-todo", "100% not translated", "Run: x", "warning")
    assert (
        annotation(problem) == "::warning file=docs/ar/lecons/a%2Cb.md,line=3::translation-todo: 100%25 not translated%0ARun: x"
    )


@pytest.mark.slow
def test_make_lint_on_a_pull_request_annotates_three_planted_mistakes(project_copy):
    project = project_copy("annotations")
    lesson = project / "docs/fr/lecons/sms.md"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("{#etape-2}", "", 1)  # a step heading without its id
    text = text.replace("\n{: .voir }\n", "\n", 1)  # step 1 no longer says what the learner sees
    text = text.replace("](https://", "](http://", 1)  # a link that is not https
    lesson.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pasapas", "lint", "--lang", "fr"],
        cwd=project,
        env={**os.environ, "GITHUB_ACTIONS": "true", "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
    )
    print(result.stdout)  # the closing note quotes it
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert result.returncode == 1
    errors = [line for line in annotations if line.startswith("::error file=docs/fr/lecons/sms.md,line=")]
    assert {line.split("::")[2].split(":")[0] for line in errors} == {"step-id-missing", "step-result", "link-scheme"}, errors


# --- What reaches the contributor: their own files first, and every problem in the summary ---------

ARABIC = Problem("docs/ar/lecons/sms.md", 7, "url-bare", "the address https://x.fr is plain text", "Make it a link.")
FRENCH = Problem("docs/fr/lecons/sms.md", 12, "step-result", "step 2 does not say", "End it with '**Vous voyez :** ...'.")
WARNING = Problem("docs/fr/lecons/sms.md", 30, "screen-words-unmarked", "'Envoyer' <b>", "Bold it: **Envoyer**.", "warning")


def test_the_files_a_pull_request_changes_are_annotated_first():
    assert in_review_order([ARABIC, FRENCH, WARNING], {"docs/fr/lecons/sms.md"}) == [FRENCH, WARNING, ARABIC]
    assert in_review_order([ARABIC, FRENCH], None) == [ARABIC, FRENCH]


def test_without_a_target_branch_the_changed_files_are_unknown(tmp_path):
    assert changed_files(tmp_path, {}) is None
    assert changed_files(tmp_path, {"GITHUB_BASE_REF": "main"}) is None  # not a git checkout


def test_the_summary_lists_every_problem_the_contributors_files_first_as_written():
    assert summary(in_review_order([ARABIC, FRENCH, WARNING], {"docs/fr/lecons/sms.md"}), {"docs/fr/lecons/sms.md"}) == (
        "## Lesson check: 2 error(s), 1 warning(s)\n"
        "\n"
        "### In the files of this pull request\n"
        "\n"
        "- **error** docs/fr/lecons/sms.md:12 step-result: step 2 does not say  \n"
        "  End it with '\\*\\*Vous voyez :\\*\\* ...'.\n"
        "- **warning** docs/fr/lecons/sms.md:30 screen-words-unmarked: 'Envoyer' &lt;b&gt;  \n"
        "  Bold it: \\*\\*Envoyer\\*\\*.\n"
        "\n"
        "### In other files\n"
        "\n"
        "- **error** docs/ar/lecons/sms.md:7 url-bare: the address https://x.fr is plain text  \n"
        "  Make it a link.\n"
    )
    assert summary([], None) == "## Lesson check: 0 error(s), 0 warning(s)\n\nNo problem found.\n"


@pytest.mark.slow
def test_on_a_pull_request_the_contributors_remark_comes_first_and_every_problem_is_in_the_summary(tmp_path):
    from conftest import copy_project, with_make

    (tmp_path / "project").mkdir()
    project = with_make(copy_project(tmp_path / "project"))

    def git(*arguments):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
            cwd=project,
            check=True,
            capture_output=True,
        )

    def plant(path, old, new):
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    # Already on the target branch, in an Arabic page nobody touches: an address as text.
    plant("docs/ar/lecons/sms.md", "\n## ", "\nhttps://www.service-public.fr/\n\n## ")
    git("init", "-q", "-b", "main")
    git("add", "docs", "mkdocs.yml")
    git("commit", "-q", "-m", "main")
    git("checkout", "-q", "-b", "contribution")
    plant("docs/fr/lecons/sms.md", "\n{: .voir }\n", "\n")  # step 1 no longer says what the learner sees
    git("commit", "-q", "-am", "contribution")
    summary_file = tmp_path / "summary.md"
    result = subprocess.run(
        ["make", "--no-print-directory", "lint"],
        cwd=project,
        env={
            **os.environ,
            "GITHUB_ACTIONS": "true",
            "GITHUB_BASE_REF": "main",
            "GITHUB_STEP_SUMMARY": str(summary_file),
            "PYTHONPATH": str(project),
        },
        capture_output=True,
        text=True,
    )
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=docs/fr/lecons/sms.md,"), annotations
    assert any(line.startswith("::error file=docs/ar/lecons/sms.md,") for line in annotations[1:]), annotations
    written = summary_file.read_text(encoding="utf-8")
    mine, others = written.split("### In other files")
    assert "### In the files of this pull request" in mine and "docs/fr/lecons/sms.md" in mine and "step-result" in mine
    assert "docs/ar/lecons/sms.md" in others and "url-bare" in others
    assert written.count("\n- **") == len(annotations), "every problem, once"
