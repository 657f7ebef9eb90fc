"""make a11y: every page of every language through pa11y-ci, both runners, WCAG 2 AA.

    pasapas a11y [--reuse] [--workers 2]     (make a11y)

Builds site/ (or reuses it), serves it on 127.0.0.1, lists every HTML page, and runs
pa11y-ci (axe and HTML_CodeSniffer) with Debian's chromium. pa11y-ci's own exit code is
not trusted: its JSON report is read, and the check fails when a page has an error,
failed to load, or is missing from the report.

Decisions, written down:
- Pages are split between several pa11y-ci processes (one per core): pa11y-ci's own
  `concurrency` loses results at random.
- axe's "needs review" results are capped at warning level (`levelCapWhenNeedsReview`):
  they are places axe could not decide (text over a gradient, for example), not
  failures; counted as errors they would bury the real ones. What axe *can* decide is
  an error, and tests/test_accessibility.py also runs axe-core directly.
- Rules can be ignored only in pasapas/checks/a11y_ignore.yml, each with a written reason.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from pasapas.checks import changed_pages
from pasapas.project import CACHE, ROOT, run_build  # noqa: E402
from pasapas.testing.browser import CHROMIUM, CHROMIUM_ARGS
from pasapas.testing.local_server import serve

PA11Y_CI = ROOT / "node_modules/.bin/pa11y-ci"
IGNORE_FILE = Path(__file__).resolve().parent / "a11y_ignore.yml"
PAGE_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Finding:
    page: str  # site-relative, e.g. ar/lecons/antivirus/
    rule: str
    message: str
    selector: str = ""


class A11yError(RuntimeError):
    """The check itself could not run (missing tool, bad ignore list)."""


def pages_of(site_dir: Path) -> list[str]:
    """Every HTML page, as the path a reader would type ('' for the home page)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def read_ignore_list(path: Path = IGNORE_FILE) -> list[str]:
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("ignore") or []
    rules = []
    for entry in entries:
        if not isinstance(entry, dict) or not str(entry.get("rule", "")).strip() or not str(entry.get("reason", "")).strip():
            raise A11yError(f"{path.name}: every ignored rule needs 'rule' and a written 'reason': {entry!r}")
        rules.append(entry["rule"])
    return rules


def pa11y_config(urls: list[str], report: Path, ignore: list[str], timeout_ms: int) -> dict:
    return {
        "defaults": {
            "runners": ["axe", "htmlcs"],
            "standard": "WCAG2AA",
            "timeout": timeout_ms,
            "concurrency": 1,
            "levelCapWhenNeedsReview": "warning",
            "ignore": ignore,
            "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": CHROMIUM_ARGS},
            "reporters": ["cli", ["json", {"fileName": str(report)}]],
        },
        "urls": urls,
    }


def shards(items: list[str], count: int) -> list[list[str]]:
    return [chunk for chunk in (items[i::count] for i in range(count)) if chunk]


def run_pa11y(
    urls: list[str], workers: int, ignore: list[str], timeout_ms: int = PAGE_TIMEOUT_MS, progress=print
) -> dict[str, list[dict]]:
    """pa11y-ci over `urls` in `workers` processes; returns url → issues, read from JSON."""
    if not PA11Y_CI.exists():
        raise A11yError("pa11y-ci is not installed: run 'npm ci' (make test does it for you)")
    done, lock, results = [0], threading.Lock(), {}
    with tempfile.TemporaryDirectory(prefix="a11y-") as folder:
        processes = []
        for index, chunk in enumerate(shards(urls, workers)):
            report, config = Path(folder) / f"report-{index}.json", Path(folder) / f"config-{index}.json"
            config.write_text(json.dumps(pa11y_config(chunk, report, ignore, timeout_ms)), encoding="utf-8")
            process = subprocess.Popen(
                [str(PA11Y_CI), "--config", str(config)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
            )
            processes.append((process, report))

        def follow(process):
            for line in process.stdout:
                if line.lstrip().startswith(">") and "http" in line:
                    with lock:
                        done[0] += 1
                        progress(f"[{done[0]}/{len(urls)}] {line.strip().lstrip('> ')}")

        readers = [threading.Thread(target=follow, args=(p,)) for p, _ in processes]
        for reader in readers:
            reader.start()
        for (process, report), reader in zip(processes, readers, strict=True):
            process.wait()
            reader.join()
            if report.exists():
                results.update(json.loads(report.read_text(encoding="utf-8")).get("results", {}))
    return results


def findings(results: dict[str, list[dict]], urls: list[str], base_url: str) -> list[Finding]:
    """Errors, pages that failed to load, and pages missing from the report."""
    found = []
    for url in urls:
        page = url[len(base_url) :]
        if url not in results:
            found.append(Finding(page, "page-missing", "pa11y-ci returned no result for this page"))
            continue
        for issue in results[url]:
            if "code" not in issue:
                found.append(Finding(page, "page-not-loaded", issue.get("message", "the page did not load")))
            elif issue.get("type", "error") == "error":
                found.append(Finding(page, issue["code"], issue.get("message", ""), issue.get("selector", "")))
    return found


def summary(found: list[Finding], page_count: int) -> str:
    if not found:
        return f"Accessibility: 0 errors on {page_count} pages (axe + HTML_CodeSniffer, WCAG 2 AA)."
    by_rule = defaultdict(list)
    for finding in found:
        by_rule[finding.rule].append(finding)
    lines = [f"Accessibility: {len(found)} error(s) on {len({f.page for f in found})} of {page_count} pages."]
    for rule, items in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        lines.append(f"\n{rule} ({len(items)})")
        lines.append(f"  hint: {items[0].message}")
        for item in items:
            where = f" at {item.selector}" if item.selector else ""
            lines.append(f"  - /{item.page}{where}")
    return "\n".join(lines)


def build_site() -> Path | None:
    """The site, built as `make build` builds it; None when it cannot be (the problems are printed)."""
    return ROOT / "site" if run_build(ROOT / "site", quiet=True).returncode == 0 else None


def check_site(site_dir: Path, workers: int, progress=print, pages: list[str] | None = None) -> tuple[list[Finding], int]:
    ignore = read_ignore_list()
    with serve(site_dir) as base_url:
        urls = [base_url + page for page in (pages_of(site_dir) if pages is None else pages)]
        if not urls:
            return [], 0
        progress(f"Checking {len(urls)} pages with pa11y-ci (axe + htmlcs), {workers} at a time…")
        results = run_pa11y(urls, workers, ignore, progress=progress)
        return findings(results, urls, base_url), len(urls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every page of the site with pa11y-ci.")
    parser.add_argument("--reuse", action="store_true", help="check the existing site/ instead of building it")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="pa11y-ci processes in parallel")
    parser.add_argument(
        "--changed", action="store_true", help="only the pages whose HTML changed since the last run with no error"
    )
    arguments = parser.parse_args(argv)
    started = time.monotonic()
    try:
        site_dir = ROOT / "site" if arguments.reuse and (ROOT / "site/index.html").exists() else build_site()
        if site_dir is None:
            print("make a11y: the site could not be built (see the problems above).", file=sys.stderr)
            return 1
        every_page = pages_of(site_dir)
        pages = changed_pages.changed(site_dir, every_page, CACHE, "a11y") if arguments.changed else every_page
        if arguments.changed:
            print(f"{len(pages)} of {len(every_page)} pages changed since the last run with no error.")
        found, count = check_site(site_dir, max(1, arguments.workers), pages=pages)
    except A11yError as error:
        print(f"make a11y: {error}", file=sys.stderr)
        return 2
    if not found:
        changed_pages.record_green(site_dir, pages, CACHE, "a11y")
    print(summary(found, count))
    print(f"({time.monotonic() - started:.0f} s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
