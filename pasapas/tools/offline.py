"""The offline copy: the whole site, usable from disk (file://) on a PC without network,
search included, as a zip that libraries and help centres can copy.

    pasapas offline      (make build runs it after the web build)

It is a second build (Material's offline plugin, OFFLINE=true) into its own folder, since
it uses other URLs than the web build (no directory URLs). The worker shim that search
needs on file:// comes from the iframe-worker npm package, shipped with the site.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

from pasapas.project import ROOT, run_build  # noqa: E402

SHIM_SOURCE = ROOT / "node_modules/iframe-worker/shim/index.js"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
OFFLINE_DIR = ROOT / ".cache/offline-site"
ZIP_NAME = "pas-a-pas-hors-ligne.zip"
#: The licences travel with the copy (code: MIT; lessons, practice data, drawings: CC BY 4.0),
#: named so that a double click opens them on any computer.
LICENCE_FILES = {"LICENSE": "LICENSE.txt", "LICENSE-CONTENT": "LICENSE-CONTENT.txt"}


class OfflineError(RuntimeError):
    pass


def copy_shim(site_dir: Path) -> None:
    if not SHIM_SOURCE.exists():
        raise OfflineError("node_modules/iframe-worker is missing: run 'npm ci' (make build does it for you)")
    target = site_dir / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_SOURCE, target)


def build_offline(project: Path = ROOT, site_dir: Path = OFFLINE_DIR) -> Path:
    shutil.rmtree(site_dir, ignore_errors=True)
    if run_build(site_dir, project, quiet=True, offline=True).returncode != 0:
        raise OfflineError("The offline copy was not built: see the problems above.")
    copy_licences(site_dir)
    return site_dir


def copy_licences(site_dir: Path) -> None:
    for name, copied in LICENCE_FILES.items():
        if not (ROOT / name).is_file():
            raise OfflineError(f"{name} is missing at the root of the project: the offline copy must carry its licences.")
        shutil.copyfile(ROOT / name, site_dir / copied)


def zip_site(site_dir: Path, zip_path: Path) -> Path:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, Path("pas-a-pas") / path.relative_to(site_dir))
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline copy and zip it into the web build.")
    parser.add_argument("--into", type=Path, default=ROOT / "site", help="the web build's folder (default: site/)")
    arguments = parser.parse_args(argv)
    try:
        built = build_offline()
    except OfflineError as error:
        print(error, file=sys.stderr)
        return 1
    archive = zip_site(built, arguments.into / ZIP_NAME)
    print(f"Offline copy: {ZIP_NAME} ({archive.stat().st_size // 1024} KB); unzip it and open pas-a-pas/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
