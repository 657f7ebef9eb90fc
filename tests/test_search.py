"""Search that finds what people type, in their words, at a price a prepaid phone can pay.

- The query sets: what people type, per language and per kind (another form of a word,
  another name for the thing, a word inside the lesson, a glossary word, a misspelling or
  a word without its accents), typed into the real search box of the web build and of
  the offline copy, in chromium: the lesson each must find among the first results. A
  query that finds nothing is answered in plain words, with what to do instead. The
  browser makes the words typed short just as the build makes the index's words short
  (search-words.js and word_forms.py agree on every word of the index).
- One search downloads its language's index, search-words.js and the search worker, and
  only what pasapas/tools/search_weight.py counts (tests/test_budgets.py checks that
  nothing is downloaded before the search box is used).
- One search would stay within 150 KB gzip with 300 lessons per language.
- Fast tests of word forms, of each language's index and of the offers when nothing is found.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import LANGUAGES, prefix, ui

from pasapas.model.lesson import LESSONS_FOLDER
from pasapas.tools.search_weight import projected_search_bytes, search_download_files
from pasapas.transform import search_index, word_forms

# --- The query sets: language → kind → what is typed → the lesson it must find ----------
FORMS, NAMES, INSIDE, GLOSSARY, SPELLING = "other form", "other name", "inside the lesson", "glossary word", "spelling"
QUERIES: dict[str, dict[str, dict[str, str]]] = {
    "fr": {
        FORMS: {
            "pièces jointes": "e-mail-piece-jointe",
            "virus informatiques": "antivirus",
            "scanné": "scanner-document",
            "déclarer mes impôts": "declarer-revenus",
            "mots de passe oubliés": "mots-de-passe",
        },
        NAMES: {
            "pôle emploi": "france-travail",
            "chômage": "france-travail",
            "gmail": "adresse-e-mail",
            "curriculum vitae": "cv",
            "texto": "sms",
            "arnaque": "faux-messages",
        },
        INSIDE: {  # a step's or an objective's words, not a title's or a keyword
            "molette": "souris-clavier",
            "récapitulatif": "france-travail",
            "opposition": "faux-messages",
            "navigation privée": "e-reputation",
        },
        GLOSSARY: {  # a glossary word the lesson uses leads to the lesson too
            "hameçonnage": "faux-messages",
            "cheval de troie": "antivirus",
            "forfait": "smartphone",
            "contrat d'engagement": "france-travail",
        },
        SPELLING: {
            "hameconnage": "faux-messages",
            "securite windows": "antivirus",
            "code oublie": "mots-de-passe",
            "curiculum": "cv",
            "scaner": "scanner-document",
        },
    },
    "ar": {
        FORMS: {
            "مرفقات": "e-mail-piece-jointe",
            "الفيروسات": "antivirus",
            "مداخيلي": "declarer-revenus",
            "الضريبي": "declarer-revenus",
            "رسائلي القصيرة": "sms",
        },
        NAMES: {
            "البطالة": "france-travail",
            "بول أمبلوا": "france-travail",
            "جيميل": "adresse-e-mail",
            "السي في": "cv",
            "مسج": "sms",
            "نصب": "faux-messages",
        },
        INSIDE: {
            "العجلة": "souris-clavier",
            "المبلغ الصافي": "caf-demarches",
            "عبارة المرور": "mots-de-passe",
        },
        GLOSSARY: {
            "التصيد": "faux-messages",
            "الباقة": "smartphone",
            "حصان طروادة": "antivirus",
            "إشعار الاستلام": "declarer-revenus",
        },
        SPELLING: {  # no hamza, ه for ة
            "ايميل": "adresse-e-mail",
            "كلمه السر": "mots-de-passe",
            "مكافحه الفيروسات": "antivirus",
            "الانترنت": "e-reputation",
        },
    },
    "en": {
        FORMS: {
            "attachments": "e-mail-piece-jointe",
            "scanning": "scanner-document",
            "viruses": "antivirus",
            "passwords": "mots-de-passe",
            "text messages": "sms",
            "registering": "france-travail",
        },
        NAMES: {
            "resume": "cv",
            "curriculum vitae": "cv",
            "unemployment": "france-travail",
            "gmail": "adresse-e-mail",
            "malware": "antivirus",
        },
        INSIDE: {
            "wheel": "souris-clavier",
            "receipt": "declarer-revenus",
            "block your card": "faux-messages",
            "private window": "e-reputation",
        },
        GLOSSARY: {
            "phishing": "faux-messages",
            "trojan horse": "antivirus",
            "data plan": "smartphone",
            "overpayment": "caf-demarches",
        },
        SPELLING: {
            "pasword": "mots-de-passe",
            "attachement": "e-mail-piece-jointe",
            "emial": "adresse-e-mail",
        },
    },
}
#: What finds nothing, in each language's script.
NOTHING = {"fr": "xqzwv bflorp", "ar": "ظظظ غغغغ", "en": "xqzwv bflorp"}
#: Where an expected lesson must be: among the first result items (one item per page).
FIRST_RESULTS = 5
LESSON_IN_LINK = re.compile(rf"/{LESSONS_FOLDER}/([^/.#]+)")
#: Requests that belong to search (lazy-search.js, loaded with every page, is not one).
SEARCH_FILES = ("search_index", "workers/search", "/lunr/", "search-words")

#: In the page: each query typed into the search box (the theme reads it at each key),
#: waiting each time for the box's answer; then what the panel offers for a query that
#: finds nothing, and the short forms search-words.js makes of `words`.
TYPE_EACH_QUERY = """async ({queries, nothing, words}) => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const placeholder = config.translations["search.result.placeholder"].trim();
  const until = async (done) => {
    const end = Date.now() + 15000;
    while (!done() && Date.now() < end) { await new Promise((resolve) => setTimeout(resolve, 20)); }
  };
  const type = (text) => {
    box.value = text;
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
  };
  const answer = async (query) => {
    type("");
    await until(() => meta.textContent.trim() === placeholder);
    type(query);
    await until(() => meta.textContent.trim() !== placeholder);
    return [...document.querySelectorAll(".md-search-result__item")].map((item) => item.querySelector("a").href);
  };
  const found = {};
  for (const query of queries) { found[query] = await answer(query); }
  const empty = await answer(nothing);
  const none = document.querySelector(".pap-search-none");
  return {
    found,
    nothing: {
      items: empty,
      sentence: none ? none.querySelector("p").textContent : null,
      links: none ? [...none.querySelectorAll("a")].map((a) => [a.textContent, a.href]) : [],
      meta_shown: getComputedStyle(meta).display !== "none",
    },
    short: words.map((word) => window.papSearchWords.shorten(word)),
  };
}"""


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


def index_words(site_dir, language: str) -> list[str]:
    """The words shown in a language's index: what the browser and the build must make
    short the same way."""
    index = json.loads((site_dir / prefix(language) / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    return sorted(set(search_index.words(text, language)))


@pytest.fixture(scope="module")
def search_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("copy", ["web", "offline"])
@pytest.mark.parametrize("language", [language for language in LANGUAGES if language in QUERIES])
def test_what_people_type_finds_their_lesson_and_nothing_found_says_what_to_do(search_context, request, site, language, copy):
    if copy == "web":
        home = request.getfixturevalue("base_url") + prefix(language)
    else:
        home = (request.getfixturevalue("offline_copy") / prefix(language) / "index.html").as_uri()
    queries = {query: expected for kind in QUERIES[language].values() for query, expected in kind.items()}
    words = index_words(site.dir, language) + list(queries)
    page = search_context.new_page()
    try:
        page.goto(home, wait_until="load")
        open_search_box(page)
        answers = page.evaluate(TYPE_EACH_QUERY, {"queries": list(queries), "nothing": NOTHING[language], "words": words})
    finally:
        page.close()

    missed = {}
    for query, expected in queries.items():
        first = answers["found"][query][:FIRST_RESULTS]
        if expected not in [match[1] for link in first if (match := LESSON_IN_LINK.search(link))]:
            missed[query] = (expected, [link.split("/", 3)[-1] for link in first])
    assert missed == {}, f"{copy}, {language}: not among the first {FIRST_RESULTS} results: {missed}"

    nothing = answers["nothing"]
    words_of = ui(language)
    assert nothing["items"] == [] and not nothing["meta_shown"]
    assert nothing["sentence"] == words_of["search_none"]
    assert [text for text, _ in nothing["links"]] == [
        words_of["search_none_paths"],
        words_of["search_none_help"],
        words_of["search_none_ask"],
    ]
    targets = [href.split("#")[0].removesuffix("index.html").rstrip("/").rsplit("/", 1)[-1] for _, href in nothing["links"]]
    assert targets[1:] == ["aide" if copy == "web" else "aide.html", "aider" if copy == "web" else "aider.html"]
    assert nothing["links"][0][1].endswith("#parcours")

    made_short = dict(zip(words, answers["short"], strict=True))
    differ = {word: (short, search_index.query(word, language)) for word, short in made_short.items()}
    assert {word: pair for word, pair in differ.items() if pair[0] != pair[1]} == {}, "search-words.js ≠ word_forms.py"


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


# --- The bound on what one search downloads ----------------------------------------------
KB = 1000
ONE_SEARCH = 150 * KB
#: 300 lessons per language, plus today's: each weighing as the real lessons do when
#: compressed together (search_weight.projected_search_bytes).
CATALOGUE = 300 + 20


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_search_would_stay_within_150_kb_with_300_lessons(site, language):
    projection = projected_search_bytes(site.dir, CATALOGUE)[language]
    assert projection.total <= ONE_SEARCH, f"{language}: one search would download {projection}"


# --- How words are made short (no build, no browser) ---------------------------------------


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
    [("Pièce", "piece"), ("cœur", "coeur"), ("أمان", "امان"), ("إلى", "الي"), ("خطوة", "خطوه"), ("التصيّد", "التصيد")],
)
def test_plain_spellings(word, plain):
    assert word_forms.plain(word) == plain


@pytest.mark.parametrize(
    "language,forms",
    [
        ("fr", ["envoyer", "envoyez", "envoyé", "envoyées", "envoyons"]),
        ("fr", ["pièce", "pièces", "piece"]),
        ("fr", ["déclarer", "déclaration", "déclarations", "déclarez"]),
        ("fr", ["actualiser", "actualisation", "s'actualiser"]),
        ("fr", ["ordinateur", "ordinateurs"]),
        ("en", ["attachment", "attachments", "attached", "attaching"]),
        ("en", ["scan", "scans", "scanning", "scanned", "scanner"]),
        ("en", ["copy", "copies", "copied"]),
        ("en", ["update", "updates", "updated", "updating"]),
        ("ar", ["مرفق", "مرفقات", "المرفقات", "ومرفقاتك", "بالمرفق"]),
        ("ar", ["رسالة", "رسالتك", "رسالتي", "الرسالة"]),
        ("ar", ["حساب", "حسابي", "حسابك", "حسابات", "الحسابات"]),
        ("ar", ["إلكتروني", "الإلكتروني", "الالكترونية"]),
    ],
)
def test_the_forms_of_a_word_are_searched_under_one_stem(language, forms):
    stems = [set(search_index.query(form, language).split()) for form in forms]
    assert set.intersection(*stems), dict(zip(forms, stems, strict=True))


@pytest.mark.parametrize(
    "text,language,searched",
    [
        ("comment envoyer un mail", "fr", "envoy mail"),
        ("how do I attach a file", "en", "attach fil"),
        ("كيف أرسل مرفقًا", "ar", "ارسل مرفق"),
        ("de", "fr", "de"),  # nothing else typed: searched as it is
        ("+title:virus* -x~2", "en", "titl virus x2"),  # the search's own syntax is not read
    ],
)
def test_question_words_are_left_out_unless_nothing_else_is_typed(text, language, searched):
    assert search_index.query(text, language) == searched


def test_each_language_rules_are_text_in_their_plain_spelling():
    for language in ("fr", "ar", "en", "xx"):
        rules = word_forms.rules_for(language)
        for word in rules["stop"] + rules["prefixes"] + rules["joined"]:
            assert isinstance(word, str) and word == word_forms.plain(word), (language, word)
        for group in rules["endings"]:
            assert [len(ending) for ending, _ in group] == sorted((len(ending) for ending, _ in group), reverse=True)
    assert word_forms.rules_for("xx")["endings"] == []  # a language without rules: plain spelling only


def test_a_joined_letter_is_taken_off_in_the_index_only_when_that_leaves_a_word_of_the_index():
    rules = word_forms.rules_for("ar")
    assert word_forms.stems("وتاكد", rules) == ["وتاكد", "تاكد"]  # what is typed: both
    assert word_forms.stems("وتاكد", rules, known={"تاكد"}) == ["وتاكد", "تاكد"]
    assert word_forms.stems("برنامج", rules, known={"تاكد"}) == ["برنامج"]  # not «رنامج»


# --- Each language's index (no build, no browser) -------------------------------------------

LESSON_PAGE = (
    '<html><head><meta name="description" content="Joindre un document à un e-mail."></head><body>'
    '<p>Un <a class="pap-glossaire" href="../../glossaire/#piece-jointe">fichier joint</a>.</p></body></html>'
)
GLOSSARY_PAGE = (
    '<html><head><meta name="description" content="Les mots."></head><body><dl>'
    '<dt data-forms="pièces jointes|PJ" id="piece-jointe">Pièce jointe</dt><dd>Un fichier <em>envoyé</em>.</dd>'
    '<dt id="virus">Virus</dt><dd>Un programme.</dd></dl></body></html>'
)
INTERFACE = {
    "search_none": "Rien trouvé.",
    "search_none_paths": "Les parcours",
    "search_none_help": "Se faire aider",
    "search_none_ask": "Demander",
}


@pytest.fixture
def merged_site(tmp_path):
    """A built site's merged index: a home page, a lesson in French and Arabic, a glossary."""
    pages = {
        "index.html": '<meta name="description" content="Le site.">',
        "lecons/pj/index.html": LESSON_PAGE,
        "glossaire/index.html": GLOSSARY_PAGE,
        "aide/index.html": "",
        "ar/index.html": "",
        "ar/lecons/pj/index.html": '<meta name="description" content="إرفاق وثيقة بالبريد.">',
    }
    for path, text in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    docs = [
        {"location": "", "title": "Pas à pas", "text": "<p>Bienvenue</p>"},
        {"location": "#parcours", "title": "Les parcours", "text": ""},
        {
            "location": "lecons/pj/",
            "title": "Envoyer une pièce jointe",
            "text": "",
            "keywords": ["trombone", "Gmail"],
            "objectives": ["Retrouver le document"],
        },
        {"location": "lecons/pj/#apprendre", "title": "Ce que vous allez apprendre", "text": ""},
        {"location": "lecons/pj/#sur-un-ordinateur", "title": "Sur un ordinateur", "text": ""},
        {"location": "lecons/pj/#etape-1", "title": "Étape 1 : ouvrez la messagerie", "text": ""},
        {"location": "lecons/pj/#aidant", "title": "Pour l'aidant", "text": ""},
        {"location": "glossaire/", "title": "Les mots", "text": ""},
        {"location": "ar/", "title": "خطوة بخطوة", "text": ""},
        {"location": "ar/lecons/pj/", "title": "إرسال مرفق", "text": "", "keywords": ["مرفقات", "إيميل"]},
        {"location": "ar/lecons/pj/#etape-1", "title": "الخطوة 1: افتح البريد", "text": ""},
    ]
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}, "docs": docs}
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def test_a_lesson_is_one_record_with_its_keywords_objectives_steps_and_the_glossary_words_it_uses(merged_site):
    search_index.split(merged_site, "fr", ["fr", "ar"], {"fr": INTERFACE})
    french = json.loads((merged_site / "search/search_index.json").read_text(encoding="utf-8"))
    arabic = json.loads((merged_site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    assert french["docs"] == [
        {"location": "", "title": "Pas à pas", "text": "Le site."},
        {"location": "#parcours", "title": "Les parcours", "text": ""},
        {
            "location": "lecons/pj/",
            "title": "Envoyer une pièce jointe",
            "text": "Joindre un document à un e-mail.",
            "title_forms": "piec",
            "keywords": "trombon gmail",
            # objectives, then step titles without "Étape 1 :", then the glossary's term and forms
            "words": "retrouv ouvr messageri pj",
        },
        {"location": "glossaire/", "title": "Les mots", "text": "Les mots."},
        {
            "location": "glossaire/#piece-jointe",
            "title": "Pièce jointe",
            "text": "Un fichier envoyé.",
            "title_forms": "piec pj",  # «envoyé» begins with «envoy»: nothing to add
        },
        {"location": "glossaire/#virus", "title": "Virus", "text": "Un programme."},
    ]
    assert arabic["docs"] == [
        {"location": "", "title": "خطوة بخطوة", "text": ""},  # «خطوة» begins with «خطو»
        {
            "location": "lecons/pj/",
            "title": "إرسال مرفق",
            "text": "إرفاق وثيقة بالبريد.",
            "title_forms": "ارسال",
            "keywords": "ايميل",  # «مرفقات» is searched as «مرفق», which the title begins
            "text_forms": "ارفاق",  # not «ثيق» (of «وثيقة» without «و»): no word of this index
            "words": "افتح",
        },
    ]
    assert french["config"]["words"] == word_forms.rules_for("fr") and arabic["config"]["words"] == word_forms.rules_for("ar")
    assert french["config"]["lang"] == ["en"] and french["config"]["pipeline"] == []
    assert arabic["config"]["separator"] == search_index.separator("ar")
    assert french["config"]["none"] == {
        "text": "Rien trouvé.",
        "links": [["#parcours", "Les parcours"], ["aide/", "Se faire aider"]],  # no page aider/ in this site
    }
    assert "none" not in arabic["config"]  # no interface words given for it


def test_nothing_found_offers_the_offline_copy_its_own_addresses(tmp_path):
    for page in ("index.html", "aide.html", "aider.html"):
        (tmp_path / page).write_text("", encoding="utf-8")
    assert search_index.no_result(INTERFACE, tmp_path, "", offline=True) == {
        "text": "Rien trouvé.",
        "links": [["index.html#parcours", "Les parcours"], ["aide.html", "Se faire aider"], ["aider.html", "Demander"]],
    }


def test_arabic_marks_leave_what_is_shown_and_other_spellings_are_indexed_apart():
    doc = {"location": "x/", "title": "ثبّت أمان Windows", "text": "برنامجًا مجانيًا"}
    assert search_index.add_spellings(doc, "ar") == {
        "location": "x/",
        "title": "ثبت أمان Windows",
        "text": "برنامجا مجانيا",
        "title_forms": "امان",
    }


def test_a_page_gives_search_only_the_text_of_its_keywords_and_objectives():
    meta = {"keywords": ["Pôle emploi", 3949, None, "a < b"], "objectives": "pas une liste", "title": "T"}
    assert search_index.page_words(meta) == {"keywords": ["Pôle emploi", "a &lt; b"]}
