"""Where the project is: the folder holding mkdocs.yml, found from the current directory.

Found rather than derived from this file's place, so that `make` in another checkout (a
test's copy of the project, a contributor's fork) works on that checkout's lessons even
when the package is imported from elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"


def find_root(start: Path | None = None) -> Path:
    """The nearest folder with mkdocs.yml, from `start` (the current directory) upwards;
    the checkout this package lives in when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return Path(__file__).resolve().parent.parent


ROOT = find_root()
DOCS = ROOT / "docs"
CACHE = ROOT / ".cache"


# --- Building: `pasapas build` in a process of its own (pasapas/build/site.py) -------------
# Here, where every part of the package may use it: the checks that need a built site too.


def environment(*, sequential: bool = False, offline: bool = False, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
    if sequential:
        env["PASAPAS_PARALLEL"] = "0"
    if offline:
        env["OFFLINE"] = "true"
    return env


def build_command(
    site_dir: Path, *, sequential: bool = False, engine: str = "mkdocs", quiet: bool = False, strict: bool = True
) -> list[str]:
    argv = [sys.executable, "-m", "pasapas", "build", "--site-dir", str(site_dir)]
    if not strict:
        argv.append("--no-strict")
    if sequential:
        argv.append("--sequential")
    if engine != "mkdocs":
        argv += ["--engine", engine]
    if quiet:
        argv.append("--quiet")
    return argv


def run_build(
    site_dir: Path,
    project_dir: Path = ROOT,
    *,
    sequential: bool = False,
    engine: str = "mkdocs",
    quiet: bool = False,
    offline: bool = False,
    env: dict[str, str] | None = None,
    capture: bool = False,
) -> subprocess.CompletedProcess:
    """Build `project_dir` into `site_dir` in a process of its own; returncode 0 when built."""
    # The project's own package, whichever checkout asks (a test's copy, a fork).
    extra = {"PYTHONPATH": str(project_dir), **(env or {})}
    return subprocess.run(
        build_command(site_dir, sequential=sequential, engine=engine, quiet=quiet),
        cwd=project_dir,
        env=environment(sequential=sequential, offline=offline, extra=extra),
        capture_output=capture,
        text=True,
    )
