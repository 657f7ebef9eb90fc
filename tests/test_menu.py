"""The menu of a page stays the same size however many lessons the catalogue holds.

Acceptance criteria:
- while there are few learning paths, the menu lists every one of them, as the theme does;
- beyond MENU_PATHS paths made only of lessons, a lesson's menu keeps its own path and one
  link to the list of all paths on its language's home page, whatever the number of paths;
- sections that hold other pages (the glossary, help, contributing) always stay.
"""

from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from pasapas.build.lesson_pages import MENU_PATHS, bounded_menu


def page(uri: str, lesson: bool = True) -> Page:
    made = Page(uri, File(uri, "docs", "site", use_directory_urls=True), {})
    made.meta = {"level": "debutant"} if lesson else {}
    return made


def site_with(paths: int, language: str = ""):
    home = page(f"{language}index.md", lesson=False)
    first_steps = Section("Premiers pas", [page(f"{language}lecons/souris.md"), page(f"{language}glossaire.md", lesson=False)])
    lesson_paths = [Section(f"Parcours {n}", [page(f"{language}lecons/exercice-{n}.md")]) for n in range(paths)]
    about = page(f"{language}a-propos.md", lesson=False)
    items = [home, first_steps, *lesson_paths, about]
    nav = Navigation(items, [home, *first_steps.children, *(p.children[0] for p in lesson_paths), about])
    nav.homepage = home
    return nav, lesson_paths


def titles(menu: Navigation) -> list[str]:
    return [item.file.src_uri if isinstance(item, Page) else item.title for item in menu.items]


def test_few_learning_paths_are_all_in_the_menu():
    nav, _ = site_with(MENU_PATHS)
    assert bounded_menu(nav, nav.homepage, "Tous les parcours") is nav


def test_many_learning_paths_become_the_pages_own_path_and_one_link_to_all():
    nav, paths = site_with(MENU_PATHS + 1)
    lesson = paths[3].children[0]
    paths[3].active = True
    menu = bounded_menu(nav, lesson, "Tous les parcours")
    assert titles(menu) == ["index.md", "Premiers pas", "Parcours 3", "Tous les parcours", "a-propos.md"]
    link = menu.items[3]
    assert isinstance(link, Link) and link.url == "./#parcours"
    assert menu.pages == nav.pages and nav.items[2].title == "Parcours 0", "the site's own menu is left as it was"


def test_the_menu_does_not_grow_with_the_catalogue():
    sizes = set()
    for paths in (MENU_PATHS + 1, 50, 200):
        nav, lesson_paths = site_with(paths, language="ar/")
        lesson_paths[-1].active = True
        menu = bounded_menu(nav, lesson_paths[-1].children[0], "كل المسارات")
        sizes.add(len(menu.items))
        assert menu.items[3].url == "ar/#parcours"
    assert sizes == {5}


def test_the_link_to_all_paths_is_written_as_text_whatever_the_translator_typed():
    nav, _ = site_with(MENU_PATHS + 1)
    menu = bounded_menu(nav, nav.homepage, '<img src=x onerror="alert(1)"> & co')
    assert menu.items[2].title == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co"


def test_the_home_page_menu_links_to_its_own_list_of_paths():
    nav, _ = site_with(MENU_PATHS + 1)
    menu = bounded_menu(nav, nav.homepage, "All learning paths")
    assert titles(menu) == ["index.md", "Premiers pas", "All learning paths", "a-propos.md"]
