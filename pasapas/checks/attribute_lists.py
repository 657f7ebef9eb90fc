"""Markdown attribute lists (`{: … }`, `**mot**{lang=fr}`) may set only what the lesson
model needs: a heading's or a glossary term's `#id`, the known classes, `lang` and `dir`
(and a glossary term's `data-forms`). Anything else — an `href` that replaces a link's
address under a reassuring text, a `style`, an `on…` handler — is refused at its line.

The tokens are read as Python-Markdown's attr_list reads them: a bare word is an
attribute too (`{date}` sets date="date").
"""

from __future__ import annotations

import re

from pasapas.model.messages import problem
from pasapas.model.problems import Problem

#: Classes the lesson model and the theme give a meaning to.
KNOWN_CLASSES = frozenset({"voir"})
#: name -> the values it may take (None: any plain value).
ALLOWED = {"lang": re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*"), "dir": re.compile(r"ltr|rtl|auto")}
GLOSSARY_ONLY = {"data-forms"}
ID = re.compile(r"[\w-]+")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
#: An attribute list as attr_list applies it: at the end of a line (a block, a heading, a
#: definition term), or right after an inline element (`**…**{…}`, `[…](…){…}`).
ATTRIBUTE_LIST = re.compile(r"(?:(?<=[*_)\]`])\{(?P<inline>[^{}\n]*)\})|(?:\{:?(?P<block>[^{}\n]*)\}\s*$)")
#: Something written as an attribute list (`{lang=fr}`, `{#id}`, `{: .voir}`) wherever it is.
WRITTEN_AS_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?:[#.][\w-]|(?:lang|dir)=)[^{}\n]*\}")
#: Where attr_list applies one: right after an inline element, alone on its line (the block
#: above it), or at the end of a heading.
APPLIED_INLINE = frozenset("*_)]`")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
DEFINITION = re.compile(r"^:\s")
TOKEN = re.compile(r"""(?P<name>[^\s=}]+)(?:=(?P<value>"[^"]*"|'[^']*'|[^\s}]*))?""")
HINT = (
    "An attribute list may only give a heading its #id, a paragraph the class .voir, and words "
    "lang=… (e.g. {lang=fr}) or dir=…: remove the rest."
)


def problems(body: str, shown: str, first_line: int = 1, is_glossary: bool = False) -> list[Problem]:
    """The refused attribute lists of a page's `body` (after its front matter, which
    starts at line `first_line`)."""
    found: list[Problem] = []
    in_fence = False
    lines = body.splitlines()
    for index, line in enumerate(lines):
        number = index + first_line
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        without_code = INLINE_CODE.sub("``", line)
        for written in WRITTEN_AS_ATTRIBUTE_LIST.finditer(without_code):
            if not applied(without_code, written, next_text(lines, index)):
                found.append(problem(shown, number, "attribute-list-shown", written=written.group()))
        for match in ATTRIBUTE_LIST.finditer(without_code):
            body = match.group("inline") if match.group("inline") is not None else match.group("block")
            body = body.strip().removeprefix(":")  # '{: …}' after an inline element too
            for refused in refused_tokens(body, is_glossary):
                found.append(problem(shown, number, "attribute-not-allowed", refused=refused))
    return found


def next_text(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1 :] if line.strip()), "")


def applied(line: str, written: re.Match, following: str) -> bool:
    """Whether Python-Markdown's attr_list applies what is written at `written`; if not,
    the learner reads '{lang=fr}' on the page. `following` is the next line with text."""
    before, after = line[: written.start()], line[written.end() :]
    if before[-1:] in APPLIED_INLINE:
        return True
    if after.strip():
        return False
    # Alone on its line (the block above), or ending a heading or a definition list's term.
    return not before.strip() or bool(HEADING.match(line)) or bool(DEFINITION.match(following))


def refused_tokens(body: str, is_glossary: bool) -> list[str]:
    refused = []
    for token in TOKEN.finditer(body.strip()):
        name, value = token.group("name"), token.group("value")
        if value is None and name.startswith("#"):
            if not ID.fullmatch(name[1:]):
                refused.append(f"the id '{name}'")
        elif value is None and name.startswith("."):
            if name[1:] not in KNOWN_CLASSES:
                refused.append(f"the class '{name}'")
        elif name in ALLOWED and value is not None:
            plain = value.strip("\"'")
            if not ALLOWED[name].fullmatch(plain):
                refused.append(f"{name}={value}")
        elif name in GLOSSARY_ONLY and value is not None and is_glossary:
            continue
        else:
            refused.append(f"'{name}'" + (f"={value}" if value is not None else ""))
    return refused
