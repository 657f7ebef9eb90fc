"""What the build adds to lesson pages and to the home page, from lesson front matter:
a summary line under each lesson's title, and the list of learning paths."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.lists import format_list
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pasapas.model.lesson import LessonError, as_date, is_stale
from pasapas.transform.page_sections import append_to_section

FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def summary_line(meta: dict, ui: dict, language: str) -> str:
    """'Level: beginner · Duration: 20 min · On: computer, phone · Steps checked on: …'."""
    devices = format_list([ui[f"device_{device}"] for device in meta["devices"]], locale=language)
    reviewed = format_date(as_date(meta["last_checked"]), format="long", locale=language)
    parts = [
        (ui["level"], ui[f"level_{meta['level']}"]),
        (ui["duration"], ui["minutes"].format(n=meta["duration"])),
        (ui["devices"], devices),
        (ui["last_checked"], reviewed),
    ]
    items = "".join(f"<li><strong>{escape(label)}</strong> {escape(value)}</li>" for label, value in parts)
    card = f'<ul class="pap-card">{items}</ul>'
    if as_date(meta["last_checked"]) and is_stale(as_date(meta["last_checked"])):
        card += f'<p class="pap-stale" role="note">{escape(ui["stale"])}</p>'
    return card


def prerequisites_line(links: list[tuple[str, str]], ui: dict, language: str) -> str:
    """'Do first: <lesson> and <lesson>', each a link: the ladder a learner climbs."""
    if not links:
        return ""
    items = format_list([f'<a href="{escape(url)}">{escape(title)}</a>' for url, title in links], locale=language)
    return f'<p class="pap-prerequisites"><strong>{escape(ui["prerequisites"])}</strong> {items}</p>'


def sources_block(meta: dict, ui: dict, language: str) -> str:
    """'Sources': each page the steps were checked against, what it supports, and when."""
    sources = [s for s in meta.get("sources") or [] if isinstance(s, dict) and str(s.get("url", "")).startswith("https://")]
    if not sources:
        return ""
    rows = []
    for source in sources:
        url = str(source["url"])
        # The site's name is what a reader recognises (and checks); the full address is the link.
        shown = (urlsplit(url).hostname or url).removeprefix("www.")
        consulted = as_date(source.get("consulted"))
        when = ui["source_consulted"].format(date=format_date(consulted, format="long", locale=language)) if consulted else ""
        rows.append(
            f'<li><a href="{escape(url)}" dir="ltr">{escape(shown)}</a>'
            f' — {escape(str(source.get("supports", "")))} <span class="pap-sources__date">({escape(when)})</span></li>'
        )
    return (
        f'<section class="pap-sources" aria-labelledby="sources"><h2 id="sources">{escape(ui["sources_title"])}</h2>'
        f"<p>{escape(ui['sources_intro'])}</p><ul>{''.join(rows)}</ul></section>"
    )


def translation_line(
    meta: dict, state: str, ui: dict, language: str, french_url: str, source: str, changed_steps: list[int] = ()
) -> str:
    """'Translation last aligned with the French on …', and a way to the French when it is
    behind, naming the steps that changed there."""
    aligned = as_date((meta.get("translation") or {}).get("date"))
    if aligned is None:
        return ""
    text = escape(ui["translation_aligned"].format(date=format_date(aligned, format="long", locale=language)))
    if state == "outdated":
        if changed_steps:
            steps = format_list([str(number) for number in changed_steps], locale=language)
            text += " " + escape(ui["translation_changed_steps"].format(steps=steps))
        link = f'<a href="{escape(french_url)}" hreflang="{source}">{escape(ui["translation_outdated"])}</a>'
        text += " " + link
    return f'<p class="pap-translation pap-translation--{state.replace(" ", "-")}">{text}</p>'


def add_summary_line(html: str, card: str) -> str:
    match = FIRST_H1_END.search(html)
    if match is None:
        raise LessonError("a lesson page has no level-1 title")
    return html[: match.end()] + "\n" + card + html[match.end() :]


def catalogue(nav_items, current: Page, ui: dict) -> str:
    """Each top-level navigation section that holds lessons, as a learning path.
    Pages other than lessons appear only if their front matter says `parcours: true`."""
    blocks = []
    for item in nav_items:
        if not isinstance(item, Section):
            continue
        pages = [page for page in item.children if isinstance(page, Page) and ("level" in page.meta or page.meta.get("parcours"))]
        if not pages:
            continue
        rows = "".join(catalogue_row(page, current, ui) for page in pages)
        labels = f'data-started="{escape(ui["progress_started"])}" data-finished="{escape(ui["progress_finished"])}"'
        blocks.append(f'<h3>{escape(item.title)}</h3>\n<ul class="pap-catalogue" {labels}>{rows}</ul>')
    return "\n".join(blocks)


def catalogue_row(page: Page, current: Page, ui: dict) -> str:
    link = f'<a href="{escape(get_relative_url(page.url, current.url))}">{escape(page.title)}</a>'
    if "level" not in page.meta:
        return f"<li>{link}</li>"
    level = ui[f"level_{page.meta['level']}"]
    duration = ui["minutes"].format(n=page.meta["duration"])
    key = page.file.src_uri.split("/", 1)[-1].removesuffix(".md")  # the same in every language
    return (
        f'<li data-pap-lesson="{escape(key)}">{link} '
        f'<span class="pap-catalogue__meta">{escape(level)} · {escape(duration)}</span></li>'
    )


def add_catalogue(html: str, catalogue_html: str) -> str:
    """Place the learning paths at the end of the section `## … {#parcours}`."""
    return append_to_section(html, "parcours", catalogue_html)
