"""Totals closing an enumeration in prose: "la location (9 800 €), le réseau (4 200 €) ... et
le stock (3 100 €), soit 28 200 € de dépenses".

A sentence whose last amount is introduced by « soit », « au total » or « pour un total de » and
which holds at least ``MIN_TERMS`` amounts before it, all of the same unit and nothing else
numeric (no quantity, rate or unit price that could make the sum something else), is a total
of those amounts. It is an error when the sum differs beyond the rounding of the last digit
written; an amount introduced by « dont » is a detail and makes the sentence unreadable as a
plain sum, so it is left alone.

A list works the same way: items of one amount each (« hêtre 4,20 € », « emballage 1,40 € »),
at least ``MIN_TERMS`` in a row, closed by an item that announces their total (« → coût de
revient = 14,50 € », « Total : ... »).
"""

from __future__ import annotations

import re
from itertools import groupby

from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck, CheckStatus
from assistant.calc.outcome import at_page, close
from assistant.calc.vocabulary import folded, names_a_sale
from assistant.document import Document

MIN_TERMS = 3
_CLOSES = re.compile(
    r"(?:,|;|:|\bet)?\s*(?:soit|au total|pour un total de|soit un total de|soit au total"
    r"|soit un budget (?:total )?de|soit des depenses de)\s*(?:de\s*|d')?(?:un\s+)?$"
)
_DETAIL = re.compile(r"\bdont\b")
_CLOSES_LIST = re.compile(
    r"^\W*(?:total\b|sous-total\b|soit\b|cout de revient\b|cout total\b|cout unitaire total\b)"
)
_NOT_A_PART = re.compile(
    r"\b(?:hausse|baisse|augment\w*|diminu\w*|remise|reduction|marge|taux|tva|evolution"
    r"|passe\w*|moins|plus|ecart|difference|economi\w*|chacun\w*|moyenne|unitaire|prix)\b"
)
_NAME = re.compile(r"[a-z]{4,}")
_NOT_NAMES = frozenset({"puis", "avec", "pour", "entre", "apres", "avant", "sans", "dans"})


def check_prose_sums(doc: Document, figures: list[Figure], *, tolerance: float) -> list[CalcCheck]:
    """One check per sentence of prose, or list, that closes an enumeration of amounts with
    its total."""
    prose = [f for f in figures if not f.in_table]
    checks = []
    for _, sentence in groupby(prose, key=lambda f: (f.block, f.context_start)):
        check = _sentence_sum(list(sentence), doc.text, tolerance)
        if check is not None:
            checks.append(check)
    return checks + _list_sums(doc, prose, tolerance)


def _list_sums(doc: Document, figures: list[Figure], tolerance: float) -> list[CalcCheck]:
    """Items of one amount each, closed by an item announcing their total."""
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        by_block.setdefault(figure.block, []).append(figure)
    kinds = {b.index: b.kind for b in doc.blocks}
    checks = []
    for block, found in by_block.items():
        if kinds.get(block) != "list_item" or len(found) != 1:
            continue
        total = found[0]
        if total.unit not in ("currency", "percent"):
            continue
        if not _CLOSES_LIST.search(folded(total.label)):
            continue
        terms: list[Figure] = []
        previous = block - 1
        while kinds.get(previous) == "list_item":
            items = by_block.get(previous, [])
            if len(items) != 1 or items[0].unit != total.unit or items[0].period != total.period:
                break
            if _CLOSES_LIST.search(folded(items[0].label)):
                break  # the total of the list above
            terms.insert(0, items[0])
            previous -= 1
        if not names_a_sale(total.label):
            while terms and names_a_sale(terms[0].label):
                terms.pop(0)  # « Prix moyen : 24 € » heading a list of unit costs: the context
        labels = [folded(f.label) for f in terms]
        if len(terms) < MIN_TERMS or not all(_named(label) for label in labels):
            continue
        if any(_DETAIL.search(label) for label in labels):
            continue
        if total.unit == "percent":
            checks.append(_share_sum_check(total, terms, doc.text))
        else:
            checks.append(_sum_check(total, terms, doc.text, tolerance))
    return checks


def _share_sum_check(total: Figure, terms: list[Figure], text: str) -> CalcCheck:
    """Shares listed one per item and closed by their written total (« total : 100 % »),
    each rounded to its last digit."""
    expected = sum(f.value for f in terms)
    slack = max(total.step, sum(f.step for f in terms) / 2)
    ok = close(total.value, expected, tolerance=0.0, step=slack)
    listed = " + ".join(amount(f.value, "percent") for f in terms)
    if ok:
        message = f"Répartition{at_page(total.page)} vérifiée ({listed})."
    else:
        message = (
            f"Répartition erronée{at_page(total.page)} : les parts totalisent "
            f"{amount(expected, 'percent')} et non {amount(total.value, 'percent')} ({listed})."
        )
    check = _check(total, terms, expected, "ok" if ok else "error", message, text)
    return check.model_copy(update={"kind": "repartition"})


def _sentence_sum(figures: list[Figure], text: str, tolerance: float) -> CalcCheck | None:
    if len(figures) < MIN_TERMS + 1:
        return None
    total, terms = figures[-1], figures[:-1]
    if total.unit != "currency" or not _CLOSES.search(folded(total.label).rstrip()):
        return None
    if any(f.unit != total.unit or f.period != total.period for f in terms):
        return None
    labels = [folded(f.label) for f in terms]
    if any(_DETAIL.search(label) or _NOT_A_PART.search(label) for label in labels):
        return None
    if not all(_named(label) for label in labels) or _NOT_A_PART.search(folded(total.after)):
        return None  # a change of price, a gap, a figure per person: not parts of a whole
    return _sum_check(total, terms, text, tolerance)


def _sum_check(total: Figure, terms: list[Figure], text: str, tolerance: float) -> CalcCheck:
    expected = sum(f.value for f in terms)
    status: CheckStatus = (
        "ok" if close(total.value, expected, tolerance=tolerance, step=total.step) else "error"
    )
    formula = " + ".join(amount(f.value, f.unit) for f in terms)
    if status == "ok":
        message = f"Total{at_page(total.page)} vérifié ({formula})."
    else:
        message = (
            f"Total erroné{at_page(total.page)} : {amount(total.value, total.unit)} annoncés, "
            f"{amount(expected, total.unit)} attendus ({formula})."
        )
    return _check(total, terms, expected, status, message, text)


def _named(label: str) -> bool:
    """The label names a part ("la location du hall"), not a step ("à", ", puis")."""
    return any(word not in _NOT_NAMES for word in _NAME.findall(label))


def _check(
    total: Figure,
    terms: list[Figure],
    expected: float,
    status: CheckStatus,
    message: str,
    text: str,
) -> CalcCheck:
    return CalcCheck(
        kind="total",
        status=status,
        figures={"somme": round(expected, 4), "termes": float(len(terms))},
        expected=round(expected, 4),
        found=total.value,
        unit=total.unit,
        page=total.page,
        quote=total.quote(text),
        message=message,
        span=(total.start, total.end),
    )
