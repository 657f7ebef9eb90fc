"""The site's own Markdown renderer (extensions and settings from mkdocs.yml), for checks
that must see a page as the build renders it without building the site."""

from __future__ import annotations

from pathlib import Path

import markdown

from pasapas.build.site import load_config


def site_markdown(root: Path) -> markdown.Markdown:
    """Raises SiteConfigError (path:line problems) when mkdocs.yml cannot be used."""
    config = load_config(root)
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
