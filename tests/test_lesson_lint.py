"""The lesson checker: for every rule, a lesson that breaks it gets exactly the expected
message, and a good lesson gets none. The checker never crashes on a broken file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pasapas.checks.lessons import Problem, errors, lint, report
from pasapas.model.lesson import load_front_matter, parse_lesson
from pasapas.model.translations import french_version, marker_block, part_fingerprints

ROOT = Path(__file__).resolve().parent.parent

TODAY = date.today().isoformat()
GOOD = """---
title: Exemple
description: Une leçon d'exemple.
keywords:
  - allocations
  - caf.fr
  - aide au logement
  - APL
  - alocations
level: debutant
duration: 10
objectives:
  - Apprendre
prerequisites: []
devices: [ordinateur]
digcomp: ["2.1"]
mediation: {theme: email}
last_checked: @TODAY@
sources:
  - url: https://www.caf.fr/
    consulted: @TODAY@
    supports: Le site de la CAF existe.
---

# Exemple

![Un dessin d'enveloppe avec un trombone.](images/dessin.svg)

## Ce que vous allez apprendre {#apprendre}

Apprendre.

## Avant de commencer {#avant}

Rien.

## Les étapes {#etapes}

### Étape 1 : ouvrez {#etape-1}

Ouvrez [la leçon suivante](autre.md#etape-1).

**Vous voyez :** la page.
{: .voir }

### Étape 2 : fermez {#etape-2}

Fermez.

**Vous voyez :** rien.
{: .voir }

## Pour l'aidant·e {#aidant}

Aidez.

## Si ça ne marche pas {#probleme}

Recommencez.

## Pas d'internet ? {#autres-solutions}

Le guichet.

## Vérifiez vos connaissances {#verifier}

??? question "Un ?"
    Oui.

??? question "Deux ?"
    Oui.

## Aide officielle {#aide-officielle}

- [Le site de la CAF](https://www.caf.fr/)
""".replace("@TODAY@", TODAY)

LESSON = "docs/fr/lecons/exemple.md"
#: What a translator copies into `translation: {aligned_with: …}` for the lesson above.
FRENCH_VERSION = french_version(parse_lesson(GOOD, "fr/lecons/exemple.md"))


def make_docs(tmp_path: Path, translate: bool = True) -> Path:
    docs = tmp_path / "docs"
    (docs / "fr/lecons/images").mkdir(parents=True)
    (docs / "fr/lecons/exemple.md").write_text(GOOD, encoding="utf-8")
    (docs / "fr/lecons/autre.md").write_text(GOOD.replace("(autre.md#etape-1)", "(#etape-2)"), encoding="utf-8")
    (docs / "fr/lecons/images/dessin.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    for language in ("fr", "en") if translate else ("fr",):
        (docs / language).mkdir(exist_ok=True)
        (docs / language / "_interface.yml").write_text(
            (ROOT / "docs/en/_interface.yml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    if translate:
        (docs / "en/lecons").mkdir(parents=True, exist_ok=True)
        for name in ("exemple.md", "autre.md"):
            french = (docs / "fr/lecons" / name).read_text(encoding="utf-8")
            marker = marker_block(parse_lesson(french, f"fr/lecons/{name}"), date(2026, 1, 2)) + "---\n"
            english = french.replace("\n---\n", "\n" + marker, 1).replace("Ouvrez [la leçon suivante]", "Open [the next lesson]")
            english = english.replace("### Étape 1 : ouvrez", "### Step 1: open").replace(
                "**Vous voyez :** la page.", "**You see:** the page."
            )
            (docs / "en/lecons" / name).write_text(english, encoding="utf-8")
    return docs


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def problems_after(tmp_path, change, path="fr/lecons/exemple.md", translate=False):
    docs = make_docs(tmp_path, translate=translate)
    target = docs / path
    text = target.read_text(encoding="utf-8")
    new = change(text)
    if isinstance(new, bytes):
        target.write_bytes(new)
    else:
        target.write_text(new, encoding="utf-8")
    return [str(p) for p in lint(docs)], (new if isinstance(new, str) else "")


def test_a_good_lesson_and_its_translation_have_no_problem(tmp_path):
    assert lint(make_docs(tmp_path)) == []


def test_the_real_lessons_have_no_error():
    assert errors(lint(ROOT / "docs")) == []


def test_report_ends_with_a_summary():
    problem = Problem("docs/fr/lecons/x.md", 3, "image-alt", "message", "hint")
    assert report([problem]) == (
        "docs/fr/lecons/x.md:3: image-alt: message\n    hint: hint\nLesson check: 1 error(s), 0 warning(s)."
    )
    assert report([]) == "Lesson check: no problem found."


# --- Broken files: reported, never a crash -------------------------------------------


@pytest.mark.parametrize(
    "content,expected",
    [
        (
            "",
            f"{LESSON}:1: file-empty: the file is empty\n    hint: Start from docs/fr/lecons/_modele.md, "
            'or run: make lesson SLUG=... TITLE="..."',
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            f"{LESSON}:1: file-binary: this is not a text file\n"
            "    hint: Lessons are plain Markdown text; save the file as text (.md).",
        ),
        (
            "# Titre\n\nCaf\xe9".encode("latin-1"),
            f"{LESSON}:3: file-encoding: this file is not saved as UTF-8 text\n"
            "    hint: In your editor, choose 'Save with encoding' → UTF-8.",
        ),
        (
            "---\ntitle: Exemple\n\n# Exemple\n",
            f"{LESSON}:1: front-matter-unclosed: the front matter opened with '---' "
            "on line 1 is never closed\n    hint: Add a line with only '---' after the front matter's last field.",
        ),
    ],
    ids=["empty", "binary", "not-utf8", "unclosed-front-matter"],
)
def test_a_broken_file_is_reported_not_crashed_on(tmp_path, content, expected):
    found, _ = problems_after(tmp_path, lambda text: content)
    assert found == [expected]


def test_unreadable_yaml_is_reported_with_its_line(tmp_path):
    found, _ = problems_after(tmp_path, lambda t: t.replace("devices: [ordinateur]", "devices: [ordinateur"))
    assert found == [
        f"{LESSON}:{line_of(GOOD, 'digcomp:')}: front-matter-yaml: the front matter cannot be read: expected ',' or ']', but got ':'\n"
        "    hint: Each line between the two '---' is 'name: value'; lists are [a, b]; put a text containing ':' between quotes."
    ]


# --- One rule at a time: the exact message ---------------------------------------------

RULES = {
    "front-matter-missing": (
        lambda t: t.split("---\n", 2)[2],
        lambda t: [
            f"{LESSON}:1: front-matter-missing: the lesson has no front matter\n"
            "    hint: Start the file with the '---' block of docs/fr/lecons/_modele.md."
        ],
    ),
    "field-missing": (
        lambda t: t.replace("level: debutant\n", ""),
        lambda t: [
            f"{LESSON}:1: field-missing: the front matter has no 'level'\n"
            "    hint: Add a line 'level: ...' between the two '---' lines (see CONTRIBUTING.md)."
        ],
    ),
    "field-unknown": (
        lambda t: t.replace("duration: 10\n", "duration: 10\nobjectifs: [a]\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'objectifs')}: field-unknown: unknown field 'objectifs'\n    hint: Did you mean 'objectives'?"
        ],
    ),
    "field-type": (
        lambda t: t.replace("duration: 10", "duration: dix minutes"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'duration:')}: field-type: duration must be a number of minutes\n"
            "    hint: Write only the number, for example 'duration: 20'."
        ],
    ),
    "field-value-level": (
        lambda t: t.replace("level: debutant", "level: facile"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'level:')}: field-value: level 'facile' is not allowed\n"
            "    hint: Use one of: decouverte, debutant, intermediaire."
        ],
    ),
    "field-value-device": (
        lambda t: t.replace("devices: [ordinateur]", "devices: [tablette]"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'devices:')}: field-value: device 'tablette' is not allowed\n"
            "    hint: Use one of: ordinateur, telephone."
        ],
    ),
    "field-value-digcomp": (
        lambda t: t.replace('digcomp: ["2.1"]', 'digcomp: ["7.1"]'),
        lambda t: [
            f"{LESSON}:{line_of(t, 'digcomp:')}: field-value: '7.1' is not a DigComp 2.2 competence\n"
            '    hint: Use a code of DigComp 2.2, in quotes: "1.1" to "1.3", "2.1" to "2.6", "3.1" to "3.4", '
            '"4.1" to "4.4" or "5.1" to "5.4".'
        ],
    ),
    "field-value-prerequisite": (
        lambda t: t.replace("prerequisites: []", "prerequisites: [lecons/inconnue]"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'prerequisites:')}: field-value: prerequisite 'lecons/inconnue' is not a lesson\n"
            "    hint: Write the lesson's path without '.md', for example 'lecons/antivirus'."
        ],
    ),
    "date-invalid": (
        lambda t: t.replace(f"last_checked: {TODAY}", "last_checked: hier"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'last_checked:')}: date-invalid: last_checked 'hier' is not a date\n"
            "    hint: Write the date as YYYY-MM-DD, for example 2026-11-28."
        ],
    ),
    "date-future": (
        lambda t: t.replace(f"last_checked: {TODAY}", f"last_checked: {date.today() + timedelta(days=3)}"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'last_checked:')}: date-future: last_checked {date.today() + timedelta(days=3)} is in the future\n"
            "    hint: Write the day you last checked the steps against the real service."
        ],
    ),
    "heading-h1": (
        lambda t: t.replace("## Avant de commencer", "# Avant de commencer"),
        lambda t: [
            f"{LESSON}:1: section-missing: the section {{#avant}} is missing\n"
            "    hint: Add '## <title> {#avant}' with its content (see CONTRIBUTING.md for the order).",
            f"{LESSON}:{line_of(t, '# Avant de')}: heading-h1: the lesson has 2 main titles (lines starting with '# ')\n"
            "    hint: Keep exactly one '# ' title, at the top; use '## ' for sections.",
        ],
    ),
    "heading-skip": (
        lambda t: t.replace("Apprendre.\n", "Apprendre.\n\n#### Détail\n\nTexte.\n", 1),
        lambda t: [
            f"{LESSON}:{line_of(t, '#### Détail')}: heading-skip: heading 'Détail' jumps from level 2 to level 4\n"
            "    hint: Use ### for this heading, so screen-reader users do not miss a level."
        ],
    ),
    "section-missing": (
        lambda t: t.replace("## Si ça ne marche pas {#probleme}\n\nRecommencez.\n\n", ""),
        lambda t: [
            f"{LESSON}:1: section-missing: the section {{#probleme}} is missing\n"
            "    hint: Add '## <title> {#probleme}' with its content (see CONTRIBUTING.md for the order)."
        ],
    ),
    "section-empty": (
        lambda t: t.replace("Aidez.\n", ""),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#aidant}')}: section-empty: the section 'Pour l'aidant·e' is empty\n"
            "    hint: Write its content, or remove it if it is optional."
        ],
    ),
    "section-order": (
        lambda t: t.replace("## Pour l'aidant·e {#aidant}\n\nAidez.\n\n", "").replace(
            "## Aide officielle {#aide-officielle}",
            "## Pour l'aidant·e {#aidant}\n\nAidez.\n\n## Aide officielle {#aide-officielle}",
        ),
        lambda t: [
            f"{LESSON}:1: section-order: the sections are not in the usual order\n"
            "    hint: Put them in this order: #apprendre, #avant, #etapes, #aidant, #probleme, "
            "#autres-solutions, #verifier, #aide-officielle."
        ],
    ),
    "step-number": (
        lambda t: t.replace("{#etape-2}", "{#etape-3}"),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-3}')}: step-number: step 3 comes where step 2 is expected\n"
            "    hint: Renumber this step {#etape-2} (and the following ones)."
        ],
    ),
    "step-id-duplicate": (
        lambda t: t.replace("{#etape-2}", "{#etape-1}"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'fermez {#etape-1}')}: step-id-duplicate: the step id 'etape-1' is used twice\n"
            "    hint: Number the steps etape-1, etape-2, ... once each."
        ],
    ),
    "step-result": (
        lambda t: t.replace("**Vous voyez :** rien.\n{: .voir }\n", ""),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-2}')}: step-result: step 2 does not say what the learner should see\n"
            "    hint: End the step with a paragraph such as '**Vous voyez :** ...' followed by a line '{: .voir }'."
        ],
    ),
    "questions-count": (
        lambda t: t.replace('??? question "Deux ?"\n    Oui.\n', ""),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#verifier}')}: questions-count: 'check yourself' has 1 questions\n"
            "    hint: Ask 2 to 4 questions, each as '??? question \"...\"'."
        ],
    ),
    "image-missing": (
        lambda t: t.replace("images/dessin.svg", "images/absent.svg"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'absent.svg')}: image-missing: the image images/absent.svg does not exist\n"
            "    hint: Check the name, or add the file to docs/fr/lecons/images/."
        ],
    ),
    "image-alt-empty": (
        lambda t: t.replace("![Un dessin d'enveloppe avec un trombone.]", "![]"),
        lambda t: [
            f"{LESSON}:{line_of(t, '![]')}: image-alt: the image dessin.svg has no real text alternative\n"
            "    hint: Between [ ] write what the image shows, for someone who cannot see it."
        ],
    ),
    "image-alt-file-name": (
        lambda t: t.replace("![Un dessin d'enveloppe avec un trombone.]", "![dessin.svg]"),
        lambda t: [
            f"{LESSON}:{line_of(t, '![dessin.svg]')}: image-alt: the image dessin.svg has no real text alternative\n"
            "    hint: Between [ ] write what the image shows, for someone who cannot see it."
        ],
    ),
    "image-external": (
        lambda t: t.replace("images/dessin.svg", "https://example.org/x.png"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'example.org')}: image-external: the image https://example.org/x.png comes from another website\n"
            "    hint: Save the image in docs/fr/lecons/images/ (our own drawing) and link to it there."
        ],
    ),
    "link-broken": (
        lambda t: t.replace("(autre.md#etape-1)", "(absente.md)"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'absente.md')}: link-broken: the link to absente.md leads to no page in this language\n"
            "    hint: Check the file name and folder."
        ],
    ),
    "link-anchor": (
        lambda t: t.replace("(autre.md#etape-1)", "(autre.md#etape-9)"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'etape-9')}: link-anchor: the link to autre.md#etape-9 points to a place '#etape-9' that does not exist\n"
            "    hint: Check the step or section id, for example #etape-3."
        ],
    ),
    "link-text-vague": (
        lambda t: t.replace("[Le site de la CAF]", "[cliquez ici]"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'cliquez ici')}: link-text: the link text 'cliquez ici' does not say where it leads\n"
            "    hint: Write the name of the page or site, for example [le site de la CAF](https://www.caf.fr/)."
        ],
    ),
    "link-text-bare-url": (
        lambda t: t.replace("[Le site de la CAF]", "[https://www.caf.fr/]"),
        lambda t: [
            f"{LESSON}:{line_of(t, '[https')}: link-text: the link text 'https://www.caf.fr/' does not say where it leads\n"
            "    hint: Write the name of the page or site, for example [le site de la CAF](https://www.caf.fr/)."
        ],
    ),
    "unsafe-html": (
        lambda t: t.replace("Fermez.\n", "Fermez.\n\n<script>alert(1)</script>\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '<script>')}: unsafe-html: <script> is not allowed in a lesson\n"
            "    hint: Lessons are plain Markdown: remove the tag; scripts, frames and forms are never allowed."
        ],
    ),
    "raw-html": (
        lambda t: t.replace("Fermez.\n", "<b>Fermez.</b>\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '<b>')}: raw-html: <b> is HTML; lessons are written in Markdown only\n"
            "    hint: Use Markdown (** for bold, !!! for boxes, ??? question for questions) instead."
        ],
    ),
    "unsafe-attribute-through-attr-list": (
        lambda t: t.replace("Fermez.\n", 'Fermez.\n{ onclick="steal()" }\n'),
        lambda t: [
            f"{LESSON}:{line_of(t, 'onclick')}: attribute-not-allowed: the attribute list sets 'onclick'=\"steal()\"\n"
            "    hint: An attribute list may only give a heading its #id, a paragraph the class .voir, and words "
            "lang=… (e.g. {lang=fr}) or dir=…: remove the rest."
        ],
    ),
    "unsafe-url": (
        lambda t: t.replace("(https://www.caf.fr/)", "(javascript:alert(1))"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'javascript')}: unsafe-url: a 'javascript:' or 'data:' address is not allowed\n"
            "    hint: Link to a page (https://...) or to a file of the site."
        ],
    ),
    "unsafe-data-image": (
        lambda t: t.replace("(images/dessin.svg)", "(data:image/svg+xml,x)"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'data:image')}: unsafe-url: a 'javascript:' or 'data:' address is not allowed\n"
            "    hint: Link to a page (https://...) or to a file of the site."
        ],
    ),
    "template-text": (
        lambda t: t.replace("Rien.", "À ÉCRIRE"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'À ÉCRIRE')}: template-text: this line still holds the template's 'À ÉCRIRE'\n"
            "    hint: Replace it with the lesson's own text."
        ],
    ),
    "sources-missing": (
        lambda t: t.replace(
            "sources:\n  - url: https://www.caf.fr/\n    consulted: " + TODAY + "\n    supports: Le site de la CAF existe.\n", ""
        ),
        lambda t: [
            f"{LESSON}:1: sources-missing: the lesson does not say where its facts come from\n"
            "    hint: Add 'sources:' with, for each official page you read: url, consulted (date) and supports "
            "(the facts it backs). See CONTRIBUTING.md."
        ],
    ),
    "source-invalid": (
        lambda t: t.replace("url: https://www.caf.fr/", "url: http://www.caf.fr/"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'url: http')}: source-invalid: source 1 is not an https:// address\n"
            "    hint: Give the address of the page you read, starting with https://."
        ],
    ),
    "source-incomplete": (
        lambda t: t.replace("    supports: Le site de la CAF existe.\n", ""),
        lambda t: [
            f"{LESSON}:{line_of(t, 'url: https')}: source-invalid: source 1 lacks supports\n"
            "    hint: Each source has exactly: url, consulted (date) and supports (the facts it backs)."
        ],
    ),
    "step-unsourced": (
        lambda t: t.replace("Fermez.\n", "Cliquez sur **Se déconnecter**.\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-2}')}: step-unsourced: step 2 names something on screen ('Se déconnecter'), "
            "but no source backs it\n"
            "    hint: Add 2 to the 'steps:' of the source (an official page, 2025 or later) that shows it, e.g. "
            "'steps: [2]'. No source? Describe the action without naming the screen's words."
        ],
    ),
    "step-unsourced-quoted-words-too": (
        lambda t: t.replace("**Vous voyez :** rien.", "**Vous voyez :** le message « Vous êtes déconnecté »."),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-2}')}: step-unsourced: step 2 names something on screen "
            "('Vous êtes déconnecté'), but no source backs it\n"
            "    hint: Add 2 to the 'steps:' of the source (an official page, 2025 or later) that shows it, e.g. "
            "'steps: [2]'. No source? Describe the action without naming the screen's words."
        ],
    ),
    "step-sourced-is-fine": (
        lambda t: t.replace("Fermez.\n", "Cliquez sur **Se déconnecter**.\n").replace(
            "supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: [2]\n"
        ),
        lambda t: [],
    ),
    "step-without-screen-words-needs-no-source": (
        lambda t: t.replace("Fermez.\n", "Tapez `caf.fr` vous-même. Appuyez sur ++enter++.\n"),
        lambda t: [],
    ),
    "source-steps-not-a-step": (
        lambda t: t.replace("supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: [2, 7]\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'url: https')}: source-steps-invalid: source 1 names step 7, which this lesson "
            "does not have\n"
            "    hint: The steps are numbered 1 to 2: remove 7, or correct it."
        ],
    ),
    "source-steps-not-numbers": (
        lambda t: t.replace("supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: deux\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'url: https')}: source-steps-invalid: source 1: 'steps' must be a list of step numbers\n"
            "    hint: Write the numbers of the steps this page backs, for example 'steps: [2, 3]'."
        ],
    ),
    "live-check-with-a-good-entry-is-fine": (
        lambda t: t.replace(
            "sources:\n",
            "live_checks:\n  - date: " + TODAY + "\n    by: médiatrice numérique, France services\n"
            "    steps: [1, 2]\n    note: Tout correspondait.\nsources:\n",
        ),
        lambda t: [],
    ),
    "live-check-invalid": (
        lambda t: t.replace("sources:\n", "live_checks:\n  - date: " + TODAY + "\n    steps: [1]\nsources:\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'live_checks:')}: live-check-invalid: live check 1 does not say who redid the "
            "steps (a role)\n"
            "    hint: Each live check is '- date: YYYY-MM-DD', 'by: <a role, never a name>' (e.g. \"médiatrice "
            "numérique, France services\"), 'steps: [1, 2, 3]' (the steps that matched) and 'note: <what differed>'."
        ],
    ),
    "live-check-in-the-future": (
        lambda t: t.replace(
            "sources:\n",
            "live_checks:\n  - date: " + str(date.today() + timedelta(days=3)) + "\n    by: bibliothécaire\n"
            "    steps: [1]\nsources:\n",
        ),
        lambda t: [
            f"{LESSON}:{line_of(t, 'live_checks:')}: live-check-invalid: live check 1 is dated in the future "
            f"({date.today() + timedelta(days=3)})\n"
            "    hint: Each live check is '- date: YYYY-MM-DD', 'by: <a role, never a name>' (e.g. \"médiatrice "
            "numérique, France services\"), 'steps: [1, 2, 3]' (the steps that matched) and 'note: <what differed>'."
        ],
    ),
    "last-checked-unsupported": (
        lambda t: t.replace("consulted: " + TODAY, f"consulted: {date.today() - timedelta(days=40)}"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'last_checked:')}: last-checked-unsupported: last_checked is {TODAY}, but no "
            "source was consulted on or after that day\n"
            "    hint: last_checked is the day you checked the steps against the sources: change it only together "
            "with the sources' 'consulted' dates."
        ],
    ),
    "last-checked-old": (
        lambda t: t.replace(TODAY, str(date.today() - timedelta(days=400))),
        lambda t: [
            f"{LESSON}:{line_of(t, 'last_checked:')}: last-checked-old (warning): the steps were last checked on "
            f"{date.today() - timedelta(days=400)}, more than 12 months ago; readers see 'to check again'\n"
            "    hint: Check every step against the official sources, update 'consulted' and then last_checked."
        ],
    ),
    "step-asks-secret": (
        lambda t: t.replace("Fermez.\n", "Donnez votre mot de passe à la personne qui aide.\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-2}')}: step-asks-secret: step 2 asks the learner to hand over a secret "
            "('Donnez votre mot de passe')\n"
            "    hint: Nobody ever needs the learner's password or code: say 'ne donnez jamais …' instead."
        ],
    ),
    "step-asks-secret-not-for-a-warning": (
        lambda t: t.replace("Fermez.\n", "Ne donnez jamais votre mot de passe. Fermez.\n"),
        lambda t: [],
    ),
    "step-actions": (
        lambda t: t.replace("Fermez.\n", "Ouvrez le menu, choisissez Fichier et cliquez sur Fermer.\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '{#etape-2}')}: step-actions (warning): step 2 asks for 3 actions before 'Vous voyez'\n"
            "    hint: One action per step: split it into several steps, each with its own 'Vous voyez'."
        ],
    ),
    "sentence-long": (
        lambda t: t.replace("Recommencez.", "Recommencez " + "encore " * 25 + "plus tard."),
        lambda t: [
            f"{LESSON}:{line_of(t, 'Recommencez')}: sentence-long (warning): a sentence of 28 words (at most 25): "
            "'Recommencez encore encore encore encore encore…'\n"
            "    hint: Cut it in two: one idea per sentence."
        ],
    ),
    "jargon-unexplained": (
        lambda t: t.replace("Le guichet.", "Demandez votre RIB au guichet."),
        lambda t: [
            f"{LESSON}:{line_of(t, 'RIB')}: jargon-unexplained (warning): 'RIB' is not explained where it first appears\n"
            "    hint: Explain it in the same sentence, e.g. 'RIB (…)', or add it to docs/fr/glossaire.md."
        ],
    ),
    "jargon-explained-is-fine": (
        lambda t: t.replace(
            "Le guichet.", "Demandez votre RIB (le papier de la banque avec votre IBAN, c'est-à-dire le numéro du compte)."
        ),
        lambda t: [],
    ),
    "front-matter-duplicate": (
        lambda t: t.replace("level: debutant\n", "level: debutant\nlevel: decouverte\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'level: decouverte')}: front-matter-duplicate: the field 'level' is written twice\n"
            "    hint: Keep one 'level: …' line and delete the other."
        ],
    ),
    "front-matter-alias": (
        lambda t: t.replace("objectives:\n", "objectives: &o\n").replace("prerequisites: []", "prerequisites: *o"),
        lambda t: [
            f"{LESSON}:{line_of(t, '&o')}: front-matter-yaml: '&' and '*' (YAML anchors and aliases) are not allowed\n"
            "    hint: Write the value in full wherever it is needed, without '&' or '*'."
        ],
    ),
    "front-matter-key": (
        lambda t: t.replace("level: debutant\n", "level: debutant\n12: douze\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '12: douze')}: front-matter-key: '12' is not a field name\n"
            "    hint: Each line of the front matter (between the two '---') is 'name: value', the name in letters: "
            "copy the field's name from docs/fr/lecons/_modele.md."
        ],
    ),
    "date-with-time": (
        lambda t: t.replace("last_checked: " + TODAY, "last_checked: " + TODAY + " 10:30"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'last_checked:')}: date-invalid: last_checked '{TODAY} 10:30' is not a date\n"
            "    hint: Write the date as YYYY-MM-DD, for example 2026-11-28."
        ],
    ),
    "field-markup": (
        lambda t: t.replace("description: Une leçon d'exemple.", 'description: "x\\"><script>alert(1)</script>"'),
        lambda t: [
            f"{LESSON}:{line_of(t, 'description:')}: field-markup: 'description' holds HTML or a control character\n"
            "    hint: Front matter is plain text: write words only, without < > or &...; codes."
        ],
    ),
    "keywords-missing": (
        lambda t: t.replace(t[t.index("keywords:") : t.index("level:")], ""),
        lambda t: [
            f"{LESSON}:1: keywords-missing: the lesson has no keywords: search finds it only by the words of its "
            f"title and steps\n    hint: {KEYWORDS_HINT}"
        ],
    ),
    "keywords-count": (
        lambda t: t.replace("  - APL\n  - alocations\n", ""),
        lambda t: [
            f"{LESSON}:{line_of(t, 'keywords:')}: keywords-count: the lesson has 3 keyword(s): write 5 to 20\n"
            f"    hint: {KEYWORDS_HINT}"
        ],
    ),
    "keywords-type-list": (
        lambda t: t.replace(t[t.index("keywords:") : t.index("level:")], "keywords: allocations\n"),
        lambda t: [f"{LESSON}:{line_of(t, 'keywords:')}: keywords-type: 'keywords' must be a list\n    hint: {KEYWORDS_HINT}"],
    ),
    "keywords-type-number": (
        lambda t: t.replace("  - APL\n", "  - 3949\n"),
        lambda t: [f"{LESSON}:{line_of(t, 'keywords:')}: keywords-type: keyword 3949 is not words\n    hint: {KEYWORDS_HINT}"],
    ),
    "keywords-type-long": (
        lambda t: t.replace("  - APL\n", "  - comment faire pour toucher les allocations logement\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, 'comment faire')}: keywords-type: keyword 'comment faire pour toucher les allocatio…' "
            "is longer than 40 characters\n"
            "    hint: A keyword is what someone types in a search box: a few words. Say the rest in the lesson."
        ],
    ),
    "keywords-duplicate": (
        lambda t: t.replace("  - APL\n", "  - APL\n  - apl\n"),
        lambda t: [
            f"{LESSON}:{line_of(t, '- apl')}: keywords-duplicate (warning): keyword 'apl' is written twice\n    hint: Remove one."
        ],
    ),
}
KEYWORDS_HINT = (
    "Write 'keywords:' then, one a line, '- ' and the words people type to find this lesson (an old name, a brand, "
    "an everyday word, a common misspelling): 5 to 20, each under 40 characters. See CONTRIBUTING.md."
)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_reports_exactly_its_message(tmp_path, rule):
    change, expected = RULES[rule]
    found, text = problems_after(tmp_path, change)
    assert found == expected(text)


# --- Translations -------------------------------------------------------------------------

EN = "docs/en/lecons/exemple.md"


def test_a_missing_translation_is_a_warning_with_the_command_to_start_it(tmp_path):
    docs = make_docs(tmp_path)
    (docs / "en/lecons/exemple.md").unlink()
    problems = lint(docs)
    assert [str(p) for p in problems] == [
        f"{EN}:1: translation-missing (warning): no en translation yet\n"
        "    hint: Readers see a notice that links to the French. To start one: make lesson-translation LANGUAGE=en SLUG=exemple"
    ]
    assert errors(problems) == []


def test_a_translation_left_behind_by_a_french_change_is_outdated(tmp_path):
    docs = make_docs(tmp_path)
    french = docs / "fr/lecons/exemple.md"
    french.write_text(french.read_text(encoding="utf-8").replace("Rien.", "Rien du tout."), encoding="utf-8")
    text = (docs / "en/lecons/exemple.md").read_text(encoding="utf-8")
    recorded = load_front_matter(text.split("---\n")[1])["translation"]["parts"]["avant"]
    now = parse_lesson(french.read_text(encoding="utf-8"), "fr/lecons/exemple.md")
    assert [str(p) for p in lint(docs)] == [
        f"{EN}:{line_of(text, 'translation:')}: translation-outdated (warning): the French lesson has changed since this "
        "translation was made: #avant\n"
        "    hint: Update those parts (the translated page marks each changed step), then replace the whole 'translation:' "
        f"block with: translation: {{aligned_with: {french_version(now)}}}. Only spelling or punctuation changed in French? "
        f'Add instead to the French front matter: spelling_only: {{avant: "{recorded}={part_fingerprints(now)["avant"]}"}} '
        "With a terminal: .venv/bin/pasapas translations diff en exemple"
    ]


@pytest.mark.parametrize(
    "change,expected",
    [
        (
            lambda t: t.replace("{#etape-2}", "{#etape-2}", 1).replace(
                "### Étape 2 : fermez {#etape-2}\n\nFermez.\n\n**Vous voyez :** rien.\n{: .voir }\n\n", ""
            ),
            "the steps differ from the French (etape-1 instead of etape-1, etape-2)\n"
            "    hint: Keep exactly the French steps and their {#etape-N} ids, in the same order.",
        ),
        (
            lambda t: t.replace(
                "## Pas d'internet ? {#autres-solutions}\n\nLe guichet.\n\n",
                "## Pas d'internet ? {#autres-solutions}\n\nLe guichet.\n\n## Attention {#securite}\n\nPrudence.\n\n",
            ),
            None,
        ),
        (
            lambda t: t.replace("![Un dessin d'enveloppe avec un trombone.](images/dessin.svg)\n", ""),
            "the translation has 0 images, the French 1\n"
            "    hint: Use the same images as the French, each with a translated description.",
        ),
    ],
    ids=["steps", "sections", "images"],
)
def test_a_translation_shaped_differently_from_the_french_is_an_error(tmp_path, change, expected):
    found, text = problems_after(tmp_path, change, path="en/lecons/exemple.md", translate=True)
    structure = [p for p in found if "translation-structure" in p]
    assert len(structure) == 1
    if expected:
        line = line_of(text, "{#etape-1}") if "steps differ" in expected else 1
        assert structure == [f"{EN}:{line}: translation-structure: {expected}"]
    else:
        assert "the sections differ from the French" in structure[0]


def test_a_translation_traces_the_same_steps_to_each_source_as_the_french(tmp_path):
    found, text = problems_after(
        tmp_path,
        lambda t: t.replace("supports: Le site de la CAF existe.\n", "supports: Le site de la CAF existe.\n    steps: [1]\n"),
        path="en/lecons/exemple.md",
        translate=True,
    )
    assert found == [
        f"{EN}:{line_of(text, 'url: https')}: translation-structure: source 1 backs steps [1], the French one []\n"
        "    hint: Copy the French lesson's 'steps:' list under this source: only 'supports' is translated."
    ]


def test_live_checks_are_written_in_the_french_lesson_only(tmp_path):
    found, text = problems_after(
        tmp_path,
        lambda t: t.replace("sources:\n", "live_checks: []\nsources:\n"),
        path="en/lecons/exemple.md",
        translate=True,
    )
    assert found == [
        f"{EN}:{line_of(text, 'live_checks:')}: live-checks-translation: live_checks is written in the French lesson only\n"
        "    hint: Remove 'live_checks:' here: every language shows the French lesson's live checks."
    ]


def test_a_translation_with_other_facts_than_the_french_is_a_warning(tmp_path):
    found, text = problems_after(
        tmp_path, lambda t: t.replace("duration: 10", "duration: 15"), path="en/lecons/exemple.md", translate=True
    )
    assert found == [
        f"{EN}:{line_of(text, 'duration:')}: translation-facts (warning): duration is 15 here and 10 in the French\n"
        "    hint: Copy 'duration' from the French lesson: it is the same in every language."
    ]


def test_a_french_fact_changed_after_the_translation_only_outdates_it(tmp_path):
    docs = make_docs(tmp_path)
    french = docs / "fr/lecons/exemple.md"
    french.write_text(french.read_text(encoding="utf-8").replace("duration: 10", "duration: 15"), encoding="utf-8")
    assert errors(lint(docs)) == []
    assert "translation-facts (warning): duration is 10 here and 15 in the French" in report(lint(docs))


GLOSSARY = "Courriel {{ #{term} }}\n:   Un message.\n\n"


def test_a_glossary_term_missing_from_a_translation_is_a_warning_and_an_unknown_one_an_error(tmp_path):
    docs = make_docs(tmp_path)
    (docs / "fr/glossaire.md").write_text("---\ntitle: Glossaire\n---\n\n" + GLOSSARY.format(term="e-mail"), encoding="utf-8")
    (docs / "en/glossaire.md").write_text("---\ntitle: Glossary\n---\n\n" + GLOSSARY.format(term="email"), encoding="utf-8")
    found = [str(p) for p in lint(docs) if p.rule.startswith("glossary")]
    assert found == [
        "docs/en/glossaire.md:1: glossary-term-missing (warning): the French term 'e-mail' is not defined here yet\n"
        "    hint: Add '… { #e-mail }' and its definition, translated from docs/fr/glossaire.md.",
        "docs/en/glossaire.md:5: glossary-term-extra: 'email' is not a term of the French glossary\n"
        "    hint: Use the id of the French term ({ #id } as in the French glossary), or add the term in French first.",
    ]


def test_a_translation_without_its_marker_is_an_error(tmp_path):
    found, _ = problems_after(
        tmp_path,
        lambda t: t.split("translation:")[0] + "---" + t.split("date: 2026-01-02\n---", 1)[1],
        path="en/lecons/exemple.md",
        translate=True,
    )
    assert found == [
        f"{EN}:1: translation-marker: the translation does not say which French text it follows\n"
        f"    hint: Once it follows the French, add this line to the front matter: translation: {{aligned_with: {FRENCH_VERSION}}} "
        "(or run: .venv/bin/pasapas translations stamp docs/en/lecons/exemple.md)"
    ]


def test_a_placeholder_is_a_warning_only(tmp_path):
    docs = make_docs(tmp_path)
    french = (docs / "fr/lecons/exemple.md").read_text(encoding="utf-8")
    (docs / "en/lecons/exemple.md").write_text(french.replace("\n---\n", "\ntranslation: todo\n---\n", 1), encoding="utf-8")
    problems = lint(docs)
    assert [str(p) for p in problems] == [
        f"{EN}:{line_of(GOOD, 'supports:') + 1}: translation-todo (warning): not translated yet: readers see a notice that links to the French\n"
        f"    hint: Translate the text, then replace the line 'translation: todo' with: translation: {{aligned_with: {FRENCH_VERSION}}} "
        "(or run: .venv/bin/pasapas translations stamp docs/en/lecons/exemple.md)"
    ]


def test_a_translation_without_french_source_is_an_error(tmp_path):
    docs = make_docs(tmp_path)
    (docs / "en/lecons/seule.md").write_text(GOOD, encoding="utf-8")
    assert "docs/en/lecons/seule.md:1: translation-orphan: there is no French lesson with this file name" in report(lint(docs))


def test_a_translation_may_link_to_a_french_page_explicitly_but_not_to_a_missing_one(tmp_path):
    docs = make_docs(tmp_path)
    (docs / "fr/lecons/francais-seulement.md").write_text(GOOD, encoding="utf-8")
    english = docs / "en/lecons/exemple.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(
        text.replace("Fermez.", "Fermez. [La leçon en français](../../fr/lecons/francais-seulement.md)."), encoding="utf-8"
    )
    assert [p for p in lint(docs) if p.rule.startswith("link")] == []
    english.write_text(text.replace("Fermez.", "Fermez. [La leçon](francais-seulement.md)."), encoding="utf-8")
    broken = [str(p) for p in lint(docs) if p.rule.startswith("link")]
    assert broken == [
        f"{EN}:{line_of(english.read_text(encoding='utf-8'), 'francais-seulement')}: link-broken: the link to "
        "francais-seulement.md leads to no page in this language\n"
        "    hint: Check the file name and folder. It exists in French: link it explicitly, for example ../../fr/... ."
    ]


def test_a_translation_whose_step_is_still_the_french_is_an_error(tmp_path):
    found, text = problems_after(
        tmp_path,
        lambda t: t.replace("Fermez.\n", "Fermez la fenêtre de votre navigateur et ouvrez la page de la CAF dans un onglet.\n"),
        path="en/lecons/exemple.md",
        translate=True,
    )
    assert [p for p in found if "text-untranslated" in p] == [
        f"{EN}:{line_of(text, '{#etape-2}')}: text-untranslated: step 2 is still in French\n"
        "    hint: Translate this text; keep French words shown on screen as **…**{lang=fr}."
    ]


def test_a_step_heading_without_its_id_is_reported_on_its_line_and_the_next_steps_are_not_renumbered(tmp_path):
    found, text = problems_after(tmp_path, lambda t: t.replace("### Étape 1 : ouvrez {#etape-1}", "### Étape 1 : ouvrez"))
    structural = [p for p in found if "step-" in p.split("\n")[0]]
    assert structural == [
        f"{LESSON}:{line_of(text, '### Étape 1 : ouvrez')}: step-id-missing: this step heading has no id (it would be step 1)\n"
        "    hint: Add {#etape-1} at the end of the heading line, as in the other steps."
    ]


def test_a_broken_french_front_matter_is_reported_once_not_as_orphan_translations(tmp_path):
    found, _ = problems_after(tmp_path, lambda t: t.replace("level: debutant", "level: [debutant"), translate=True)
    assert [p.split(":")[0] for p in found] == ["docs/fr/lecons/exemple.md"]


def test_a_translation_behind_a_french_step_added_is_outdated_not_an_error(tmp_path):
    docs = make_docs(tmp_path)
    french = docs / "fr/lecons/exemple.md"
    step = "### Étape 3 : rangez {#etape-3}\n\nRangez.\n\n**Vous voyez :** rien.\n{: .voir }\n\n"
    french.write_text(
        french.read_text(encoding="utf-8").replace("## Pour l'aidant·e", step + "## Pour l'aidant·e"), encoding="utf-8"
    )
    problems = lint(docs)
    assert errors(problems) == []
    said = report(problems)
    assert "translation-outdated (warning): the French lesson has changed since this translation was made: step 3\n" in said
    assert (
        "translation-structure (warning): the steps differ from the French (etape-1, etape-2 instead of etape-1, etape-2, etape-3)"
        in said
    )


def test_a_translation_shaped_differently_while_up_to_date_is_an_error_on_the_first_differing_step(tmp_path):
    found, text = problems_after(
        tmp_path, lambda t: t.replace("{#etape-2}", "{#etape-3}"), path="en/lecons/exemple.md", translate=True
    )
    assert f"{EN}:{line_of(text, '{#etape-3}')}: translation-structure: the steps differ from the French" in "\n".join(found)
