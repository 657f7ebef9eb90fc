"""Search that finds, at a price a prepaid phone can pay.

- Queries typed in the real search box of the built site, in chromium, per language: the
  page (or glossary entry) each must find. Only languages of the site are tried
  (conftest.LANGUAGES); a language with no queries below is simply not queried.
- One search downloads its language's index and the search worker, and only what
  pasapas/tools/search_weight.py counts (tests/test_budgets.py checks that nothing is
  downloaded before the search box is used).
- The size of each language's index, on the real site, bounded so that a catalogue of
  300 lessons per language stays within 150 KB gzip per search (derivation below).
- Fast tests of how pasapas/transform/search_index.py splits words and slims the index.
"""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import LANGUAGES, prefix

from pasapas.model.lesson import LESSONS_FOLDER
from pasapas.tools.search_weight import search_download_files
from pasapas.transform import search_index

# --- The query set: language → what is typed → what it must find (path from the
# language's root, with the anchor of a glossary entry), among the first results -------
QUERIES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "fr": {
        "piece jointe": "lecons/e-mail-piece-jointe/",  # accents are optional
        "securite windows": "lecons/antivirus/",
        "Pièce jointe": "lecons/e-mail-piece-jointe/",
        "l'antivirus": "lecons/antivirus/",  # elision
        "mot de passe": "lecons/mots-de-passe/",
        "arobase": "glossaire/#arobase",  # a glossary word finds its entry
        "hameconnage": "glossaire/#hameconnage",
        "url": "glossaire/#url",  # another form of the term «Adresse d'une page»
    },
    "ar": {
        "فيروس": "lecons/antivirus/",  # the lesson says «الفيروسات»: article and plural
        "الفيروسات": "lecons/antivirus/",
        "بالبريد": ("lecons/adresse-e-mail/", "lecons/lire-ecrire-e-mail/", "lecons/e-mail-piece-jointe/"),
        "امان": "lecons/antivirus/",  # «أمان» typed without its hamza
        "مكافحه": "lecons/antivirus/",  # «مكافحة», its ة typed as ه
        "التصيد": "glossaire/#hameconnage",  # the entry is written «التصيّد», with a shadda
        "مرفق": "glossaire/#piece-jointe",
    },
    "en": {
        "attachment": "lecons/e-mail-piece-jointe/",
        "windows security": "lecons/antivirus/",
        "password": "lecons/mots-de-passe/",
        "phishing": "glossaire/#hameconnage",
        "inbox": "glossaire/#boite-de-reception",
    },
}
#: Where an expected page must be: among the first result items (one item per page).
FIRST_RESULTS = 5
CASES = [
    pytest.param(language, query, expected, id=f"{language}:{query}")
    for language in LANGUAGES
    for query, expected in QUERIES.get(language, {}).items()
]
#: Requests that belong to search (lazy-search.js, loaded with every page, is not one).
SEARCH_FILES = ("search_index", "workers/search", "/lunr/")

# --- The bound on an index ---------------------------------------------------------------
# What one search downloads must stay within 150 KB gzip with 300 lessons per language:
#   the search worker, and lunr files if any (12.3 KB in Material 9.8.2)    ≤ 13 KB
#   the pages that do not multiply with lessons: home, help pages, glossary ≤ 12 KB
#   the lessons: 150 − 13 − 12 = 125 KB for 320 lessons (300 + today's)   ≤ 390 B each
# A lesson's bytes are measured as the gzip of all lessons of the real site together,
# divided by their number: distinct lessons, whose shared words and keys compress as they
# would in a larger catalogue. (The synthetic catalogue of `make bench` copies one lesson
# 300 times, which gzip compresses far better than 300 real lessons.)
KB = 1000
ONE_SEARCH = 150 * KB
CATALOGUE = 300 + 20
SCRIPTS = 13 * KB
FIXED = 12 * KB
PER_LESSON = (ONE_SEARCH - SCRIPTS - FIXED) // CATALOGUE


def gzip_size(value) -> int:
    return len(gzip.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), compresslevel=9))


def open_search_box(page):
    """The theme may start only at the reader's first gesture: move the pointer, then
    click the search box."""
    page.mouse.move(1, 1)
    page.mouse.move(30, 30)
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible", timeout=15000)
    box.click()
    return box


def search(page, base_url: str, language: str, query: str) -> list[list[str]]:
    """Type `query` in the search box of the language's home page: the links of each
    result item (a page, then its sections), best first."""
    page.goto(base_url + prefix(language), wait_until="networkidle")
    box = open_search_box(page)
    box.fill(query)
    page.keyboard.press("End")  # the theme reads the box on a key press
    try:
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    except Exception:  # no result: the assertion says so
        return []
    return page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))"
    )


@pytest.fixture(scope="module")
def search_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("language,query,expected", CASES)
def test_a_query_finds_its_page(search_context, base_url, language, query, expected):
    page = search_context.new_page()
    try:
        items = search(page, base_url, language, query)
    finally:
        page.close()
    found = {link for item in items[:FIRST_RESULTS] for link in item}
    root = base_url + prefix(language)
    for path in (expected,) if isinstance(expected, str) else expected:
        shown = [[link.removeprefix(root) for link in item[:3]] for item in items[:FIRST_RESULTS]]
        assert root + path in found, f"{language} «{query}»: {path} is not among the first results {shown}"


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_downloads_its_language_index_and_worker_as_counted_and_finds_this_language_only(
    browser, base_url, site, language
):
    index = json.loads((site.dir / prefix(language) / "search/search_index.json").read_text(encoding="utf-8"))
    # A lesson's title; the home page's in a language with no lesson translated yet.
    page = next((doc for doc in index["docs"] if doc["location"].startswith(f"{LESSONS_FOLDER}/")), index["docs"][0])
    query = max(search_index.words(page["title"], language), key=len)  # a word of this language
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    items = search(page, base_url, language, query)
    context.close()
    downloaded = sorted(url.removeprefix(base_url) for url in requested if any(part in url for part in SEARCH_FILES))
    assert downloaded == sorted(search_download_files(site.dir)[language])
    links = [link for item in items for link in item]
    assert links, f"{language} «{query}»: no result"
    others = [base_url + prefix(other) for other in LANGUAGES if other != language and prefix(other)]
    assert all(link.startswith(base_url + prefix(language)) and not link.startswith(tuple(others)) for link in links), links


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_search_would_stay_within_150_kb_with_300_lessons(site, language):
    files = search_download_files(site.dir)[language]
    index_path = f"{prefix(language)}search/search_index.json"
    docs = json.loads((site.dir / index_path).read_text(encoding="utf-8"))["docs"]
    lesson_docs = [doc for doc in docs if doc["location"].startswith(f"{LESSONS_FOLDER}/")]
    lessons = {doc["location"].split("#")[0] for doc in lesson_docs}
    scripts = sum(packed for path, (_, packed) in files.items() if path != index_path)
    fixed = gzip_size([doc for doc in docs if doc not in lesson_docs])
    assert scripts <= SCRIPTS, f"{language}: the search scripts weigh {scripts} B gzip: {files}"
    assert fixed <= FIXED, f"{language}: the pages other than lessons weigh {fixed} B gzip in the index"
    if lessons:
        per_lesson = gzip_size(lesson_docs) / len(lessons)
        assert per_lesson <= PER_LESSON, (
            f"{language}: {per_lesson:.0f} B gzip per lesson in the index (at most {PER_LESSON}): "
            f"{CATALOGUE} lessons would make one search weigh more than {ONE_SEARCH // KB} KB"
        )


# --- How the index is made (no build, no browser) ---------------------------------------


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("Envoyer une pièce jointe", "fr", ["envoyer", "une", "pièce", "jointe"]),
        ("l'antivirus, c’est « Sécurité Windows ».", "fr", ["l", "antivirus", "c", "est", "sécurité", "windows"]),
        ("الحماية من الفيروسات: برنامج", "ar", ["حماية", "من", "فيروسات", "برنامج"]),
        ("بالبريد وبالهاتف للمساعدة والد", "ar", ["بريد", "هاتف", "مساعدة", "والد"]),
        ("«الإعدادات» (Réglages)", "ar", ["إعدادات", "réglages"]),
        ("Tom &amp; Jerry", "en", ["tom", "jerry"]),
    ],
)
def test_words_are_split_as_the_reader_types_them(text, language, expected):
    assert search_index.words(text, language) == expected


def test_the_arabic_article_is_only_split_in_arabic():
    assert search_index.words("البريد", "fr") == ["البريد"]
    assert search_index.separator("ar") != search_index.separator("fr") == search_index.SEPARATOR


@pytest.mark.parametrize(
    "word,plain",
    [("pièce", "piece"), ("cœur", "coeur"), ("أمان", "امان"), ("إلى", "الي"), ("خطوة", "خطوه"), ("windows", "windows")],
)
def test_plain_spellings(word, plain):
    assert search_index.plain_spelling(word) == plain


LESSON_PAGE = '<html><head><meta name="description" content="Joindre un document à un e-mail."></head></html>'
GLOSSARY_PAGE = (
    '<html><head><meta name="description" content="Les mots."></head><body><dl>'
    '<dt data-forms="pièces jointes" id="piece-jointe">Pièce jointe</dt><dd>Un fichier <em>envoyé</em>.</dd>'
    '<dt id="virus">Virus</dt><dd>Un programme.</dd></dl></body></html>'
)


@pytest.fixture
def merged_site(tmp_path):
    """A built site's merged index: a home page, a lesson in French and Arabic, a glossary."""
    pages = {
        "index.html": '<meta name="description" content="Le site.">',
        "lecons/pj/index.html": LESSON_PAGE,
        "glossaire/index.html": GLOSSARY_PAGE,
        "ar/lecons/pj/index.html": '<meta name="description" content="إرفاق وثيقة بالبريد.">',
    }
    for path, text in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    docs = [
        {"location": "", "title": "Pas à pas", "text": "<p>Bienvenue</p>"},
        {"location": "lecons/pj/", "title": "Envoyer une pièce jointe", "text": "<p>Niveau</p>"},
        {"location": "lecons/pj/#apprendre", "title": "Ce que vous allez apprendre", "text": "<ul><li>x</li></ul>"},
        {"location": "lecons/pj/#sur-un-ordinateur", "title": "Sur un ordinateur", "text": ""},
        {"location": "lecons/pj/#etape-1", "title": "Étape 1 : ouvrez la messagerie", "text": "<p>Long texte</p>"},
        {"location": "lecons/pj/#aidant", "title": "Pour l'aidant", "text": "<p>Long texte</p>"},
        {"location": "glossaire/", "title": "Les mots", "text": "<dl>…</dl>"},
        {"location": "ar/lecons/pj/", "title": "إرسال مرفق", "text": ""},
        {"location": "ar/lecons/pj/#etape-1", "title": "الخطوة 1: افتح البريد", "text": "<p>نص طويل</p>"},
    ]
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}, "docs": docs}
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def test_each_language_keeps_titles_steps_descriptions_and_glossary_entries(merged_site):
    search_index.split(merged_site, "fr", ["fr", "ar"])
    french = json.loads((merged_site / "search/search_index.json").read_text(encoding="utf-8"))
    arabic = json.loads((merged_site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    assert french["docs"] == [
        {"location": "", "title": "Pas à pas", "text": "Le site."},  # «à» → «a»: too short to add
        {
            "location": "lecons/pj/",
            "title": "Envoyer une pièce jointe",
            "text": "Joindre un document à un e-mail.",
            "title_forms": "piece",
        },
        {"location": "lecons/pj/#etape-1", "title": "Étape 1 : ouvrez la messagerie", "text": "", "title_forms": "etape"},
        {"location": "glossaire/", "title": "Les mots", "text": "Les mots."},
        {
            "location": "glossaire/#piece-jointe",
            "title": "Pièce jointe",
            "text": "Un fichier envoyé.",
            "title_forms": "pièces jointes piece pieces",
            "text_forms": "envoye",
        },
        {"location": "glossaire/#virus", "title": "Virus", "text": "Un programme."},
    ]
    assert [doc["location"] for doc in arabic["docs"]] == ["lecons/pj/", "lecons/pj/#etape-1"]
    assert arabic["config"] == {**french["config"], "separator": search_index.separator("ar")}
    assert french["config"]["lang"] == ["en"] and french["config"]["pipeline"] == []


def test_arabic_marks_leave_what_is_shown_and_plain_spellings_are_indexed_apart():
    doc = {"location": "x/", "title": "ثبّت أمان Windows", "text": "برنامجًا مجانيًا"}
    assert search_index.add_spellings(doc, "ar") == {
        "location": "x/",
        "title": "ثبت أمان Windows",
        "text": "برنامجا مجانيا",
        "title_forms": "امان",
    }
