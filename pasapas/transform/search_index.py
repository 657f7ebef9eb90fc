"""One small search index per language, loaded only when the learner uses search.

static-i18n writes a single index for every language, so an Arabic query on an Arabic
page would return English and French pages too, and every page downloads all of it.
After the build, the index is split: the source language keeps `search/`, each other
language gets `<lang>/search/`, with locations relative to that language's root; each
page's theme configuration then points its search at its own language
(`"base"`, which Material uses only for search and its result links).

What one search downloads must stay small on prepaid data (tests/test_search.py holds the
bound), so each index keeps what a learner searches for, not every word of every page:

- a lesson is one record: its title and description (shown), then, never shown, the
  words people use for its task (its `keywords:`), and its own words in short: its
  objectives, its step titles and the glossary words it uses, so that «hameçonnage» finds
  the lesson that uses it, not only the glossary;
- every other page: its title, its description and its headings with their anchors;
- each glossary entry (``<dt id>`` of a page): the term, its other forms and definition.

How Material's search matches, and why the index is prepared as it is: each word typed
gets a trailing wildcard (``virus`` becomes ``virus*``), which makes lunr skip its query
pipeline; so a word is found when what was typed *begins* an indexed word. Hence:

- words are split by `separator` (below), the same in the build and in the browser:
  spaces, punctuation, apostrophes (``l'antivirus`` gives ``antivirus``) and, in Arabic,
  the article and the prefixes that join it (ال، بال، وال، فال، كال، لل…);
- what the reader types is made short before it is searched
  (overrides/assets/javascripts/search-words.js, with the rules of word_forms.yml that
  the index carries in its `config.words`): «pièces» is searched as «piec», «attachments»
  as «attach», «مرفقاتك» as «مرفق», stop words left out;
- the index holds the same short forms ("stems", pasapas/transform/word_forms.py), in
  fields of their own that are never shown (`title_forms`, `keywords`, `text_forms`,
  `words`), and only where no word already indexed begins with them: «pièce» adds
  «piec», «virus» adds nothing. Arabic marks are taken out of what is shown;
- no lunr language pipeline (`pipeline: []`, `lang: ["en"]`, which loads no file): its
  stemmers would never see the wildcard query, and its stop-word lists only cost a
  download. Languages written without spaces keep their own lunr language, for its word
  segmenter.

When nothing is found, the search panel says so and offers the learning paths, the help
page and asking someone (`config.none`, words from the language's _interface.yml).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from pasapas.model.lesson import LESSONS_FOLDER, STEP_ID
from pasapas.transform import word_forms

CONFIG_BASE = re.compile(r'("base": ")([^"]*)(")')

# --- How words are split: the same in the build (here) and in the browser (JavaScript) ---
#: What is between words. Valid in a JavaScript RegExp (no flags) and in Python's re.
BETWEEN_WORDS = r"\s\-‐‑–—,;:!?.()\[\]{}«»\"'“”‘’/\\…،؛؟|<>=ـ\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
ENTITY = r"&(?:amp|lt|gt|quot|apos|#\d+);"
SEPARATOR = rf"{ENTITY}|[{BETWEEN_WORDS}]+"
#: At the start of a word: the Arabic article, alone or after و ف and ب ك ل (وبال، فلل…),
#: when at least two letters follow it (so that «الا» or «والد» stay whole).
ARABIC_ARTICLE = rf"(?<![^{BETWEEN_WORDS}])(?:[وف]?[بكل]?ال|[وف]?لل)(?=[ء-ي]{{2}})"
ARTICLES = {"ar": ARABIC_ARTICLE}
#: Languages whose words are not separated by spaces: lunr's language file segments them.
SEGMENTED = {"ja", "th", "hi"}
#: The fields lunr indexes, and how much a word found in each weighs. The `_forms` fields,
#: `keywords` and `words` hold stems (word_forms.py) and are never shown. A lesson's
#: keywords weigh less than a title and much more than its description and own words.
FIELDS = {
    "title": {"boost": 1000.0},
    "title_forms": {"boost": 1000.0},
    "keywords": {"boost": 100.0},
    "text": {"boost": 1.0},
    "text_forms": {"boost": 1.0},
    "words": {"boost": 1.0},
}

# --- What is kept --------------------------------------------------------------------
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
GLOSSARY_LINK = re.compile(r'<a class="pap-glossaire" href="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")
#: "Étape 3 : ", "Step 3: ", «الخطوة 3: » before a step's own words.
STEP_NUMBER = re.compile(r"^[^\d:：]{0,30}?\d+\s*[:：.]\s*")
#: At most this many keywords and objectives are read from a page's front matter (the
#: checker asks for fewer; an unchecked preview must not make a huge index).
MOST_LESSON_PHRASES = 40
#: The no-result panel's offers: the learning paths (a section of each home page), the
#: help page and the page for someone who helps; each only if the language has the page.
NO_RESULT_TEXT = "search_none"
NO_RESULT_LINKS = (("search_none_paths", "", "#parcours"), ("search_none_help", "aide", ""), ("search_none_ask", "aider", ""))

# --- Spellings -------------------------------------------------------------------------
#: Arabic short vowels, tanwin, shadda, sukun and the small alif: read, never typed.
ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670]")


def separator(language: str) -> str:
    article = ARTICLES.get(language)
    return f"{SEPARATOR}|{article}" if article else SEPARATOR


def words(text: str, language: str) -> list[str]:
    """The words lunr indexes in `text` (lower case), as Material's tokenizer splits them."""
    return [word.lower() for word in re.split(separator(language), TAG.sub(" ", text)) if word]


def plain_spelling(word: str) -> str:
    """The word as it is often typed: no accents, no hamza on alif, ى as ي, ة as ه."""
    return word_forms.plain(word)


def without_arabic_marks(text: str) -> str:
    return ARABIC_MARKS.sub("", text)


def shown_text(text: str) -> str:
    """Text as one line, escaped: the index's text is shown as HTML."""
    return html.escape(SPACES.sub(" ", text).strip(), quote=False)


def page_words(meta: dict) -> dict:
    """What a page's front matter gives search: its `keywords:` and `objectives:` (lists
    of text; anything else is left out, the lesson checker says why)."""
    found = {}
    for name in ("keywords", "objectives"):
        value = meta.get(name)
        phrases = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
        if phrases:
            found[name] = [shown_text(phrase) for phrase in phrases[:MOST_LESSON_PHRASES]]
    return found


# --- Reading the built pages -------------------------------------------------------------
class GlossaryEntries(HTMLParser):
    """`<dt id="virus" data-forms="virus informatique|virus">Virus</dt><dd>…</dd>` → entries."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[dict] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "dt" and attributes.get("id"):
            forms = [f.strip() for f in (attributes.get("data-forms") or "").split("|") if f.strip()]
            self.entries.append({"id": attributes["id"], "term": "", "forms": forms, "definition": ""})
            self._in = "term"
        elif tag == "dd" and self.entries and not self.entries[-1]["definition"]:
            self._in = "definition"

    def handle_endtag(self, tag):
        if tag in ("dt", "dd"):
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.entries[-1][self._in] += data


def page_file(site_dir: Path, prefix: str, location: str) -> Path:
    path = location.split("#", 1)[0]
    return site_dir / prefix / (path + "index.html" if path == "" or path.endswith("/") else path)


def read_page(site_dir: Path, prefix: str, location: str) -> str:
    try:
        return page_file(site_dir, prefix, location).read_text(encoding="utf-8")
    except OSError:
        return ""


def linked_location(page_location: str, href: str) -> str:
    """A link of a page, as a location of the index: '../../glossaire/#url' on
    'lecons/sms/' is 'glossaire/#url' (and 'glossaire/index.html#url' offline)."""
    path, _, anchor = html.unescape(href).partition("#")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_location.split("#")[0]), path))
    joined = "" if joined == "." else joined + ("/" if path.endswith("/") else "")
    return f"{joined}#{anchor}" if anchor else joined


# --- One language's index -------------------------------------------------------------------
def slim(docs: list[dict], site_dir: Path, prefix: str) -> list[dict]:
    """The documents worth searching (see the module's docstring), in Material's order:
    each page first, then its sections. A lesson's step titles go into its own record."""
    home_description = None
    kept = []
    lesson = None
    for doc in docs:
        location = doc["location"]
        path, _, anchor = location.partition("#")
        if not anchor:
            page = read_page(site_dir, prefix, location)
            description = DESCRIPTION.search(page)
            text = html.unescape(description.group(1)) if description else ""
            if path in ("", "index.html"):  # the home page (web copy, offline copy)
                home_description = text
            elif text == home_description:  # the site's description, on a page without its own
                text = ""
            record = {"location": location, "title": doc.get("title", ""), "text": shown_text(text)}
            lesson = record if path.startswith(f"{LESSONS_FOLDER}/") else None
            if lesson is not None:
                record["keywords"] = list(doc.get("keywords", ()))
                record["words"] = list(doc.get("objectives", ()))
                record["glossary"] = [linked_location(location, href) for href in GLOSSARY_LINK.findall(page)]
            kept.append(record)
            kept.extend(glossary_entries(path, page))
        elif lesson is None:
            kept.append({"location": location, "title": doc.get("title", ""), "text": ""})
        elif STEP_ID.match(anchor) and location.startswith(lesson["location"]):
            lesson["words"].append(STEP_NUMBER.sub("", doc.get("title", ""), count=1))
    entries = {doc["location"]: doc for doc in kept if "forms" in doc}
    for doc in kept:
        for entry in (entries[found] for found in doc.pop("glossary", ()) if found in entries):
            doc["words"] += [entry["title"], *entry["forms"]]
    return kept


def glossary_entries(path: str, page: str) -> list[dict]:
    if "<dt " not in page:
        return []
    parser = GlossaryEntries()
    parser.feed(page)
    return [
        {
            "location": f"{path}#{entry['id']}",
            "title": shown_text(entry["term"]),
            "text": shown_text(entry["definition"]),
            "forms": [shown_text(form) for form in entry["forms"]],
        }
        for entry in parser.entries
    ]


def query(text: str, language: str) -> str:
    """What the reader's `text` is searched as (search-words.js does the same in the browser)."""
    return " ".join(
        word_forms.query_stems([word for word in re.split(separator(language), word_forms.plain(text)) if word], language)
    )


def plain_words(texts, language: str) -> list[str]:
    """The words of `texts` made plain, then split: «إلكتروني» loses its hamza, then its
    «ال» as an article, just as when it is typed without the hamza."""
    return words(word_forms.plain(" ".join(texts)), language)


def known_stems(docs: list[dict], language: str) -> set[str]:
    """Every word's own stem in a language's documents."""
    rules = word_forms.rules_for(language)
    texts = [doc["title"] + " " + doc["text"] for doc in docs]
    texts += [" ".join([*doc.get("forms", ()), *doc.get("keywords", ()), *doc.get("words", ())]) for doc in docs]
    return {word_forms.stem(word, rules) for word in set(plain_words(texts, language))}


class WordStems:
    """The stems of a language's words (word_forms.stems), each worked out once: the same
    words come back in record after record."""

    def __init__(self, language: str, known: set[str] | None):
        self.rules, self.known, self.found = word_forms.rules_for(language), known or set(), {}

    def __call__(self, word: str) -> list[str]:
        stems = self.found.get(word)
        if stems is None:
            stop = word_forms.is_stop_word(word, self.rules)
            stems = self.found[word] = [] if stop else word_forms.stems(word, self.rules, self.known)
        return stems


class Stems:
    """The stems a record adds, field by field, each only where no word already indexed
    in the record begins with it (search looks for words that begin with what is typed)."""

    def __init__(self, language: str, shown: str, known: set[str] | None, stems_of: WordStems | None = None):
        self.language = language
        self.stems_of = stems_of or WordStems(language, known)
        self.beginnings: set[str] = set()  # every beginning of every word indexed in the record
        self.show(shown)

    def show(self, text: str) -> None:
        """Words the record shows: indexed as they are."""
        for word in words(text, self.language):
            self._index(word)

    def _index(self, word: str) -> None:
        self.beginnings.update(word[:end] for end in range(len(word) + 1))

    def new(self, texts) -> str:
        found = []
        for word in plain_words(texts, self.language):
            for stem in self.stems_of(word):
                if stem not in self.beginnings:
                    self._index(stem)
                    found.append(stem)
        return " ".join(found)


def add_spellings(doc: dict, language: str, known: set[str] | None = None, stems_of: WordStems | None = None) -> dict:
    """Arabic marks out of what is shown; the stems that what is shown does not begin
    (other spellings and forms, a glossary term's other forms, a lesson's keywords and
    own words) in the hidden fields, strongest field first. `known`: the stems of the
    language's index (see word_forms.stems); `stems_of`: the language's WordStems, shared
    between its records."""
    title, text = without_arabic_marks(doc["title"]), without_arabic_marks(doc["text"])
    stems = Stems(language, title, known, stems_of)
    hidden = {
        "title_forms": stems.new([title, *map(without_arabic_marks, doc.get("forms", ()))]),
        "keywords": stems.new(map(without_arabic_marks, doc.get("keywords", ()))),
    }
    stems.show(text)
    hidden["text_forms"] = stems.new([text])
    hidden["words"] = stems.new(map(without_arabic_marks, doc.get("words", ())))
    return {"location": doc["location"], "title": title, "text": text, **{name: value for name, value in hidden.items() if value}}


def no_result(interface: dict[str, str] | None, site_dir: Path, prefix: str, offline: bool) -> dict | None:
    """What the search panel offers when nothing is found, in the language's interface
    words: the sentence, then the learning paths, the help page and the page for someone
    who helps, each as [location, words], when the language has that page (translated or
    its notice). The offline copy's addresses end in '.html'."""
    if not interface:
        return None
    links = []
    for key, page, anchor in NO_RESULT_LINKS:
        if not page:
            location = "index.html" if offline else ""
        else:
            location = f"{page}.html" if offline else f"{page}/"
        if page_file(site_dir, prefix, location).is_file():
            links.append([location + anchor, interface[key]])
    return {"text": interface[NO_RESULT_TEXT], "links": links}


def language_config(merged_config: dict, language: str, none: dict | None = None) -> dict:
    config = {
        **merged_config,
        "lang": [language if language in SEGMENTED else "en"],
        "separator": separator(language),
        "pipeline": [],
        "fields": FIELDS,
        "words": word_forms.rules_for(language),
    }
    if none:
        config["none"] = none
    return config


def write_documents(site_dir: Path, documents: list[dict]) -> None:
    """The site's search documents (location and title of each page and heading, every
    language) in the theme's merged index, which `split` then divides per language."""
    path = site_dir / "search/search_index.json"
    merged = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"config": {}}
    merged["docs"] = documents
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")


def split(
    site_dir: Path, source_language: str, languages: list[str], interface: dict[str, dict[str, str]] | None = None
) -> dict[str, int]:
    """Write one index per language; returns the size in bytes of each. `interface`: each
    language's interface words, for the panel shown when nothing is found."""
    merged_path = site_dir / "search/search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    offline = (site_dir / "search/search_index.js").exists()  # the offline copy reads a script
    sizes = {}
    for language in languages:
        prefix = "" if language == source_language else f"{language}/"
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            first = location.split("/", 1)[0]
            if prefix and location.startswith(prefix):
                docs.append({**doc, "location": location[len(prefix) :]})
            elif not prefix and first not in languages:
                docs.append(doc)
        docs = slim(docs, site_dir, prefix)
        known = known_stems(docs, language)
        stems_of = WordStems(language, known)
        docs = [add_spellings(doc, language, known, stems_of) for doc in docs]
        none = no_result((interface or {}).get(language), site_dir, prefix, offline)
        index = {"config": language_config(merged.get("config", {}), language, none), "docs": docs}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        folder = site_dir / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        sizes[language] = len(text.encode("utf-8"))
    return sizes


def point_search_at_language(html: str, page_url: str, language_root: str) -> str:
    """Make the page's `base` lead to its language root ('' for the source language)."""
    if not language_root:
        return html
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(language_root, page_dir or ".")
    return CONFIG_BASE.sub(lambda m: m.group(1) + relative + m.group(3), html, count=1)
