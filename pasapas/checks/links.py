"""make links: every link inside the built site leads somewhere, anchors included.

    pasapas links [--site site] [--reuse]       internal links (make links)
    pasapas links --changed                     only what changed since the last green run
    pasapas links --external [--reuse]          also official sites (make links-external)

Internal mode reads site/ only and never uses the network: every href and src that
points inside the site (relative or root-relative) must resolve to a file, and every
#fragment to an id in that page. It covers lesson text, navigation, the language
switcher, hreflang alternates, the sitemap and the 404 pages. Links to other sites are
collected into site-external-links.txt.

External mode checks those links with timeouts, a few retries with backoff, at most two
requests at a time per host, a cache file with a maximum age, and an allowlist of hosts
not to check (pasapas/checks/links_allowlist.yml, each with a reason). 429 and 5xx answers are
reported as "could not check", not as broken. CI runs the internal mode only.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import yaml

from pasapas.checks import changed_pages
from pasapas.model.lesson import language_folders
from pasapas.project import ROOT, run_build  # noqa: E402

ALLOWLIST = Path(__file__).resolve().parent / "links_allowlist.yml"
CACHE = ROOT / ".cache/links-external.json"
EXTERNAL_REPORT = ROOT / ".cache/external-links.txt"
CHECKED = ROOT / ".cache"
TARGETS_FILE = "links-targets.json"
LINK_ATTRIBUTES = {"href", "src", "poster", "data", "action"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


@dataclass(frozen=True)
class Broken:
    page: str  # site-relative file: 'ar/lecons/x/index.html'
    link: str
    reason: str


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(value)
            elif name == "srcset":
                self.links += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


class Site:
    """The built site, parsed once: ids and links of every HTML page."""

    def __init__(self, site_dir: Path, base_path: str = "/"):
        self.dir = site_dir
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self._parsed: dict[str, _PageParser] = {}

    def page(self, relative: str) -> _PageParser:
        if relative not in self._parsed:
            parser = _PageParser()
            parser.feed((self.dir / relative).read_text(encoding="utf-8", errors="replace"))
            self._parsed[relative] = parser
        return self._parsed[relative]

    def html_pages(self) -> list[str]:
        return sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*.html"))

    def target_file(self, page: str, path: str) -> str | None:
        """The site-relative file a link path points to, or None if it leaves the site."""
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                return None
            joined = path[len(self.base_path) :]
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        normal = posixpath.normpath(joined) if joined else "."
        if normal.startswith(".."):
            return None
        if normal == ".":
            normal = ""
        if path.endswith("/") or normal == "" or (self.dir / normal).is_dir():
            normal = posixpath.join(normal, "index.html") if normal else "index.html"
        return normal


def is_external(link: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", link, re.IGNORECASE)) or link.startswith("//")


def other_languages_having(site: Site, target: str, languages: list[str]) -> list[str]:
    """Languages in which the missing page exists, to say 'only in French' plainly."""
    parts = target.split("/", 1)
    rest = parts[1] if parts[0] in languages[1:] and len(parts) > 1 else target
    found = []
    for language in languages:
        candidate = rest if language == languages[0] else f"{language}/{rest}"
        if candidate != target and (site.dir / candidate).is_file():
            found.append(language)
    return found


def check_link(site: Site, page: str, link: str, languages: list[str]) -> str | None:
    """Why `link` on `page` is broken, or None if it is fine (or not ours to check)."""
    parts = urlsplit(link)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    target = page if not path else site.target_file(page, path)
    if target is None:
        return "leads outside the site"
    if not (site.dir / target).is_file():
        elsewhere = other_languages_having(site, target, languages)
        if elsewhere:
            return f"no such page in this language (it exists in: {', '.join(elsewhere)})"
        return "no such page or file"
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        return f"no place with id '#{fragment}' in {target}"
    return None


def sitemap_links(site: Site, site_url: str) -> list[tuple[str, str]]:
    """Every address in sitemap.xml (pages and their hreflang alternates), as links."""
    sitemap = site.dir / "sitemap.xml"
    if not sitemap.exists():
        return []
    root = ElementTree.parse(sitemap).getroot()
    urls = [element.text or "" for element in root.iter(f"{{{SITEMAP_NS}}}loc")]
    urls += [element.get("href", "") for element in root.iter(f"{{{XHTML_NS}}}link")]
    return [("sitemap.xml", url.strip()) for url in urls]


def check_site(
    site_dir: Path, languages: list[str], site_url: str = "", pages: list[str] | None = None
) -> tuple[list[Broken], dict[str, set[str]]]:
    """Broken internal links, and external links → pages that use them. `pages` (site-
    relative files) limits the check to the links found on those pages."""
    site = Site(site_dir, urlsplit(site_url).path or "/")
    broken, external = [], defaultdict(set)
    pairs = [(page, link) for page in (site.html_pages() if pages is None else pages) for link in site.page(page).links]
    pairs += sitemap_links(site, site_url)
    for page, link in pairs:
        link = link.strip()
        if not link or link.lower().startswith(SKIPPED_SCHEMES):
            continue
        if is_external(link):
            if site_url and link.startswith(site_url):
                link = site.base_path + link[len(site_url) :].lstrip("/")
            else:
                external[link].add(page)
                continue
        reason = check_link(site, page if page != "sitemap.xml" else "index.html", link, languages)
        if reason:
            broken.append(Broken(page, link, reason))
    return broken, external


# --- In proportion to the change (--changed) --------------------------------------------------
# A link breaks when its own page changes, or when the page it leads to changes or goes
# (an anchor renamed, a page removed). So a green run records, beside each page's hash
# (pasapas/checks/changed_pages.py), the pages each page links to; the next run checks the
# changed pages and the pages that link to a changed or removed one.


def link_targets(site_dir: Path, pages: list[str], site_url: str = "") -> dict[str, list[str]]:
    site = Site(site_dir, urlsplit(site_url).path or "/")
    targets = {}
    for page in pages:
        found = set()
        for link in site.page(page).links:
            path = unquote(urlsplit(link.strip()).path)
            if is_external(link) or link.lower().startswith(SKIPPED_SCHEMES):
                continue
            target = page if not path else site.target_file(page, path)
            if target is not None and target != page:
                found.add(target)
        targets[page] = sorted(found)
    return targets


def pages_to_check(site_dir: Path, every_page: list[str], cache_dir: Path) -> list[str]:
    changed = changed_pages.changed(site_dir, every_page, cache_dir, "links")
    if changed == every_page:
        return every_page
    try:
        recorded = json.loads((cache_dir / TARGETS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return every_page
    present = set(every_page)
    moved = set(changed) | {page for page in recorded if page not in present}
    linking = {page for page, targets in recorded.items() if page in present and moved & set(targets)}
    return sorted(set(changed) | linking)


def record_green(site_dir: Path, pages: list[str], cache_dir: Path, site_url: str = "") -> None:
    changed_pages.record_green(site_dir, pages, cache_dir, "links")
    path = cache_dir / TARGETS_FILE
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    path.write_text(json.dumps({**previous, **link_targets(site_dir, pages, site_url)}, indent=0), encoding="utf-8")


def report(broken: list[Broken], page_count: int) -> str:
    if not broken:
        return f"Links: every internal link and anchor works ({page_count} pages)."
    lines = [f"Links: {len(broken)} broken link(s) on {len({b.page for b in broken})} page(s)."]
    by_page = defaultdict(list)
    for item in broken:
        by_page[item.page].append(item)
    for page, items in sorted(by_page.items()):
        lines.append(f"\n{page}")
        lines += [f"  → {item.link}: {item.reason}" for item in items]
    return "\n".join(lines)


# --- External links ------------------------------------------------------------------------


@dataclass(frozen=True)
class ExternalResult:
    url: str
    state: str  # 'ok', 'broken', 'could not check', 'allowlisted'
    detail: str


def read_allowlist(path: Path = ALLOWLIST) -> set[str]:
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("hosts") or []
    hosts = set()
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("host") or not str(entry.get("reason", "")).strip():
            raise ValueError(f"{path.name}: each allowlisted host needs 'host' and a written 'reason': {entry!r}")
        hosts.add(entry["host"])
    return hosts


def fetch_status(url: str, timeout: float) -> int:
    """HTTP status after redirects; HEAD first, GET if the server refuses HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "pas-a-pas-link-check/1"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code
    return 0


def check_one(url: str, timeout: float, retries: int, backoff: float) -> ExternalResult:
    detail = ""
    for attempt in range(retries + 1):
        try:
            status = fetch_status(url, timeout)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            status, detail = 0, f"no answer ({getattr(error, 'reason', error)})"
        if 200 <= status < 400:
            return ExternalResult(url, "ok", str(status))
        if status in (404, 410):
            return ExternalResult(url, "broken", str(status))
        if status:
            detail = str(status)
        if attempt < retries:
            time.sleep(backoff * (2**attempt))
    if detail.isdigit() and 400 <= int(detail) < 500 and int(detail) != 429:
        return ExternalResult(url, "broken", detail)
    return ExternalResult(url, "could not check", detail or "no answer")


def check_external(
    urls: list[str],
    *,
    timeout: float = 10,
    retries: int = 2,
    backoff: float = 1.0,
    per_host: int = 2,
    workers: int = 8,
    cache: Path = CACHE,
    max_age_days: float = 7,
    allowlist: set[str] | None = None,
    now: float | None = None,
) -> list[ExternalResult]:
    allowlist = read_allowlist() if allowlist is None else allowlist
    now = time.time() if now is None else now
    cached = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
    host_limits: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
    lock = threading.Lock()

    def one(url: str) -> ExternalResult:
        host = urlsplit(url).hostname or ""
        if host in allowlist:
            return ExternalResult(url, "allowlisted", "not checked (see links_allowlist.yml)")
        entry = cached.get(url)
        if entry and entry["state"] == "ok" and now - entry["checked"] < max_age_days * 86400:
            return ExternalResult(url, "ok", f"{entry['detail']} (cached)")
        with lock:
            semaphore = host_limits[host]
        with semaphore:
            result = check_one(url, timeout, retries, backoff)
        with lock:
            cached[url] = {"state": result.state, "detail": result.detail, "checked": now}
        return result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, sorted(urls)))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(cached, indent=1, sort_keys=True), encoding="utf-8")
    return results


def external_report(results: list[ExternalResult]) -> str:
    lines = [f"  {r.state}: {r.url} ({r.detail})" for r in results if r.state != "ok"]
    counts = defaultdict(int)
    for r in results:
        counts[r.state] += 1
    summary = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
    return "\n".join([f"External links: {summary or 'none'}."] + lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the links of the built site.")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--reuse", action="store_true", help="check the existing site instead of building it")
    parser.add_argument("--external", action="store_true", help="also check links to other sites (uses the network)")
    parser.add_argument(
        "--changed",
        action="store_true",
        help="only the pages whose HTML changed since the last run with no error, and the pages that link to them",
    )
    arguments = parser.parse_args(argv)
    import os

    site_url = os.environ.get("SITE_URL", "")
    if not (arguments.reuse and (arguments.site / "index.html").exists()):
        if run_build(arguments.site, quiet=True).returncode != 0:
            print("Links: the site could not be built (see the problems above).", file=sys.stderr)
            return 1
    started = time.monotonic()
    every_page = Site(arguments.site).html_pages()
    pages = pages_to_check(arguments.site, every_page, CHECKED) if arguments.changed else every_page
    if arguments.changed:
        print(f"{len(pages)} of {len(every_page)} pages changed since the last run with no error, or link to one that did.")
    broken, external = check_site(arguments.site, language_folders(arguments.site), site_url, pages)
    print(report(broken, len(pages)))
    if not broken:
        record_green(arguments.site, pages, CHECKED, site_url)
    listing = "\n".join(f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(external.items()))
    EXTERNAL_REPORT.parent.mkdir(exist_ok=True)
    EXTERNAL_REPORT.write_text(listing + "\n", encoding="utf-8")
    print(
        f"{len(external)} links to other sites listed in {EXTERNAL_REPORT.relative_to(ROOT)} ({time.monotonic() - started:.1f} s)."
    )
    status = 1 if broken else 0
    if arguments.external:
        results = check_external(sorted(external))
        print(external_report(results))
        status = status or (1 if any(r.state == "broken" for r in results) else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
