"""Practice screens: a safe imitation of a real screen inside a lesson, where a mistake
costs nothing (pasapas/model/practice.py, pasapas/transform/practice.py, practice.js).

Acceptance criteria, each a test below:
- a practice file is read strictly: each problem is said as path:line, and a translation
  keeps the French structure;
- a lesson's practice block needs its data file and its place after the steps;
- every text of the data file is escaped, and right-to-left feedback keeps its placeholders;
- in a browser, each practice is completed in French and Arabic by keyboard alone, each
  documented mistake gets its answer, and no request leaves the page, nothing is stored;
- axe (WCAG 2.2 tags) finds no violation in any state; without JavaScript the widget does
  not show and the block says why; the print sheet has the "to try" list, not the widget;
- it works from the offline copy (file://), and each practice costs at most 10 KB gzip.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, SOURCE_LANGUAGE, prefix, ui

from pasapas.checks import files as file_checks
from pasapas.checks import lessons as lesson_lint
from pasapas.checks.page_speed import start_theme
from pasapas.model import practice
from pasapas.transform import bidi
from pasapas.transform import practice as practice_html

DOCS = ROOT / "docs"
#: Every practice of the site: a new one is read, weighed and tried like the others.
PRACTICES = tuple(
    sorted(path.stem.removeprefix(practice.FILE_PREFIX) for path in (DOCS / "fr" / "lecons").glob(practice.FILE_PREFIX + "*.yml"))
)
#: Languages that have translated the practices (a new language starts without them).
WITH_PRACTICE = [language for language in LANGUAGES if practice.data_path(DOCS, language, "faux-messages").is_file()]
#: In a browser: the source language and the right-to-left ones (the other translations
#: run the same script on the same markup; their data is checked above).
IN_BROWSER = [language for language in WITH_PRACTICE if language == SOURCE_LANGUAGE or bidi.is_rtl(language)]
AXE = ROOT / "node_modules/axe-core/axe.min.js"
SCRIPT = ROOT / "overrides/assets/javascripts/practice.js"


def data(language: str, name: str) -> practice.Practice:
    return practice.read_practice(DOCS, language, name)


def said(language: str, text: str) -> str:
    """A feedback text as the page shows it: Latin runs isolated on right-to-left pages."""
    return practice_html.said(text, bidi.isolate_plain if bidi.is_rtl(language) else None)


def mistake(practice_data: practice.Practice, field_id: str, when: str, **match) -> str:
    for screen in practice_data.screens:
        for item in screen.fields:
            if item.id == field_id:
                for found in item.mistakes:
                    if found.when == when and all(getattr(found, key) == value for key, value in match.items()):
                        return found.say
    raise AssertionError(f"no mistake {when} on {field_id}")


def option(practice_data: practice.Practice, field_id: str, number: int) -> str:
    for screen in practice_data.screens:
        for item in screen.fields:
            if item.id == field_id:
                return item.options[number - 1].say
    raise AssertionError(field_id)


# --- The data file ------------------------------------------------------------------------------


def test_every_practice_of_every_language_reads_and_keeps_the_french_structure():
    for name in PRACTICES:
        french = data(SOURCE_LANGUAGE, name)
        for language in WITH_PRACTICE:
            assert practice.structure_difference(french, data(language, name)) is None, (language, name)


def read(text: str) -> practice.Practice:
    return practice.parse_practice(textwrap.dedent(text), "essai", "docs/fr/lecons/_entrainement-essai.yml")


MINIMAL = """\
title: Essai
intro: Pour essayer.
done: Bravo.
screens:
  - id: un
    title: Écran
    task: Tapez un mot.
    button: Valider
    fields:
      - id: mot
        type: text
        label: Mot
        mistakes:
          - when: empty
            say: La case est vide.
"""


def test_a_minimal_practice_reads():
    found = read(MINIMAL)
    assert [screen.id for screen in found.screens] == ["un"]
    assert found.screens[0].fields[0].mistakes[0].say == "La case est vide."


@pytest.mark.parametrize(
    "change,message",
    [
        (
            ("        label: Mot\n", "        label: Mot\n        colour: red\n"),
            "docs/fr/lecons/_entrainement-essai.yml:13: unknown field 'colour' (known: files, folder, hint, id, label, mistakes, numeric, open, options, type)",
        ),
        (("    button: Valider\n", ""), "docs/fr/lecons/_entrainement-essai.yml:5: missing field: button"),
        (
            ("when: empty", "when: wrong"),
            "docs/fr/lecons/_entrainement-essai.yml:14: unknown mistake 'wrong' (known: empty, lacks, digits, not_digits, is, is_not, empty_and_mentioned)",
        ),
        (("when: empty", "when: lacks"), "docs/fr/lecons/_entrainement-essai.yml:14: the mistake 'lacks' needs 'text'"),
        (
            ("type: text", "type: slider"),
            "docs/fr/lecons/_entrainement-essai.yml:11: unknown field type 'slider' (known: text, password, textarea, choice, attachment)",
        ),
        (
            ("id: mot", "id: Mot Deux"),
            "docs/fr/lecons/_entrainement-essai.yml:10: 'Mot Deux' is not an id: lower-case letters, digits and dashes",
        ),
        (
            ("title: Essai", "title: &a Essai"),
            "docs/fr/lecons/_entrainement-essai.yml:1: '&' and '*' (YAML anchors and aliases) are not allowed",
        ),
        (
            ("title: Essai", "title: [Essai"),
            "docs/fr/lecons/_entrainement-essai.yml:2: this is not valid YAML: expected ',' or ']', but got ':'",
        ),
        (
            ("say: La case est vide.", 'say: "La case \u202eest vide."'),
            "docs/fr/lecons/_entrainement-essai.yml:15: this text holds a control character (direction marks are added by the build)",
        ),
        (("say: La case est vide.", 'say: ""'), "docs/fr/lecons/_entrainement-essai.yml:15: this text is empty"),
    ],
)
def test_a_wrong_practice_file_is_refused_with_its_line(change, message):
    old, new = change
    assert old in MINIMAL
    with pytest.raises(practice.PracticeError) as error:
        read(MINIMAL.replace(old, new, 1))
    assert str(error.value) == message


def test_a_choice_needs_exactly_one_right_answer():
    choice = MINIMAL.replace(
        "        type: text\n",
        "        type: choice\n        options:\n          - label: A\n            say: Non.\n          - label: B\n            say: Non plus.\n",
    )
    with pytest.raises(
        practice.PracticeError, match=r":13: a choice needs at least two options, and exactly one with 'correct: true'"
    ):
        read(choice)


def test_a_wrong_file_named_by_a_mistake_must_be_in_the_pretend_folder():
    attachment = MINIMAL.replace(
        "        type: text\n",
        "        type: attachment\n        folder: Dossier\n        files: [a.pdf, b.pdf]\n        open: Ouvrir\n",
    ).replace("          - when: empty\n", "          - when: is_not\n            text: c.pdf\n")
    with pytest.raises(practice.PracticeError, match=r":17: 'c.pdf' is not one of the files of the pretend folder"):
        read(attachment)


def test_a_translation_that_moves_the_right_answer_is_told_where():
    french = data(SOURCE_LANGUAGE, "faux-messages")
    first = french.screens[0]
    question = first.fields[0]
    rotated = dataclasses.replace(question, options=question.options[1:] + question.options[:1])
    moved = dataclasses.replace(french, screens=(dataclasses.replace(first, fields=(rotated,)), *french.screens[1:]))
    assert practice.structure_difference(french, moved) == (
        "entry 2 differs: the French file has field 'faux' of screen 'lequel' (type choice), this one field 'faux' of "
        "screen 'lequel' (type choice)"
    )


# --- The lesson checker ------------------------------------------------------------------------


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    shutil.copytree(DOCS, tmp_path / "docs")
    return tmp_path / "docs"


def lint_problems(docs: Path, rule: str) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message} | {p.hint}" for p in lesson_lint.lint(docs) if p.rule == rule]


def test_a_practice_block_without_its_data_file_is_refused_with_what_to_copy(docs_copy):
    lesson = docs_copy / "fr/lecons/sms.md"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace(
        "## Pour la personne qui aide {#aidant}",
        '## Entraînez-vous {#entrainement}\n\n!!! practice "sms"\n\n## Pour la personne qui aide {#aidant}',
    )
    lesson.write_text(text, encoding="utf-8")
    line = text.splitlines().index('!!! practice "sms"') + 1
    assert lint_problems(docs_copy, "practice-missing") == [
        f"docs/fr/lecons/sms.md:{line}: there is no practice file docs/fr/lecons/_entrainement-sms.yml | Copy "
        "docs/fr/lecons/_entrainement-e-mail-piece-jointe.yml, name it _entrainement-<the name in quotes>.yml, and change "
        "its texts (see CONTRIBUTING.md, 'Add a practice screen')."
    ]


def test_a_practice_block_among_the_steps_is_refused(docs_copy):
    lesson = docs_copy / "fr/lecons/faux-messages.md"
    text = lesson.read_text(encoding="utf-8").replace('!!! practice "faux-messages"\n', "")
    text = text.replace("#### Étape 2 :", '!!! practice "faux-messages"\n\n#### Étape 2 :')
    lesson.write_text(text, encoding="utf-8")
    line = text.splitlines().index('!!! practice "faux-messages"') + 1
    assert lint_problems(docs_copy, "practice-place") == [
        f"docs/fr/lecons/faux-messages.md:{line}: a practice block goes in the practice section, after the steps | Put it "
        "under a heading '## Entraînez-vous {#entrainement}' placed after '## Les étapes {#etapes}'."
    ]


@pytest.mark.parametrize("language", [language for language in WITH_PRACTICE if language != SOURCE_LANGUAGE])
def test_a_translated_practice_with_another_structure_is_refused(docs_copy, language):
    path = practice.data_path(docs_copy, language, "caf-mon-compte")
    path.write_text(path.read_text(encoding="utf-8").replace("count: 15", "count: 14"), encoding="utf-8")
    found = lint_problems(docs_copy, "practice-structure")
    assert found == [
        f"docs/{language}/lecons/_entrainement-caf-mon-compte.yml:1: entry 4 differs: the French file has mistake 'digits 15' "
        "on field 'numero' of screen 'identifiants', this one mistake 'digits 14' on field 'numero' of screen 'identifiants' | "
        "Translate the texts only: ids, field types, mistakes and right answers stay as in "
        "docs/fr/lecons/_entrainement-caf-mon-compte.yml."
    ]


def test_a_broken_practice_file_is_reported_once_with_its_line(docs_copy):
    path = practice.data_path(docs_copy, "fr", "faux-messages")
    path.write_text(
        path.read_text(encoding="utf-8").replace('    button: "Valider"\n', '    buton: "Valider"\n', 1), encoding="utf-8"
    )
    found = [p for p in lesson_lint.lint(docs_copy) if p.severity == "error"]
    assert [(p.path, p.line, p.rule) for p in found] == [("docs/fr/lecons/_entrainement-faux-messages.yml", 10, "practice-data")]
    assert found[0].message.startswith("unknown field 'buton'")
    assert file_checks.check_docs(docs_copy) == found


# --- Rendering ------------------------------------------------------------------------------------


def test_every_text_of_the_data_file_is_escaped():
    hostile = read(
        MINIMAL.replace("label: Mot", 'label: "<img src=x onerror=alert(1)>"').replace(
            "La case est vide.", '"\\"><script>alert(1)</script>"'
        )
    )
    html = practice_html.render(hostile, ui(SOURCE_LANGUAGE))
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_right_to_left_feedback_isolates_latin_runs_and_keeps_placeholders():
    assert practice_html.said("لديك {count} رقمًا، مثل caf.fr", bidi.isolate_plain) == "لديك {count} رقمًا، مثل \u2068caf.fr\u2069"


def test_without_javascript_the_block_says_so_and_lists_what_to_try():
    found = data(SOURCE_LANGUAGE, "caf-mon-compte")
    html = practice_html.render(found, ui(SOURCE_LANGUAGE))
    assert '<div class="pap-practice-app" hidden' in html
    assert f'<p class="pap-practice-nojs">{ui(SOURCE_LANGUAGE)["practice_needs_js"]}</p>' in html.replace("&#x27;", "'")
    tasks = re.search(r'<div class="pap-practice-try">.*?<ol>(.*?)</ol>', html).group(1)
    assert tasks.count("<li>") == len(found.screens)


# --- In a browser ----------------------------------------------------------------------------------


def lesson_url(base_url: str, language: str, name: str) -> str:
    return f"{base_url}{prefix(language)}lecons/{name}/#entrainement"


@pytest.fixture
def practice_page(browser, base_url):
    """A lesson opened at its practice section (as a helper's link does), the theme's
    script started, then every request and storage write recorded while practising."""
    contexts = []

    def open_practice(language: str, name: str, **options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, **options)
        contexts.append(context)
        page = context.new_page()
        url = lesson_url(base_url, language, name)
        page.goto(url, wait_until="networkidle")
        start_theme(page, url, 1280, 900)  # the reader's first gesture starts the theme's script
        page.wait_for_load_state("networkidle")
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        # Typing went to the right place: the first field after the section's heading.
        page.evaluate("() => document.getElementById('entrainement').focus()")
        return page

    yield open_practice
    for context in contexts:
        context.close()


def feedback(page) -> str:
    return page.locator("form.pap-practice-screen:not([hidden]) .pap-practice-feedback").inner_text()


def passed(page) -> str:
    return page.evaluate(
        "() => document.activeElement.classList.contains('pap-practice-passed') ? document.activeElement.textContent : null"
    )


def focused_name(page) -> str:
    return page.evaluate("() => document.activeElement.getAttribute('name') || document.activeElement.className")


def axe_violations(page) -> list:
    page.add_script_tag(path=str(AXE)) if not page.evaluate("() => !!window.axe") else None
    result = page.evaluate(
        """() => axe.run(document.querySelector('.pap-practice'), {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [(v["id"], [n["html"][:80] for n in v["nodes"]]) for v in result["violations"]]


def nothing_left_the_page(page, typed: list[str]) -> None:
    assert page.requests == [], page.requests
    stored = page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")
    assert not any(value in stored for value in typed), stored


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_e_mail_practice_is_done_by_keyboard_with_each_mistake_explained(practice_page, language):
    found = data(language, "e-mail-piece-jointe")
    page = practice_page(language, "e-mail-piece-jointe")
    states = {"start": axe_violations(page)}
    keyboard = page.keyboard
    keyboard.press("Tab")
    assert focused_name(page) == "a"
    keyboard.type("camille.martinexemple.fr")
    keyboard.press("Tab")
    keyboard.type("Attestation")
    keyboard.press("Tab")
    keyboard.type(found.screens[0].fields[3].mistakes[0].words[0] + " 1")
    keyboard.press("Enter")  # a new line in the message: nothing is sent
    keyboard.press("Tab")  # the paperclip
    keyboard.press("Tab")  # Send
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "a", "lacks"))
    assert focused_name(page) == "a"
    assert page.locator("input[name=a]").get_attribute("aria-invalid") == "true"
    states["mistake"] = axe_violations(page)
    keyboard.press("ControlOrMeta+A")
    keyboard.type("camille.martin@exemple.fr")
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "piece", "empty_and_mentioned"))
    assert "pap-practice-attach" in focused_name(page)
    keyboard.press("Enter")  # open the pretend folder
    states["folder"] = axe_violations(page)
    keyboard.press("ArrowDown")  # the second file: attestation-loyer.pdf
    keyboard.press("Tab")
    keyboard.press("Enter")  # Open
    assert "pap-practice-attach" in focused_name(page)
    assert "attestation-loyer.pdf" in page.locator(".pap-practice-attached").inner_text()
    keyboard.press("Tab")
    keyboard.press("Enter")  # Send
    assert passed(page) == said(language, found.screens[0].success)
    assert page.locator(".pap-practice-done").is_visible()
    states["done"] = axe_violations(page)
    assert states == {state: [] for state in states}
    nothing_left_the_page(page, ["camille.martin", "Attestation"])


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_login_practice_catches_the_key_typed_too_and_an_old_code(practice_page, language):
    found = data(language, "caf-mon-compte")
    page = practice_page(language, "caf-mon-compte")
    assert axe_violations(page) == []
    keyboard = page.keyboard
    keyboard.press("Tab")
    keyboard.type("1 23 45 67 890 123 45")
    keyboard.press("Tab")
    keyboard.type("Essai2026")
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "numero", "digits", count=15))
    assert axe_violations(page) == []
    keyboard.press("ControlOrMeta+A")
    keyboard.type("123456789012")
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "numero", "not_digits")).replace("{count}", "12")
    keyboard.press("ControlOrMeta+A")
    keyboard.type("1234567890123")
    keyboard.press("Enter")
    assert passed(page) == said(language, found.screens[0].success)
    assert axe_violations(page) == []
    keyboard.press("Tab")  # Send the code
    keyboard.press("Enter")
    assert passed(page) == said(language, found.screens[1].success)
    assert axe_violations(page) == []
    keyboard.press("Tab")
    assert focused_name(page) == "code"
    keyboard.type("418592")
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "code", "is", text="418592"))
    keyboard.press("ControlOrMeta+A")
    keyboard.type("736 201")
    keyboard.press("Enter")
    assert page.locator(".pap-practice-done").is_visible()
    assert axe_violations(page) == []
    nothing_left_the_page(page, ["Essai2026", "1234567890123", "736 201"])


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_fake_message_practice_explains_each_wrong_choice_and_ends_with_33700(practice_page, language):
    found = data(language, "faux-messages")
    page = practice_page(language, "faux-messages")
    assert axe_violations(page) == []
    keyboard = page.keyboard
    keyboard.press("Tab")
    keyboard.press("Tab")  # Validate, nothing chosen
    keyboard.press("Enter")
    assert feedback(page) == said(language, mistake(found, "faux", "empty"))
    keyboard.press("Space")  # message 1
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert feedback(page) == said(language, option(found, "faux", 1))
    assert axe_violations(page) == []
    keyboard.press("ArrowDown")  # message 2, the fake one
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert passed(page) == said(language, option(found, "faux", 2))
    assert axe_violations(page) == []
    keyboard.press("Tab")
    keyboard.press("Space")  # "https"
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert feedback(page) == said(language, option(found, "site", 1))
    keyboard.press("ArrowDown")
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert passed(page) == said(language, option(found, "site", 2))
    assert axe_violations(page) == []
    keyboard.press("Tab")
    keyboard.press("Space")  # touch the link
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert feedback(page) == said(language, option(found, "action", 1))
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")  # forward to 33700
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert passed(page) == said(language, option(found, "action", 3))
    assert axe_violations(page) == []
    page.get_by_role("button", name=ui(language)["practice_restart"]).press("Enter")
    assert page.locator("form.pap-practice-screen:not([hidden])").count() == 1
    assert page.locator("input[type=radio]:checked").count() == 0
    nothing_left_the_page(page, [])


#: The practices made of choices only: each is done by keyboard alone, the same way.
CHOICES_ONLY = [
    name
    for name in PRACTICES
    if all(item.type == "choice" for screen in data(SOURCE_LANGUAGE, name).screens for item in screen.fields)
]


@pytest.mark.parametrize("language", IN_BROWSER)
@pytest.mark.parametrize("name", CHOICES_ONLY)
def test_every_practice_of_choices_is_done_by_keyboard_alone_each_right_answer_said(practice_page, language, name):
    found = data(language, name)
    page = practice_page(language, name)
    assert axe_violations(page) == []
    keyboard = page.keyboard
    for screen in found.screens:
        for item in screen.fields:
            keyboard.press("Tab")  # into the choices
            keyboard.press("Space")  # the first one
            for _ in range(next(number for number, choice in enumerate(item.options) if choice.correct)):
                keyboard.press("ArrowDown")
        keyboard.press("Tab")
        keyboard.press("Enter")
        right = next(choice for choice in screen.fields[-1].options if choice.correct)
        assert passed(page) == said(language, right.say), (name, screen.id)
    assert page.locator(".pap-practice-done").is_visible()
    assert axe_violations(page) == []
    nothing_left_the_page(page, [])


@pytest.mark.parametrize("language", IN_BROWSER)
def test_without_javascript_the_lesson_is_unchanged_and_the_practice_says_it_needs_it(browser, base_url, language):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(lesson_url(base_url, language, "caf-mon-compte"))
    assert not page.locator(".pap-practice-app").is_visible()
    assert page.locator(".pap-practice-nojs").is_visible()
    assert page.locator(".pap-practice-try li").count() == 3
    context.close()


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_print_sheet_shows_what_to_try_instead_of_the_widget(browser, base_url, language):
    context = browser.new_context()
    page = context.new_page()
    page.goto(lesson_url(base_url, language, "faux-messages"), wait_until="networkidle")
    page.emulate_media(media="print")
    assert not page.locator(".pap-practice-app").is_visible()
    assert not page.locator(".pap-practice-badge").is_visible()
    assert page.locator(".pap-practice-try").is_visible()
    assert page.locator(".pap-practice-try").inner_text().startswith(ui(language)["practice_try"])
    context.close()


@pytest.mark.parametrize("language", IN_BROWSER)
def test_the_practice_reflows_at_320_px_with_the_folder_open(browser, base_url, language):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(lesson_url(base_url, language, "e-mail-piece-jointe"), wait_until="networkidle")
    page.locator(".pap-practice-attach").click()
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.pap-practice *')].map(e => e.getBoundingClientRect().right))"
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert widest <= 320
    # Nothing of the practice moves or fades (so reduced motion needs no exception).
    moving = "() => document.getAnimations().filter(a => a.effect && a.effect.target && a.effect.target.closest('.pap-practice')).length"
    assert page.evaluate(moving) == 0
    context.close()


def test_a_practice_costs_at_most_10_kb_gzip_script_and_markup_together(site):
    script = len(gzip.compress(SCRIPT.read_bytes(), compresslevel=9))
    for language in WITH_PRACTICE:
        for name in PRACTICES:
            html = (site.dir / prefix(language) / "lecons" / name / "index.html").read_text(encoding="utf-8")
            block = re.search(r'<div class="pap-practice".*?</button></div></div></div>', html, re.DOTALL).group(0)
            assert script + len(gzip.compress(block.encode("utf-8"), compresslevel=9)) <= 10_000, (language, name)
            assert html.count("practice.js") == 1


def test_only_lessons_with_a_practice_load_its_script(site):
    for page in site.pages():
        html = (site.dir / page.path).read_text(encoding="utf-8") if hasattr(page, "path") else ""
        has_block = 'class="pap-practice"' in html
        assert has_block == ("practice.js" in html), page


def test_the_practice_works_from_the_offline_copy(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_copy / "lecons/caf-mon-compte.html").as_uri() + "#entrainement")
    page.evaluate("() => document.getElementById('entrainement').focus()")
    page.keyboard.press("Tab")
    page.keyboard.type("1234567890123")
    page.keyboard.press("Tab")
    page.keyboard.type("Essai2026")
    page.keyboard.press("Enter")
    assert passed(page) == data(SOURCE_LANGUAGE, "caf-mon-compte").screens[0].success
    assert [url for url in requests if not url.startswith(("file://", "data:"))] == []
    context.close()


def test_digits_typed_on_an_arabic_keyboard_count_as_digits(practice_page):
    language = next((language for language in WITH_PRACTICE if bidi.is_rtl(language)), None)
    if language is None:
        pytest.skip("no right-to-left language has the practices yet")
    page = practice_page(language, "caf-mon-compte")
    page.keyboard.press("Tab")
    page.keyboard.type("١٢٣٤٥٦٧٨٩٠١٢٣")  # 1234567890123 in Arabic-Indic digits
    page.keyboard.press("Tab")
    page.keyboard.type("Essai2026")
    page.keyboard.press("Enter")
    assert passed(page) == said(language, data(language, "caf-mon-compte").screens[0].success)
