"""One small search index per language, loaded only when the learner uses search.

static-i18n writes a single index for every language, so an Arabic query on an Arabic
page would return English and French pages too, and every page downloads all of it.
After the build, the index is split: the source language keeps `search/`, each other
language gets `<lang>/search/`, with locations relative to that language's root; each
page's theme configuration then points its search at its own language
(`"base"`, which Material uses only for search and its result links).

What one search downloads must stay small on prepaid data (tests/test_search.py holds the
bound), so each index keeps what a learner searches for, not every word of every page:

- each page: its title and its description (a lesson's one-line summary);
- each heading with its anchor, title only: the steps (``#etape-3``) and their groups;
  the sections every lesson has (before you start, helper note, sources…) are left out,
  as their titles are the same in every lesson;
- each glossary entry (``<dt id>`` of a page): the term, its other forms and definition.

How Material's search matches, and why the index is prepared as it is: each word typed
gets a trailing wildcard (``virus`` becomes ``virus*``), which makes lunr skip its query
pipeline; so a word is found when what was typed *begins* an indexed word, and nothing
typed is ever stemmed or normalised. Hence:

- the words of the index are split by `separator` (below): spaces, punctuation,
  apostrophes (``l'antivirus`` gives ``antivirus``) and, in Arabic, the article and the
  prefixes that join it (ال، بال، وال، فال، كال، لل…); the same separator splits what
  the reader types, so «بالبريد» is searched as «بريد*» and finds «البريد»;
- plurals and suffixes are matched by the wildcard: «فيروس*» finds «فيروسات»;
- Arabic short vowels, tanwin and shadda are removed from the index (readers do not
  type them); words with accents or hamza forms get their plain spelling in a field of
  their own (`title_forms`, `text_forms`), indexed but never shown: «piece» finds «pièce»,
  «امان» finds «أمان», «خطوه» finds «خطوة»;
- no lunr language pipeline (`pipeline: []`, `lang: ["en"]`, which loads no file): its
  stemmers would stem the index but never the wildcard query («sécurité*» would not find
  «sécur»), and its stop-word lists only cost a download (the Arabic one even drops
  content words such as «زيارة»). Languages written without spaces keep their own lunr
  language, for its word segmenter.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from pasapas.model.lesson import LESSONS_FOLDER, STEP_ID

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
FIELDS = {
    "title": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "title_forms": {"boost": 1000.0},
    "text_forms": {"boost": 1.0},
}

# --- What is kept --------------------------------------------------------------------
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")

# --- Spellings -------------------------------------------------------------------------
#: Arabic short vowels, tanwin, shadda, sukun and the small alif: read, never typed.
ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670]")
PLAIN_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "œ": "oe", "æ": "ae", "ß": "ss"})
LATIN_MARKS = re.compile(r"[\u0300-\u036f]")


def separator(language: str) -> str:
    article = ARTICLES.get(language)
    return f"{SEPARATOR}|{article}" if article else SEPARATOR


def words(text: str, language: str) -> list[str]:
    """The words lunr indexes in `text` (lower case), as Material's tokenizer splits them."""
    return [word.lower() for word in re.split(separator(language), TAG.sub(" ", text)) if word]


def plain_spelling(word: str) -> str:
    """The word as it is often typed: no accents, no hamza on alif, ى as ي, ة as ه."""
    decomposed = LATIN_MARKS.sub("", unicodedata.normalize("NFD", word.lower().translate(PLAIN_LETTERS)))
    return unicodedata.normalize("NFC", decomposed)


def other_spellings(text: str, language: str, known: set[str]) -> list[str]:
    """Plain spellings of the words of `text` that are not already in `known`."""
    found = []
    for word in words(text, language):
        plain = plain_spelling(word)
        if plain != word and len(plain) > 1 and plain not in known:
            known.add(plain)
            found.append(plain)
    return found


def without_arabic_marks(text: str) -> str:
    return ARABIC_MARKS.sub("", text)


def shown_text(text: str) -> str:
    """Text as one line, escaped: the index's text is shown as HTML."""
    return html.escape(SPACES.sub(" ", text).strip(), quote=False)


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


# --- One language's index -------------------------------------------------------------------
def slim(docs: list[dict], site_dir: Path, prefix: str) -> list[dict]:
    """The documents worth searching (see the module's docstring), in Material's order:
    each page first, then its sections."""
    home_description = None
    kept = []
    for doc in docs:
        location = doc["location"]
        path, _, anchor = location.partition("#")
        is_lesson = path.startswith(f"{LESSONS_FOLDER}/")
        if not anchor:
            page = read_page(site_dir, prefix, location)
            description = DESCRIPTION.search(page)
            text = html.unescape(description.group(1)) if description else ""
            if path in ("", "index.html"):  # the home page (web copy, offline copy)
                home_description = text
            elif text == home_description:  # the site's description, on a page without its own
                text = ""
            kept.append({"location": location, "title": doc.get("title", ""), "text": shown_text(text)})
            kept.extend(glossary_entries(path, page))
        elif not is_lesson or STEP_ID.match(anchor):
            kept.append({"location": location, "title": doc.get("title", ""), "text": ""})
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


def add_spellings(doc: dict, language: str) -> dict:
    """Arabic marks out of what is shown; plain spellings and glossary forms in the hidden
    fields, only where they add a word the shown text does not begin."""
    title, text = without_arabic_marks(doc["title"]), without_arabic_marks(doc["text"])
    known = set(words(title, language))
    forms = [without_arabic_marks(form) for form in doc.get("forms", ())]
    title_forms = []
    for word in words(" ".join(forms), language):  # a glossary term's other forms
        if word not in known:
            known.add(word)
            title_forms.append(word)
    title_forms += other_spellings(" ".join([title, *forms]), language, known)
    known |= set(words(text, language))
    text_forms = other_spellings(text, language, known)
    result = {"location": doc["location"], "title": title, "text": text}
    if title_forms:
        result["title_forms"] = " ".join(title_forms)
    if text_forms:
        result["text_forms"] = " ".join(text_forms)
    return result


def language_config(merged_config: dict, language: str) -> dict:
    return {
        **merged_config,
        "lang": [language if language in SEGMENTED else "en"],
        "separator": separator(language),
        "pipeline": [],
        "fields": FIELDS,
    }


def write_documents(site_dir: Path, documents: list[dict]) -> None:
    """The site's search documents (location and title of each page and heading, every
    language) in the theme's merged index, which `split` then divides per language."""
    path = site_dir / "search/search_index.json"
    merged = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"config": {}}
    merged["docs"] = documents
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")


def split(site_dir: Path, source_language: str, languages: list[str]) -> dict[str, int]:
    """Write one index per language; returns the size in bytes of each."""
    merged_path = site_dir / "search/search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
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
        docs = [add_spellings(doc, language) for doc in slim(docs, site_dir, prefix)]
        index = {"config": language_config(merged.get("config", {}), language), "docs": docs}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        folder = site_dir / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if (site_dir / "search/search_index.js").exists():  # the offline copy reads a script
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
