"""Verbatim quotes: exact slices of ``Document.text`` with their page and section."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.assessment import Evidence
from assistant.detect.claims import case_anchored, quotable
from assistant.detect.negation import denied_tokens
from assistant.detect.units import Unit

MAX_QUOTE = 300
MAX_EVIDENCE = 3


def quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span cut to at most ``MAX_QUOTE`` characters at a word boundary, trimmed."""
    while start < end and text[start].isspace():
        start += 1
    if end - start > MAX_QUOTE:
        cut = text.rfind(" ", start, start + MAX_QUOTE)
        end = cut if cut > start + MAX_QUOTE // 2 else start + MAX_QUOTE
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def unit_evidence(text: str, unit: Unit) -> Evidence:
    """The unit quoted; without the clauses it takes back when it has some (« nous n'avons
    pas établi de plan de trésorerie, alors que... » is quoted from « alors que »): a quote
    never holds what the dossier says was not done."""
    start, end = kept_span(unit)
    start, end = quote_span(text, start, end)
    return Evidence.at(text, start, end, unit.page, unit.section)


def kept_span(unit: Unit) -> tuple[int, int]:
    """The unit's span, or the longest run of its tokens no denial takes back."""
    denied = denied_tokens(unit)
    if not denied:
        return unit.start, unit.end
    runs: list[tuple[int, int]] = []
    first: int | None = None
    for i in range(len(unit.tokens) + 1):
        if i < len(unit.tokens) and i not in denied:
            first = i if first is None else first
        elif first is not None:
            runs.append((first, i - 1))
            first = None
    if not runs:
        return unit.start, unit.end
    a, b = max(runs, key=lambda r: unit.tokens[r[1]].start - unit.tokens[r[0]].start)
    last = unit.tokens[b]
    return unit.tokens[a].start, last.start + len(last.text)


def evidence_list(text: str, units: Sequence[Unit], k: int = MAX_EVIDENCE) -> list[Evidence]:
    """Up to ``k`` quotes from ``units`` (best first), without duplicates; a unit that asserts
    nothing about the case (a definition, a denial, a contents line...) is never quoted. What
    the dossier says of its own case (« nous », a figure, a proper name, a table cell) is quoted
    first: a sentence without any of these (often course text the definition rules miss) only
    when the units hold nothing else to quote, so that a status never loses its quote."""
    distinct: list[Unit] = []
    seen: set[int] = set()
    for unit in units:  # the same unit comes once per finding: judge each once
        if unit.index not in seen and quotable(unit):
            seen.add(unit.index)
            distinct.append(unit)
    anchored = [u for u in distinct if u.kind in ("heading", "cell") or case_anchored(u)]
    says_case = any(u.kind != "heading" for u in anchored)
    return [unit_evidence(text, u) for u in (anchored if says_case else distinct)[:k]]
