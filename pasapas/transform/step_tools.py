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


def step_tools(step_id: str, ui: dict, report_url: str | None = None, sources: list[dict] = ()) -> str:
    return render("step_tools.html", step_id=step_id, ui=ui, report_url=report_url, sources=sources)


def add_step_tools(html: str, ui: dict, report_url=None, sources: dict[str, list[dict]] | None = None) -> str:
    """`report_url(step_id)`: where to report a problem with that step (None: no link);
    `sources`: step id → the sources that back it (lesson_pages.step_sources)."""
    sources = sources or {}
    return STEP_HEADING.sub(
        lambda m: (
            m.group(1) + step_tools(m.group(3), ui, report_url(m.group(3)) if report_url else None, sources.get(m.group(3), ()))
        ),
        html,
    )


def edit_link(edit_url: str, ui: dict) -> str:
    return render("edit_link.html", edit_url=edit_url, ui=ui)


def toolbar(lesson_key: str, ui: dict) -> str:
    return render("toolbar.html", lesson_key=lesson_key, ui=ui)


def qr_block(url: str, ui: dict) -> str:
    """A QR code of `url` as SVG made here (no service), with the address; the finishing
    pass moves the drawing to a file beside the page (move_qr_code_to_file)."""
    code = segno.make(url, **QR_OPTIONS)
    svg = code.svg_inline(scale=3, border=2, title=ui["qr_alt"], svgclass="pap-qr__code", lineclass=None)
    # segno writes the SVG and escapes its title; the label added here is escaped too.
    svg = Markup(svg.replace("<svg ", '<svg role="img" aria-label="' + escape(ui["qr_alt"]) + '" ', 1))
    short = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return render("qr_block.html", svg=svg, address=short, ui=ui)


QR_INLINE = re.compile(
    r'<svg role="img" aria-label="(?P<alt>[^"]*)" width="(?P<width>\d+)" height="(?P<height>\d+)" class="pap-qr__code">'
    r"<title>[^<]*</title>(?P<drawing><path [^<>]*/>)</svg>"
)


def move_qr_code_to_file(html: str, file_name: str) -> tuple[str, str | None]:
    """The page's QR code becomes <img src="file_name"> with the same text alternative and
    size; returns the page and the drawing to write beside it (None: the page has no QR
    code). Inline, the code's path (about 470 bytes compressed, as random as the address
    it encodes) was downloaded with every visit of the lesson; as a file it is kept by
    the browser after the first (issue #17). It still prints, and works from disk."""
    found = QR_INLINE.search(html)
    if found is None:
        return html, None
    width, height = found.group("width"), found.group("height")
    drawing = f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{found.group("drawing")}</svg>\n'
    image = f'<img class="pap-qr__code" src="{escape(file_name)}" alt="{found.group("alt")}" width="{width}" height="{height}">'
    return html[: found.start()] + image + html[found.end() :], drawing
