"""Totals of budget tables: a 'Total' row against the rows above it, a 'Total' column against
the columns on its left.

A total is accepted when any usual reading of the table leads to it: the rows since the
previous total, all the rows above, the sub-totals plus the rows after the last one, the last
rows only (a total of outflows under the receipts); for a
column, the columns since the previous total column, or quantity × unit price. Rows of
percentages, 'dont ...' details and the balance rows of a cash-flow plan are never added.
A cell holding text other than 'offert', 'inclus', 'gratuit' makes the sum unknown: nothing
is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from assistant.assessment import Evidence
from assistant.calc.formatting import amount
from assistant.calc.grid import Grid
from assistant.calc.models import CalcCheck, CheckStatus
from assistant.calc.outcome import at_page
from assistant.calc.vocabulary import cash_row, folded, is_detail, is_period, is_total

_FREE = re.compile(r"^(?:offerts?e?s?|inclus\w*|gratuit\w*|compris)$")
_PRICE = re.compile(r"\b(?:prix|p\.?u\.?|tarif|cout unitaire|unitaire)\b")
_COUNT = re.compile(r"\b(?:quantites?|qte|nombre|nb|volume|effectif)\b")
_NOT_ADDED = re.compile(
    r"%|\btaux\b|\bcoef|\bratio\b|\bduree\b|\bdate\b|\broi\b|\bpar\b|\bmoyen|\bcp[lcma]\b"
    r"|/|\bindice\b|\bnote\b|\bscore\b|\brate\b|\bper\b|\baverage\b|\bcumul\w*"
)  # rates, ratios, averages and costs per unit ("Coût par lead", "ROI") are not added up


@dataclass(frozen=True)
class Sum:
    value: float
    terms: int
    formula: str


def check_totals(grid: Grid, text: str, *, tolerance: float) -> list[CalcCheck]:
    """Every 'Total' row and column of one table, redone."""
    checks: list[CalcCheck] = []
    for row in range(grid.header, len(grid.rows)):
        if is_total(grid.row_label(row)) and cash_row(grid.row_label(row)) is None:
            checks += _row_total(grid, row, text, tolerance)
    for col in grid.numeric_columns():
        if is_total(grid.column_label(col)):
            checks += _column_total(grid, col, text, tolerance)
        elif _AMOUNT.search(folded(grid.column_label(col))):
            checks += _column_products(grid, col, text, tolerance)
    return _confirmed_readings(checks)


def _confirmed_readings(checks: list[CalcCheck]) -> list[CalcCheck]:
    """A cell read two ways (a 'Total' row at the foot of a 'Total' column: the lines above
    it, or its quantity × unit price) is right when one reading leads to it: the table's
    structure is inferred, and a reading that fails is the wrong reading, not a wrong cell."""
    held = {c.span for c in checks if c.status == "ok"}
    return [c for c in checks if c.status != "error" or c.span not in held]


_AMOUNT = re.compile(
    r"^(?:montants?|couts?|cout total|budget|ca|chiffre d'affaires|recettes?|depenses?|amount"
    r"|cost|revenue|sales)\b(?! unitaire| par\b)"
)


def _column_products(grid: Grid, col: int, text: str, tolerance: float) -> list[CalcCheck]:
    """An amount column (« Montant », « Coût », « CA ») after one quantity column and one unit
    price column: quantity × price, checked when most rows hold it (the column may be
    something else: a monthly amount, a price with VAT)."""
    left = [c for c in grid.numeric_columns() if c < col]
    headers = {c: folded(grid.column_label(c)) for c in left}
    price = [c for c in left if _PRICE.search(headers[c])]
    count = [c for c in left if _COUNT.search(headers[c]) and c not in price]
    if len(price) != 1 or len(count) != 1:
        return []
    checks = []
    for row in range(grid.header, len(grid.rows)):
        cell = grid.cell(row, col)
        if cell is None or cell.number is None or is_total(grid.row_label(row)):
            continue
        sums = _column_sums(grid, row, [], [], price, count)
        if sums:
            checks.append(_judge(grid, row, col, sums, text, tolerance, axis="column"))
    held = sum(c.status == "ok" for c in checks)
    return checks if held >= 2 and held * 2 > len(checks) else []


def _row_total(grid: Grid, row: int, text: str, tolerance: float) -> list[CalcCheck]:
    checks = []
    for col in grid.numeric_columns():
        cell = grid.cell(row, col)
        if cell is None or cell.number is None or cell.number.unit == "percent":
            continue
        header = folded(grid.column_label(col))
        if _PRICE.search(header) or _NOT_ADDED.search(header) or _running(grid, row, col):
            continue  # a unit price, a rate or a running total is not added up
        sums = _row_sums(grid, row, col)
        if sums:
            checks.append(_judge(grid, row, col, sums, text, tolerance, axis="row"))
    return checks


def _running(grid: Grid, row: int, col: int) -> bool:
    """A column of running totals (« cumul »): each row is the one above plus the same row of
    another column, so its total row repeats its last row instead of adding them."""
    rows = [r for r in range(grid.header, row) if grid.value(r, col) is not None]
    if len(rows) < 3:
        return False
    steps = list(pairwise(rows))
    for other in grid.numeric_columns():
        if other == col:
            continue
        if all(
            _same(grid.value(b, col), grid.value(a, col), grid.value(b, other)) for a, b in steps
        ):
            return True
    return False


def _same(running: float | None, before: float | None, step: float | None) -> bool:
    if running is None or before is None or step is None:
        return False
    return abs(running - (before + step)) <= 1e-6 * max(abs(running), 1.0)


def _addable_rows(grid: Grid, row: int) -> list[int]:
    """Rows above ``row`` that may be added: not totals of cash balances, not details."""
    rows = []
    for r in range(grid.header, row):
        label = grid.row_label(r)
        if is_detail(label) or cash_row(label) in ("opening", "closing", "balance", "net"):
            continue
        rows.append(r)
    return rows


def _row_sums(grid: Grid, row: int, col: int) -> list[Sum]:
    rows = _addable_rows(grid, row)
    totals = [r for r in rows if is_total(grid.row_label(r))]
    leaves = [r for r in rows if r not in totals]
    values = {r: _addable(grid, r, col) for r in rows}
    if any(values[r] is None for r in rows) or not any(values[r] for r in leaves):
        return []
    last = totals[-1] if totals else grid.header - 1
    since_last = [r for r in leaves if r > last]
    known = {r: v for r, v in values.items() if v is not None}
    candidates = [since_last, leaves, totals + since_last, _without_details(since_last, known)]
    # a total of part of the rows ("Total cash-out" under the opening balance and receipts,
    # "CA total" under the volumes and prices it comes from): its last rows
    candidates += [since_last[k:] for k in range(1, len(since_last) - 1)]
    candidates.append(_outside_subtotals(rows, totals, known))
    carried = _carried_row(grid, row)
    if carried is not None and (value := _addable(grid, carried, col)):
        # « Report A + B » at the top of a budget continued from the page before: the whole
        # is the carried sub-total plus the sub-totals and lines of this part
        values[carried] = value
        candidates.insert(0, [carried, *_outside_subtotals(rows, totals, known)])
    sums = []
    for terms in candidates:
        if terms and not _mixed_units(grid, terms, col):
            total = sum(values[r] or 0.0 for r in terms)
            sums.append(Sum(total, len(terms), _names(grid, terms)))
    return sums


def _outside_subtotals(rows: list[int], totals: list[int], values: dict[int, float]) -> list[int]:
    """The sub-totals and the lines no sub-total covers (a group of one line written without a
    sub-total between two groups that have one): each sub-total covers the shortest run of
    lines just above it that makes it, else all the lines since the previous one."""
    kept: list[int] = []
    pending: list[int] = []
    for r in rows:
        if r not in totals:
            pending.append(r)
            continue
        kept.append(r)
        target, running = values.get(r, 0.0), 0.0
        for k in range(len(pending) - 1, -1, -1):
            running += values.get(pending[k], 0.0)
            if abs(running - target) <= max(1e-6 * abs(target), 0.01):
                del pending[k:]
                break
        else:
            pending = []
    return sorted(kept + pending)


def _carried_row(grid: Grid, row: int) -> int | None:
    """The first line of a budget continued from a previous page (« Report », « À reporter »),
    in a table that is not a cash-flow plan (where « Report » is the opening balance)."""
    first = grid.header
    if first >= row or not re.match(r"(?:report|a reporter)\b", folded(grid.row_label(first))):
        return None
    plan = {"closing", "balance", "net", "receipts", "disbursements"}
    if any(cash_row(grid.row_label(r)) in plan for r in range(first, len(grid.rows))):
        return None
    return first


def _mixed_units(grid: Grid, rows: list[int], col: int) -> bool:
    """Amounts in euros beside bare counts (« Dons 12 000 € » under « Inscriptions 400 »):
    rows of indicators, not terms of one sum."""
    units = {
        cell.number.unit
        for r in rows
        if (cell := grid.cell(r, col)) is not None and cell.number is not None
    }
    return "currency" in units and bool(units & {"number", "quantity"})


def _without_details(rows: list[int], values: dict[int, float]) -> list[int]:
    """Rows left once the rows detailing a group row just above them are set aside: 'Communi-
    cation 5 000' followed by 'Affiches 2 000' and 'Réseaux 3 000' counts once."""
    kept, i = [], 0
    while i < len(rows):
        kept.append(rows[i])
        run = _detail_run(rows, i, values)
        i += 1 + run
    return kept


def _detail_run(rows: list[int], i: int, values: dict[int, float]) -> int:
    """Length (2 or more) of the run of rows after ``rows[i]`` that add up to it, else 0."""
    target, running = values[rows[i]], 0.0
    for length, r in enumerate(rows[i + 1 :], start=1):
        running += values[r]
        if length >= 2 and target and abs(running - target) <= 1e-6 * abs(target):
            return length
    return 0


def _addable(grid: Grid, row: int, col: int) -> float | None:
    """The value to add for a cell: 0 for empty or free, None for other text."""
    cell = grid.cell(row, col)
    if cell is None or cell.empty or _FREE.match(folded(cell.text)):
        return 0.0
    if cell.number is None or cell.number.unit == "percent":
        return None if cell.number is None else 0.0
    return cell.number.value


def _names(grid: Grid, rows: list[int]) -> str:
    labels = [grid.row_label(r) or f"ligne {r + 1}" for r in rows]
    return " + ".join(labels) if len(labels) <= 6 else f"somme des {len(labels)} lignes"


def _column_total(grid: Grid, col: int, text: str, tolerance: float) -> list[CalcCheck]:
    left = [c for c in grid.numeric_columns() if c < col]
    totals = [c for c in left if is_total(grid.column_label(c))]
    headers = {c: folded(grid.column_label(c)) for c in left}
    price = [c for c in left if _PRICE.search(headers[c])]
    count = [c for c in left if _COUNT.search(headers[c])]
    added = [c for c in left if not (_NOT_ADDED.search(headers[c]) or c in price or c in count)]
    periods = all(is_period(grid.column_label(c)) for c in added if c not in totals)
    if not (len(price) == 1 and len(count) == 1) and not (len(added) >= 2 and periods):
        return []
    checks = []
    for row in range(grid.header, len(grid.rows)):
        cell = grid.cell(row, col)
        if cell is None or cell.number is None or cell_is_balance(grid, row):
            continue
        sums = _column_sums(grid, row, added, totals, price, count)
        if sums:
            checks.append(_judge(grid, row, col, sums, text, tolerance, axis="column"))
    return checks


def cell_is_balance(grid: Grid, row: int) -> bool:
    return cash_row(grid.row_label(row)) in ("opening", "closing", "balance")


def _column_sums(
    grid: Grid, row: int, added: list[int], totals: list[int], price: list[int], count: list[int]
) -> list[Sum]:
    values = {c: _addable(grid, row, c) for c in [*added, *price, *count]}
    sums = []
    if price and count and _written(grid, row, price[0]) and _written(grid, row, count[0]):
        product = (values[price[0]] or 0.0) * (values[count[0]] or 0.0)
        formula = f"{grid.column_label(count[0])} × {grid.column_label(price[0])}"
        sums.append(Sum(product, 2, formula))
    if added and all(values[c] is not None for c in added):
        last = totals[-1] if totals else -1
        for terms in ([c for c in added if c not in totals], [c for c in added if c >= last]):
            if terms:
                total = sum(values[c] or 0.0 for c in terms)
                names = " + ".join(grid.column_label(c) for c in terms)
                sums.append(Sum(total, len(terms), names))
    return sums


def _written(grid: Grid, row: int, col: int) -> bool:
    """The cell holds a figure: an operand of a product is written, never taken for 0 (a
    lump sum « Location | | | 600 € » or a 'Total' row has no quantity nor unit price)."""
    cell = grid.cell(row, col)
    return cell is not None and cell.number is not None and cell.number.unit != "percent"


def _judge(
    grid: Grid, row: int, col: int, sums: list[Sum], text: str, tolerance: float, *, axis: str
) -> CalcCheck:
    cell = grid.cell(row, col)
    assert cell is not None and cell.number is not None
    found, step = cell.number.value, cell.number.step
    page, quote = grid.block.page, grid.row_quote(row)
    label = grid.row_label(row) if axis == "row" else grid.column_label(col)
    where = grid.row_label(row) if axis == "column" else grid.column_label(col)
    for option in sums:
        slack = max(step, option.terms * step / 2)
        if abs(found - option.value) <= max(slack, tolerance * abs(option.value)) + 1e-9:
            return _check(grid, row, col, option, "ok", quote, f"Total{at_page(page)} vérifié.")
    best = sums[0]
    unit = cell.number.unit
    place = f" ({where})" if where else ""
    message = (
        f"Total erroné{at_page(page)}, « {label} »{place} : {amount(found, unit)} annoncés, "
        f"{amount(best.value, unit)} attendus ({best.formula})."
    )
    return _check(grid, row, col, best, "error", quote, message)


def _check(
    grid: Grid, row: int, col: int, option: Sum, status: CheckStatus, quote: str, message: str
) -> CalcCheck:
    cell = grid.cell(row, col)
    assert cell is not None and cell.number is not None
    return CalcCheck(
        kind="total",
        status=status,
        figures={"somme": round(option.value, 4), "termes": option.terms},
        expected=round(option.value, 4),
        found=cell.number.value,
        unit=cell.number.unit,
        page=grid.block.page,
        quote=quote,
        message=message,
        span=(cell.start, cell.end),
    )


def table_evidence(grid: Grid, text: str) -> Evidence:
    """The table's header line and first rows, as evidence."""
    start, _ = grid.row_span(0)
    _, end = grid.row_span(min(len(grid.rows) - 1, grid.header + 2))
    return Evidence.at(text, start, end, grid.block.page, grid.block.section)
