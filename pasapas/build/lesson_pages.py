"""What the build adds to lesson pages and to the home page, from lesson front matter:
a summary line under each lesson's title, and the list of learning paths."""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pasapas.model.lesson import (
    LIVE_CHECK_FRESH_DAYS,
    LessonError,
    Source,
    as_date,
    is_stale,
    lesson_sources,
    live_checks,
    sources_of_steps,
)
from pasapas.transform.page_sections import append_to_section
from pasapas.transform.partials import render

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
    stale = bool(as_date(meta["last_checked"]) and is_stale(as_date(meta["last_checked"])))
    return render("summary_line.html", parts=parts, stale=stale, ui=ui)


def prerequisites_line(links: list[tuple[str, str]], ui: dict, language: str) -> str:
    """'Do first: <lesson> and <lesson>', each a link: the ladder a learner climbs."""
    if not links:
        return ""
    # Babel joins the links with the language's own words ("A, B et C"): each link is a
    # rendered partial, escaped there, and Babel adds only commas and plain words.
    items = Markup(format_list([render("link.html", url=url, text=title) for url, title in links], locale=language))
    return render("prerequisites_line.html", links=items, ui=ui)


def source_name(source: Source) -> str:
    """The site's name is what a reader recognises (and checks); the full address is the link."""
    return (urlsplit(source.url).hostname or source.url).removeprefix("www.")


def source_anchor(source: Source) -> str:
    return f"source-{source.number}"


def sources_block(meta: dict, ui: dict, language: str) -> str:
    """'Sources': each page the steps were checked against, what it supports, when, and
    which steps it backs (each a link to the step)."""
    sources = lesson_sources(meta)
    if not sources:
        return ""
    rows = []
    for source in sources:
        when = ""
        if source.consulted:
            when = ui["source_consulted"].format(date=format_date(source.consulted, format="long", locale=language))
        steps = ""
        if source.steps:
            links = [render("link.html", url=f"#etape-{n}", text=str(n)) for n in sorted(set(source.steps))]
            # Babel joins the rendered, escaped links with the language's own words ("2, 3 et 5").
            steps = Markup(ui["source_steps"].format(steps=format_list(links, locale=language)))
        rows.append(
            {
                "anchor": source_anchor(source),
                "url": source.url,
                "shown": source_name(source),
                "supports": source.supports,
                "consulted": when,
                "steps": steps,
            }
        )
    return render("sources_block.html", sources=rows, ui=ui)


def step_sources(meta: dict) -> dict[str, list[dict]]:
    """step id → the sources that back it, as links to their entry in the sources block."""
    return {
        f"etape-{number}": [{"anchor": source_anchor(s), "shown": source_name(s)} for s in sources]
        for number, sources in sources_of_steps(lesson_sources(meta)).items()
    }


def live_check_line(french_meta: dict, ui: dict, language: str, today: date | None = None) -> str:
    """Whether anyone redid the steps on the real site, said plainly: the steps come from
    written sources until someone has, and again once that is more than six months old."""
    checks = live_checks(french_meta)
    if not checks:
        return render("live_check_line.html", text=ui["live_check_none"], fresh=False)
    last = checks[-1]
    fresh = ((today or date.today()) - last.day).days <= LIVE_CHECK_FRESH_DAYS
    template = ui["live_check_recent"] if fresh else ui["live_check_old"]
    day = format_date(last.day, format="long", locale=language)
    # The role is written once, in the French lesson: it is marked as French on other pages.
    by = render("foreign_words.html", words=last.by, lang="fr" if language != "fr" else None)
    # The translator's words are escaped; the date and the rendered role are put in after.
    text = Markup(html.escape(template).replace("{date}", html.escape(day)).replace("{by}", by))
    return render("live_check_line.html", text=text, fresh=fresh)


def translation_line(
    meta: dict, state: str, ui: dict, language: str, french_url: str, source: str, changed_steps: list[int] = ()
) -> str:
    """'Translation last aligned with the French on …', and a way to the French when it is
    behind, naming the steps that changed there. A translation aligned in the web editor
    (`aligned_with`) may have no date: then only the way to the French, when it is behind."""
    aligned = as_date((meta.get("translation") or {}).get("date"))
    if aligned is None and state != "outdated":
        return ""
    changed = ""
    if state == "outdated" and changed_steps:
        steps = format_list([str(number) for number in changed_steps], locale=language)
        changed = ui["translation_changed_steps"].format(steps=steps)
    return render(
        "translation_line.html",
        state=state.replace(" ", "-"),
        aligned=ui["translation_aligned"].format(date=format_date(aligned, format="long", locale=language)) if aligned else "",
        outdated=state == "outdated",
        changed_steps=changed,
        source_url=french_url,
        source=source,
        ui=ui,
    )


def add_summary_line(html: str, card: str) -> str:
    match = FIRST_H1_END.search(html)
    if match is None:
        raise LessonError("a lesson page has no level-1 title")
    return html[: match.end()] + "\n" + card + html[match.end() :]


#: Beyond this many learning paths made only of lessons, a page's menu keeps its own path
#: and one link to the list of all paths on the home page: the menu stops growing there.
MENU_PATHS = 8


def bounded_menu(nav: Navigation, page: Page, all_paths_title: str) -> Navigation:
    """The menu of one page: every item while the paths are few, else the paths made only of
    lessons are replaced by the page's own path (if any) and one link to all of them."""
    paths = [item for item in nav.items if isinstance(item, Section) and is_lesson_path(item)]
    if len(paths) <= MENU_PATHS:
        return nav
    items = []
    for item in nav.items:
        if item is paths[0]:
            items += [path for path in paths if path.active]
            # The theme writes a menu title as it is: this one comes from a translator's file.
            items.append(Link(html.escape(all_paths_title), (nav.homepage.url or "./") + "#parcours"))
        elif item not in paths:
            items.append(item)
    menu = Navigation(items, nav.pages)
    menu.homepage = nav.homepage
    return menu


def is_lesson_path(section: Section) -> bool:
    return all(isinstance(child, Page) and "level" in child.meta for child in section.children)


def catalogue(nav_items, current: Page, ui: dict) -> str:
    """Each top-level navigation section that holds lessons, as a learning path.
    Pages other than lessons appear only if their front matter says `parcours: true`."""
    paths = []
    for item in nav_items:
        if not isinstance(item, Section):
            continue
        pages = [page for page in item.children if isinstance(page, Page) and ("level" in page.meta or page.meta.get("parcours"))]
        if not pages:
            continue
        # Rows rendered by catalogue_row.html, which escaped every value.
        rows = Markup("".join(catalogue_row(page, current, ui) for page in pages))
        paths.append({"title": item.title, "rows": rows})
    return render("catalogue.html", paths=paths, ui=ui)


def catalogue_row(page: Page, current: Page, ui: dict) -> str:
    lesson = None
    if "level" in page.meta:
        lesson = {
            "key": page.file.src_uri.split("/", 1)[-1].removesuffix(".md"),  # the same in every language
            "level": ui[f"level_{page.meta['level']}"],
            "duration": ui["minutes"].format(n=page.meta["duration"]),
        }
    return render("catalogue_row.html", url=get_relative_url(page.url, current.url), title=page.title, lesson=lesson)


def add_catalogue(html: str, catalogue_html: str) -> str:
    """Place the learning paths at the end of the section `## … {#parcours}`."""
    return append_to_section(html, "parcours", catalogue_html)
