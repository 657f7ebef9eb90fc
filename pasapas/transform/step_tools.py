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
from markupsafe import Markup

from pasapas.transform.partials import render

#: A fixed mask: choosing the best of eight for every page costs more build time than
#: it gains in readability; any mask gives a valid code.
QR_OPTIONS = {"error": "m", "mask": 2, "boost_error": False}
STEP_HEADING = re.compile(r'(<h([34]) id="(etape-\d+)"[^>]*>.*?</h\2>)', re.DOTALL)


def step_tools(step_id: str, ui: dict, report_url: str | None = None) -> str:
    return render("step_tools.html", step_id=step_id, ui=ui, report_url=report_url)


def add_step_tools(html: str, ui: dict, report_url=None) -> str:
    """`report_url(step_id)`: where to report a problem with that step (None: no link)."""
    return STEP_HEADING.sub(
        lambda m: m.group(1) + step_tools(m.group(3), ui, report_url(m.group(3)) if report_url else None), html
    )


def edit_link(edit_url: str, ui: dict) -> str:
    return render("edit_link.html", edit_url=edit_url, ui=ui)


def toolbar(lesson_key: str, ui: dict) -> str:
    return render("toolbar.html", lesson_key=lesson_key, ui=ui)


def qr_block(url: str, ui: dict) -> str:
    """A QR code of `url` as inline SVG (no image request, no service), with the address."""
    code = segno.make(url, **QR_OPTIONS)
    svg = code.svg_inline(scale=3, border=2, title=ui["qr_alt"], svgclass="pap-qr__code", lineclass=None)
    # segno writes the SVG and escapes its title; the label added here is escaped too.
    svg = Markup(svg.replace("<svg ", '<svg role="img" aria-label="' + escape(ui["qr_alt"]) + '" ', 1))
    short = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return render("qr_block.html", svg=svg, address=short, ui=ui)
