"""mkdocs.yml, checked before the engine reads it: what a contributor can get wrong there
(an indentation, a path in `nav:` that is not a page, a value of the wrong type) said as
``mkdocs.yml:line: rule-id: message`` with a hint, never as the engine's traceback.

pasapas/build/site.py's `load_config` runs these checks before it asks the engine.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from pasapas.model.languages import ConfigLoader
from pasapas.model.lesson import is_lesson
from pasapas.model.messages import problem
from pasapas.model.problems import Problem

CONFIG = "mkdocs.yml"
NAV_HINT = (
    "Each entry of 'nav:' is '- Title: path.md' (a page), or '- Title:' followed by its own entries, each on a "
    "line starting with '- ' indented two spaces more than the title; every entry of one list starts in the same "
    "column."
)


class SiteConfigError(Exception):
    """mkdocs.yml cannot be used; `problems` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def config_problems(root: Path) -> list[Problem]:
    """What is wrong in mkdocs.yml's shape and navigation, each at its line."""
    path = root / CONFIG
    if not path.is_file():
        return [problem(CONFIG, 1, "config-missing")]
    try:
        text = path.read_text(encoding="utf-8")
        document = yaml.compose(text, Loader=ConfigLoader)
    except UnicodeDecodeError:
        return [problem(CONFIG, 1, "config-encoding")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(error, "problem", None) or "it is not valid YAML"
        return [problem(CONFIG, line, "config-yaml.2", problem=what)]
    if not isinstance(document, yaml.MappingNode):
        return [problem(CONFIG, 1, "config-yaml")]
    top = {key.value: value for key, value in document.value if isinstance(key, yaml.ScalarNode)}
    nav = top.get("nav")
    if nav is None:
        return []
    pages = source_pages(root, top)
    problems: list[Problem] = []
    check_nav_entries(nav, pages, problems)
    problems += nav_lessons(nav, already={problem.line for problem in problems})
    return problems


def nav_lessons(nav, already: set[int]) -> list[Problem]:
    """A lesson named in `nav:` (where contributors once added it): its place comes from its
    front matter (`parcours:`); listed here too, it would be in the menu twice."""
    paths = ", ".join(section_titles(nav))
    return [
        problem(CONFIG, line, "nav-lesson", entry=node.value, paths=paths)
        for node in walk_scalars(nav)
        if is_lesson(f"_/{node.value}") and (line := node.start_mark.line + 1) not in already
    ]


def section_titles(nav) -> list[str]:
    """The titles of the top-level sections of `nav:`: the learning paths."""
    titles = []
    for entry in nav.value if isinstance(nav, yaml.SequenceNode) else []:
        if isinstance(entry, yaml.MappingNode) and len(entry.value) == 1:
            key, value = entry.value[0]
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.SequenceNode):
                titles.append(key.value)
    return titles


def walk_scalars(node):
    """Every page of `nav:`: its entries' paths, at any depth."""
    if isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            yield from walk_scalars(entry)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from walk_scalars(value)
    elif isinstance(node, yaml.ScalarNode):
        yield node


def source_pages(root: Path, top: dict) -> set[str]:
    """The pages of the source language's folder, as nav names them (lecons/sms.md)."""
    docs = root / (top["docs_dir"].value if isinstance(top.get("docs_dir"), yaml.ScalarNode) else "docs")
    from pasapas.model.languages import configured_languages

    try:
        languages = configured_languages(root)
    except (yaml.YAMLError, OSError, ValueError):
        languages = ["fr"]
    # With mkdocs-static-i18n's folders, nav names the pages of the source language's folder.
    folder = docs / languages[0] if languages else docs
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} if folder.is_dir() else set()


def check_nav_entries(node, pages: set[str], problems: list[Problem]) -> None:
    if not isinstance(node, yaml.SequenceNode):
        problems.append(problem(CONFIG, node.start_mark.line + 1, "nav-invalid"))
        return
    for entry in node.value:
        line = entry.start_mark.line + 1
        if isinstance(entry, yaml.ScalarNode):
            check_nav_path(entry.value, line, pages, problems)
        elif isinstance(entry, yaml.MappingNode) and len(entry.value) == 1 and isinstance(entry.value[0][0], yaml.ScalarNode):
            title, value = entry.value[0]
            if isinstance(value, yaml.ScalarNode) and value.value:
                check_nav_path(value.value, line, pages, problems)
            elif isinstance(value, yaml.SequenceNode):
                check_nav_entries(value, pages, problems)
            else:
                problems.append(problem(CONFIG, line, "nav-invalid.3", value=title.value))
        else:
            problems.append(problem(CONFIG, line, "nav-invalid.2"))


def check_nav_path(target: str, line: int, pages: set[str], problems: list[Problem]) -> None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("/"):
        return  # an address, not a page
    if target in pages:
        return
    guess = difflib.get_close_matches(target, sorted(pages), n=1)
    if " - " in target or target.strip().startswith("-"):
        problems.append(problem(CONFIG, line, "nav-not-found.glued", target=target))
    elif guess:
        problems.append(problem(CONFIG, line, "nav-not-found", target=target, guess=guess[0]))
    else:
        problems.append(problem(CONFIG, line, "nav-not-found.path", target=target))


def line_of_key(root: Path, key: str) -> int:
    """The line where a top-level key (or its first part, 'plugins' of 'plugins.i18n') is written."""
    name = key.split(".")[0].split("[")[0]
    try:
        for number, text in enumerate((root / CONFIG).read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(rf"{re.escape(name)}\s*:", text):
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
