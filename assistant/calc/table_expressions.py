"""Computations laid out in a table: « | Taux de marge | 27 / 38 | 0,65 | », redone.

A table whose header names a column of computations (« Calcul », « Calculation », « Formule »,
« Opération ») holds, on each row, a written operation and, in the result column after it
(« Résultat », « Result », « Valeur », « Montant », else the next column), what the student got.
The header says these are computations, so small figures without units are checked too (unlike
prose, where « 1 + 1 = 3 » may be a slogan). A wrong result carries its consequence: a later row
whose operation uses the wrong figure (« 16 200 / 0,65 ») is redone with the right one, and the
figure it leads to is added to the same alert with what it should be (one mistake, one alert).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.calc.chains import Chain, Token, chains_in, deduction_values, side_values
from assistant.calc.expressions import check_chain, checkable
from assistant.calc.figures import Figure, cell_figure
from assistant.calc.formatting import amount
from assistant.calc.grid import Cell, Grid
from assistant.calc.models import CalcCheck
from assistant.calc.numbers import find_numbers
from assistant.calc.outcome import at_page, close
from assistant.calc.vocabulary import folded
from assistant.document import Document

_OPERATION = re.compile(r"\b(?:calcul\w*|formule|formula|operations?|computation)\b")
_RESULT = re.compile(r"\b(?:resultats?|results?|valeurs?|values?|montants?|amounts?)\b")


@dataclass(frozen=True)
class _Row:
    """One row's operation and its written result."""

    row: int
    operation: Cell
    figures: list[Figure]  # the operation's figures, then the result
    chain: Chain


def check_table_expressions(doc: Document, grid: Grid, *, tolerance: float) -> list[CalcCheck]:
    """Every operation of a column of computations, against the result written beside it."""
    checks: list[CalcCheck] = []
    for col in range(1, grid.width):
        if not _OPERATION.search(folded(grid.column_label(col))):
            continue
        result_col = _result_column(grid, col)
        rows = (_row(doc, grid, r, col, result_col) for r in range(grid.header, len(grid.rows)))
        checks += _check_rows(grid, [r for r in rows if r is not None], tolerance)
    return checks


def check_cell_expressions(doc: Document, grid: Grid, *, tolerance: float) -> list[CalcCheck]:
    """A computation written whole in one cell (« | Seuil | 48 600 / 0,36 = 135 000 € | »),
    operands, operators and its result, redone as it would be in prose. Columns of
    computations, whose results stand in another column, are read by
    ``check_table_expressions``."""
    checks: list[CalcCheck] = []
    for row in range(grid.header, len(grid.rows)):
        for col, cell in enumerate(grid.rows[row]):
            if cell.number is not None or "=" not in cell.text:
                continue
            if col and _OPERATION.search(folded(grid.column_label(col))):
                continue
            numbers = find_numbers(cell.text)
            starts = [0] + [n.end for n in numbers]
            figures = [
                cell_figure(doc, grid, row, cell, n, label=cell.text[starts[i] : n.start])
                for i, n in enumerate(numbers)
            ]
            for chain in chains_in(figures):
                if checkable(chain):
                    checks.append(check_chain(chain, doc.text, tolerance))
    return checks


def _result_column(grid: Grid, col: int) -> int:
    named = [c for c in range(col + 1, grid.width) if _RESULT.search(folded(grid.column_label(c)))]
    return named[0] if named else col + 1


def _row(doc: Document, grid: Grid, row: int, col: int, result_col: int) -> _Row | None:
    operation, result = grid.cell(row, col), grid.cell(row, result_col)
    if operation is None or result is None or result.number is None:
        return None
    numbers = find_numbers(operation.text)
    if len(numbers) < 2:
        return None
    gaps = [operation.text[numbers[i - 1].end if i else 0 : n.start] for i, n in enumerate(numbers)]
    figures = [
        cell_figure(doc, grid, row, operation, n, label=gap)
        for n, gap in zip(numbers, gaps, strict=True)
    ]
    figures.append(cell_figure(doc, grid, row, result, result.number, label=" = "))
    chains = chains_in(figures)
    if len(chains) != 1 or len(chains[0].figures) != len(figures):
        return None
    return _Row(row, operation, figures, chains[0])


def _check_rows(grid: Grid, rows: list[_Row], tolerance: float) -> list[CalcCheck]:
    """Each row redone; a row whose only fault is a wrong figure taken from a row above adds
    its consequence to that row's alert (one mistake, one alert)."""
    checks: list[CalcCheck] = []
    wrong: list[tuple[Figure, float, int]] = []  # a wrong result, its right value, its check
    for item in rows:
        left = item.chain.segments()[0]
        result = item.figures[-1]
        expected = deduction_values(left, result)
        if not expected:
            continue
        if not any(_equal(result, e, tolerance) for e in expected):
            right = _shown(expected, result)
            wrong.append((result, right, len(checks)))
            checks.append(_error(grid, item, result, right))
            continue
        for bad, right, index in wrong:
            value = _redone(left, result, bad, right, tolerance)
            if value is not None:
                root = checks[index]
                label = grid.row_label(item.row) or "le résultat suivant"
                checks[index] = root.model_copy(
                    update={
                        "message": f"{root.message[:-1]} ; d'où « {label} » "
                        f"{amount(result.value, result.unit)} au lieu de "
                        f"{amount(value, result.unit)}."
                    }
                )
                break
    return checks


def _shown(expected: list[float], result: Figure) -> float:
    """The right value, in the result's own terms (a rate written 0,65 or 65 %)."""
    if result.unit == "percent":
        return next((e * 100 for e in expected if abs(e) <= 1.5), expected[0])
    return expected[0]


def _equal(result: Figure, expected: float, tolerance: float) -> bool:
    """The written result is the computed one, up to its rounding; a percentage may be meant
    as a fraction (« 71 % » for 27 / 38), its rounding shrinking with it."""
    if close(result.value, expected, tolerance=tolerance, step=result.step):
        return True
    fraction, step = result.fraction(), result.step / 100
    return result.unit == "percent" and close(fraction, expected, tolerance=tolerance, step=step)


def _redone(
    left: list[Token], result: Figure, bad: Figure, right: float, tolerance: float
) -> float | None:
    """What a row that uses the wrong figure ``bad`` gives with its right value, when that
    differs from the result written (None: the row does not use it, or it still holds)."""
    uses = [
        i for i, t in enumerate(left)
        if isinstance(t, Figure) and t.value == bad.value and t.unit == bad.unit
    ]  # fmt: skip
    if not uses:
        return None
    fixed: list[Token] = [
        t.model_copy(update={"value": right}) if i in uses and isinstance(t, Figure) else t
        for i, t in enumerate(left)
    ]
    expected = side_values(fixed)
    if not expected or any(_equal(result, e, tolerance) for e in expected):
        return None
    return _shown(expected, result)


def _error(grid: Grid, item: _Row, result: Figure, expected: float) -> CalcCheck:
    written = " ".join(item.operation.text.split())
    message = (
        f"Calcul erroné{at_page(result.page)} : « {written} = {result.raw} » ; le calcul donne "
        f"{amount(expected, result.unit)}."
    )
    return CalcCheck(
        kind="expression",
        status="error",
        figures={f"terme {i + 1}": f.value for i, f in enumerate(item.figures[:-1])},
        expected=round(expected, 4),
        found=result.value,
        unit=result.unit,
        page=result.page,
        quote=grid.row_quote(item.row),
        message=message,
        span=(result.start, result.end),
    )
