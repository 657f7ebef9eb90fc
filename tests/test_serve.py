"""`make serve` with a build error: the problems are printed last and plainly, and the
address serves a page that lists them until the build passes again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

from pasapas.tools.serve import (
    RELOAD_EPOCH,
    build_check,
    error_page,
    main,
    problem_lines,
    problems,
    report_block,
    serve_error_until_fixed,
    shown_output,
)

#: A failed build's output as `mkdocs build --strict` prints it (trimmed): progress, two
#: lesson warnings with their hints, then the error the lesson check raised.
FAILED_BUILD = """\
INFO    -  mkdocs_static_i18n: Building 'fr' documentation to directory: /tmp/site
INFO    -  Cleaning site directory
INFO    -  pasapas: docs/ar/lecons/sms.md:49: translation-outdated (warning): the French lesson has changed
    hint: Carry the French changes over, then run: .venv/bin/pasapas translations stamp docs/ar/lecons/sms.md
ERROR   -\x20\x20
docs/fr/lecons/sms.md:2: field-type: 'title' must be a sentence of text
    hint: Write it after 'title: ' on the same line.
docs/fr/a-propos.md:32: html-not-allowed: <script> is not allowed in a page
    hint: Pages are Markdown: remove the tag.
Lesson check: 2 error(s), 0 warning(s).
Run 'make lint' to see every problem.

Aborted with a BuildError!
"""

BROKEN_LINK = """\
INFO    -  Building documentation to directory: /tmp/site
WARNING -  Doc file 'fr/a-propos.md' contains a link 'nulle-part.md', but the target 'fr/nulle-part.md' is not found among documentation files.
INFO    -  mkdocs_static_i18n: Translated 6 navigation elements to 'en'

Aborted with 1 warnings in strict mode!
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, dict[str, str], str]:
    """(status, headers, body) of a GET; 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, dict(answer.headers), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")
    except OSError:
        return 0, {}, ""


def wait_for(predicate, seconds: float, every: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(every)
    return predicate()


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# --- Reading the build's output -------------------------------------------------------------


def test_problem_lines_are_the_errors_with_their_hints_and_nothing_else():
    assert problem_lines(FAILED_BUILD) == [
        "docs/fr/lecons/sms.md:2: field-type: 'title' must be a sentence of text\n    hint: Write it after 'title: ' on the same line.",
        "docs/fr/a-propos.md:32: html-not-allowed: <script> is not allowed in a page\n    hint: Pages are Markdown: remove the tag.",
    ]


def test_the_output_shown_leaves_the_progress_out():
    shown = shown_output(FAILED_BUILD)
    assert "INFO" not in shown and "translation-outdated" not in shown and "Carry the French" not in shown
    assert shown.endswith("Run 'make lint' to see every problem.\n\nAborted with a BuildError!")


def test_without_path_line_problems_the_warnings_of_mkdocs_are_the_problems():
    assert problems(BROKEN_LINK) == [
        "Doc file 'fr/a-propos.md' contains a link 'nulle-part.md', but the target 'fr/nulle-part.md' is not found among documentation files."
    ]
    assert problems("Traceback (most recent call last):\n  ...\nSyntaxError: invalid syntax\n") == ["SyntaxError: invalid syntax"]


def test_the_block_printed_last_ends_with_the_problems():
    block = report_block(problem_lines(FAILED_BUILD), "http://127.0.0.1:8000/")
    assert "The preview cannot be built" in block and "http://127.0.0.1:8000/" in block
    assert block.splitlines()[-1] == "    hint: Pages are Markdown: remove the tag."


# --- The page ---------------------------------------------------------------------------------


def test_the_error_page_shows_html_in_a_message_as_text():
    page = error_page(problem_lines(FAILED_BUILD), "<script>alert(1)</script> in the output").decode("utf-8")
    assert "&lt;script&gt; is not allowed in a page" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; in the output" in page
    assert "<script>alert" not in page
    assert "<code>docs/fr/lecons/sms.md:2</code>" in page
    assert '<html lang="fr"' in page and '<section lang="en">' in page
    assert "La prévisualisation n'a pas pu être construite" in page
    assert "Corrigez, enregistrez : la page se recharge toute seule." in page
    # Without JavaScript the browser asks again every 3 seconds; with it, the page polls
    # and reloads only when something changed.
    assert '<meta http-equiv="refresh" content="3">' in page


def test_the_error_server_answers_503_everywhere_then_hands_the_address_over(tmp_path):
    (tmp_path / "docs").mkdir()
    lesson = tmp_path / "docs/lecon.md"
    lesson.write_text("# Leçon\n", encoding="utf-8")
    port = free_port()
    checks: list[Path] = []
    failures: list[str] = []
    still_failing = FAILED_BUILD.replace("'title' must be", "'title' must still be")

    def check(project: Path) -> tuple[bool, str]:
        checks.append(project)
        return (False, still_failing) if len(checks) == 1 else (True, "")

    outcome: list[bool] = []
    stop = threading.Event()
    serving = threading.Thread(
        target=lambda: outcome.append(
            serve_error_until_fixed(
                tmp_path,
                "127.0.0.1",
                port,
                FAILED_BUILD,
                check=check,
                on_failure=lambda output, url: failures.append(url),
                poll_seconds=0.05,
                stop=stop,
            )
        ),
        daemon=True,
    )
    serving.start()
    try:
        status, headers, body = wait_for(lambda: (answer := get(f"http://127.0.0.1:{port}/"))[0] and answer, 5)
        assert status == 503 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert "docs/fr/lecons/sms.md:2" in body and "&lt;script&gt;" in body
        assert get(f"http://127.0.0.1:{port}/en/lecons/sms/")[0] == 503
        # A page MkDocs served before it stopped reloads itself, and so shows the problems.
        status, _, body = get(f"http://127.0.0.1:{port}/livereload/123/456")
        assert (status, body) == (200, RELOAD_EPOCH.decode())

        lesson.write_text("# Leçon corrigée à moitié\n", encoding="utf-8")
        assert wait_for(lambda: "must still be" in get(f"http://127.0.0.1:{port}/")[2], 5)
        assert failures == [f"http://127.0.0.1:{port}/"]
        assert get(f"http://127.0.0.1:{port}/")[1]["X-Preview-Version"] != headers["X-Preview-Version"]

        lesson.write_text("# Leçon corrigée\n", encoding="utf-8")
        serving.join(timeout=10)
        assert outcome == [True] and checks == [tmp_path, tmp_path]
        assert port_is_free(port), "the error page's server must free the address for mkdocs serve"
    finally:
        stop.set()
        serving.join(timeout=10)


def test_an_address_in_use_is_said_plainly(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--dev-addr", f"127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port} is already in use" in err and f"make serve PORT={port + 1}" in err
    assert "Traceback" not in err


# --- With the real build ------------------------------------------------------------------


def blank_the_title(lesson: Path) -> int:
    """Plant an error the lesson check refuses: an empty title. Returns its line."""
    lines = lesson.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[number] = "title: \n"
    lesson.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.slow
def test_build_check_reports_the_planted_problem(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    line = blank_the_title(project / "docs/fr/lecons/sms.md")
    monkeypatch.setenv("PYTHONPATH", str(project))  # the copy's own package
    passed, output = build_check(project)
    assert not passed
    assert problem_lines(output) == [
        f"docs/fr/lecons/sms.md:{line}: field-type: 'title' must be a sentence of text\n"
        "    hint: Write it after 'title: ' on the same line."
    ]


def stat_fields(pid: int | str) -> list[str]:
    """/proc/PID/stat after the command name: state, parent, …, start time (index 19)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return []


def children(pid: int) -> set[tuple[int, str]]:
    """(pid, start time) of each process whose parent is `pid`: the start time tells the
    process apart from a later one that reuses its number."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := stat_fields(entry.name)) and int(fields[1]) == pid:
            found.add((int(entry.name), fields[19]))
    return found


def alive(process: tuple[int, str]) -> bool:
    fields = stat_fields(process[0])
    return bool(fields) and fields[19] == process[1] and fields[0] != "Z"


@pytest.mark.slow
def test_the_preview_shows_the_problem_then_the_site_then_the_problem_again(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    lesson = project / "docs/fr/lecons/sms.md"
    fixed = lesson.read_text(encoding="utf-8")
    line = blank_the_title(lesson)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    started: set[tuple[int, str]] = set()
    with log.open("w", encoding="utf-8") as output:
        preview = subprocess.Popen(
            [sys.executable, "-c", "import sys; from pasapas.tools.serve import main; sys.exit(main(sys.argv[1:]))"]
            + ["--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(project)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )

    def answer(status: int, text: str):
        started.update(children(preview.pid))
        got = get(url)
        return got if got[0] == status and text in got[2] else None

    try:
        # The build fails: the address lists the problem, which the terminal printed last.
        assert wait_for(lambda: answer(503, f"docs/fr/lecons/sms.md:{line}</code>"), 60), log.read_text()
        printed = [text for text in log.read_text(encoding="utf-8").splitlines() if text.strip()]
        assert printed[-2:] == [
            f"docs/fr/lecons/sms.md:{line}: field-type: 'title' must be a sentence of text",
            "    hint: Write it after 'title: ' on the same line.",
        ]

        # Fixed and saved: mkdocs serve takes the same address over and serves the portal.
        lesson.write_text(fixed, encoding="utf-8")
        assert wait_for(lambda: answer(200, "<html"), 90), log.read_text()

        # Broken again while the preview runs: MkDocs would keep the old pages and look
        # stuck; the address lists the new problem instead.
        about = project / "docs/fr/a-propos.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
        assert wait_for(lambda: answer(503, "docs/fr/a-propos.md:"), 60), log.read_text()
        assert "&lt;script&gt; is not allowed" in get(url)[2]

        # Ctrl+C: everything stops, plainly.
        preview.send_signal(signal.SIGINT)
        assert preview.wait(timeout=30) == 0
        text = log.read_text(encoding="utf-8")
        assert text.rstrip().endswith("Preview stopped.") and "Traceback" not in text
        assert started, "the preview should have started mkdocs serve"
        assert not [process for process in started if alive(process)], "a process of the preview was left running"
        assert port_is_free(port)
    finally:
        if preview.poll() is None:
            preview.kill()
            preview.wait()
        for process in started:  # mkdocs serve, started by the preview under test
            if alive(process):
                os.kill(process[0], signal.SIGKILL)
