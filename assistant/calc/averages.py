"""Weighted averages written with their weights: « une marge moyenne pondérée de 55 € (60 %
direct, 40 % boutique) », whose parts were given earlier in the paragraph (« marge en direct
71,83 € », « en boutique ..., marge 19,70 € »).

Each weight names its part; the part is the last amount of the same unit written before the
average, in a clause (between ';' or full stops) naming both the part and what is averaged
(« marge »). Scenarios (« si le prix baissait ..., la marge directe tomberait à ... ») are not
the base case and are never taken. The average is checked only when every part is found and
the weights make 100 %.
"""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.calc.facts import is_scenario
from assistant.calc.figures import Figure
from assistant.calc.formatting import amount
from assistant.calc.models import CalcCheck
from assistant.calc.outcome import at_page, close
from assistant.calc.vocabulary import folded

_AVERAGE = re.compile(r"\b([a-z]{4,}) (?:\w+ )?(?:moyen\w* pondere\w*|pondere\w*)\b")
_CLAUSE_END = re.compile(r"[;.!?](?=\s|$)|\n")
_WORD = re.compile(r"[a-z]{3,}")


def check_weighted_averages(
    figures: list[Figure], text: str, *, tolerance: float
) -> list[CalcCheck]:
    by_block: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        if not figure.in_table:
            by_block[figure.block].append(figure)
    checks = []
    for block in by_block.values():
        for i, figure in enumerate(block):
            named = _AVERAGE.search(folded(figure.label))
            if named and figure.unit in ("currency", "number"):
                check = _check(figure, block[i + 1 :], block[:i], named.group(1), text, tolerance)
                if check is not None:
                    checks.append(check)
    return checks


def _check(
    average: Figure,
    after: list[Figure],
    before: list[Figure],
    noun: str,
    text: str,
    tolerance: float,
) -> CalcCheck | None:
    weights = _weights(average, after, text)
    if len(weights) < 2 or abs(sum(w.value for w, _ in weights) - 100) > 1:
        return None
    parts = [_part(name, noun, average, before, text) for _, name in weights]
    if any(p is None for p in parts):
        return None
    terms = [(w, p) for (w, _), p in zip(weights, parts, strict=True) if p is not None]
    expected = sum(w.fraction() * p.value for w, p in terms)
    if close(average.value, expected, tolerance=tolerance, step=average.step):
        return None
    formula = " + ".join(
        f"{amount(w.value, 'percent')} × {amount(p.value, p.unit)}" for w, p in terms
    )
    message = (
        f"Moyenne pondérée erronée{at_page(average.page)} : {amount(average.value, average.unit)}"
        f" annoncés, {amount(expected, average.unit)} attendus ({formula})."
    )
    return CalcCheck(
        kind="expression",
        status="error",
        figures={f"part {i + 1}": p.value for i, (_, p) in enumerate(terms)},
        expected=round(expected, 4),
        found=average.value,
        unit=average.unit,
        page=average.page,
        quote=average.quote(text),
        message=message,
        span=(average.start, average.end),
    )


def _weights(average: Figure, after: list[Figure], text: str) -> list[tuple[Figure, str]]:
    """The percentages in brackets right after the average, each with the words naming it."""
    opening = text[average.end : average.end + 3].lstrip()
    if not opening.startswith("("):
        return []
    closing = text.find(")", average.end)
    if closing < 0:
        return []
    found = []
    for figure in after:
        if figure.start > closing:
            break
        if figure.unit != "percent":
            return []
        comma = text.find(",", figure.end, closing)
        end = comma if comma >= 0 else closing
        found.append((figure, folded(text[figure.end : end])))
    return found


def _part(name: str, noun: str, average: Figure, before: list[Figure], text: str) -> Figure | None:
    """The last amount before the average, of its unit, in a clause naming the part."""
    words = [w for w in _WORD.findall(name) if w not in ("des", "les", "pour", "sur")]
    if not words:
        return None
    for figure in reversed(before):
        if figure.unit != average.unit:
            continue
        clause = folded(_clause(figure, text))
        if is_scenario(folded(text[figure.context_start : figure.context_end])):
            continue
        if noun in clause and all(re.search(rf"\b{w}", clause) for w in words):
            return figure
    return None


def _clause(figure: Figure, text: str) -> str:
    """From the last ';' or full stop before the figure to the figure."""
    start = figure.context_start
    for found in _CLAUSE_END.finditer(text, start, figure.start):
        start = found.end()
    return text[start : figure.end]
