"""The checks' messages are data (pasapas/model/messages.yml): French by default, English on
request, the same values in both, and every message used by a check and given its values."""

from __future__ import annotations

import ast
import string
import subprocess
import sys

import pytest
from conftest import ROOT

from pasapas.model import messages

CALLS = (
    "say",
    "problem",
    "report",
    "FrontMatterError",
    "finding",
    "add",
)  # checks, slips, the front matter's reader, content safety


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def message_calls():
    """(place, key, the values given, whether more may come as **values) of every call that
    names a message by a constant key."""
    for path in sorted((ROOT / "pasapas").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in CALLS:
                continue
            keys = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if not keys or keys[0].value not in messages.table() and "." not in keys[0].value and "-" not in keys[0].value:
                continue
            given = {keyword.arg for keyword in node.keywords if keyword.arg}
            spread = any(keyword.arg is None for keyword in node.keywords)
            yield f"{path.relative_to(ROOT)}:{node.lineno}", keys[0].value, given, spread


def test_every_message_is_in_french_and_english_with_the_same_values():
    for key, entry in messages.table().items():
        assert entry["severity"] in ("error", "warning"), key
        for part in ("message", "hint"):
            french, english = entry["fr"][part], entry["en"][part]
            assert french.strip() and english.strip(), (key, part)
            assert placeholders(french) == placeholders(english), (key, part)


def test_every_call_names_a_message_of_the_table_and_gives_all_its_values():
    calls = list(message_calls())
    assert len(calls) > 100  # the checks do name their messages this way
    for place, key, given, spread in calls:
        assert key in messages.table(), f"{place}: '{key}' is not in pasapas/model/messages.yml"
        entry = messages.table()[key]
        needed = placeholders(entry["en"]["message"]) | placeholders(entry["en"]["hint"])
        assert spread or needed <= given, f"{place}: '{key}' needs {sorted(needed - given)}"


def test_every_message_of_the_table_is_used_by_a_check():
    used = {key for _, key, _, _ in message_calls()}
    code = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "pasapas").rglob("*.py"))
    unused = [key for key in messages.table() if key not in used and f'"{key}"' not in code and f"'{key}'" not in code]
    assert unused == []


def test_french_is_the_default_and_english_is_on_request(monkeypatch):
    monkeypatch.delenv(messages.ENVIRONMENT, raising=False)
    problem = messages.problem(
        "docs/fr/lecons/sms.md", 3, "field-value", level="expert", levels="decouverte, debutant, intermediaire"
    )
    assert str(problem) == (
        "docs/fr/lecons/sms.md:3: field-value: le niveau 'expert' n'est pas permis\n"
        "    conseil: Écrivez l'un de ceux-ci : decouverte, debutant, intermediaire."
    )
    monkeypatch.setenv(messages.ENVIRONMENT, "en")
    problem = messages.problem(
        "docs/fr/lecons/sms.md", 3, "field-value", level="expert", levels="decouverte, debutant, intermediaire"
    )
    assert str(problem) == (
        "docs/fr/lecons/sms.md:3: field-value: level 'expert' is not allowed\n    hint: Use one of: decouverte, debutant, intermediaire."
    )


def test_a_variant_key_shows_its_rule_and_a_warning_says_so_in_french(monkeypatch):
    monkeypatch.delenv(messages.ENVIRONMENT, raising=False)
    problem = messages.problem("docs/fr/lecons/sms.md", 9, "translation-structure.images", severity="warning", mine=1, french=2)
    assert str(problem).startswith(
        "docs/fr/lecons/sms.md:9: translation-structure (avertissement): la traduction a 1 images, le français 2"
    )


def test_a_value_a_check_forgot_is_shown_as_its_name_not_a_crash(monkeypatch):
    monkeypatch.setenv(messages.ENVIRONMENT, "en")
    assert messages.problem("x.md", 1, "field-value").message == "level '{level}' is not allowed"


@pytest.mark.parametrize(("option", "expected"), [([], "le niveau 'expert'"), (["--messages", "en"], "level 'expert'")])
def test_lint_speaks_french_unless_asked_for_english(tmp_path, option, expected, project_copy):
    project = project_copy("messages")
    lesson = project / "docs/fr/lecons/sms.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("level: decouverte", "level: expert", 1), encoding="utf-8")
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "pasapas", "lint", "--lang", "fr", *option],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert (
        f"docs/fr/lecons/sms.md:{lesson.read_text(encoding='utf-8').splitlines().index('level: expert') + 1}: field-value: {expected}"
        in result.stdout
    )


def test_a_front_matter_that_cannot_be_read_is_told_in_french_by_default(monkeypatch):
    from pasapas.model.lesson import FrontMatterError, split_front_matter

    monkeypatch.setenv(messages.ENVIRONMENT, "fr")
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter("---\ntitle: Exemple\ntitle: Autre\n---\n# Exemple\n")
    assert (raised.value.line, raised.value.rule, raised.value.message) == (
        3,
        "front-matter-duplicate",
        "le champ « title » est écrit deux fois",
    )
    assert raised.value.hint == "Gardez une seule ligne « title: … » et effacez l'autre."


def test_the_data_files_readers_speak_french_by_default_too(monkeypatch):
    from pasapas.model.practice import PracticeError, parse_practice
    from pasapas.model.terminology import TerminologyError

    monkeypatch.setenv(messages.ENVIRONMENT, "fr")
    with pytest.raises(PracticeError) as practice_error:
        parse_practice("", "vide", "docs/fr/lecons/_entrainement-vide.yml")
    assert (practice_error.value.line, practice_error.value.message) == (1, "le fichier est vide")
    assert messages.rule_of(practice_error.value.key) == "practice-data"
    with pytest.raises(TerminologyError) as terminology_error:
        raise TerminologyError("docs/en/_terminologie.yml", 4, "terminology-file.duplicate", name="use")
    assert terminology_error.value.message == "le champ « use » est écrit deux fois"
