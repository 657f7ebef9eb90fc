"""Where the project is: the folder holding mkdocs.yml, found from the current directory.

Found rather than derived from this file's place, so that `make` in another checkout (a
test's copy of the project, a contributor's fork) works on that checkout's lessons even
when the package is imported from elsewhere.
"""

from __future__ import annotations

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
