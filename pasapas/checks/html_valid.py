"""make test: every page of every language through the Nu HTML Checker (vnu.jar).

    pasapas html [--site site]     (after make build; builds nothing)

One Java process checks the whole folder (one JVM start, a few seconds for the site):
`java -jar vnu.jar --format json --skip-non-html --errors-only SITE`. Its JSON report is
read, and every error is printed as `site-relative-path:line: message`. The offline copy
(SITE/pas-a-pas-hors-ligne.zip, a second build with other URLs) is unzipped into a
temporary folder and checked in the same run: its pages are named
`pas-a-pas-hors-ligne.zip/pas-a-pas/…`.

Decisions, written down:
- Errors only (--errors-only): the checker's warnings and infos are advice, not invalid
  HTML. (Its warnings today: the CSP's 'self' judged against file: addresses, which no
  browser does for a served page; a few heading-level hints.)
- No allow-list: every error found so far was fixed in the built HTML
  (pasapas/build/theme_contract.py, "Validity fixes"). Should the checker ever report an
  error that is not one (a false positive of vnu), an allow-list with a written reason
  per entry, like pasapas/checks/a11y_ignore.yml, is the place for it; never a skip.
- vnu.jar comes from the npm package vnu-jar (pinned in package.json); it runs with the
  system's Java (Debian: default-jre-headless), never one that npm would download.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from pasapas.project import ROOT  # noqa: E402

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
JAVA_MISSING = "Java is needed for the HTML check. On Debian: sudo apt-get install -y default-jre-headless"
JAR_MISSING = "node_modules/vnu-jar/build/dist/vnu.jar is missing: run npm ci (make does it)"
OFFLINE_ZIP = "pas-a-pas-hors-ligne.zip"


class HtmlCheckError(RuntimeError):
    """The check itself could not run (no Java, no vnu.jar, an unreadable report)."""


#: The quick compiler only (a run is a few seconds: the optimising one would cost more CPU than
#: it saves, about 17 s against 7 for the whole site), and the larger thread stack that vnu
#: then needs to read its HTML schema (without it: StackOverflowError).
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss16m")


def vnu_command(folders: list[Path], java: str, jar: Path = VNU_JAR) -> list[str]:
    options = ["--format", "json", "--skip-non-html", "--errors-only"]
    return [java, *JVM_OPTIONS, "-jar", str(jar), *options, *map(str, folders)]


def page_of(url: str, folders: dict[str, Path]) -> str:
    """'file:/tmp/site/ar/index.html' -> 'ar/index.html': the path under the folder it is
    in, after that folder's name ('' for the site itself)."""
    path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
    for name, folder in folders.items():
        try:
            return name + path.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            continue
    return url


def problems(report: dict, folders: dict[str, Path] | Path) -> list[str]:
    """vnu's JSON messages as `page:line: message`, sorted; infos (warnings) left out."""
    folders = folders if isinstance(folders, dict) else {"": folders}
    found = []
    for message in report.get("messages", []):
        if message.get("type") == "info":
            continue
        page = page_of(message.get("url", ""), folders)
        line = message.get("firstLine", message.get("lastLine"))
        where = f"{page}:{line}" if line is not None else page
        found.append(f"{where}: {message.get('message', '').strip()}")
    return sorted(set(found), key=sort_key)


def sort_key(problem: str) -> tuple:
    page, _, rest = problem.partition(":")
    line, _, message = rest.partition(":")
    return (page, int(line) if line.isdigit() else 0, message)


def check(site_dir: Path, *, java: str | None = None, jar: Path = VNU_JAR, also: dict[str, Path] | None = None) -> list[str]:
    """Every HTML error of the pages under `site_dir` (and of the folders in `also`, their
    pages named after their key), as `page:line: message` lines. One Java run.
    Raises HtmlCheckError when the check cannot run."""
    folders = {"": site_dir, **(also or {})}
    java = java or shutil.which("java")
    if java is None:
        raise HtmlCheckError(JAVA_MISSING)
    if not jar.is_file():
        raise HtmlCheckError(JAR_MISSING)
    result = subprocess.run(vnu_command(list(folders.values()), java, jar), capture_output=True, text=True, encoding="utf-8")
    try:
        report = json.loads(result.stderr)  # vnu writes its report on stderr
    except json.JSONDecodeError:
        output = (result.stderr or result.stdout).strip().splitlines() or [f"exit code {result.returncode}"]
        raise HtmlCheckError(f"the Nu HTML Checker did not run: {output[0]}") from None
    return problems(report, folders)


def summary(found: list[str], page_count: int) -> str:
    if not found:
        return f"HTML check: {page_count} pages, no error."
    pages = len({problem.split(":", 1)[0] for problem in found})
    return f"HTML check: {page_count} pages, {len(found)} error(s) on {pages} page(s)."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every built page with the Nu HTML Checker (builds nothing).")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    arguments = parser.parse_args(argv)
    if not (arguments.site / "index.html").is_file():
        print(f"No built site in {arguments.site}: run make build first.", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="html-check-") as unzipped:
        also = {}
        if (arguments.site / OFFLINE_ZIP).is_file():
            with zipfile.ZipFile(arguments.site / OFFLINE_ZIP) as archive:
                archive.extractall(unzipped)
            also[f"{OFFLINE_ZIP}/"] = Path(unzipped)
        try:
            found = check(arguments.site, also=also)
        except HtmlCheckError as error:
            print(error, file=sys.stderr)
            return 2
        page_count = sum(len(list(folder.rglob("*.html"))) for folder in (arguments.site, *also.values()))
    for problem in found:
        print(problem)
    print(summary(found, page_count))
    print(f"({time.monotonic() - started:.0f} s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
