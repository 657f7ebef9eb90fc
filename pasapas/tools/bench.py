"""make bench: our build beside a plain Material + static-i18n build of the same Markdown.

    pasapas bench [--sizes 10 100 300] [--runs 3] [--json .cache/bench.json]
    pasapas bench --one-lesson-change 300     what checking a one-lesson pull request costs
    pasapas bench --scale 10 100 1000         our build alone as the catalogue grows

For each size N it makes a synthetic catalogue (the real site plus N lessons in each of
French, Arabic and English, in learning paths of ten), then measures in one run:

- the full build time (median of --runs builds) and peak memory, for our build and for a
  plain build of the same Markdown (mkdocs-material and mkdocs-static-i18n with default
  settings, `font: false` so that nothing is fetched from Google, same Markdown
  extensions so that the pages say the same thing); our lesson checks are timed apart;
- one lesson page, loaded in Debian's chromium from 127.0.0.1: bytes of HTML, CSS, JS,
  images and fonts, raw and gzip, for a first visit (everything downloaded on load) and a
  repeat visit (the HTML only; the rest is cached);
- the search index bytes per language.

It prints a table and writes JSON. This is a measurement, not a test: the budgets are
enforced by tests/test_budgets.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from pasapas.checks.page_speed import layout_shift, paint_times
from pasapas.checks.page_weight import measure
from pasapas.model.lesson import LESSONS_FOLDER, language_folders
from pasapas.project import ROOT, build_command, environment  # noqa: E402
from pasapas.testing.browser import chromium
from pasapas.testing.local_server import GzipHandler, serve
from pasapas.testing.synthetic_site import SLUG_PREFIX as SYNTHETIC_SLUG
from pasapas.testing.synthetic_site import make_project
from pasapas.tools.search_weight import projected_search_bytes, search_download_bytes

LESSON_PAGE = "lecons/exercice-001/"
BENCH_SITE_URL = "https://pasapas.example/"
PLAIN_CONFIG = {
    "site_name": "Pas à pas (plain build)",
    "docs_dir": "docs",
    "theme": {"name": "material", "font": False},
    "plugins": [
        "search",
        {
            "i18n": {
                "docs_structure": "folder",
                "languages": [
                    {"locale": "fr", "default": True, "name": "Français"},
                    {"locale": "ar", "name": "العربية"},
                    {"locale": "en", "name": "English"},
                ],
            }
        },
    ],
    "markdown_extensions": [
        "toc",
        "attr_list",
        "admonition",
        "abbr",
        "def_list",
        "tables",
        "pymdownx.details",
        "pymdownx.superfences",
        "pymdownx.keys",
        {"pymdownx.snippets": {"base_path": ["."]}},
    ],
}


def plain_project(ours: Path, dest: Path) -> Path:
    """The same Markdown (without our templates and data files) and a default config."""
    shutil.copytree(ours / "docs", dest / "docs", ignore=shutil.ignore_patterns("_*"))
    shutil.copy2(ours / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(PLAIN_CONFIG, allow_unicode=True), encoding="utf-8")
    return dest


def tree_memory_kb(root: int) -> int:
    """Proportional set size of a process and all its descendants, in KB: the forked
    workers share the main build's pages until they write to them, which a sum of
    resident sizes would count once per process."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process has ended
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending += parents.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total


def timed_build(project: Path, site_dir: Path, strict: bool) -> tuple[float, int]:
    """Wall time in seconds and peak memory in KB of one `mkdocs build`, with every
    process it starts (sampled five times a second)."""
    command = build_command(site_dir, quiet=True, strict=strict)
    env = environment(extra={"SITE_URL": BENCH_SITE_URL})
    with tempfile.TemporaryFile() as errors:  # a pipe left unread could fill and stop the build
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_memory_kb(process.pid))
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"build failed in {project}: {errors.read().decode()[-2000:]}")
    return elapsed, peak


def checks_time(project: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pasapas", "lint"], cwd=project, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def safety_seconds(project: Path) -> float:
    """What the build spends on content safety: the allow-list check and the nh3
    sanitiser over the rendered HTML of every page (rendering itself not counted)."""
    from pasapas.build.markdown import site_markdown
    from pasapas.checks.content_safety import find_unsafe, sanitise
    from pasapas.checks.lessons import rendered_pages

    pages = [
        html
        for shown, _, html in rendered_pages(project, site_markdown(project))
        if isinstance(html, str) and not shown.rsplit("/", 1)[-1].startswith("_")
    ]
    started = time.perf_counter()
    for html in pages:
        find_unsafe(html)
        sanitise(html)
    return time.perf_counter() - started


def index_sizes(site_dir: Path) -> dict[str, int]:
    sizes = {}
    for language, folder in (("fr", ""), ("ar", "ar/"), ("en", "en/")):
        path = site_dir / folder / "search/search_index.json"
        if path.exists():
            sizes[language] = path.stat().st_size
    return sizes


def measure_size(size: int, runs: int, work: Path, browser) -> dict:
    ours = make_project(work / f"ours-{size}", size)
    plain = plain_project(ours, work / f"plain-{size}")
    result = {"lessons_per_language": size}
    sides = (("ours", ours, True), ("plain", plain, False))
    times, peaks = {name: [] for name, _, _ in sides}, {name: [] for name, _, _ in sides}
    for run in range(runs):  # alternated, so that a busy moment of the machine falls on both
        for name, project, strict in sides:
            seconds, peak = timed_build(project, project / "site", strict)
            times[name].append(seconds)
            peaks[name].append(peak)
            lesson = (project / "site" / LESSON_PAGE / "index.html").stat().st_size
            print(f"  {name}, run {run + 1}: {seconds:.2f} s, peak {peak / 1024:.1f} MB, lesson HTML {kb(lesson)} KB", flush=True)
    for name, project, _ in sides:
        with serve(project / "site") as base_url:
            weight, _ = measure(browser, base_url + LESSON_PAGE)
            repeat_gzip = weight.files.get(base_url + LESSON_PAGE, (0, 0))[1]
        # Speed on a slow phone: served gzip-compressed, 4× CPU, slow 4G (page_speed.py).
        with serve(project / "site", GzipHandler) as gzip_url:
            paints = {
                language: paint_times(browser, gzip_url + prefix + LESSON_PAGE)
                for language, prefix in (("fr", ""), ("ar", "ar/"))
            }
            shift = layout_shift(browser, gzip_url + LESSON_PAGE, 360).total if name == "ours" else None
        html = (project / "site" / LESSON_PAGE / "index.html").read_bytes()
        result[name] = {
            "build_seconds_median": round(statistics.median(times[name]), 2),
            "build_seconds_all": [round(t, 2) for t in times[name]],
            "peak_memory_mb": round(max(peaks[name]) / 1024, 1),
            "first_visit": {
                "raw": weight.total(gzipped=False),
                "gzip": weight.total(),
                "by_kind": weight.by_kind(),
                "requests": len(weight.files),
            },
            "repeat_visit": {"raw": len(html), "gzip": repeat_gzip},
            "search_index_bytes": index_sizes(project / "site"),
            "search_download_gzip": {
                language: packed for language, (_, packed) in search_download_bytes(project / "site").items()
            },
            "paint_ms": {language: {"fcp": fcp, "lcp": lcp} for language, (fcp, lcp) in paints.items()},
            "layout_shift_360": shift,
        }
    result["ours"]["checks_seconds"] = round(checks_time(ours), 2)
    result["ours"]["safety_seconds"] = round(safety_seconds(ours), 2)
    result["build_ratio"] = round(result["ours"]["build_seconds_median"] / result["plain"]["build_seconds_median"], 2)
    return result


def one_lesson_change(size: int, work: Path) -> dict:
    """What a pull request that changes one French lesson costs to check at N × 3: the
    pages pa11y and the link check look at again, and how long they take (the build
    is timed apart). The record a green run on main leaves is written directly from the
    first build: running pa11y on every page here would take N × 3 × 2 s / 2 cores."""
    from pasapas.checks import a11y, changed_pages, links

    project = make_project(work / f"change-{size}", size)
    cache = work / f"change-{size}-cache"
    site = project / "site"
    timed_build(project, site, strict=True)
    every_page = a11y.pages_of(site)
    changed_pages.record_green(site, every_page, cache, "a11y")
    links.record_green(site, links.Site(site).html_pages(), cache, BENCH_SITE_URL)
    lesson = project / "docs" / "fr" / LESSONS_FOLDER / "exercice-001.md"
    text = lesson.read_text(encoding="utf-8")
    marker = "{: .voir }\n"
    lesson.write_text(text.replace(marker, marker + "\nUne phrase de plus, pour la mesure.\n", 1), encoding="utf-8")
    build_seconds, _ = timed_build(project, site, strict=True)
    started = time.perf_counter()
    a11y_pages = changed_pages.changed(site, a11y.pages_of(site), cache, "a11y")
    found, _ = a11y.check_site(site, os.cpu_count() or 2, progress=lambda message: None, pages=a11y_pages)
    link_pages = links.pages_to_check(site, links.Site(site).html_pages(), cache)
    broken, _ = links.check_site(site, language_folders(site), BENCH_SITE_URL, link_pages)
    return {
        "lessons_per_language": size,
        "pages": len(every_page),
        "a11y_pages": len(a11y_pages),
        "link_pages": len(link_pages),
        "check_seconds": round(time.perf_counter() - started, 1),
        "build_seconds": round(build_seconds, 1),
        "problems": len(found) + len(broken),
    }


def kb(value: int) -> str:
    return f"{value / 1000:.1f}"


def speed_table(results: list[dict]) -> str:
    """First visit by kind of file, paint times on a slow phone, layout shift, search download."""
    lines = [
        "| N × 3 | first visit gz KB ours / plain: html, css, js, images | FCP / LCP ms fr, ours / plain "
        "| FCP / LCP ms ar, ours / plain | layout shift (360 px) | one search downloads gz KB, ours / plain |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        o, p = r["ours"], r["plain"]

        def kinds(side):
            by_kind = side["first_visit"]["by_kind"]
            return ", ".join(f"{kind} {kb(by_kind.get(kind, {}).get('gzip', 0))}" for kind in ("html", "css", "js", "images"))

        def paint(side, language):
            timings = side["paint_ms"][language]
            return f"{timings['fcp']}/{timings['lcp']}"

        search = ", ".join(f"{lang} {kb(size)}" for lang, size in o["search_download_gzip"].items())
        plain_search = max(p["search_download_gzip"].values(), default=0)
        lines.append(
            f"| {r['lessons_per_language']} | {kinds(o)} / {kinds(p)} | {paint(o, 'fr')} / {paint(p, 'fr')} "
            f"| {paint(o, 'ar')} / {paint(p, 'ar')} | {o['layout_shift_360']} | {search} / {kb(plain_search)} |"
        )
    return "\n".join(lines)


def table(results: list[dict]) -> str:
    lines = [
        "| N × 3 | build ours / plain (s) | ratio | peak MB ours / plain (all processes) | checks (s) | of the build: safety (s) | first visit gz KB ours / plain "
        "| repeat gz KB ours / plain | lesson HTML raw KB ours / plain | search index KB per language, ours (plain: one for all) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        o, p = r["ours"], r["plain"]
        index = ", ".join(f"{lang} {kb(size)}" for lang, size in o["search_index_bytes"].items())
        plain_index = sum(p["search_index_bytes"].values())
        lines.append(
            f"| {r['lessons_per_language']} | {o['build_seconds_median']} / {p['build_seconds_median']} | {r['build_ratio']} "
            f"| {o['peak_memory_mb']} / {p['peak_memory_mb']} | {o['checks_seconds']} | {o['safety_seconds']} "
            f"| {kb(o['first_visit']['gzip'])} / {kb(p['first_visit']['gzip'])} "
            f"| {kb(o['repeat_visit']['gzip'])} / {kb(p['repeat_visit']['gzip'])} "
            f"| {kb(o['repeat_visit']['raw'])} / {kb(p['repeat_visit']['raw'])} | {index} (plain: {kb(plain_index)}) |"
        )
    return "\n".join(lines)


def scale_row(size: int, work: Path) -> str:
    """Our build at N lessons × 3, once: does a page stay the same size as the catalogue grows?"""
    project = make_project(work / f"scale-{size}", size)
    seconds, peak = timed_build(project, project / "site", strict=True)
    pages = len(list((project / "site").rglob("*.html")))
    html = (project / "site" / LESSON_PAGE / "index.html").read_bytes()
    menu = html.split(b"md-nav--primary", 1)[-1].split(b"md-sidebar--secondary", 1)[0].count(b'class="md-nav__link')
    packed = len(gzip.compress(html, compresslevel=9))
    search = search_per_language(project / "site")
    shutil.rmtree(project)
    return f"| {size} | {pages} | {seconds:.1f} | {peak / 1024:.0f} | {kb(len(html))} / {kb(packed)} | {menu} | {search} |"


def search_per_language(site_dir: Path) -> str:
    """One search's gzip KB per language: measured on the synthetic catalogue (copies of one
    lesson, which compress far better than distinct lessons), then projected for as many
    distinct lessons as the real ones weigh (search_weight.projected_search_bytes)."""
    measured = {language: packed for language, (_, packed) in search_download_bytes(site_dir).items()}
    real = lambda location: not location.startswith(f"{LESSONS_FOLDER}/{SYNTHETIC_SLUG}")  # noqa: E731
    projected = projected_search_bytes(site_dir, counted=real)
    return ", ".join(
        f"{language} {kb(measured[language])} ({kb(projection.total)})" for language, projection in projected.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark our build against a plain Material build.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / ".cache/bench.json")
    parser.add_argument(
        "--safety-only", action="store_true", help="only the content-safety cost at each size (no builds, no browser)"
    )
    parser.add_argument(
        "--one-lesson-change",
        type=int,
        metavar="N",
        help="only this: at N lessons × 3, the checks a pull request changing one lesson runs (a11y and links --changed)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        nargs="+",
        metavar="N",
        help="only this: our build once at each N lessons × 3 (time, memory, one lesson page's size), no plain build",
    )
    arguments = parser.parse_args(argv)
    if arguments.one_lesson_change:
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            found = one_lesson_change(arguments.one_lesson_change, Path(folder))
        print(
            f"One French lesson changed at N = {found['lessons_per_language']} lessons × 3 languages ({found['pages']} pages): "
            f"pa11y checks {found['a11y_pages']} pages, the link check {found['link_pages']}, in {found['check_seconds']} s "
            f"({found['problems']} problem(s)); the build itself took {found['build_seconds']} s."
        )
        return 0
    if arguments.scale:
        print(
            "| N × 3 | pages | our build (s) | peak MB, all processes | lesson HTML raw / gzip KB | menu entries "
            "| one search gz KB per language: measured (projected: every lesson as distinct as the real ones) |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            for size in arguments.scale:
                print(scale_row(size, Path(folder)), flush=True)
        return 0
    if arguments.safety_only:
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            for size in arguments.sizes:
                project = make_project(Path(folder) / f"ours-{size}", size)
                pages = len([p for p in (project / "docs").rglob("*.md") if not p.name.startswith("_")])
                print(f"N = {size} lessons × 3 languages ({pages} pages): content safety {safety_seconds(project):.2f} s")
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder, chromium() as browser:
        for size in arguments.sizes:
            print(f"N = {size} lessons × 3 languages…", flush=True)
            results.append(measure_size(size, arguments.runs, Path(folder), browser))
    arguments.json.parent.mkdir(parents=True, exist_ok=True)
    arguments.json.write_text(json.dumps({"machine_cores": os.cpu_count(), "results": results}, indent=1), encoding="utf-8")
    print(table(results))
    print()
    print(speed_table(results))
    print(f"\nJSON: {arguments.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
