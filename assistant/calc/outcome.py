"""Pieces every check uses to state its outcome: the rounding rule, page mentions, evidence."""

from __future__ import annotations

from assistant.assessment import Evidence
from assistant.calc.figures import Figure


def close(found: float, expected: float, *, tolerance: float, step: float = 0.0) -> bool:
    """Equal up to ``tolerance`` (relative) or to the rounding of the last digit written."""
    diff = abs(found - expected)
    return diff <= tolerance * abs(expected) + 1e-9 or diff <= step + 1e-9


def at_page(page: int | None) -> str:
    """' p. 7' or '' for formats without pages."""
    return f" p. {page}" if page is not None else ""


def evidence_of(figure: Figure, text: str) -> Evidence:
    """The sentence or table row holding ``figure``, as evidence."""
    start, end = figure.quote_span(text)
    return Evidence.at(text, start, end, figure.page, figure.section)
