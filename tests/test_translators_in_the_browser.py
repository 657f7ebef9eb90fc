"""A translator who never opens a terminal marks a translation aligned in its front matter,
and a French author declares a spelling-only change there: the checker accepts both when
they are right, says what to copy when they are not, and needs no maintainer."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from test_lesson_lint import EN, FRENCH_VERSION, line_of, make_docs

from pasapas.checks.lessons import lint
from pasapas.model import french_history
from pasapas.model.lesson import parse_lesson
from pasapas.model.translations import TRANSLATION_BLOCK, french_version, stamp

FRENCH = "fr/lecons/exemple.md"


def hand_aligned(docs, version: str) -> str:
    """The English lesson with its `translation:` block replaced by the one line a translator
    writes in the web editor."""
    path = docs / "en/lecons/exemple.md"
    text = TRANSLATION_BLOCK.sub(f"translation: {{aligned_with: {version}}}\n", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    return text


def change_french(docs, old: str, new: str) -> None:
    path = docs / FRENCH
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def problems(docs, path: str = EN) -> list[str]:
    return [str(p) for p in lint(docs) if p.path == path]


# --- Aligned in the web editor -------------------------------------------------------------------


def test_a_translation_aligned_by_hand_with_the_current_french_has_no_problem(tmp_path):
    docs = make_docs(tmp_path)
    hand_aligned(docs, FRENCH_VERSION)
    assert lint(docs) == []
    # The "fr-" is a help for the eye, not a requirement.
    hand_aligned(docs, FRENCH_VERSION.removeprefix("fr-"))
    assert lint(docs) == []


def test_a_translation_aligned_by_hand_but_shaped_differently_is_an_error(tmp_path):
    docs = make_docs(tmp_path)
    hand_aligned(docs, FRENCH_VERSION)
    english = docs / "en/lecons/exemple.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("### Étape 2 : fermez {#etape-2}", "### Étape 3 : fermez {#etape-3}"),
        encoding="utf-8",
    )
    structure = [p for p in problems(docs) if "translation-structure" in p]
    line = line_of(english.read_text(encoding="utf-8"), "{#etape-3}")
    assert len(structure) == 1 and structure[0].startswith(f"{EN}:{line}: translation-structure: the steps differ"), structure


def test_an_aligned_with_that_is_not_a_french_version_is_an_error_at_its_line(tmp_path):
    docs = make_docs(tmp_path)
    text = hand_aligned(docs, "la version d'hier")
    assert problems(docs) == [
        f"{EN}:{line_of(text, 'aligned_with')}: translation-marker: aligned_with 'la version d'hier' is not a French "
        "version (it looks like fr-3f9a1c2e7b)\n"
        "    hint: Copy the French version from this message's other lines, or from the page 'État des traductions'. "
        f"Today's: translation: {{aligned_with: {FRENCH_VERSION}}}"
    ]


def test_aligned_with_an_older_french_is_outdated_and_gives_the_line_to_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(french_history, "ROOT", tmp_path)  # no history here
    docs = make_docs(tmp_path)
    text = hand_aligned(docs, "fr-0123456789")
    found = problems(docs)
    assert len(found) == 1
    assert found[0].startswith(
        f"{EN}:{line_of(text, 'aligned_with')}: translation-outdated (warning): the French lesson has changed since this "
        "translation was made\n"
    )
    assert f"replace the whole 'translation:' block with: translation: {{aligned_with: {FRENCH_VERSION}}}." in found[0]


def git(folder, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=folder, check=True, capture_output=True
    )


def test_the_parts_of_the_french_a_translator_aligned_with_are_read_from_the_history(tmp_path, monkeypatch):
    monkeypatch.setattr(french_history, "ROOT", tmp_path)
    docs = make_docs(tmp_path)
    hand_aligned(docs, FRENCH_VERSION)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "docs")
    git(tmp_path, "commit", "-q", "-m", "Une leçon et sa traduction")
    change_french(docs, "Fermez.", "Fermez la fenêtre.")

    found = problems(docs)

    assert len(found) == 1 and "translation was made: step 2\n" in found[0], found
    french = parse_lesson((docs / FRENCH).read_text(encoding="utf-8"), FRENCH)
    assert f"translation: {{aligned_with: {french_version(french)}}}" in found[0]


def test_stamp_still_replaces_a_line_written_by_hand(tmp_path):
    docs = make_docs(tmp_path)
    hand_aligned(docs, "fr-0123456789")
    stamp(docs, "en/lecons/exemple.md", date(2026, 12, 6))
    text = (docs / "en/lecons/exemple.md").read_text(encoding="utf-8")
    assert "aligned_with" not in text and "  date: 2026-12-06\n" in text
    assert lint(docs) == []


# --- A French change that is only spelling ------------------------------------------------------


def spelling_line(found: str) -> str:
    return re.search(r"front matter: (spelling_only: \{.*?\})", found)[1]


def test_a_french_spelling_fix_declared_so_outdates_no_translation(tmp_path):
    docs = make_docs(tmp_path)
    change_french(docs, "Fermez.", "Fermez !")
    outdated = problems(docs)
    assert len(outdated) == 1 and "translation-outdated" in outdated[0]
    # The French author copies the line the remark gives into the French front matter.
    change_french(docs, "\n---\n", "\n" + spelling_line(outdated[0]) + "\n---\n")
    assert lint(docs) == []


def test_a_real_change_after_a_declared_spelling_fix_outdates_only_what_it_changed(tmp_path):
    docs = make_docs(tmp_path)
    change_french(docs, "Fermez.", "Fermez !")
    change_french(docs, "\n---\n", "\n" + spelling_line(problems(docs)[0]) + "\n---\n")
    change_french(docs, "Rien.", "Rien du tout.")
    found = problems(docs)
    assert len(found) == 1 and "translation was made: #avant\n" in found[0], found
    # A second fix of the same step, declared too, chains with the first.
    change_french(docs, "Fermez !", "Fermez !!")
    second = re.search(r'etape-2: "([0-9a-f]{6}=[0-9a-f]{6})"', spelling_line(problems(docs)[0]))[1]
    first_fix = re.search(r"spelling_only: \{etape-2: \"(\w+)=(\w+)\"\}", (docs / FRENCH).read_text(encoding="utf-8"))
    change_french(docs, f'"{first_fix[1]}={first_fix[2]}"', f'["{first_fix[1]}={first_fix[2]}", "{first_fix[2]}={second[7:]}"]')
    assert [p for p in problems(docs) if "etape-2" in p or "step 2" in p] == []


def test_a_spelling_declaration_that_is_wrong_stale_or_in_a_translation_is_reported(tmp_path):
    docs = make_docs(tmp_path)
    change_french(
        docs, "\n---\n", '\nspelling_only: {etape-9: "aaaaaa=bbbbbb", etape-1: "faute", etape-2: "aaaaaa=bbbbbb"}\n---\n'
    )
    text = (docs / FRENCH).read_text(encoding="utf-8")
    line = line_of(text, "spelling_only")
    assert problems(docs, "docs/" + FRENCH) == [
        f"docs/{FRENCH}:{line}: spelling-only-invalid: spelling_only names 'etape-9', which this lesson does not have\n"
        '    hint: Parts are the header (en-tete), the sections and the steps (etape-1…): spelling_only: {etape-3: "7a8b9c=1d2e3f"}',
        f"docs/{FRENCH}:{line}: spelling-only-invalid: spelling_only: 'faute' for etape-1 is not two fingerprints joined by '='\n"
        "    hint: Copy the line given by the 'translation-outdated' remark, for example: "
        'spelling_only: {etape-3: "7a8b9c=1d2e3f"}',
        f"docs/{FRENCH}:{line}: spelling-only-stale (warning): etape-2 has changed again since it was declared spelling only: "
        "this entry no longer does anything\n"
        "    hint: Delete 'etape-2' from spelling_only.",
    ]
    english = docs / "en/lecons/exemple.md"
    english.write_text(english.read_text(encoding="utf-8").replace("\n---\n", "\nspelling_only: {}\n---\n", 1), encoding="utf-8")
    assert [p for p in problems(docs) if "spelling" in p] == [
        f"{EN}:{line_of(english.read_text(encoding='utf-8'), 'spelling_only')}: spelling-only-translation (warning): "
        "spelling_only belongs in the French lesson, not in a translation\n"
        "    hint: Delete this line: the French lesson says which of its changes were spelling only."
    ]
