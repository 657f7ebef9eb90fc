"""What a page costs a reader: every file the browser downloads, raw and gzip-compressed,
for a first visit (everything) and a repeat visit (the HTML only; the rest is cached)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

KINDS = {
    "html": (".html", "/"),
    "css": (".css",),
    "js": (".js",),
    "images": (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico"),
    "fonts": (".woff", ".woff2", ".ttf", ".otf"),
    "data": (".json",),
}


def kind_of(url: str) -> str:
    path = urlsplit(url).path
    for kind, endings in KINDS.items():
        if path.endswith(endings):
            return kind
    return "other"


@dataclass
class Weight:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # url -> (raw, gzip)

    def add(self, url: str, body: bytes) -> None:
        self.files[url] = (len(body), len(gzip.compress(body, compresslevel=9)))

    def total(self, gzipped: bool = True, kinds: tuple[str, ...] | None = None) -> int:
        return sum(sizes[1 if gzipped else 0] for url, sizes in self.files.items() if kinds is None or kind_of(url) in kinds)

    def by_kind(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for url, (raw, packed) in self.files.items():
            row = table.setdefault(kind_of(url), {"raw": 0, "gzip": 0, "files": 0})
            row["raw"] += raw
            row["gzip"] += packed
            row["files"] += 1
        return table


def measure(browser, url: str, viewport=(1280, 800)) -> tuple[Weight, list[str]]:
    """Load `url` in a fresh browser context and weigh everything it downloads.
    Returns the weight and the list of URLs requested."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    weight, requested = Weight(), []

    def on_response(response):
        if response.url.startswith(("data:", "blob:")):
            return
        try:
            weight.add(response.url, response.body())
        except Exception:  # a redirect or an aborted request has no body
            pass

    page.on("request", lambda request: requested.append(request.url))
    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    context.close()
    return weight, requested
