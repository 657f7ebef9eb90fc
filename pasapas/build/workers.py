"""Every language built at the same time, one process each.

static-i18n builds the default language, then, at the end of that build, each other
language one after the other, in one process. Here, as soon as the default language's
build starts, one forked worker per other language checks that language's lessons (a part
of the lesson check: its problems go back to the main build at once, through a pipe, so
that a refusal still comes before anything is built), then builds
that language into a folder of its own beside the site, so that no two processes write
the same file, finishes its pages (finish.py) and hands back its language's outcome
(outcome.py: what the hooks collect across languages). Where static-i18n would build those languages, the main build waits
for the workers, moves each language's folder into the site and merges what they handed
back in the order of the languages: the site is the one the sequential build makes.
A worker that fails or dies stops the build with its message and leaves its language out.

Sequential, as static-i18n does it, in the live preview (`mkdocs serve` has other
threads, which a fork does not copy) and with PASAPAS_PARALLEL=0.
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import Abort, BuildError

from pasapas.build import i18n_plugin
from pasapas.build.outcome import LanguageOutcome

RESULT = "worker-result.pickle"


@dataclass(frozen=True)
class Shared:
    """What the hooks share with the workers."""

    #: what this build has collected so far (outcome.py)
    outcome: Callable[[], LanguageOutcome]
    #: a worker's language starts with nothing collected
    new_outcome: Callable[[], LanguageOutcome]
    #: finishes the pages of the languages `wanted(language)` accepts, under a folder
    finish_pages: Callable[[object, Path, Callable[[str], bool]], None]
    #: the lesson check's part for one language: its problems
    check_language: Callable[[object, str], list]


@dataclass
class Worker:
    language: str
    pid: int
    folder: Path
    #: the pipe's end from which the main build reads the check of the worker's language
    checked: int = -1


_running: list[Worker] = []


def parallel() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and os.environ.get("PASAPAS_PARALLEL") != "0"


def take_over(config, shared: Shared) -> None:
    """Each build: static-i18n's builds of the other languages go through `build_one`."""
    i18n_plugin.build_other_languages_with(
        config, lambda config, engine_build, dirty: build_one(config, shared, engine_build, dirty)
    )


def start(config, shared: Shared) -> None:
    """At the start of the default language's build: one worker per other language."""
    stop()
    if not parallel():
        return
    engine_build = i18n_plugin.engine_build(config)
    site = Path(config.site_dir).resolve()
    for language in i18n_plugin.other_languages(config):
        site.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{site.name}-{language}-", dir=site.parent))
        sys.stdout.flush()
        sys.stderr.flush()
        checked, to_main = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(checked)
            for other in _running:
                os.close(other.checked)
            _running.clear()
            work(config, language, folder, lambda: engine_build(config, dirty=False), shared, to_main)
        os.close(to_main)
        _running.append(Worker(language, pid, folder, checked))


def checked_languages() -> list[str]:
    """The languages whose lessons their own worker checks."""
    return [worker.language for worker in _running if worker.checked >= 0]


def language_checks() -> list:
    """The problems the workers found in their languages' lessons, once each has said them
    (a worker that stops before stops the build)."""
    problems = []
    for worker in _running:
        if worker.checked < 0:
            continue
        with os.fdopen(worker.checked, "rb") as pipe:
            said = pipe.read()
        worker.checked = -1
        result = pickle.loads(said) if said else {"error": "it stopped before its lessons were checked"}
        if "error" in result:
            raise Abort(f"The '{worker.language}' build failed: {result['error']}")
        problems += result["problems"]
    return problems


def build_one(config, shared: Shared, engine_build, dirty) -> None:
    """Where static-i18n builds the next language: without workers, build it here."""
    if not _running:
        return engine_build(config, dirty=dirty)
    if i18n_plugin.current_language(config) == _running[-1].language:
        finish(config, shared)


class _NotFromWorkers(logging.Filter):
    """The engine's lines about each build, which static-i18n hides for its own builds."""

    def filter(self, record):
        return not record.getMessage().startswith(
            ("Cleaning site directory", "Building documentation to", "Documentation built in")
        )


def work(config, language: str, folder: Path, build, shared: Shared, to_main: int) -> None:
    """In the worker: never returns."""
    code, result = 1, None
    try:
        logging.getLogger("mkdocs.commands.build").addFilter(_NotFromWorkers())
        i18n_plugin.become_language_build(config, language)
        config.site_dir = str(folder)
        say_check(to_main, lambda: shared.check_language(config, language))
        outcome = shared.new_outcome()
        entries = len(i18n_plugin.search_entries(config))
        build()
        shared.finish_pages(config, folder, lambda page_language: page_language == language)
        outcome.theme_search_entries.extend(i18n_plugin.search_entries(config)[entries:])
        if (folder / "sitemap.xml.gz").exists():
            with gzip.open(folder / "sitemap.xml.gz") as packed:
                outcome.sitemaps.append((packed.read().decode("utf-8"), packed.mtime))
        result = {"outcome": outcome}
        code = 0
    except Abort as error:  # the engine has logged what stopped it
        result = {"error": error.format_message()}
    except BuildError as error:  # from finishing the pages: said as the engine says its own
        logging.getLogger("mkdocs.commands.build").error(str(error))
        result = {"error": "Aborted with a BuildError!"}
    except KeyboardInterrupt:  # Ctrl-C reaches every process of the build
        result = {"error": "interrupted"}
    except BaseException as error:
        if os.environ.get("PASAPAS_DEBUG"):  # a maintainer's look; a contributor sees one line
            traceback.print_exc()
        result = {"error": f"an unexpected error ({type(error).__name__}: {error})"}
    finally:
        try:
            (folder / RESULT).write_bytes(pickle.dumps(result))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)


def say_check(to_main: int, check: Callable[[], list]) -> None:
    """In the worker: its language's check, handed to the main build (which waits for it)."""
    try:
        said = {"problems": check()}
    except BaseException as error:  # the main build stops with it; the worker may go on
        if os.environ.get("PASAPAS_DEBUG"):
            traceback.print_exc()
        said = {"error": f"an unexpected error in its lessons' check ({type(error).__name__}: {error})"}
    with os.fdopen(to_main, "wb") as pipe:
        pipe.write(pickle.dumps(said))


def finish(config, shared: Shared) -> None:
    """Wait for every worker; fail with their messages, or put their languages in the site."""
    site = Path(config.site_dir)
    in_workers = {worker.language for worker in _running}
    # The default language's pages, while the workers may still be building theirs.
    shared.finish_pages(config, site, lambda language: language not in in_workers)
    workers, results, failures = list(_running), [], []
    _running.clear()
    try:
        for worker in workers:
            _, status = os.waitpid(worker.pid, 0)
            path = worker.folder / RESULT
            result = pickle.loads(path.read_bytes()) if path.exists() else None
            if os.WIFSIGNALED(status):
                failures.append(
                    f"The '{worker.language}' build (process {worker.pid}) was stopped by signal "
                    f"{os.WTERMSIG(status)} before it finished: nothing may be published."
                )
            elif status != 0 or not result or "error" in result:
                failures.append(f"The '{worker.language}' build failed: {(result or {}).get('error', 'no message')}")
            results.append(result)
        if failures:
            raise Abort("\n".join(failures))
        outcomes = [result["outcome"] for result in results]
        for worker, outcome in zip(workers, outcomes, strict=True):
            shutil.rmtree(site / worker.language, ignore_errors=True)
            shutil.move(worker.folder / worker.language, site / worker.language)
            shared.outcome().merge(outcome)
            i18n_plugin.search_entries(config).extend(outcome.theme_search_entries)
        sitemap = site / "sitemap.xml"
        if sitemap.exists() and all(outcome.sitemaps for outcome in outcomes):
            others = [outcome.sitemaps[-1][0] for outcome in outcomes]
            i18n_plugin.merge_sitemaps(site, sitemap.read_text(encoding="utf-8"), others, outcomes[-1].sitemaps[-1][1])
    finally:
        for worker in workers:
            shutil.rmtree(worker.folder, ignore_errors=True)


def stop() -> None:
    """When the main build fails: no worker goes on writing after it."""
    for worker in _running:
        if worker.checked >= 0:
            os.close(worker.checked)
        try:
            os.kill(worker.pid, signal.SIGTERM)
            os.waitpid(worker.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
        shutil.rmtree(worker.folder, ignore_errors=True)
    _running.clear()
