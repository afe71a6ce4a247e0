"""Cash-flow plans: each period's closing balance and the carry-over to the next period.

closing = opening + receipts − disbursements (or opening + net flow), net = receipts −
disbursements, and the opening of a period is the closing of the one before. Periods are
columns (or rows) named like months ('Janvier', 'févr.-25', 'M3', 'Mois 2'); lines are named
'Trésorerie début de mois' / 'Solde initial', 'Total encaissements', 'Total décaissements',
'Solde du mois', 'Trésorerie fin de mois' / 'Solde final'. Receipts and disbursements without a
total line are the sum of the lines under their heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.assessment import Evidence, section_label
from assistant.calc.formatting import amount
from assistant.calc.grid import Cell, Grid
from assistant.calc.models import CalcCheck, CheckKind
from assistant.calc.outcome import at_page
from assistant.calc.vocabulary import CashRow, cash_row, is_period, is_total, version_of
from assistant.textnorm import trim_span

Flow = list[float | None]
_MAX_ALERTS = 3


@dataclass
class Plan:
    """A cash-flow plan read from a table: one value per period for each kind of line."""

    grid: Grid
    periods: list[str]
    lines: dict[str, Flow] = field(default_factory=dict)
    cells: dict[str, list[Cell | None]] = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # of quotes, in the text
    section: str = ""  # heading being read: "receipts" or "disbursements"
    follows: list[int | None] = field(default_factory=list)  # the period each one follows


def read_plan(grid: Grid) -> Plan | None:
    """The plan of a table holding balances and flows by period, or None."""
    plan = _by_rows(grid) or _by_columns(grid)
    if plan is None:
        return None
    kinds = {kind.removesuffix("_detail") for kind in plan.lines}
    if not (
        {"opening", "closing", "balance"} & kinds and {"receipts", "disbursements", "net"} & kinds
    ):
        return None
    return plan


def _by_rows(grid: Grid) -> Plan | None:
    labels = [grid.row_label(r) for r in range(len(grid.rows))]
    if not _looks_like_plan(labels[grid.header :]):
        return None
    headers = [grid.column_label(c) for c in grid.numeric_columns()]
    columns = _period_indices(headers)
    cols = [grid.numeric_columns()[i] for i in columns]
    if len(cols) < 2:
        return None
    periods = [grid.column_label(c) for c in cols]
    follows = _sequence(periods)
    for j in range(1, len(columns)):
        skipped = headers[columns[j - 1] + 1 : columns[j]]
        if any(not is_total(h) for h in skipped):
            follows[j] = None  # a column not read as a period stands between: not its sequel
    plan = Plan(grid=grid, periods=periods, follows=follows)
    for r in range(grid.header, len(grid.rows)):
        cells = [grid.cell(r, c) for c in cols]
        _add_line(plan, labels[r], cells, grid.row_quote(r), grid.has_figures(r), grid.row_span(r))
    return plan


def _by_columns(grid: Grid) -> Plan | None:
    numeric = grid.numeric_columns()
    headers = [grid.column_label(c) for c in numeric]
    if not _looks_like_plan(headers):
        return None
    rows = [r for r in range(grid.header, len(grid.rows)) if not is_total(grid.row_label(r))]
    if len(rows) < 2:
        return None
    periods = [grid.row_label(r) for r in rows]
    plan = Plan(grid=grid, periods=periods, follows=_sequence(periods))
    for c, header in zip(numeric, headers, strict=True):
        cells = [grid.cell(r, c) for r in rows]
        _add_line(plan, header, cells, header, True, _header_span(grid, c, header))
    return plan


def _sequence(periods: list[str]) -> list[int | None]:
    """The period each period follows: the one before it, but across versions (« Prévu »,
    « Réalisé », « Écart », scenarios) the one before it of the same version and another
    period (« Février réel » follows « Janvier réel »); versions of one period follow none."""
    parts = [version_of(p) for p in periods]
    if not any(version for version, _ in parts):
        return [j - 1 if j else None for j in range(len(periods))]
    follows: list[int | None] = []
    for j, (version, rest) in enumerate(parts):
        before = [i for i in range(j) if parts[i][0] == version and parts[i][1] not in ("", rest)]
        follows.append(before[-1] if before and rest else None)
    return follows


def _looks_like_plan(labels: list[str]) -> bool:
    kinds = {cash_row(label) for label in labels}
    return bool({"opening", "closing", "balance"} & kinds) and bool(
        {"receipts", "disbursements", "net"} & kinds
    )


def _period_indices(headers: list[str]) -> list[int]:
    """Columns naming periods; all but 'Total' columns when none does."""
    periods = [i for i, h in enumerate(headers) if is_period(h)]
    if len(periods) >= 2:
        return periods
    return [i for i, h in enumerate(headers) if not is_total(h)]


def _header_span(grid: Grid, col: int, header: str) -> tuple[int, int] | None:
    """Span of a column's header in the text, when the header is one verbatim passage."""
    cells = [grid.rows[r][col] for r in range(grid.header) if col < len(grid.rows[r])]
    if not cells:
        return None
    start, end = trim_span(grid.doc_text, cells[0].start, cells[-1].end)
    return (start, end) if grid.doc_text[start:end] == header else None


def _add_line(
    plan: Plan,
    label: str,
    cells: list[Cell | None],
    quote: str,
    has_figures: bool,
    span: tuple[int, int] | None,
) -> None:
    """Adds a line; detail lines under 'Encaissements' or 'Décaissements' are summed."""
    kind: CashRow | None = cash_row(label)
    if kind in ("receipts", "disbursements") and not has_figures:
        plan.section = kind
        return
    if kind is None:
        if plan.section and has_figures:
            _accumulate(plan, f"{plan.section}_detail", cells)
        return
    if kind in plan.lines and not is_total(label):
        return  # a second line of the same kind: keep the first
    plan.section = kind if kind in ("receipts", "disbursements") else ""
    balance = kind in ("opening", "closing", "balance")
    plan.lines[kind] = [_value(c, empty=None if balance else 0.0) for c in cells]
    plan.cells[kind] = list(cells)
    plan.quotes[kind] = quote
    if span is not None:
        plan.spans[kind] = span


def _accumulate(plan: Plan, key: str, cells: list[Cell | None]) -> None:
    values = [_value(c, empty=0.0) for c in cells]
    previous = plan.lines.get(key)
    if previous is None:
        plan.lines[key] = values
        return
    plan.lines[key] = [
        None if a is None or b is None else a + b for a, b in zip(previous, values, strict=True)
    ]


def _value(cell: Cell | None, *, empty: float | None) -> float | None:
    """The figure of a cell; ``empty`` for a blank cell, None for text or a missing cell."""
    if cell is None:
        return None
    if cell.empty:
        return empty
    return cell.number.value if cell.number is not None else None


def _flows(plan: Plan, kind: str) -> Flow | None:
    return plan.lines.get(kind) or plan.lines.get(f"{kind}_detail")


def check_plan(plan: Plan, *, tolerance: float) -> list[CalcCheck]:
    """Closing balances and carry-overs of every period of the plan."""
    lines = plan.lines
    closing_kind = "closing" if "closing" in lines else "balance"
    closing = lines.get(closing_kind)
    receipts, disbursements = _flows(plan, "receipts"), _flows(plan, "disbursements")
    net = lines.get("net") or (lines.get("balance") if closing_kind == "closing" else None)
    if closing is None:
        return [_unverified(plan, "la trésorerie de fin de période est absente")]
    bare = closing_kind == "balance" and "net" not in lines
    if bare and receipts and disbursements and _is_net(closing, receipts, disbursements, tolerance):
        reason = "le solde indiqué est celui du mois, sans trésorerie de début ni de fin"
        return [_unverified(plan, reason)]
    flows = _Flows(lines.get("opening"), receipts, disbursements, net)
    errors, checked = _closing_errors(plan, closing_kind, flows, tolerance)
    carry_errors, carried = _carry_errors(plan, flows.opening, closing, tolerance)
    if not checked and not carried:
        return [_unverified(plan, "les encaissements ou décaissements par période manquent")]
    if len(errors) == 1 and not carry_errors:
        errors = [_carried_on(plan, errors[0], closing)]
    if len(carry_errors) == 1 and not errors:
        carry_errors = [_carried_on(plan, carry_errors[0], closing, "opening")]
    return errors + carry_errors or [_ok(plan, closing_kind)]


def _carried_on(plan: Plan, error: CalcCheck, closing: Flow, line: str = "closing") -> CalcCheck:
    """A single wrong balance, carried over without other error: every closing after it (a
    wrong closing) or from its period on (a wrong opening) is off by the same amount; the last
    one is named with what it should be (one mistake, one alert)."""
    if error.found is None or error.expected is None or error.span is None:
        return error
    if any(f != (i - 1 if i else None) for i, f in enumerate(plan.follows)):
        return error  # versions side by side: the periods after it are not its sequels
    opening = line == "opening"
    cells = plan.cells.get(line) or ([] if opening else plan.cells.get("balance")) or []
    j = next(
        (i for i, c in enumerate(cells) if c is not None and (c.start, c.end) == error.span), None
    )
    last = next((i for i in range(len(closing) - 1, -1, -1) if closing[i] is not None), None)
    if j is None or last is None or last < j or (last == j and not opening):
        return error
    found = closing[last] or 0.0
    right = found - (error.found - error.expected)
    carried = "" if opening else " l'écart se reporte sur les périodes suivantes,"
    message = (
        f"{error.message[:-1]} ;{carried} d'où une trésorerie de fin {plan.periods[last]} de "
        f"{amount(found, 'currency')} au lieu de {amount(right, 'currency')}."
    )
    return error.model_copy(update={"message": message})


@dataclass(frozen=True)
class _Flows:
    opening: Flow | None
    receipts: Flow | None
    disbursements: Flow | None
    net: Flow | None


def _is_net(balance: Flow, receipts: Flow, disbursements: Flow, tolerance: float) -> bool:
    """Whether a bare 'Solde' line is receipts − disbursements in every period."""
    triples = [
        (b, r, d)
        for b, r, d in zip(balance, receipts, disbursements, strict=True)
        if b is not None and r is not None and d is not None
    ]
    return bool(triples) and all(
        _same(b, r - d, tolerance, max(abs(b), abs(r), abs(d))) for b, r, d in triples
    )


def _same(found: float, expected: float, tolerance: float, scale: float) -> bool:
    return abs(found - expected) <= max(1.0, tolerance * abs(scale)) + 1e-9


def _closing_errors(
    plan: Plan, kind: str, flows: _Flows, tolerance: float
) -> tuple[list[CalcCheck], int]:
    closing = plan.lines[kind]
    errors: list[CalcCheck] = []
    checked = 0
    for j, found in enumerate(closing):
        start = flows.opening[j] if flows.opening else None
        before = plan.follows[j]
        if start is None and before is not None:
            start = closing[before]
        routes = _closing_routes(start, j, flows) if start is not None else []
        if found is None or start is None or not routes:
            continue
        checked += 1
        scale = max(abs(v) for v in (start, found, *(r[0] for r in routes)))
        if any(_same(found, value, tolerance, scale) for value, _ in routes):
            continue
        errors.append(_closing_error(plan, kind, j, found, start, routes[0]))
    return _capped(errors), checked


def _closing_routes(start: float, j: int, flows: _Flows) -> list[tuple[float, str]]:
    receipts, disbursements, net = flows.receipts, flows.disbursements, flows.net
    routes = []
    if receipts and disbursements and receipts[j] is not None and disbursements[j] is not None:
        r, d = receipts[j] or 0.0, disbursements[j] or 0.0
        formula = (
            f"début {amount(start, 'currency')} + encaissements {amount(r, 'currency')} − "
            f"décaissements {amount(d, 'currency')}"
        )
        routes.append((start + r - d, formula))
    if net and net[j] is not None:
        n = net[j] or 0.0
        formula = f"début {amount(start, 'currency')} + solde du mois {amount(n, 'currency')}"
        routes.append((start + n, formula))
    return routes


def _closing_error(
    plan: Plan, kind: str, j: int, found: float, start: float, route: tuple[float, str]
) -> CalcCheck:
    expected, formula = route
    page = plan.grid.block.page
    message = (
        f"Plan de trésorerie{at_page(page)}, {plan.periods[j]} : trésorerie de fin de période "
        f"{amount(found, 'currency')} annoncée, {amount(expected, 'currency')} attendus "
        f"({formula})."
    )
    return _check(plan, "tresorerie_solde", kind, j, found, expected, message, {"début": start})


def _carry_errors(
    plan: Plan, opening: Flow | None, closing: Flow, tolerance: float
) -> tuple[list[CalcCheck], int]:
    if not opening:
        return [], 0
    errors: list[CalcCheck] = []
    checked = 0
    for j in range(1, len(closing)):
        i = plan.follows[j]
        if i is None:
            continue  # forecast beside actual, or scenarios: nothing is carried over
        before, start = closing[i], opening[j]
        if before is None or start is None:
            continue
        checked += 1
        if _same(start, before, tolerance, max(abs(before), abs(start))):
            continue
        page = plan.grid.block.page
        message = (
            f"Report de trésorerie erroné{at_page(page)} : fin {plan.periods[i]} "
            f"{amount(before, 'currency')}, début {plan.periods[j]} {amount(start, 'currency')}."
        )
        figures = {"fin de période précédente": before}
        errors.append(
            _check(plan, "tresorerie_report", "opening", j, start, before, message, figures)
        )
    return _capped(errors), checked


def _capped(errors: list[CalcCheck]) -> list[CalcCheck]:
    """More than a few errors of one kind: one alert naming how many more there are."""
    if len(errors) <= _MAX_ALERTS:
        return errors
    first = errors[0]
    more = f" (et la même erreur sur {len(errors) - 1} autres périodes)"
    return [first.model_copy(update={"message": first.message.rstrip(".") + more + "."})]


def _check(
    plan: Plan,
    kind: CheckKind,
    line: str,
    j: int,
    found: float,
    expected: float,
    message: str,
    figures: dict[str, float],
) -> CalcCheck:
    cell = plan.cells[line][j] if line in plan.cells else None
    return CalcCheck(
        kind=kind,
        status="error",
        figures=figures,
        expected=round(expected, 2),
        found=found,
        unit="currency",
        page=plan.grid.block.page,
        quote=plan.quotes.get(line, ""),
        message=message,
        span=(cell.start, cell.end) if cell is not None else None,
    )


def _ok(plan: Plan, kind: str) -> CalcCheck:
    page = plan.grid.block.page
    return CalcCheck(
        kind="tresorerie_solde",
        status="ok",
        page=page,
        quote=plan.quotes.get(kind, ""),
        message=f"Plan de trésorerie{at_page(page)} vérifié : soldes et reports cohérents.",
        evidence={"cash_flow": [_evidence(plan, kind)]},
    )


def _evidence(plan: Plan, kind: str) -> Evidence:
    block = plan.grid.block
    span = plan.spans.get(kind)
    if span is not None:
        return Evidence.at(plan.grid.doc_text, *span, block.page, block.section)
    return Evidence(
        quote=plan.quotes.get(kind, ""), page=block.page, section=section_label(block.section)
    )


def _unverified(plan: Plan, reason: str) -> CalcCheck:
    page = plan.grid.block.page
    return CalcCheck(
        kind="tresorerie_solde",
        status="unverified",
        page=page,
        quote=plan.quotes.get("closing", plan.quotes.get("opening", "")),
        message=f"Plan de trésorerie{at_page(page)} non vérifié : {reason}.",
    )
