"""Figures computed from a wrong total: « Total dépenses 124 300 € » wrong by 2 000 €, and
after the table « Recettes ... soit 131 500 €. Résultat prévisionnel : +7 200 € », the
balance taken from it. Such a figure carries the total's error: it is checked against the
same difference with the right total."""

from __future__ import annotations

from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck

FOLLOWING_BLOCKS = 3  # blocks after a table where its total may be used


def check_total_consequences(
    figures: list[Figure], checks: list[CalcCheck], text: str
) -> list[CalcCheck]:
    """A difference between a figure and a wrong total, written soon after the total."""
    out: list[CalcCheck] = []
    for check in checks:
        if check.kind != "total" or check.status != "error" or check.span is None:
            continue
        if check.expected is None or check.found is None:
            continue
        total = next((f for f in figures if (f.start, f.end) == check.span), None)
        if total is None:
            continue
        near = [
            f
            for f in figures
            if not f.in_table
            and f.unit == "currency"
            and total.body < f.body <= total.body + FOLLOWING_BLOCKS
        ]
        out += _differences(near, check.found, check.expected, text)
    return out


def _differences(near: list[Figure], wrong: float, right: float, text: str) -> list[CalcCheck]:
    found = []
    for result in near:
        for other in near:
            if other.start >= result.start or other.value in (wrong, result.value):
                continue
            if abs(abs(other.value - wrong) - abs(result.value)) > result.step:
                continue
            expected = abs(other.value - right)
            if abs(expected - abs(result.value)) > result.step:
                found.append(_error(result, other, wrong, right, expected, text))
            break
    return found


def _error(
    result: Figure, other: Figure, wrong: float, right: float, expected: float, text: str
) -> CalcCheck:
    message = (
        f"Conséquence d'un total erroné : {amount(result.value, 'currency')} est l'écart entre "
        f"{amount(other.value, 'currency')} et le total faux ({amount(wrong, 'currency')}) ; "
        f"avec le bon total ({amount(right, 'currency')}), on obtient "
        f"{amount(expected, 'currency')}."
    )
    return CalcCheck(
        kind="total",
        status="error",
        figures={"montant": other.value, "total": right},
        expected=round(expected, 2),
        found=result.value,
        unit="currency",
        page=result.page,
        quote=result.quote(text),
        message=message,
        span=(result.start, result.end),
    )
