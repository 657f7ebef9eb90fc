"""One word per notion: a word from a language's avoid list (docs/<language>/_terminologie.yml,
read by pasapas/model/terminology.py) in one of its pages is a warning at its line, whose hint
names the word the lessons use.

Every page of the language is read (lessons, glossary, help pages), its practice screens and
interface words, and its part of docs/_aide.yml. Not read: code (`…` and fenced blocks),
words shown on a French screen (`**Transférer**{lang=fr}`), attribute lists such as the
glossary's data-forms (they list the avoided words on purpose, so that old wording still
links to the entry), addresses, and YAML comments.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from pasapas.model import terminology
from pasapas.model.lesson import language_folders
from pasapas.model.messages import problem
from pasapas.model.problems import Problem

RULE = "term-avoid"
FILE_NAME = terminology.FILE_NAME
SHARED_DATA = "_aide.yml"
FENCE = re.compile(r"^\s*(```|~~~)")
#: Text in another language: **Transférer**{lang=fr}, *…*{lang=fr}, […]{lang=fr}, [text](url){lang=fr}.
OTHER_LANGUAGE = re.compile(
    r"(?:(\*\*|__|\*|_)(?:(?!\1).)+?\1|\[[^\[\]\n]*\](?:\([^)\n]*\))?)\{[^}\n]*\blang=[^}\n]*\}",
)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
ATTRIBUTE_LIST = re.compile(r"\{[^}\n]*\}")
HTML_COMMENT = re.compile(r"<!--.*?-->")


def readable(line: str) -> str:
    """The words of a Markdown line a reader reads in the page's own language."""
    for pattern in (OTHER_LANGUAGE, INLINE_CODE, LINK_TARGET, ADDRESS, ATTRIBUTE_LIST, HTML_COMMENT):
        line = pattern.sub(" ", line)
    return line


class Finder:
    """The avoided words of one language."""

    def __init__(self, language: str, notions: list[terminology.Notion]):
        self.language = language
        # Longest first: 'public digital space' is said once, not also as 'digital space'.
        self.words = sorted(
            ((word, terminology.avoid_pattern(word, language), notion) for notion in notions for word in notion.avoid),
            key=lambda item: -len(item[0]),
        )
        # Most lines hold none of the words: a substring test first, the patterns after.
        self.cores = tuple({terminology.literal_core(word, language) for word, _, _ in self.words})

    def problems(self, text: str, shown: str, line: int) -> list[Problem]:
        found, said = [], set()
        normalised = terminology.normalise(text, self.language)
        if not any(core in normalised for core in self.cores):
            return found
        for word, pattern, notion in self.words:
            if id(notion) in said or not pattern.search(normalised):
                continue
            said.add(id(notion))
            found.append(
                problem(
                    shown,
                    line,
                    RULE,
                    word=word,
                    use=notion.use,
                    french=notion.french,
                    note=f" {notion.note}" if notion.note else "",
                    terms=f"docs/{self.language}/{terminology.FILE_NAME}",
                )
            )
        return found

    def markdown(self, text: str, shown: str) -> list[Problem]:
        problems, in_fence = [], False
        for number, line in enumerate(text.splitlines(), start=1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if not in_fence:
                problems += self.problems(readable(line), shown, number)
        return problems

    def yaml_texts(self, texts: list[tuple[str, int]], shown: str) -> list[Problem]:
        problems = []
        for text, line in texts:
            problems += self.problems(ADDRESS.sub(" ", text), shown, line)
        return problems


def scalar_texts(root, wanted: str, whole_file: bool) -> list[tuple[str, int]]:
    """(text, line) of the values of a YAML tree in the `wanted` language: every value of a
    file of that language (`whole_file`), else those under a key named `wanted` (docs/_aide.yml)."""
    found, pending = [], [(root, whole_file)]
    while pending:
        node, inside = pending.pop()
        if isinstance(node, yaml.ScalarNode):
            if inside:
                found.append((node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            pending += [(item, inside) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            pending += [
                (value, inside or (isinstance(key, yaml.ScalarNode) and key.value == wanted)) for key, value in node.value
            ]
    return sorted(found, key=lambda item: item[1])


def yaml_tree(path: Path):
    """The file's YAML tree; None when it cannot be read or repeats itself with anchors
    (a "billion laughs"): the file checks report both."""
    try:
        text = path.read_text(encoding="utf-8")
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None


def check(docs_dir: Path, languages: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for language in languages or language_folders(docs_dir):
        try:
            notions = terminology.read_terminology(docs_dir, language)
        except terminology.TerminologyError:
            continue  # reported by the file checks (pasapas/checks/files.py)
        if not notions:
            continue
        finder = Finder(language, notions)
        folder = docs_dir / language
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_symlink() or not path.is_file() or path.name == terminology.FILE_NAME:
                continue
            if path.suffix == ".md":
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue  # reported by the file checks
                problems += finder.markdown(text, f"docs/{relative}")
            elif path.suffix == ".yml" and (tree := yaml_tree(path)) is not None:
                problems += finder.yaml_texts(scalar_texts(tree, language, True), f"docs/{relative}")
        shared = docs_dir / SHARED_DATA
        if shared.is_file() and not shared.is_symlink() and (tree := yaml_tree(shared)) is not None:
            problems += finder.yaml_texts(scalar_texts(tree, language, False), f"docs/{SHARED_DATA}")
    return problems


def file_problems(docs_dir: Path, language: str, shown: str) -> list[Problem]:
    """The terminology file's own problems (unknown field, wrong type…), as files.py reports them."""
    try:
        terminology.read_terminology(docs_dir, language)
    except terminology.TerminologyError as error:
        return [problem(error.path, error.line, error.key, **error.values)]  # the values name the file too
    return []
