"""What a lesson teaches, in the words helpers report in: the French mediators' categories
(a theme and, for an administrative procedure, its family) and the competence codes
(DigComp 2.2, and the matching Pix competences).

The allowed values and where they come from are data files beside this module, read once:
mediation_categories.yml (La Coop de la médiation numérique's list) and digcomp_pix.yml.
A lesson says them in its front matter:

    digcomp: ["2.1", "2.2"]
    mediation: {theme: email}
    mediation: {theme: aide_aux_demarches_administratives, demarche: argent_impots}
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent
MEDIATION_FILE = FOLDER / "mediation_categories.yml"
COMPETENCES_FILE = FOLDER / "digcomp_pix.yml"
#: The labels' own language (the taxonomy's and Pix's): shown, marked as French, where a
#: language has no label of its own.
LABELS_LANGUAGE = "fr"
#: The front matter field, and what it holds: `theme` always, `demarche` for a procedure.
FIELD = "mediation"
KINDS = {"theme": "themes", "demarche": "demarches"}
REQUIRED_KINDS = ("theme",)


@dataclass(frozen=True)
class Label:
    text: str
    lang: str  # the language the text is written in


@functools.cache
def _mediation() -> dict:
    return yaml.safe_load(MEDIATION_FILE.read_text(encoding="utf-8"))


@functools.cache
def _competences() -> dict:
    return yaml.safe_load(COMPETENCES_FILE.read_text(encoding="utf-8"))


def allowed(kind: str) -> tuple[str, ...]:
    """The ids a lesson may give for `kind` ('theme' or 'demarche'), in the source's order."""
    return tuple(_mediation()[KINDS[kind]])


def label(kind: str, value: str, language: str) -> Label:
    labels = _mediation()[KINDS[kind]][value]
    if language in labels:
        return Label(labels[language], language)
    return Label(labels[LABELS_LANGUAGE], LABELS_LANGUAGE)


def digcomp_codes() -> tuple[str, ...]:
    """The 21 competences of DigComp 2.2, as "area.competence"."""
    return tuple(_competences()["digcomp"])


def pix_for(digcomp: list) -> list[tuple[str, str]]:
    """(code, name) of the Pix competences matching these DigComp codes, in Pix's order,
    each once; unknown codes add nothing (the checker reports them)."""
    data = _competences()
    wanted = {pix for code in digcomp if str(code) in data["digcomp"] for pix in data["digcomp"][str(code)]["pix"]}
    return [(code, name) for code, name in data["pix"].items() if code in wanted]


def mediation_of(meta: dict) -> dict[str, str]:
    """The well-formed part of a lesson's `mediation:` (kind -> id); the checker reports the rest."""
    given = meta.get(FIELD)
    if not isinstance(given, dict):
        return {}
    return {kind: given[kind] for kind in KINDS if isinstance(given.get(kind), str) and given[kind] in allowed(kind)}


def digcomp_of(meta: dict) -> list[str]:
    """The lesson's known DigComp codes, as written."""
    codes = meta.get("digcomp")
    return [str(code) for code in codes if str(code) in digcomp_codes()] if isinstance(codes, list) else []
