"""The forge, set up: issue forms for each kind of contribution, labels kept as data, and
reviewers for lessons and for each translation (CODEOWNERS)."""

from __future__ import annotations

import fnmatch
import re

import yaml
from conftest import ROOT, WITH_LESSONS

#: The languages that have translated lessons: each has its label, its place in the
#: translation form and its reviewers (a new language gets them with its first lessons).
TRANSLATED = WITH_LESSONS[1:]

GITHUB = ROOT / ".github"
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
LABELS = GITHUB / "labels.yml"
CODEOWNERS = GITHUB / "CODEOWNERS"


def labels() -> list[dict]:
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def form(name: str) -> dict:
    return yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))


def test_there_is_a_form_for_each_kind_of_contribution():
    titles = {path.name: yaml.safe_load(path.read_text(encoding="utf-8"))["name"] for path in FORMS}
    for name, words in {
        "probleme-sur-une-etape.yml": "problème sur une étape",
        "refait-sur-le-vrai-site.yml": "refait cette leçon sur le vrai site",
        "proposer-une-lecon.yml": "Proposer une leçon",
        "traduction.yml": "Traduction",
    }.items():
        assert words in titles.get(name, ""), (name, titles)


def test_labels_are_well_formed_and_unique():
    names = [label["name"] for label in labels()]
    assert len(names) == len(set(names))
    for label in labels():
        assert set(label) == {"name", "color", "description"}, label
        assert re.fullmatch(r"[0-9a-f]{6}", label["color"]), label
        assert 0 < len(label["description"]) <= 100, label


def test_every_label_a_form_puts_on_an_issue_is_in_the_labels_file():
    known = {label["name"] for label in labels()}
    for path in FORMS:
        used = set(yaml.safe_load(path.read_text(encoding="utf-8")).get("labels", []))
        assert used and used <= known, (path.name, used - known)


def test_lessons_and_each_translation_have_a_label():
    known = {label["name"] for label in labels()}
    assert "lecon" in known and "traduction" in known
    assert {f"traduction-{language}" for language in TRANSLATED} <= known


def test_the_translation_form_offers_every_language_of_the_site():
    (field,) = [f for f in form("traduction.yml")["body"] if f.get("id") == "language"]
    offered = [option.split(" ", 1)[0] for option in field["attributes"]["options"]]
    assert set(TRANSLATED) <= set(offered), offered


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """As the forge reads CODEOWNERS: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in codeowners():
        anchored = pattern.lstrip("/")
        if pattern == "*" or (pattern.endswith("/") and path.startswith(anchored)) or fnmatch.fnmatch(path, anchored):
            found = owners
    return found


def test_codeowners_names_existing_paths_and_owners_that_look_like_owners():
    for pattern, owners in codeowners():
        assert owners and all(re.fullmatch(r"@[\w.-]+(/[\w.-]+)?", owner) for owner in owners), (pattern, owners)
        if pattern != "*":
            assert (ROOT / pattern.lstrip("/")).exists(), pattern


def test_lessons_translations_and_ci_each_have_their_reviewers():
    lessons = owners_of("docs/fr/lecons/sms.md")
    assert lessons and lessons != owners_of("README.md")
    translators = {language: owners_of(f"docs/{language}/lecons/sms.md") for language in TRANSLATED}
    for language, owners in translators.items():
        assert owners and owners != lessons, language
    assert len({tuple(owners) for owners in translators.values()}) == len(TRANSLATED), "one set of reviewers per language"
    assert owners_of(".github/workflows/checks.yml") == owners_of("README.md"), "CI is the maintainers' business"
