"""Compare two built static sites, e.g. the MkDocs and the ProperDocs build of one source.

Usage: pasapas compare-sites SITE_A SITE_B   (exit 0: same, 1: differences, 2: bad arguments)

Only what is legitimately engine-specific is normalised: the `<meta name="generator">` tag,
which Material renders as "mkdocs-{{ mkdocs_version }}, mkdocs-material-X" and ProperDocs fills
with "ProperDocs 1.6.7". Everything else must match byte for byte. Note that sitemap.xml's
<lastmod> and sitemap.xml.gz's gzip header hold the build *date* (or SOURCE_DATE_EPOCH): that is
not engine-specific, so it is not normalised; set SOURCE_DATE_EPOCH when comparing builds made
on different days.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# Attribute order and quoting as Material's base.html writes them; tolerant of spacing and
# of a self-closing slash so that a minifier or another theme version does not defeat it.
GENERATOR_META = re.compile(rb'<meta\s+name="generator"\s+content="[^"]*"\s*/?>')


def _files(root: Path) -> set[str]:
    # POSIX relative paths, so the report reads the same on every OS.
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _normalise(rel: str, data: bytes) -> bytes:
    # Only HTML carries the generator tag; other files are compared raw.
    if rel.endswith(".html"):
        return GENERATOR_META.sub(b'<meta name="generator" content="">', data)
    return data


def _show(line: bytes) -> str:
    # Truncated: a minified line can be megabytes long.
    return line.decode("utf-8", "replace").strip()[:120]


def _first_difference(a: bytes, b: bytes) -> str:
    # Point at the first differing line so a human can find it without running diff.
    lines_a, lines_b = a.splitlines(), b.splitlines()
    for number, (la, lb) in enumerate(zip(lines_a, lines_b, strict=False), start=1):
        if la != lb:
            return f"line {number}: {_show(la)!r} != {_show(lb)!r}"
    return f"{len(lines_a)} lines != {len(lines_b)} lines"


def compare_sites(a: Path, b: Path) -> list[str]:
    """Return human-readable differences between site dirs a and b; [] means the same."""
    files_a, files_b = _files(a), _files(b)
    problems = [f"only in {a}: {rel}" for rel in sorted(files_a - files_b)]
    problems += [f"only in {b}: {rel}" for rel in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        data_a, data_b = (a / rel).read_bytes(), (b / rel).read_bytes()
        if data_a == data_b:
            continue
        data_a, data_b = _normalise(rel, data_a), _normalise(rel, data_b)
        if data_a == data_b:
            continue
        # Text formats get a line pointer; binaries (png, gz, zip) only their sizes.
        if rel.endswith((".html", ".json", ".xml", ".css", ".js", ".svg", ".txt", ".map")):
            problems.append(f"{rel} differs: {_first_difference(data_a, data_b)}")
        else:
            problems.append(f"{rel} differs: {len(data_a)} bytes != {len(data_b)} bytes")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas compare-sites", description=__doc__.splitlines()[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    args = parser.parse_args(argv)
    for site in (args.site_a, args.site_b):
        if not site.is_dir():
            print(f"not a directory: {site}", file=sys.stderr)
            return 2
    problems = compare_sites(args.site_a, args.site_b)
    for problem in problems:
        print(problem)
    count = len(_files(args.site_a))
    print(f"{len(problems)} difference(s) over {count} file(s) in {args.site_a}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
