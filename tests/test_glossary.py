"""Glossary entries are read from the glossary page and linked from lesson text."""

from __future__ import annotations

import pytest

from pasapas.model.glossary import Entry, GlossaryError, parse_glossary
from pasapas.transform import page_text
from pasapas.transform.bidi import RunIsolation, isolate_html
from pasapas.transform.glossary_links import TermLinks, link_terms

GLOSSARY = """# Les mots

Pièce jointe { #piece-jointe data-forms="pièces jointes" }
:   Un fichier envoyé avec un **e-mail**.

Virus { #virus }
:   Un programme dangereux.
"""
ENTRIES = parse_glossary(GLOSSARY)


def test_reads_each_term_with_its_id_forms_and_plain_definition():
    assert ENTRIES == [
        Entry("piece-jointe", "Pièce jointe", ("pièces jointes",), "Un fichier envoyé avec un e-mail."),
        Entry("virus", "Virus", (), "Un programme dangereux."),
    ]


def test_a_term_without_id_is_reported_with_its_line():
    with pytest.raises(GlossaryError, match=r"glossaire.md:1: the term 'Virus' has no id such as \{ #virus \}"):
        parse_glossary("Virus { .x }\n:   Un programme.\n")


def test_links_the_first_appearance_of_a_term_to_its_entry_without_a_tooltip():
    """No title= (issue #17): a tooltip never opens by touch; the entry is one tap away."""
    html = link_terms("<p>Un virus, puis un autre virus.</p>", ENTRIES, "../glossaire/")
    assert html == '<p>Un <a class="pap-glossaire" href="../glossaire/#virus">virus</a>, puis un autre virus.</p>'


def test_recognises_other_forms_and_any_letter_case():
    html = link_terms("<p>Deux Pièces jointes.</p>", ENTRIES, "g/")
    assert '<a class="pap-glossaire" href="g/#piece-jointe"' in html and ">Pièces jointes</a>" in html


def test_leaves_headings_links_code_and_question_titles_alone():
    html = "<h2>Virus</h2><p><a href='x'>virus</a> <code>virus</code></p><details><summary>Un virus ?</summary></details>"
    assert "pap-glossaire" not in link_terms(html, ENTRIES, "g/")


def test_does_not_match_inside_a_longer_word():
    assert "pap-glossaire" not in link_terms("<p>Un antivirus.</p>", ENTRIES, "g/")


def test_the_longest_term_that_ends_at_a_word_boundary_is_linked():
    """Terms share their beginnings (one pattern for them all): «Mot de passe» is linked whole,
    not «Mot»; where the longer one runs into a word, the shorter one is linked."""
    entries = [Entry("mot", "Mot", (), "."), Entry("mdp", "Mot de passe", ("mots de passe",), "."), Entry("mo", "Mo", (), ".")]
    assert link_terms("<p>Mot de passe oublié</p>", entries, "g/") == (
        '<p><a class="pap-glossaire" href="g/#mdp">Mot de passe</a> oublié</p>'
    )
    assert (
        link_terms("<p>Mot de passeport</p>", entries, "g/")
        == '<p><a class="pap-glossaire" href="g/#mot">Mot</a> de passeport</p>'
    )
    assert link_terms("<p>Mots de passe, 2 Mo</p>", entries, "g/") == (
        '<p><a class="pap-glossaire" href="g/#mdp">Mots de passe</a>, 2 <a class="pap-glossaire" href="g/#mo">Mo</a></p>'
    )


def test_reads_the_page_as_a_browser_does_not_as_text_between_angle_brackets():
    """A '>' in an attribute, a comment that holds a tag, and text after a heading closed
    implicitly are read as a browser reads them (issue 'One build path')."""
    html = '<p title="a > virus">Un virus.</p>'
    assert link_terms(html, ENTRIES, "g/") == '<p title="a > virus">Un <a class="pap-glossaire" href="g/#virus">virus</a>.</p>'
    commented = "<!-- <h2> --><p>virus</p>"
    assert 'href="g/#virus"' in link_terms(commented, ENTRIES, "g/")
    in_script = "<script>if (a < b) { var s = '<p>virus</p>'; }</script><p>Un virus.</p>"
    linked = link_terms(in_script, ENTRIES, "g/")
    assert "'<p>virus</p>'" in linked and "<p>Un <a " in linked


def test_what_the_build_adds_to_a_lesson_gets_no_link_its_own_text_does():
    """The links are made last, over the whole page: the blocks the build adds (classes
    «pap-…»: the summary, the step tools, the sources) are not the lesson's text."""
    html = '<div class="pap-summary"><p>Un virus ?</p><div><p>virus</p></div></div><p>Un virus.</p>'
    assert link_terms(html, ENTRIES, "g/") == (
        '<div class="pap-summary"><p>Un virus ?</p><div><p>virus</p></div></div>'
        '<p>Un <a class="pap-glossaire" href="g/#virus">virus</a>.</p>'
    )


def test_on_a_right_to_left_page_links_and_isolation_are_one_walk_with_the_same_result_as_two():
    entries = [Entry("wifi", "Wi-Fi", (), "."), Entry("virus", "virus", (), ".")]
    html = "<p>شغّل Wi-Fi ثم افحص virus الآن، <code>Wi-Fi</code></p><h2>Wi-Fi</h2>"
    one_walk = page_text.rewrite(html, TermLinks(entries, "g/"), RunIsolation("ar"))
    assert one_walk == isolate_html(link_terms(html, entries, "g/"), "ar")
    assert one_walk == (
        '<p>شغّل <a class="pap-glossaire" href="g/#wifi"><bdi>Wi-Fi</bdi></a> ثم افحص '
        '<a class="pap-glossaire" href="g/#virus"><bdi>virus</bdi></a> الآن، <code dir="ltr">Wi-Fi</code></p>'
        "<h2><bdi>Wi-Fi</bdi></h2>"
    )
