"""The one model of a lesson: front matter, sections, steps, images.

Every lesson is a Markdown file under ``docs/<language>/lecons/``. Its structure is
marked with ids that are the same in every language, so that a helper's link to
``#etape-3`` works in French, Arabic and English alike:

- sections are level-2 headings with a section id, e.g. ``## Les étapes {#etapes}``;
- steps are headings with ``{#etape-N}``, numbered from 1, inside the steps section;
- each step ends with what the learner should see, a paragraph marked ``{: .voir }``.

The build hooks and every checker read lessons through ``parse_lesson``; nothing else
parses these files.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import yaml

from pasapas.model.messages import KeyedError

LESSONS_FOLDER = "lecons"
SOURCE_LANGUAGE = "fr"

#: Sections of a lesson, in order: id → whether every lesson must have it.
SECTIONS = {
    "apprendre": True,  # What you will learn
    "avant": True,  # Before you start
    "etapes": True,  # The steps
    "entrainement": False,  # Practice screens (pasapas/model/practice.py)
    "aidant": True,  # Helper note
    "securite": False,  # Safety warnings, where relevant
    "probleme": True,  # If it does not work
    "autres-solutions": True,  # No internet, or stuck? Other ways
    "verifier": True,  # Check yourself
    "aide-officielle": True,  # Official help links
}
LEVELS = ("decouverte", "debutant", "intermediaire")
DEVICES = ("ordinateur", "telephone")
REQUIRED_FIELDS = (
    "title",
    "description",
    "level",
    "duration",
    "objectives",
    "prerequisites",
    "devices",
    "digcomp",
    "mediation",  # the mediators' categories (pasapas/model/competences.py)
    "last_checked",
)

#: libyaml's loader when PyYAML has it (ten times faster on hundreds of lessons).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
ID_IN_ATTRS = re.compile(r"#([\w-]+)")
STEP_ID = re.compile(r"^etape-(\d+)$")
SEE_MARKER = re.compile(r"^\{:?\s*\.voir\s*\}\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
QUESTION = re.compile(r"^\?{3}\+?\s+question\b")
#: What a step shows on screen (see Step.screen_words).
SCREEN_WORDS = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|«(?P<quoted>[^«»\n]+?)»")
#: "**Vous voyez :**" at the start of a line: a label of the lesson's own, ending with a colon.
ASIDE_LABEL = re.compile(r"^\s*\*\*[^*\n]*?[:：]\s*\*\*")
INLINE_CODE = re.compile(r"`[^`\n]*`")
#: `!!! practice "<name>"`: a practice screen, from docs/<language>/lecons/_entrainement-<name>.yml.
PRACTICE_BLOCK = re.compile(r'^!!!\s+practice\s+"(?P<name>[^"]*)"\s*$')


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Section:
    id: str
    title: str
    line: int
    body: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.body).strip()


@dataclass
class Step:
    number: int
    id: str
    title: str
    line: int
    body: list[str] = field(default_factory=list)

    @property
    def says_what_to_see(self) -> bool:
        return any(SEE_MARKER.match(line.strip()) for line in self.body)

    def screen_words(self) -> list[tuple[int, str]]:
        """(line, words) for each thing the step names on screen: words in **bold** or in
        « quotes » — the words a learner looks for, and that a source must show. The label
        that opens the "what you see" aside (**Vous voyez :**, **You see:**) is the lesson's
        own, not the screen's. Inline code (an address to type) is left out."""
        found = []
        for offset, line in enumerate(self.body):
            text = INLINE_CODE.sub("", ASIDE_LABEL.sub("", line, count=1))
            for match in SCREEN_WORDS.finditer(text):
                words = (match.group("bold") or match.group("quoted") or "").strip()
                if words:
                    found.append((self.line + 1 + offset, words))
        return found


@dataclass
class Image:
    alt: str
    src: str
    line: int


@dataclass
class PracticeBlock:
    name: str
    line: int
    section: str  # the id of the section it is in


@dataclass
class Lesson:
    path: PurePosixPath  # relative to docs/: fr/lecons/antivirus.md
    meta: dict
    title: str | None
    headings: list[Heading]
    sections: dict[str, Section]
    steps: list[Step]
    images: list[Image]
    questions: int
    practices: list[PracticeBlock] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.path.parts[0]

    @property
    def slug(self) -> str:
        """Path without the language folder: lecons/antivirus.md, the same in every language."""
        return PurePosixPath(*self.path.parts[1:]).as_posix()

    @property
    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps]


#: What a translation's front matter says before anyone has translated it.
TRANSLATION_TODO = "todo"


class LessonError(ValueError):
    """A lesson file cannot be read as a lesson at all."""


class FrontMatterError(LessonError, KeyedError):
    """The front matter cannot be read; `line` is where, counting from 1."""

    def __init__(self, key: str, line: int, **values):
        KeyedError.__init__(self, line, key, **values)

    def moved_to(self, line: int) -> FrontMatterError:
        return FrontMatterError(self.key, line, **self.values)


def is_lesson(docs_relative_path: str) -> bool:
    """Lessons are docs/<language>/lecons/*.md; files starting with '_' are templates."""
    parts = PurePosixPath(docs_relative_path).parts
    return (
        len(parts) >= 3
        and parts[1] == LESSONS_FOLDER
        and parts[-1].endswith(".md")
        and parts[-1] != "index.md"
        and not parts[-1].startswith("_")
    )


#: Front matter is a few lines of data; anything much larger is a mistake or an attack.
FRONT_MATTER_MAX_BYTES = 16_000


class _FrontMatterLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """Safe YAML, stricter still: dates stay text (a date with a time, or an impossible
    date, is then reported by the checker instead of crashing the loader), keys are text
    and written once. Anchors and aliases are refused before this runs."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                if isinstance(key_node, yaml.ScalarNode):
                    raise FrontMatterError("front-matter-key", key_node.start_mark.line, name=key_node.value)
                raise FrontMatterError("front-matter-key.group", key_node.start_mark.line)
            if key_node.value in seen:
                raise FrontMatterError("front-matter-duplicate", key_node.start_mark.line, name=key_node.value)
            seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def load_front_matter(source: str) -> object:
    """The YAML of a front matter, as plain data. Raises FrontMatterError with the line
    counted from the front matter's first line (0 = its first line)."""
    if len(source.encode("utf-8")) > FRONT_MATTER_MAX_BYTES:
        raise FrontMatterError("front-matter-size", 0, size=FRONT_MATTER_MAX_BYTES // 1000)
    for event in yaml.parse(source, Loader=SAFE_LOADER):
        # An alias repeats a part of the document: ten nested ones make billions of
        # values (a "billion laughs"). Front matter never needs them.
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError("front-matter-yaml.alias", event.start_mark.line)
    return yaml.load(source, Loader=_FrontMatterLoader)


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Front matter, body, and the line number (1-based) where the body starts. Read once
    per text: the checker, the docs checker and the hooks all ask for the same pages.
    Treat the front matter as read-only (copy it to change it)."""
    return _split_front_matter(text)


@functools.lru_cache(maxsize=4096)
def _split_front_matter(text: str) -> tuple[dict, str, int]:
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise FrontMatterError("front-matter-unclosed", 1)
        return {}, text, 1
    try:
        meta = load_front_matter(match.group(1))
    except FrontMatterError as error:
        raise error.moved_to(error.line + 2) from None  # +1 from 1, +1 for '---'
    except yaml.YAMLError:
        # Read it again with the pure-Python loader: its message is the same on every
        # machine, whether or not PyYAML was built with libyaml.
        error = python_loader_error(match.group(1))
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for counting from 1, +1 for the opening '---'
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise FrontMatterError("front-matter-yaml", line, detail=problem) from None
    except (ValueError, TypeError, RecursionError) as error:  # e.g. a number too large for a float
        raise FrontMatterError("front-matter-yaml", 2, detail=error) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front-matter-yaml.not-fields", 2)
    return meta, text[match.end() :], match.group(0).count("\n") + 1


def python_loader_error(text: str) -> yaml.YAMLError:
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return yaml.YAMLError("it is not valid YAML")


def translation_pending(meta: dict) -> bool:
    """A translation placeholder made by the scaffold, not translated yet."""
    return meta.get("translation") == TRANSLATION_TODO


def parse_lesson(text: str, path: str | PurePosixPath) -> Lesson:
    """The lesson in `text`. Parsed once per text and path: the checker and the build hooks
    ask for the same lessons several times in one build. Treat the result as read-only."""
    return _parse_lesson(text, PurePosixPath(path).as_posix())


@functools.lru_cache(maxsize=4096)
def _parse_lesson(text: str, path: str) -> Lesson:
    meta, body, first_line = split_front_matter(text)
    headings, sections, steps, images, practices = [], {}, [], [], []
    title, questions = None, 0
    current_section: Section | None = None
    current_step: Step | None = None
    step_level = 0
    in_fence = False

    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        if heading:
            attrs = heading.group("attrs") or ""
            id_match = ID_IN_ATTRS.search(attrs)
            found = Heading(len(heading.group("hashes")), heading.group("text"), id_match and id_match.group(1), number)
            headings.append(found)
            if found.level == 1 and title is None:
                title = found.text
            if found.level == 2:
                current_step = None
                current_section = Section(found.id or "", found.text, number)
                if found.id in SECTIONS:
                    sections[found.id] = current_section
                continue
            step_number = STEP_ID.match(found.id or "")
            if step_number and current_section is not None and current_section.id == "etapes":
                current_step = Step(int(step_number.group(1)), found.id, found.text, number)
                step_level = found.level
                steps.append(current_step)
                current_section.body.append(line)
                continue
            if current_step is not None and found.level <= max(3, step_level):
                current_step = None  # a part heading, or another step's heading without its id, ends the step
        if current_section is not None:
            current_section.body.append(line)
        if current_step is not None:
            current_step.body.append(line)
        images += [Image(m.group("alt"), m.group("src"), number) for m in IMAGE.finditer(line)]
        practice = None if in_fence else PRACTICE_BLOCK.match(line)
        if practice:
            practices.append(PracticeBlock(practice.group("name"), number, current_section.id if current_section else ""))
        if QUESTION.match(line.strip()) and current_section is not None and current_section.id == "verifier":
            questions += 1

    return Lesson(PurePosixPath(path), meta, title, headings, sections, steps, images, questions, practices)


@dataclass(frozen=True)
class Source:
    """One page a lesson's facts rest on (`sources:`), and the steps it backs."""

    number: int  # its place in the list, from 1
    url: str
    consulted: date | None
    supports: str
    steps: tuple[int, ...]


@dataclass(frozen=True)
class LiveCheck:
    """Someone redid steps on the real site (`live_checks:`, in the French lesson)."""

    day: date
    by: str  # a role ("médiatrice numérique, France services"), never a person's name
    steps: tuple[int, ...]
    note: str


def step_numbers(value) -> tuple[int, ...] | None:
    """A `steps:` list as step numbers; None when it is not a list of whole numbers."""
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return None
    return tuple(value)


def lesson_sources(meta: dict) -> list[Source]:
    """The well-formed entries of `sources:` (the checker reports the others)."""
    found = []
    entries = meta.get("sources")
    for number, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
        if not isinstance(entry, dict) or not str(entry.get("url") or "").startswith("https://"):
            continue
        steps = step_numbers(entry.get("steps", [])) or ()
        found.append(Source(number, str(entry["url"]), as_date(entry.get("consulted")), str(entry.get("supports") or ""), steps))
    return found


def sources_of_steps(sources: list[Source]) -> dict[int, list[Source]]:
    """step number → the sources that back it, in the order of `sources:`."""
    by_step: dict[int, list[Source]] = {}
    for source in sources:
        for number in source.steps:
            if source not in by_step.setdefault(number, []):
                by_step[number].append(source)
    return by_step


LIVE_CHECK_FIELDS = ("date", "by", "steps", "note")


def live_checks(meta: dict) -> list[LiveCheck]:
    """The well-formed entries of `live_checks:`, oldest first (the checker reports the others)."""
    found = []
    entries = meta.get("live_checks")
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        day, steps, by = as_date(entry.get("date")), step_numbers(entry.get("steps")), entry.get("by")
        if day is None or steps is None or not isinstance(by, str) or not by.strip():
            continue
        found.append(LiveCheck(day, by.strip(), steps, str(entry.get("note") or "")))
    return sorted(found, key=lambda check: check.day)


#: A live check older than this no longer says that the steps match today's screens.
LIVE_CHECK_FRESH_DAYS = 183


def read_lesson(docs_dir: Path, relative: str) -> Lesson:
    return parse_lesson((docs_dir / relative).read_text(encoding="utf-8"), relative)


def lessons_in(docs_dir: Path, language: str) -> list[Lesson]:
    folder = docs_dir / language / LESSONS_FOLDER
    return [
        read_lesson(docs_dir, path.relative_to(docs_dir).as_posix())
        for path in sorted(folder.rglob("*.md"))
        if is_lesson(path.relative_to(docs_dir).as_posix())
    ]


def language_folders(folder: Path) -> list[str]:
    """Language folders (of docs/ or of a built site), the source language first."""
    found = sorted(p.name for p in folder.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2}(-[A-Za-z]+)?", p.name))
    return [SOURCE_LANGUAGE] + [language for language in found if language != SOURCE_LANGUAGE]


def source_fingerprint(text: str) -> str:
    """Short fingerprint of a French lesson's text. A translation records the fingerprint
    of the French it was made from (``translation: {source: …}``); when the French
    changes, the fingerprints differ and the translation is known to be behind."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:10]


#: A lesson checked longer ago than this is shown to readers as "to check again".
STALE_AFTER_DAYS = 365


def is_stale(checked: date, today: date | None = None) -> bool:
    return ((today or date.today()) - checked).days > STALE_AFTER_DAYS


def as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
