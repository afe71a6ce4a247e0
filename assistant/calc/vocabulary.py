"""The French words of cost accounting, cash-flow plans and budget tables, and what they name.

Matching runs on folded text (lower case, no accents) except acronyms (CA, CF, MCV), which
must be upper case in the dossier so that "cf." or "ca" in prose are not taken for them.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.textnorm import fold_apostrophes

Concept = Literal[
    "fixed_costs",
    "variable_costs",
    "revenue",
    "mcv",
    "mcv_rate",
    "margin_rate",
    "cv_rate",
    "breakeven",
    "unit_price",
    "unit_variable_cost",
    "unit_margin",
]

_COST = r"(?:charges?|couts?|frais)"
_VAR = r"variables?"
_PER_UNIT = r"(?:unitaires?|par (?!an\b|annee\b|mois\b|rapport\b|jour\b|semaine\b)\w+)"
_FOLDED: list[tuple[Concept, str]] = [
    ("unit_variable_cost", rf"\b{_COST} {_VAR} {_PER_UNIT}\b"),
    ("unit_variable_cost", r"\bcouts? unitaires? variables?\b"),
    ("unit_margin", rf"\bmarges? (?:sur {_COST} {_VAR} )?{_PER_UNIT}\b"),
    ("unit_margin", rf"\bmcv {_PER_UNIT}\b"),
    ("mcv_rate", rf"\btaux de (?:marge sur {_COST} {_VAR}|mcv)\b"),
    ("cv_rate", rf"\btaux de {_COST} {_VAR}\b"),
    ("margin_rate", r"\btaux de marge\b"),
    ("mcv", rf"\bmarges? sur {_COST} {_VAR}\b"),
    ("breakeven", r"\bseuils? de rentabilite\b"),
    ("breakeven", r"\bpoints? morts?\b"),
    ("breakeven", r"\b(?:ca|chiffre d'affaires) critique\b"),
    ("fixed_costs", rf"\b{_COST} fixes\b"),
    ("variable_costs", rf"\b{_COST} {_VAR}\b"),
    ("unit_price", r"\bprix (?:de vente )?(?:unitaire|par unite|moyen)\b"),
    ("unit_price", r"\bprix de vente\b"),
    ("revenue", r"\bchiffres? d'affaires\b"),
]
_ACRONYMS: list[tuple[Concept, str]] = [
    ("unit_variable_cost", r"\bCVU\b|\bCV unitaire\b"),
    ("unit_margin", r"\bMCVU\b|\bMCV unitaire\b"),
    ("mcv_rate", r"\bTMCV\b|\btaux de MCV\b"),
    ("mcv", r"\bMCV\b"),
    ("breakeven", r"\bSR\b|\bCA critique\b"),
    ("fixed_costs", r"\bCF\b"),
    ("variable_costs", r"\bCV\b"),
    ("unit_price", r"\bPVU\b"),
    ("revenue", r"\bCA\b"),
]
_COMPILED = [(c, re.compile(p)) for c, p in _FOLDED]
_COMPILED_ACRONYMS = [(c, re.compile(p)) for c, p in _ACRONYMS]
_NOT_OURS = re.compile(
    r"\b(?:marche|secteur|concurren\w*|national|mondial|filiere|leader|n-1|annee derniere)\b"
)


def folded(text: str) -> str:
    """Folded text with single spaces and straight apostrophes, for matching."""
    return " ".join(fold_apostrophes(text).split())


def concepts_in(label: str) -> list[tuple[int, int, Concept]]:
    """Concepts named in ``label`` as (start, end, concept), outermost matches only, in order.

    Offsets of folded and acronym matches are comparable: folding keeps the length of
    French text (accents are dropped, not replaced by several characters)."""
    spaced = " ".join(label.replace("’", "'").split())
    text = folded(spaced)
    found = [(m.start(), m.end(), c) for c, p in _COMPILED for m in p.finditer(text)]
    found += [(m.start(), m.end(), c) for c, p in _COMPILED_ACRONYMS for m in p.finditer(spaced)]
    outer = [
        f
        for f in found
        if not any(
            o != f and o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0] for o in found
        )
    ]
    unique = sorted(set(outer))
    if _NOT_OURS.search(text):
        unique = [f for f in unique if f[2] != "revenue"]
    return unique


_SALE = re.compile(r"\b(?:panier|ticket) moyen\b|\bprix\b|\btarifs?\b|\bpvu?\b")


def names_a_sale(label: str) -> bool:
    """The label names what a unit sells for or what is sold (a price, an average basket,
    revenue), not a cost."""
    return bool(_SALE.search(folded(label))) or any(
        c in ("unit_price", "revenue") for _, _, c in concepts_in(label)
    )


def is_total(label: str) -> bool:
    return bool(re.search(r"\btot(?:al|aux)\b", folded(label)))


def is_subtotal(label: str) -> bool:
    return bool(re.search(r"\bsous-?\s?tot(?:al|aux)\b", folded(label)))


def is_detail(label: str) -> bool:
    """'dont ...' rows detail the row above and are not added."""
    return folded(label).startswith("dont ")


_SHARE_HEADER = re.compile(r"%|\bpart\b|\bparts\b|repartition|\bpoids\b|pourcentage|ventilation")


def is_share_header(label: str) -> bool:
    """A column header announcing shares of a whole: '%', 'Part', 'Répartition'."""
    return bool(_SHARE_HEADER.search(folded(label)))


_PERIOD = re.compile(
    r"^(?:jan\w*|fev\w*|mars?|avr\w*|mai|juin|juil\w*|aou\w*|sep\w*|oct\w*|nov\w*|dec\w*)"
    r"(?:\W*\d{2,4})?$"
    r"|^(?:mois|m|semaine|s|trimestre|t|annee|an|n ?\+ ?)\s?\d{1,2}$"
    r"|^(?:annee|exercice)\s?\w*\s?(?:19|20)\d\d$|^(?:19|20)\d\d$|^(?:n|n ?\+ ?\d)$"
    r"|^\d{1,2}(?:er|e|eme)? (?:mois|trimestre|semestre)$"
)


def is_period(label: str) -> bool:
    """A column header naming a month or period: 'Janvier', 'févr.-25', 'M3', 'Année 2'."""
    return bool(_PERIOD.match(folded(label).strip(" .")))


_VERSION = re.compile(
    r"\b(?:prevus?|previsionnel(?:le)?s?|previsions?|budgete?s?|budget|realises?|reel(?:le)?s?"
    r"|ecarts?|variations?|objectifs?|scenarios?|hypotheses?|pessimistes?|realistes?"
    r"|optimistes?|bas(?:se)?|haut(?:e)?|median(?:e)?)\b"
)


def version_of(label: str) -> tuple[str, str]:
    """A column header split into the version it names and the rest: (« prevu », « janvier »)
    for « Janvier prévu », (« realise », « ») for « Réalisé », (« », « mars ») for « Mars ».
    Versions of the same figures (forecast and actual, « Écart », scenarios) stand side by
    side: none follows another in time."""
    text = folded(label)
    version = " ".join(m.group(0) for m in _VERSION.finditer(text))
    rest = " ".join(re.sub(r"[^\w+]+", " ", _VERSION.sub(" ", text)).split())
    return version, rest


CashRow = Literal["opening", "closing", "receipts", "disbursements", "net", "balance"]


def cash_row(label: str) -> CashRow | None:
    """What a row of a cash-flow plan holds, from its label (French or English)."""
    text = folded(label)
    cash = re.search(r"\b(?:tresorerie|treso|solde|disponibilites?|caisse|balance|cash)\b", text)
    if cash and re.search(r"\b(?:debut|initiale?|depart|ouverture|report|opening|start)\b", text):
        return "opening"
    if cash and re.search(r"\b(?:fin|finale?|cloture|closing|end|ending)\b", text):
        return "closing"
    balance = re.search(r"\b(?:tresorerie|treso|solde|balance)\b", text)
    if re.search(
        r"\b(?:variation|flux net|solde (?:du|de la|mensuel)|ecart|net (?:flow|cash|change))\b",
        text,
    ):
        return "net"
    if re.search(r"\b(?:encaissements?|receipts?|cash-? ?in|inflows?)\b", text):
        return "receipts"
    if re.search(r"\b(?:decaissements?|disbursements?|cash-? ?out|outflows?)\b", text):
        return "disbursements"
    if balance:
        return "balance"
    if re.match(r"report\b", text):
        return "opening"  # « Report » carries a balance over; a « Reportage » is a cost
    return None
