"""The self-check page in HTML (pasapas/model/self_check.py): each statement of the
`{#je-sais}` section becomes a box to tick with its lesson, and the `{#par-ou-commencer}`
section gets the lessons in ladder order, for assets/javascripts/self-check.js to show."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from markupsafe import Markup

from pasapas.model import self_check
from pasapas.transform.page_sections import NEXT_H2, append_to_section
from pasapas.transform.partials import render

#: A statement as Markdown makes it: a list item that is one link.
ITEM = re.compile(r'<li>\s*<a href="(?P<url>[^"]*)">(?P<text>.*?)</a>\s*</li>', re.DOTALL)


@dataclass(frozen=True)
class LessonLink:
    key: str  # "lecons/sms", the same in every language
    url: str  # relative to the self-check page
    title: str
    prerequisites: tuple[str, ...]


def section_span(html: str, section_id: str) -> tuple[int, int] | None:
    heading = re.search(rf'<h2 id="{re.escape(section_id)}"[^>]*>.*?</h2>', html, re.DOTALL)
    if heading is None:
        return None
    following = NEXT_H2.search(html, heading.end())
    return heading.end(), following.start() if following else len(html)


def add_ticks(html: str, lessons: list[LessonLink], ui: dict, isolate: Callable[[str], str] = str) -> str:
    """The page with a box per statement and the lessons to do; a statement whose link is
    not to a lesson of the menu stays a plain link. `isolate` (for a right-to-left page)
    marks the Latin runs of a lesson's title, which is plain text."""
    span = section_span(html, self_check.SECTION)
    if span is None:
        return html
    by_url = {lesson.url: lesson for lesson in lessons}
    found: list[LessonLink] = []

    def item(match: re.Match) -> str:
        lesson = by_url.get(unescape(match.group("url")))
        if lesson is None:
            return match.group(0)
        found.append(lesson)
        return render(
            "self_check_item.html",
            key="",  # set below, once every statement's lesson is known
            id=f"{self_check.SECTION}-{len(found)}",
            text=Markup(match.group("text")),  # Markdown's own HTML of the statement, sanitised
            url=lesson.url,
            title=isolate(lesson.title),
            ui=ui,
        )

    start, end = span
    section = ITEM.sub(item, html[start:end])
    for key in self_check.keys([lesson.key for lesson in found]):
        section = section.replace('data-pap-can=""', f'data-pap-can="{key}"', 1)
    html = html[:start] + section + html[end:]
    known = {lesson.key: lesson for lesson in found}
    order = self_check.ladder_order([lesson.key for lesson in found], {k: list(v.prerequisites) for k, v in known.items()})
    rows = [{"key": key, "url": known[key].url, "title": isolate(known[key].title)} for key in order]
    return append_to_section(html, self_check.RESULT_SECTION, render("self_check_result.html", lessons=rows, ui=ui))
