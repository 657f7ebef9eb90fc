"""Every file under docs/ is checked, not only lessons: what a pull request may add there,
and what it may not (see SECURITY.md). Lessons get more checks in lesson_lint.py.

- files: no symbolic link; names of lower-case letters, digits and dashes; only Markdown
  pages, our SVG drawings, PNG/JPEG pictures and the data file; a size limit;
- pages: front matter read safely, plain text only (no markup), known fields only on
  pages that are not lessons; snippets may only include CONTRIBUTING.md;
- drawings: SVG without script, event handlers, links or anything loaded from elsewhere;
- data (docs/_aide.yml): the same safe YAML; links are https, phone numbers are digits;
- practice screens (docs/<language>/lecons/_entrainement-<name>.yml): pasapas/model/practice.py.
- terminology (docs/<language>/_terminologie.yml): pasapas/model/terminology.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import yaml

from pasapas.checks import attribute_lists, terminology
from pasapas.checks.content_safety import BIDI_CONTROLS, link_findings
from pasapas.model import glossary, interface, practice
from pasapas.model.lesson import FrontMatterError, is_lesson, load_front_matter, split_front_matter
from pasapas.model.messages import problem
from pasapas.model.problems import Problem, read_text

PAGE_EXTENSIONS = {".md"}
PICTURE_EXTENSIONS = {".svg", ".png", ".jpg", ".jpeg"}
DATA_FILES = {"_aide.yml"}
INTERFACE_FILE = re.compile(r"[a-z]{2}(?:-[A-Za-z]+)?/" + re.escape(interface.FILE_NAME))
TERMINOLOGY_FILE = re.compile(r"[a-z]{2}(?:-[A-Za-z]+)?/" + re.escape(terminology.FILE_NAME))
#: Names: lower-case letters, digits and dashes; a leading '_' marks a file left out of
#: the site (templates, data).
FILE_NAME = re.compile(r"_?[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]+")
FOLDER_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_PAGE_BYTES = 100_000
MAX_PICTURE_BYTES = 100_000
#: Front-matter fields of pages that are not lessons.
PAGE_FIELDS = {"title", "description", "parcours", "search", "hide", "status_labels", "sources"}
#: Printed by the theme as they are, inside HTML attributes: no character of HTML there.
STRICT_TEXT_FIELDS = ("title", "description")
MARKUP = re.compile(r"<\s*[a-z/!?]|&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)
STRICT_MARKUP = re.compile(r'[<>"&]')
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}\s*(?P<target>.*)$")
ALLOWED_SNIPPET = re.compile(r"""^["']?CONTRIBUTING\.md(:[a-z]+)?["']?$""")

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = {
    "svg",
    "g",
    "path",
    "circle",
    "ellipse",
    "rect",
    "line",
    "polyline",
    "polygon",
    "title",
    "desc",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
    "mask",
    "use",
    "symbol",
}
SVG_LINK_ATTRIBUTES = {"href", "{http://www.w3.org/1999/xlink}href"}
PHONE = re.compile(r"\+?[0-9 ]{2,20}")


def check_docs(docs_dir: Path, part: Callable[[str], bool] = lambda top: True) -> list[Problem]:
    """Problems of every file and folder under docs/ (lessons' own rules excepted); with
    `part`, of those under the top-level names it accepts (a language's folder, say)."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir).as_posix()
        if not part(relative.split("/", 1)[0]):
            continue
        shown = f"docs/{relative}"
        if path.is_symlink():
            problems.append(problem(shown, 1, "file-symlink"))
            continue
        if any(parent.is_symlink() for parent in path.relative_to(docs_dir).parents if parent != Path(".")):
            continue  # reported once, on the link itself
        if path.is_dir():
            if not FOLDER_NAME.fullmatch(path.name):
                problems.append(problem(shown, 1, "file-name.2", name=path.name))
            continue
        problems += check_file(path, relative, shown)
    return problems


def check_file(path: Path, relative: str, shown: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if not FILE_NAME.fullmatch(path.name):
        return [problem(shown, 1, "file-name", name=path.name)]
    if relative in DATA_FILES:
        return check_data_file(path, shown)
    if INTERFACE_FILE.fullmatch(relative):
        return check_interface_file(path.parent.parent, relative.split("/")[0], shown)
    if practice.is_practice_file(relative):
        return check_practice_file(path.parent.parent.parent, relative, shown)
    if TERMINOLOGY_FILE.fullmatch(relative):
        return terminology.file_problems(path.parent.parent, relative.split("/")[0], shown)
    if suffix not in PAGE_EXTENSIONS | PICTURE_EXTENSIONS:
        return [problem(shown, 1, "file-type", value=suffix or path.name)]
    size = path.stat().st_size
    limit = MAX_PAGE_BYTES if suffix in PAGE_EXTENSIONS else MAX_PICTURE_BYTES
    if size > limit:
        return [problem(shown, 1, "file-size", value=size // 1000, value2=limit // 1000)]
    if suffix == ".svg":
        return check_svg(path, shown)
    if suffix == ".md":
        return check_page(path, relative, shown)
    return []


# --- Practice screens ------------------------------------------------------------------------


def check_practice_file(docs_dir: Path, relative: str, shown: str) -> list[Problem]:
    language, _, name = relative.split("/")
    try:
        practice.read_practice(docs_dir, language, name.removeprefix(practice.FILE_PREFIX).removesuffix(".yml"))
    except practice.PracticeError as error:
        return [problem(error.path, error.line, error.key, **error.values)]
    return []


# --- Pages ------------------------------------------------------------------------------------


def check_page(path: Path, relative: str, shown: str) -> list[Problem]:
    lesson = is_lesson(relative)
    text, problems = read_text(path, shown)
    if text is None:
        return [] if lesson else problems  # the lesson checker says it, with lesson hints
    try:
        meta, body, body_line = split_front_matter(text)
    except FrontMatterError as error:
        if lesson:
            return []  # the lesson checker says it, with lesson hints
        return [
            Problem(
                shown,
                error.line,
                error.rule,
                error.message,
                error.hint,
            )
        ]
    if not lesson and not PurePosixPath(relative).name.startswith("_"):
        if not isinstance(meta.get("title"), str) or not meta["title"].strip():
            # Without it, the theme would take the first heading's text, markup and all,
            # into <title> and the menu.
            problems.append(problem(shown, 1, "field-missing.2"))
        labels = meta.get("status_labels", {})
        if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
            problems.append(problem(shown, field_line(text, "status_labels"), "field-type.4"))
        for name in meta:
            if name not in PAGE_FIELDS:
                problems.append(
                    problem(shown, field_line(text, name), "field-unknown.2", name=name, list=", ".join(sorted(PAGE_FIELDS)))
                )
    problems += check_plain_text(meta, text, shown)
    problems += attribute_lists.problems(body, shown, body_line, PurePosixPath(relative).name == glossary.GLOSSARY_PAGE)
    if PurePosixPath(relative).name == glossary.GLOSSARY_PAGE:
        try:
            glossary.parse_glossary(text, shown)
        except glossary.GlossaryError as error:
            where = re.match(r".*?:(\d+): (.*)$", str(error))
            problems.append(
                problem(
                    shown, int(where.group(1)) if where else 1, "glossary-term", message=where.group(2) if where else str(error)
                )
            )
    for number, line in enumerate(text.splitlines(), start=1):
        snippet = SNIPPET.match(line)
        if snippet and not ALLOWED_SNIPPET.match(snippet.group("target").strip()):
            problems.append(problem(shown, number, "snippet-not-allowed"))
    return problems


def field_line(text: str, name: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*-?\s*{re.escape(name)}\s*:", line):
            return number
    return 1


def check_plain_text(meta: dict, text: str, shown: str) -> list[Problem]:
    """Front matter is data: plain text, never markup; title and description, which the
    theme prints inside HTML attributes, not even a double quote."""
    problems = []
    for name, value in meta.items():
        for string in strings_in(value):
            if MARKUP.search(string) or CONTROL.search(string):
                problems.append(problem(shown, field_line(text, name), "field-markup", name=name))
            elif name in STRICT_TEXT_FIELDS and STRICT_MARKUP.search(string):
                problems.append(
                    problem(
                        shown, field_line(text, name), "field-markup.3", name=name, group=STRICT_MARKUP.search(string).group()
                    )
                )
            if BIDI_CONTROLS.search(string):
                problems.append(problem(shown, field_line(text, name), "text-bidi-control", name=name))
    return problems


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


# --- Drawings ---------------------------------------------------------------------------------


def check_svg(path: Path, shown: str) -> list[Problem]:
    text, problems = read_text(path, shown)
    if text is None:
        return problems
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return [problem(shown, 1, "svg-unsafe.2")]
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return [problem(shown, error.position[0], "svg-invalid")]
    found = []
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NAMESPACE).lower() if isinstance(element.tag, str) else ""
        if name not in SVG_ELEMENTS:
            found.append(f"the element <{name or '?'}>")
        for attribute, value in element.attrib.items():
            local = attribute.split("}")[-1].lower()
            if local.startswith("on"):
                found.append(f"the event attribute '{local}'")
            elif attribute in SVG_LINK_ATTRIBUTES and not value.strip().startswith("#"):
                found.append(f"a link to '{value[:40]}'")
            elif re.search(r"url\s*\(\s*['\"]?\s*(?!#)", value, re.IGNORECASE) or "@import" in value.lower():
                found.append(f"a reference to another file in '{local}'")
    return [problem(shown, 1, "svg-unsafe", item=item) for item in dict.fromkeys(found)]


# --- Data -------------------------------------------------------------------------------------


def check_interface_file(docs_dir: Path, language: str, shown: str) -> list[Problem]:
    text, problems = read_text(docs_dir / language / interface.FILE_NAME, shown)
    if text is None:
        return problems
    try:
        interface.read_interface(docs_dir, language)
    except interface.InterfaceError as error:
        where = re.match(r"\S+?:(\d+): ", str(error))
        message = str(error).split(": ", 1)[1] if where else str(error).removeprefix(shown + " ")
        return [problem(shown, int(where.group(1)) if where else 1, "interface-strings.2", message=message)]
    return []


def check_data_file(path: Path, shown: str) -> list[Problem]:
    text, problems = read_text(path, shown)
    if text is None:
        return problems
    try:
        data = load_front_matter(text) if len(text) < 200_000 else None
    except FrontMatterError as error:
        return [Problem(shown, error.line + 1, error.rule, error.message, error.hint)]
    except (yaml.YAMLError, ValueError, TypeError) as error:
        mark = getattr(error, "problem_mark", None)
        return [problem(shown, mark.line + 1 if mark else 1, "data-yaml.2")]
    if not isinstance(data, list):
        return [problem(shown, 1, "data-yaml")]
    for entry in data:
        if not isinstance(entry, dict):
            problems.append(problem(shown, 1, "data-yaml.3"))
            continue
        line = field_line(text, "id") if "id" not in entry else data_line(text, f"id: {entry['id']}")
        if "link" in entry:
            link = str(entry["link"])
            findings = link_findings(link) if link.lower().startswith("https://") else [None]
            if findings:
                problems.append(problem(shown, data_line(text, link), "data-link", value=link[:60]))
        if "phone" in entry and not PHONE.fullmatch(str(entry["phone"])):
            problems.append(problem(shown, data_line(text, str(entry["phone"])), "data-phone", phone=entry["phone"]))
        for string in strings_in(entry):
            if MARKUP.search(string) or CONTROL.search(string) or BIDI_CONTROLS.search(string):
                problems.append(problem(shown, data_line(text, string[:20]) or line, "field-markup.2"))
    return problems


def data_line(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1
