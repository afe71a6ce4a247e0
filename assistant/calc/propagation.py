"""A wrong figure carries its consequences: the computations written after it that use it.

« Marge unitaire = 38 − 5 = 33 € » (the inputs give a variable cost of 8 €, so 30 €), then
« Seuil = 15 840 / 33 = 480 jours » and « Seuil en CA = 480 × 38 = 18 240 € »: each later
computation holds on its own, but rests on the wrong margin. Each is redone with the right
value and what it should be is added to the alert of the first mistake (one mistake, one
alert); a check of a consequence that failed for the same reason is folded into it.
"""

from __future__ import annotations

import math

from assistant.calc.chains import Chain, Token, chains_in, evaluate, side_values
from assistant.calc.figures import Figure, prose_blocks
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck

FOLLOWING_BLOCKS = 6  # blocks after the mistake where its consequences are looked for


def carry_consequences(figures: list[Figure], checks: list[CalcCheck]) -> list[CalcCheck]:
    """``checks`` with each error's consequences added to its message."""
    chains = _prose_chains(figures)
    by_span = {(f.start, f.end): f for f in figures}  # a wrong table cell is a root too
    folded: set[tuple[int, int]] = set()
    out: list[CalcCheck] = []
    for check in checks:
        root = by_span.get(check.span) if check.span else None
        if (
            check.status != "error"
            or root is None
            or check.span in folded
            or check.expected is None
            or check.found != root.value
        ):
            out.append(check)
            continue
        notes, spans = _consequences(root, check.expected, chains)
        quotient, derived = _quotient(root, check.expected, figures, spans)
        notes = " ; ".join(n for n in (notes, quotient) if n)
        folded |= spans | derived
        if notes:
            check = check.model_copy(update={"message": f"{check.message[:-1]} ; d'où {notes}."})
        out.append(check)
    return [c for c in out if c.status != "error" or c.span not in folded]


def _prose_chains(figures: list[Figure]) -> list[Chain]:
    return [c for block in prose_blocks(figures).values() for c in chains_in(block)]


def _consequences(
    root: Figure, right: float, chains: list[Chain]
) -> tuple[str, set[tuple[int, int]]]:
    """What the chains after ``root`` should give once its value is ``right``; the spans of
    their results."""
    wrong: list[tuple[Figure, float]] = [(root, right)]
    notes: list[str] = []
    spans: set[tuple[int, int]] = set()
    for chain in chains:
        first, result = chain.figures[0], chain.figures[-1]
        if first.start < root.end or first.body > root.body + FOLLOWING_BLOCKS:
            continue
        if first.section[:1] != root.section[:1]:
            continue
        redone = _redone(chain, wrong)
        if redone is None:
            continue
        wrong.append((result, redone))
        spans.add((result.start, result.end))
        label = chain.head_label.strip(" =:") or "le résultat suivant"
        notes.append(
            f"« {label} » {amount(result.value, result.unit)} au lieu de "
            f"{amount(redone, result.unit)}"
        )
    return " ; ".join(notes), spans


def _redone(chain: Chain, wrong: list[tuple[Figure, float]]) -> float | None:
    """The chain's result with a wrong figure it uses replaced by its right value; None when
    it uses none, or when the result written still holds."""
    segments = chain.segments()
    if len(segments) != 2:
        return None
    left, result = segments[0], chain.figures[-1]
    if not (len(segments[1]) == 1 and segments[1][0] is result):
        return None
    if _long_sum(left):
        return None  # '300 + 420 + 480 + 600 = 1 800': a term equal to the mistake by chance
    fixed: list[Token] = list(left)
    used = False
    for bad, right in wrong:
        for i, token in enumerate(fixed):
            if isinstance(token, Figure) and _same_figure(token, bad):
                fixed[i] = token.model_copy(update={"value": right})
                used = True
    if not used:
        return None
    value = _read_as_written(left, fixed, result)
    if value is None:
        return None
    if abs(value - result.value) <= max(result.step, 0.005 * abs(value)):
        return None
    return value


def _read_as_written(left: list[Token], fixed: list[Token], result: Figure) -> float | None:
    """The value of ``fixed`` (``left`` with the wrong figures set right), a percentage read the
    way the written result was computed (« 81 600 × 43 % = 35 088 »: as a fraction); None when
    no reading of ``left`` gives the written result (left to the chain's own check)."""
    rates = any(isinstance(t, Figure) and t.unit == "percent" for t in [*fixed, result])
    if not rates:
        values = side_values(fixed)
        return values[0] if values else None
    for as_fraction in (True, False):
        written = evaluate(left, percent_as_fraction=as_fraction)
        shown = result.fraction() if as_fraction else result.value
        if written is None or not _holds(written, shown, result, as_fraction):
            continue
        value = evaluate(fixed, percent_as_fraction=as_fraction)
        if value is None:
            return None
        return value * 100 if as_fraction and result.unit == "percent" else value
    return None


def _holds(value: float, shown: float, result: Figure, as_fraction: bool) -> bool:
    step = result.step / 100 if as_fraction and result.unit == "percent" else result.step
    return abs(value - shown) <= max(step, 0.005 * abs(shown))


def _long_sum(side: list[Token]) -> bool:
    """A sum of three terms or more: quarters, items, lines; never where a result is reused."""
    operators = {t for t in side if isinstance(t, str) and t not in "()"}
    return operators == {"+"} and sum(isinstance(t, Figure) for t in side) >= 3


def _same_figure(token: Figure, bad: Figure) -> bool:
    """The wrong figure used again: its value, written with its unit or bare."""
    return token.value == bad.value and token.unit in (bad.unit, "number")


def _quotient(
    root: Figure, right: float, figures: list[Figure], skip: set[tuple[int, int]]
) -> tuple[str, set[tuple[int, int]]]:
    """A number of units derived from the wrong figure, in its sentence or a later one of its
    section (« les 62 000 € sont couverts à partir de 1 128 unités » after a margin of 55 €:
    62 000 / 55), redone with the right one, rounded the same way."""
    prose = [f for f in figures if not f.in_table]
    later = [
        f
        for f in prose
        if f.start > root.end
        and f.unit == "quantity"
        and f.body <= root.body + FOLLOWING_BLOCKS
        and f.section[:1] == root.section[:1]
        and (f.start, f.end) not in skip
    ]
    for result in later:
        amounts = [
            f
            for f in prose
            if f is not root
            and f.unit == root.unit
            and f.value > 0
            and (f.same_sentence(root) or f.same_sentence(result))
        ]
        for amount_figure in amounts:
            exact = amount_figure.value / root.value if root.value else 0.0
            if not exact or abs(result.value - exact) > 1:
                continue
            value = amount_figure.value / right
            shown = math.ceil(value) if result.value >= exact else round(value)
            if shown == result.value:
                return "", set()
            note = (
                f"{amount(result.value, 'quantity')} au lieu de {amount(shown, 'quantity')} "
                f"({amount(amount_figure.value, amount_figure.unit)} / "
                f"{amount(right, root.unit)})"
            )
            return note, {(result.start, result.end)}
    return "", set()
