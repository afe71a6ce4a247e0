"""Relations written with an arrow in a list: « Salon : 2 100 € → 32,8 % », « 2025 : 171 800 €
→ +15,4 % ».

An arrow after an amount that ends a list item leads to what the amount gives, and the
percentage it leads to is read two ways only:

- unsigned, in a run of such items closed by a « Total : X € » item, it is the item's share of
  that total. The shares are redone when at least two of them, and more than half, agree with
  amount / total (the total is then the base they were computed on); the others are wrong;
- signed (« +15,4 % », « −3 % »), it is a change, and when the item and the one before it are
  labelled by two consecutive years, it is the change from the previous year's amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck
from assistant.calc.rates import _agrees, _rate_error, _signed
from assistant.calc.vocabulary import folded
from assistant.document import Document

_ARROW = re.compile(r"^(?:→|->|=>|⇒|➜|➔|⟶)$")
_TOTAL = re.compile(r"^\W*(?:total\b|budget total\b|cout total\b)")
_YEAR = re.compile(r"^\W*((?:19|20)\d\d)\b\W*$")
_SIGNED = re.compile(r"^\s*[-−–+]")
MIN_SHARES = 3


def check_arrow_relations(
    doc: Document, figures: list[Figure], *, split_tolerance: float
) -> list[CalcCheck]:
    """Shares and yearly changes written after an arrow, list by list."""
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        if not figure.in_table:
            by_block.setdefault(figure.block, []).append(figure)
    checks: list[CalcCheck] = []
    for run in _list_runs(doc):
        items = [by_block.get(b, []) for b in run]
        checks += _shares(items, doc.text, split_tolerance)
        checks += _yearly_changes(items, doc.text)
    return checks


def _list_runs(doc: Document) -> Iterator[list[int]]:
    """Consecutive list items among the evidence blocks."""
    run: list[int] = []
    for block in doc.evidence_blocks():
        if block.kind == "list_item":
            run.append(block.index)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _arrow(item: list[Figure]) -> tuple[Figure, Figure] | None:
    """The item's last amount and the percentage its arrow leads to, when the item ends so."""
    if len(item) < 2:
        return None
    value, rate = item[-2], item[-1]
    if rate.unit != "percent" or value.unit != "currency" or not value.same_sentence(rate):
        return None
    if not _ARROW.match(rate.label.strip()) or re.search(r"\w", rate.after):
        return None
    return value, rate


def _shares(items: list[list[Figure]], text: str, tolerance: float) -> list[CalcCheck]:
    checks: list[CalcCheck] = []
    for i, item in enumerate(items):
        total = item[0] if item else None
        if total is None or total.unit != "currency" or not _TOTAL.search(folded(total.label)):
            continue
        pairs: list[tuple[Figure, Figure]] = []
        for before in reversed(items[:i]):
            pair = _arrow(before)
            if pair is None or _SIGNED.match(pair[1].raw):
                break
            pairs.insert(0, pair)
        if len(pairs) < MIN_SHARES or total.value <= 0:
            continue
        if any(v.period != total.period for v, _ in pairs):
            continue
        wrong = [
            (v, r)
            for v, r in pairs
            if abs(r.value - v.value / total.value * 100) > max(r.step, tolerance)
        ]
        agreeing = len(pairs) - len(wrong)
        if agreeing < 2 or agreeing * 2 <= len(pairs):
            continue
        summed = sum(r.value for _, r in pairs)
        for value, rate in wrong:
            checks.append(_share_error(value, rate, total, summed, text))
    return checks


def _share_error(value: Figure, rate: Figure, total: Figure, summed: float, text: str) -> CalcCheck:
    expected = value.value / total.value * 100
    said = (
        f"{amount(rate.value, 'percent')} annoncés, {amount(expected, 'percent')} attendus "
        f"({amount(value.value, value.unit)} / {amount(total.value, total.unit)}) ; "
        f"les parts listées totalisent {amount(summed, 'percent')}."
    )
    figures = {"part": value.value, "total": total.value}
    return _rate_error(rate, expected, text, "Part erronée", said, figures)


def _yearly_changes(items: list[list[Figure]], text: str) -> list[CalcCheck]:
    checks: list[CalcCheck] = []
    for before, item in pairwise(items):
        pair = _arrow(item)
        if pair is None or not before or not _SIGNED.match(pair[1].raw):
            continue
        value, rate = pair
        previous = _arrow(before)
        base = previous[0] if previous else (before[0] if len(before) == 1 else None)
        if base is None or base.unit != value.unit or base.period != value.period:
            continue
        years = _year(base.label), _year(value.label)
        if years[0] is None or years[1] != years[0] + 1 or not base.value:
            continue
        expected = (value.value - base.value) / abs(base.value) * 100
        if _agrees(rate.raw, rate.value, rate.step, expected):
            continue
        start, end = amount(base.value, base.unit), amount(value.value, value.unit)
        said = (
            f"{' '.join(rate.raw.split())} annoncés, {_signed(expected)} attendus "
            f"(({end} − {start}) / {start})."
        )
        figures = {"base": base.value, "nouvelle valeur": value.value}
        checks.append(_rate_error(rate, expected, text, "Taux d'évolution erroné", said, figures))
    return checks


def _year(label: str) -> int | None:
    """The year that labels a list item's amount (« 2024 : »)."""
    found = _YEAR.match(label)
    return int(found.group(1)) if found else None
