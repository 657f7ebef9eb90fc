"""MkDocs hooks: the build-time behaviour of Pas à pas. Logic lives in the modules
imported here; each hook only wires it to a MkDocs event."""

from __future__ import annotations

from html import escape, unescape
from pathlib import Path

from babel.dates import format_date
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from pasapas.build import finish, help_page, i18n_plugin, lesson_pages, open_lessons, translation_table, workers
from pasapas.build import i18n as i18n_pages
from pasapas.build import theme_contract as html_policy
from pasapas.build.outcome import LanguageOutcome
from pasapas.checks import content_safety
from pasapas.checks import lessons as lesson_lint
from pasapas.model import glossary, help_places, learning_paths, translations
from pasapas.model import lesson as lesson_model
from pasapas.model import practice as practice_model
from pasapas.tools import offline, preview
from pasapas.transform import bidi, changed_parts, contact, forge, glossary_links, keys, line_breaks, page_text, search_index
from pasapas.transform import practice as practice_html
from pasapas.transform import step_tools as lesson_tools

log = get_plugin_logger("pasapas")


_serving = False
_theme_scripts: list = []
#: What this build collects across languages (outcome.py): a worker starts its own.
_outcome = LanguageOutcome()


def on_startup(command, dirty):
    # `mkdocs serve` injects its live-reload script into each page after the build; a
    # hash-based CSP would block it. The CSP is for the published site, so the
    # preview goes without it (builds and tests always have it).
    global _serving
    _serving = command == "serve"


def current_outcome() -> LanguageOutcome:
    return _outcome


def new_outcome() -> LanguageOutcome:
    """A build (or a worker's language) starts with nothing collected."""
    global _outcome
    _outcome = LanguageOutcome()
    return _outcome


def site_languages(config) -> finish.SiteLanguages:
    source = i18n_pages.source_language(config)
    return finish.SiteLanguages(
        source=source,
        others=tuple(language.locale for language in i18n_pages.i18n_languages(config) if language.locale != source),
        skip_to_content={language: ui["skip_to_content"] for language, ui in config.extra["ui_by_language"].items()},
        interface=config.extra["ui_by_language"],
    )


def finish_pages(config, site_dir: Path, wanted) -> None:
    languages = site_languages(config)
    icons: dict[str, str] = {}
    try:
        finish.finish_pages(site_dir, languages, page_policy(config), wanted, icons)
    except html_policy.HtmlPolicyError as error:
        raise PluginError(str(error)) from None
    _outcome.theme_icons.extend(icons.items())
    _outcome.pages_finished.extend(language for language in (languages.source, *languages.others) if wanted(language))


def check_language(config, language: str) -> list:
    """The lesson check's part for one language (a worker runs its own language's)."""
    docs = Path(config.docs_dir)
    languages = lesson_model.language_folders(docs)
    return lesson_lint.lint_language(docs, language, languages) if language in languages else []


SHARED_WITH_WORKERS = workers.Shared(current_outcome, new_outcome, finish_pages, check_language)


def offline_build(config) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


def page_policy(config) -> dict | None:
    """What the finishing pass needs for the Content-Security-Policy; None in the preview."""
    if _serving:
        return None
    # The offline copy (file://) has the same policy, plus the one frame script of the
    # shim that runs search there.
    shim_source = None
    if offline_build(config):
        if not offline.SHIM_SOURCE.is_file():
            raise PluginError("node_modules/iframe-worker is missing: run 'npm ci' (make build does it for you)")
        shim_source = offline.SHIM_SOURCE.read_text(encoding="utf-8")
    return {"theme_scripts": _theme_scripts, "shim_source": shim_source}


def on_pre_build(config):
    # Check every lesson once per build (static-i18n then builds the other languages),
    # and stop before publishing anything if a lesson would hurt a learner.
    if not i18n_plugin.is_first_build(config):
        return
    new_outcome()
    if not _serving:
        workers.start(config, SHARED_WITH_WORKERS)
    # The same problems as `make lint` without its advice; each worker checks its own
    # language meanwhile, and the build waits for them before it goes on.
    docs = Path(config.docs_dir)
    languages = lesson_model.language_folders(docs)
    problems = lesson_lint.lint_site(docs, languages, advice=False)
    in_workers = workers.checked_languages()
    for language in languages:
        if language not in in_workers:
            problems += check_language(config, language)
    problems = sorted(problems + workers.language_checks())
    for problem in problems:
        if problem.severity != "error":
            log.info(str(problem))
    if lesson_lint.errors(problems) and not preview.builds_past_errors():  # a preview lists them on its first page
        raise PluginError("\n" + lesson_lint.report(lesson_lint.errors(problems)) + "\nRun 'make lint' to see every problem.")


@event_priority(-50)  # after the offline plugin, which would add a polyfill from a CDN
def on_config(config):
    i18n_plugin.check_plugin(config)
    workers.take_over(config, SHARED_WITH_WORKERS)
    # Each lesson in the path its front matter names; static-i18n then builds (and
    # translates) every language's menu from this one nav.
    config.nav = learning_paths.nav_with_lessons(config.nav, learning_paths.french_lessons(Path(config.docs_dir)))
    if not config.repo_url:  # no forge configured: no edit link (MkDocs would make relative ones)
        config.edit_uri = None
    wrong_email = contact.email_problem(config.extra.get("contact_email"))
    if wrong_email:
        line = contact.setting_line(Path(config.config_file_path).read_text(encoding="utf-8"))
        raise PluginError(f"mkdocs.yml:{line}: contact-email-invalid: {wrong_email}")
    if offline_build(config):
        config.extra["polyfills"] = [offline.SHIM_URL]
    # Fail before building anything if a language lacks its interface strings.
    try:
        config.extra["ui_by_language"] = i18n_pages.ui_strings_by_language(config)
        config.extra["theme_words"] = i18n_pages.theme_words_by_language(config)
    except i18n_pages.LanguageConfigError as error:
        raise PluginError(str(error)) from None
    _theme_scripts[:] = html_policy.theme_script_patterns(list(config.theme.dirs))
    config.extra["languages"] = [
        {
            "lang": language.locale,
            "name": language.name,
            # Absolute, for the 404 page, which is served at any address.
            "home": i18n_pages.site_path(config) + language.link.lstrip("/"),
            "dir": i18n_pages.text_direction(language.locale),
        }
        for language in i18n_pages.i18n_languages(config)
    ]
    return config


@event_priority(-200)  # after static-i18n has built this language's navigation
def on_nav(nav, config, files):
    return i18n_pages.prune_untranslated(nav)


def on_page_markdown(markdown, page, config, files):
    markdown = not_translated_notice(markdown, page, config)
    if bidi.is_rtl(build_language(page)) and isinstance(page.meta.get("title"), str):
        # The title also shows where no element can isolate it: <title>, the menu.
        page.meta["title"] = bidi.isolate_plain(page.meta["title"])
    return markdown


def not_translated_notice(markdown, page, config):
    if not i18n_pages.is_untranslated(page):
        return markdown
    language = i18n_plugin.page_language(page)
    ui = config.extra["ui_by_language"][language]
    source_title = page.meta.get("title") or i18n_pages.first_heading(markdown) or page.file.name
    # Nothing of the French front matter (title, description, lesson fields) may show
    # under this language.
    page.meta = {
        "title": ui["not_translated_title"],
        "description": ui["not_translated_body"],
        "search": {"exclude": True},
    }
    return i18n_pages.not_translated_markdown(page, source_title, ui, i18n_pages.source_language(config))


def build_language(page) -> str:
    return i18n_plugin.page_language(page)


def safe_content(html: str, page) -> str:
    """The page's own HTML, as Markdown made it from a contributor's text: what is outside
    the allow-list is recorded with path:line (the build fails at its end, listing every
    page's problems at once), and the page is sanitised all the same."""
    for problem in content_safety.page_problems(html, page.file.content_string, f"docs/{page.file.src_uri}"):
        _outcome.add_problem(problem)
    return content_safety.sanitise(html)


def on_page_content(html, page, config, files):
    html = safe_content(html, page)
    language = build_language(page)
    links = None
    if not i18n_pages.is_untranslated(page) and lesson_model.is_lesson(page.file.src_uri):
        html = lesson_content(html, page, config, files, language)
        links = glossary_term_links(page, files, language)
    html = keys.localise(html, language)
    if f'id="{contact.SECTION}"' in html:
        html = contact_section(html, page, config, language)
    html = line_breaks.keep_whole(html)
    if page.edit_url:  # only when the project says where it lives (REPO_URL)
        html += lesson_tools.edit_link(page.edit_url, config.extra["ui_by_language"][language])
    # One walk over the page's text: the glossary links (into the lesson's own text, not
    # into what the build added: page_text.py), then the isolation of Latin runs.
    isolation = bidi.RunIsolation(language) if bidi.is_rtl(language) else None
    if links or isolation:
        html = page_text.rewrite(html, links, isolation)
    search_documents(page)
    if bidi.is_rtl(language):
        isolate_toc(page.toc.items)
    return html


def contact_section(html, page, config, language):
    """Contribuer, À propos: where the project lives and its e-mail, each when set (after the
    page's own text was checked: these come from mkdocs.yml); with neither, no section."""
    email = config.extra.get("contact_email")
    if not (config.repo_url or email):
        page.toc.items = contact.without_anchor(page.toc.items, contact.SECTION)
    block = contact.contact_block(config.repo_url, email, config.extra["ui_by_language"][language])
    return contact.add_contact(html, config.repo_url, email, block)


def isolate_toc(items):
    """The table of contents shows the headings' text where no element isolates it."""
    for item in items:
        item.title = bidi.isolate_heading(item.title)
        isolate_toc(item.children)


def search_documents(page):
    """What the search index keeps of a page: its title and its headings' titles and
    anchors (pasapas/transform/search_index.py reads the rest from the finished page).
    They come from the table of contents; the theme's indexer, which would parse every
    page again for its full text, is then told to skip it (a fifth of the build)."""
    search = page.meta.get("search") or {}
    if not search.get("exclude"):
        top = page.toc.items[0] if len(page.toc.items) == 1 and page.toc.items[0].level == 1 else None
        title = top.title if top else str(page.meta.get("title") or page.title or "")
        # A lesson's keywords and objectives too: its record holds them, never shown.
        _outcome.search_documents.append(
            {"location": page.url, "title": html_text(title), "text": "", **search_index.page_words(page.meta)}
        )

        def headings(items):
            for item in items:
                if item is not top:
                    _outcome.search_documents.append(
                        {"location": page.url + item.url, "title": html_text(item.title), "text": ""}
                    )
                headings(item.children)

        headings(page.toc.items)
    page.meta["search"] = {**search, "exclude": True}


def html_text(title: str) -> str:
    return escape(unescape(title), quote=False)


def prerequisite_links(lesson, page, files) -> list[tuple[str, str]]:
    links = []
    for prerequisite in lesson.meta.get("prerequisites") or []:
        found = files.get_file_from_path(f"{prerequisite}.md")
        if found is None:  # the checker has refused the build before this
            raise PluginError(f"docs/{page.file.src_uri}: prerequisite '{prerequisite}' is not a lesson")
        title = read_lesson(found.content_string, found.src_uri).meta.get("title") or prerequisite
        links.append((get_relative_url(found.url, page.url), str(title)))
    return links


def read_lesson(text: str, src_uri: str):
    """A lesson of the build, or the build stopped with the checker's own `path:line`
    message: a translation's build reads its French lesson too, possibly in a process of
    its own before the checks of the default language have said anything."""
    try:
        return lesson_model.parse_lesson(text, src_uri)
    except lesson_model.FrontMatterError as error:
        raise PluginError(f"docs/{src_uri}:{error.line}: {error.rule}: {error.message}") from None
    except lesson_model.LessonError as error:
        raise PluginError(f"docs/{src_uri}:1: lesson-invalid: {error}") from None


def lesson_content(html, page, config, files, language):
    """What the build adds to a lesson: summary line, step tools, sources, QR code (its
    glossary links come last: glossary_term_links)."""
    lesson = read_lesson(page.file.content_string, page.file.src_uri)
    ui = config.extra["ui_by_language"][language]
    html = practice_html.hold_blocks(html)  # rendered last, from the practice file
    card = lesson_pages.summary_line(lesson.meta, ui, language)
    card += lesson_pages.prerequisites_line(prerequisite_links(lesson, page, files), ui, language)
    source = i18n_pages.source_language(config)
    french_lesson, changed, french_url = lesson, [], ""
    if language != source:
        french = i18n_plugin.alternate(page, source)
        french_text = Path(french.abs_src_path).read_text(encoding="utf-8")
        french_lesson = read_lesson(french_text, french.src_uri)
        state = translations.state_of(lesson.meta, french_lesson, french_text)
        changed = (translations.changed_parts(lesson.meta, french_lesson) or []) if state == "outdated" else []
        french_url = get_relative_url(french.url, page.url)
        card += lesson_pages.translation_line(
            lesson.meta, state, ui, language, french_url, source, translations.step_numbers(changed)
        )
    card += lesson_pages.live_check_line(french_lesson.meta, ui, language)
    lesson_key = lesson.slug.removesuffix(".md")  # the same in every language
    html = lesson_pages.add_summary_line(html, card + lesson_tools.toolbar(lesson_key, ui))
    report_url = None
    if config.repo_url:
        address = (config.site_url or "/").rstrip("/") + "/" + page.url

        def report_url(step_id):
            return forge.step_report_url(config.repo_url, ui, address, f"docs/{page.file.src_uri}", step_id, language)

    html = lesson_tools.add_step_tools(html, ui, report_url, lesson_pages.step_sources(lesson.meta))
    html = changed_parts.mark_changed_parts(html, changed, french_url, source, ui)
    html = open_lessons.add_helper_line(html, lesson.meta, ui, language)
    state_here = None if language == source else state
    _outcome.catalogue_entries.append(open_lessons.catalogue_entry(lesson, french_lesson, page, config, state_here))
    html += lesson_pages.sources_block(lesson.meta, ui, language)
    if config.site_url:
        html += lesson_tools.qr_block(config.site_url.rstrip("/") + "/" + page.url, ui)
    return practice_screens(html, page, config, language, ui)


def glossary_term_links(page, files, language) -> glossary_links.TermLinks | None:
    """The links from a lesson's text to its language's glossary (made in on_page_content's
    one walk over the page)."""
    glossary_file = files.get_file_from_path(glossary.GLOSSARY_PAGE)
    if glossary_file is None or i18n_plugin.file_language(glossary_file) != language:
        return None
    try:
        entries = glossary.cached_entries(glossary_file.content_string, f"docs/{glossary_file.src_uri}")
    except glossary.GlossaryError as error:
        raise PluginError(str(error)) from None
    return glossary_links.TermLinks(entries, get_relative_url(glossary_file.url, page.url)) if entries else None


def practice_screens(html, page, config, language, ui):
    """The lesson's practice blocks, rendered, and the one script that runs them: only on
    lessons that have one."""
    if not practice_html.names_in(html):
        return html

    def practice_for(name):
        try:
            return practice_model.read_practice(Path(config.docs_dir), language, name)
        except practice_model.PracticeError as error:  # the checker refuses it before the build
            raise PluginError(str(error)) from None

    html = practice_html.replace_blocks(html, practice_for, ui, bidi.isolate_plain if bidi.is_rtl(language) else None)
    script = get_relative_url("assets/javascripts/practice.js", page.url)
    return html + f'<script src="{script}" defer></script>'


@event_priority(-200)  # after static-i18n has set the language switcher
def on_page_context(context, page, config, nav):
    ui = config.extra["ui_by_language"][build_language(page)]
    if 'id="parcours"' in page.content:  # the home pages
        page.content = lesson_pages.add_catalogue(page.content, lesson_pages.catalogue(nav.items, page, ui))
    context["nav"] = lesson_pages.bounded_menu(nav, page, ui["all_paths"])
    if 'id="je-sais"' in page.content:  # the self-check page
        page.content = open_lessons.self_check_page(page, nav, config, ui, build_language(page))
    if 'id="lieux-d-aide"' in page.content:
        language = build_language(page)
        try:
            places = help_places.read_help_places(Path(config.docs_dir), [language])
        except help_places.HelpDataError as error:
            raise PluginError(str(error)) from None
        block = help_page.render(places, language, ui, lambda day: format_date(day, format="long", locale=language))
        if bidi.is_rtl(language):  # added after on_page_content isolated the page's own text
            block = bidi.isolate_html(block, language)
        page.content = help_page.add_help_places(page.content, block)
    if "status_labels" in page.meta:
        docs = Path(config.docs_dir)
        source = i18n_pages.source_language(config)
        languages = [language.locale for language in i18n_pages.i18n_languages(config) if language.locale != source]
        try:
            page.content = translation_table.add_status_table(
                page.content,
                translations.detailed_status(docs, languages),
                page.meta["status_labels"],
                page,
                nav,
                build_language(page),
                ui,
                translations.french_versions(docs),
            )
        except ValueError as error:
            raise PluginError(f"docs/{error}") from None
    alternates = i18n_pages.contextual_alternates(page, config.extra["alternate"])
    # static-i18n stores the switcher as an attribute of `extra`, which templates read
    # before the dict item: set both so that neither is stale.
    config.extra["alternate"] = config.extra.alternate = alternates
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        # The 404 page is served at any address: its switcher leads to each home page.
        homes = [
            {"name": language["name"], "lang": language["lang"], "link": language["home"]}
            for language in config.extra["languages"]
        ]
        config.extra["alternate"] = config.extra.alternate = homes
    return context


_source_language_404: dict[str, str] = {}


def on_post_template(output, template_name, config):
    if template_name == "sitemap.xml" and not config.site_url:
        # Without site_url (set SITE_URL when deploying) every address would read "None/...".
        return i18n_pages.EMPTY_SITEMAP
    if template_name != "404.html":
        return output
    # Every language build writes site/404.html; keep the source language's there and
    # give each other language its own copy at /<lang>/404.html.
    language = i18n_plugin.current_language(config)
    if i18n_plugin.is_first_build(config):
        _source_language_404["html"] = output
        return output
    i18n_pages.write_language_404(config.site_dir, language, output)
    # A language built in a worker process: its site root, this page included, is not kept.
    return _source_language_404.get("html", output)


@event_priority(-200)  # after static-i18n has built every language and merged the index
def on_post_build(config):
    if not i18n_plugin.every_language_built(config):  # a language's own build: the merged index is not written yet
        return
    if _outcome.content_problems and not preview.builds_past_errors():  # sanitised all the same
        raise PluginError(
            "\n"
            + lesson_lint.report(sorted(_outcome.content_problems))
            + "\nNothing may be published: see SECURITY.md for what pages may hold."
        )
    search_index.write_documents(Path(config.site_dir), _outcome.search_documents)
    try:
        finish.finish_site(
            Path(config.site_dir),
            site_languages(config),
            page_policy(config),
            pages_of=lambda language: language not in _outcome.pages_finished,
            icons=dict(_outcome.theme_icons),
        )
    except html_policy.HtmlPolicyError as error:
        raise PluginError(str(error)) from None
    languages = site_languages(config)
    open_lessons.write_catalogue(config, _outcome.catalogue_entries, [languages.source, *languages.others])
    if offline_build(config):
        offline.copy_shim(Path(config.site_dir))


def on_build_error(error):
    workers.stop()
