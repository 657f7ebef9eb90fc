"""Slips of the web editor, each said once, at the line to fix, in plain words: a step at
the wrong heading level, a misspelt step id, an address that is not a link, screen words
without bold, a quiz answer or a box's text not indented, a lesson in no learning path. On
a pull request, `make lint` annotates each at its line."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import copy_project, with_make
from test_lesson_lint import LESSON, line_of, make_docs, problems_after

from pasapas.checks.lessons import lint
from pasapas.checks.site_config import config_problems
from pasapas.model import messages

EN = "docs/en/lecons/exemple.md"
PATHS_CONFIG = (
    "nav:\n  - index.md\n  - Premiers pas: []\n  - Se protéger: []\n"
    "plugins:\n  - i18n:\n      languages:\n        - locale: fr\n          default: true\n"
)


# --- A step at the wrong heading level ----------------------------------------------------------


@pytest.mark.parametrize(
    "planted, hashes, usual",
    [("## Étape 2 : fermez {#etape-2}", "##", "###"), ("#### Étape 2 : fermez {#etape-2}", "####", "###")],
    ids=["a section", "inside the step before"],
)
def test_a_step_at_another_level_than_the_others_is_said_once_at_its_line(tmp_path, planted, hashes, usual):
    found, text = problems_after(tmp_path, lambda t: t.replace("### Étape 2 : fermez {#etape-2}", planted))
    assert found == [
        f"{LESSON}:{line_of(text, planted)}: step-level: the heading of step 2 starts with '{hashes}', the other steps "
        f"here with '{usual}'\n"
        f"    hint: Start the line with '{usual} ', as the other steps: at another level it is not shown as a step."
    ]


def test_steps_under_parts_are_one_level_below_the_parts(tmp_path):
    def in_parts(text):
        text = text.replace("### Étape 1 : ouvrez {#etape-1}", "### Sur un ordinateur\n\n#### Étape 1 : ouvrez {#etape-1}")
        return text.replace("### Étape 2 : fermez {#etape-2}", "### Sur un téléphone\n\n#### Étape 2 : fermez {#etape-2}")

    assert problems_after(tmp_path, in_parts)[0] == []


# --- A misspelt step id -------------------------------------------------------------------------


@pytest.mark.parametrize("misspelt", ["etape1", "Etape-1", "etape-01", "étape-1", "etape_1", "step-1"])
def test_a_misspelt_step_id_is_one_error_at_that_step_not_renumber_on_the_next(tmp_path, misspelt):
    found, text = problems_after(tmp_path, lambda t: t.replace("{#etape-1}", f"{{#{misspelt}}}", 1))
    assert found == [
        f"{LESSON}:{line_of(text, misspelt)}: step-id-misspelt: the step id '{{#{misspelt}}}' is misspelt\n"
        "    hint: Write '{#etape-1}': etape, a dash, the number (no accent, no capital, no 0 in front), the same "
        "in every language."
    ]


def test_a_source_naming_the_misspelt_step_is_right(tmp_path):
    def plant(text):
        text = text.replace("supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: [1, 2]\n")
        return text.replace("{#etape-1}", "{#etape1}", 1)

    found, _ = problems_after(tmp_path, plant)
    assert [problem.split(": ")[1] for problem in found] == ["step-id-misspelt"]


def test_a_translated_step_id_is_one_error_in_the_translation(tmp_path):
    found, text = problems_after(
        tmp_path, lambda t: t.replace("{#etape-2}", "{#step-2}", 1), path="en/lecons/exemple.md", translate=True
    )
    assert [p for p in found if p.startswith(EN)] == [
        f"{EN}:{line_of(text, '{#step-2}')}: step-id-misspelt: the step id '{{#step-2}}' is misspelt\n"
        "    hint: Write '{#etape-2}': etape, a dash, the number (no accent, no capital, no 0 in front), the same "
        "in every language."
    ]


# --- An address that is not a link --------------------------------------------------------------


def test_an_address_in_the_text_is_said_at_its_line(tmp_path):
    found, text = problems_after(tmp_path, lambda t: t.replace("Fermez.\n", "Fermez la page https://www.caf.fr/aide.\n"))
    assert found == [
        f"{LESSON}:{line_of(text, 'Fermez la page')}: url-bare: the address https://www.caf.fr/aide is plain text, "
        "not a link\n"
        "    hint: Make it a link that says where it leads, e.g. [le site de la CAF](https://www.caf.fr/). An address "
        "to read or to type goes between backquotes: `www.caf.fr`."
    ]


@pytest.mark.parametrize(
    "written",
    [
        "Fermez [le site de la CAF](https://www.caf.fr/).",
        "Tapez `www.caf.fr` puis fermez.",
        "Le lien « https://caf-aides.info/compte » est faux : fermez.",
        "Fermez <https://www.caf.fr/>.",
    ],
    ids=["a link", "code", "quoted on purpose", "an autolink"],
)
def test_an_address_as_a_link_as_code_or_quoted_is_not_a_slip(tmp_path, written):
    assert problems_after(tmp_path, lambda t: t.replace("Aidez.\n", written + "\n"))[0] == []


# --- Words of the screen without bold -----------------------------------------------------------


def with_a_bold_label(text: str) -> str:
    text = text.replace("supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: [1, 2]\n")
    return text.replace("Ouvrez [la leçon suivante](autre.md#etape-1).", "Cliquez sur **Se connecter**.")


def test_screen_words_written_in_bold_elsewhere_but_not_after_an_action_are_a_warning(tmp_path):
    found, text = problems_after(tmp_path, lambda t: with_a_bold_label(t).replace("Fermez.\n", "Cliquez sur Se connecter.\n"))
    assert found == [
        f"{LESSON}:{line_of(text, 'Cliquez sur Se connecter.')}: screen-words-unmarked (warning): 'Se connecter' is "
        "written in bold elsewhere in the lesson, but not here\n"
        "    hint: Words the learner looks for on the screen are in bold, as on the screen: **Se connecter** (or "
        "between « »)."
    ]


@pytest.mark.parametrize(
    "written",
    ["Cliquez sur « Se connecter ».", "Se connecter prend une minute.", "Cliquez sur le bouton bleu."],
    ids=["quoted", "not after an action", "other words"],
)
def test_screen_words_quoted_or_used_as_words_are_not_a_slip(tmp_path, written):
    assert problems_after(tmp_path, lambda t: with_a_bold_label(t).replace("Fermez.\n", written + "\n"))[0] == []


# --- Boxes and answers not indented -------------------------------------------------------------


def test_a_quiz_answer_not_indented_is_said_at_the_answer(tmp_path):
    found, text = problems_after(tmp_path, lambda t: t.replace('??? question "Un ?"\n    Oui.', '??? question "Un ?"\nOui.'))
    answer = line_of(text, "Oui.")
    assert found == [
        f"{LESSON}:{answer}: answer-not-indented: the answer is not indented: it "
        "shows in clear, under the closed question\n"
        "    hint: Start each line of the answer with 4 spaces, under '??? question \"…\"'."
    ]


def test_a_helper_box_whose_text_is_not_indented_is_said_at_the_text(tmp_path):
    found, text = problems_after(tmp_path, lambda t: t.replace("Aidez.\n", '!!! helper "Faire avec"\n\nAidez.\n'))
    assert found == [
        f"{LESSON}:{line_of(text, 'Aidez.')}: box-not-indented: this text is not indented: it shows under the box "
        "'!!! helper', which stays empty\n"
        "    hint: Start each line of the box's text with 4 spaces."
    ]


def test_an_empty_helper_box_is_said_at_the_box(tmp_path):
    found, text = problems_after(tmp_path, lambda t: t.replace("Aidez.\n", 'Aidez.\n\n!!! helper "Faire avec"\n'))
    assert found == [
        f"{LESSON}:{line_of(text, '!!! helper')}: box-empty: the box '!!! helper' is empty\n"
        "    hint: Write its text on the lines under it, each starting with 4 spaces, or remove the box."
    ]


def test_a_box_in_a_list_with_its_text_indented_under_it_is_not_a_slip(tmp_path):
    boxed = '- Aidez.\n\n    !!! warning "Attention"\n        Jamais de mot de passe.\n'
    assert problems_after(tmp_path, lambda t: t.replace("Aidez.\n", boxed))[0] == []


# --- The learning path ----------------------------------------------------------------------


def paths_after(tmp_path, line: str | None, translation_line: str | None = None):
    """Problems of exemple.md (parcours as `line`, or none) and of its translation."""
    (tmp_path / "mkdocs.yml").write_text(PATHS_CONFIG, encoding="utf-8")
    docs = make_docs(tmp_path, translate=True)
    for name in ("exemple.md", "autre.md"):
        path = docs / "fr/lecons" / name
        written = line if name == "exemple.md" else "parcours: Premiers pas"
        text = path.read_text(encoding="utf-8")
        if written is not None:
            text = text.replace("level: debutant\n", f"{written}\nlevel: debutant\n", 1)
        path.write_text(text, encoding="utf-8")
    if translation_line is not None:
        path = docs / "en/lecons/exemple.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("level: debutant\n", f"{translation_line}\nlevel: debutant\n", 1),
            encoding="utf-8",
        )
    return [str(p) for p in lint(docs) if "exemple.md" in p.path]


def parcours_line(tmp_path, language: str = "fr") -> int:
    return line_of((tmp_path / f"docs/{language}/lecons/exemple.md").read_text(encoding="utf-8"), "parcours:")


def test_a_lesson_in_a_known_path_has_no_problem_and_its_translation_may_repeat_it(tmp_path):
    assert paths_after(tmp_path, "parcours: Se protéger", translation_line="parcours: Se protéger") == []


def test_a_lesson_that_names_no_path_is_in_no_menu(tmp_path):
    assert paths_after(tmp_path, None) == [
        f"{LESSON}:1: parcours-missing: the lesson names no learning path: it is in no menu\n"
        "    hint: Add the line 'parcours: …' to the front matter (between the two '---'), with one of: Premiers pas, "
        "Se protéger."
    ]


def test_a_path_that_does_not_exist_is_said_at_its_line_with_the_paths(tmp_path):
    assert paths_after(tmp_path, "parcours: Se proteger") == [
        f"{LESSON}:{parcours_line(tmp_path)}: parcours-unknown: 'Se proteger' is not a learning path\n"
        "    hint: Write one of: Premiers pas, Se protéger. Did you mean 'Se protéger'?"
    ]


def test_a_translation_that_names_another_path_is_told_to_follow_the_french(tmp_path):
    assert paths_after(tmp_path, "parcours: Se protéger", translation_line="parcours: Staying safe") == [
        f"{EN}:{parcours_line(tmp_path, 'en')}: parcours-translation (warning): parcours is 'Staying safe' here and 'Se protéger' in the French\n"
        "    hint: The French lesson places every language in its path: copy its line 'parcours: Se protéger', or "
        "remove this one."
    ]


def test_the_templates_line_is_said_once_as_text_to_write(tmp_path):
    found = paths_after(tmp_path, "parcours: À ÉCRIRE (Premiers pas ou Se protéger)")
    assert [problem.split(": ")[1] for problem in found] == ["template-text"]


def test_a_lesson_listed_in_nav_is_said_at_its_line(tmp_path):
    (tmp_path / "docs/fr/lecons").mkdir(parents=True)
    (tmp_path / "docs/fr/lecons/sms.md").write_text("# SMS\n", encoding="utf-8")
    (tmp_path / "docs/fr/index.md").write_text("# Accueil\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        PATHS_CONFIG.replace("  - Premiers pas: []\n", "  - Premiers pas:\n      - lecons/sms.md\n")
    )
    assert [str(p) for p in config_problems(tmp_path)] == [
        "mkdocs.yml:4: nav-lesson: 'lecons/sms.md' is a lesson: lessons are not listed in 'nav:'\n"
        "    hint: Remove this line: a lesson joins its learning path from its own front matter, with the line "
        "'parcours: …' and one of: Premiers pas, Se protéger."
    ]


# --- On a pull request: one annotation at each planted line ---------------------------------------

#: (file, what is there, what a contributor writes instead, the rule said at that line)
PLANTED = [
    ("docs/fr/lecons/sms.md", "#### Étape 13 : supprimez", "## Étape 13 : supprimez", "step-level"),
    (
        "docs/fr/lecons/sms.md",
        "Tapez votre texte avec le clavier de l'écran.",
        "Tapez votre texte avec le clavier de l'écran. Aide : https://www.service-public.fr/particuliers.",
        "url-bare",
    ),
    ("docs/fr/lecons/sms.md", "appuyez sur l'application **Messages**.", "appuyez sur Messages.", "screen-words-unmarked"),
    ("docs/fr/lecons/sms.md", "\n    Rien. Le transfert", "\nRien. Le transfert", "answer-not-indented"),
    (
        "docs/fr/lecons/sms.md",
        "\n    - Laissez le téléphone dans les mains",
        "\n- Laissez le téléphone dans les mains",
        "box-not-indented",
    ),
    ("docs/fr/lecons/antivirus.md", "{#etape-3}", "{#etape3}", "step-id-misspelt"),
    ("docs/fr/lecons/cv.md", "parcours: Emploi\n", "", "parcours-missing"),
]


def annotations_of(output: str, with_text: bool = False) -> list[tuple]:
    """(file, line, rule) of each GitHub annotation `make lint` printed (and its text)."""
    found = []
    for line in output.splitlines():
        if line.startswith(("::error file=", "::warning file=")):
            where, text = line.split("::")[1:3]
            fields = dict(part.split("=", 1) for part in where.split(" ", 1)[1].split(","))
            found.append((fields["file"], int(fields["line"]), text.split(":")[0]) + ((text,) if with_text else ()))
    return found


@pytest.mark.slow
def test_make_lint_on_a_pull_request_annotates_each_planted_slip_once_at_its_line(tmp_path):
    project = with_make(copy_project(tmp_path))
    planted = []
    for path, old, new, rule in PLANTED:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{path} no longer holds {old!r}"
        at = text[: text.index(old) + len(old) - len(old.lstrip("\n"))].count("\n") + 1
        target.write_text(text.replace(old, new), encoding="utf-8")
        planted.append((path, 1 if rule == "parcours-missing" else at, rule))
    # As on the forge: no PASAPAS_MESSAGES, so the contributors' default language, French.
    environment = {name: value for name, value in os.environ.items() if name != messages.ENVIRONMENT}
    result = subprocess.run(
        ["make", "--no-print-directory", "lint"],
        cwd=project,
        env={**environment, "GITHUB_ACTIONS": "true", "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
    )
    print("\n".join(line for line in result.stdout.splitlines() if line.startswith("::")))  # the report quotes them
    assert result.returncode != 0, result.stderr  # make says 2 when lint says 1
    said = annotations_of(result.stdout, with_text=True)
    found = [f[:3] for f in said]
    for path, line, rule in planted:
        assert [f for f in found if f[:2] == (path, line)] == [(path, line, rule)], (path, line, rule, found)
        # Said in French, as the table words it (up to its first value).
        french = messages.table()[rule]["fr"]["message"].split("{")[0]
        assert any(f[:3] == (path, line, rule) and f"{rule}: {french}" in f[3] for f in said), (rule, french, said)
    # The misspelt id, and the lesson in no path, are one error each and nothing else.
    assert [f for f in found if f[0] == "docs/fr/lecons/antivirus.md"] == [planted[5]]
    assert [f for f in found if f[0] == "docs/fr/lecons/cv.md"] == [planted[6]]
    # The lesson with five slips has those five remarks and no other error.
    sms = [f for f in found if f[0] == "docs/fr/lecons/sms.md"]
    assert sorted(sms) == sorted(planted[:5]), sms
