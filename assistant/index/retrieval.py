"""Hybrid retrieval over one dossier: BM25 (French stems) fused with dense vectors (Chroma).

Detection asks ~100 questions per dossier: ``search_many`` embeds them all in ONE embedder call
and queries the store in ONE Chroma call; BM25 runs in memory.

Default fusion 'mix' (min-max normalised cosine + max-normalised BM25, equal weights) beat
reciprocal rank fusion on benchmarks/bench_embedding.py's French check, with label queries
and with label + cues queries alike; weights from 0.3 to 0.7 changed little.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from assistant.document import Document
from assistant.index.chunking import Chunk, indexed_text
from assistant.index.embedding import Embedder, Vectors
from assistant.index.lexical import LexicalIndex
from assistant.index.store import Hit, VectorStore

Fusion = Literal["rrf", "mix"]
RRF_K = 60
"""Rank offset of reciprocal rank fusion (the usual 60)."""
DENSE_WEIGHT = 0.5
"""Weight of the dense score in the 'mix' fusion (BM25 gets the rest)."""


class ScoredChunk(BaseModel):
    """A chunk found for a query, with the fused score and both raw signals."""

    model_config = ConfigDict(frozen=True)

    chunk: Chunk
    score: float = Field(description="Fused score; higher is better; comparable within a query.")
    dense: float | None = Field(description="Cosine similarity, None if not in the dense top.")
    lexical: float | None = Field(description="BM25 score, None if no query term matched.")


class HybridRetriever:
    """Finds the chunks of one dossier that treat a query. Build it with ``build_retriever``."""

    def __init__(
        self,
        sha: str,
        chunks: Sequence[Chunk],
        lexical: LexicalIndex,
        store: VectorStore,
        embedder: Embedder,
        *,
        fusion: Fusion = "mix",
        depth: int = 50,
    ) -> None:
        self.sha = sha
        self.chunks = {c.id: c for c in chunks}
        self.lexical = lexical
        self.store = store
        self.embedder = embedder
        self.fusion: Fusion = fusion
        self.depth = depth

    def search(self, query: str, k: int) -> list[ScoredChunk]:
        return self.search_many([query], k)[0]

    def search_many(
        self, queries: Sequence[str], k: int, vectors: Vectors | None = None
    ) -> list[list[ScoredChunk]]:
        """The ``k`` best chunks of each query, best first; ``vectors`` are the queries'
        vectors when already known (see ``assistant.index.query_vectors``)."""
        if not queries or not self.chunks:
            return [[] for _ in queries]
        depth = max(k, self.depth)
        if vectors is None:
            vectors = self.embedder.embed_queries(list(queries))
        dense_lists = self.store.search_dossier_many(self.sha, vectors, depth)
        return [
            self._fuse(dense, self.lexical.search(query, depth), k)
            for query, dense in zip(queries, dense_lists, strict=True)
        ]

    def _fuse(self, dense: list[Hit], lexical: list[Hit], k: int) -> list[ScoredChunk]:
        fused = _rrf(dense, lexical) if self.fusion == "rrf" else _mix(dense, lexical)
        best = sorted(fused.items(), key=lambda item: -item[1])[:k]
        dense_of, lexical_of = dict(dense), dict(lexical)
        return [
            ScoredChunk(
                chunk=self.chunks[cid],
                score=score,
                dense=dense_of.get(cid),
                lexical=lexical_of.get(cid),
            )
            for cid, score in best
        ]


def _rrf(*rankings: list[Hit]) -> dict[str, float]:
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (cid, _) in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    return fused


def _mix(dense: list[Hit], lexical: list[Hit]) -> dict[str, float]:
    """Min-max normalised dense score and max-normalised BM25, weighted."""
    fused: dict[str, float] = {}
    if dense:
        values = np.array([s for _, s in dense])
        low, span = float(values.min()), float(np.ptp(values)) or 1.0
        for cid, s in dense:
            fused[cid] = DENSE_WEIGHT * (s - low) / span
    if lexical:
        top = lexical[0][1] or 1.0
        for cid, s in lexical:
            fused[cid] = fused.get(cid, 0.0) + (1 - DENSE_WEIGHT) * s / top
    return fused


def build_retriever(
    doc: Document,
    chunks: Sequence[Chunk],
    store: VectorStore,
    embedder: Embedder,
    *,
    fusion: Fusion = "mix",
) -> HybridRetriever:
    """Embed the dossier's chunks if the store does not have them yet, index them for BM25."""
    if embedder.name != store.embedder.name:
        raise ValueError(f"embedder {embedder.name} differs from the store's {store.embedder.name}")
    sha = doc.meta.sha256
    store.ensure_dossier(sha, chunks)
    lexical = LexicalIndex.build(chunks, [indexed_text(c) for c in chunks])
    return HybridRetriever(sha, chunks, lexical, store, embedder, fusion=fusion)
