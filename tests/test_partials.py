"""The HTML fragments the build adds to pages are Jinja partials (pasapas/transform/partials/):
every value is escaped, a missing value stops the build, line breaks in a partial are
layout only, and every partial is used by the code."""

from __future__ import annotations

import ast
import tomllib
import traceback

import jinja2
import pytest
from conftest import ROOT
from markupsafe import Markup

from pasapas.model import practice
from pasapas.model.problems import Problem
from pasapas.transform import partials

HOSTILE = "<script>alert('x & \"y\"')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;x &amp; &quot;y&quot;&#x27;)&lt;/script&gt;"


class HostileUi(dict):
    """Every interface word a partial asks for, as text a contributor could have written."""

    def __missing__(self, key):
        return f"{key} {HOSTILE}"


UI = HostileUi()
#: Values for each partial, with text from contributors' files wherever the shape allows.
SAMPLES = {
    "catalogue.html": {"paths": [{"title": HOSTILE, "rows": Markup("<li>row</li>")}] * 2, "ui": UI},
    "catalogue_row.html": {"url": HOSTILE, "title": HOSTILE, "lesson": {"key": HOSTILE, "level": HOSTILE, "duration": HOSTILE}},
    "edit_link.html": {"edit_url": HOSTILE, "ui": UI},
    "foreign_words.html": {"words": HOSTILE, "lang": HOSTILE},
    "help_places.html": {
        "places": [
            {
                "id": HOSTILE,
                "name": HOSTILE,
                "what": HOSTILE,
                "how": HOSTILE,
                "phone": Markup('<a href="tel:3230">3230</a>'),
                "link": HOSTILE,
                "checked": HOSTILE,
            }
        ],
        "ui": UI,
    },
    "link.html": {"url": HOSTILE, "text": HOSTILE},
    "live_check_line.html": {"text": HOSTILE, "fresh": False},
    "practice.html": {
        "practice": practice.Practice(
            HOSTILE,
            HOSTILE,
            HOSTILE,
            HOSTILE,
            (
                practice.Screen(
                    HOSTILE,
                    HOSTILE,
                    HOSTILE,
                    HOSTILE,
                    HOSTILE,
                    (practice.Message(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE),),
                    (
                        practice.Field(HOSTILE, "choice", HOSTILE, HOSTILE, options=(practice.Option(HOSTILE, HOSTILE, True),)),
                        practice.Field(HOSTILE, "attachment", HOSTILE, folder=HOSTILE, files=(HOSTILE,), open=HOSTILE),
                        practice.Field(HOSTILE, "text", HOSTILE, numeric=True),
                    ),
                ),
            ),
        ),
        "ui": UI,
        "prefix": HOSTILE,
        "said": lambda text: text,
        "mistakes": lambda item: HOSTILE,
    },
    "phone_link.html": {"international": HOSTILE, "number": HOSTILE},
    "prerequisites_line.html": {"links": HOSTILE, "ui": UI},
    "qr_block.html": {"svg": Markup("<svg></svg>"), "address": HOSTILE, "ui": UI},
    "source_page_link.html": {"url": HOSTILE, "language": HOSTILE, "title": HOSTILE},
    "sources_block.html": {
        "sources": [
            {"anchor": HOSTILE, "url": HOSTILE, "shown": HOSTILE, "supports": HOSTILE, "consulted": HOSTILE, "steps": HOSTILE}
        ],
        "ui": UI,
    },
    "step_tools.html": {"step_id": HOSTILE, "ui": UI, "report_url": HOSTILE, "sources": [{"anchor": HOSTILE, "shown": HOSTILE}]},
    "summary_line.html": {"parts": [(HOSTILE, HOSTILE)], "stale": True, "ui": UI},
    "toolbar.html": {"lesson_key": HOSTILE, "ui": UI},
    "translation_line.html": {
        "state": HOSTILE,
        "aligned": HOSTILE,
        "outdated": True,
        "changed_steps": HOSTILE,
        "source_url": HOSTILE,
        "source": HOSTILE,
        "ui": UI,
    },
    "translation_table.html": {
        "lesson_label": HOSTILE,
        "language_names": [HOSTILE],
        "version_label": HOSTILE,
        "rows": [{"name": HOSTILE, "url": HOSTILE, "cells": [(HOSTILE, HOSTILE, HOSTILE)], "version": HOSTILE}],
    },
    "changed_part.html": {"text": HOSTILE, "link": HOSTILE, "url": HOSTILE, "source": HOSTILE},
    "mediation_line.html": {"parts": [HOSTILE, HOSTILE], "ui": UI},
    "self_check_item.html": {"key": HOSTILE, "id": HOSTILE, "text": HOSTILE, "url": HOSTILE, "title": HOSTILE, "ui": UI},
    "self_check_result.html": {"lessons": [{"key": HOSTILE, "url": HOSTILE, "title": HOSTILE}], "ui": UI},
    "contact.html": {"forge": HOSTILE, "forge_shown": HOSTILE, "email": HOSTILE, "ui": UI},
    "preview_problems.html": {
        "errors": [Problem(HOSTILE, 1, HOSTILE, HOSTILE, HOSTILE)],
        "remarks": [Problem(HOSTILE, 1, HOSTILE, HOSTILE, HOSTILE, "warning")],
        "engine_warnings": [HOSTILE],
    },
    "preview_failed.html": {
        "style": "body { color: #000; }",
        "errors": [Problem(HOSTILE, 1, HOSTILE, HOSTILE, HOSTILE)],
        "build_problems": [HOSTILE],
        "output": HOSTILE,
    },
}


def test_every_partial_has_sample_values():
    assert sorted(SAMPLES) == partials.names()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_partial_escapes_every_value(name):
    html = partials.render(name, **SAMPLES[name])
    assert "<script" not in html
    assert ESCAPED in html
    assert type(html) is str  # Markup would escape the page it is added to


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_partial_stops_on_a_missing_value(name):
    for missing in SAMPLES[name]:
        values = {key: value for key, value in SAMPLES[name].items() if key != missing}
        with pytest.raises(jinja2.UndefinedError):
            partials.render(name, **values)


def test_a_missing_interface_word_stops_the_build():
    with pytest.raises(jinja2.UndefinedError, match="edit_page"):
        partials.render("edit_link.html", edit_url="https://example.org/", ui={})


def test_html_given_as_markup_is_kept_as_it_is():
    html = partials.render("qr_block.html", svg=Markup('<svg role="img"></svg>'), address="a.example", ui=UI)
    assert '<svg role="img"></svg>' in html


def test_line_breaks_and_indentation_in_a_partial_are_not_output():
    template = partials.environment().from_string(
        '<ul>\n  {% for x in xs %}\n    <li>{{ x }} {{ "\\n" }}</li>\n  {% endfor %}\n</ul>\n'
    )
    assert template.render(xs=["a", "b"]) == "<ul><li>a \n</li><li>b \n</li></ul>"


def test_an_error_names_the_line_of_the_partial():
    template = partials.environment().from_string("<p>\n  {{ a }}\n</p>\n<p>\n  {{ missing }}\n</p>")
    with pytest.raises(jinja2.UndefinedError) as error:
        template.render(a="x")
    frames = [frame for frame in traceback.extract_tb(error.value.__traceback__) if frame.filename == "<template>"]
    assert frames[-1].lineno == 5


def test_partials_are_compiled_once():
    assert partials.environment() is partials.environment()
    assert partials.template("edit_link.html") is partials.template("edit_link.html")


def partials_named_in_code() -> dict[str, list[str]]:
    """Each partial the package's code renders: render("name.html", …) -> where."""
    named: dict[str, list[str]] = {}
    for path in sorted((ROOT / "pasapas").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            first = node.args[0]
            if function == "render" and isinstance(first, ast.Constant) and str(first.value).endswith(".html"):
                named.setdefault(first.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return named


def test_every_partial_is_used_and_every_partial_used_exists():
    named = partials_named_in_code()
    assert sorted(named) == partials.names()


def test_the_partials_are_installed_with_the_package():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "*.html" in package_data["*"]
