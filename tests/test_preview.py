"""The preview of a pull request (`make preview`, uploaded by the `preview` job): one folder
that opens from disk, built whenever the site can be built, its first page listing the
problems when the lesson check fails; one page saying why when it cannot be built."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from pasapas.tools.preview import FIRST_PAGE, make_preview

pytestmark = pytest.mark.slow

ALT = "![Un écran d'ordinateur avec un virus barré, et un bouclier vert coché à côté.]"


def first_page(folder) -> BeautifulSoup:
    return BeautifulSoup((folder / FIRST_PAGE).read_text(encoding="utf-8"), "html.parser")


def test_a_preview_with_a_lesson_error_is_built_and_its_first_page_lists_the_error(project_copy, tmp_path):
    project = project_copy("preview-error")
    lesson = project / "docs/fr/lecons/antivirus.md"
    text = lesson.read_text(encoding="utf-8")
    assert ALT in text
    lesson.write_text(text.replace(ALT, "![]"), encoding="utf-8")
    line = next(n for n, row in enumerate(lesson.read_text(encoding="utf-8").splitlines(), 1) if "![]" in row)

    built, problems = make_preview(tmp_path / "preview", project)

    assert built
    # The offline copy: a page per file, the lesson with the error included.
    assert (tmp_path / "preview/lecons/antivirus.html").is_file()
    block = first_page(tmp_path / "preview").select_one(".pap-preview-problems")
    assert block is not None and block.find_parent("article") is not None
    assert block.select_one(".admonition-title").get_text(strip=True).startswith("Aperçu : 1 erreur à corriger")
    (item,) = block.select("ol > li")
    assert item.code.get_text() == f"docs/fr/lecons/antivirus.md:{line}"
    assert "image-alt" in item.get_text()
    assert [p.rule for p in problems if p.severity == "error"] == ["image-alt"]


def test_a_preview_of_a_clean_site_is_the_offline_copy_with_nothing_added(tmp_path):
    built, problems = make_preview(tmp_path / "preview", ROOT)
    assert built and not [p for p in problems if p.severity == "error"]
    page = first_page(tmp_path / "preview")
    assert page.select_one(".pap-preview-problems") is None
    assert page.html["lang"] == "fr" and (tmp_path / "preview/ar/index.html").is_file()
    assert not list((tmp_path / "preview").rglob("*.zip")), "one folder: no zip inside the artifact's zip"


def test_a_preview_that_cannot_be_built_is_one_page_that_says_why(project_copy, tmp_path):
    project = project_copy("preview-broken")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("nav:\n", "nav:\n  - [\n", 1), encoding="utf-8")

    built, _ = make_preview(tmp_path / "preview", project)

    assert not built
    assert [path.name for path in (tmp_path / "preview").iterdir()] == [FIRST_PAGE]
    page = first_page(tmp_path / "preview")
    assert page.h1.get_text() == "L'aperçu n'a pas pu être construit"
    assert any(item.get_text().startswith("mkdocs.yml:") for item in page.select("ol > li")), page.select("ol > li")
    assert page.select("script") == [], "opened from disk: nothing to run"
