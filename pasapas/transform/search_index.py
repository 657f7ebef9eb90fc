"""One search index per language, loaded only when the learner uses search.

static-i18n writes a single index for every language, so an Arabic query on an Arabic
page would return English and French pages too, and every page downloads all of it.
After the build, the index is split: the source language keeps `search/`, each other
language gets `<lang>/search/`, with locations relative to that language's root; each
page's theme configuration then points its search at its own language
(`"base"`, which Material uses only for search and its result links).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

CONFIG_BASE = re.compile(r'("base": ")([^"]*)(")')


def split(site_dir: Path, source_language: str, languages: list[str]) -> dict[str, int]:
    """Write one index per language; returns the size in bytes of each."""
    merged_path = site_dir / "search/search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    sizes = {}
    for language in languages:
        prefix = "" if language == source_language else f"{language}/"
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            first = location.split("/", 1)[0]
            if prefix and location.startswith(prefix):
                docs.append({**doc, "location": location[len(prefix) :]})
            elif not prefix and first not in languages:
                docs.append(doc)
        index = {"config": {**merged["config"], "lang": [language]}, "docs": docs}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        folder = site_dir / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if (site_dir / "search/search_index.js").exists():  # the offline copy reads a script
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        sizes[language] = len(text.encode("utf-8"))
    return sizes


def point_search_at_language(html: str, page_url: str, language_root: str) -> str:
    """Make the page's `base` lead to its language root ('' for the source language)."""
    if not language_root:
        return html
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(language_root, page_dir or ".")
    return CONFIG_BASE.sub(lambda m: m.group(1) + relative + m.group(3), html, count=1)
