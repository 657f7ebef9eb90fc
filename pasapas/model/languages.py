"""The site's languages, as mkdocs.yml configures them (plugins > i18n > languages), read
without the engine: the first listed with `default: true` is the source language."""

from __future__ import annotations

from pathlib import Path

import yaml

RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name) are the engine's business: read as null."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def configured_languages(root: Path) -> list[str]:
    """The configured language codes, the source language first."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = [entry for entry in plugin["i18n"].get("languages") or [] if isinstance(entry, dict)]
            codes = [str(entry["locale"]) for entry in entries if entry.get("locale")]
            defaults = [str(entry["locale"]) for entry in entries if entry.get("default")]
            source = (defaults or codes or [None])[0]
            return [source, *[code for code in codes if code != source]] if codes else []
    return []


def text_direction(locale: str) -> str:
    return "rtl" if locale.split("-")[0].split("_")[0] in RIGHT_TO_LEFT else "ltr"
