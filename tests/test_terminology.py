"""One word per notion: a word from a language's avoid list (docs/<language>/_terminologie.yml)
is a warning at its line, with the word to use; the file itself is a contributor's and is
checked like one (path:line, never a traceback)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pasapas.checks import terminology
from pasapas.checks.files import check_docs
from pasapas.checks.lessons import lint
from pasapas.model.terminology import read_terminology

ROOT = Path(__file__).resolve().parent.parent

ARABIC = """\
- french: courrier indésirable (spam)
  use: الرسائل المزعجة
  avoid:
    - البريد غير المرغوب فيه
- french: nom de famille
  use: اسم العائلة
  avoid:
    - لقب
  note: For a nickname, write «اسم مستعار».
- french: carte bancaire
  use: البطاقة البنكية
  avoid:
    - بطاقة مصرفية
- french: transférer
  use: حوِّل
  avoid:
    - إعادة توجيه
"""
ENGLISH = """\
- french: espace public numérique
  use: public computer room
  avoid:
    - public digital space
    - digital space
- french: se déconnecter
  use: log out
  avoid:
    - close your account
"""


def docs_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for language, text in (("ar", ARABIC), ("en", ENGLISH)):
        (docs / language).mkdir(parents=True, exist_ok=True)
        (docs / language / "_terminologie.yml").write_text(text, encoding="utf-8")
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def found(tmp_path: Path, pages: dict[str, str]) -> list[tuple[str, int, str]]:
    docs = docs_with(tmp_path, pages)
    return [(p.path, p.line, p.message.split("'")[1]) for p in terminology.check(docs, ["ar", "en"])]


def test_an_avoided_word_is_a_warning_at_its_line_whose_hint_names_the_word_to_use(tmp_path):
    docs = docs_with(tmp_path, {"ar/lecons/cv.md": "# السيرة الذاتية\n\nاكتب اسمك ولقبك.\n"})
    assert [str(p) for p in terminology.check(docs, ["ar"])] == [
        "docs/ar/lecons/cv.md:3: term-avoid (warning): 'لقب' is a word to avoid: the lessons say 'اسم العائلة' "
        "(nom de famille)\n"
        "    hint: Write 'اسم العائلة' instead, the one word every page uses for it. For a nickname, write «اسم مستعار». "
        "The list: docs/ar/_terminologie.yml."
    ]


def test_the_lesson_check_reports_it_as_a_warning_that_does_not_stop_the_build(tmp_path):
    docs = docs_with(tmp_path, {"en/aide.md": "---\ntitle: Help\n---\n\nAsk at a public digital space.\n"})
    problems = [p for p in lint(docs, ["en"]) if p.rule == "term-avoid"]
    assert [(p.path, p.line, p.severity) for p in problems] == [("docs/en/aide.md", 5, "warning")]


@pytest.mark.parametrize(
    "sentence",
    [
        "ضعها في البريد غير المرغوب فيه.",
        "ضعها في البريد غير المرغوب فيه.".replace("في البريد", "بالبريد"),  # ب + ال
        "انظر والبريد غير المرغوب فيه.",  # و + ال
        "انظر للبريد غير المرغوب فيه.",  # ل + ال = لل
        "انظر فبريد غير مرغوب فيه.",  # ف, no article on any word
        "اكتب اسمك ولقبك.",  # و, and an attached pronoun
        "لا تكتب لَقَبًا.",  # vowel marks and the alif of the tanwin
        "ضع بطاقتك المصرفية جانبًا.",  # ة becomes ت before a pronoun
        "لا تستعمل إعادة التوجيه.",  # the article on a later word
        "لا تستعمل اعادة توجيه.",  # written without the hamza
        "لا تستعمل إعــادة توجيه.",  # tatweel
    ],
)
def test_arabic_words_are_found_with_their_prefixes_article_pronouns_and_vowel_marks(tmp_path, sentence):
    assert len(found(tmp_path, {"ar/aide.md": sentence + "\n"})) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "اضغط على **Courrier indésirable**{lang=fr}.",
        "اكتب `إعادة توجيه` كما هو.",  # code
        'الرسائل المزعجة { #pourriel data-forms="البريد غير المرغوب فيه" }',  # the glossary's other forms
        "[الدرس](https://example.org/إعادة-توجيه)",  # an address
        "هذا الملقب.",  # inside another word
        "مُلقَى في المصرفية",  # 'بطاقة مصرفية' needs both words
    ],
)
def test_arabic_text_in_code_labels_attributes_and_other_words_is_not_read(tmp_path, sentence):
    assert found(tmp_path, {"ar/aide.md": sentence + "\n"}) == []


def test_a_fenced_block_is_not_read(tmp_path):
    assert found(tmp_path, {"ar/aide.md": "```\nلقب\n```\nلقب\n"}) == [("docs/ar/aide.md", 4, "لقب")]


def test_english_ignores_case_and_a_plural_and_names_a_notion_once_per_line(tmp_path):
    page = "Ask at Public Digital Spaces.\nOr a digital space.\nClose your account when you leave.\nA digital spaceship.\n"
    assert found(tmp_path, {"en/lecons/x.md": page}) == [
        ("docs/en/lecons/x.md", 1, "public digital space"),
        ("docs/en/lecons/x.md", 2, "digital space"),
        ("docs/en/lecons/x.md", 3, "close your account"),
    ]


def test_each_language_is_checked_with_its_own_list_only(tmp_path):
    assert found(tmp_path, {"fr/aide.md": "لقب close your account\n", "en/x.md": "لقب\n"}) == []


def test_practice_files_interface_words_and_the_shared_help_data_are_read_in_their_language(tmp_path):
    practice = 'title: "x"\nscreens:\n  - task: "انقل الرسالة إلى البريد غير المرغوب فيه."\n'
    help_data = (
        "- id: epn\n"
        "  ar:\n    name: لقب\n"
        "  en:\n    name: Public digital spaces\n    how: Ask.\n"
        "  fr:\n    name: Close your account\n"
    )
    assert found(tmp_path, {"ar/lecons/_entrainement-x.yml": practice, "_aide.yml": help_data}) == [
        ("docs/ar/lecons/_entrainement-x.yml", 3, "البريد غير المرغوب فيه"),
        ("docs/_aide.yml", 3, "لقب"),
        ("docs/_aide.yml", 5, "public digital space"),
    ]


def test_a_language_without_a_terminology_file_is_not_checked(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en/aide.md").write_text("A public digital space.\n", encoding="utf-8")
    assert terminology.check(docs, ["en"]) == []


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("- french: x\n  use: y\n  avoid: [z]\n  prefer: w\n", 4, "unknown field 'prefer' (known: avoid, french, note, use)"),
        ("- french: x\n  use: y\n", 1, "this notion has no avoid"),
        ("- french: x\n  use: [y]\n  avoid: [z]\n", 2, "'use' must be a text"),
        ("- french: x\n  use: y\n  avoid: z\n", 3, "'avoid' must be a list of words, each on a line starting with '- '"),
        ("- french: x\n  use: y\n  avoid:\n    - 12\n", 4, "'avoid' must be a text"),
        ("- french: x\n  use: y\n  avoid: []\n", 3, "'avoid' must be a list of words, each on a line starting with '- '"),
        ("french: x\n", 1, "the file must be a list of notions, each starting with '- french:'"),
        ("- just a word\n", 1, "each notion is a group of lines: 'french:', 'use:', 'avoid:' (and 'note:')"),
        ("- french: x\n  use: y\n  avoid: [z]\n  use: w\n", 4, "the field 'use' is written twice"),
        (
            "- french: x\n  use: box router\n  avoid:\n    - box\n",
            4,
            "'box' is found in the word to use, 'box router': every use of it would be a warning",
        ),
        ("- french: x\n  use: y\n  avoid: [z]\n- french: v\n  use: w\n  avoid: [Z]\n", 4, "'Z' is already avoided for 'y'"),
        ("- french: x\n  use: [y\n", 3, "this is not valid YAML: expected ',' or ']', but got '<stream end>'"),
        ("- &a\n  french: x\n", 1, "'&' and '*' (YAML anchors and aliases) are not allowed"),
    ],
)
def test_a_broken_terminology_file_is_an_error_at_its_line_not_a_traceback(tmp_path, text, line, message):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en/_terminologie.yml").write_text(text, encoding="utf-8")
    (docs / "en/aide.md").write_text("---\ntitle: Help\n---\n\nbox\n", encoding="utf-8")
    assert [str(p) for p in check_docs(docs)] == [
        f"docs/en/_terminologie.yml:{line}: terminology-file: {message}\n"
        "    hint: Each notion is '- french: …', 'use: …' and 'avoid:' with one '- word' a line (and an optional "
        "'note: …'); compare with docs/ar/_terminologie.yml."
    ]
    assert terminology.check(docs, ["en"]) == []  # the pages are checked once the file is fixed


def test_the_site_terminology_files_are_valid_and_hold_the_agreed_notions():
    uses = {language: {n.use: n.avoid for n in read_terminology(ROOT / "docs", language)} for language in ("ar", "en")}
    assert "البريد غير المرغوب فيه" in uses["ar"]["الرسائل المزعجة"]
    assert "إعادة توجيه" in uses["ar"]["حوِّل / تحويل"]
    assert "لقب" in uses["ar"]["اسم العائلة"]
    assert "المصرفية" in uses["ar"]["البنكية"]
    assert "آلة التصوير" in uses["ar"]["الكاميرا"]
    assert "خطاب" in uses["ar"]["رسالة بالبريد"]
    assert "إغلاق حسابك" in uses["ar"]["تسجيل الخروج"]
    assert "لا شيء عليك" in uses["ar"]["لا تحتاج إلى فعل أي شيء"]
    assert {"مهني مؤهَّل", "شخص مهني"} <= set(uses["ar"]["موظف معتمد"])
    assert "الفضاءات الرقمية العامة" in uses["ar"]["فضاء رقمي عمومي"]
    assert "public digital space" in uses["en"]["public computer room (espace public numérique)"]
    assert "procedure" in uses["en"]["paperwork / official forms online"]
    assert {"home box", "internet box"} <= set(uses["en"]["home broadband router (the 'box')"])
    assert "close your account" in uses["en"]["log out"]
    assert [str(p) for p in check_docs(ROOT / "docs") if "_terminologie" in p.path] == []


FAST = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
YAML_PIECES = st.sampled_from(
    [
        "- ",
        "french: ",
        "use: ",
        "avoid:",
        "note: ",
        "\n",
        "  ",
        "    - ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "لقب",
        "ال",
        "'",
        '"',
        ":",
        "#",
    ]
)


@FAST
@given(st.lists(YAML_PIECES | st.text(max_size=10), max_size=30).map("".join), st.text(max_size=60))
def test_the_terminology_check_never_raises_on_any_file_or_page(text, page):
    docs = Path(tempfile.mkdtemp())
    try:
        (docs / "ar").mkdir()
        (docs / "ar/_terminologie.yml").write_text(text, encoding="utf-8", errors="surrogatepass")
        (docs / "ar/aide.md").write_text(page, encoding="utf-8", errors="surrogatepass")
        check_docs(docs)
        terminology.check(docs, ["ar"])
    finally:
        shutil.rmtree(docs)
