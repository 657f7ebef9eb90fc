"""Open and reusable: the licences (files, every page's footer, the offline copy) and
/catalogue.json, the lessons as data for other sites, validated against its JSON Schema."""

from __future__ import annotations

import hashlib
import json

import jsonschema
import pytest
import yaml
from conftest import LANGUAGES, ROOT, SITE_URL, languages_with, ui

from pasapas.model import catalogue, competences, translations
from pasapas.model.lesson import SOURCE_LANGUAGE, lessons_in

#: LICENSE-CONTENT is the legal code of CC BY 4.0 as SPDX's licence list publishes it
#: (licenses/CC-BY-4.0.json, "licenseText", of the npm package spdx-license-list 6.12.0),
#: byte for byte (and a final newline): nobody retypes, shortens or "tidies" a licence.
CC_BY_4_SHA256 = "d557539df68e771cc1eedcc91d13f70fca930e508d11eedcafa4b15db49e3744"
FRENCH_LESSONS = {lesson.slug.removesuffix(".md"): lesson for lesson in lessons_in(ROOT / "docs", SOURCE_LANGUAGE)}


def test_the_code_is_under_the_mit_licence_and_the_lessons_under_cc_by_4():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License\n\nCopyright (c) 2026 Pas à pas et ses contributrices et contributeurs\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in code
    content = (ROOT / "LICENSE-CONTENT").read_bytes()
    assert hashlib.sha256(content).hexdigest() == CC_BY_4_SHA256
    text = content.decode("utf-8")
    assert text.startswith("Creative Commons Attribution 4.0 International\n")
    assert [f"Section {n} –" in text for n in range(1, 9)] == [True] * 8


def test_contributing_says_a_contribution_is_given_under_the_same_licences():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "vous la donnez sous ces mêmes licences" in text
    assert "you give it under the same licences" in text


def test_every_page_says_in_its_footer_and_its_language_under_which_licence_the_lessons_are(site):
    pages = site.pages()
    assert len(pages) > 50
    for page in pages:
        language = page.soup.html["lang"]
        link = page.soup.select_one('.md-copyright a[rel="license"]')
        assert link is not None, page.path
        assert link["href"] == f"https://creativecommons.org/licenses/by/4.0/deed.{language}", page.path
        assert link.get_text() == ui(language)["licence_link"], page.path
        assert ui(language)["licence_text"] in page.soup.select_one(".md-copyright").get_text(), page.path


def test_a_translators_licence_address_cannot_lead_elsewhere(project_copy, tmp_path):
    from conftest import build_or_fail

    project = project_copy("licence-address")
    interface = project / "docs/en/_interface.yml"
    text = interface.read_text(encoding="utf-8")
    interface.write_text(
        text.replace(
            'licence_url: "https://creativecommons.org/licenses/by/4.0/deed.en"', 'licence_url: "https://evil.example/"'
        ),
        encoding="utf-8",
    )
    site = build_or_fail(project, tmp_path / "site")
    link = site.page("en/").soup.select_one('.md-copyright a[rel="license"]')
    assert link["href"] == "https://creativecommons.org/licenses/by/4.0/legalcode"


# --- /catalogue.json ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(site):
    return json.loads((site.dir / catalogue.FILE_NAME).read_text(encoding="utf-8"))


def test_the_catalogue_validates_against_its_schema_published_beside_it(site, published):
    schema = json.loads(catalogue.SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(published)] == []
    assert (site.dir / catalogue.SCHEMA).read_bytes() == catalogue.SCHEMA_FILE.read_bytes()


def test_the_catalogue_lists_every_lesson_page_of_every_language(site, published):
    expected = {(language, slug) for slug in FRENCH_LESSONS for language in LANGUAGES if language in languages_with(f"{slug}.md")}
    listed = [(lesson["language"], lesson["id"]) for lesson in published["lessons"]]
    assert len(listed) == len(set(listed)) and set(listed) == expected
    assert published["languages"] == list(LANGUAGES)
    for lesson in published["lessons"]:
        relative = lesson["address"].removeprefix(SITE_URL)
        assert lesson["address"].startswith(SITE_URL) and site.page(relative).soup.html["lang"] == lesson["language"]


def test_the_catalogue_says_what_each_lesson_says_of_itself(published):
    entries = {(lesson["language"], lesson["id"]): lesson for lesson in published["lessons"]}
    for slug, french in FRENCH_LESSONS.items():
        entry = entries[(SOURCE_LANGUAGE, slug)]
        meta = french.meta
        assert (entry["title"], entry["level"], entry["duration_minutes"], entry["devices"]) == (
            meta["title"],
            meta["level"],
            meta["duration"],
            meta["devices"],
        )
        assert entry["prerequisites"] == meta["prerequisites"] and entry["competences"]["digcomp"] == meta["digcomp"]
        assert entry["competences"]["pix"] == [code for code, _ in competences.pix_for(meta["digcomp"])]
        assert entry["mediation"]["theme"]["id"] == meta["mediation"]["theme"]
        assert (entry["mediation"]["demarche"] or {}).get("id") == meta["mediation"].get("demarche")
        assert entry["last_checked"] == str(meta["last_checked"])
        assert entry["translation"] == {"state": "source"} and entry["licence"] == "CC-BY-4.0"
    states = translations.status(ROOT / "docs", list(LANGUAGES[1:]))
    for (language, slug), entry in entries.items():
        if language != SOURCE_LANGUAGE:
            assert entry["translation"]["state"] == states[f"{slug}.md"][language], (language, slug)
    assert published["licence"]["content"]["spdx"] == "CC-BY-4.0" and published["licence"]["code"]["spdx"] == "MIT"
    assert published["attribution"] == "Pas à pas et ses contributrices et contributeurs"


def test_the_schema_allows_exactly_the_categories_and_competences_of_the_data_files():
    schema = json.loads(catalogue.SCHEMA_FILE.read_text(encoding="utf-8"))
    lesson = schema["$defs"]["lesson"]["properties"]
    enum = lambda kind: lesson["mediation"]["properties"][kind]["oneOf"][1]["properties"]["id"]["enum"]  # noqa: E731
    assert enum("theme") == list(competences.allowed("theme"))
    assert enum("demarche") == list(competences.allowed("demarche"))
    assert lesson["competences"]["properties"]["digcomp"]["items"]["enum"] == list(competences.digcomp_codes())
    pix = yaml.safe_load(competences.COMPETENCES_FILE.read_text(encoding="utf-8"))["pix"]
    assert lesson["competences"]["properties"]["pix"]["items"]["enum"] == list(pix)


def test_the_catalogue_is_the_same_whatever_the_order_the_languages_were_built_in():
    entries = [
        {"language": "en", "id": "lecons/b"},
        {"language": "fr", "id": "lecons/b"},
        {"language": "ar", "id": "lecons/a"},
        {"language": "fr", "id": "lecons/a"},
    ]
    first = catalogue.document(entries, ["fr", "ar", "en"], None)
    assert first == catalogue.document(list(reversed(entries)), ["fr", "ar", "en"], None)
    assert [(e["language"], e["id"]) for e in json.loads(first)["lessons"]] == [
        ("fr", "lecons/a"),
        ("fr", "lecons/b"),
        ("ar", "lecons/a"),
        ("en", "lecons/b"),
    ]
