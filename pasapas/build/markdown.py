"""The site's own Markdown renderer (extensions and settings from mkdocs.yml), for checks
that must see a page as the build renders it without building the site."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
from mkdocs.config import load_config


def site_markdown(root: Path) -> markdown.Markdown:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
