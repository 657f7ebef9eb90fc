"""`pasapas build`: the one way to build the site.

Every command that needs a built site goes through here — the Makefile's `build` and
`second-engine`, the preview's check build, the offline copy, the bench, the accessibility
and link checks, and the tests: `run_build()` (pasapas/project.py, where the checks may
use it too) starts `pasapas build` in a process of its own (a build forks one worker per
language and keeps per-build state, which must not leak into the caller), and
`build_here()` is that process: it checks mkdocs.yml, then drives the
engine through its public API (`load_config`, `commands.build.build`), as `mkdocs build`
does. The second engine (ProperDocs, MAINTAINING.md) is the same call with `engine=`.

Whatever a contributor puts under docs/ or in mkdocs.yml ends as ``path:line: rule:
message`` lines and exit 1, never as a traceback (PASAPAS_DEBUG=1 shows one for a
maintainer).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import traceback
from pathlib import Path

import yaml

from pasapas.checks.site_config import CONFIG, SiteConfigError, config_problems, line_of_key
from pasapas.model.messages import problem
from pasapas.project import ROOT

ENGINES = ("mkdocs", "properdocs")


#: "Config value 'theme': …", as the engine logs a value it refuses.
ENGINE_CONFIG_ERROR = re.compile(r"Config value '(?P<key>[^']+)': (?P<message>.*)", re.DOTALL)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load_config(root: Path, engine: str = "mkdocs", **overrides):
    """The engine's configuration, after our own checks; SiteConfigError with path:line
    problems instead of the engine's traceback or its English-only lines."""
    problems = config_problems(root)
    if problems:
        raise SiteConfigError(problems)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if engine == "properdocs":
        from properdocs.config import load_config as engine_load_config
        from properdocs.exceptions import ConfigurationError
        from properdocs.exceptions import ProperDocsException as MkDocsException
    else:
        from mkdocs.config import load_config as engine_load_config
        from mkdocs.exceptions import ConfigurationError, MkDocsException
    collect = _Collect()
    logger = logging.getLogger(engine)
    logger.addHandler(collect)
    try:
        return engine_load_config(str(root / CONFIG), **overrides)
    except (MkDocsException, ConfigurationError, yaml.YAMLError, OSError, ValueError, TypeError) as error:
        found = []
        for message in collect.messages or [str(error)]:
            refused = ENGINE_CONFIG_ERROR.match(message)
            key, what = (refused.group("key"), refused.group("message")) if refused else ("", message)
            found.append(
                problem(
                    CONFIG,
                    line_of_key(root, key) if key else 1,
                    "config-invalid",
                    message=f"'{key}': {what.strip()}" if key else what.strip(),
                )
            )
        raise SiteConfigError(found) from None
    finally:
        logger.removeHandler(collect)


def configure_logging(engine: str, quiet: bool) -> None:
    """The engine's lines as `mkdocs build` prints them ('INFO    -  …'), on stderr."""
    logger = logging.getLogger(engine)
    if not any(getattr(handler, "_pasapas", False) for handler in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._pasapas = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


def build_here(project_dir: Path, site_dir: Path, *, engine: str = "mkdocs", quiet: bool = False, strict: bool = True) -> int:
    """Build in this process: 0 when the site is built, 1 with the problems printed."""
    configure_logging(engine, quiet)
    if engine == "properdocs":
        # As `properdocs build` does: every later `import mkdocs.…` (Material's plugins,
        # mkdocs-static-i18n, our hooks) is answered by properdocs, so that their plugins
        # subclass properdocs' BasePlugin. It must come before any mkdocs module is loaded.
        loaded = sys.modules.get("mkdocs")
        if loaded is not None and not loaded.__name__.startswith("properdocs"):
            print(
                "pasapas build --engine properdocs: MkDocs is already loaded in this process; run it on its own.", file=sys.stderr
            )
            return 1
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build
        from properdocs.exceptions import ProperDocsException as EngineError
    else:
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException as EngineError
    os.chdir(project_dir)  # mkdocs.yml's relative paths (docs/, overrides/, hooks)
    try:
        config = load_config(project_dir, engine, site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
    except SiteConfigError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        print("The site was not built: correct mkdocs.yml (see above).", file=sys.stderr)
        return 1
    except EngineError as error:  # the engine, or a hook, has logged what stopped it
        print(error.format_message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - a stranger's page must never print a traceback
        if os.environ.get("PASAPAS_DEBUG"):
            traceback.print_exc()
        print(
            f"The site was not built: an unexpected error ({type(error).__name__}: {error}). "
            "Run 'make lint' for the problems in the pages; if it finds none, report this message "
            "(PASAPAS_DEBUG=1 shows the details).",
            file=sys.stderr,
        )
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pasapas build", description="Build the site (every language) into a folder.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to build (default: site/)")
    parser.add_argument("--sequential", action="store_true", help="build the languages one after the other, in this process")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine (properdocs: the exit plan)")
    parser.add_argument("--quiet", action="store_true", help="only warnings and errors")
    # A warning stops the build; only the bench's plain Material baseline is built without that.
    parser.add_argument("--no-strict", dest="strict", action="store_false", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.sequential:
        os.environ["PASAPAS_PARALLEL"] = "0"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build_here(
        Path.cwd(), arguments.site_dir.resolve(), engine=arguments.engine, quiet=arguments.quiet, strict=arguments.strict
    )


if __name__ == "__main__":
    sys.exit(main())
