"""Where the project lives and its e-mail: shown when set, each alone too, the section
taken out when neither is set, and a wrong address refused at its line in mkdocs.yml."""

from __future__ import annotations

import pytest
from conftest import ROOT, build

from pasapas.transform import contact

PAGE = '<h1 id="t">T</h1><p>a</p><h2 id="contact">Nous écrire</h2><p>Écrivez :</p><h2 id="suite">Suite</h2><p>b</p>'
UI = {"contact_forge": "Le projet :", "contact_email": "Par e-mail :", "contact_email_route": "Pas de compte ? Écrivez."}


def filled(forge, email) -> str:
    return contact.add_contact(PAGE, forge, email, contact.contact_block(forge, email, UI))


def test_the_forge_alone_is_shown_without_the_email_route():
    html = filled("https://codeberg.org/asso/pas-a-pas/", None)
    assert '<a href="https://codeberg.org/asso/pas-a-pas/" dir="ltr">codeberg.org/asso/pas-a-pas</a>' in html
    assert "mailto:" not in html and UI["contact_email_route"] not in html
    assert html.index("Écrivez :") < html.index("pap-contact") < html.index('id="suite"')


def test_the_email_alone_is_shown_with_the_email_route():
    html = filled(None, "pasapas@example.org")
    assert 'href="mailto:pasapas@example.org"' in html and UI["contact_email_route"] in html
    assert UI["contact_forge"] not in html


def test_with_neither_the_section_goes_heading_and_all():
    assert filled(None, None) == '<h1 id="t">T</h1><p>a</p><h2 id="suite">Suite</h2><p>b</p>'


def test_the_table_of_contents_loses_only_that_entry():
    class Entry:
        def __init__(self, anchor, children=()):
            self.id, self.children = anchor, list(children)

    kept = contact.without_anchor([Entry("t", [Entry("contact"), Entry("suite")])], "contact")
    assert [child.id for child in kept[0].children] == ["suite"]


@pytest.mark.parametrize("email", ["x@y", "a b@example.org", "a@example.org?subject=x", 'a"@example.org', "javascript:a@b.c"])
def test_an_address_that_is_not_an_email_is_refused(email):
    assert contact.email_problem(email) is not None


@pytest.mark.parametrize("email", [None, "", "pasapas@example.org", "contact.pas-a-pas@asso.example.fr"])
def test_an_email_or_nothing_is_accepted(email):
    assert contact.email_problem(email) is None


@pytest.mark.slow
def test_the_build_stops_on_a_wrong_address_at_its_line_in_mkdocs_yml(tmp_path):
    result = build(ROOT, tmp_path / "site", CONTACT_EMAIL="écrivez-nous")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.strip().startswith("contact_email:"))
    assert result.returncode != 0
    assert (
        f"mkdocs.yml:{line}: contact-email-invalid: extra.contact_email (CONTACT_EMAIL) 'écrivez-nous' is not an e-mail address"
        in result.stderr
    )
