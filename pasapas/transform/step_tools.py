"""The helper-and-learner tools of a lesson page, written at build time so that they
exist without JavaScript and are then enhanced by assets/javascripts/pasapas.js:

- under each step: a link to that step (Web Share or copy when JavaScript runs) and an
  "I did this step" box (shown only with JavaScript, which saves it in this browser);
- under the title: "listen" controls (shown only where the browser has a voice for the
  page's language) and "clear my progress on this computer";
- at the end: a QR code of the lesson's address, to continue on a phone.
"""

from __future__ import annotations

import re
from html import escape

import segno

#: A fixed mask: choosing the best of eight for every page costs more build time than
#: it gains in readability; any mask gives a valid code.
QR_OPTIONS = {"error": "m", "mask": 2, "boost_error": False}
STEP_HEADING = re.compile(r'(<h([34]) id="(etape-\d+)"[^>]*>.*?</h\2>)', re.DOTALL)


def step_tools(step_id: str, ui: dict, report_url: str | None = None) -> str:
    report = f'<a class="pap-report" href="{escape(report_url)}">{escape(ui["report_step"])}</a>' if report_url else ""
    return (
        f'<div class="pap-step-tools" data-step="{step_id}">'
        f'<a class="pap-share" href="#{step_id}">{escape(ui["share_step"])}</a>'
        f'<button type="button" class="pap-listen-step" data-step="{step_id}" hidden>{escape(ui["listen_step"])}</button>'
        f'<label class="pap-done" hidden><input type="checkbox" class="pap-done__box" data-step="{step_id}"> '
        f"{escape(ui['step_done'])}</label>"
        f"{report}"
        f"</div>"
    )


def add_step_tools(html: str, ui: dict, report_url=None) -> str:
    """`report_url(step_id)`: where to report a problem with that step (None: no link)."""
    return STEP_HEADING.sub(
        lambda m: m.group(1) + step_tools(m.group(3), ui, report_url(m.group(3)) if report_url else None), html
    )


def edit_link(edit_url: str, ui: dict) -> str:
    return f'<p class="pap-edit"><a href="{escape(edit_url)}">{escape(ui["edit_page"])}</a></p>'


def toolbar(lesson_key: str, ui: dict) -> str:
    messages = {
        "copied": ui["share_copied"],
        "copy-failed": ui["share_failed"],
        "cleared": ui["progress_cleared"],
    }
    data = " ".join(f'data-{name}="{escape(text)}"' for name, text in messages.items())
    return (
        f'<div class="pap-tools" data-lesson="{escape(lesson_key)}" {data}>'
        f'<div class="pap-listen" hidden>'
        f'<button type="button" data-listen="lesson">{escape(ui["listen_lesson"])}</button>'
        f'<button type="button" data-listen="pause">{escape(ui["listen_pause"])}</button>'
        f'<button type="button" data-listen="stop">{escape(ui["listen_stop"])}</button>'
        f"</div>"
        f'<p class="pap-progress" hidden><button type="button" class="pap-progress__clear">{escape(ui["progress_clear"])}</button> '
        f"<span>{escape(ui['progress_explain'])}</span></p>"
        f'<p class="pap-live" role="status" aria-live="polite"></p>'
        f"</div>"
    )


def qr_block(url: str, ui: dict) -> str:
    """A QR code of `url` as inline SVG (no image request, no service), with the address."""
    code = segno.make(url, **QR_OPTIONS)
    svg = code.svg_inline(scale=3, border=2, title=ui["qr_alt"], svgclass="pap-qr__code", lineclass=None)
    svg = svg.replace("<svg ", '<svg role="img" aria-label="' + escape(ui["qr_alt"]) + '" ', 1)
    short = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return (
        f'<aside class="pap-qr" aria-label="{escape(ui["qr_title"])}"><p class="pap-qr__title">{escape(ui["qr_title"])}</p>'
        f'{svg}<p class="pap-qr__address" dir="ltr">{escape(short)}</p></aside>'
    )
