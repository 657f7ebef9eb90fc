"""On a pull request, each problem `make lint` finds is an annotation on the changed line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pasapas.model.problems import Problem
from pasapas.tools.lint import annotation


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
