"""Figures that name a cost-accounting quantity ("facts"), and where to look for the others.

A figure becomes a fact when the words naming it point to exactly one quantity compatible with
its unit. The inputs of a computation are looked for from the narrowest scope (the same table
column, the same paragraph) to the widest (the top-level section); a quantity with two different
values in the scope where it first appears is ambiguous and nothing is computed from it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal

from assistant.calc.chains import chains_in, ends_with_operator
from assistant.calc.figures import Figure
from assistant.calc.vocabulary import Concept, concepts_in, folded, is_total

Quantity = Literal[
    "fixed_costs",
    "variable_costs",
    "revenue",
    "mcv",
    "mcv_rate",
    "margin_rate",
    "cv_rate",
    "breakeven",
    "breakeven_qty",
    "breakeven_days",
    "breakeven_months",
    "unit_price",
    "unit_variable_cost",
    "unit_margin",
]
_AMOUNTS = ("currency", "number")
_RATES: dict[Concept, Quantity] = {
    "mcv_rate": "mcv_rate",
    "margin_rate": "margin_rate",
    "cv_rate": "cv_rate",
    "mcv": "mcv_rate",
    "variable_costs": "cv_rate",
}
_BREAKEVEN_BY_UNIT: dict[str, Quantity] = {
    "currency": "breakeven",
    "quantity": "breakeven_qty",
    "days": "breakeven_days",
    "months": "breakeven_months",
}


@dataclass(frozen=True)
class Fact:
    quantity: Quantity
    figure: Figure
    by_column: bool = False  # named by its column header: its scope is its table row
    group: int | None = None  # column group of a table cell (an amount column and its %)
    computed: bool = False  # the result of a computation written out ("325 800 / 0,80 = ...")
    local: bool = False  # named only by its sentence ("doit couvrir 44 000 €"): its paragraph
    gross: float | None = None  # the amount with VAT this figure restates without it
    dossier: bool = False  # its inputs may come from the whole dossier when unique in it

    @property
    def value(self) -> float:
        """Rates as fractions; monthly amounts per year."""
        if self.quantity in ("mcv_rate", "margin_rate", "cv_rate"):
            return self.figure.fraction() if self.figure.unit == "percent" else self.figure.value
        return self.figure.value * (12 if self.monthly else 1)

    @property
    def monthly(self) -> bool:
        money = self.quantity not in ("mcv_rate", "margin_rate", "cv_rate", "breakeven_qty")
        label = folded(self.figure.label)
        named = bool(re.search(r"\bmensuel|\bpar mois\b", label))
        days = self.quantity in ("breakeven_days", "breakeven_months")
        return money and not days and (self.figure.period == "month" or named)

    @property
    def total(self) -> bool:
        return is_total(self.figure.label)


def quantity_of(concept: Concept, figure: Figure, label: str = "") -> Quantity | None:
    """The quantity a concept names for a figure of that unit, if they fit together; a
    break-even without unit takes the unit its label or column names, and is an amount only
    in a table row naming the seuil de rentabilité ('Point mort | 158' may be days)."""
    unit: str = figure.unit
    if concept == "breakeven":
        if unit == "number":
            unit = _unit_hint(f"{label} {figure.column or ''}")
            named = re.search(r"seuil|critique|\bsr\b", folded(label))
            unit = "currency" if unit == "number" and figure.in_table and named else unit
        return _BREAKEVEN_BY_UNIT.get(unit) if unit != "number" else None
    if unit == "percent" or (unit == "number" and 0 < figure.value < 1 and concept in _RATES):
        return _RATES.get(concept) if concept != "revenue" else None
    if concept in ("mcv_rate", "margin_rate", "cv_rate"):
        return None
    if unit in _AMOUNTS and concept in _PER_UNIT_OF and _PER_UNIT_AFTER.match(folded(figure.after)):
        return _PER_UNIT_OF[concept]  # 'la MCV est de 7,00 € par panier'
    return concept if unit in _AMOUNTS else None


_PER_UNIT_OF: dict[Concept, Quantity] = {
    "mcv": "unit_margin",
    "variable_costs": "unit_variable_cost",
}
_PER_UNIT_AFTER = re.compile(
    r"^(?:€|euros?)?\s*(?:ht|ttc)?\s*par (?!an\b|annee\b|mois\b|jour\b|semaine\b|rapport\b)\w+"
)


def _unit_hint(text: str) -> str:
    """The unit a label or header names: 'Point mort (jours)', 'Seuil en quantité'."""
    words = folded(text)
    for pattern, unit in _UNIT_HINTS:
        if re.search(pattern, words):
            return unit
    return "number"


_UNIT_HINTS = [
    (r"\bjours?\b", "days"),
    (r"\bmois\b", "months"),
    (r"quantite|\bunites?\b|\bvolume\b|\bnombre\b|\bnb\b", "quantity"),
    (r"€|\beuros?\b|\ben valeur\b|\bmontant\b", "currency"),
]


def find_facts(figures: list[Figure]) -> list[Fact]:
    """Facts among ``figures`` (all the figures of a document, in reading order)."""
    facts: list[Fact] = []
    by_block: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_block[figure.block].append(figure)
    for block_figures in by_block.values():
        if block_figures[0].in_table:
            facts += _table_facts(block_figures)
        else:
            facts += _prose_facts(block_figures)
    return _thresholds_from_fixed_costs(by_block, facts, figures)


def _thresholds_from_fixed_costs(
    by_block: dict[int, list[Figure]], facts: list[Fact], figures: list[Figure]
) -> list[Fact]:
    """'les coûts fixes divisés par le prix : 12 000 / 20 = 600 paniers': a count obtained by
    dividing the dossier's fixed costs by one figure is a break-even in quantity, named or not,
    so that it is redone with the unit margin, or price and unit variable cost, found anywhere
    in the dossier (``Fact.dossier``). When the figure divided by is what one unit of that
    count brings, named so elsewhere in the dossier (« le panier moyen était de 9,50 € » for a
    count of « paniers »), it is that unit's price: the margin it should have been."""
    fixed = [f.value for f in facts if f.quantity == "fixed_costs" and f.value > 0]
    known = {id(f.figure): f for f in facts}
    found: list[Fact] = []
    promoted: set[int] = set()
    for block_figures in by_block.values():
        if block_figures[0].in_table:
            continue
        for chain in chains_in(block_figures):
            tokens, result = chain.tokens, chain.figures[-1]
            if len(tokens) != 5 or tokens[1] != "/" or tokens[3] != "=":
                continue
            dividend, divisor = tokens[0], tokens[2]
            if result.unit != "quantity" or not isinstance(dividend, Figure):
                continue
            named = known.get(id(result))
            if named is not None and named.quantity != "breakeven_qty":
                continue
            if is_scenario(folded(f"{result.lead} {result.after}")):
                continue  # « si la marge tombait à 10 €, il faudrait 30 000 / 10 = 3 000 … »
            if not any(abs(dividend.value - value) <= 0.005 * value for value in fixed):
                continue
            if named is None:
                found.append(Fact("breakeven_qty", result, computed=True, dossier=True))
            else:
                promoted.add(id(named))
            if isinstance(divisor, Figure) and _price_of_one(divisor, result, figures):
                found.append(Fact("unit_price", divisor))
    facts = [replace(f, dossier=True) if id(f) in promoted else f for f in facts]
    return facts + found


_NOT_A_PRICE = re.compile(r"(?:marges?|mcv|couts?|charges?|variables?|frais)")


def _price_of_one(divisor: Figure, count: Figure, figures: list[Figure]) -> bool:
    """``divisor`` is what one unit of ``count`` brings: the same amount stands elsewhere in
    the dossier in a clause naming that unit (« le panier moyen … 9,50 € » for « 370
    paniers »), and not as a margin or a cost."""
    noun = re.findall(r"[a-z]{4,}", folded(count.raw))
    if divisor.unit != "currency" or not noun or divisor.value <= 0:
        return False
    stem = re.sub(r"[sx]$", "", noun[-1])
    for figure in figures:
        if figure is divisor or figure.unit != "currency" or figure.in_table:
            continue
        if abs(figure.value - divisor.value) > 0.005 * divisor.value:
            continue
        clause = re.split(r"[,;:()]", folded(figure.label))[-1]
        if re.search(rf"\b{stem}s?\b", clause) and not _NOT_A_PRICE.search(clause):
            return True
    return False


def _prose_facts(figures: list[Figure]) -> list[Fact]:
    chains = chains_in(figures)
    results = {id(c.figures[-1]): c.head_label for c in chains}
    operands = {id(f) for c in chains for f in c.figures[:-1]}
    facts = []
    for figure in figures:
        if id(figure) in operands or ends_with_operator(figure.label):
            continue  # a term of a computation, not a figure standing for itself
        if is_scenario(folded(f"{figure.lead} {figure.label} {figure.after}")):
            continue  # "si le prix baissait à 24 €, la MCV tomberait à 18,60 €": not the base case
        local = False
        if id(figure) in results:
            quantity = _result(results[id(figure)], figure)
        else:
            quantity = _named(figure) or _inherited(figure)
            if quantity is None:
                quantity = _described(figure)
                local = quantity is not None
        if quantity:
            facts.append(Fact(quantity, figure, computed=id(figure) in results, local=local))
    restated = [_before_vat(fact, figures) for fact in facts]
    named = {id(f.figure) for f in facts}
    return [f for f in restated if f.gross is None or id(f.figure) not in named]


def _before_vat(fact: Fact, figures: list[Figure]) -> Fact:
    """'6,00 € TTC la pinte, soit 5,00 € HT': an amount given with VAT and restated without it
    in the same sentence is, for cost accounting, the amount without VAT; the restatement takes
    its name (and keeps the gross amount for the computations made with it)."""
    figure = fact.figure
    if figure.unit != "currency" or not _GROSS.match(folded(figure.after)):
        return fact
    following = [f for f in figures if f.start > figure.end and f.same_sentence(figure)]
    if not following:
        return fact
    net = following[0]
    if net.unit != "currency" or not _NET.match(folded(net.after)) or not net.value:
        return fact
    if not _RESTATED.search(folded(net.label)):
        return fact
    slack = net.step * max(VAT_RATES) + figure.step
    if not any(abs(net.value * rate - figure.value) <= slack for rate in VAT_RATES):
        return fact
    return Fact(fact.quantity, net, computed=fact.computed, local=fact.local, gross=figure.value)


VAT_RATES = (1.2, 1.1, 1.055, 1.021)
_GROSS = re.compile(r"^(?:€|euros?)?\s*ttc\b")
_NET = re.compile(r"^(?:€|euros?)?\s*ht\b")
_RESTATED = re.compile(r"(?:\bsoit|\bou|\bdonc|=|\(|,)\s*$")


# Words that describe a break-even input or result without naming it, trusted only inside
# their own paragraph: « la billetterie doit couvrir 44 000 € », « un seuil de 3 520 entrées ».
_TO_COVER = re.compile(
    r"\b(?:doit|doivent|devra|devront|reste a|restent a|a) (?:\w+ )?couvrir (?:: )?$"
)
_THRESHOLD = re.compile(r"\bseuil (?:de |d')?$")


def _described(figure: Figure) -> Quantity | None:
    label = folded(figure.label) + " "
    if figure.unit == "currency" and _TO_COVER.search(label):
        return "fixed_costs"
    if figure.unit == "quantity" and _THRESHOLD.search(label):
        return "breakeven_qty"
    return None


# A sentence about another case than the base one: a scenario, a simulation, a hypothesis.
_SCENARIO = re.compile(
    r"\bsi (?:le|la|les|l'|nos|notre|on|nous)\b[^.]{0,80}?\b\w+(?:ait|aient)\b"
    r"|\b\w+(?:erait|eraient|irait|iraient|rait)\b[^.]{0,40}\d"
    r"|\bscenario|\bhypothese|\bsimulation|\bpessimiste|\boptimiste|\ben cas de\b"
)


def is_scenario(words: str) -> bool:
    """Folded words about another case than the base one (a hypothesis, a simulation)."""
    return bool(_SCENARIO.search(words))


def _table_facts(figures: list[Figure]) -> list[Fact]:
    groups = _column_groups(figures)
    facts = []
    for figure in figures:
        group = groups.get(figure.col or 0)
        quantity = _leftmost(figure.label, figure)
        if quantity:
            facts.append(Fact(quantity, figure, group=group))
        elif not figure.label and (quantity := _leftmost(figure.column or "", figure)):
            facts.append(Fact(quantity, figure, by_column=True, group=group))
    return facts


def _column_groups(figures: list[Figure]) -> dict[int, int]:
    """Each column to its group: an amount column with the percentage columns after it."""
    units: dict[int, set[str]] = defaultdict(set)
    for figure in figures:
        units[figure.col or 0].add(figure.unit)
    groups, current = {}, 0
    for col in sorted(units):
        if units[col] != {"percent"}:
            current = col
        groups[col] = current
    return groups


def _compatible(label: str, figure: Figure) -> list[Quantity]:
    if _MIXED.search(folded(label)):
        return []  # 'charges fixes et variables': all costs together
    found = [quantity_of(c, figure, label) for _, _, c in concepts_in(label)]
    return [q for q in found if q]


_CLAUSE = re.compile(r"[,;:]|\b(?:soit|et|pour|dont|avec|ou)\b")
_ASIDE = re.compile(r"\([^()]*\)")
_MIXED = re.compile(r"\b(?:fixes|variables) (?:et|\+|ou) (?:fixes|variables)\b")
_OF = re.compile(r"^(?:€|euros?)?\s*(?:de|d'|d’)\s*")


def _named(figure: Figure) -> Quantity | None:
    """The quantity named by the last clause before the figure, else by the whole label, else
    right after it ('72 000 € de charges variables')."""
    label = _ASIDE.sub(" ", figure.label)
    last_clause = _CLAUSE.split(label)[-1]
    if concepts_in(last_clause):
        return _only(last_clause, figure)
    if concepts_in(label):
        return _only(label, figure)
    following = _OF.match(figure.after)
    if following is None:
        return None
    clause = _CLAUSE.split(figure.after[following.end() :])[0]
    found = concepts_in(clause)
    return _only(clause, figure) if found and found[0][0] == 0 else None


def _only(label: str, figure: Figure) -> Quantity | None:
    """The quantity when the label names exactly one that fits the figure."""
    found = set(_compatible(label, figure))
    return found.pop() if len(found) == 1 else None


def _leftmost(label: str, figure: Figure) -> Quantity | None:
    """The first quantity named that fits: 'Seuil de rentabilité (CF / taux de MCV)'."""
    found = _compatible(label, figure)
    return found[0] if found else None


def _inherited(figure: Figure) -> Quantity | None:
    """'Le seuil de rentabilité est de 52 500 €, soit 2 100 billets': a quantity, a number of
    days or months without a name of its own takes the break-even named earlier in its sentence."""
    if figure.unit not in ("quantity", "days", "months") or concepts_in(figure.label):
        return None
    named = {c for _, _, c in concepts_in(_defined(figure.lead))}
    return _BREAKEVEN_BY_UNIT[figure.unit] if named == {"breakeven"} else None


def _result(label: str, figure: Figure) -> Quantity | None:
    """What a computation's result is: its last clause when that names it without a formula
    ('Point mort : avec un CA prévisionnel de 420 × 150 = …' is a revenue), else the first
    quantity named that fits ('Seuil de rentabilité (CF / taux de MCV) = …')."""
    head = _defined(label)
    clause = _CLAUSE.split(_ASIDE.sub(" ", head))[-1]
    if concepts_in(clause) and not _FORMULA.search(clause):
        return _leftmost(clause, figure) or _leftmost(head, figure)
    return _leftmost(head, figure)


_FORMULA = re.compile(r"[/×*+−]|\s-\s")


def _defined(label: str) -> str:
    """The side of 'X = A / B = …' that names what is computed, when it names something: the
    operands' names on the right ('Coûts fixes / prix') are not the result's."""
    head = label.split("=", 1)[0]
    return head if "=" in label and concepts_in(head) else label


AMBIGUOUS: Literal["ambiguous"] = "ambiguous"
Found = Fact | Literal["ambiguous"] | None


class Resolver:
    """Finds the inputs of a computation around the figure it checks."""

    def __init__(self, facts: list[Fact], *, same: float = 1e-3) -> None:
        self.facts, self.same = facts, same

    def find(self, target: Fact, quantity: Quantity, *, wide: bool = True) -> Found:
        """The fact naming ``quantity`` nearest to ``target``: in its table column or paragraph,
        then its section, then (``wide``) the enclosing sections up to the top-level one. A
        target or input described without its name (``local``) is read in its paragraph only."""
        levels = self._levels(target, wide)[: 1 if target.local else None]
        for local in (False, True):
            # a figure named only by its sentence is taken when no figure names the quantity
            for depth, level in enumerate(levels):
                candidates = [
                    f
                    for f in self.facts
                    if f.quantity == quantity and f.local == local and level(f)
                ]
                if candidates and not (local and depth):
                    return self._single(candidates)
        return None

    def _levels(self, target: Fact, wide: bool) -> list[Callable[[Fact], bool]]:
        figure = target.figure
        levels: list[Callable[[Fact], bool]] = [partial(_near, target)]
        section = figure.section
        # a written computation takes its inputs from its own section, never from afar
        widest = (1 if section else 0) if wide and not target.computed else len(section)
        if wide and target.dossier:
            # read from the dossier's fixed costs: its other inputs may be anywhere in the
            # dossier, taken only when one value names each (else ambiguous: nothing said)
            widest = 0
        for depth in range(len(section), widest - 1, -1):
            levels.append(partial(_in_section, section[:depth]))
        return levels

    def _single(self, candidates: list[Fact]) -> Found:
        """The candidate when they all agree (or the totals among them do), else ambiguous."""
        values = _distinct([c.value for c in candidates], self.same)
        if len(values) == 1:
            return candidates[0]
        totals = [c for c in candidates if c.total]
        if totals and len(_distinct([c.value for c in totals], self.same)) == 1:
            return totals[0]
        return "ambiguous"


def _near(target: Fact, fact: Fact) -> bool:
    """Same paragraph; for a table, same column group (or same row for a fact named by its
    column header)."""
    if fact.figure.block != target.figure.block:
        return False
    if not target.figure.in_table:
        return True
    if target.by_column:
        return fact.figure.row == target.figure.row
    return fact.group == target.group


def _in_section(path: list[str], fact: Fact) -> bool:
    return fact.figure.section[: len(path)] == path


def _distinct(values: list[float], same: float) -> list[float]:
    kept: list[float] = []
    for value in values:
        if not any(abs(value - k) <= same * max(abs(k), 1e-9) for k in kept):
            kept.append(value)
    return kept
