"""Each page is in one language, says so, and leads to itself in the other languages."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import LANGUAGES, NEW_LANGUAGE, TRANSLATIONS, add_language_entry, build, build_or_fail, ui

from pasapas.checks.lessons import errors, lint

#: What Material shows in each language (skip link, search box, language menu button).
THEME_STRINGS = {
    "fr": {"skip": "Aller au contenu", "search": "Rechercher", "language_menu": "Sélectionner la langue"},
    "ar": {"skip": "انتقل إلى المحتوى", "search": "بحث", "language_menu": "اختر اللغة"},
    "en": {"skip": "Skip to content", "search": "Search", "language_menu": "Select language"},
}
#: The previous and next links of the footer.
FOOTER_LABELS = {"fr": ("Précédent", "Suivant"), "ar": ("السابقة", "التالية"), "en": ("Previous", "Next")}
RIGHT_TO_LEFT = {"ar"}


@cache
def material_strings(language: str) -> dict[str, str]:
    """Material's own words for a language with none written above (a language added
    since): its templates/partials/languages/<code>.html."""
    import material

    folder = Path(material.__file__).parent / "templates/partials/languages"
    path = folder / f"{language}.html"
    if not path.is_file():
        path = folder / f"{language.split('-')[0]}.html"
    return json.loads(re.search(r"\{\{ (\{.*\})\[key\] \}\}", path.read_text(encoding="utf-8"), re.DOTALL).group(1))


def theme_strings(language: str) -> dict[str, str]:
    if language in THEME_STRINGS:
        return THEME_STRINGS[language]
    words = material_strings(language)
    return {"skip": words["action.skip"], "search": words["search.placeholder"], "language_menu": words["select.language"]}


def footer_labels(language: str) -> tuple[str, str]:
    if language in FOOTER_LABELS:
        return FOOTER_LABELS[language]
    words = material_strings(language)
    return words["footer.previous"], words["footer.next"]


def content_pages(site):
    return [page for page in site.pages() if page.path.name != "404.html"]


def same_page_in(page, language, languages):
    """Where `page` lives in `language`: the same path under that language's folder."""
    parts = page.path.parts
    if parts[0] in languages[1:]:
        parts = parts[1:]
    prefix = () if language == languages[0] else (language,)
    return page.site_dir.joinpath(*prefix, *parts)


def test_every_page_carries_the_language_and_direction_of_its_folder(site):
    for page in site.pages():
        language = page.folder_language
        direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
        html, body = page.soup.html, page.soup.body
        assert html.get("lang") == language, f"{page.path}: <html lang={html.get('lang')}>"
        assert html.get("dir") == direction, f"{page.path}: <html dir={html.get('dir')}>"
        assert body.get("dir") == direction, f"{page.path}: <body dir={body.get('dir')}>"


def test_theme_interface_is_in_the_page_language(site):
    for page in content_pages(site):
        expected = theme_strings(page.folder_language)
        soup = page.soup
        assert soup.select_one("a.md-skip").get_text(strip=True) == expected["skip"], page.path
        assert soup.select_one("input.md-search__input")["placeholder"] == expected["search"], page.path
        assert soup.select_one(".md-select button")["aria-label"] == expected["language_menu"], page.path


def test_previous_and_next_links_are_labelled_in_the_page_language(site):
    for page in content_pages(site):
        for link in page.soup.select("a.md-footer__link"):
            assert link["aria-label"].split(":")[0] in footer_labels(page.folder_language), (page.path, link["aria-label"])


@pytest.mark.parametrize("links_of", ["language_switcher", "hreflang_links"])
def test_every_page_links_to_itself_in_every_language(site, links_of):
    for page in content_pages(site):
        links = getattr(page, links_of)()
        assert sorted(links) == sorted(site.languages), f"{page.path}: {links_of} lists {sorted(links)}"
        for language, href in links.items():
            assert not href.startswith("/"), f"{page.path}: {href} is absolute; it breaks from disk and under a sub-path"
            target = page.resolve(href)
            assert target == same_page_in(page, language, site.languages), f"{page.path}: {language} → {href}"
            assert target.is_file(), f"{page.path}: {language} → {href} does not exist"


def test_not_found_page_exists_per_language_and_speaks_every_language(site):
    for language in site.languages:
        page = site.page("404.html" if language == site.languages[0] else f"{language}/404.html")
        assert page.soup.html["lang"] == language
        blocks = page.soup.select("section.pap-notfound")
        assert [block["lang"] for block in blocks] == list(site.languages)
        for block in blocks:
            assert block["dir"] == ("rtl" if block["lang"] in RIGHT_TO_LEFT else "ltr")
            home = block.select_one("a")["href"]
            assert home == ("/" if block["lang"] == site.languages[0] else f"/{block['lang']}/")
        assert page.language_switcher() == {
            other: "/" if other == site.languages[0] else f"/{other}/" for other in site.languages
        }


# --- A page that exists only in French ----------------------------------------------------

FRENCH_ONLY = """---
title: Seulement en français
description: Une page écrite en français et pas encore traduite.
---

# Seulement en français

Cette phrase n'existe qu'en français.
"""

NOTICE_TITLES = {language: ui(language)["not_translated_title"] for language in TRANSLATIONS}


@pytest.fixture(scope="module")
def site_with_french_only_page(project_copy, tmp_path_factory):
    project = project_copy("french-only")
    (project / "docs/fr/seulement-en-francais.md").write_text(FRENCH_ONLY, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - a-propos.md\n", "  - seulement-en-francais.md\n  - a-propos.md\n", 1),
        encoding="utf-8",
    )
    return build_or_fail(project, tmp_path_factory.mktemp("french-only-site"))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_untranslated_page_shows_a_translated_notice_not_french_text(site_with_french_only_page, language):
    page = site_with_french_only_page.page(f"{language}/seulement-en-francais/")
    article = page.soup.select_one("article")
    assert "Cette phrase n'existe qu'en français." not in article.get_text()
    assert article.h1.get_text(strip=True) == NOTICE_TITLES[language]
    assert page.soup.title.get_text().startswith(NOTICE_TITLES[language])
    link = article.select_one('a[hreflang="fr"]')
    assert (link["lang"], link["dir"], link.get_text()) == ("fr", "ltr", "Seulement en français")
    assert page.resolve(link["href"]) == site_with_french_only_page.dir / "seulement-en-francais/index.html"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_untranslated_page_never_appears_in_that_language_navigation(site_with_french_only_page, language):
    site = site_with_french_only_page
    for page in site.pages():
        if page.folder_language != language:
            continue
        nav_and_footer = page.soup.select(".md-nav__link, .md-footer__link, head link[rel=prev], head link[rel=next]")
        texts = " ".join(element.get_text(" ", strip=True) for element in nav_and_footer)
        assert "Seulement en français" not in texts, page.path
        for element in nav_and_footer:
            href = element.get("href")
            if href and "md-nav__link--active" not in element.get("class", []):
                assert "seulement-en-francais" not in href, (page.path, href)


def test_untranslated_page_stays_in_french_navigation(site_with_french_only_page):
    titles = [a.get_text(strip=True) for a in site_with_french_only_page.page("").soup.select(".md-nav__link")]
    assert "Seulement en français" in titles


def test_untranslated_notices_are_left_out_of_search(site_with_french_only_page):
    index = json.loads((site_with_french_only_page.dir / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "seulement-en-francais/" in locations
    assert not {f"{language}/seulement-en-francais/" for language in TRANSLATIONS} & locations


# --- Adding a language ------------------------------------------------------------------
# The tests below add Spanish to a copy of the project under the code NEW_LANGUAGE: 'es',
# or another free code when the site has Spanish already (conftest.NEW_LANGUAGE; the words
# stay Spanish: the build checks that each one is there, not which language it is in).

SPANISH_ENTRY = f"""\
        - locale: {NEW_LANGUAGE}
          name: Español
          build: true
          site_name: Paso a paso
"""
SPANISH_INTERFACE = """\
not_translated_title: Esta página aún no está traducida al español
not_translated_body: Por ahora, esta página solo existe en francés.
read_in_source: "Leer la página en francés:"
not_found_title: Página no encontrada
not_found_body: Esta dirección no lleva a ninguna página. Puede que haya cambiado.
back_home: Volver a la página de inicio
level: "Nivel:"
level_decouverte: Descubrimiento
level_debutant: Principiante
level_intermediaire: Intermedio
duration: "Duración:"
minutes: "{n} min"
devices: "En:"
device_ordinateur: ordenador
device_telephone: teléfono
last_checked: "Última revisión:"
prerequisites: "Antes:"
help_checked: "Comprobado el:"
sources_title: "Fuentes"
sources_intro: "Los pasos de esta lección se comprobaron con estas páginas:"
source_consulted: "consultada el {date}"
source_steps: "Para los pasos {steps}."
step_sources: "Fuentes de este paso:"
live_check_none: "Estos pasos vienen de fuentes escritas. Nadie los ha rehecho aún en el sitio real."
live_check_recent: "Pasos rehechos en el sitio real el {date} ({by})."
live_check_old: "Estos pasos vienen de fuentes escritas. Se rehicieron en el sitio real el {date} ({by}), hace más de seis meses."
live_check_issue: "¿Todo coincidía en el sitio real? Dígalo aquí: {url}"
stale: "Por revisar: esta lección se comprobó hace más de un año."
translation_aligned: "Traducción alineada con el francés el {date}."
translation_outdated: "La lección en francés ha cambiado desde entonces: leer la versión francesa."
all_paths: Todos los itinerarios
skip_to_content: Saltar al contenido
help_phone: "Teléfono:"
help_website: Sitio de
share_step: "Copiar el enlace a este paso"
share_copied: "Enlace copiado."
share_failed: "Copie esta dirección:"
step_done: "He hecho este paso"
progress_clear: "Borrar mi progreso en este ordenador"
progress_explain: "Los pasos marcados se quedan solo en este navegador."
progress_cleared: "Progreso borrado."
progress_started: "Empezada en este dispositivo"
progress_finished: "Terminada en este dispositivo"
listen_lesson: "Escuchar la lección"
listen_step: "Escuchar este paso"
listen_pause: "Pausa"
listen_stop: "Parar"
qr_title: "Seguir en mi teléfono"
qr_alt: "Código QR: escanéelo con la cámara del teléfono para abrir esta lección."
edit_page: "Proponer una corrección de esta página"
report_step: "Informar de un problema en este paso"
translation_changed_steps: "Pasos modificados en francés: {steps}."
translation_step_changed: "Este paso ha cambiado en francés desde esta traducción."
translation_part_changed: "Esta parte ha cambiado en francés desde esta traducción."
translation_read_french_step: "Leer el paso en francés"
translation_read_french_part: "Leer esta parte en francés"
contact_forge: "El proyecto, sus archivos y sus conversaciones:"
contact_email: "Por correo electrónico:"
contact_email_route: "¿No puede o no quiere crear una cuenta? Escríbanos por correo electrónico con la página, el paso y lo que hay que cambiar, o con su lección."
report_issue_title: "Problema: {page}, {step} ({language})"
report_issue_body: "Página: {address}\\nPaso: {step}\\nIdioma: {language}\\n\\nQué falla:\\n"
practice_label: "Práctica — no se envía nada"
practice_private: "Lo que escribe se queda en esta pantalla: no se envía nada, no se guarda nada. No escriba sus contraseñas o códigos reales."
practice_try: "Para probar"
practice_needs_js: "Esta práctica necesita JavaScript, que está desactivado en este navegador. El resto de la lección funciona sin él."
practice_restart: "Empezar la práctica de nuevo"
practice_no_attachment: "Ningún archivo adjunto."
practice_attached: "Archivo adjunto (Pièce jointe): {file}"
licence_text: "Lecciones, prácticas y dibujos: Pas à pas y sus contribuidoras y contribuidores,"
licence_link: "con licencia Creative Commons Atribución 4.0 Internacional (CC BY 4.0)"
licence_url: "https://creativecommons.org/licenses/by/4.0/deed.es"
mediation_label: "Referencias para mediadores:"
mediation_theme: "tema:"
mediation_demarche: "trámite:"
can_lesson: "Lección:"
can_count: "Lecciones por hacer: {n}."
can_all_done: "Lo ha marcado todo. ¡Muy bien!"
can_clear: "Borrar mis marcas en este dispositivo"
can_cleared: "Marcas borradas en este dispositivo."
qr_alt_page: "Código QR: escanéelo con la cámara del teléfono para abrir esta página."
search_none: "No se encontró nada con estas palabras. Pruebe otra palabra, o:"
search_none_paths: "Ver los itinerarios, para elegir una lección"
search_none_help: "Encontrar ayuda gratuita cerca de usted"
search_none_ask: "Pedir a alguien que le ayude: la página que debe ver"
"""
SPANISH_HOME = "---\ntitle: Paso a paso\n---\n\n# Paso a paso\n\nAprender paso a paso.\n"


def add_spanish(project: Path, entry: str = SPANISH_ENTRY, interface: str | None = SPANISH_INTERFACE) -> Path:
    """What a contributor adds for a new language, and nothing else: one entry in mkdocs.yml,
    docs/<code>/index.md and docs/<code>/_interface.yml (left out when `interface` is None)."""
    add_language_entry(project, entry)
    folder = project / "docs" / NEW_LANGUAGE
    folder.mkdir()
    if interface is not None:
        (folder / "_interface.yml").write_text(interface, encoding="utf-8")
    (folder / "index.md").write_text(SPANISH_HOME, encoding="utf-8")
    return folder


def test_a_fourth_language_is_one_config_entry_and_one_folder(project_copy, tmp_path_factory):
    """A home page and the interface words: no lesson, help page or glossary translated yet.
    The checker passes (pages not translated yet are warnings) and the site builds."""
    project = project_copy("fourth-language")
    add_spanish(project)

    problems = lint(project / "docs")
    assert errors(problems) == []
    assert f"docs/{NEW_LANGUAGE}/lecons/antivirus.md" in {problem.path for problem in problems}  # a warning
    site = build_or_fail(project, tmp_path_factory.mktemp("fourth-language-site"))

    new = NEW_LANGUAGE
    assert site.languages == (*LANGUAGES, new)
    home = site.page(f"{new}/")
    assert (home.soup.html["lang"], home.soup.html["dir"]) == (new, "ltr")
    assert site.page("").language_switcher()[new] == f"{new}/"
    assert site.page("ar/").hreflang_links()[new] == f"../{new}/"
    for page in ("a-propos/", "aide/", "glossaire/", "lecons/antivirus/"):
        notice = site.page(f"{new}/{page}")
        assert notice.soup.select_one("article h1").get_text(strip=True) == "Esta página aún no está traducida al español"
    assert site.page(f"{new}/404.html").soup.html["lang"] == new


@pytest.mark.slow
def test_with_a_fourth_language_the_checks_and_fast_tests_pass_unchanged(project_copy):
    """One config entry and one folder: `make lint` and `make check` (ruff and every test
    that needs no browser) pass without a test being edited."""
    import shutil
    import subprocess

    from conftest import ROOT, with_make

    project = with_make(project_copy("fourth-language-tests"))
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pytest.ini", project / "pytest.ini")
    shutil.copytree(ROOT / ".github", project / ".github")
    add_spanish(project)
    for target in ("lint", "check"):
        result = subprocess.run(["make", "-s", target], cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, f"make {target}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def test_a_language_without_interface_strings_stops_the_build_with_a_plain_message(project_copy, tmp_path):
    project = project_copy("language-without-strings")
    add_spanish(project, f"        - locale: {NEW_LANGUAGE}\n          name: Español\n          build: true\n", interface=None)

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        f"docs/{NEW_LANGUAGE}/_interface.yml is missing: copy docs/fr/_interface.yml into docs/{NEW_LANGUAGE}/ and translate each line."
    ) in result.stderr


def test_a_missing_interface_string_stops_the_build_naming_the_language_and_the_key(project_copy, tmp_path):
    project = project_copy("language-with-a-missing-string")
    add_spanish(project, interface=SPANISH_INTERFACE.replace("qr_alt:", "# qr_alt:"))

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        f"docs/{NEW_LANGUAGE}/_interface.yml has no translation for qr_alt: "
        "copy those lines from docs/fr/_interface.yml and translate them."
    ) in result.stderr


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_untranslated_page_description_is_not_the_french_one(site_with_french_only_page, language):
    page = site_with_french_only_page.page(f"{language}/seulement-en-francais/")
    french = site_with_french_only_page.page("seulement-en-francais/")
    description = page.soup.select_one('meta[name="description"]')["content"]
    assert description != french.soup.select_one('meta[name="description"]')["content"]
