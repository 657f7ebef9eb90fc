"""One build path: `pasapas build` is how every command builds, and whatever a contributor
breaks in a lesson's front matter or in mkdocs.yml ends as `path:line: rule: message`
from `make build` (languages built at once), the sequential build, `make lint` and the
preview's first build — never as a Python traceback."""

from __future__ import annotations

import ast
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_project, with_make
from hypothesis import HealthCheck, given, settings
from test_never_crash import FRONT_MATTER_DATA, RAW_FRONT_MATTER, front_matter_text

from pasapas.project import run_build

LESSON = "docs/fr/lecons/sms.md"
TRANSLATION = "docs/ar/lecons/sms.md"


def plant_in(path: str, old: str, new: str):
    def plant(project: Path) -> tuple[str, int]:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{path} no longer holds {old!r}"
        text = text.replace(old, new, 1)
        target.write_text(text, encoding="utf-8")
        marker = new.splitlines()[0] if new.strip() else old
        line = next(n for n, written in enumerate(text.splitlines(), start=1) if marker.strip() in written)
        return path.removeprefix("./"), line

    return plant


#: name -> (how to break the project, the rule the message must name[, where it is said, from the planted line])
BROKEN = {
    "a number as a field name": (plant_in(LESSON, "level:", "12: oui\nlevel:"), "front-matter-key"),
    "a null field name": (plant_in(LESSON, "level:", "~: oui\nlevel:"), "front-matter-key"),
    "a field written twice": (plant_in(LESSON, "duration:", "level: debutant\nduration:"), "front-matter-duplicate"),
    "a YAML alias": (
        plant_in(LESSON, "objectives:", "objectives: &liste\n  - x\nautres: *liste\nobjectifs:"),
        "front-matter-yaml",
    ),
    "an unclosed list in a translation": (
        plant_in(TRANSLATION, "devices: [", "devices: [ordinateur\nlevel2: ["),
        "front-matter-yaml",
    ),
    "a nav line indented too little": (
        plant_in("mkdocs.yml", "      - glossaire.md", "    - glossaire.md"),
        "config-yaml",
    ),
    "a misspelt nav path": (plant_in("mkdocs.yml", "      - aide.md", "      - aides.md"), "nav-not-found"),
    "two nav entries glued on one line": (
        plant_in("mkdocs.yml", "      - glossaire.md", "        - glossaire.md"),
        "nav-not-found",
        -1,  # YAML reads it as the end of the entry above: 'aider.md - glossaire.md'
    ),
    "a lesson listed in nav as CONTRIBUTING once asked": (
        plant_in("mkdocs.yml", "  - Communiquer: []", "  - Communiquer:\n      - lecons/sms.md"),
        "nav-lesson",
        1,  # the lesson's line, under the path's title
    ),
    "a setting of the wrong type": (
        plant_in("mkdocs.yml", "use_directory_urls: true", "use_directory_urls: peut-être"),
        "config-invalid",
    ),
}


@pytest.fixture
def broken(request, tmp_path):
    """A copy of the project, broken as the case says: (project, path:line expected, rule)."""
    plant, rule, *offset = BROKEN[request.param]
    (tmp_path / "project").mkdir()
    project = with_make(copy_project(tmp_path / "project"))
    path, line = plant(project)
    return project, path, line + sum(offset), rule


def assert_said_plainly(result: subprocess.CompletedProcess, path: str, line: int, rule: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-4000:]
    found = re.findall(rf"^(?:ERROR +-  )?({re.escape(path)}:(\d+): {rule}: .+)$", output, re.MULTILINE)
    assert found, output[-3000:]
    if rule not in ("front-matter-yaml", "config-yaml"):  # YAML says where it noticed
        assert {int(number) for _, number in found} == {line}, found
    else:
        assert all(abs(int(number) - line) <= 1 for _, number in found), (found, line)


COMMANDS = {
    "make build": ["make", "--no-print-directory", "build"],
    "pasapas build --sequential": [sys.executable, "-m", "pasapas", "build", "--sequential", "--site-dir", "out"],
    "make lint": ["make", "--no-print-directory", "lint"],
}


@pytest.mark.slow
@pytest.mark.parametrize("broken", sorted(BROKEN), indirect=True)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_broken_lesson_or_configuration_is_said_at_its_line_never_as_a_traceback(broken, command):
    project, path, line, rule = broken
    env = {**os.environ, "PYTHONPATH": str(project), "SITE_URL": "https://pasapas.example/"}
    result = subprocess.run(COMMANDS[command], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert_said_plainly(result, path, line, rule)
    assert not (project / "site").exists(), "a failed build leaves no site/ that looks publishable"


@pytest.mark.slow
@pytest.mark.parametrize("broken", ["a number as a field name", "a nav line indented too little"], indirect=True)
def test_the_previews_first_build_says_it_at_its_line_never_as_a_traceback(broken, tmp_path):
    project, path, line, rule = broken
    log = tmp_path / "serve.log"
    with socket_port() as port, log.open("w", encoding="utf-8") as output:
        preview = subprocess.Popen(
            [sys.executable, "-m", "pasapas", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(project)},
            stdout=output,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and f"{path}:" not in log.read_text(encoding="utf-8"):
                time.sleep(0.5)
        finally:
            os.killpg(preview.pid, signal.SIGINT)  # the preview and what it started, as Ctrl+C
            try:
                preview.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(preview.pid, signal.SIGKILL)
                preview.wait()
    printed = log.read_text(encoding="utf-8")
    assert_said_plainly(subprocess.CompletedProcess([], 1, printed, ""), path, line, rule)


class socket_port:
    """A free port on 127.0.0.1 (closed again before the preview takes it)."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]

    def __exit__(self, *exc) -> None:
        return None


# --- One place starts the engine ----------------------------------------------------------

#: Where the engine may be started: the one build, and the live preview (`mkdocs serve`,
#: whose first build is checked by `pasapas build` when it fails).
ENGINE_STARTERS = {"pasapas/build/site.py", "pasapas/tools/serve.py"}


def engine_starts(path: Path) -> list[int]:
    """Lines that run the engine: `-m mkdocs` / `-m properdocs` in a command, or its
    `commands.build` / `config.load_config`."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and re.fullmatch(r"(mkdocs|properdocs)\.(commands\.build|config)", node.module)
        ):
            found.append(node.lineno)
        if isinstance(node, ast.List):
            words = [element.value for element in node.elts if isinstance(element, ast.Constant)]
            if any(tuple(words[i : i + 2]) in (("-m", "mkdocs"), ("-m", "properdocs")) for i in range(len(words))):
                found.append(node.lineno)
    return found


def test_the_engine_is_started_from_one_module():
    starts = {
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("pasapas", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in ENGINE_STARTERS
        for line in engine_starts(path)
    }
    assert starts == set()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert not re.search(r"-m (mkdocs|properdocs) build", makefile)
    assert makefile.count("$(PASAPAS) build") >= 3  # build, and both sides of second-engine


def test_the_rule_finds_an_engine_started_elsewhere(tmp_path):
    planted = tmp_path / "x.py"
    planted.write_text('import subprocess, sys\nsubprocess.run([sys.executable, "-m", "mkdocs", "build"])\n', encoding="utf-8")
    assert engine_starts(planted) == [2]


# --- Whole builds, never a traceback, whatever the front matter -----------------------------

#: The same lesson in every language gets the same arbitrary front matter.
PLANTED_LESSON = "lecons/sms.md"
WHOLE_BUILDS = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,  # the same few examples at every run: a failure can be replayed
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("never-crash")
    copy_project(project)
    originals = {language: (project / "docs" / language / PLANTED_LESSON) for language in ("fr", "ar", "en")}
    return project, {language: path.read_text(encoding="utf-8") for language, path in originals.items()}


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["parallel", "sequential"])
@WHOLE_BUILDS
@given(front=RAW_FRONT_MATTER | FRONT_MATTER_DATA.map(front_matter_text))
def test_a_build_never_ends_in_a_traceback_whatever_the_front_matter(fixture_site, mode, front):
    project, originals = fixture_site
    for language, text in originals.items():
        (project / "docs" / language / PLANTED_LESSON).write_text(f"---\n{front}\n---\n{body_of(text)}", encoding="utf-8")
    result = build(project, project / f"site-{mode}", PASAPAS_PARALLEL="1" if mode == "parallel" else "0")
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "unexpected error" not in output, output[-3000:]
    if result.returncode != 0:
        assert re.search(r"^(?:ERROR +-  )?docs/\S+:\d+: [\w-]+: ", output, re.M), output[-3000:]


# --- The second engine (the exit plan from MkDocs 1.x, MAINTAINING.md) ----------------------


@pytest.mark.slow
def test_the_second_engine_builds_the_same_site_through_pasapas_build(tmp_path):
    """`make second-engine` once failed in CI: ProperDocs, started in-process, refused
    Material's plugins (subclasses of MkDocs' BasePlugin) until mkdocs.* was aliased."""
    from pasapas.tools.compare_sites import compare_sites

    sites = {}
    for engine in ("mkdocs", "properdocs"):
        sites[engine] = tmp_path / engine
        result = run_build(sites[engine], engine=engine, quiet=True, env={"SOURCE_DATE_EPOCH": "1767225600"}, capture=True)
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
    assert "ProperDocs" in (sites["properdocs"] / "index.html").read_text(encoding="utf-8")
    assert compare_sites(sites["mkdocs"], sites["properdocs"]) == []
