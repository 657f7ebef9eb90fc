"""A practice (pasapas.model.practice) as HTML, in place of its `!!! practice "<name>"` block.

Accessibility acceptance criteria (each checked in tests/test_practice.py):
- every control is a real form control with a visible label; a choice is a fieldset with a
  legend; the pretend folder is a fieldset opened by a button that says whether it is open;
- the feedback on a mistake is written in a live region next to the button, the field is
  marked invalid and described by it, and focus goes back to that field;
- after a screen is done, what went well is said first and focus moves there;
- without JavaScript nothing of the widget shows: a sentence says that the practice needs
  it, and the "À essayer" list gives the same tasks to try for real (it is also what prints);
- nothing moves or fades (reduced motion needs no exception), and it reflows at 320 px.

Every text from the data file is escaped here: the file comes from a pull request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from html import escape

from pasapas.model.practice import Field, Practice, Screen

#: What Markdown makes of `!!! practice "<name>"` (Python-Markdown's admonition).
RENDERED_BLOCK = re.compile(
    r'<div class="admonition practice">\s*<p class="admonition-title">(?P<name>[^<]*)</p>\s*</div>', re.DOTALL
)
PAPERCLIP = (
    '<svg class="pap-practice-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">'
    '<path d="M8 12.5 14.5 6a3 3 0 0 1 4.2 4.2l-8 8a5 5 0 0 1-7-7L11 3.9" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round"/></svg>'
)


MARK = re.compile(r"<!--pap-practice (?P<name>[a-z0-9-]+)-->")


def hold_blocks(html: str) -> str:
    """Each practice block, as a comment that later passes (glossary links) leave alone."""
    return RENDERED_BLOCK.sub(lambda match: f"<!--pap-practice {escape(match.group('name').strip())}-->", html)


def names_in(html: str) -> list[str]:
    return [match.group("name") for match in MARK.finditer(html)]


def replace_blocks(
    html: str, practice_for: Callable[[str], Practice], ui: dict, isolate: Callable[[str], str] | None = None
) -> str:
    """Each held practice block of a page's HTML, rendered. `practice_for(name)` gives the
    data (and raises if there is none: the checker refuses such a lesson before the build).
    `isolate` marks the Latin runs of texts that the script writes into a right-to-left
    page (feedback), where no element can isolate them."""
    return MARK.sub(lambda match: render(practice_for(match.group("name")), ui, isolate), html)


def text(value: str) -> str:
    return escape(value, quote=False)


def attribute(value: str) -> str:
    return escape(value, quote=True)


PLACEHOLDER_ISOLATED = re.compile("\\{\u2068(\\w+)\u2069\\}")


def said(value: str, isolate: Callable[[str], str] | None) -> str:
    """A text the script shows: isolated for right-to-left pages, its {placeholders} kept."""
    return PLACEHOLDER_ISOLATED.sub(r"{\1}", isolate(value)) if isolate else value


def render(practice: Practice, ui: dict, isolate: Callable[[str], str] | None = None) -> str:
    prefix = f"pap-{practice.name}"
    tasks = "".join(f"<li>{text(screen.task)}</li>" for screen in practice.screens)
    screens = "".join(render_screen(screen, index, prefix, ui, isolate) for index, screen in enumerate(practice.screens))
    return (
        f'<div class="pap-practice" data-pap-practice="{attribute(practice.name)}">'
        f'<p class="pap-practice-badge">{text(ui["practice_label"])}</p>'
        f"<p><strong>{text(practice.title)}</strong></p>"
        f'<p class="pap-practice-intro">{text(practice.intro)}</p>'
        f'<p class="pap-practice-private">{text(ui["practice_private"])}</p>'
        f'<div class="pap-practice-try"><p><strong>{text(ui["practice_try"])}</strong></p><ol>{tasks}</ol></div>'
        f'<p class="pap-practice-nojs">{text(ui["practice_needs_js"])}</p>'
        f'<div class="pap-practice-app" hidden data-pap-attached="{attribute(said(ui["practice_attached"], isolate))}">'
        f"{screens}"
        f'<div class="pap-practice-done" hidden><p class="pap-practice-passed" tabindex="-1"></p>'
        f"<p>{text(practice.done)}</p>"
        f'<button type="button" class="pap-practice-restart">{text(ui["practice_restart"])}</button></div>'
        f"</div></div>"
    )


def render_screen(screen: Screen, index: int, prefix: str, ui: dict, isolate: Callable[[str], str] | None) -> str:
    screen_id = f"{prefix}-{screen.id}"
    hidden = " hidden" if index else ""
    passed = "" if index == 0 else '<p class="pap-practice-passed" tabindex="-1"></p>'
    shown = ""
    if screen.show:
        shown = '<ul class="pap-practice-messages">' + "".join(render_message(message) for message in screen.show) + "</ul>"
    fields = "".join(render_field(item, f"{screen_id}-{item.id}", ui, isolate) for item in screen.fields)
    success = f' data-pap-success="{attribute(said(screen.success, isolate))}"' if screen.success else ""
    return (
        f'<form class="pap-practice-screen" id="{screen_id}" aria-labelledby="{screen_id}-title" novalidate{hidden}{success}>'
        f"{passed}"
        f'<h3 class="pap-practice-title" id="{screen_id}-title" tabindex="-1">{text(screen.title)}</h3>'
        f'<p class="pap-practice-task">{text(screen.task)}</p>'
        f"{shown}{fields}"
        f'<button type="submit" class="pap-practice-send">{text(screen.button)}</button>'
        f'<p class="pap-practice-feedback" id="{screen_id}-feedback" role="status"></p>'
        f"</form>"
    )


def render_message(message) -> str:
    head = " — ".join(text(part) for part in (message.label, message.sender, message.when) if part)
    parts = [f'<p class="pap-practice-message-head"><strong>{head}</strong></p>' if head else ""]
    if message.subject:
        parts.append(f'<p class="pap-practice-subject">{text(message.subject)}</p>')
    parts.append(f"<p>{text(message.text)}</p>")
    if message.link:
        # Shown as the link text a message would have, but not a link: nothing here opens.
        parts.append(f'<p class="pap-practice-link" dir="ltr">{text(message.link)}</p>')
    return '<li class="pap-practice-message">' + "".join(parts) + "</li>"


def mistakes_attribute(item: Field, isolate: Callable[[str], str] | None) -> str:
    mistakes = [
        {
            key: said(value, isolate) if key == "say" else value
            for key, value in asdict(mistake).items()
            if value not in ("", 0, ())
        }
        for mistake in item.mistakes
    ]
    return attribute(json.dumps(mistakes, ensure_ascii=False, separators=(",", ":")))


def render_field(item: Field, field_id: str, ui: dict, isolate: Callable[[str], str] | None) -> str:
    hint_id = f"{field_id}-hint"
    hint = f'<p class="pap-practice-hint" id="{hint_id}">{text(item.hint)}</p>' if item.hint else ""
    described = f' aria-describedby="{hint_id}"' if item.hint else ""
    data = f'data-pap-field="{item.id}" data-pap-type="{item.type}" data-pap-mistakes="{mistakes_attribute(item, isolate)}"'
    if item.type == "choice":
        options = "".join(
            f'<div class="pap-practice-option"><input type="radio" id="{field_id}-{number}" name="{item.id}" value="{number}"'
            f'{" data-pap-correct" if option.correct else ""} data-pap-say="{attribute(said(option.say, isolate))}">'
            f'<label for="{field_id}-{number}">{text(option.label)}</label></div>'
            for number, option in enumerate(item.options, start=1)
        )
        return f'<fieldset class="pap-practice-field" {data}{described}><legend>{text(item.label)}</legend>{hint}{options}</fieldset>'
    if item.type == "attachment":
        files = "".join(
            f'<div class="pap-practice-option"><input type="radio" id="{field_id}-file-{number}" name="{item.id}-file"'
            f' value="{attribute(name)}"><label for="{field_id}-file-{number}">{text(name)}</label></div>'
            for number, name in enumerate(item.files, start=1)
        )
        return (
            f'<div class="pap-practice-field" {data}>'
            f'<button type="button" class="pap-practice-attach" aria-expanded="false" aria-controls="{field_id}-folder"'
            f"{described}>{PAPERCLIP}{text(item.label)}</button>{hint}"
            f'<p class="pap-practice-attached" id="{field_id}-attached">{text(ui["practice_no_attachment"])}</p>'
            f'<fieldset class="pap-practice-folder" id="{field_id}-folder" hidden><legend>{text(item.folder)}</legend>{files}'
            f'<button type="button" class="pap-practice-open">{text(item.open)}</button></fieldset>'
            f'<input type="hidden" name="{item.id}" value=""></div>'
        )
    common = f'id="{field_id}" name="{item.id}" autocomplete="off" spellcheck="false"{described}'
    if item.type == "textarea":
        control = f'<textarea {common} rows="4"></textarea>'
    else:
        kind = "password" if item.type == "password" else "text"
        numeric = ' inputmode="numeric"' if item.numeric else ""
        control = f'<input type="{kind}" {common}{numeric}>'
    return f'<div class="pap-practice-field" {data}><label for="{field_id}">{text(item.label)}</label>{hint}{control}</div>'
