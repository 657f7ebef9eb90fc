"""One word per notion: each language's terminology, docs/<language>/_terminologie.yml.

A learner who reads «الرسائل المزعجة» in one lesson and «البريد غير المرغوب فيه» in the
next thinks they are two things. The file lists, for each notion, the word the lessons use,
the words to avoid, and the French it stands for::

    - french: courrier indésirable (spam)
      use: الرسائل المزعجة
      avoid:
        - البريد غير المرغوب فيه
      note: optional, said in the hint (why, or what to write in another case)

The lesson checker (pasapas/checks/terminology.py) warns at each avoided word in the pages
of that language. The file is a contributor's: every key is known, every value has its
type, and a problem is reported as ``path:line`` by `TerminologyError`, never a traceback.

How a word is recognised:

- everywhere: letter case and runs of spaces do not count, nor does the typographic
  apostrophe; a word is matched whole (« box » is not found in « boxing »);
- Latin-script languages: a final « s » (plural) is allowed;
- Arabic: the short vowels, shadda and tatweel do not count, and أ إ آ are ا, ى is ي, ة is
  ه; each word may carry the article «ال», the first one also the prefixes و ف and ب ك ل
  («وبالبريد», «للبريد»), and each word an attached pronoun or the tanwin alif («لقبك»,
  «خطابًا»; «بطاقة» becomes «بطاقتك»). Plurals that change the word («ألقاب») are listed
  as words of their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from pasapas.model.messages import KeyedError

FILE_NAME = "_terminologie.yml"
MAX_BYTES = 32_000
MAX_TEXT = 300
FIELDS = {"french", "use", "avoid", "note"}
REQUIRED = {"french", "use", "avoid"}

ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARTICLE = "ال"
#: و / ف, then ب / ك / ل, then the article (ل + ال is written «لل»).
ARABIC_PREFIXES = "(?:[وف])?(?:بال|كال|لل|ال|ب|ك|ل)?"
#: Attached pronouns, and the alif of the tanwin (خطابًا).
ARABIC_SUFFIXES = "(?:هما|هم|هن|ها|ه|كما|كم|كن|ك|نا|ي|ا)"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


class TerminologyError(KeyedError):
    """The terminology file cannot be used; `line` counts from 1."""

    def __init__(self, path: str, line: int, key: str, **values):
        super().__init__(line, key, file_name=FILE_NAME, **values)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Notion:
    french: str
    use: str
    avoid: tuple[str, ...]
    note: str
    line: int


def is_arabic(language: str) -> bool:
    return language.split("-")[0].split("_")[0] == "ar"


def normalise(text: str, language: str) -> str:
    """The text as words are compared in `language` (same length rules for every line)."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").casefold()
    if is_arabic(language):
        text = ARABIC_MARKS.sub("", text).translate(ARABIC_LETTERS)
    return text


def _bare_arabic(word: str) -> str:
    """The word without its vowel marks and its article."""
    bare = ARABIC_MARKS.sub("", unicodedata.normalize("NFC", word))
    if bare.startswith(ARTICLE) and len(bare) > len(ARTICLE) + 1:
        bare = bare[len(ARTICLE) :]
    return bare


def _arabic_word(word: str, first: bool) -> str:
    bare = _bare_arabic(word)
    ends_in_ta_marbuta = bare.endswith("ة")
    core = re.escape(bare.translate(ARABIC_LETTERS))
    if ends_in_ta_marbuta:  # «بطاقة» + ك = «بطاقتك»
        core = f"{core[:-1]}(?:ه|ت{ARABIC_SUFFIXES})"
    else:
        core = f"{core}{ARABIC_SUFFIXES}?"
    return (ARABIC_PREFIXES if first else "(?:ال)?") + core


def literal_core(word: str, language: str) -> str:
    """A piece of text that every line matching `avoid_pattern(word, language)` contains:
    a quick test before the pattern (most lines hold no avoided word)."""
    return max((_literal_part(part, language) for part in word.split()), key=len)


def _literal_part(part: str, language: str) -> str:
    if not is_arabic(language):
        return normalise(part, language)
    bare = _bare_arabic(part)
    core = bare.translate(ARABIC_LETTERS)
    return core[:-1] if bare.endswith("ة") else core  # the ta marbuta changes with a suffix


def avoid_pattern(word: str, language: str) -> re.Pattern:
    """How `word` (from the avoid list) is found in a normalised line of `language`."""
    words = word.split()
    if is_arabic(language):
        body = r"\s+".join(_arabic_word(part, index == 0) for index, part in enumerate(words))
    else:
        parts = [re.escape(normalise(part, language)) for part in words]
        body = r"\s+".join(parts) + "s?"
    return re.compile(rf"(?<![\w'-]){body}(?![\w-])")


def read_terminology(docs_dir: Path, language: str) -> list[Notion]:
    """The notions of `language`; none when it has no terminology file."""
    path = docs_dir / language / FILE_NAME
    shown = f"docs/{language}/{FILE_NAME}"
    if not path.is_file() or path.is_symlink():
        return []
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise TerminologyError(shown, 1, "terminology-file.size", size=MAX_BYTES // 1000)
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise TerminologyError(shown, data[: error.start].count(b"\n") + 1, "terminology-file.encoding") from None
    return parse_terminology(text, language, shown)


def parse_terminology(text: str, language: str, shown: str) -> list[Notion]:
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise TerminologyError(shown, event.start_mark.line + 1, "terminology-file.alias")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise TerminologyError(shown, mark.line + 1 if mark else 1, "terminology-file.yaml", detail=error.problem) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise TerminologyError(shown, 1, "terminology-file.yaml", detail=error) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        _fail(shown, root, "terminology-file.list")
    notions = [_notion(node, language, shown) for node in root.value]
    seen: dict[str, str] = {}
    for notion, node in zip(notions, root.value, strict=True):
        for word in notion.avoid:
            key = normalise(word, language)
            if key in seen:
                _fail(shown, node, "terminology-file.avoided-twice", word=word, use=seen[key])
            seen[key] = notion.use
    return notions


def _fail(shown: str, node, key: str, **values):
    raise TerminologyError(shown, node.start_mark.line + 1, key, **values)


def _text(shown: str, node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        _fail(shown, node, "terminology-file.text", name=what)
    value = " ".join(node.value.split())
    if not value:
        _fail(shown, node, "terminology-file.empty", name=what)
    if len(value) > MAX_TEXT:
        _fail(shown, node, "terminology-file.long", name=what, max=MAX_TEXT)
    if CONTROL.search(value):
        _fail(shown, node, "terminology-file.control", name=what)
    return value


def _notion(node, language: str, shown: str) -> Notion:
    if not isinstance(node, yaml.MappingNode):
        _fail(shown, node, "terminology-file.notion")
    found = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else "a list"
        if name not in FIELDS:
            _fail(shown, key, "terminology-file.unknown-field", name=name, known=", ".join(sorted(FIELDS)))
        if name in found:
            _fail(shown, key, "terminology-file.duplicate", name=name)
        found[name] = value
    missing = sorted(REQUIRED - set(found))
    if missing:
        _fail(shown, node, "terminology-file.missing", fields=", ".join(missing))
    avoid_node = found["avoid"]
    if not isinstance(avoid_node, yaml.SequenceNode) or not avoid_node.value:
        _fail(shown, avoid_node, "terminology-file.avoid-list")
    use = _text(shown, found["use"], "use")
    avoid = tuple(_text(shown, item, "avoid") for item in avoid_node.value)
    for word, item in zip(avoid, avoid_node.value, strict=True):
        if avoid_pattern(word, language).search(normalise(use, language)):
            _fail(shown, item, "terminology-file.in-use", word=word, use=use)
    note = _text(shown, found["note"], "note") if "note" in found else ""
    return Notion(_text(shown, found["french"], "french"), use, avoid, note, node.start_mark.line + 1)
