"""What one search costs a reader: the files the browser downloads when the search box is
first used, per language, raw and gzip-compressed.

    python -m pasapas.tools.search_weight [SITE_DIR]     (default: site/)

Nothing of search is downloaded with a page (overrides/assets/javascripts/lazy-search.js).
At the first use of the search box, the browser fetches the index of the page's language
(`search/search_index.json`, or `<lang>/search/…`), our search-words.js and Material's
search worker, which then loads lunr's language files if the index's `config.lang` asks
for them (none for "en"). tests/test_search.py checks in chromium that these are the files
requested, and with `projected_search_bytes` that one search stays within its budget as
the catalogue grows.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pasapas.model.lesson import LESSONS_FOLDER
from pasapas.project import ROOT

INDEX = "search/search_index.json"
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")
LUNR = "assets/javascripts/lunr"
#: What makes the words typed short and fills the panel when nothing is found (loaded by lazy-search.js).
WORDS_SCRIPT = "assets/javascripts/search-words.js"


def index_files(site_dir: Path) -> dict[str, Path]:
    """Each language's index: the site root's (its language from index.html) and `<lang>/`'s."""
    found = {}
    root = site_dir / INDEX
    if root.exists():
        home = (site_dir / "index.html").read_text(encoding="utf-8") if (site_dir / "index.html").exists() else ""
        language = HTML_LANG.search(home)
        found[language.group(1) if language else ""] = root
    for path in sorted(site_dir.glob(f"*/{INDEX}")):
        found[path.relative_to(site_dir).parts[0]] = path
    return found


def worker_file(site_dir: Path, index: Path) -> Path | None:
    """The search worker named in the theme configuration of the index's language home page."""
    home = index.parent.parent / "index.html"
    config = CONFIG.search(home.read_text(encoding="utf-8")) if home.exists() else None
    if config:
        worker = json.loads(config.group(1)).get("search")
        if worker:
            relative = home.parent.relative_to(site_dir).as_posix()
            return site_dir / posixpath.normpath(posixpath.join(relative, worker))
    workers = sorted((site_dir / "assets/javascripts/workers").glob("search.*.js"))
    return workers[0] if workers else None


def lunr_files(site_dir: Path, languages: list[str]) -> list[Path]:
    """The files Material's worker imports for `config.lang` (its setupSearchLanguages)."""
    scripts = []
    for language in languages:
        if language == "ja":
            scripts.append(f"{LUNR}/tinyseg.js")
        elif language in ("hi", "th"):
            scripts.append(f"{LUNR}/wordcut.js")
        if language != "en":
            scripts.append(f"{LUNR}/min/lunr.{language}.min.js")
    if len(languages) > 1:
        scripts.append(f"{LUNR}/min/lunr.multi.min.js")
    if scripts:
        scripts.insert(0, f"{LUNR}/min/lunr.stemmer.support.min.js")
    return [site_dir / script for script in scripts]


def search_download_files(site_dir: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """Per language: each file one search downloads (path from the site root) → (raw, gzip)."""
    result = {}
    for language, index in index_files(site_dir).items():
        config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
        files = [
            index,
            worker_file(site_dir, index),
            site_dir / WORDS_SCRIPT,
            *lunr_files(site_dir, config.get("lang") or ["en"]),
        ]
        sizes = {}
        for path in files:
            if path is not None and path.is_file():
                body = path.read_bytes()
                sizes[path.relative_to(site_dir).as_posix()] = (len(body), len(gzip.compress(body, compresslevel=9)))
        result[language] = sizes
    return result


def search_download_bytes(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Per language: what one search downloads, (raw bytes, gzip bytes)."""
    return {
        language: (sum(raw for raw, _ in files.values()), sum(packed for _, packed in files.values()))
        for language, files in search_download_files(site_dir).items()
    }


def gzip_size(value) -> int:
    """Bytes of `value` as the index writes it (compact JSON), gzip-compressed."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


@dataclass(frozen=True)
class Projection:
    """What one search would download (gzip bytes) with a number of lessons."""

    scripts: int  # the search worker, search-words.js, lunr's files if any
    fixed: int  # the index's configuration and the pages that are not lessons
    per_lesson: int  # one lesson's record, as the site's own lessons weigh
    lessons: int

    @property
    def total(self) -> int:
        return self.scripts + self.fixed + self.per_lesson * self.lessons

    def __str__(self) -> str:
        return (
            f"{self.total / 1000:.1f} KB = scripts {self.scripts / 1000:.1f} + index configuration and pages "
            f"{self.fixed / 1000:.1f} + {self.lessons} lessons × {self.per_lesson} B"
        )


def projected_search_bytes(site_dir: Path, lessons: int | None = None, counted=lambda location: True) -> dict[str, Projection]:
    """Per language: what one search would download with `lessons` lessons (default: as
    many as the index has) like the site's own. A lesson weighs the gzip of the lessons
    `counted(location)` accepts, compressed together, divided by their number: distinct
    lessons, whose shared words compress as they would in a larger catalogue (copies of
    one lesson, as the bench's synthetic catalogue makes, compress far better)."""
    projections = {}
    for language, files in search_download_files(site_dir).items():
        index_path = next(path for path in files if path.endswith(INDEX))
        index = json.loads((site_dir / index_path).read_text(encoding="utf-8"))
        lessons_docs = [doc for doc in index["docs"] if doc["location"].startswith(f"{LESSONS_FOLDER}/")]
        weighed = [doc for doc in lessons_docs if counted(doc["location"])]
        others = [doc for doc in index["docs"] if doc not in lessons_docs]
        names = {doc["location"].split("#")[0] for doc in weighed}
        every_lesson = {doc["location"].split("#")[0] for doc in lessons_docs}
        projections[language] = Projection(
            scripts=sum(packed for path, (_, packed) in files.items() if path != index_path),
            fixed=gzip_size({"config": index["config"], "docs": others}),
            per_lesson=gzip_size(weighed) // len(names) if names else 0,
            lessons=len(every_lesson) if lessons is None else lessons,
        )
    return projections


def table(site_dir: Path) -> str:
    lines = ["| language | files | raw KB | gzip KB |", "| --- | --- | --- | --- |"]
    for language, files in search_download_files(site_dir).items():
        raw, packed = sum(r for r, _ in files.values()), sum(g for _, g in files.values())
        names = ", ".join(f"{posixpath.basename(name)} {sizes[1] / 1000:.1f}" for name, sizes in files.items())
        lines.append(f"| {language} | {names} | {raw / 1000:.1f} | {packed / 1000:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    site_dir = Path(arguments[0]) if arguments else ROOT / "site"
    if not index_files(site_dir):
        print(f"No search index in {site_dir}: build the site first (make build).", file=sys.stderr)
        return 1
    print(f"What one search downloads, per language ({site_dir}); gzip KB per file:")
    print(table(site_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
