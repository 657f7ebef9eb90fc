"""The lesson checker: what would hurt a learner, said so a volunteer can fix it.
`make lint` (pasapas lint) runs it on every lesson in every language.

Each problem reads ``path:line: rule-id: message``, then a hint on the next line.
Errors make the command exit 1 and stop `mkdocs build`; warnings are shown but do not
(an outdated translation is still worth publishing, with a notice).
"""

from __future__ import annotations

import contextlib
import difflib
import posixpath
import re
from datetime import date
from pathlib import Path, PurePosixPath

from pymdownx.slugs import slugify

from pasapas.checks import files as docs_check
from pasapas.checks import glossary_order, keywords, mediation, plain_language, self_check, slips, terminology, translation_marks
from pasapas.checks.content_safety import page_problems
from pasapas.checks.untranslated import untranslated_problems
from pasapas.model import competences, glossary, interface, learning_paths, messages, practice, translations
from pasapas.model.lesson import (
    DEVICES,
    LESSONS_FOLDER,
    LEVELS,
    LIVE_CHECK_FIELDS,
    REQUIRED_FIELDS,
    SECTIONS,
    SOURCE_LANGUAGE,
    STEP_ID,
    FrontMatterError,
    Heading,
    Lesson,
    as_date,
    is_lesson,
    is_stale,
    language_folders,
    lesson_sources,
    parse_lesson,
    split_front_matter,
    step_numbers,
    translation_pending,
)
from pasapas.model.messages import problem, word
from pasapas.model.problems import Problem, read_text

OPTIONAL_FIELDS = ("translation", "live_checks", translation_marks.SPELLING_ONLY, learning_paths.FIELD, keywords.FIELD)
#: Front matter that is a fact about the lesson, the same in every language.
TRANSLATED_FACTS = ("level", "duration", "devices", "digcomp", "mediation", "prerequisites", "last_checked")
#: "Donnez votre mot de passe…" (but not "ne donnez jamais votre mot de passe").
SECRET_REQUEST = re.compile(r"\b(donnez|communiquez|envoyez|transmettez)\b[^.\n]*\b(mot de passe|code)\b", re.IGNORECASE)
SOURCE_FIELDS = ("url", "consulted", "supports")
#: What a source may also say: the steps it backs (`steps: [2, 3]`).
SOURCE_OPTIONAL_FIELDS = ("steps",)
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS + ("sources",)
LIVE_CHECK_HINT = (
    "Each live check is '- date: YYYY-MM-DD', 'by: <a role, never a name>' (e.g. \"médiatrice numérique, "
    "France services\"), 'steps: [1, 2, 3]' (the steps that matched) and 'note: <what differed>'."
)
#: Sources older than this do not describe today's screens.
OLDEST_SOURCE = date(2025, 1, 1)
IMAGE_BUDGET_BYTES = 30_000
TEMPLATE_MARKER = "À ÉCRIRE"
MIN_QUESTIONS, MAX_QUESTIONS = 2, 4
VAGUE_LINK_TEXTS = {
    "ici",
    "cliquez ici",
    "clique ici",
    "lien",
    "ce lien",
    "here",
    "click here",
    "link",
    "this link",
    "هنا",
    "اضغط هنا",
    "رابط",
    "الرابط",
}
UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed", "form")
SLUG = slugify(case="lower")

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)(?P<attrs>\{[^}]*\})?")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"]*\")?\)(?P<attrs>\{[^}]*\})?")
HTML_TAG = re.compile(r"<\s*(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")
EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s{\"'])on[a-z]+\s*=", re.IGNORECASE)
UNSAFE_URL = re.compile(r"(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
URL_LIKE = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
EXPLICIT_ID = re.compile(r"#([\w-]+)")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*(?P<attrs>\{[^}]*\})?\s*$")
DT_ID = re.compile(r"^[^:\s].*\{[^}]*#([\w-]+)[^}]*\}\s*$")


# --- Site knowledge: which pages and anchors exist ---------------------------------------


class Site:
    """What exists in docs/: pages per language, and the anchors of each page."""

    def __init__(self, docs_dir: Path, languages: list[str]):
        self.docs_dir, self.languages = docs_dir, languages
        self._anchors: dict[Path, set[str]] = {}
        # The learning paths of mkdocs.yml beside docs/ (None without one: no path to check).
        self.learning_paths = learning_paths.known_paths(docs_dir.parent)

    def anchors(self, page: Path) -> set[str]:
        if page not in self._anchors:
            ids: set[str] = set()
            try:
                lines = page.read_text(encoding="utf-8").splitlines()
            except (UnicodeDecodeError, OSError):
                lines = []
            in_fence = False
            for line in lines:
                if FENCE.match(line):
                    in_fence = not in_fence
                heading = None if in_fence else HEADING.match(line)
                if heading:
                    explicit = EXPLICIT_ID.search(heading.group("attrs") or "")
                    ids.add(explicit.group(1) if explicit else SLUG(heading.group("text"), "-"))
                elif not in_fence and (dt := DT_ID.match(line)):
                    ids.add(dt.group(1))
            self._anchors[page] = ids
        return self._anchors[page]


def describe_parts(parts: list[str]) -> str:
    """'steps 3 and 5 (etape-3, etape-5), #aidant' — what a translator should look at."""
    steps = [part for part in parts if STEP_ID.fullmatch(part)]
    others = [f"#{part}" for part in parts if part not in steps]
    said = []
    if steps:
        numbers = [part.split("-")[1] for part in steps]
        label = word("step") if len(steps) == 1 else word("steps")
        listed = ", ".join(numbers[:-1]) + f" {word('and')} " + numbers[-1] if len(numbers) > 1 else numbers[0]
        said.append(f"{label} {listed}")
    return ", ".join(said + others)


def asks_for_a_secret(text: str) -> str | None:
    for match in SECRET_REQUEST.finditer(text):
        if "ne " not in text[: match.start()][-20:].lower():
            return match.group(0)
    return None


# --- The checks -------------------------------------------------------------------------


class LessonCheck:
    """All checks of one lesson file in one language."""

    def __init__(self, site: Site, relative: str, text: str, lesson: Lesson, french: Lesson | None):
        self.site, self.relative, self.text, self.lesson, self.french = site, relative, text, lesson, french
        self.shown = f"docs/{relative}"
        self.language = lesson.language
        self.folder = PurePosixPath(relative).parent
        self.problems: list[Problem] = []
        self.pending = translation_pending(lesson.meta)
        self.body_start = split_front_matter(text)[2]
        # Steps whose id is misspelt ({#etape3}): said once, at that step, and still counted.
        self.misspelt_steps = slips.misspelt_steps(lesson)

    def say(self, line: int, key: str, /, *, severity: str | None = None, **values) -> None:
        """The problem `key` of pasapas/model/messages.yml at this line of the lesson."""
        self.problems.append(messages.problem(self.shown, line, key, severity=severity, **values))

    def field_line(self, name: str) -> int:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if re.match(rf"{re.escape(name)}\s*:", line):
                return number
        return 1

    def run(self) -> list[Problem]:
        if self.pending and self.language != SOURCE_LANGUAGE:
            # A placeholder repeats the French text: its problems are reported once, on the French.
            self.check_translation()
            return self.problems
        self.check_front_matter()
        self.check_sources()
        self.check_steps_sourced()
        self.check_stale()
        self.check_headings()
        self.check_sections_and_steps()
        self.check_practices()
        self.check_body_lines()
        self.check_unfinished()
        slips.check(self)
        if self.language == SOURCE_LANGUAGE:
            plain_language.check(self)
        self.check_translation()
        for key, values in translation_marks.spelling_only_problems(
            self.lesson.meta, self.lesson, self.language == SOURCE_LANGUAGE
        ):
            self.say(self.field_line(translation_marks.SPELLING_ONLY), key, **values)
        return self.problems

    # Front matter

    def check_front_matter(self) -> None:
        meta = self.lesson.meta
        if not meta:
            self.say(1, "front-matter-missing")
            return
        for name in REQUIRED_FIELDS:
            if name not in meta:
                self.say(1, "field-missing", name=name)
        for name in meta:
            if name not in KNOWN_FIELDS:
                guess = difflib.get_close_matches(name, KNOWN_FIELDS, n=1)
                if guess:
                    self.say(self.field_line(name), "field-unknown", name=name, guess=guess[0])
                else:
                    self.say(self.field_line(name), "field-unknown.list", name=name, fields=", ".join(KNOWN_FIELDS))
        self.check_field_values(meta)
        mediation.check(self)
        keywords.check(self)

    def check_field_values(self, meta: dict) -> None:
        text_fields = ("title", "description")
        for name in text_fields:
            if name in meta and not (isinstance(meta[name], str) and meta[name].strip()):
                self.say(self.field_line(name), "field-type.2", name=name)
        if "level" in meta and meta["level"] not in LEVELS:
            self.say(self.field_line("level"), "field-value", level=meta["level"], levels=", ".join(LEVELS))
        if "duration" in meta and not (
            isinstance(meta["duration"], int) and not isinstance(meta["duration"], bool) and 1 <= meta["duration"] <= 240
        ):
            self.say(self.field_line("duration"), "field-type")
        for name in ("objectives", "prerequisites", "devices", "digcomp"):
            if name in meta and not isinstance(meta[name], list):
                self.say(self.field_line(name), "field-type.3", name=name)
        if isinstance(meta.get("objectives"), list) and not meta["objectives"]:
            self.say(self.field_line("objectives"), "field-value.2")
        for device in meta.get("devices") or [] if isinstance(meta.get("devices"), list) else []:
            if device not in DEVICES:
                self.say(self.field_line("devices"), "field-value.3", device=device, devices=", ".join(DEVICES))
        for code in meta.get("digcomp") or [] if isinstance(meta.get("digcomp"), list) else []:
            if str(code) not in competences.digcomp_codes():
                self.say(self.field_line("digcomp"), "field-value.4", code=code)
        for prerequisite in meta.get("prerequisites") or [] if isinstance(meta.get("prerequisites"), list) else []:
            if not (self.site.docs_dir / self.language / f"{prerequisite}.md").is_file():
                self.say(
                    self.field_line("prerequisites"), "field-value.5", prerequisite=prerequisite, lessons_folder=LESSONS_FOLDER
                )
        if "last_checked" in meta:
            checked = as_date(meta["last_checked"])
            if checked is None:
                self.say(self.field_line("last_checked"), "date-invalid", last_checked=meta["last_checked"])
            elif checked > date.today():
                self.say(self.field_line("last_checked"), "date-future", isoformat=checked.isoformat())

    # Sources: what the steps about real services rest on

    def check_sources(self) -> None:
        meta = self.lesson.meta
        line = self.field_line("sources")
        sources = meta.get("sources")
        checked = as_date(meta.get("last_checked"))
        if sources is None:
            if not meta:
                return  # front-matter-missing says it
            self.say(1, "sources-missing")
            return
        if not isinstance(sources, list) or not sources:
            self.say(line, "sources-missing.2")
            return
        latest = None
        for number, source in enumerate(sources, start=1):
            if not isinstance(source, dict):
                self.say(line, "source-invalid", number=number)
                continue
            where = self.source_line(source, line)
            missing = [name for name in SOURCE_FIELDS if not str(source.get(name) or "").strip()]
            unknown = [name for name in source if name not in SOURCE_FIELDS + SOURCE_OPTIONAL_FIELDS]
            if missing or unknown:
                what = f"lacks {', '.join(missing)}" if missing else f"has unknown field(s) {', '.join(map(str, unknown))}"
                self.say(where, "source-invalid.2", number=number, what=what)
            self.check_source_steps(number, source, where)
            url = str(source.get("url") or "")
            if url and not url.startswith("https://"):
                self.say(where, "source-invalid.3", number=number)
            consulted = as_date(source.get("consulted"))
            if source.get("consulted") is not None and consulted is None:
                self.say(where, "date-invalid.2", number=number, consulted=source["consulted"])
            elif consulted is not None:
                if consulted > date.today():
                    self.say(where, "date-future.2", number=number, consulted=consulted)
                elif consulted < OLDEST_SOURCE:
                    self.say(where, "source-old", number=number, consulted=consulted, year=OLDEST_SOURCE.year)
                latest = max(latest or consulted, consulted)
        if checked is not None and latest is not None and latest < checked <= date.today():
            self.say(self.field_line("last_checked"), "last-checked-unsupported", checked=checked)
        if self.language != SOURCE_LANGUAGE and self.french is not None:
            mine = [str(s.get("url")) for s in sources if isinstance(s, dict)]
            theirs = [str(s.get("url")) for s in (self.french.meta.get("sources") or []) if isinstance(s, dict)]
            if mine != theirs:
                self.say(line, "translation-structure")
            else:
                french_steps = {s.url: s.steps for s in lesson_sources(self.french.meta)}
                for source in lesson_sources(meta):
                    if source.url in french_steps and source.steps != french_steps[source.url]:
                        self.say(
                            self.source_line(sources[source.number - 1], line),
                            "translation-structure.2",
                            number=source.number,
                            steps=list(source.steps),
                            list=list(french_steps[source.url]),
                        )
        self.check_live_checks()

    def check_source_steps(self, number: int, source: dict, where: int) -> None:
        """`steps:` lists step numbers of this lesson."""
        if "steps" not in source:
            return
        steps = step_numbers(source["steps"])
        if steps is None:
            self.say(where, "source-steps-invalid", number=number)
            return
        known = self.step_numbers()
        for step in steps:
            if step not in known:
                self.say(where, "source-steps-invalid.2", number=number, step=step, known=len(known))

    def check_steps_sourced(self) -> None:
        """A step that names something on screen rests on a source that shows it: screens
        change, and a label nobody can trace cannot be checked again."""
        backed = {number for source in lesson_sources(self.lesson.meta) for number in source.steps}
        for step in self.lesson.steps:
            if step.number in backed:
                continue
            words = step.screen_words()
            if words:
                line, shown = words[0]
                self.say(step.line, "step-unsourced", number=step.number, shown=shown)

    def step_numbers(self) -> set[int]:
        """The lesson's step numbers, a step with a misspelt id or at the wrong level included
        (said at that step, not again here)."""
        return {step.number for step in self.lesson.steps} | slips.written_step_numbers(self.lesson)

    def check_live_checks(self) -> None:
        """`live_checks:` (French lesson only): when someone redid steps on the real site."""
        meta = self.lesson.meta
        if "live_checks" not in meta:
            return
        line = self.field_line("live_checks")
        if self.language != SOURCE_LANGUAGE:
            self.say(line, "live-checks-translation")
            return
        entries = meta["live_checks"]
        if entries is None or entries == []:
            return
        if not isinstance(entries, list):
            self.say(line, "live-check-invalid")
            return
        known = self.step_numbers()
        for number, entry in enumerate(entries, start=1):
            problem = None
            if not isinstance(entry, dict) or set(entry) - set(LIVE_CHECK_FIELDS):
                problem = f"live check {number} must have only date, by, steps and note"
            elif as_date(entry.get("date")) is None:
                problem = f"live check {number}: '{entry.get('date')}' is not a date"
            elif as_date(entry["date"]) > date.today():
                problem = f"live check {number} is dated in the future ({entry['date']})"
            elif not isinstance(entry.get("by"), str) or not entry["by"].strip():
                problem = f"live check {number} does not say who redid the steps (a role)"
            elif step_numbers(entry.get("steps")) is None or not entry["steps"]:
                problem = f"live check {number}: 'steps' must list the steps that matched the real site"
            elif set(entry["steps"]) - known:
                problem = f"live check {number} names steps this lesson does not have: {sorted(set(entry['steps']) - known)}"
            elif not isinstance(entry.get("note", ""), str):
                problem = f"live check {number}: 'note' must be a sentence"
            if problem:
                self.say(line, "live-check-invalid.2", message=problem)

    def source_line(self, source: dict, default: int) -> int:
        url = str(source.get("url") or "")
        for number, text in enumerate(self.text.splitlines(), start=1):
            if url and url in text:
                return number
        return default

    def check_stale(self) -> None:
        checked = as_date(self.lesson.meta.get("last_checked"))
        if checked is not None and is_stale(checked):
            self.say(self.field_line("last_checked"), "last-checked-old", checked=checked)

    # Headings, sections, steps

    def check_headings(self) -> None:
        top = [h for h in self.lesson.headings if h.level == 1]
        if len(top) != 1:
            line = top[1].line if len(top) > 1 else 1
            self.say(line, "heading-h1", top=len(top))
        previous = 1
        for heading in self.lesson.headings:
            if heading.level > previous + 1:
                self.say(
                    heading.line,
                    "heading-skip",
                    text=heading.text,
                    previous=previous,
                    level=heading.level,
                    value="#" * (previous + 1),
                )
            previous = heading.level

    def check_practices(self) -> None:
        """Each `!!! practice "<name>"` has its data file, in the practice section; a
        translation's data keeps the French structure. The data file's own problems are
        reported by the file checks (pasapas/checks/files.py), once."""
        for block in self.lesson.practices:
            if block.section != "entrainement":
                self.say(block.line, "practice-place")
            path = practice.data_path(self.site.docs_dir, self.language, block.name)
            shown = (
                f"docs/{path.relative_to(self.site.docs_dir).as_posix()}" if practice.NAME.fullmatch(block.name) else block.name
            )
            if not practice.NAME.fullmatch(block.name) or not path.is_file():
                self.say(block.line, "practice-missing", shown=shown, hint=self.practice_hint(block.name))
                continue
            if self.language == SOURCE_LANGUAGE:
                continue
            try:
                ours = practice.read_practice(self.site.docs_dir, self.language, block.name)
                french = practice.read_practice(self.site.docs_dir, SOURCE_LANGUAGE, block.name)
            except practice.PracticeError:
                continue  # said by the file checks
            difference = practice.structure_difference(french, ours)
            if difference:
                self.problems.append(
                    problem(
                        shown,
                        1,
                        "practice-structure",
                        source_language=SOURCE_LANGUAGE,
                        lessons_folder=LESSONS_FOLDER,
                        name=path.name,
                        message=difference,
                    )
                )

    def practice_hint(self, name: str) -> str:
        french = f"docs/{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{practice.FILE_PREFIX}{name}.yml"
        if self.language != SOURCE_LANGUAGE and practice.NAME.fullmatch(name) and (self.site.docs_dir / french[5:]).is_file():
            return f"Copy {french} into docs/{self.language}/{LESSONS_FOLDER}/ and translate its texts (not the ids)."
        return (
            f"Copy docs/{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{practice.FILE_PREFIX}e-mail-piece-jointe.yml, name it "
            f"{practice.FILE_PREFIX}<the name in quotes>.yml, and change its texts (see CONTRIBUTING.md, 'Add a practice screen')."
        )

    def check_sections_and_steps(self) -> None:
        sections = self.lesson.sections
        for name, required in SECTIONS.items():
            if required and name not in sections:
                self.say(1, "section-missing", name=name)
        for section in sections.values():
            if not section.text:
                self.say(section.line, "section-empty", title=section.title)
        order = [name for name in SECTIONS if name in sections]
        if list(sections) != order:
            self.say(1, "section-order", list=", ".join("#" + name for name in order))
        # A step heading whose {#etape-N} was forgotten is not a step for the parser: say so
        # on its line, and count it, so that the next steps are not said to be misnumbered.
        misspelt = {heading.line for heading, _ in self.misspelt_steps}
        steps_and_unnamed = sorted(
            [(step.line, step) for step in self.lesson.steps]
            + [(heading.line, heading) for heading in self.unnamed_step_headings(sections)]
            + [(heading.line, heading) for heading, _ in self.misspelt_steps if not STEP_ID.match(heading.id)],
            key=lambda item: item[0],
        )
        expected_of = {}
        for expected, (_, item) in enumerate(steps_and_unnamed, start=1):
            if isinstance(item, Heading) and item.line in misspelt:
                slips.report(self, item.line, "step-id-misspelt", id=item.id, number=expected)
            elif isinstance(item, Heading):
                self.say(item.line, "step-id-missing", expected=expected)
            else:
                expected_of[id(item)] = expected
        seen: set[str] = set()
        for step in self.lesson.steps:
            expected = expected_of[id(step)]
            if step.id in seen:
                self.say(step.line, "step-id-duplicate", id=step.id)
            elif step.line in misspelt:  # {#etape-03}
                slips.report(self, step.line, "step-id-misspelt", id=step.id, number=expected)
            elif step.number != expected:
                self.say(step.line, "step-number", number=step.number, expected=expected)
            seen.add(step.id)
            if self.language == SOURCE_LANGUAGE and (asked := asks_for_a_secret("\n".join(step.body))):
                self.say(step.line, "step-asks-secret", number=step.number, asked=asked)
            if not step.says_what_to_see:
                self.say(step.line, "step-result", number=step.number)
        if "etapes" in sections and not self.lesson.steps and not self.misspelt_steps:
            self.say(sections["etapes"].line, "step-missing")
        if "verifier" in sections and not MIN_QUESTIONS <= self.lesson.questions <= MAX_QUESTIONS:
            self.say(
                sections["verifier"].line,
                "questions-count",
                questions=self.lesson.questions,
                min_questions=MIN_QUESTIONS,
                max_questions=MAX_QUESTIONS,
            )

    # Body: images, links, unsafe content

    def body_lines(self):
        """(line number, text) of the lesson body, without code blocks or inline code."""
        in_fence = False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if not in_fence:
                yield number, INLINE_CODE.sub("", line)

    def check_body_lines(self) -> None:
        image_bytes, image_line = 0, 1
        _, _, body_start = split_front_matter(self.text)
        for number, line in self.body_lines():
            if number < body_start:
                continue
            for image in IMAGE.finditer(line):
                image_bytes += self.check_image(number, image)
                image_line = image_line if image_line > 1 else number
            for link in LINK.finditer(line):
                self.check_link(number, link)
            self.check_unsafe(number, line)
        if image_bytes > IMAGE_BUDGET_BYTES:
            self.say(image_line, "image-budget", value=image_bytes // 1000, value2=IMAGE_BUDGET_BYTES // 1000)

    def check_image(self, number: int, image: re.Match) -> int:
        src, alt = image.group("src"), image.group("alt").strip()
        if re.match(r"^(https?:)?//", src):
            self.say(number, "image-external", src=src)
            return 0
        if UNSAFE_URL.match(src):
            return 0  # reported by check_unsafe
        name = PurePosixPath(src).name
        if (
            not alt
            or alt.lower() in ("image", "illustration", "photo", "img", "صورة")
            or name.lower() in alt.lower()
            or re.fullmatch(r"[\w-]+\.(svg|png|jpe?g|gif|webp)", alt, re.IGNORECASE)
        ):
            self.say(number, "image-alt", name=name)
        found = self.find_file(src)
        if found is None:
            self.say(
                number,
                "image-missing",
                src=src,
                source_language=SOURCE_LANGUAGE,
                relative_to=self.folder.relative_to(self.language),
            )
            return 0
        return found.stat().st_size

    def find_file(self, target: str) -> Path | None:
        """A file linked from this lesson: in its own language, or the French one (shared images)."""
        path = posixpath.normpath(posixpath.join(self.folder.as_posix(), target))
        candidates = [self.site.docs_dir / path]
        if path.startswith(f"{self.language}/"):
            candidates.append(self.site.docs_dir / SOURCE_LANGUAGE / path.split("/", 1)[1])
        return next((c for c in candidates if c.is_file()), None)

    def check_link(self, number: int, link: re.Match) -> None:
        text, target = link.group("text").strip(), link.group("target")
        if text.lower().strip(" .!:") in VAGUE_LINK_TEXTS or URL_LIKE.match(text) or not text:
            self.say(number, "link-text", text=text)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            return  # external (http, mailto, tel) or unsafe (reported by check_unsafe)
        page, _, anchor = target.partition("#")
        if not page:
            destination = self.site.docs_dir / self.relative
        else:
            path = posixpath.normpath(posixpath.join(self.folder.as_posix(), page))
            destination = self.site.docs_dir / path
            if not destination.is_file():
                french = self.site.docs_dir / SOURCE_LANGUAGE / path.split("/", 1)[-1]
                other = " It exists in French: link it explicitly, for example ../../fr/... ." if french.is_file() else ""
                self.say(number, "link-broken", page=page, other=other)
                return
            if not path.startswith(f"{self.language}/") and not path.startswith(f"{SOURCE_LANGUAGE}/"):
                self.say(number, "link-broken.2", page=page, language=self.language)
                return
        if anchor and destination.suffix == ".md" and anchor not in self.site.anchors(destination):
            self.say(number, "link-anchor", target=target, anchor=anchor)

    def check_unfinished(self) -> None:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if TEMPLATE_MARKER in line:
                self.say(number, "template-text")

    def check_unsafe(self, number: int, line: str) -> None:
        for tag in HTML_TAG.finditer(line):
            name = tag.group("name").lower()
            if name in UNSAFE_TAGS:
                self.say(number, "unsafe-html", name=name)
            else:
                self.say(number, "raw-html", name=name)
        # Attribute lists ({: … }) are refused whole by pasapas/checks/attribute_lists.py.
        attribute_text = " ".join(tag.group(0) for tag in HTML_TAG.finditer(line))
        if EVENT_ATTRIBUTE.search(attribute_text):
            self.say(number, "unsafe-attribute")
        urls = [m.group("target") for m in LINK.finditer(line)] + [m.group("src") for m in IMAGE.finditer(line)]
        if any(UNSAFE_URL.match(url) for url in urls) or UNSAFE_URL.search(attribute_text):
            self.say(number, "unsafe-url")

    def unnamed_step_headings(self, sections) -> list:
        """Headings of the steps section that look like a step (a number in the title,
        at the steps' level) but carry no id."""
        if "etapes" not in sections or not self.lesson.steps:
            return []
        levels = {h.level for h in self.lesson.headings if h.id in set(self.lesson.step_ids)}
        after = [s.line for s in sections.values() if s.line > sections["etapes"].line]
        end = min(after, default=10**9)
        return [
            h
            for h in self.lesson.headings
            if sections["etapes"].line < h.line < end and h.id is None and h.level in levels and re.search(r"\d", h.text)
        ]

    # Translations

    def check_translation(self) -> None:
        if self.language == SOURCE_LANGUAGE:
            return
        if self.french is None:
            if (self.site.docs_dir / SOURCE_LANGUAGE / self.lesson.slug).exists():
                return  # the French is there but unreadable: reported on the French file only
            self.say(1, "translation-orphan", source_language=SOURCE_LANGUAGE, lessons_folder=LESSONS_FOLDER)
            return
        marker = self.lesson.meta.get("translation")
        # What a translator writes in the web editor once the translation follows the French.
        aligned = translation_marks.web_editor_alignment(self.french)
        if self.pending:
            self.say(self.field_line("translation"), "translation-todo", aligned=aligned, relative=self.relative)
            return
        french_text = (self.site.docs_dir / self.french.path).read_text(encoding="utf-8")
        outdated = False
        wrong_version = translation_marks.aligned_with_problem(self.lesson.meta)
        if wrong_version is not None:
            self.say(self.field_line("translation"), "translation-marker", written=wrong_version, aligned=aligned)
        elif not isinstance(marker, dict) or not {"source", "aligned_with"} & set(marker):
            self.say(1, "translation-marker.2", aligned=aligned, relative=self.relative)
        elif translations.state_of(self.lesson.meta, self.french, french_text) == "outdated":
            outdated = True
            changed = translations.changed_parts(self.lesson.meta, self.french)
            what = f": {describe_parts(changed)}" if changed else ""
            language, slug = self.relative.split("/", 1)
            spelling = translations.spelling_only_line(self.lesson.meta, self.french, changed or [])
            spelling_hint = word("spelling_only").format(spelling=spelling) if spelling else ""
            self.say(
                self.field_line("translation"),
                "translation-outdated",
                what=what,
                aligned=aligned,
                spelling_hint=spelling_hint,
                language=language,
                stem=PurePosixPath(slug).stem,
            )
        # Behind the French, a translation may differ from it (a step added in French):
        # that is the outdated warning's business, not an error of the translator.
        self.check_same_structure(severity="warning" if outdated else "error")
        self.problems += untranslated_problems(self.lesson, self.shown)
        self.check_same_facts()

    def check_same_facts(self) -> None:
        """Level, duration, devices… are facts about the lesson, not words: the same in every
        language. A warning, never an error: a French-only author who changes a fact (or
        last_checked) must not break the translations they cannot edit."""
        for name in TRANSLATED_FACTS:
            mine, french = self.lesson.meta.get(name), self.french.meta.get(name)
            if mine != french:
                self.say(self.field_line(name), "translation-facts", name=name, mine=repr(mine), french=repr(french))

    def check_same_structure(self, severity: str = "error") -> None:
        french, mine = self.french, self.lesson
        # A misspelt step id, or a step at the wrong level, is said at that step, here or in
        # the French, not again here.
        unparsed = slips.has_unparsed_steps(mine) or slips.has_unparsed_steps(french)
        if mine.step_ids != french.step_ids and not unparsed:
            # The line of the first step that differs (or the steps section, or the end).
            first = next((n for n, (a, b) in enumerate(zip(mine.step_ids, french.step_ids, strict=False)) if a != b), None)
            if first is None:
                first = min(len(mine.step_ids), len(french.step_ids))
            if first < len(mine.steps):
                line = mine.steps[first].line
            elif "etapes" in mine.sections:
                line = mine.steps[-1].line if mine.steps else mine.sections["etapes"].line
            else:
                line = 1
            self.say(
                line,
                "translation-structure.steps",
                severity=severity,
                mine=", ".join(mine.step_ids) or "—",
                french=", ".join(french.step_ids) or "—",
            )
        if list(mine.sections) != list(french.sections):
            self.say(
                1,
                "translation-structure.sections",
                severity=severity,
                mine=", ".join(mine.sections),
                french=", ".join(french.sections),
            )
        if len(mine.images) != len(french.images):
            self.say(1, "translation-structure.images", severity=severity, mine=len(mine.images), french=len(french.images))


def check_lesson(site: Site, relative: str, french: Lesson | None) -> list[Problem]:
    path = site.docs_dir / relative
    text, problems = read_text(path, f"docs/{relative}")
    if text is None:
        return problems
    try:
        lesson = parse_lesson(text, relative)
    except FrontMatterError as error:
        return [
            Problem(
                f"docs/{relative}",
                error.line,
                error.rule,
                error.message,
                error.hint,
            )
        ]
    return LessonCheck(site, relative, text, lesson, french).run()


def read_source_lesson(docs_dir: Path, relative: str) -> Lesson | None:
    try:
        return parse_lesson((docs_dir / relative).read_text(encoding="utf-8"), relative)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None


def lesson_paths(docs_dir: Path, language: str) -> list[str]:
    folder = docs_dir / language / LESSONS_FOLDER
    if not folder.is_dir():
        return []
    return [
        relative
        for path in sorted(folder.rglob("*.md"))
        if is_lesson(relative := path.relative_to(docs_dir).as_posix()) and not path.is_symlink()
    ]


def lint(docs_dir: Path, languages: list[str] | None = None, *, advice: bool = True) -> list[Problem]:
    """Every problem of docs/. Without `advice` (the build's own check, which refuses on
    errors only) the checks that can only warn are left to `make lint`."""
    languages = languages or language_folders(docs_dir)
    problems = lint_site(docs_dir, languages, advice=advice)
    for language in languages:
        problems += lint_language(docs_dir, language, languages)
    return sorted(problems)


def lint_language(docs_dir: Path, language: str, languages: list[str] | None = None) -> list[Problem]:
    """The problems of one language's folder and lessons (a translation's, against its
    French lesson): a part of `lint` that a language's build can run on its own (workers.py)."""
    languages = languages or language_folders(docs_dir)
    site = Site(docs_dir, languages)
    problems: list[Problem] = docs_check.check_docs(docs_dir, lambda top: top == language)  # its folder's files
    french_paths = lesson_paths(docs_dir, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE:
        return problems + [problem for relative in french_paths for problem in check_lesson(site, relative, None)]
    present = set(lesson_paths(docs_dir, language))
    for relative in sorted(present):
        slug = relative.split("/", 1)[1]
        french = read_source_lesson(docs_dir, f"{SOURCE_LANGUAGE}/{slug}")
        problems += check_lesson(site, relative, french)
    for french_relative in french_paths:
        slug = french_relative.split("/", 1)[1]
        if f"{language}/{slug}" not in present:
            problems.append(
                problem(f"docs/{language}/{slug}", 1, "translation-missing", language=language, stem=PurePosixPath(slug).stem)
            )
    return problems


def lint_site(docs_dir: Path, languages: list[str] | None = None, *, advice: bool = True) -> list[Problem]:
    """The problems of docs/ that are not one language's: the files outside the languages'
    folders, the glossaries side by side, the self-check page, the interface words."""
    languages = languages or language_folders(docs_dir)
    problems: list[Problem] = docs_check.check_docs(docs_dir, lambda top: top not in languages)
    problems += glossary_parity(docs_dir, languages)
    problems += glossary_order.check(docs_dir, languages)
    if advice:
        problems += terminology.check(docs_dir, languages)  # one word per notion: warnings only
    problems += self_check.check(docs_dir, languages)
    for language in languages:
        if not (docs_dir / language / interface.FILE_NAME).exists():
            problems.append(
                problem(
                    f"docs/{language}/{interface.FILE_NAME}",
                    1,
                    "interface-strings",
                    source_language=SOURCE_LANGUAGE,
                    file_name=interface.FILE_NAME,
                    language=language,
                )
            )
    return problems


def glossary_parity(docs_dir: Path, languages: list[str]) -> list[Problem]:
    """Every language's glossary defines the French terms (lesson links point at their ids)."""

    def term_ids(language: str) -> dict[str, int] | None:
        path = docs_dir / language / glossary.GLOSSARY_PAGE
        try:
            text = path.read_text(encoding="utf-8")
            entries = glossary.parse_glossary(text, f"docs/{language}/{glossary.GLOSSARY_PAGE}")
        except (OSError, UnicodeDecodeError, glossary.GlossaryError):
            return None  # reported by the file checks
        lines = text.splitlines()
        return {e.id: next((n for n, line in enumerate(lines, 1) if f"#{e.id}" in line), 1) for e in entries}

    french = term_ids(SOURCE_LANGUAGE)
    problems = []
    for language in languages[1:]:
        mine = term_ids(language)
        if french is None or mine is None:
            continue
        shown = f"docs/{language}/{glossary.GLOSSARY_PAGE}"
        for term in sorted(set(french) - set(mine)):
            problems.append(
                problem(
                    shown,
                    1,
                    "glossary-term-missing",
                    term=term,
                    source_language=SOURCE_LANGUAGE,
                    glossary_page=glossary.GLOSSARY_PAGE,
                )
            )
        for term in sorted(set(mine) - set(french)):
            problems.append(problem(shown, mine[term], "glossary-term-extra", term=term))
    return problems


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def summary(problems: list[Problem]) -> str:
    error_count, warning_count = len(errors(problems)), len(problems) - len(errors(problems))
    if not problems:
        return messages.word("none")
    return messages.word("counts").format(errors=error_count, warnings=warning_count)


def report(problems: list[Problem]) -> str:
    return "\n".join([str(p) for p in problems] + [summary(problems)])


def rendered_pages(root: Path, renderer) -> list[tuple[str, str, str | Exception]]:
    """(docs/… path, source text, HTML) of every readable page, rendered by `renderer` (a
    `markdown.Markdown` with the site's own extensions, from pasapas.build.markdown); the
    HTML is the exception when an extension refuses the page. Unreadable files and front
    matter are left to the file checks."""
    pages: list[tuple[str, str, str | Exception]] = []
    docs = root / "docs"
    with contextlib.chdir(root):  # snippets are read relative to the project
        for path in sorted(docs.rglob("*.md")):
            relative = path.relative_to(docs)
            if path.is_symlink() or any((docs / parent).is_symlink() for parent in relative.parents):
                continue  # reported as file-symlink, never read
            try:
                text = path.read_text(encoding="utf-8")
                body = split_front_matter(text)[1]
            except (OSError, UnicodeDecodeError, FrontMatterError):
                continue  # reported by the file and front-matter checks
            try:
                html: str | Exception = renderer.reset().convert(body)
            except Exception as error:  # an extension refusing the page (a missing snippet…)
                html = error
            pages.append((f"docs/{relative.as_posix()}", text, html))
    return pages


def rendered_problems(root: Path, renderer) -> list[Problem]:
    """The build's allow-list (content_safety), applied to every page as the site's own
    Markdown extensions render it: what the build would refuse, said without building."""
    problems = []
    for shown, text, html in rendered_pages(root, renderer):
        if isinstance(html, Exception):
            problems.append(problem(shown, 1, "markdown-error", html=html))
        else:
            problems += page_problems(html, text, shown)
    return problems
