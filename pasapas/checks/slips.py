"""Slips of the web editor, each said once, at the line to fix:

- a lesson that names no learning path, or one that does not exist (`parcours:`);
- a step heading at the wrong level (it is no longer shown as a step, or as a part);
- a misspelt step id (`{#etape3}`, `{#Etape-3}`, `{#etape-03}`, `{#step-3}`), said at
  that step, not as "renumber" on every step after it (pasapas/checks/lessons.py counts it);
- an address written as plain text instead of a link;
- words of the screen written without bold or « », after "cliquez sur…", when the
  lesson writes the same words in bold elsewhere (a warning: a heuristic);
- a box (`!!! helper`, `??? question`…) with nothing indented under it: empty, or its
  text, a quiz answer included, shown outside it in clear.

Every message and hint is in pasapas/model/messages.yml, with all the checks' messages.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter

from pasapas.model import learning_paths
from pasapas.model.lesson import SECTIONS, SOURCE_LANGUAGE, STEP_ID, Heading, Lesson


def report(check, line: int, key: str, **values) -> None:
    check.say(line, key, **values)


def check(check) -> None:
    """The slips of one lesson (a LessonCheck of pasapas/checks/lessons.py)."""
    check_learning_path(check)
    check_step_levels(check)
    check_bare_addresses(check)
    check_boxes(check)
    if check.language in SCREEN_ACTIONS:
        check_screen_words(check)


# --- Learning path -------------------------------------------------------------------------


def check_learning_path(check) -> None:
    """A French lesson names its path; a translation follows the French (it may repeat it)."""
    meta = check.lesson.meta
    if check.language != SOURCE_LANGUAGE:
        if check.french is not None and learning_paths.FIELD in meta:
            mine, french = meta.get(learning_paths.FIELD), check.french.meta.get(learning_paths.FIELD)
            if mine != french:
                report(check, check.field_line(learning_paths.FIELD), "parcours-translation", mine=mine, french=french)
        return
    paths = check.site.learning_paths
    if paths is None or not meta:  # no site configuration to read paths from; no front matter (said already)
        return
    listed = ", ".join(paths)
    if learning_paths.FIELD not in meta:
        report(check, 1, "parcours-missing", paths=listed)
        return
    named = learning_paths.named_path(meta)
    value = meta[learning_paths.FIELD]
    from pasapas.checks.lessons import TEMPLATE_MARKER  # here: lessons.py imports this module

    if named not in paths and TEMPLATE_MARKER not in str(value):  # the template's line lists the paths
        guess = difflib.get_close_matches(str(value), paths, n=1, cutoff=0.6)
        report(
            check,
            check.field_line(learning_paths.FIELD),
            "parcours-unknown",
            value=value,
            paths=listed,
            guess=f" Did you mean '{guess[0]}'?" if guess else "",
        )


# --- Steps ----------------------------------------------------------------------------------

#: What a step id looks like once accents, capitals and separators are set aside: the
#: French word, or the word a translator may have put in its place.
STEP_LIKE_ID = re.compile(r"^(?:etape|step|خطوة)[\s_.-]*0*(?P<number>\d+)$")


def misspelt_step_number(heading_id: str | None) -> int | None:
    """The number of a step id written another way than `etape-N` (None when it is right,
    or no step id at all)."""
    if not heading_id:
        return None
    plain = "".join(c for c in unicodedata.normalize("NFKD", heading_id) if not unicodedata.combining(c)).casefold()
    match = STEP_LIKE_ID.match(plain)
    if match is None or heading_id == f"etape-{int(match['number'])}":
        return None
    return int(match["number"])


def steps_region(lesson: Lesson) -> tuple[int, int] | None:
    """The lines of the steps section: from its heading to the next section of a lesson
    (a step written '## …' starts no section)."""
    start = lesson.sections.get("etapes")
    if start is None:
        return None
    after = [h.line for h in lesson.headings if h.level == 2 and h.line > start.line and h.id in SECTIONS]
    return start.line, min(after, default=10**9)


def misspelt_steps(lesson: Lesson) -> list[tuple[Heading, int]]:
    """(heading, number) of each heading of the steps section whose id is a misspelt step id."""
    region = steps_region(lesson)
    if region is None:
        return []
    return [
        (h, number)
        for h in lesson.headings
        if region[0] < h.line < region[1] and (number := misspelt_step_number(h.id)) is not None
    ]


def written_step_numbers(lesson: Lesson) -> set[int]:
    """The numbers of every step heading of the steps section, those the parser does not take
    for steps included (a misspelt id, a step written '## …'): each is said at its line, and
    a source or a live check that names it is right."""
    region = steps_region(lesson)
    if region is None:
        return set()
    numbers = (step_number(heading) for heading in lesson.headings if region[0] < heading.line < region[1])
    return {number for number in numbers if number is not None}


def has_unparsed_steps(lesson: Lesson) -> bool:
    """Whether a step heading of the lesson is not taken for a step (said at its line)."""
    return written_step_numbers(lesson) != {step.number for step in lesson.steps}


def check_step_levels(check) -> None:
    """The steps of a lesson are headings of one level: '###' under '## … {#etapes}', or '####'
    under parts ('### Sur un téléphone'). A step at another level is a section ('##': no
    longer a step, nor the steps after it), a part, or a step inside a step."""
    region = steps_region(check.lesson)
    if region is None:
        return
    headings = [h for h in check.lesson.headings if region[0] < h.line < region[1]]
    steps = [(h, number) for h in headings if (number := step_number(h)) is not None]
    if not steps:
        return
    usual = Counter(h.level for h, _ in steps).most_common(1)[0][0]  # a tie: the first step's level
    level_before = dict(zip([h.line for h in headings], [2] + [h.level for h in headings], strict=False))
    for heading, number in steps:
        if heading.level == usual or heading.level > level_before[heading.line] + 1:  # a jumped level: heading-skip says it
            continue
        report(check, heading.line, "step-level", number=number, hashes="#" * heading.level, expected="#" * usual)


def step_number(heading: Heading) -> int | None:
    """The number of a step heading, its id right or misspelt; None for another heading."""
    exact = STEP_ID.match(heading.id or "")
    return int(exact.group(1)) if exact else misspelt_step_number(heading.id)


# --- Addresses ------------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
#: What is not plain text: a link or an image (an address as a link's text is link-text's
#: business), an autolink, a reference definition, and quoted words (« https://caf-aides.info »,
#: a fake address shown on purpose, never a link).
NOT_PLAIN = re.compile(
    r"!?\[[^\]\n]*\]\([^)\n]*\)|<(?:https?://|www\.)[^>\s]*>|«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"|^\s*\[[^\]]+\]:\s.*$"
)
ADDRESS = re.compile(r"(?<![\w/@.-])(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?»”\"']", re.IGNORECASE)


def body_lines(check):
    """(line, text) of the lesson's body outside code blocks, inline code blanked."""
    in_fence = False
    for number, line in enumerate(check.text.splitlines(), start=1):
        if number < check.body_start:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, INLINE_CODE.sub(lambda m: " " * len(m.group()), line)


def check_bare_addresses(check) -> None:
    for number, line in body_lines(check):
        if "://" not in line and "www." not in line.lower():  # most lines: nothing to look at
            continue
        for address in ADDRESS.finditer(NOT_PLAIN.sub(lambda m: " " * len(m.group()), line)):
            report(check, number, "url-bare", url=address.group())


# --- Boxes ----------------------------------------------------------------------------------

BOX = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)")
#: Boxes filled by the build, never by text under them.
FILLED_BY_THE_BUILD = ("practice",)
#: How far a box's text is indented (Python-Markdown's tab length).
BOX_INDENT = 4


def indentation(line: str) -> int:
    return len(line.expandtabs(BOX_INDENT)) - len(line.expandtabs(BOX_INDENT).lstrip())


def check_boxes(check) -> None:
    lines = list(body_lines(check))
    for index, (number, line) in enumerate(lines):
        box = BOX.match(line) if ("!!!" in line or "???" in line) else None
        if box is None or box["kind"] in FILLED_BY_THE_BUILD:
            continue
        marker = f"{box['marker']} {box['kind']}"
        following = next(((n, text) for n, text in lines[index + 1 :] if text.strip()), None)
        if following is not None and indentation(following[1]) >= indentation(line) + BOX_INDENT:
            continue
        text = following[1].strip() if following else ""
        if following is None or text.startswith("#") or BOX.match(text) or text.startswith("{:"):
            report(check, number, "box-empty", marker=marker)
        elif box["kind"] == "question":
            report(check, following[0], "answer-not-indented")
        else:
            report(check, following[0], "box-not-indented", marker=marker)


# --- Words of the screen --------------------------------------------------------------------

#: Per language, what comes right before the words of a button or a menu in a step: an
#: action on the screen. Only there are unmarked words taken for screen words.
SCREEN_ACTIONS = {
    "fr": r"(?:double-)?cliquez(?:\s+sur)?|appuyez(?:\s+sur)?|touchez|sélectionnez|choisissez|cochez",
    "en": r"(?:double-)?click(?:\s+on)?|tap(?:\s+on)?|press|select|choose|tick",
    "ar": r"(?:انقر|اضغط|المس)(?:\s+على)?|اختر",
}
#: Bold or « » words, and what the lesson marks otherwise (a link's text).
MARKED = re.compile(r"\*\*[^*\n]+?\*\*(?:\{[^}\n]*\})?|«[^«»\n]+?»|\[[^\]\n]*\]\([^)\n]*\)")


def check_screen_words(check) -> None:
    """Words a step names on screen (in bold or « » somewhere in the lesson) written
    after an action ("cliquez sur Envoyer") without bold."""
    labels = {words for step in check.lesson.steps for _, words in step.screen_words() if len(words) >= 2}
    if not labels:
        return
    action = SCREEN_ACTIONS[check.language]
    # Longest first: "Mot de passe oublié ?" before "Mot de passe".
    found = re.compile(
        rf"(?<!\w)(?i:{action})\s+(?P<words>{'|'.join(re.escape(w) for w in sorted(labels, key=len, reverse=True))})(?!\w)"
    )
    for step in check.lesson.steps:
        for offset, line in enumerate(step.body):
            if line.lstrip().startswith("#"):
                continue
            plain = MARKED.sub(lambda m: " " * len(m.group()), INLINE_CODE.sub(lambda m: " " * len(m.group()), line))
            for match in found.finditer(plain):
                report(check, step.line + 1 + offset, "screen-words-unmarked", words=match["words"])
