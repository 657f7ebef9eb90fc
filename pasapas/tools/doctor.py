"""Say exactly which system package is missing, and how to install it.

Python packages and npm packages install themselves (see the Makefile); a browser
cannot: tests use Debian's chromium and never download one of their own.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pasapas.testing.browser import CHROMIUM

#: Arabic glyphs for screenshots and PDF printing.
ARABIC_FONT_DIR = Path("/usr/share/fonts/truetype/noto")
INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core default-jre-headless"


def missing_system_packages(chromium: Path = CHROMIUM, font_dir: Path = ARABIC_FONT_DIR, java: str | None = "java") -> list[str]:
    missing = []
    if not chromium.exists():
        missing.append("chromium")
    if not list(font_dir.glob("NotoSansArabic*")):
        missing.append("fonts-noto-core")
    if java is None or shutil.which(java) is None:  # the Nu HTML Checker (make html) runs on Java
        missing.append("default-jre-headless")
    return missing


def main(argv: list[str] | None = None) -> int:
    missing = missing_system_packages()
    if not missing:
        return 0
    print(
        f"Missing system package(s): {', '.join(missing)}.\n"
        f"The browser tests use Debian's chromium, never a downloaded browser; the HTML check runs on Java. "
        f"Install with:\n\n"
        f"    {INSTALL_COMMAND}\n",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
