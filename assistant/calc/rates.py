"""Columns of change rates: « Évolution », « Variation », « Écart % », « Croissance ».

Such a column holds, on each row, the change between two amounts over the first one: two
amount columns on its left (« 2024 | 2025 | Évolution », « Budget | Réalisé | Écart | Écart
% ») or the same amount column on the row above (years as rows). Which reading the student
used is not written: it is the one that most rows agree with (at least two rows and more than
half). The rows that disagree with it are wrong; nothing is said when no reading fits most
rows. A rate written without a sign may be a decrease: its size is compared then.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.grid import Grid
from assistant.calc.models import CalcCheck
from assistant.calc.vocabulary import folded, is_total

_CHANGE = re.compile(
    r"\b(?:evolution|variation|var\.?|croissance|progression|hausse|ecart|variance|change|growth)"
    r"\b|%\s*n\s*/\s*n|\bn\s*/\s*n-1\b"
)


@dataclass(frozen=True)
class _Reading:
    base: Callable[[int], float | None]
    new: Callable[[int], float | None]
    formula: str
    vertical: bool = False  # the base is the row above: total rows are left out


def check_rate_columns(grid: Grid) -> list[CalcCheck]:
    """Every change-rate column of one table, row by row."""
    checks: list[CalcCheck] = []
    numeric = grid.numeric_columns()
    for col in numeric:
        header = folded(grid.column_label(col))
        if not _CHANGE.search(header) or not grid.percent_column(col):
            continue
        amounts = [c for c in numeric if c < col and not grid.percent_column(c)]
        checks += _check_column(grid, col, _readings(grid, amounts))
    return checks


def _readings(grid: Grid, amounts: list[int]) -> list[_Reading]:
    readings = []
    for i, first in enumerate(amounts):
        for second in amounts[i + 1 :]:
            names = f"{grid.column_label(first)} → {grid.column_label(second)}"
            readings.append(_Reading(_cell(grid, first), _cell(grid, second), f"({names}) / base"))
    for col in amounts:
        readings.append(
            _Reading(_above(grid, col), _cell(grid, col), grid.column_label(col), vertical=True)
        )
    return readings


def _cell(grid: Grid, col: int) -> Callable[[int], float | None]:
    def value(row: int) -> float | None:
        cell = grid.cell(row, col)
        return cell.number.value if cell is not None and cell.number is not None else None

    return value


def _above(grid: Grid, col: int) -> Callable[[int], float | None]:
    own = _cell(grid, col)

    def value(row: int) -> float | None:
        return own(row - 1) if row - 1 >= grid.header else None

    return value


def _check_column(grid: Grid, col: int, readings: list[_Reading]) -> list[CalcCheck]:
    rows = [
        r
        for r in range(grid.header, len(grid.rows))
        if (c := grid.cell(r, col)) is not None and c.number is not None
    ]
    best: tuple[_Reading, list[int], list[int]] | None = None
    for reading in readings:
        fits, misses = _fit(grid, col, rows, reading)
        most = len(fits) >= 2 and len(fits) * 2 > len(fits) + len(misses)
        if most and (best is None or len(fits) > len(best[1])):
            best = (reading, fits, misses)
    if best is None:
        return []
    reading, _, misses = best
    return [_error(grid, r, col, reading) for r in misses]


def _fit(grid: Grid, col: int, rows: list[int], reading: _Reading) -> tuple[list[int], list[int]]:
    fits, misses = [], []
    for row in rows:
        if reading.vertical and is_total(grid.row_label(row)):
            continue
        expected = _rate(reading, row)
        cell = grid.cell(row, col)
        if expected is None or cell is None or cell.number is None:
            continue
        if _agrees(cell.text, cell.number.value, cell.number.step, expected):
            fits.append(row)
        else:
            misses.append(row)
    return fits, misses


def _rate(reading: _Reading, row: int) -> float | None:
    base, new = reading.base(row), reading.new(row)
    if base is None or new is None or not base:
        return None
    return (new - base) / abs(base) * 100


def _agrees(text: str, found: float, step: float, expected: float) -> bool:
    """Equal up to the rounding written (and half a point); a rate without a sign may be a
    decrease written by its size."""
    slack = max(step, 0.5)
    signed = bool(re.match(r"^\s*[-−–+]", text))
    if abs(found - expected) <= slack:
        return True
    return not signed and abs(found - abs(expected)) <= slack


def _error(grid: Grid, row: int, col: int, reading: _Reading) -> CalcCheck:
    cell = grid.cell(row, col)
    assert cell is not None and cell.number is not None
    expected = _rate(reading, row) or 0.0
    base, new = reading.base(row) or 0.0, reading.new(row) or 0.0
    label = grid.row_label(row) or f"ligne {row + 1}"
    page = grid.block.page
    where = f" p. {page}" if page is not None else ""
    message = (
        f"Taux d'évolution erroné{where}, « {label} » (colonne « {grid.column_label(col)} ») : "
        f"{amount(cell.number.value, 'percent')} annoncés, {_signed(expected)} attendus "
        f"(({amount(new, 'number')} − {amount(base, 'number')}) / {amount(base, 'number')})."
    )
    return CalcCheck(
        kind="expression",
        status="error",
        figures={"base": base, "nouvelle valeur": new},
        expected=round(expected, 2),
        found=cell.number.value,
        unit="percent",
        page=page,
        quote=grid.row_quote(row),
        message=message,
        span=(cell.start, cell.end),
    )


def _signed(value: float) -> str:
    text = amount(abs(value), "percent")
    return text if math.isclose(value, 0.0) else ("+" if value > 0 else "−") + text


_FROM = re.compile(r"(?:\bde|\bd')$")
_TO = re.compile(r"\ba$")
_JOINT = re.compile(
    r"^(?:(?:en|fin|au|d'ici|sur)\s+[\w-]+\s*)?[(,;:\s]*(?:soit\b\s*)?(?:une?\s+)?"
    r"(?:(?:hausse|baisse|augmentation|progression|croissance|evolution|diminution|recul)\s+"
    r"(?:de\b\s*)?)?\(?\s*$"
)  # only words saying that the rate is this change: « , soit une hausse de », « ( »


def check_prose_growth(figures: list[Figure], text: str) -> list[CalcCheck]:
    """« de 80 000 € à 92 000 €, soit +15 % »: a change between two amounts of a sentence,
    with the rate written right after them."""
    prose = [f for f in figures if not f.in_table]
    checks = []
    for first, second, rate in zip(prose, prose[1:], prose[2:], strict=False):
        if not _growth_triple(first, second, rate) or not first.value:
            continue
        expected = (second.value - first.value) / abs(first.value) * 100
        written = text[rate.start : rate.end]
        if _agrees(written, rate.value, rate.step, expected):
            continue
        checks.append(_prose_error(first, second, rate, expected, text))
    return checks


def _growth_triple(first: Figure, second: Figure, rate: Figure) -> bool:
    if not (first.same_sentence(second) and second.same_sentence(rate)):
        return False
    units = {first.unit, second.unit}
    if "percent" in units or rate.unit != "percent" or (len(units) > 1 and "number" not in units):
        return False  # « de 41 200 entrées à 46 350 »: the second takes the first's unit
    before, between = folded(first.label), folded(second.label)
    if not _FROM.search(before) or not _TO.search(between) or len(between) > 20:
        return False
    joint = folded(rate.label)
    return bool(_JOINT.match(joint)) and (bool(joint.strip()) or rate.raw[:1] in "+-−")


def _prose_error(
    first: Figure, second: Figure, rate: Figure, expected: float, text: str
) -> CalcCheck:
    start, end = amount(first.value, first.unit), amount(second.value, first.unit)
    return _rate_error(
        rate,
        expected,
        text,
        "Taux d'évolution erroné",
        f"{amount(rate.value, 'percent')} annoncés, {_signed(expected)} attendus "
        f"(({end} − {start}) / {start}).",
        {"base": first.value, "nouvelle valeur": second.value},
    )


def _rate_error(
    rate: Figure, expected: float, text: str, title: str, said: str, figures: dict[str, float]
) -> CalcCheck:
    """The alert for a wrong percentage ``rate``: « title p. N : said »."""
    where = f" p. {rate.page}" if rate.page is not None else ""
    return CalcCheck(
        kind="expression",
        status="error",
        figures=figures,
        expected=round(expected, 2),
        found=rate.value,
        unit="percent",
        page=rate.page,
        quote=rate.quote(text),
        message=f"{title}{where} : {said}",
        span=(rate.start, rate.end),
    )


_SHARE_JOINT = re.compile(
    r"^[,(]?\s*(?:soit|c'est-a-dire|representant)?\s*(?:environ|pres de)?\s*\(?$"
)
_OF_A_WHOLE = re.compile(r"^(?:du|de la|de l'|des|d')\s*[a-z]")


def check_prose_shares(figures: list[Figure], text: str) -> list[CalcCheck]:
    """« la communication représente 12 000 € sur un budget de 40 000 €, soit 30 % du
    budget »: a share written right after its amount, of the one other amount of its sentence
    (same unit and period, larger)."""
    prose = [f for f in figures if not f.in_table]
    checks = []
    for part, rate in pairwise(prose):
        if rate.unit != "percent" or part.unit == "percent" or part.value <= 0:
            continue
        if not part.same_sentence(rate):
            continue
        joint = folded(rate.label)
        if not joint or not _SHARE_JOINT.match(joint) or not _OF_A_WHOLE.match(folded(rate.after)):
            continue
        others = [
            f
            for f in prose
            if f.same_sentence(part)
            and f is not part
            and f.unit == part.unit
            and f.period == part.period
        ]
        if len(others) != 1 or others[0].value <= part.value or not 0 < rate.value <= 100:
            continue
        whole = others[0]
        if not _names_the_whole(folded(rate.after), whole):
            continue
        expected = part.value / whole.value * 100
        slack = max(rate.step, 1.0 if re.search(r"environ|pres", joint) else 0.5)
        if abs(rate.value - expected) <= slack:
            continue
        checks.append(_share_error(part, whole, rate, expected, text))
    return checks


def _share_error(
    part: Figure, whole: Figure, rate: Figure, expected: float, text: str
) -> CalcCheck:
    return _rate_error(
        rate,
        expected,
        text,
        "Pourcentage erroné",
        f"{amount(rate.value, 'percent')} annoncés, {amount(expected, 'percent')} attendus "
        f"({amount(part.value, part.unit)} / {amount(whole.value, whole.unit)}).",
        {"part": part.value, "total": whole.value},
    )


def _names_the_whole(after: str, whole: Figure) -> bool:
    """The words after the rate (« de l'enveloppe ») name the other amount (« une enveloppe
    de 48 000 € »): its first noun is in the clause around that amount."""
    named = re.findall(r"[a-z]{4,}", after)[:1]
    before = re.split(r"[,;:]", folded(whole.label))[-1]
    following = re.split(r"[,;:]", folded(whole.after))[0]
    around = f"{before} {following}"
    return bool(named) and re.search(rf"\b{named[0][:5]}", around) is not None
