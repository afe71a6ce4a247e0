"""Arithmetic checks of a dossier: break-even, budget totals and splits, cash-flow plans and
computations written out in prose.

``check_document`` is pure (no I/O): it reads the figures of a ``Document`` and returns alerts
(``calculation_error``), evidence of the computations it could redo (``breakeven``,
``cash_flow``, ``cost_structure``: the référentiel's ``Checkpoint.calculations`` say which
checkpoints they serve), and French notes on what could not be verified.
Figures that cannot be tied together with confidence produce nothing.
"""

from __future__ import annotations

from assistant.assessment import Alert, Evidence
from assistant.calc.arrows import check_arrow_relations
from assistant.calc.averages import check_weighted_averages
from assistant.calc.breakeven import check_breakeven, check_counts_at_price
from assistant.calc.cashflow import check_plan, read_plan
from assistant.calc.consequences import check_total_consequences
from assistant.calc.enumerations import check_prose_sums
from assistant.calc.expressions import check_expressions
from assistant.calc.facts import find_facts
from assistant.calc.figures import Figure, document_figures
from assistant.calc.formatting import amount
from assistant.calc.grid import Grid, read_grids
from assistant.calc.models import CalcCheck, CalcReport
from assistant.calc.propagation import carry_consequences
from assistant.calc.rates import check_prose_growth, check_prose_shares, check_rate_columns
from assistant.calc.splits import check_prose_splits, check_table_splits
from assistant.calc.table_expressions import check_cell_expressions, check_table_expressions
from assistant.calc.tables import check_totals, table_evidence
from assistant.calc.vocabulary import concepts_in
from assistant.document import Document

__all__ = ["CalcCheck", "CalcReport", "Figure", "check_document", "document_figures"]


def check_document(
    doc: Document,
    *,
    tolerance: float = 0.01,
    sum_tolerance: float = 0.001,
    split_tolerance: float = 0.5,
) -> CalcReport:
    """Redo the computations of ``doc``.

    ``tolerance``: relative gap allowed on a derived figure (break-even, point mort, written
    computations) for rounding; ``sum_tolerance``: relative gap allowed on totals and cash
    balances (rounding of the last digit written is always allowed); ``split_tolerance``:
    percentage points allowed between a split and 100 %, or a share and its amount.
    """
    figures = document_figures(doc)
    grids = read_grids(doc)
    facts = find_facts(figures)
    checks = check_breakeven(facts, doc.text, tolerance=tolerance)
    checks += check_counts_at_price(figures, facts, doc.text, tolerance=tolerance)
    checks += _table_checks(doc, grids, tolerance, sum_tolerance, split_tolerance)
    checks += check_prose_splits(doc, figures, split_tolerance=split_tolerance)
    checks += check_expressions(figures, doc.text, tolerance=tolerance)
    checks += check_prose_sums(doc, figures, tolerance=sum_tolerance)
    checks += check_weighted_averages(figures, doc.text, tolerance=tolerance)
    checks += check_prose_growth(figures, doc.text)
    checks += check_prose_shares(figures, doc.text)
    checks += check_arrow_relations(doc, figures, split_tolerance=split_tolerance)
    checks += check_total_consequences(figures, checks, doc.text)
    return _report(carry_consequences(figures, _deduplicated(checks)))


def _table_checks(
    doc: Document,
    grids: list[Grid],
    tolerance: float,
    sum_tolerance: float,
    split_tolerance: float,
) -> list[CalcCheck]:
    text = doc.text
    checks: list[CalcCheck] = []
    for grid in grids:
        plan = read_plan(grid)
        if plan is not None:
            checks += check_plan(plan, tolerance=sum_tolerance)
        totals = check_totals(grid, text, tolerance=sum_tolerance)
        splits = check_table_splits(grid, split_tolerance=split_tolerance)
        checks += _cost_structure(grid, totals, text)
        checks += _one_line_wrong_in_both(totals, splits)
        checks += check_table_expressions(doc, grid, tolerance=tolerance)
        checks += check_cell_expressions(doc, grid, tolerance=tolerance)
        checks += check_rate_columns(grid)
    return checks


def _one_line_wrong_in_both(totals: list[CalcCheck], splits: list[CalcCheck]) -> list[CalcCheck]:
    """A line wrong in its amount and in its share alike (« Vidéo | 18 % | 2 700 € » where
    8 % and 1 200 € were meant) makes the amounts miss the total row and the shares miss
    100 % in the same proportion: one mistake, one alert, on the total, saying both."""
    out = list(totals)
    for split in splits:
        i = next((i for i, total in enumerate(out) if _same_excess(total, split)), None)
        if i is None:
            out.append(split)
            continue
        note = (
            f"les parts totalisent de même {amount(split.found or 0.0, 'percent')} : une "
            "ligne est fausse dans ses deux colonnes"
        )
        out[i] = out[i].model_copy(update={"message": f"{out[i].message[:-1]} ; {note}."})
    return out


def _same_excess(total: CalcCheck, split: CalcCheck) -> bool:
    """``total`` (a wrong total) and ``split`` (shares that miss 100 %) miss by the same
    proportion on the same table."""
    if split.kind != "repartition" or split.status != "error" or not split.found:
        return False
    if total.kind != "total" or total.status != "error" or total.quote != split.quote:
        return False
    if not total.found or total.expected is None or split.found is None:
        return False
    return abs(total.expected / total.found - split.found / 100) <= 0.005


def _cost_structure(grid: Grid, totals: list[CalcCheck], text: str) -> list[CalcCheck]:
    """A table listing fixed and variable costs whose totals hold: evidence of the structure."""
    named = {c for r in range(len(grid.rows)) for _, _, c in concepts_in(grid.row_label(r))}
    if not {"fixed_costs", "variable_costs"} <= named or not totals:
        return []
    if any(check.status != "ok" for check in totals):
        return []
    page = grid.block.page
    return [
        CalcCheck(
            kind="total",
            status="ok",
            page=page,
            quote=totals[0].quote,
            message="Budget distinguant charges fixes et variables, totaux vérifiés.",
            evidence={"cost_structure": [table_evidence(grid, text)]},
        )
    ]


_RANK = {"error": 0, "ok": 1, "unverified": 2}


def _deduplicated(checks: list[CalcCheck]) -> list[CalcCheck]:
    """One check per figure checked: an error wins, then the first check made."""
    best: dict[tuple[int, int], CalcCheck] = {}
    kept: list[CalcCheck] = []
    for check in checks:
        if check.span is None:
            kept.append(check)
        elif check.span not in best or _RANK[check.status] < _RANK[best[check.span].status]:
            best[check.span] = check
    return [c for c in checks if c in kept or (c.span is not None and best.get(c.span) is c)]


def _report(checks: list[CalcCheck]) -> CalcReport:
    report = CalcReport(checks=checks)
    for check in checks:
        if check.status == "error":
            report.alerts.append(_alert(check))
        elif check.status == "unverified" and check.message not in report.unverified:
            report.unverified.append(check.message)
        for calculation, items in check.evidence.items():
            _add_evidence(report.evidence.setdefault(calculation, []), items)
    return report


def _add_evidence(into: list[Evidence], items: list[Evidence]) -> None:
    for item in items:
        if all((e.quote, e.page) != (item.quote, item.page) for e in into):
            into.append(item)


def _alert(check: CalcCheck) -> Alert:
    details: dict[str, float | str | None] = {
        "check": check.kind,
        "expected": check.expected,
        "found": check.found,
        "unit": check.unit,
    }
    details.update(check.figures)
    return Alert(
        kind="calculation_error",
        page=check.page,
        quote=check.quote,
        message=check.message,
        details=details,
    )
