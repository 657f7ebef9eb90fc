"""For helpers and learners, in a real browser, in French and Arabic: share a step,
continue on the phone, print, listen, keep my place, work offline, find help."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from io import BytesIO
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import LANGUAGES, ROOT, SITE_URL, languages_with, prefix, ui
from pypdf import PdfReader

pytestmark = pytest.mark.browser

LESSON = {language: f"{prefix(language)}lecons/e-mail-piece-jointe/" for language in LANGUAGES}
SHARE_LABEL = {language: ui(language)["share_step"] for language in LANGUAGES}
COPIED = {language: ui(language)["share_copied"] for language in LANGUAGES}


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


# --- 1. Share a step ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_share_copies_the_link_to_the_step_and_says_so_to_screen_readers(context, base_url, language):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.add_init_script("delete Navigator.prototype.share")  # no share sheet here: copy instead
    page.goto(base_url + LESSON[language])
    share = page.locator('.pap-step-tools[data-step="etape-3"] a.pap-share')
    assert share.inner_text() == SHARE_LABEL[language]
    share.focus()
    page.keyboard.press("Enter")
    live = page.locator(".pap-live")
    live.filter(has_text=COPIED[language]).wait_for()
    assert live.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == base_url + LESSON[language] + "#etape-3"


def test_share_uses_the_system_share_sheet_where_there_is_one(context, base_url):
    page = context.new_page()
    page.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); }")
    page.goto(base_url + LESSON["ar"])
    page.locator('.pap-step-tools[data-step="etape-2"] a.pap-share').click()
    assert page.evaluate("window.__shared.url") == base_url + LESSON["ar"] + "#etape-2"


# --- 2. Continue on my phone -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_each_lesson_shows_a_qr_code_of_its_address_with_a_text_alternative(site, language):
    aside = site.page(LESSON[language]).soup.select_one("article aside.pap-qr")
    image = aside.select_one("img.pap-qr__code")
    assert image["alt"] == ui(language)["qr_alt"]
    assert (image["width"], image["height"]) == ("111", "111"), "its size is known before it arrives"
    # A file beside the page, kept by the browser: a repeat visit does not download it (#17).
    assert image["src"] == "index.qr.svg" and (site.dir / LESSON[language] / "index.qr.svg").is_file()
    address = aside.select_one(".pap-qr__address")
    assert address.get_text() == (SITE_URL + LESSON[language]).removeprefix("https://").rstrip("/")
    assert address["dir"] == "ltr"
    assert not aside.select("script, svg")


def test_the_qr_code_encodes_the_lesson_address(site, tmp_path):
    import segno

    from pasapas.transform.step_tools import QR_OPTIONS

    drawing = (site.dir / LESSON["fr"] / "index.qr.svg").read_text(encoding="utf-8")
    assert drawing.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="111" height="111">')
    expected = segno.make(SITE_URL + LESSON["fr"], **QR_OPTIONS).svg_inline(
        scale=3, border=2, title="x", svgclass="pap-qr__code", lineclass=None
    )
    assert re.search(r' d="([^"]+)"', drawing).group(1) == re.search(r' d="([^"]+)"', expected).group(1)


def test_the_qr_code_is_drawn_on_screen(context, base_url):
    page = context.new_page()
    page.goto(base_url + LESSON["ar"], wait_until="networkidle")
    image = page.locator("aside.pap-qr img")
    image.scroll_into_view_if_needed()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 111


# --- 3. Print -----------------------------------------------------------------------------------


def pdf_of(context, url) -> PdfReader:
    page = context.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(BytesIO(page.pdf(format="A4", print_background=False)))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_the_email_lesson_prints_every_step_about_five_steps_to_an_a4_page(context, base_url, site):
    reader = pdf_of(context, base_url + LESSON["fr"])
    text = plain(" ".join(p.extract_text() for p in reader.pages))
    steps = [h.get_text(" ", strip=True) for h in site.page(LESSON["fr"]).soup.select("article [id^=etape-]")]
    assert steps
    assert [s for s in steps if plain(s) not in text] == []
    assert "Faire avec, pas à la place" in text  # the helper note
    assert ui("fr")["mediation_label"] + " thématique : E-mail" in text  # and the line for mediators
    assert f"{ui('fr')['licence_text']} {ui('fr')['licence_link']}" in text  # the sheet may be copied, and how
    assert (SITE_URL + LESSON["fr"]).removeprefix("https://").rstrip("/") in text  # the address under the QR code
    assert "Copier le lien vers cette étape" not in text and "Rechercher" not in text  # no buttons, no navigation
    assert len(reader.pages) <= 2 + math.ceil(len(steps) / 5), (len(reader.pages), len(steps))


def test_the_arabic_lesson_prints_too(context, base_url, site):
    reader = pdf_of(context, base_url + LESSON["ar"])
    steps = site.page(LESSON["ar"]).soup.select("article [id^=etape-]")
    assert 1 <= len(reader.pages) <= 3 + math.ceil(len(steps) / 5)
    text = plain(" ".join(p.extract_text() for p in reader.pages))
    assert "إرسال بريد إلكتروني مع مرفق" in text
    assert "pasapas.example/ar/lecons/e-mail-piece-jointe" in re.sub(r"\s", "", text)  # PDF text spaces out punctuation


# --- 4. Listen -----------------------------------------------------------------------------------

FAKE_SPEECH = """
(() => {
  const spoken = window.__spoken = [];
  const voices = %s;
  const synth = {
    paused: false, speaking: false,
    getVoices: () => voices,
    speak: (u) => spoken.push({text: u.text, lang: u.lang}),
    cancel: () => spoken.push('cancel'), pause: () => { synth.paused = true; spoken.push('pause'); },
    resume: () => { synth.paused = false; spoken.push('resume'); },
    addEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


@pytest.mark.parametrize("language,voice", [("fr", "fr-FR"), ("ar", "ar-SA")])
def test_listen_reads_the_lesson_or_one_step_in_the_page_language(context, base_url, language, voice):
    page = context.new_page()
    page.add_init_script(FAKE_SPEECH % f'[{{lang: "{voice}", name: "v"}}]')
    page.goto(base_url + LESSON[language])
    page.locator('button[data-listen="lesson"]').click()
    page.locator('button[data-listen="pause"]').click()
    page.locator('button[data-listen="stop"]').click()
    page.locator('.pap-step-tools[data-step="etape-4"] .pap-listen-step').click()
    spoken = page.evaluate("window.__spoken")
    lesson_text, step_text = spoken[1], spoken[-1]
    assert lesson_text["lang"] == voice and step_text["lang"] == voice
    assert page.locator("article h1").inner_text() in lesson_text["text"]
    assert "pause" in spoken and "cancel" in spoken
    step_title = page.locator("#etape-4").inner_text()
    assert step_text["text"].startswith(step_title) and page.locator("#etape-5").inner_text() not in step_text["text"]


#: Step 4 of the Arabic e-mail lesson names the field « À » twice, marked lang="fr".
STEP_4_AR = "الخطوة 4: اكتب العنوان\nفي خانة"
STEP_4_AR_AFTER_FIRST_LABEL = "(«إلى»)، اكتب عنوان بريد الشخص.\nسترى: العنوان في خانة"
STEP_4_AR_END = "، بلا مسافات، وفيه العلامة @."


@pytest.mark.parametrize(
    "voices,spoken",
    [
        (
            '[{lang: "ar-SA", name: "a"}, {lang: "fr-FR", name: "f"}]',
            [
                ("ar-SA", STEP_4_AR),
                ("fr-FR", "À"),
                ("ar-SA", STEP_4_AR_AFTER_FIRST_LABEL),
                ("fr-FR", "À"),
                ("ar-SA", STEP_4_AR_END),
            ],
        ),
        # No French voice: the French label is left out, its meaning in Arabic is read.
        ('[{lang: "ar-SA", name: "a"}]', [("ar-SA", f"{STEP_4_AR} {STEP_4_AR_AFTER_FIRST_LABEL} {STEP_4_AR_END}")]),
    ],
    ids=["with-a-french-voice", "without"],
)
def test_listen_reads_each_part_of_a_step_in_its_own_language(context, base_url, voices, spoken):
    page = context.new_page()
    page.add_init_script(FAKE_SPEECH % voices)
    page.goto(base_url + LESSON["ar"])
    page.locator('.pap-step-tools[data-step="etape-4"] .pap-listen-step').click()
    page.locator('button[data-listen="pause"]').click()
    page.locator('button[data-listen="stop"]').click()
    queue = page.evaluate("window.__spoken")
    assert queue[0] == "cancel" and queue[-2:] == ["pause", "cancel"]  # pause and stop act on the whole queue
    assert [(said["lang"], said["text"]) for said in queue[1:-2]] == spoken


def test_listen_is_hidden_where_the_browser_has_no_voice_for_the_language(context, base_url):
    page = context.new_page()
    page.add_init_script(FAKE_SPEECH % '[{lang: "en-US", name: "v"}]')
    page.goto(base_url + LESSON["ar"])
    assert not page.locator(".pap-listen").is_visible()
    assert not page.locator(".pap-listen-step").first.is_visible()


# --- 5. Keep my place -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_progress_survives_a_reload_shows_on_the_home_page_and_is_gone_after_clear(context, base_url, language):
    page = context.new_page()
    page.goto(base_url + LESSON[language])
    box = page.locator('.pap-step-tools[data-step="etape-2"] input.pap-done__box')
    box.focus()
    page.keyboard.press("Space")
    page.reload()
    assert page.locator('.pap-step-tools[data-step="etape-2"] input.pap-done__box').is_checked()
    assert context.cookies() == []
    home = base_url + ("" if language == "fr" else f"{language}/")
    page.goto(home)
    started = {"fr": "Commencée sur cet appareil", "ar": "بدأته على هذا الجهاز"}[language]
    assert page.locator('[data-pap-lesson="lecons/e-mail-piece-jointe"] .pap-status-badge').inner_text() == started
    page.goto(base_url + LESSON[language])
    page.locator("button.pap-progress__clear").click()
    page.reload()
    assert not page.locator('.pap-step-tools[data-step="etape-2"] input.pap-done__box').is_checked()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pasapas:'))") == []


def test_the_progress_works_across_languages_of_the_same_lesson(context, base_url):
    page = context.new_page()
    page.goto(base_url + LESSON["fr"])
    page.locator('.pap-step-tools[data-step="etape-1"] input.pap-done__box').check()
    page.goto(base_url + LESSON["ar"])
    assert page.locator('.pap-step-tools[data-step="etape-1"] input.pap-done__box').is_checked()


def test_without_javascript_lessons_read_and_offer_plain_step_links(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + LESSON["ar"])
    assert page.locator("#etape-11").is_visible()
    assert page.locator('a.pap-share[href="#etape-3"]').is_visible()
    assert not page.locator(".pap-done").first.is_visible()  # saving needs JavaScript: not offered
    assert not page.locator(".pap-listen").is_visible()
    assert page.locator(".md-nav__link").count() > 5
    context.close()


# --- 6. Offline -----------------------------------------------------------------------------------


def test_the_offline_copy_opens_from_disk_and_follows_links_in_every_language(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for home, title in [
        ("index.html", "Envoyer un e-mail avec une pièce jointe"),
        ("ar/index.html", "إرسال بريد إلكتروني مع مرفق"),
        ("en/index.html", "Send an e-mail with an attachment"),
    ]:
        page.goto((offline_copy / home).as_uri())
        page.get_by_role("link", name=title, exact=True).first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and page.url.endswith("e-mail-piece-jointe.html")
        assert page.locator("article h1").inner_text() == title
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []
    context.close()


def test_the_offline_copy_carries_the_licences_and_the_catalogue(offline_copy):
    from pasapas.tools import offline

    for name, copied in offline.LICENCE_FILES.items():
        assert (offline_copy / copied).read_bytes() == (ROOT / name).read_bytes()
    lessons = json.loads((offline_copy / "catalogue.json").read_text(encoding="utf-8"))["lessons"]
    # With a published address (SITE_URL), each entry names the page there; its path is in the copy.
    pages = [
        urlsplit(lesson["address"]).path.lstrip("/") if "://" in lesson["address"] else lesson["address"] for lesson in lessons
    ]
    assert lessons and all((offline_copy / page).is_file() for page in pages), pages[:3]
    assert (offline_copy / "catalogue.schema.json").is_file()


@pytest.mark.parametrize("language,query", [("fr", "trombone"), ("ar", "المرفق")])
def test_the_offline_copy_searches_from_disk(browser, offline_copy, language, query):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto((offline_copy / ("index.html" if language == "fr" else f"{language}/index.html")).as_uri())
    page.mouse.move(5, 5)  # the reader's first gesture starts the theme's script (lazy-theme.js)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1
    context.close()


# --- 7. Where to get help ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", languages_with("aide.md"))
def test_the_help_page_lists_every_kind_of_help_with_its_date(site, language):
    page = site.page(f"{prefix(language)}aide/")
    places = page.soup.select("ul.pap-help > li")
    entries = yaml.safe_load((ROOT / "docs/_aide.yml").read_text(encoding="utf-8"))
    assert [p["id"] for p in places] == [entry["id"] for entry in entries]
    assert all(p.select_one(".pap-help__checked") for p in places)
    phones = {a["href"].removeprefix("tel:") for a in page.soup.select('ul.pap-help a[href^="tel:"]')}
    assert len(phones) == len([entry for entry in entries if entry.get("phone")])


@pytest.mark.parametrize(
    "lesson,language",
    [
        pytest.param(lesson, language, id=f"{lesson}-{language}")
        for lesson in ("caf-mon-compte", "caf-demarches")
        for language in languages_with(f"lecons/{lesson}.md")
    ],
)
def test_every_online_procedure_lesson_links_to_the_help_page(site, language, lesson):
    page = site.page(f"{prefix(language)}lecons/{lesson}/")
    links = page.soup.select('h2#autres-solutions ~ ul a[href$="aide/"]')
    assert links and page.resolve(links[0]["href"]) == site.dir / prefix(language) / "aide/index.html"
