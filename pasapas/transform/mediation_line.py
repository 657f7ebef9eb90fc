"""The helper section's line for mediators: theme and démarche family (the national
reporting taxonomy), DigComp 2.2 codes and the matching Pix competences
(pasapas/model/competences.py), in the page's language."""

from __future__ import annotations

import html

from markupsafe import Markup

from pasapas.model import competences
from pasapas.transform import bidi
from pasapas.transform.partials import render


def words(text: str, lang: str, language: str) -> Markup:
    """`text`, marked with its language where it is not the page's (a French label on an
    Arabic page is read by a French voice)."""
    return Markup(render("foreign_words.html", words=text, lang=lang if lang != language else None))


def left_to_right(part, language: str) -> Markup:
    """Codes and French names read left to right as one run on a right-to-left page ("Pix 2.4
    S'insérer…, 4.2 Protéger…"): isolated whole, they keep their order."""
    if not bidi.is_rtl(language):
        return Markup(html.escape(part)) if not hasattr(part, "__html__") else part
    return Markup('<bdi dir="ltr">') + part + Markup("</bdi>")


def mediation_line(meta: dict, ui: dict, language: str) -> str:
    """'Repères pour les médiateurs : thématique : E-mail · DigComp 2.1, 2.2 · Pix 2.1 Interagir, …'."""
    parts = []
    found = competences.mediation_of(meta)
    for kind, key in (("theme", "mediation_theme"), ("demarche", "mediation_demarche")):
        if kind in found:
            label = competences.label(kind, found[kind], language)
            parts.append(Markup(html.escape(ui[key]) + " ") + words(label.text, label.lang, language))
    digcomp = competences.digcomp_of(meta)
    codes = []
    if digcomp:
        codes.append(Markup(html.escape("DigComp " + ", ".join(digcomp))))
    pix = competences.pix_for(digcomp)
    if pix:
        named = Markup(", ").join(
            Markup(html.escape(code) + " ") + words(name, competences.LABELS_LANGUAGE, language) for code, name in pix
        )
        codes.append(Markup("Pix ") + named)
    if codes:
        # DigComp and Pix read as one left-to-right run: "DigComp 2.1 · Pix 2.1 …", in that order.
        parts.append(left_to_right(Markup(" · ").join(codes), language))
    if not parts:
        return ""
    return render("mediation_line.html", parts=parts, ui=ui)
