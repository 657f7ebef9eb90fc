"""The package's parts keep their shape: the model, the checks and the HTML transforms
work without MkDocs, so that a change of engine touches pasapas/build/ only."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "pasapas"
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")
#: part -> the parts of the package it may import (besides itself and pasapas.project)
ALLOWED = {
    "model": (),
    "transform": ("model",),
    "checks": ("model", "transform", "testing"),
}
#: static-i18n's attributes, read only through pasapas/build/i18n_plugin.py
I18N_ATTRIBUTES = {
    "current_language",
    "is_default_language_build",
    "building",
    "default_language",
    "build_languages",
    "search_entries",
    "locale_alternate_of",
    "alternates",
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, including imports inside functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def layer_violations(package: Path, allowed: dict[str, tuple[str, ...]] = ALLOWED) -> list[str]:
    problems = []
    for part, may_use in allowed.items():
        permitted = {f"{package.name}.{name}" for name in (part, "project", *may_use)}
        for path in sorted((package / part).rglob("*.py")):
            for line, module in imported_modules(path):
                top = module.split(".")[0]
                inside = ".".join(module.split(".")[:2])
                shown = f"{path.relative_to(package.parent)}:{line}"
                if top in ENGINE:
                    problems.append(f"{shown}: {part} imports {module}, an engine module")
                elif top == package.name and module != package.name and inside not in permitted:
                    problems.append(f"{shown}: {part} imports {module}")
    return problems


def test_model_checks_and_transforms_never_import_the_engine():
    assert layer_violations(PACKAGE) == []


def test_the_rule_reports_a_model_module_that_imports_mkdocs(tmp_path):
    model = tmp_path / "pasapas/model"
    model.mkdir(parents=True)
    (model / "lesson.py").write_text("import re\n\ndef f():\n    from mkdocs.config import load_config\n", encoding="utf-8")
    (tmp_path / "pasapas/checks").mkdir()
    (tmp_path / "pasapas/checks/links.py").write_text("from pasapas.build import hooks\n", encoding="utf-8")
    (tmp_path / "pasapas/transform").mkdir()
    assert layer_violations(tmp_path / "pasapas") == [
        "pasapas/model/lesson.py:4: model imports mkdocs.config, an engine module",
        "pasapas/checks/links.py:1: checks imports pasapas.build",
    ]


def reads_static_i18n(path: Path) -> bool:
    """`x.current_language`, `file.alternates`… or `config.plugins[...]`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in I18N_ATTRIBUTES
            and not (isinstance(node.value, ast.Name) and node.value.id == "i18n_plugin")
        ):
            return True
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "plugins":
            return True
    return False


def test_static_i18n_attributes_are_read_in_one_module_only():
    readers = sorted(str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py") if reads_static_i18n(path))
    assert readers == ["pasapas/build/i18n_plugin.py"]


def test_the_tree_shows_the_parts():
    parts = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__"))
    assert parts == ["build", "checks", "model", "testing", "tools", "transform"]
