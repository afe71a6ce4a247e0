"""Budget splits: percentages that must add up to 100 %, and amounts that must match them.

In a table, a column of percentages is a split when its 'Total' row says 100 %, when its header
says so ('Part', 'Répartition', 'Poids'), or when most of its rows are the share of the amount
column on its left; only then is it checked. In prose, the percentages of a paragraph that
announces how a budget is split ("Le budget se répartit ainsi : ...") and of the list items
that follow it are added up.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from itertools import pairwise

from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.grid import Grid, as_table
from assistant.calc.models import CalcCheck
from assistant.calc.outcome import at_page
from assistant.calc.vocabulary import folded, is_detail, is_total
from assistant.document import Document

ROUNDED_TO_WHOLE = 0.999  # a whole percentage off its exact share by less than a point

_SHARE = re.compile(r"\bparts?\b|repartition|\bpoids\b|ventilation|% du (?:budget|total)|pourcent")
_NOT_SPLIT = re.compile(
    r"\bmarche\b|\bvoix\b|\btaux\b|\bevolution\b|\bcroissance\b|\becarts?\b|\bvariances?\b"
    r"|\bvariations?\b|\batteinte\b|\brealisation\b"
)  # a change or a rate of achievement of each line, over its own base: not a split
_LEAD_BUDGET = re.compile(r"\b(?:budget|enveloppe|investissement|depenses)\b")
_LEAD_SPLIT = re.compile(r"repartit|repartition|reparti|ventil|alloue|allocation|decompos")
_LEAD_PARTIAL = re.compile(r"\b(?:notamment|dont|principalement|entre autres|par exemple)\b")
_CHANGE = re.compile(
    r"\b(?:hausse|baisse|augment\w*|diminu\w*|remise|reduction|marge|taux|tva|croissance|"
    r"evolution|progression|soit|dont)\b"
)


def check_table_splits(grid: Grid, *, split_tolerance: float) -> list[CalcCheck]:
    """Every column of percentages of one table that splits a whole."""
    checks: list[CalcCheck] = []
    numeric = grid.numeric_columns()
    for col in numeric:
        if grid.percent_column(col):
            amounts = [c for c in numeric if c < col and not grid.percent_column(c)]
            checks += _split_column(grid, col, amounts[-1] if amounts else None, split_tolerance)
    return checks


def _split_column(
    grid: Grid, col: int, amount_col: int | None, tolerance: float
) -> list[CalcCheck]:
    parts = {r: v for r in _part_rows(grid) if (v := _number(grid, r, col)) is not None}
    if len(parts) < 2 or any(v < 0 for v in parts.values()):
        return []  # a share is never negative: a column of changes, not a split
    totals = [r for r in range(grid.header, len(grid.rows)) if is_total(grid.row_label(r))]
    groups = _groups(parts, totals)
    if len(groups) >= 2 and all(_whole_group(grid, col, group, total) for total, group in groups):
        # each sub-total closes a group split over it: « Part dans sa catégorie »
        checks: list[CalcCheck] = []
        for total, group in groups:
            checks += _split_group(grid, col, amount_col, group, [total], tolerance)
        return checks
    return _split_group(grid, col, amount_col, parts, totals, tolerance)


def _groups(parts: dict[int, float], totals: list[int]) -> list[tuple[int, dict[int, float]]]:
    """The parts between one total row and the next, with the total row closing them."""
    groups = []
    for previous, total in zip([-1, *totals], totals, strict=False):
        group = {r: v for r, v in parts.items() if previous < r < total}
        if group:
            groups.append((total, group))
    return groups if sum(len(g) for _, g in groups) == len(parts) else []


def _whole_group(grid: Grid, col: int, group: dict[int, float], total: int) -> bool:
    """A group whose sub-total says 100 %, or whose shares make nearly 100 % on their own
    (one of them may be wrong)."""
    written = _number(grid, total, col)
    if written is not None:
        return abs(written - 100) <= 1
    return len(group) >= 2 and 80 <= sum(group.values()) <= 120


def _split_group(
    grid: Grid,
    col: int,
    amount_col: int | None,
    parts: dict[int, float],
    totals: list[int],
    tolerance: float,
) -> list[CalcCheck]:
    """One split: ``parts`` (row: percentage) closed by the ``totals`` rows."""
    if len(parts) < 2:
        return []
    total_pct = next((v for r in totals if (v := _number(grid, r, col)) is not None), None)
    shares = _shares(grid, parts, amount_col, totals)
    slack = ROUNDED_TO_WHOLE if _whole_points_to_100(parts) else tolerance
    agree = [r for r, (pct, expected, _) in shares.items() if abs(pct - expected) <= slack]
    related = bool(shares) and len(agree) >= max(2, math.ceil(len(shares) / 2))
    header = folded(grid.column_label(col))
    named = bool(_SHARE.search(header)) and not _NOT_SPLIT.search(header)
    near_whole = 80 <= (total_pct if total_pct is not None else sum(parts.values())) <= 120
    declared = (total_pct is not None and abs(total_pct - 100) <= 1) or (named and near_whole)
    if not (declared or related):
        return []
    wrong = [r for r in shares if r not in agree] if related else []
    errors = [_share_error(grid, r, col, shares[r]) for r in wrong]
    rounding_only = related and len(agree) == len(parts)
    summed = _sum_check(grid, col, parts, totals, tolerance, rounding_only)
    if errors and summed.status == "error" and _explained(parts, [shares[r] for r in wrong]):
        # one mistake, one alert: the wrong share is why the parts miss 100 %
        first = errors[0]
        found = amount(summed.found or 0.0, "percent")
        errors[0] = first.model_copy(
            update={"message": f"{first.message[:-1]} ; les parts totalisent donc {found}."}
        )
        return errors
    return [*errors, summed]


def _explained(parts: dict[int, float], wrong: list[tuple[float, float, float]]) -> bool:
    """True when writing the expected share for each wrong one brings the parts to 100 %
    (within a point of rounding): the total's gap is their consequence, not a second error."""
    corrected = sum(parts.values()) - sum(found - expected for found, expected, _ in wrong)
    return abs(corrected - 100) <= 1.0


def _rounding_slack(values: list[float], tolerance: float) -> float:
    """How far from 100 % shares may add up: three whole percentages or more, each rounded
    to the nearest point, often make 99 or 101 % (25 + 28 + 19 + 16 + 13 for 25, 28.1, 18.8,
    15.6 and 12.5 %); a mistake in a split moves the total further."""
    whole = all(v == int(v) for v in values)
    return max(tolerance, 1.0) if whole and len(values) >= 3 else tolerance


def _whole_points_to_100(parts: dict[int, float]) -> bool:
    """Whole percentages that make exactly 100: each share was rounded to a whole point up or
    down so that the total is 100 (300 € of 4 600 € written 6 % beside 46 %, 33 % and 15 %)."""
    values = list(parts.values())
    return all(v == int(v) for v in values) and sum(values) == 100


def _part_rows(grid: Grid) -> list[int]:
    return [
        r
        for r in range(grid.header, len(grid.rows))
        if not is_total(grid.row_label(r)) and not is_detail(grid.row_label(r))
    ]


def _number(grid: Grid, row: int, col: int) -> float | None:
    cell = grid.cell(row, col)
    return cell.number.value if cell is not None and cell.number is not None else None


def _shares(
    grid: Grid, parts: dict[int, float], amount_col: int | None, totals: list[int]
) -> dict[int, tuple[float, float, float]]:
    """For each part: (percentage written, share of the amounts in %, base amount)."""
    if amount_col is None:
        return {}
    amounts = {r: v for r in parts if (v := _number(grid, r, amount_col)) is not None}
    base = next((v for r in totals if (v := _number(grid, r, amount_col)) is not None), None)
    base = base if base else sum(amounts.values())
    if not base or len(amounts) < 2:
        return {}
    return {r: (parts[r], amounts[r] / base * 100, base) for r in amounts}


def _share_error(grid: Grid, row: int, col: int, share: tuple[float, float, float]) -> CalcCheck:
    found, expected, base = share
    cell = grid.cell(row, col)
    assert cell is not None
    part = expected * base / 100
    page = grid.block.page
    message = (
        f"Part de budget erronée{at_page(page)}, « {grid.row_label(row)} » : "
        f"{amount(found, 'percent')} annoncés, {amount(expected, 'percent')} attendus "
        f"({amount(part, 'currency')} / {amount(base, 'currency')})."
    )
    return CalcCheck(
        kind="part_budget",
        status="error",
        figures={"montant": round(part, 2), "total": round(base, 2)},
        expected=round(expected, 2),
        found=found,
        unit="percent",
        page=page,
        quote=grid.row_quote(row),
        message=message,
        span=(cell.start, cell.end),
    )


def _sum_check(
    grid: Grid,
    col: int,
    parts: dict[int, float],
    totals: list[int],
    tolerance: float,
    rounding_only: bool,
) -> CalcCheck:
    total = sum(parts.values())
    page = grid.block.page
    ok = rounding_only or abs(total - 100) <= _rounding_slack(list(parts.values()), tolerance)
    row = totals[0] if totals else max(parts)
    cell = grid.cell(row, col)
    span = (cell.start, cell.end) if cell is not None and cell.end > cell.start else None
    header = grid.column_label(col)
    message = (
        f"Répartition{at_page(page)} vérifiée : les parts font 100 %."
        if ok
        else f"Répartition erronée{at_page(page)} (colonne « {header} ») : les parts totalisent "
        f"{amount(total, 'percent')} au lieu de 100 %."
    )
    return CalcCheck(
        kind="repartition",
        status="ok" if ok else "error",
        figures={"parts": len(parts)},
        expected=100.0,
        found=round(total, 4),
        unit="percent",
        page=page,
        quote=grid.row_quote(row),
        message=message,
        span=span,
    )


def check_prose_splits(
    doc: Document, figures: list[Figure], *, split_tolerance: float
) -> list[CalcCheck]:
    """Budget splits announced in a paragraph, with their parts in it or in the list after it."""
    by_block: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        if not figure.in_table:
            by_block[figure.block].append(figure)
    blocks = doc.evidence_blocks()
    checks = []
    for i, block in enumerate(blocks):
        text = folded(block.text)
        announced = bool(_LEAD_BUDGET.search(text) and _LEAD_SPLIT.search(text))
        if as_table(block).kind == "table" or _LEAD_PARTIAL.search(text):
            continue
        if not announced:
            # « Google Ads absorbe 32 % du budget, Meta 24 %, l'influence 25 %… »: the shares
            # of the budget named in one sentence, when they are meant to make the whole
            shares = _shares_of_budget(text, by_block.get(block.index, []))
            if shares:
                checks.append(_prose_sum(doc, shares, split_tolerance))
            continue
        items = []
        for following in blocks[i + 1 :]:
            if following.kind != "list_item":
                break
            items.append(following.index)
        parts = _prose_parts(by_block, block.index, items)
        if parts and len(parts) >= 2:
            summed = _prose_sum(doc, parts, split_tolerance)
            checks.append(summed)
            if summed.status == "ok":
                lead_figures = by_block.get(block.index, [])
                checks += _prose_amounts(doc, lead_figures, parts, [by_block[i] for i in items])
    return checks


_OF_BUDGET = re.compile(
    r"%\s*(?:du|de l'|des|de notre|de son|de leur) ?(?:budget|enveloppe|depenses|investissement)"
)
WHOLE_SPLIT_GAP = 10.0  # shares of a budget making 90-110 % are meant to be all of it


def _shares_of_budget(text: str, figures: list[Figure]) -> list[Figure]:
    """Three or more shares in the sentence that names the first one a share of the budget,
    if they come near 100 % (a few of the shares make less, and are not a split)."""
    if not _OF_BUDGET.search(text):
        return []
    for figure in figures:
        if figure.unit != "percent" or not _OF_BUDGET.match(folded(f"% {figure.after}")):
            continue
        parts = [f for f in figures if f.same_sentence(figure) and _is_part(f)]
        near = abs(sum(f.value for f in parts) - 100) <= WHOLE_SPLIT_GAP
        return parts if len(parts) >= 3 and near and not _has_range(parts) else []
    return []


def _prose_amounts(
    doc: Document, lead: list[Figure], parts: list[Figure], items: list[list[Figure]]
) -> list[CalcCheck]:
    """Each share's amount, written beside it (« Google Ads 45 % (18 900 €) »), against the
    share of the budget announced before the parts. Checked only when the other amounts
    agree with their shares: the budget is then the right base, and the odd one is wrong."""
    first = parts[0]
    bases = [f for f in lead if f.unit == "currency" and f.end <= first.start]
    if not bases:
        return []
    base = bases[0].value
    figures = sorted([*lead, *(f for group in items for f in group)], key=lambda f: f.start)
    pairs = [(part, written) for part in parts if (written := _beside(doc, figures, part))]
    if len(pairs) < 3:
        return []
    wrong = [(p, w) for p, w in pairs if not _agrees(p.fraction() * base, w)]
    if not wrong or len(wrong) * 2 >= len(pairs):
        return []
    return [_amount_error(doc, part, written, base) for part, written in wrong]


def _beside(doc: Document, figures: list[Figure], part: Figure) -> Figure | None:
    """The amount written right after a share, in brackets or after « soit »."""
    following = next((f for f in figures if f.start >= part.end), None)
    if following is None or following.unit != "currency":
        return None
    gap = folded(doc.text[part.end : following.start]).strip()
    return following if gap in {"(", ":", "=", "soit", "(soit", ", soit", "- soit"} else None


def _agrees(expected: float, written: Figure) -> bool:
    """Equal up to the rounding of the written amount (and 0.5 % of it)."""
    return abs(expected - written.value) <= max(written.step, 0.005 * abs(expected))


def _amount_error(doc: Document, part: Figure, written: Figure, base: float) -> CalcCheck:
    expected = part.fraction() * base
    message = (
        f"Montant erroné{at_page(written.page)} : {amount(part.value, 'percent')} de "
        f"{amount(base, 'currency')} font {amount(expected, 'currency')}, le dossier écrit "
        f"{amount(written.value, 'currency')}."
    )
    return CalcCheck(
        kind="part_budget",
        status="error",
        figures={"part": part.value, "total": base},
        expected=round(expected, 2),
        found=written.value,
        unit="currency",
        page=written.page,
        quote=written.quote(doc.text),
        message=message,
        span=(written.start, written.end),
    )


def _prose_parts(
    by_block: dict[int, list[Figure]], lead: int, items: list[int]
) -> list[Figure] | None:
    if any(_has_range(by_block.get(b, [])) for b in [lead, *items]):
        return None  # « entre 40 et 45 % »: a share given as a range cannot be added up
    parts = [f for f in by_block.get(lead, []) if _is_part(f)]
    for item in items:
        found = [f for f in by_block.get(item, []) if f.unit == "percent"]
        if len(found) > 1:
            return None
        parts += [f for f in found if _is_part(f)]
    return parts


_RANGE_JOINT = re.compile(r"^(?:a|au|-|–|—)$")


def _has_range(figures: list[Figure]) -> bool:
    """Two figures of one sentence joined as a range: « 20 à 25 % », « entre 40 et 45 % »."""
    for before, figure in pairwise(figures):
        if before.context_start != figure.context_start:
            continue
        joint = folded(figure.label).strip()
        if _RANGE_JOINT.match(joint):
            return True
        if joint == "et" and folded(before.label).endswith("entre"):
            return True
    return False


def _is_part(figure: Figure) -> bool:
    """A percentage that may be a share of a whole: a share is never written with a sign
    (« −4 % », « +6 % » are changes) nor named as a change."""
    signed = figure.raw.lstrip()[:1] in ("+", "-", "−")
    return figure.unit == "percent" and not signed and not _CHANGE.search(folded(figure.label))


def _prose_sum(doc: Document, parts: list[Figure], tolerance: float) -> CalcCheck:
    total = sum(f.value for f in parts)
    first = parts[0]
    ok = abs(total - 100) <= _rounding_slack([f.value for f in parts], tolerance)
    if not ok and not 80 <= total <= 120:
        return CalcCheck(
            kind="repartition",
            status="unverified",
            found=round(total, 4),
            unit="percent",
            page=first.page,
            quote=first.quote(doc.text),
            message=f"Répartition{at_page(first.page)} non vérifiée : les pourcentages cités "
            f"({amount(total, 'percent')} au total) ne semblent pas couvrir tout le budget.",
        )
    listed = " + ".join(amount(f.value, "percent") for f in parts)
    message = (
        f"Répartition{at_page(first.page)} vérifiée : les parts font 100 %."
        if ok
        else f"Répartition du budget erronée{at_page(first.page)} : les parts totalisent "
        f"{amount(total, 'percent')} au lieu de 100 % ({listed})."
    )
    return CalcCheck(
        kind="repartition",
        status="ok" if ok else "error",
        figures={"parts": len(parts)},
        expected=100.0,
        found=round(total, 4),
        unit="percent",
        page=first.page,
        quote=first.quote(doc.text),
        message=message,
        span=(first.start, parts[-1].end),
    )
