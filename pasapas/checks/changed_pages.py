"""Checks in proportion to the change: which built pages differ from the last green run.

After a check passes, the content hash of every page it checked is recorded in
.cache/checked-<name>.json, with one hash of everything every page uses (stylesheets,
scripts, drawings: when one of those changes, every page is checked again). The next run
with --changed checks only pages that are new or whose HTML changed. A full run stays the
default (and is what runs on main).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SHARED_SUFFIXES = (".css", ".js", ".svg", ".png", ".jpg", ".webp", ".woff2")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def fingerprints(site_dir: Path, pages: list[str]) -> tuple[str, dict[str, str]]:
    """(hash of the shared files, page → hash of its HTML). `pages` as pages_of() gives them."""
    shared = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in SHARED_SUFFIXES and path.is_file():
            shared.update(path.relative_to(site_dir).as_posix().encode() + b"\0" + path.read_bytes())
    by_page = {}
    for page in pages:
        path = site_dir / (page + "index.html" if page == "" or page.endswith("/") else page)
        by_page[page] = _digest(path.read_bytes())
    return shared.hexdigest()[:16], by_page


def record_file(cache_dir: Path, name: str) -> Path:
    return cache_dir / f"checked-{name}.json"


def changed(site_dir: Path, pages: list[str], cache_dir: Path, name: str) -> list[str]:
    """The pages to check: all of them without a record or when a shared file changed."""
    shared, current = fingerprints(site_dir, pages)
    try:
        recorded = json.loads(record_file(cache_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return pages
    if not isinstance(recorded, dict) or recorded.get("shared") != shared or not isinstance(recorded.get("pages"), dict):
        return pages
    return [page for page in pages if recorded["pages"].get(page) != current[page]]


def record_green(site_dir: Path, pages: list[str], cache_dir: Path, name: str) -> None:
    """After a run with no error: these pages passed as they are now."""
    shared, current = fingerprints(site_dir, pages)
    path = record_file(cache_dir, name)
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
        kept = previous.get("pages", {}) if previous.get("shared") == shared else {}
    except (OSError, ValueError, AttributeError):
        kept = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"shared": shared, "pages": {**kept, **current}}, indent=0), encoding="utf-8")
