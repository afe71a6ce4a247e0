"""The dossier passages an LLM sees for one checkpoint: retrieved chunks plus the offline
evidence, with every excluded span (detected injections) cut out. Hidden text never reaches
here: chunks are made of evidence blocks only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.assessment import CheckpointResult
from assistant.document import Document
from assistant.index.retrieval import HybridRetriever
from assistant.llm.refine import Passage
from assistant.referentiel.models import Checkpoint

PASSAGES_PER_CHECKPOINT = 6
REMOVED = "[passage retiré : instruction adressée à l'évaluateur]"


def passage_finder(
    retriever: HybridRetriever | None,
    checkpoints: Sequence[Checkpoint],
    offline: Sequence[CheckpointResult],
    excluded: Sequence[tuple[int, int]],
) -> Callable[[Checkpoint], list[Passage]]:
    """Passages for each of ``checkpoints``, retrieved in one batch (one embedding call)."""
    evidence = {r.id: r for r in offline}
    queries = [f"{c.label}. {c.description}" for c in checkpoints]
    batches = (
        retriever.search_many(queries, PASSAGES_PER_CHECKPOINT)
        if retriever is not None
        else [[] for _ in checkpoints]
    )
    retrieved = {c.id: hits for c, hits in zip(checkpoints, batches, strict=True)}

    def passages_for(checkpoint: Checkpoint) -> list[Passage]:
        found: list[Passage] = []
        for hit in retrieved.get(checkpoint.id, []):
            chunk = hit.chunk
            text = _without(chunk.text, chunk.start, excluded)
            found.append(Passage(text, chunk.page, " > ".join(chunk.section)))
        result = evidence.get(checkpoint.id)
        quotes = (
            [*result.evidence, *(ev for e in result.elements for ev in e.evidence)]
            if result
            else []
        )
        for ev in quotes:
            if not any(ev.quote in p.text for p in found):
                found.append(Passage(ev.quote, ev.page, ev.section or ""))
        return found

    return passages_for


def flagged_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc.text`` that no model may read: instructions addressed to the assessor,
    visible or hidden (hidden blocks never reach chunks anyway), as flagged at ingestion."""
    from assistant.injection import flagged_spans as flagged_at_ingestion

    return flagged_at_ingestion(doc)


def without_flagged(text: str, doc: Document, flagged: Sequence[tuple[int, int]]) -> str:
    """A passage of ``doc`` (located by its text) minus the flagged spans it overlaps; a
    passage that cannot be located loses every flagged text it contains."""
    start = doc.text.find(text)
    if start >= 0:
        return _without(text, start, flagged)
    for lo, hi in flagged:
        text = text.replace(doc.text[lo:hi], REMOVED)
    return text


def _without(text: str, start: int, excluded: Sequence[tuple[int, int]]) -> str:
    """``text`` (which starts at ``start`` in the document) minus the excluded spans."""
    for ex_start, ex_end in sorted(excluded, reverse=True):
        lo, hi = max(ex_start - start, 0), min(ex_end - start, len(text))
        if lo < hi:
            text = text[:lo] + REMOVED + text[hi:]
    return text
