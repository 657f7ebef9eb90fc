"""Markdown attribute lists set only what the lesson model needs: anything else — a link's
address replaced under a reassuring text, a style, a handler — is refused at its line."""

from __future__ import annotations

import pytest
from test_lesson_lint import LESSON, line_of, problems_after

from pasapas.checks.attribute_lists import problems

HINT = (
    "An attribute list may only give a heading its #id, a paragraph the class .voir, and words "
    "lang=… (e.g. {lang=fr}) or dir=…: remove the rest."
)


@pytest.mark.parametrize(
    "line",
    [
        "## Les étapes {#etapes}",
        "### Étape 3 : ouvrez {#etape-3}",
        "{: .voir }",
        "Cliquez sur **Se connecter**{lang=fr}.",
        'Cliquez sur **Se connecter**{lang="fr"} puis **Valider**{ lang=fr }.',
        "Le mot `{: href=x}` dans du code est du texte.",
        "Un texte {entre accolades} au milieu d'une phrase.",
        "Le sens de lecture **Wi-Fi**{dir=ltr}.",
    ],
)
def test_what_the_lesson_model_needs_is_allowed(line):
    assert problems(line, "docs/fr/x.md") == []


@pytest.mark.parametrize(
    "line,refused",
    [
        ('[la CAF](https://www.caf.fr/){: href="https://caf-aides.example/"}', "'href'=\"https://caf-aides.example/\""),
        ("[la CAF](https://www.caf.fr/){href=https://caf-aides.example/}", "'href'=https://caf-aides.example/"),
        ('Un paragraphe.\n{: style="display:none" }', "'style'=\"display:none\""),
        ("**Valider**{onclick=alert(1)}", "'onclick'=alert(1)"),
        ("{: .md-button }", "the class '.md-button'"),
        ("**Valider**{date}", "'date'"),
        ('**Valider**{lang="fr onmouseover=x"}', 'lang="fr onmouseover=x"'),
        ('Un mot { #mot data-forms="mots" }', "'data-forms'=\"mots\""),
    ],
)
def test_anything_else_is_refused_at_its_line(line, refused):
    found = problems("Avant.\n" + line, "docs/fr/x.md", first_line=10)
    assert [str(p) for p in found if p.rule == "attribute-not-allowed"] == [
        f"docs/fr/x.md:{10 + line.count(chr(10)) + 1}: attribute-not-allowed: the attribute list sets {refused}\n    hint: {HINT}"
    ]


@pytest.mark.parametrize(
    "line,written",
    [
        ("Une session « Invité »{lang=fr} (guest).", "{lang=fr}"),
        ("Une session «Invité»{lang=fr}", "{lang=fr}"),
        ("Cliquez sur Valider {: .voir } puis attendez.", "{: .voir }"),
        ("Un paragraphe qui finit par un identifiant {#etape-3}", "{#etape-3}"),
    ],
)
def test_an_attribute_list_that_attr_list_would_not_apply_is_refused_as_text_the_learner_would_read(line, written):
    found = problems("Avant.\n\n" + line, "docs/fr/x.md", first_line=10)
    assert [f"{p.line}: {p.rule}: {p.message}" for p in found] == [
        f"12: attribute-list-shown: '{written}' will be shown as text on the page: "
        "it does not follow a word in bold, italics or code"
    ]


def test_an_attribute_list_ending_a_definition_term_applies_to_the_term():
    assert problems("Pièce jointe { #piece-jointe }\n:   Un fichier.", "docs/fr/glossaire.md", is_glossary=True) == []


def test_a_glossary_term_may_list_its_other_forms():
    assert (
        problems(
            'Pièce jointe { #piece-jointe data-forms="pièces jointes" }\n:   Un fichier.',
            "docs/fr/glossaire.md",
            is_glossary=True,
        )
        == []
    )


def test_fenced_code_is_text():
    assert problems('```\n[x](y){: href="z"}\n```', "docs/fr/x.md") == []


def test_make_lint_refuses_a_link_whose_address_is_replaced_by_an_attribute_list(tmp_path):
    found, text = problems_after(
        tmp_path,
        lambda t: t.replace(
            "- [Le site de la CAF](https://www.caf.fr/)",
            '- [Le site de la CAF](https://www.caf.fr/){: href="https://caf-aides.example/" }',
        ),
    )
    assert found == [
        f"{LESSON}:{line_of(text, 'caf-aides.example')}: attribute-not-allowed: the attribute list sets "
        "'href'=\"https://caf-aides.example/\"\n"
        f"    hint: {HINT}"
    ]
