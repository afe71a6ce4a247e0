"""What a checkpoint or an element needs beyond substance, as the référentiel states it:
figures for a budget, dates for a schedule, people for a division of tasks, an explanation for
variances, a rhythm for a publishing plan. A passage that lacks them stays vague, whatever its
length: "Nos KPI sont suivis dans un tableau de bord" names indicators without a value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from assistant.detect.negation import denied_tokens
from assistant.detect.units import Unit
from assistant.referentiel.models import Requirement
from assistant.textnorm import fold_apostrophes

_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .,]*\d)?")
_MONTHS = (
    r"janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?"
    r"|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?"
)
_DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DEADLINE = (
    rf"\b(?:{_MONTHS})\b|\b(?:19|20)\d\d\b|\bj ?[-+−] ?\d+"
    rf"|\b\d{{1,2}}/\d{{1,2}}\b|\btrimestre|\bsemestre|\becheance|\bdate limite"
    r"|\b[jsm] ?[-−] ?\d+"
    r"|\b\d+(?: ?[-/à] ?\d+)? ?(?:jours?|semaines?|mois) (?:avant|apres|plus tot)"
    r"|\b(?:semaine|mois|jour) (?:precedente?|suivante?|d'avant)\b|\bveille\b|\blendemain\b"
)
# A day of the week is a date of the calendar (« diffusion le samedi ») but, alone, no deadline:
# « le lundi, un point d'équipe » is a rhythm, and a schedule's tasks need dates that come once.
_DATE = re.compile(rf"{_DEADLINE}|\b(?:{_DAYS})\b")
_ONCE = re.compile(_DEADLINE)
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
_PERIOD = r"j|jours?|sem|semaines?|mois|trim|trimestres?|an|ans|week|month|day"
_FREQUENCY = re.compile(
    rf"\b(?:par|chaque|tous les|toutes les) (?:jour|semaine|sem\b|mois|{_DAYS})"
    rf"|\ble (?:{_DAYS})\b|\bles (?:{_DAYS})s\b|\bquotidien|\b(?:bi-?)?hebdo|\bbimensuel|\bmensuel"
    r"|\bfois par\b|\brythme\b|\bfrequence\b|\bcalendrier editorial|\bplanning editorial"
    # written short, in slides and tables: « 4 posts / sem. », « 1 vidéo / 2 sem. », « 3x/mois »
    rf"|\d[^\d.;/€$%]{{0,25}}/ ?(?:\d+ ?)?(?:{_PERIOD})\b"
    r"|\b(?:daily|weekly|monthly|per (?:day|week|month)|a (?:day|week|month))\b"
)

# A computed outcome (« = 75 000 € », « soit 2 300 couverts ») counts as the break-even's result
# only beside the threshold's name or what the threshold is (the sales that cover the fixed
# costs, « pour ne pas perdre d'argent »), in its own sentence or the one before: a unit margin
# « 6 – 0,90 = 5,10 € » or a total of fixed costs is an input, not the threshold.
_COMPUTED = re.compile(r"(?:=|≈|\bsoit\b)\s*(?:environ |donc )?~?\s*\d")
_THRESHOLD = re.compile(
    r"seuil|point mort|critique|break-?even|\bsr\b|rentab|\bequilibre|ne pas perdre"
    r"|\bcouvr(?:ir|e|ent|ira)\b[^.;]{0,40}\b(?:charges|couts|depenses|frais)"
)
_STATED_RESULT = re.compile(
    r"(?:seuil|point mort|critique|break-?even|\bsr\b)[^.;]{0,60}?(?:\best de|\bsera de"
    r"|\bserait de|\bs'eleve a|\bse situe a|\begal a|\bressort a|\batteint|\batteindra"
    r"|\bvers|\bau bout de|\bfixe a|\bcorrespond a|\bde|:|\ben|\ble|\bau|\bdes)"
    r"\s*(?:environ |donc |le |la |au |en |a |des |mi-|fin |debut )?~?\s*"
    rf"(?:\d|(?:{_MONTHS})\b)"
)
_AUDIT = re.compile(
    r"\baudit|\btaux de conformite|\bconformite (?:de |a |au rgaa )?(?:\d|partielle|totale)"
    r"|\d+ ?% (?:de |des )?(?:conformite|criteres)|\bcriteres? (?:rgaa )?(?:sont )?(?:respectes"
    r"|valides|conformes|non conformes|verifies|testes)|\b\d+ criteres\b|\blighthouse|\bwave\b"
    r"|\baxe\b|\btanaguru|\basqatasun|\bnvda\b|\bvoiceover|\bjaws\b|\blecteurs? d'ecran"
    r"|\bratio de contraste|\bcontraste de \d|\d[.,]\d ?:1\b|\b(?:partiellement|totalement"
    r"|non) conforme|\bteste(?:e|s|es)? (?:par|avec|aupres)|\bscore d'accessibilite"
    r"|\bnon-?conformites?"
)
# Corrections proposed or made after a measure (an audit, a journey, a test): what the
# référentiel asks after the finding (« des corrections adaptées sont proposées », « correctifs »).
_FIXES = re.compile(
    r"\bcorrig|\bcorrecti|\bcorrection|\bremedi|\bmise? en conformite|\bmettre en conformite"
    r"|\bremplac|\b(?:r)?ajout(?:er|e|ee|es|ees|ons|erons|erai)\b|\bpreconis|\brecommand"
    r"|\bameliorations?\b|\bameliorer|\bmodifi|\brevoir\b|\bsimplifi|\brefon"
    r"|\bbrief\b"  # the brief that has the journey redesigned carries its fixes
)
# A cash plan's balances: the month's balance and the cash carried over (« solde », « trésorerie
# fin de mois », « cumul »), what the référentiel asks beside receipts and payments.
_BALANCE = re.compile(
    r"\bsolde|\bcumul|fin de mois|\btreso(?:rerie)? (?:finale|initiale|de depart|d'ouverture"
    r"|de fin|fin|en fin|cumulee)|\bclosing|\bbalance\b"
)
# A survey of the public, held: a questionnaire, a poll, its respondents.
_SURVEY = re.compile(r"\bquestionnaire|\bsondage|\benquete|\brepondants?\b|\bsurvey")
# A budget: named, or an amount of money (a brief's « budget prévisionnel »).
_BUDGET = re.compile(r"\bbudget|\d ?(?:€|k€|keur\b)|\d euros?\b")
_TARGET_WORD = (
    r"objectifs?|cibles?|visee?s?|viser|visons|atteindre|d'ici|attendue?s?|esperee?s?"
    r"|passer de"
)
_BOUND_WORD = r"au moins|minimum|maximum|plus de|moins de|superieure? a|inferieure? a|jusqu'a"
_VALUE = r"(?<![\d/])(?!(?:19|20)\d\d\b)\d"  # a value, not a year
_TARGET = re.compile(
    rf"\b(?:{_TARGET_WORD})\b[^.;]{{0,50}}{_VALUE}|{_VALUE}[^.;]{{0,40}}\b(?:{_TARGET_WORD})\b"
    rf"|\b(?:{_BOUND_WORD}) (?:[a-z]+ )?{_VALUE}|[≥≤<>]\s*\d"
)
_TARGET_HEADER = re.compile(rf"^\W*(?:{_TARGET_WORD}|{_BOUND_WORD}|target|goal)s?\b", re.IGNORECASE)

_TEXT_CHECKS: dict[str, re.Pattern[str]] = {
    "dates": _DATE,
    "people": _PEOPLE,
    "explanation": _EXPLANATION,
    "frequency": _FREQUENCY,
    "audit": _AUDIT,
    "fixes": _FIXES,
    "balance": _BALANCE,
    "survey": _SURVEY,
    "budget": _BUDGET,
}
_PARTS: dict[str, re.Pattern[str]] = {
    "computed": _COMPUTED,
    "threshold": _THRESHOLD,
    "stated_result": _STATED_RESULT,
}


def meets(requires: Sequence[Requirement], units: Iterable[Unit]) -> bool:
    """Every requirement holds somewhere in ``units`` (headings aside)."""
    if not requires:
        return True
    texts = [_folded(_asserted(u)) for u in units if u.kind != "heading"]
    return all(_CHECKS[r](texts) for r in requires)


def _asserted(unit: Unit) -> str:
    """``unit``'s text without the clauses a denial takes back: « aucun audit n'a été fait »
    names an audit and holds none, « nous n'avons fixé aucune date » no date."""
    denied = denied_tokens(unit)
    if not denied:
        return unit.text
    text = unit.text
    for i in sorted(denied, reverse=True):
        token = unit.tokens[i]
        start = token.start - unit.start
        text = text[:start] + " " * len(token.text) + text[start + len(token.text) :]
    return text


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """Folded once per text: the same long unit is checked for many cues."""
    return fold_apostrophes(text)


def _figures(texts: Sequence[str]) -> bool:
    """At least two figures: one lone total ("un budget de 6 000 €") is no breakdown."""
    return sum(_figure_count(t) for t in texts) >= 2


@lru_cache(maxsize=4096)
def _figure_count(text: str) -> int:
    return len(_NUMBER.findall(text))


@lru_cache(maxsize=16384)
def _holds(name: str, text: str) -> bool:
    return (_TEXT_CHECKS.get(name) or _PARTS[name]).search(text) is not None


def _targets(texts: Sequence[str]) -> bool:
    """A target value: a figure beside a target word, or a table column headed « Objectif »
    (« Cible ») with figures in it."""
    if any(_TARGET.search(t) for t in texts):
        return True
    return any(_TARGET_HEADER.match(t) for t in texts) and _figures(texts)


def _schedule(texts: Sequence[str]) -> bool:
    """Dated tasks: two dates at least (« mars », « S-2 », « 2 semaines avant »)."""
    return sum(_date_count(t) for t in texts) >= 2


_YEAR = re.compile(r"(?:19|20)\d\d")
_SAME_DATE_GAP = re.compile(r"[\s/.,]{0,2}")  # « janvier 2025 », « 12/05/2025 », « mai, 2025 »


@lru_cache(maxsize=4096)
def _date_count(text: str) -> int:
    """The dates that come once in ``text``: a year right after its month or its day and
    month (« le 6 janvier 2025 », « 12/05/2025 ») is that same date, not a second one."""
    count, end = 0, -1
    for match in _ONCE.finditer(text):
        same = (
            end >= 0
            and _YEAR.fullmatch(match.group()) is not None
            and _SAME_DATE_GAP.fullmatch(text[end : match.start()]) is not None
        )
        count += not same
        end = match.end()
    return count


def _result(texts: Sequence[str]) -> bool:
    """The threshold computed or stated: « SR = 20 700 / 0,45 = 46 000 € », « le point mort
    est atteint en octobre », « pour couvrir les dépenses fixes ... soit 1 280 billets »."""
    for i, text in enumerate(texts):
        if _holds("stated_result", text):
            return True
        if _holds("computed", text) and (
            _holds("threshold", text) or (i > 0 and _holds("threshold", texts[i - 1]))
        ):
            return True
    return False


def _rhythm(texts: Sequence[str]) -> bool:
    """Planned, recurring times: a frequency (« chaque lundi », « hebdomadaire ») or dated
    meetings (two dates at least)."""
    return any(_holds("frequency", t) for t in texts) or _schedule(texts)


def _text_check(name: str) -> Callable[[Sequence[str]], bool]:
    return lambda texts: any(_holds(name, t) for t in texts)


_CHECKS: dict[str, Callable[[Sequence[str]], bool]] = {
    "figures": _figures,
    "targets": _targets,
    "schedule": _schedule,
    "rhythm": _rhythm,
    "result": _result,
    **{name: _text_check(name) for name in _TEXT_CHECKS},
}
