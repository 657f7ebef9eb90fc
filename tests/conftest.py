"""Build sites once per test session: the real portal, and small variations of it
(a French-only page, a fourth language) built from a copy in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from sitepages import BuiltSite, configured_languages

from pasapas.model.interface import read_interface
from pasapas.model.languages import configured_languages as configured
from pasapas.model.lesson import lessons_in, split_front_matter, translation_pending
from pasapas.project import run_build

# The tests read the checks' messages in English, whatever the contributors' default
# (French): tests/test_messages.py checks the French, and that both say the same things.
os.environ.setdefault("PASAPAS_MESSAGES", "en")

ROOT = Path(__file__).resolve().parent.parent
#: The languages of the site, from mkdocs.yml: tests never list them (a fifth language
#: needs no test edited).
LANGUAGES = tuple(configured(ROOT))
SOURCE_LANGUAGE, TRANSLATIONS = LANGUAGES[0], LANGUAGES[1:]
#: The languages that have lessons: a new language starts with its home page and its
#: interface words only (docs/<code>/index.md and _interface.yml); its other addresses
#: show a notice that links to the French until someone translates them.
WITH_LESSONS = tuple(language for language in LANGUAGES if lessons_in(ROOT / "docs", language))


def languages_with(page: str) -> tuple[str, ...]:
    """The languages in which docs/<language>/<page> is written ('aide.md',
    'lecons/sms.md'): not a placeholder waiting for its translation."""
    written = []
    for language in LANGUAGES:
        path = ROOT / "docs" / language / page
        if path.is_file() and not (
            path.suffix == ".md" and translation_pending(split_front_matter(path.read_text(encoding="utf-8"))[0])
        ):
            written.append(language)
    return tuple(written)


#: A language the tests add to a copy of the project: the first of these that the site
#: does not have yet (so that they pass with a fourth language configured too).
NEW_LANGUAGE = next(code for code in ("es", "de", "it", "pt", "nl") if code not in LANGUAGES)


def prefix(language: str) -> str:
    """Where a language's pages are: '' for the source language, 'ar/' for Arabic."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


def ui(language: str) -> dict[str, str]:
    """A language's interface words (docs/<language>/_interface.yml)."""
    return read_interface(ROOT / "docs", language)


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "pasapas", "CONTRIBUTING.md", "LICENSE", "LICENSE-CONTENT")


#: The published address the tests build for (QR codes and the sitemap need one).
SITE_URL = "https://pasapas.example/"


def build(project_dir: Path, site_dir: Path, site_url: str = SITE_URL, **environment: str) -> subprocess.CompletedProcess:
    """`pasapas build`, as `make build` runs it for publication."""
    return run_build(site_dir, project_dir, env={"SITE_URL": site_url, **environment}, capture=True)


def add_language_entry(project_dir: Path, entry: str) -> None:
    """Append one entry to plugins > i18n > languages in the copied mkdocs.yml.

    The entry is inserted as text, just as a contributor would paste it, above the line
    that marks the end of the languages list.
    """
    config = project_dir / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "\n        # New languages go above this line"
    assert marker in text, "mkdocs.yml: the languages list must end with the 'New languages go above this line' comment"
    config.write_text(text.replace(marker, "\n" + entry.rstrip() + "\n" + marker, 1), encoding="utf-8")


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    if (ROOT / "node_modules").is_dir():  # the offline copy's search shim
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def with_make(project_dir: Path) -> Path:
    """A project copy where `make` runs without installing anything again: the Makefile and
    the pinned lists with their dates, and the installed .venv and node_modules."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, project_dir / name)
    for ready in (".venv", "node_modules"):
        # Without the marker, make in the copy would install again through the link, and
        # `npm ci` would first empty the real node_modules.
        if not (ROOT / ready / ".installed").exists():
            raise RuntimeError(f"{ready}/.installed is missing: run 'make {ready}/.installed' before these tests")
        if not (project_dir / ready).exists():
            (project_dir / ready).symlink_to(ROOT / ready)
    # Older than the markers, whatever the checkout's dates: make in the copy must never
    # install through the link (an editable install would then point the shared .venv's
    # pasapas at this temporary copy, and `make bench` would fail once it is deleted).
    marker = min((ROOT / ready / ".installed").stat().st_mtime for ready in (".venv", "node_modules"))
    for name in ("requirements.txt", "pyproject.toml", "package.json", "package-lock.json"):
        os.utime(project_dir / name, (marker - 60, marker - 60))
    return project_dir


def build_or_fail(project_dir: Path, site_dir: Path) -> BuiltSite:
    result = build(project_dir, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return BuiltSite(site_dir, configured_languages(project_dir / "mkdocs.yml"))


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory) -> Path:
    """The offline copy as a learner gets it: the zip of `make build`, unzipped."""
    from pasapas.tools import offline

    site = offline.build_offline(ROOT, tmp_path_factory.mktemp("offline-site"))
    archive = offline.zip_site(site, tmp_path_factory.mktemp("zip") / offline.ZIP_NAME)
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(unzipped)
    return unzipped / "pas-a-pas"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real portal, built from the working tree."""
    return build_or_fail(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory):
    """A function that copies the project into a fresh folder for a variation to edit."""

    def make(name: str) -> Path:
        return copy_project(tmp_path_factory.mktemp(name))

    return make


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (never a downloaded browser)."""
    from pasapas.testing.browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def base_url(site):
    """The real portal served on 127.0.0.1."""
    from pasapas.testing.local_server import serve

    with serve(site.dir) as url:
        yield url


#: Fixtures that build a whole site or start a browser.
SLOW_FIXTURES = {"site", "base_url", "browser", "project_copy", "offline_copy"}


def pytest_collection_modifyitems(items):
    """`make check` runs what needs no whole-site build and no browser (-m "not slow")."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
