"""Computations written out in prose ("21 000 / 0,40 = 52 500 €"), redone.

Only chains with a figure of some weight (a unit, or a value of 100 or more) are checked, so
that "1 + 1 = 3" in a slogan is left alone; a percentage added to or taken from an amount
("1 200 − 10 %") is a commercial discount and is not checked either.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from assistant.calc.chains import Chain, Token, chains_in, deduction_values, side_values
from assistant.calc.figures import Figure, prose_blocks
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck, CheckStatus
from assistant.calc.numbers import written_scale
from assistant.calc.outcome import at_page, close


def check_expressions(figures: list[Figure], text: str, *, tolerance: float) -> list[CalcCheck]:
    """Every equality written between figures of a sentence."""
    checks = []
    for block_figures in prose_blocks(figures).values():
        for chain in chains_in(block_figures):
            if checkable(chain):
                check = check_chain(chain, text, tolerance)
                checks.append(check)
                if check.status == "error":
                    checks += _consequence(check, chain, block_figures, text)
    return checks


def _consequence(
    check: CalcCheck, chain: Chain, figures: list[Figure], text: str
) -> list[CalcCheck]:
    """A figure the sentence derives from a wrong result (« = 2 409 locations, soit un CA de
    91 542 € », the result times the price) carries the error: it is checked against the
    right result times the same factor."""
    result = chain.figures[-1]
    if check.expected is None or check.found is None or not result.value:
        return []
    after = next((f for f in figures if f.start >= result.end), None)
    if after is None or after.context_start != result.context_start:
        return []
    if "soit" not in text[result.end : after.start].lower():
        return []
    factor = round(after.value / result.value, 2)
    if factor in (0.0, 1.0) or abs(after.value - result.value * factor) > after.step:
        return []
    expected = check.expected * factor
    if abs(after.value - expected) <= max(after.step, 0.005 * abs(expected)):
        return []
    message = (
        f"Conséquence d'un calcul erroné{at_page(after.page)} : {amount(after.value, after.unit)}"
        f" découle de {amount(result.value, result.unit)} ; avec le bon résultat "
        f"({amount(check.expected, result.unit)}), on obtient {amount(expected, after.unit)}."
    )
    return [
        CalcCheck(
            kind="expression",
            status="error",
            figures={"résultat": check.expected, "facteur": factor},
            expected=round(expected, 2),
            found=after.value,
            unit=after.unit,
            page=after.page,
            quote=after.quote(text),
            message=message,
            span=(after.start, after.end),
        )
    ]


def checkable(chain: Chain) -> bool:
    weighty = any(f.unit != "number" or abs(f.value) >= 100 for f in chain.figures)
    tokens = chain.tokens
    discount = any(
        t in ("+", "-") and any(_is_percent(n) for n in tokens[max(0, i - 1) : i + 2])
        for i, t in enumerate(tokens)
    )
    return weighty and not discount


def _is_percent(token: Token) -> bool:
    return isinstance(token, Figure) and token.unit == "percent"


def check_chain(chain: Chain, text: str, tolerance: float) -> CalcCheck:
    """The chain redone; an error only when no reading of its figures makes it hold."""
    checks = [_check_reading(reading, text, tolerance) for reading in readings(chain)]
    if any(c.status == "ok" for c in checks):
        return next(c for c in checks if c.status == "ok")
    errors = [c for c in checks if c.status == "error"]
    if len(errors) < len(checks):
        return next(c for c in checks if c.status != "error")
    return min(errors, key=_miss)


def readings(chain: Chain) -> list[Chain]:
    """The chain as written and, when bare figures stand beside figures written in one scaled
    unit (« 15 + 192 − 168,1 = 38,9 k€ »), the chain with the bare figures in that unit too:
    students often write the unit once, at the end."""
    scales = {written_scale(f.raw) for f in chain.figures} - {1.0}
    bare = [f for f in chain.figures if f.unit == "number" and written_scale(f.raw) == 1.0]
    if len(scales) != 1 or not bare:
        return [chain]
    scale = scales.pop()
    tokens: list[Token] = [
        t.model_copy(update={"value": t.value * scale, "step": t.step * scale})
        if isinstance(t, Figure) and any(t is f for f in bare)
        else t
        for t in chain.tokens
    ]
    return [chain, replace(chain, tokens=tokens)]


def _miss(check: CalcCheck) -> float:
    """How far a reading's result is from the written one, relatively."""
    if check.found is None or check.expected is None:
        return float("inf")
    return abs(check.found - check.expected) / max(abs(check.found), 1e-9)


def _check_reading(chain: Chain, text: str, tolerance: float) -> CalcCheck:
    sides = chain.segments()
    for left, right in pairwise(sides):
        written = right[0] if len(right) == 1 and isinstance(right[0], Figure) else None
        expected = deduction_values(left, written) if written else side_values(left)
        found = side_values(right)
        if not expected or not found:
            return _outcome(chain, text, "unverified", None, None)
        step = right[0].step if len(right) == 1 and isinstance(right[0], Figure) else 0.0
        if any(_equal(f, e, right, step, tolerance) for f in found for e in expected):
            continue
        first = right[0] if _carries_on(right) else None
        if isinstance(first, Figure) and any(
            _equal(f, e, [first], first.step, tolerance)
            for f in side_values([first])
            for e in expected
        ):
            continue  # « 20 x 52 = 1 040 € + 90 € = 1 130 € »: the result, then a next step
        written_first = right[:1] if _carries_on(right) else right
        return _outcome(chain, text, "error", expected[0], written_first)
    return _outcome(chain, text, "ok", None, None)


def _carries_on(side: list[Token]) -> bool:
    """A side that opens on a figure and goes on with an operator: a running computation
    writes the result of the step before, then the next step (« = 1 040 € + 90 € »)."""
    return len(side) > 2 and isinstance(side[0], Figure) and side[1] in ("+", "-", "*", "/")


def _equal(found: float, expected: float, right: list[Token], step: float, tol: float) -> bool:
    figure = right[0] if len(right) == 1 and isinstance(right[0], Figure) else None
    if figure is not None and figure.unit == "percent" and found == figure.fraction():
        step /= 100  # the percentage read as a fraction: its rounding shrinks too
    return close(found, expected, tolerance=tol, step=step)


def _outcome(
    chain: Chain, text: str, status: CheckStatus, expected: float | None, right: list[Token] | None
) -> CalcCheck:
    figures = chain.figures
    first, last = figures[0], figures[-1]
    opening = "(" if chain.tokens[0] == "(" else ""
    written = opening + " ".join(text[first.start : last.end].split())
    page = first.page
    found_figure = right[0] if right and len(right) == 1 and isinstance(right[0], Figure) else None
    expected_text, found_value = "", None
    if expected is not None and found_figure is not None:
        unit = found_figure.unit
        shown = expected * 100 if unit == "percent" and abs(expected) <= 1.5 else expected
        expected_text, found_value = amount(shown, unit), found_figure.value
        expected = shown
    if status == "error":
        message = (
            f"Calcul erroné{at_page(page)} : « {written} » ; le calcul donne "
            f"{expected_text or 'une autre valeur'}."
        )
    elif status == "ok":
        message = f"Calcul{at_page(page)} vérifié : « {written} »."
    else:
        message = f"Calcul{at_page(page)} non vérifié : « {written} »."
    span = (found_figure.start, found_figure.end) if found_figure else (first.start, last.end)
    return CalcCheck(
        kind="expression",
        status=status,
        figures={f"terme {i + 1}": f.value for i, f in enumerate(figures[:-1])},
        expected=None if expected is None else round(expected, 4),
        found=found_value,
        unit=found_figure.unit if found_figure else None,
        page=page,
        quote=first.quote(text),
        message=message,
        span=span,
    )
