"""A translation is outdated only when the words of the French change, and it says which
parts: a new date, a new source or blank lines outdate nothing."""

from __future__ import annotations

import re
from datetime import date

from conftest import ROOT, SOURCE_LANGUAGE, TRANSLATIONS

from pasapas.model.lesson import parse_lesson
from pasapas.model.translations import changed_parts, marker_block, state_of

FRENCH_PATH = f"{SOURCE_LANGUAGE}/lecons/sms.md"
FRENCH = (ROOT / "docs" / FRENCH_PATH).read_text(encoding="utf-8")


def translation_of(french_text: str) -> dict:
    return {"translation": _marker(french_text)}


def _marker(french_text: str) -> dict:
    from pasapas.model.lesson import load_front_matter

    block = marker_block(parse_lesson(french_text, FRENCH_PATH), date(2026, 1, 2))
    return load_front_matter(block)["translation"]


def state_after(change) -> tuple[str, list[str] | None]:
    meta = translation_of(FRENCH)
    changed = parse_lesson(change(FRENCH), FRENCH_PATH)
    return state_of(meta, changed), changed_parts(meta, changed)


def test_the_same_french_is_up_to_date():
    assert state_after(lambda t: t) == ("up to date", [])


def test_a_new_check_date_new_sources_or_blank_lines_outdate_nothing():
    def change(text):
        text = re.sub(r"^last_checked: .*$", "last_checked: 2027-01-01", text, flags=re.M)
        text = re.sub(r"^(\s+consulted): .*$", r"\1: 2027-01-01", text, flags=re.M)
        return text.replace("\n\n", "\n\n\n").replace(".\n", ".   \n")

    assert state_after(change) == ("up to date", [])


def test_a_changed_step_is_named():
    step = parse_lesson(FRENCH, FRENCH_PATH).steps[2]
    sentence = next(line for line in step.body if len(line) > 20)
    assert state_after(lambda t: t.replace(sentence, sentence + " Encore.", 1)) == ("outdated", [step.id])


def test_a_new_step_and_a_changed_title_are_named():
    lesson = parse_lesson(FRENCH, FRENCH_PATH)
    last = lesson.steps[-1]
    new_id = f"etape-{last.number + 1}"
    new_step = f"#### Étape {last.number + 1} : fermez {{#{new_id}}}\n\nFermez.\n\n**Vous voyez :** rien.\n{{: .voir }}\n\n"
    lines = FRENCH.splitlines(keepends=True)
    end_of_last = last.line + len(last.body)  # the line after the last step
    changed = "".join(lines[:end_of_last]) + new_step + "".join(lines[end_of_last:])
    changed = changed.replace(f"title: {lesson.meta['title']}", "title: Un autre titre", 1)
    state, parts = state_after(lambda _: changed)
    assert state == "outdated" and parts == ["en-tete", new_id]


def test_every_real_translation_records_its_parts_and_follows_the_french():
    for language in TRANSLATIONS:
        path = ROOT / "docs" / language / "lecons/sms.md"
        if path.exists():
            meta = parse_lesson(path.read_text(encoding="utf-8"), f"{language}/lecons/sms.md").meta
            assert isinstance(meta["translation"]["parts"], dict)
            assert state_of(meta, parse_lesson(FRENCH, FRENCH_PATH)) == "up to date"
