"""Whatever a stranger writes under docs/, the checkers answer with messages, never with
a traceback: property-based tests feed them arbitrary front matter, Markdown, drawings,
data and HTML."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pasapas.checks.content_safety import find_unsafe, finding, sanitise
from pasapas.checks.files import check_docs
from pasapas.checks.lessons import lint
from pasapas.model.lesson import FrontMatterError, parse_lesson

FIELDS = [
    "title",
    "description",
    "level",
    "duration",
    "objectives",
    "keywords",
    "prerequisites",
    "devices",
    "digcomp",
    "mediation",
    "theme",
    "demarche",
    "last_checked",
    "sources",
    "translation",
    "parcours",
    "url",
    "consulted",
    "supports",
    "steps",
    "live_checks",
    "date",
    "by",
    "note",
    "aligned_with",
    "spelling_only",
    "etape-1",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        ["debutant", "ordinateur", "2.1", "lecons/x", "https://www.caf.fr/", "todo", "fr-0123456789", "abcdef=012345"]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELDS) | st.integers(), children, max_size=3)
    ),
    max_leaves=10,
)
FRONT_MATTER_DATA = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6) | st.integers() | st.none(), VALUES, max_size=8)
RAW_FRONT_MATTER = st.text(alphabet=st.sampled_from(list("abc:- []{}&*!|>'\"\n\t#0123456789é,.?%@`~")), max_size=120)
MARKDOWN_PIECES = st.sampled_from(
    [
        "# Titre\n",
        "## Étapes {#etapes}\n",
        "## A {#apprendre}\n",
        "#### Étape 1 : x {#etape-1}\n",
        "#### Étape 3 {#etape-3}\n",
        "**Vous voyez :** x.\n{: .voir }\n",
        '??? question "Q ?"\n    R.\n',
        "![](images/x.svg)\n",
        "![a](https://x.org/a.png)\n",
        "[ici](javascript:x)\n",
        "<script>x</script>\n",
        "<scr\nipt>\n",
        "```\n",
        "`code`",
        "{: onclick=x }\n",
        "[a][b]\n\n[b]: http://x\n",
        "\u202e",
        "Cliquez, tapez, ouvrez, validez.\n",
        "RSA ",
        "À ÉCRIRE\n",
        "---\n",
        "\x00",
        "\r\n",
    ]
)
MARKDOWN = st.lists(MARKDOWN_PIECES | st.text(max_size=30), max_size=15).map("".join)
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def front_matter_text(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, default_flow_style=False, sort_keys=False)
    except yaml.YAMLError:
        return "title: x\n"


def lint_one_lesson(front: str, body: str) -> None:
    docs = Path(tempfile.mkdtemp())
    try:
        for language in ("fr", "en"):
            folder = docs / language / "lecons"
            folder.mkdir(parents=True)
            (folder / "exemple.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8", errors="surrogatepass")
        lint(docs)
    finally:
        shutil.rmtree(docs)


@FAST
@given(FRONT_MATTER_DATA, MARKDOWN)
def test_the_lesson_checker_never_raises_on_any_front_matter_data(data, body):
    lint_one_lesson(front_matter_text(data), body)


@FAST
@given(RAW_FRONT_MATTER, MARKDOWN)
def test_the_lesson_checker_never_raises_on_any_front_matter_text(front, body):
    lint_one_lesson(front + "\n", body)


@FAST
@given(RAW_FRONT_MATTER | FRONT_MATTER_DATA.map(front_matter_text), MARKDOWN)
def test_the_lesson_model_reads_or_refuses_with_a_message(front, body):
    try:
        parse_lesson(f"---\n{front}\n---\n{body}", "fr/lecons/x.md")
    except FrontMatterError as error:
        assert error.rule.startswith("front-matter") and error.line >= 1


@FAST
@given(st.text(max_size=300) | MARKDOWN.map(lambda m: "<svg xmlns='http://www.w3.org/2000/svg'>" + m), st.text(max_size=200))
def test_the_docs_checker_never_raises_on_any_drawing_or_data(svg, data):
    docs = Path(tempfile.mkdtemp())
    try:
        (docs / "fr").mkdir()
        (docs / "fr" / "dessin.svg").write_text(svg, encoding="utf-8", errors="surrogatepass")
        (docs / "_aide.yml").write_text(data, encoding="utf-8", errors="surrogatepass")
        (docs / "fr" / "page.md").write_text(f"---\n{data}\n---\n", encoding="utf-8", errors="surrogatepass")
        check_docs(docs)
    finally:
        shutil.rmtree(docs)


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "a",
                "href=",
                '"',
                "'",
                "javascript:",
                "&#x61;",
                "<script",
                "</",
                "=",
                " ",
                "on",
                "img",
                "src",
                "//",
                "<!--",
                "-->",
                "<![CDATA[",
                "\u202e",
                "https://bit.ly/x",
            ]
        )
        | st.text(max_size=8),
        max_size=40,
    ).map("".join)
)
def test_the_content_check_and_the_sanitiser_never_raise(html):
    find_unsafe(html)
    cleaned = sanitise(html)
    assert "<script" not in cleaned.lower()
    assert find_unsafe(cleaned) == [] or all(f.rule.startswith(("link", "text", "attribute-value")) for f in find_unsafe(cleaned))


def test_a_declaration_python_cannot_read_is_refused_with_a_message():
    # Found by the test above: Python 3.11's own HTML reader raised an AssertionError here.
    assert find_unsafe("Texte <![<") == [finding("html-not-allowed", "<!", written="<![<")]


def test_a_yaml_bomb_is_refused_quickly_without_eating_memory():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    started = date.today()
    try:
        parse_lesson(f"---\n{bomb}---\n# x\n", "fr/lecons/bombe.md")
    except FrontMatterError as error:
        assert error.rule == "front-matter-yaml" and "anchors" in error.message
    else:
        raise AssertionError("a YAML bomb was read")
    assert date.today() == started
