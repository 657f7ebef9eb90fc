"""Start a lesson, or the translation of one, from the template.

    pasapas lesson new SLUG "Title" [--parcours "Communiquer"] (make lesson)
    pasapas lesson translate ar SLUG                             (make lesson-translation)

`make` passes SLUG, TITLE, PARCOURS and LANGUAGE through the environment (LESSON_SLUG…), never through
a shell command line: a title is text, whatever characters it holds.

A new lesson is written in French (the source) from docs/fr/lecons/_modele.md with
today's date and its learning path (`parcours:`, one of the sections of `nav:` in
mkdocs.yml, which itself is left as it is); nothing else. Until it is
translated, readers of other languages see a "not translated yet" notice linking to the
French. A translation starts from the finished French: the same steps, ids, images and
links, the French text in place, marked `translation: todo` until it is translated and
stamped (never published as a translation before that).
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import sys
from datetime import date
from pathlib import Path

import yaml

from pasapas.checks.files import CONTROL, STRICT_MARKUP
from pasapas.model.languages import configured_languages
from pasapas.model.learning_paths import FIELD as PARCOURS
from pasapas.model.learning_paths import known_paths
from pasapas.model.lesson import LESSONS_FOLDER, SOURCE_LANGUAGE, TRANSLATION_TODO, split_front_matter
from pasapas.project import ROOT  # noqa: E402

TEMPLATE = f"{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/_modele.md"
#: What the template says where the author must write; a translation waits until none is left.
TEMPLATE_MARKER = "À ÉCRIRE"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_TITLE = 120


class ScaffoldError(ValueError):
    pass


def placeholder(french_text: str) -> str:
    """The French text, marked as waiting for its translation."""
    return french_text.replace("\n---\n", f"\ntranslation: {TRANSLATION_TODO}\n---\n", 1)


def check_parcours(root: Path, parcours: str) -> None:
    paths = known_paths(root) or []
    if parcours not in paths:
        raise ScaffoldError(f"no learning path '{parcours}' in mkdocs.yml; choose one of: {', '.join(paths)}")


class PlainDumper(yaml.SafeDumper):
    """Front matter refuses YAML anchors and aliases: never write them."""

    def ignore_aliases(self, data):
        return True


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug or ""):
        raise ScaffoldError(f"'{slug}' is not a valid lesson name: use lowercase letters, digits and dashes, e.g. envoyer-un-sms")


def check_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ScaffoldError('the lesson needs a title, e.g. TITLE="Envoyer un SMS"')
    if len(title) > MAX_TITLE or STRICT_MARKUP.search(title) or CONTROL.search(title):
        raise ScaffoldError(
            f'the title must be plain words, at most {MAX_TITLE} characters, without < > " & (use « » for quotes)'
        )
    return title


def with_front_matter(text: str, changes: dict, today: date) -> str:
    """The template with its front matter changed, written by a YAML emitter: a title
    with ' : ', quotes or a '#' stays one line of text."""
    meta, body, _ = split_front_matter(text)
    meta = copy.deepcopy(meta)  # the parsed front matter is shared and read-only
    meta.update(changes)
    meta["last_checked"] = today
    for source in meta.get("sources") or []:
        source["consulted"] = today
    emitted = yaml.dump(meta, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return f"---\n{emitted}---\n{body}"


def new_lesson(root: Path, slug: str, title: str, parcours: str, today: date) -> list[Path]:
    check_slug(slug)
    title = check_title(title)
    docs = root / "docs"
    french = docs / SOURCE_LANGUAGE / LESSONS_FOLDER / f"{slug}.md"
    if french.exists():
        raise ScaffoldError(f"docs/{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{slug}.md already exists")
    check_parcours(root, parcours)
    text = with_front_matter((docs / TEMPLATE).read_text(encoding="utf-8"), {"title": title, PARCOURS: parcours}, today)
    text = text.replace("\n# À ÉCRIRE\n", f"\n# {title}\n", 1)
    french.write_text(text, encoding="utf-8")
    return [french]


def start_translation(root: Path, language: str, slug: str) -> Path:
    check_slug(slug)
    if language not in configured_languages(root) or language == SOURCE_LANGUAGE:
        others = [code for code in configured_languages(root) if code != SOURCE_LANGUAGE]
        raise ScaffoldError(f"'{language}' is not a language of the site; choose one of: {', '.join(others)}")
    docs = root / "docs"
    french = docs / SOURCE_LANGUAGE / LESSONS_FOLDER / f"{slug}.md"
    if not french.exists():
        raise ScaffoldError(f"there is no French lesson docs/{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{slug}.md")
    french_text = french.read_text(encoding="utf-8")
    unfinished = [n for n, line in enumerate(french_text.splitlines(), 1) if TEMPLATE_MARKER in line]
    if unfinished:
        raise ScaffoldError(
            f"the French lesson is not finished yet ('{TEMPLATE_MARKER}' on line {unfinished[0]} of "
            f"docs/{SOURCE_LANGUAGE}/{LESSONS_FOLDER}/{slug}.md): a translation starts from the finished French"
        )
    target = docs / language / LESSONS_FOLDER / f"{slug}.md"
    if target.exists():
        raise ScaffoldError(
            f"docs/{language}/{LESSONS_FOLDER}/{slug}.md already exists. To bring it up to date with the French, "
            f"see what changed with: .venv/bin/pasapas translations diff {language} {slug} — then edit it and run: "
            f".venv/bin/pasapas translations stamp docs/{language}/{LESSONS_FOLDER}/{slug}.md"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(placeholder(french_text), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start a lesson or a translation from the template.")
    environment = os.environ
    parser.add_argument(
        "--translate",
        metavar="LANG",
        default=environment.get("LESSON_LANGUAGE") or None,
        help="start the LANG translation of an existing lesson (or LANGUAGE=…)",
    )
    parser.add_argument(
        "slug",
        nargs="?",
        default=environment.get("LESSON_SLUG", ""),
        help="file name of the lesson, without .md, e.g. envoyer-un-sms (or SLUG=…)",
    )
    parser.add_argument(
        "title", nargs="?", default=environment.get("LESSON_TITLE"), help="title of the new lesson, in French (or TITLE=…)"
    )
    parser.add_argument(
        "--parcours",
        default=environment.get("LESSON_PARCOURS") or "Premiers pas",
        help="learning path, as the menu shows it in French (a section of nav: in mkdocs.yml)",
    )
    arguments = parser.parse_args(argv)
    try:
        if arguments.translate:
            created = [start_translation(ROOT, arguments.translate, arguments.slug)]
        else:
            if not arguments.title:
                parser.error('give the lesson\'s title, e.g. make lesson SLUG=envoyer-un-sms TITLE="Envoyer un SMS"')
            created = new_lesson(ROOT, arguments.slug, arguments.title, arguments.parcours, date.today())
    except ScaffoldError as error:
        print(f"Cannot create the lesson: {error}.", file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path.relative_to(ROOT)}")
    if arguments.translate:
        shown = created[0].relative_to(ROOT).as_posix()
        print(
            "Next: translate the text of each step and section (keep the {#ids}, images and links; keep the French "
            "words shown on screen as **…**{lang=fr}), then run: .venv/bin/pasapas translations stamp "
            f"{shown} — and 'make lint' to check it."
        )
    else:
        print("Next: write every 'À ÉCRIRE', then run 'make serve' to look at it and 'make lint' to check it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
