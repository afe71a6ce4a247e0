"""What a checkpoint or an element needs beyond substance, as the référentiel states it:
figures for a budget, dates for a schedule, people for a division of tasks, an explanation for
variances, a rhythm for a publishing plan. A passage that lacks them stays vague, whatever its
length: "Nos KPI sont suivis dans un tableau de bord" names indicators without a value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from assistant.detect.units import Unit
from assistant.referentiel.models import Requirement
from assistant.textnorm import fold

_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .,]*\d)?")
_MONTHS = (
    r"janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?"
    r"|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?"
)
_DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATE = re.compile(
    rf"\b(?:{_MONTHS})\b|\b(?:19|20)\d\d\b|\bj ?[-+−] ?\d+|\bs(?:emaine)? ?\d{{1,2}}\b"
    rf"|\b\d{{1,2}}/\d{{1,2}}\b|\b(?:{_DAYS})\b|\btrimestre|\bsemestre|\becheance|\bdate limite"
)
_PEOPLE = re.compile(
    r"\b(?:responsables?|chefs?|cheffe|charge(?:e|s|es)? de|directeur|directrice|direction"
    r"|gerant|gerante|stagiaires?|alternant|alternante|assistant|assistante|coordinat(?:eur|rice)"
    r"|referent|referente|pilote|benevoles?|prestataires?|graphiste|photographe|developpeur"
    r"|commercial|commerciale|moniteurs?|animat(?:eur|rice)s?|president|presidente|tresorier"
    r"|tresoriere|secretaire|associe|associee|fondat(?:eur|rice)|manager|equipe de|pole"
    r"|attribue(?:e|s|es)?|confie(?:e|s|es)?|affecte(?:e|s|es)?|en charge|s'occupe|se charge"
    r"|porteur|porteuse|qui fait quoi|raci)\b"
)
_EXPLANATION = re.compile(
    r"\b(?:car|parce qu|en raison|du fait|s'expliqu|expliqu|explication|grace a|a cause"
    r"|suite a|du a|due a|dus a|dues a|lie a|liee a|lies a|liees a|justifi|provient|vient de"
    r"|s'explique|cause|en effet)"
)
_FREQUENCY = re.compile(
    rf"\b(?:par|chaque|tous les|toutes les) (?:jour|semaine|mois|{_DAYS})"
    rf"|\ble (?:{_DAYS})\b|\bles (?:{_DAYS})s\b|\bquotidien|\bhebdomadaire|\bbimensuel|\bmensuel"
    r"|\bfois par\b|\brythme\b|\bfrequence\b|\bcalendrier editorial|\bplanning editorial"
)

_TEXT_CHECKS: dict[str, re.Pattern[str]] = {
    "dates": _DATE,
    "people": _PEOPLE,
    "explanation": _EXPLANATION,
    "frequency": _FREQUENCY,
}


def meets(requires: Sequence[Requirement], units: Iterable[Unit]) -> bool:
    """Every requirement holds somewhere in ``units`` (headings aside)."""
    if not requires:
        return True
    texts = [_folded(u.text) for u in units if u.kind != "heading"]
    return all(_CHECKS[r](texts) for r in requires)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """Folded once per text: the same long unit is checked for many cues."""
    return fold(text).replace("’", "'")


def _figures(texts: Sequence[str]) -> bool:
    """At least two figures: one lone total ("un budget de 6 000 €") is no breakdown."""
    return sum(_figure_count(t) for t in texts) >= 2


@lru_cache(maxsize=4096)
def _figure_count(text: str) -> int:
    return len(_NUMBER.findall(text))


@lru_cache(maxsize=16384)
def _holds(name: str, text: str) -> bool:
    return _TEXT_CHECKS[name].search(text) is not None


def _text_check(name: str) -> Callable[[Sequence[str]], bool]:
    return lambda texts: any(_holds(name, t) for t in texts)


_CHECKS: dict[str, Callable[[Sequence[str]], bool]] = {
    "figures": _figures,
    **{name: _text_check(name) for name in _TEXT_CHECKS},
}
