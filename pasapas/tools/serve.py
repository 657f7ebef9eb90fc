"""`make serve` / `pasapas serve`: the live preview, which says plainly what is wrong.

    pasapas serve [--dev-addr 127.0.0.1:8000]

It runs `mkdocs serve --strict` in the project folder (the current directory). When the
build fails, at the start or after an edit, it stops MkDocs, prints the problems last
(``path:line: rule: message`` and a hint, so that they are the last thing on screen) and
serves, on the same address, one page that lists them (HTTP 503). It then watches docs/,
mkdocs.yml, overrides/ and pasapas/; after each change it checks the build again, and as
soon as the build passes it gives the address back to `mkdocs serve`.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import http.server
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pasapas.checks import site_config
from pasapas.project import build_command

#: What the preview depends on: the pages, the configuration, the theme and our build code.
WATCHED = ("docs", "mkdocs.yml", "overrides", "pasapas")
DEFAULT_ADDRESS = "127.0.0.1:8000"
TRACEBACK = "Traceback (most recent call last):"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
UNEXPECTED = (
    "The preview stopped on an unexpected error ({cause}). Run 'make lint' for the problems in the pages; "
    "if it finds none, report this message."
)

#: `path:line: rule: message`, as every checker of the project reports a problem; MkDocs may
#: put its level and the logger's name in front (`ERROR   -  pasapas: docs/…`). Warnings of
#: the lesson check (`rule (warning):`) do not match: they never stop the build.
PROBLEM = re.compile(
    r"^(?:(?:ERROR|WARNING|CRITICAL) +-  (?:[\w.-]+: )?)?(?P<where>[^\s:]+:\d+): (?P<rule>[\w-]+): (?P<message>\S.*)$"
)
#: The start of one MkDocs log record, e.g. `INFO    -  Building documentation...`.
RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) +-  ?(?P<message>.*)$")
#: What `mkdocs serve` logs, in order: the address is open, a file changed, a rebuild failed.
SERVING = "Serving on "
CHANGED = "Detected file changes"
REBUILD_FAILED = "An error happened during the rebuild"
#: The answer to the live-reload script of a page MkDocs served before it was stopped: a
#: number above any epoch makes that page reload itself, and so show the problems.
RELOAD_EPOCH = b"9007199254740991"


def tell(text: str = "") -> None:
    # Everything goes to stderr, where MkDocs logs: one stream keeps the order true.
    print(text, file=sys.stderr, flush=True)


# --- Reading a build's output -----------------------------------------------------------


def problem_lines(output: str) -> list[str]:
    """Each `path:line: rule: message` of a build's output, with its indented hint lines
    (joined by newlines), in order and once each."""
    found: list[str] = []
    lines = output.splitlines()
    for index, line in enumerate(lines):
        match = PROBLEM.match(line)
        if not match:
            continue
        problem = [line[match.start("where") :]]
        for following in lines[index + 1 :]:
            if not following[:1].isspace() or not following.strip():
                break
            problem.append(following.rstrip())
        text = "\n".join(problem)
        if text not in found:
            found.append(text)
    return found


def records(output: str) -> Iterator[tuple[str, list[str]]]:
    """(level, lines) of each log record; lines outside a record (click's `Aborted with…`,
    a traceback) come as level ''. An indented line continues the record above it."""
    level, lines = "", []
    for line in output.splitlines():
        match = RECORD.match(line)
        if match or (level and not line[:1].isspace()):
            if lines:
                yield level, lines
            level, lines = (match["level"], [match["message"]]) if match else ("", [line])
        else:
            lines.append(line)
    if lines:
        yield level, lines


def shown_output(output: str) -> str:
    """The output without MkDocs' INFO and DEBUG records: what went wrong, not the progress."""
    kept: list[str] = []
    for level, lines in records(output):
        if level in ("INFO", "DEBUG"):
            continue
        prefix = f"{level:<8}-  " if level else ""
        kept.append(prefix + "\n".join(lines))
    return "\n".join(kept).strip("\n")


def problems(output: str) -> list[str]:
    """What to fix: the `path:line` problems; otherwise MkDocs' warnings and errors (a broken
    link, a configuration error); otherwise the last line (a crash ends with its cause)."""
    found = problem_lines(output)
    if found:
        return found
    for level, lines in records(output):
        text = "\n".join(line.rstrip() for line in lines).strip()
        if level in ("WARNING", "ERROR", "CRITICAL") and text and not text.startswith(REBUILD_FAILED) and text not in found:
            found.append(text)
    if found:
        return found
    last = [line.strip() for line in output.splitlines() if line.strip()]
    return last[-1:] or ["The build stopped without saying why: run 'make build' to see its whole output."]


# --- Saying it: in the terminal and in the browser ----------------------------------------


def report_block(found: list[str], url: str) -> str:
    """The plain block printed last, the problems at its very end."""
    rule = "=" * 72
    return "\n".join(
        [
            "",
            rule,
            "The preview cannot be built: fix the problems below (each line says the file,",
            "the line and what to do), save, and the preview restarts by itself.",
            f"Meanwhile {url} lists them too. Ctrl+C stops the preview.",
            "",
            *found,
        ]
    )


def page_version(found: list[str], output_tail: str) -> str:
    """Names one error page: the open page reloads itself when it changes."""
    return hashlib.sha256("\n\0".join([*found, output_tail]).encode("utf-8")).hexdigest()[:16]


def problem_item(text: str) -> str:
    first, *rest = text.split("\n")
    match = PROBLEM.match(first)
    if match:
        head = f"<strong><code>{html.escape(match['where'])}</code></strong> {html.escape(match['rule'])} : {html.escape(match['message'])}"
    else:
        head = html.escape(first)
    more = "".join(f"<br>{html.escape(line.strip())}" for line in rest)
    return f"<li>{head}{more}</li>"


#: Polls the address every second, so that the page follows the build without a blind
#: reload every few seconds: it reloads when another list of problems is served, and when
#: the real preview answers. A meta refresh alone would stop for good on the "cannot
#: connect" page of the few seconds while MkDocs builds before it opens the address.
POLL_SCRIPT = """
(function () {
  var version = document.documentElement.getAttribute("data-version");
  function poll() {
    fetch(location.href, {cache: "no-store"}).then(function (answer) {
      if (answer.status !== 503 || answer.headers.get("X-Preview-Version") !== version) {
        location.reload();
      } else {
        setTimeout(poll, 1000);
      }
    }, function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 1000);
})();
"""

STYLE = """
body { font: 1.1rem/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem; }
h1 { color: #a00; }
li { margin-bottom: .8rem; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; padding: .8rem; font-size: .9rem; }
section[lang="en"] { border-top: 1px solid #888; margin-top: 2rem; }
"""


def error_page(found: list[str], output_tail: str) -> bytes:
    """The page served on every path while the build fails: French first (contributors
    write in French), English below. Every message is escaped: it may quote the HTML a
    contributor typed."""
    items = "\n".join(problem_item(text) for text in found)
    version = page_version(found, output_tail)
    page = f"""<!doctype html>
<html lang="fr" data-version="{version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="3"></noscript>
<title>Prévisualisation impossible · Preview cannot be built</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>La prévisualisation n'a pas pu être construite</h1>
<p>Corrigez, enregistrez : la page se recharge toute seule.
Chaque ligne dit le fichier, la ligne et ce qu'il faut faire.</p>
<ol>
{items}
</ol>
<section lang="en">
<h2>The preview cannot be built</h2>
<p>Fix the problems listed above (each one says the file, the line and what to do) and save:
this page reloads by itself.</p>
</section>
<details>
<summary>Sortie de la construction · Build output</summary>
<pre>{html.escape(output_tail)}</pre>
</details>
</main>
<script>{POLL_SCRIPT}</script>
</body>
</html>
"""
    return page.encode("utf-8")


def tail(text: str, lines: int = 60) -> str:
    return "\n".join(text.splitlines()[-lines:])


# --- Running MkDocs -------------------------------------------------------------------------


def mkdocs_env() -> dict[str, str]:
    return {
        **os.environ,
        # Material 9.8 prints an end-of-life banner on every run; it changes nothing.
        "NO_MKDOCS_2_WARNING": "1",
        # Each line as soon as it is written, and never wrapped: lines are read one by one.
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "0",
    }


def build_check(project: Path) -> tuple[bool, str]:
    """`pasapas build` into a throwaway folder: (passed, its whole output).

    Not `--quiet`: it silences warnings, and a strict build then passes where
    `mkdocs serve --strict` fails on the same warning."""
    with tempfile.TemporaryDirectory(prefix="pasapas-check-") as site_dir:
        result = subprocess.run(
            build_command(Path(site_dir)),
            cwd=project,
            env=mkdocs_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            process_group=0,  # Ctrl+C is ours to handle; run() kills the build on it
        )
    return result.returncode == 0, result.stdout


def stop_child(process: subprocess.Popen) -> None:
    """Stop `mkdocs serve` as Ctrl+C would (it then removes its temporary site); harder
    only if it does not stop."""
    if process.poll() is not None:
        return
    for stop, patience in ((lambda: process.send_signal(signal.SIGINT), 15), (process.terminate, 5), (process.kill, None)):
        stop()
        try:
            process.wait(timeout=patience)
            return
        except subprocess.TimeoutExpired:
            continue


def ignore_interrupts() -> None:
    """While stopping, a second Ctrl+C must not cut the clean-up short with a traceback."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)


def run_preview(project: Path, address: str, echo: Callable[[str], None] = tell) -> tuple[int, str | None]:
    """Run `mkdocs serve --strict` and show what it says. Returns (exit code, None) when it
    ends by itself, or (1, the failed build's output) when its first build fails or a
    rebuild fails: MkDocs would then exit, or keep serving the old pages without a word
    in the browser."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", address],
        cwd=project,
        env=mkdocs_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        # Its own process group: Ctrl+C reaches us only, and we pass it on once. Twice,
        # MkDocs would print a traceback from its own clean-up.
        process_group=0,
    )
    serving, failed, quiet = threading.Event(), threading.Event(), threading.Event()
    since_change: list[str] = []  # the output of the build under way
    in_traceback = False

    def pump() -> None:
        nonlocal in_traceback
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip("\n")
            if quiet.is_set():
                continue  # stopping: what MkDocs says then is not for the contributor
            # A crash of the engine is said in one line, never as a Python traceback.
            if line.startswith(TRACEBACK):
                in_traceback = True
                continue
            if in_traceback:
                if line[:1].isspace() or not line.strip() or line.startswith(CHAINED):
                    continue
                in_traceback = False
                line = UNEXPECTED.format(cause=line.strip())
            if REBUILD_FAILED in line:
                # Not echoed: it says the server "will appear stuck", and we take over.
                quiet.set()
                failed.set()
                continue
            echo(line)
            if CHANGED in line:
                since_change.clear()
            since_change.append(line)
            if SERVING in line:
                serving.set()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        while process.poll() is None and not failed.wait(0.2):
            pass
    except KeyboardInterrupt:
        ignore_interrupts()
        raise
    finally:
        if process.poll() is None:
            quiet.set()  # from now on MkDocs only says it is stopping
            stop_child(process)
        reader.join(timeout=5)  # every line of a build that failed is read
    if failed.is_set() or (not serving.is_set() and process.returncode != 0):
        return 1, "\n".join(since_change)
    return process.returncode, None


# --- The error page's server ---------------------------------------------------------------


class ErrorPageHandler(http.server.BaseHTTPRequestHandler):
    server: ErrorPageServer

    def do_GET(self) -> None:
        self.answer(with_body=True)

    def do_HEAD(self) -> None:
        self.answer(with_body=False)

    def answer(self, with_body: bool) -> None:
        if self.path.startswith("/livereload/"):
            status, body, headers = 200, RELOAD_EPOCH, {"Content-Type": "text/plain"}
        else:
            page, version = self.server.page
            status, body = 503, page
            headers = {"Content-Type": "text/html; charset=utf-8", "Retry-After": "3", "X-Preview-Version": version}
        self.send_response(status)
        for name, value in {**headers, "Cache-Control": "no-store", "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass  # the terminal shows the problems, not each request of the browser


class ErrorPageServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True  # the address is handed back and forth with MkDocs

    def __init__(self, host: str, port: int, page: tuple[bytes, str]):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.page = page
        super().__init__((host, port), ErrorPageHandler)

    def handle_error(self, request, client_address) -> None:
        # A browser that gives up on a request it no longer needs is not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def served_page(output: str) -> tuple[bytes, str]:
    found, shown = problems(output), tail(shown_output(output) or output)
    return error_page(found, shown), page_version(found, shown)


def snapshot(project: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every watched file. Editors' hidden and backup files
    are left out: saving a lesson should start one check, not three."""
    seen: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = project / name
        paths = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in paths:
            if path.name.startswith(".") or path.name.endswith("~") or "__pycache__" in path.parts:
                continue
            try:
                status = path.stat()
            except OSError:
                continue  # removed while we looked: the next look sees it
            if not path.is_dir():
                seen[str(path)] = (status.st_mtime_ns, status.st_size)
    return seen


def report(output: str, url: str) -> None:
    """The warnings and errors of a build whose output was captured, then the plain block,
    last."""
    shown = shown_output(output)
    if shown:
        tell(shown)
    tell(report_block(problems(output), url))


class AddressBusy(Exception):
    pass


def serve_error_until_fixed(
    project: Path,
    host: str,
    port: int,
    output: str,
    *,
    check: Callable[[Path], tuple[bool, str]] = build_check,
    on_failure: Callable[[str, str], None] = report,
    poll_seconds: float = 1.0,
    stop: threading.Event | None = None,
) -> bool:
    """Serve the error page for `output` on host:port until a change to the watched files
    makes `check` pass; then close the server, which frees the address, and return True.
    Returns False if `stop` is set first; raises AddressBusy if the address is taken. Each failed check updates the page and calls
    `on_failure(output, url)`. Nothing is checked before the first change: the build has
    just failed, and checking again at once could only repeat it."""
    stop = stop or threading.Event()
    url = f"http://{host}:{port}/"
    try:
        server = ErrorPageServer(host, port, served_page(output))
    except OSError as error:
        raise AddressBusy(address_in_use(host, port)) from error
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    try:
        seen = snapshot(project)
        while not stop.wait(poll_seconds):
            now = snapshot(project)
            if now == seen:
                continue
            stop.wait(0.3)  # an editor may write a file in several steps
            seen = snapshot(project)  # a change during the check starts another one
            tell(f"A file changed: checking the build again ({url} keeps the list meanwhile)…")
            passed, output = check(project)
            if passed:
                tell("The build passes: starting the preview again.")
                return True
            server.page = served_page(output)
            on_failure(output, url)
        return False
    except KeyboardInterrupt:
        ignore_interrupts()
        raise
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- The command ---------------------------------------------------------------------------


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"'{address}' is not HOST:PORT (for example 127.0.0.1:8000)")
    return host, int(port)


def address_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def address_in_use(host: str, port: int) -> str:
    return (
        f"pasapas serve: {host}:{port} is already in use, perhaps by another preview.\n"
        f"Stop it (Ctrl+C in its terminal), or choose another port: make serve PORT={port + 1}"
    )


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """`kill PID` stops the preview as Ctrl+C does: MkDocs is stopped too, never left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default=DEFAULT_ADDRESS, metavar="HOST:PORT", help=f"default: {DEFAULT_ADDRESS}")
    arguments = parser.parse_args(argv)
    try:
        host, port = split_address(arguments.dev_addr)
    except ValueError as error:
        parser.error(str(error))
    project, url = Path.cwd(), f"http://{host}:{port}/"
    # MkDocs would find out only after a whole build, and with a traceback.
    if not address_is_free(host, port):
        tell(address_in_use(host, port))
        return 1
    with stop_on_sigterm():
        try:
            while True:
                # mkdocs.yml first: the engine would stop on it with a traceback.
                config_problems = site_config.config_problems(project)
                if config_problems:
                    code, failed_output = 1, "\n".join(map(str, config_problems))
                    tell(failed_output)
                else:
                    code, failed_output = run_preview(project, f"{host}:{port}")
                if failed_output is None:
                    return code
                # MkDocs has just shown this output: only the plain block is missing.
                tell(report_block(problems(failed_output), url))
                try:
                    serve_error_until_fixed(project, host, port, failed_output)
                except AddressBusy as busy:
                    tell(str(busy))
                    return 1
        except KeyboardInterrupt:
            tell("\nPreview stopped.")
            return 0


if __name__ == "__main__":
    sys.exit(main())
