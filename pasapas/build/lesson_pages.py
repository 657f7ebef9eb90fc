"""What the build adds to lesson pages and to the home page, from lesson front matter:
a summary line under each lesson's title, and the list of learning paths."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pasapas.model.lesson import LessonError, as_date, is_stale
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
        rows.append({"url": url, "shown": shown, "supports": str(source.get("supports", "")), "consulted": when})
    return render("sources_block.html", sources=rows, ui=ui)


def translation_line(
    meta: dict, state: str, ui: dict, language: str, french_url: str, source: str, changed_steps: list[int] = ()
) -> str:
    """'Translation last aligned with the French on …', and a way to the French when it is
    behind, naming the steps that changed there."""
    aligned = as_date((meta.get("translation") or {}).get("date"))
    if aligned is None:
        return ""
    changed = ""
    if state == "outdated" and changed_steps:
        steps = format_list([str(number) for number in changed_steps], locale=language)
        changed = ui["translation_changed_steps"].format(steps=steps)
    return render(
        "translation_line.html",
        state=state.replace(" ", "-"),
        aligned=ui["translation_aligned"].format(date=format_date(aligned, format="long", locale=language)),
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
