"""Practice screens: a simplified imitation of a real screen (an e-mail to write, a login,
three messages to sort) that a learner tries inside a lesson, where a mistake costs nothing.

A practice is data, one YAML file per language beside the lessons:
``docs/<language>/lecons/_entrainement-<name>.yml``. A lesson shows it with one line in
its section ``## … {#entrainement}``::

    !!! practice "<name>"

The file says, for each screen of the practice, what the learner sees (``show``: messages),
what they fill in (``fields``), and which mistakes get which answer (``mistakes``). The same
small component (overrides/assets/javascripts/practice.js) runs every practice: adding one
needs no JavaScript. Translations keep the French file's structure (ids, field types,
mistakes, right answers) and translate the texts; `structure()` is what must stay equal.

Everything here comes from a stranger's pull request: it is read with the lessons' safe YAML,
every key is known, every text is plain text (escaped when rendered), and each problem is
reported as ``path:line`` by `PracticeError`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pasapas.model.lesson import LESSONS_FOLDER
from pasapas.model.messages import KeyedError

FILE_PREFIX = "_entrainement-"
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_BYTES = 32_000
MAX_TEXT = 600

FIELD_TYPES = ("text", "password", "textarea", "choice", "attachment")
#: What a mistake is, for `when:` — and what else the mistake needs.
MISTAKES = {
    "empty": (),  # nothing typed or chosen
    "lacks": ("text",),  # the answer does not contain `text` (e.g. "@")
    "digits": ("count",),  # the answer is exactly `count` digits (e.g. 15: the key typed too)
    "not_digits": ("count",),  # the answer is not `count` digits and nothing else
    "is": ("text",),  # the answer is `text` (spaces and case aside), e.g. an old code
    "is_not": ("text",),  # the answer is not `text`, e.g. the right code
    "empty_and_mentioned": ("in", "words"),  # empty while field `in` mentions one of `words`
}
#: Feedback texts may say how many digits were typed.
COUNT_PLACEHOLDER = "{count}"


class PracticeError(KeyedError):
    """The data file cannot be used; `line` counts from 1."""

    def __init__(self, path: str, line: int, key: str, **values):
        super().__init__(line, key, **values)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Message:
    text: str
    label: str = ""
    sender: str = ""
    when: str = ""
    subject: str = ""
    link: str = ""


@dataclass(frozen=True)
class Mistake:
    when: str
    say: str
    text: str = ""
    count: int = 0
    field: str = ""  # for empty_and_mentioned: the field whose text is read
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    label: str
    say: str
    correct: bool = False


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: str
    hint: str = ""
    numeric: bool = False
    mistakes: tuple[Mistake, ...] = ()
    options: tuple[Option, ...] = ()
    folder: str = ""
    files: tuple[str, ...] = ()
    open: str = ""


@dataclass(frozen=True)
class Screen:
    id: str
    title: str
    task: str
    button: str
    success: str = ""
    show: tuple[Message, ...] = ()
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Practice:
    name: str
    title: str
    intro: str
    done: str
    screens: tuple[Screen, ...] = field(default_factory=tuple)


def data_path(docs_dir: Path, language: str, name: str) -> Path:
    return docs_dir / language / LESSONS_FOLDER / f"{FILE_PREFIX}{name}.yml"


def is_practice_file(docs_relative_path: str) -> bool:
    parts = docs_relative_path.split("/")
    return len(parts) == 3 and parts[1] == LESSONS_FOLDER and parts[2].startswith(FILE_PREFIX) and parts[2].endswith(".yml")


def read_practice(docs_dir: Path, language: str, name: str) -> Practice:
    path = data_path(docs_dir, language, name)
    shown = f"docs/{language}/{LESSONS_FOLDER}/{path.name}"
    if not NAME.fullmatch(name):
        raise PracticeError(shown, 1, "practice-data.name", name=name)
    if not path.is_file() or path.is_symlink():
        raise PracticeError(shown, 1, "practice-data.missing")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise PracticeError(shown, 1, "practice-data.size", size=MAX_BYTES // 1000)
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise PracticeError(shown, data[: error.start].count(b"\n") + 1, "practice-data.encoding") from None
    return parse_practice(text, name, shown)


@functools.lru_cache(maxsize=256)  # the checker and every page of a build ask for the same few files
def parse_practice(text: str, name: str, shown: str) -> Practice:
    try:
        # The pure-Python loader: a small file, and the same messages on every machine.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise PracticeError(shown, event.start_mark.line + 1, "practice-data.alias")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise PracticeError(shown, mark.line + 1 if mark else 1, "practice-data.yaml", detail=error.problem) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise PracticeError(shown, 1, "practice-data.yaml", detail=error) from None
    if root is None:
        raise PracticeError(shown, 1, "practice-data.empty")
    reader = _Reader(shown)
    top = reader.mapping(root, {"title", "intro", "done", "screens"}, {"title", "intro", "done", "screens"})
    screens = tuple(reader.screen(node) for node in reader.sequence(top["screens"], "screens"))
    if not screens:
        reader.fail(top["screens"], "'screens' must list at least one screen")
    reader.unique([screen.id for screen in screens], top["screens"], "screen")
    practice = Practice(name, reader.text(top["title"]), reader.text(top["intro"]), reader.text(top["done"]), screens)
    for screen, node in zip(screens, reader.sequence(top["screens"], "screens"), strict=True):
        ids = [item.id for item in screen.fields]
        for item in screen.fields:
            for mistake in item.mistakes:
                if mistake.when == "empty_and_mentioned" and mistake.field not in ids:
                    reader.fail(node, f"field '{item.id}': 'in: {mistake.field}' is not a field of screen '{screen.id}'")
    return practice


class _Reader:
    """Turns YAML nodes into the dataclasses above, failing with the node's line."""

    def __init__(self, shown: str):
        self.shown = shown

    def fail(self, node, key: str, **values):
        raise PracticeError(self.shown, node.start_mark.line + 1, key, **values)

    def mapping(self, node, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, "practice-data.mapping", fields=", ".join(sorted(required)))
        found = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value not in allowed:
                shown = key.value if isinstance(key, yaml.ScalarNode) else "a list"
                self.fail(key, "practice-data.unknown-field", name=shown, known=", ".join(sorted(allowed)))
            if key.value in found:
                self.fail(key, "practice-data.duplicate", name=key.value)
            found[key.value] = value
        missing = sorted(required - set(found))
        if missing:
            self.fail(node, "practice-data.missing-field", fields=", ".join(missing))
        return found

    def sequence(self, node, what: str) -> list:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, "practice-data.list", name=what)
        return node.value

    def text(self, node) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int"):
            self.fail(node, "practice-data.text")
        value = node.value.strip()
        if not value:
            self.fail(node, "practice-data.text-empty")
        if len(value) > MAX_TEXT:
            self.fail(node, "practice-data.text-long", max=MAX_TEXT)
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", value):
            self.fail(node, "practice-data.text-control")
        return value

    def optional_text(self, found: dict, key: str) -> str:
        return self.text(found[key]) if key in found else ""

    def identifier(self, node) -> str:
        value = self.text(node)
        if not IDENTIFIER.fullmatch(value):
            self.fail(node, "practice-data.id", value=value)
        return value

    def flag(self, node) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            self.fail(node, "practice-data.flag")
        return node.value.lower() in ("true", "yes", "on")

    def unique(self, ids: list[str], node, what: str):
        repeated = sorted({item for item in ids if ids.count(item) > 1})
        if repeated:
            self.fail(node, "practice-data.repeated-id", id=repeated[0])

    def screen(self, node) -> Screen:
        found = self.mapping(
            node, {"id", "title", "task", "button", "success", "show", "fields"}, {"id", "title", "task", "button"}
        )
        show = tuple(self.message(item) for item in self.sequence(found["show"], "show")) if "show" in found else ()
        fields = tuple(self.field(item) for item in self.sequence(found["fields"], "fields")) if "fields" in found else ()
        self.unique([item.id for item in fields], node, "field")
        return Screen(
            self.identifier(found["id"]),
            self.text(found["title"]),
            self.text(found["task"]),
            self.text(found["button"]),
            self.optional_text(found, "success"),
            show,
            fields,
        )

    def message(self, node) -> Message:
        found = self.mapping(node, {"label", "from", "when", "subject", "text", "link"}, {"text"})
        return Message(
            self.text(found["text"]),
            self.optional_text(found, "label"),
            self.optional_text(found, "from"),
            self.optional_text(found, "when"),
            self.optional_text(found, "subject"),
            self.optional_text(found, "link"),
        )

    def field(self, node) -> Field:
        allowed = {"id", "type", "label", "hint", "numeric", "mistakes", "options", "folder", "files", "open"}
        found = self.mapping(node, allowed, {"id", "type", "label"})
        kind = self.text(found["type"])
        if kind not in FIELD_TYPES:
            self.fail(found["type"], "practice-data.type", kind=kind, known=", ".join(FIELD_TYPES))
        needs = {"choice": {"options"}, "attachment": {"folder", "files", "open"}}.get(kind, set())
        only = {
            "numeric": {"text"},
            "options": {"choice"},
            "folder": {"attachment"},
            "files": {"attachment"},
            "open": {"attachment"},
        }
        for key in sorted(needs - set(found)):
            self.fail(node, "practice-data.needs", kind=kind, name=key)
        for key, kinds in only.items():
            if key in found and kind not in kinds:
                self.fail(found[key], "practice-data.only-for", name=key, kinds=" / ".join(kinds))
        options = tuple(self.option(item) for item in self.sequence(found["options"], "options")) if "options" in found else ()
        if kind == "choice" and (len(options) < 2 or sum(option.correct for option in options) != 1):
            self.fail(found["options"], "practice-data.choice")
        files = tuple(self.text(item) for item in self.sequence(found["files"], "files")) if "files" in found else ()
        if kind == "attachment" and len(files) < 2:
            self.fail(found["files"], "practice-data.folder")
        mistakes = (
            tuple(self.mistake(item) for item in self.sequence(found["mistakes"], "mistakes")) if "mistakes" in found else ()
        )
        for mistake, item in zip(mistakes, found["mistakes"].value if mistakes else (), strict=True):
            if kind in ("choice", "attachment") and mistake.when not in ("empty", "is", "is_not", "empty_and_mentioned"):
                self.fail(item, "practice-data.typed-only", when=mistake.when, kind=kind)
            if kind == "choice" and mistake.when != "empty":
                self.fail(item, "practice-data.choice-mistake")
            if kind == "attachment" and mistake.when in ("is", "is_not") and mistake.text not in files:
                self.fail(item, "practice-data.not-a-file", name=mistake.text)
        return Field(
            self.identifier(found["id"]),
            kind,
            self.text(found["label"]),
            self.optional_text(found, "hint"),
            self.flag(found["numeric"]) if "numeric" in found else False,
            mistakes,
            options,
            self.optional_text(found, "folder"),
            files,
            self.optional_text(found, "open"),
        )

    def option(self, node) -> Option:
        found = self.mapping(node, {"label", "say", "correct"}, {"label", "say"})
        return Option(
            self.text(found["label"]), self.text(found["say"]), self.flag(found["correct"]) if "correct" in found else False
        )

    def mistake(self, node) -> Mistake:
        found = self.mapping(node, {"when", "say", "text", "count", "in", "words"}, {"when", "say"})
        when = self.text(found["when"])
        if when not in MISTAKES:
            self.fail(found["when"], "practice-data.unknown-mistake", when=when, known=", ".join(MISTAKES))
        needs = set(MISTAKES[when])
        for key in sorted(needs - set(found)):
            self.fail(node, "practice-data.mistake-needs", when=when, name=key)
        for key in sorted(set(found) - needs - {"when", "say"}):
            self.fail(found[key], "practice-data.mistake-extra", when=when, name=key)
        count = 0
        if "count" in found:
            if not isinstance(found["count"], yaml.ScalarNode) or found["count"].tag != "tag:yaml.org,2002:int":
                self.fail(found["count"], "practice-data.count")
            count = int(found["count"].value)
            if not 1 <= count <= 40:
                self.fail(found["count"], "practice-data.count-range")
        words = tuple(self.text(item) for item in self.sequence(found["words"], "words")) if "words" in found else ()
        return Mistake(
            when,
            self.text(found["say"]),
            self.optional_text(found, "text"),
            count,
            self.identifier(found["in"]) if "in" in found else "",
            words,
        )


def structure(practice: Practice) -> list[tuple]:
    """What a translation keeps from the French file: everything but the words shown."""
    shape: list[tuple] = []
    for screen in practice.screens:
        shape.append(("screen", screen.id, len(screen.show), bool(screen.success)))
        for item in screen.fields:
            shape.append(
                ("field", screen.id, item.id, item.type, item.numeric, len(item.files), tuple(o.correct for o in item.options))
            )
            for mistake in item.mistakes:
                shape.append(("mistake", screen.id, item.id, mistake.when, mistake.text, mistake.count, mistake.field))
    return shape


def structure_difference(french: Practice, translation: Practice) -> str | None:
    """How the translation's structure differs from the French one, in words; None if not."""
    ours, theirs = structure(french), structure(translation)
    for index, (expected, found) in enumerate(zip(ours, theirs, strict=False)):
        if expected != found:
            return f"entry {index + 1} differs: the French file has {describe(expected)}, this one {describe(found)}"
    if len(ours) != len(theirs):
        return f"the French file has {len(ours)} screens, fields and mistakes in all, this one {len(theirs)}"
    return None


def describe(entry: tuple) -> str:
    kind, screen, *rest = entry
    if kind == "screen":
        return f"screen '{screen}' ({rest[0]} messages shown)"
    if kind == "field":
        return f"field '{rest[0]}' of screen '{screen}' (type {rest[1]})"
    field_id, when, text, count, other = rest
    detail = f" {text!r}" if text else f" {count}" if count else f" in '{other}'" if other else ""
    return f"mistake '{when}{detail}' on field '{field_id}' of screen '{screen}'"
