"""Reading a built site the way a browser would: pages, their language, their links."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from pasapas.model import learning_paths


def configured_languages(mkdocs_yml: Path) -> tuple[str, ...]:
    """Locales of plugins > i18n > languages, source language first."""
    return tuple(re.findall(r"^\s+- locale: (\S+)\s*$", mkdocs_yml.read_text(encoding="utf-8"), re.MULTILINE))


def nav_lessons_by_section(mkdocs_yml: Path) -> dict[str, list[str]]:
    """The learning paths of the project (the sections of nav: in mkdocs.yml) and the
    lessons each holds, in order, as the build places them from the lessons' `parcours:`."""
    root = mkdocs_yml.parent
    return learning_paths.lessons_by_path(learning_paths.known_paths(root) or [], learning_paths.french_lessons(root / "docs"))


@dataclass(frozen=True)
class BuiltPage:
    site_dir: Path
    path: Path  # relative to site_dir
    languages: tuple[str, ...]

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup((self.site_dir / self.path).read_text(encoding="utf-8"), "html.parser")

    @property
    def url(self) -> str:
        """Site-relative URL, as a reader types it: 'ar/a-propos/'."""
        text = self.path.as_posix()
        return text[: -len("index.html")] if text.endswith("index.html") else text

    @property
    def folder_language(self) -> str:
        """The language a page is served as, from its place in the site."""
        first = self.path.parts[0]
        return first if first in self.languages[1:] and len(self.path.parts) > 1 else self.languages[0]

    def resolve(self, href: str) -> Path | None:
        """The file a relative link points to, or None if it leaves the site."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        if parts.path.startswith("/"):
            target = parts.path.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path.as_posix()), parts.path or "."))
        if target in (".", ""):
            target = ""
        candidate = self.site_dir / target
        return candidate / "index.html" if candidate.is_dir() or target.endswith("/") or target == "" else candidate

    def language_switcher(self) -> dict[str, str]:
        return {a["hreflang"]: a["href"] for a in self.soup.select("a.md-select__link")}

    def hreflang_links(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.soup.select('head link[rel="alternate"][hreflang]')}


class BuiltSite:
    def __init__(self, site_dir: Path, languages: tuple[str, ...]):
        self.dir = site_dir
        self.languages = languages

    def pages(self) -> list[BuiltPage]:
        return [BuiltPage(self.dir, p.relative_to(self.dir), self.languages) for p in sorted(self.dir.rglob("*.html"))]

    def page(self, relative: str) -> BuiltPage:
        path = Path(relative)
        if relative.endswith("/") or relative == "":
            path = path / "index.html"
        assert (self.dir / path).is_file(), f"{path} was not built"
        return BuiltPage(self.dir, path, self.languages)

    def text_files(self, *suffixes: str) -> list[Path]:
        return [p for p in sorted(self.dir.rglob("*")) if p.suffix in suffixes and p.is_file()]
