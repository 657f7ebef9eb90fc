"""The theme's own words (search, menus, landmarks) are right in every language: where
Material's translation is wrong, the language's _interface.yml corrects it in its `theme:`
block, and the built pages carry the correction, search results included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pasapas.checks.files import check_docs
from pasapas.model.interface import THEME_WORDS, InterfaceError, read_interface, read_theme_words

ROOT = Path(__file__).resolve().parent.parent

#: Material 9.8.2's Arabic that a learner must not meet (translations review, §5-I1).
WRONG_ARABIC = ("إبحث", "إختر اللغة", "عنوان العارضة", "هامش سفلي", "تصفح", "مسح كلي", "مفقود", "نتائج البحث", "أكثر من")
#: Where each corrected word shows on an Arabic page.
RIGHT_ARABIC = {
    "nav.md-search__options": "ابحث",
    ".md-select button": "اختر اللغة",
    "nav.md-header__inner": "رأس الصفحة",
    "nav.md-footer__inner": "تذييل الصفحة",
    "nav.md-nav--primary": "التنقّل",
    'button.md-search__icon[type="reset"]': "امسح",
}
RIGHT_SEARCH_RESULTS = {
    "search.result.one": "نتيجة واحدة",
    "search.result.other": "# نتيجة",
    "search.result.more.one": "نتيجة أخرى في هذه الصفحة",
    "search.result.more.other": "# نتائج أخرى في هذه الصفحة",
    "search.result.term.missing": "غير موجود",
}


def interface_with(tmp_path: Path, theme_block: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    english = (ROOT / "docs/en/_interface.yml").read_text(encoding="utf-8")
    english = english.split("\ntheme:")[0]  # the block under test only
    (docs / "en/_interface.yml").write_text(english.rstrip("\n") + "\n" + theme_block, encoding="utf-8")
    return docs


def test_a_language_corrects_theme_words_in_the_theme_block_of_its_interface_file(tmp_path):
    docs = interface_with(tmp_path, 'theme:\n  search: "Find"\n  search.result.one: "One page"\n')
    assert read_theme_words(docs, "en") == {"search": "Find", "search.result.one": "One page"}
    assert "theme" not in read_interface(docs, "en")
    assert check_docs(docs) == []


def test_a_language_without_a_theme_block_keeps_the_theme_words():
    assert read_theme_words(ROOT / "docs", "fr") == {}


@pytest.mark.parametrize(
    "block, line, message",
    [
        (
            'theme:\n  serch: "Find"\n',
            2,
            f"'serch' is not a word of the theme that can be corrected (known: {', '.join(THEME_WORDS)}).",
        ),
        ('theme:\n  direction: "ltr"\n', 2, "'direction' is not a word of the theme that can be corrected"),
        ("theme:\n  search: 12\n", 2, "the theme word 'search' must be a text, in quotes."),
        ('theme: "Find"\n', 1, "'theme:' must be followed by 'name: text' lines."),
    ],
)
def test_a_wrong_theme_block_is_an_error_at_its_line(tmp_path, block, line, message):
    docs = interface_with(tmp_path, block)
    lines = (docs / "en/_interface.yml").read_text(encoding="utf-8").splitlines()
    at = len(lines) - block.count("\n") + line
    (problem,) = check_docs(docs)
    assert (problem.path, problem.line, problem.rule) == ("docs/en/_interface.yml", at, "interface-strings")
    assert problem.message.startswith(message)
    with pytest.raises(InterfaceError):
        read_interface(docs, "en")


def test_every_word_that_can_be_corrected_is_a_word_of_the_pinned_theme():
    import material

    english = Path(material.__file__).parent / "templates/partials/languages/en.html"
    words = json.loads(re.search(r"\{\{ (\{.*\})\[key\] \}\}", english.read_text(encoding="utf-8"), re.DOTALL).group(1))
    assert set(THEME_WORDS) <= set(words)


def arabic_pages(site):
    return [page for page in site.pages() if page.folder_language == "ar"]


def theme_translations(page) -> dict[str, str]:
    config = page.soup.select_one("#__config")
    return json.loads(config.string).get("translations", {}) if config else {}


def test_the_arabic_pages_carry_the_corrected_theme_words(site):
    page = site.page("ar/lecons/sms/")
    for selector, word in RIGHT_ARABIC.items():
        assert page.soup.select_one(selector)["aria-label"] == word, selector
    assert {key: theme_translations(page)[key] for key in RIGHT_SEARCH_RESULTS} == RIGHT_SEARCH_RESULTS


def test_no_arabic_page_carries_the_theme_s_wrong_words(site):
    pages = arabic_pages(site)
    assert pages
    for page in pages:
        shown = [
            value
            for element in page.soup.find_all(True)
            for name in ("aria-label", "title", "placeholder")
            if isinstance(value := element.get(name), str)
        ]
        shown += list(theme_translations(page).values())
        wrong = [value for value in shown if any(word in value for word in WRONG_ARABIC if word != "تصفح") or value == "تصفح"]
        assert wrong == [], page.path
