"""Paraphrases found by retrieval: sentences that treat an element without using its cues.

Retrieval (hybrid lexical + dense) proposes, for each element or checkpoint, the passages
closest to its label and description. A sentence of such a passage is kept as a paraphrase
only when it shares at least ``MIN_OVERLAP`` significant words with that description
(beyond the checkpoint's own names): dense similarity alone is too loose to prove presence.
Detection then still requires the sentence to be substantive and inside the checkpoint's
context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.detect.checkpoint import CHECKPOINT
from assistant.detect.lexicon import META_WORDS, STOPWORDS
from assistant.detect.scope import Layout
from assistant.detect.units import Unit, tokenize
from assistant.referentiel.models import Checkpoint

MIN_OVERLAP = 2


@dataclass(frozen=True)
class Query:
    checkpoint: str
    target: str  # element id or "checkpoint"
    text: str
    stems: frozenset[str]


def paraphrase_queries(checkpoints: Sequence[Checkpoint]) -> list[Query]:
    """One query per element (or per checkpoint without elements): label and description."""
    queries = []
    for cp in checkpoints:
        names = _stems(" ".join(cp.cues))
        if cp.elements:
            for el in cp.elements:
                text = f"{el.label}. {el.description}".strip()
                queries.append(Query(cp.id, el.id, text, _stems(text) - names))
        else:
            text = f"{cp.label}. {cp.description}".strip()
            queries.append(Query(cp.id, CHECKPOINT, text, _stems(text) - names))
    return queries


def paraphrase_units(
    layout: Layout,
    queries: Sequence[Query],
    passages: Sequence[Sequence[tuple[int, int]]],
) -> dict[str, dict[str, list[Unit]]]:
    """Units of the retrieved ``passages`` (spans, one list per query) that paraphrase it."""
    out: dict[str, dict[str, list[Unit]]] = {}
    for query, spans in zip(queries, passages, strict=True):
        for unit in _units_in(layout, spans):
            overlap = {t.stem for t in unit.tokens} & query.stems
            if len(overlap) >= MIN_OVERLAP:
                out.setdefault(query.checkpoint, {}).setdefault(query.target, []).append(unit)
    return out


def _units_in(layout: Layout, spans: Sequence[tuple[int, int]]) -> list[Unit]:
    return [
        u
        for u in layout.units
        if u.kind != "heading" and any(s <= u.start and u.end <= e for s, e in spans)
    ]


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        t.stem
        for t in tokenize(text)
        if t.folded not in STOPWORDS and t.folded not in META_WORDS and len(t.folded) > 2
    )
