"""BM25 over the chunks of one dossier, French-aware: accents folded, elisions removed,
Snowball stems, French stop words dropped. Built in memory per dossier (milliseconds)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from assistant.index.chunking import Chunk
from assistant.textnorm import stems


@lru_cache(maxsize=1)
def _bm25s() -> Any:
    """The bm25s module. On import it sets its own logger to DEBUG, which floods the logs
    with "Building index from tokens" lines whatever the application's level: hand the level
    back to the logging configuration (the root logger's level, WARNING by default)."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.NOTSET)
    return bm25s


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    _bm25s()
    from bm25s.stopwords import STOPWORDS_FRENCH

    return frozenset(stems(" ".join(STOPWORDS_FRENCH)))


def analyse(text: str) -> list[str]:
    """The terms BM25 indexes for ``text``: folded, stemmed, without stop words."""
    stop = _stop_stems()
    return [t for t in stems(text) if t not in stop]


class LexicalIndex:
    """BM25 (Lucene variant) over chunk texts. Use ``LexicalIndex.build(chunks)``."""

    def __init__(self, ids: list[str], bm25: Any) -> None:
        self._ids = ids
        self._bm25 = bm25

    @classmethod
    def build(cls, chunks: Sequence[Chunk], texts: Sequence[str] | None = None) -> LexicalIndex:
        """Index ``chunks`` (or ``texts``, one per chunk, e.g. with their section titles)."""
        corpus = [analyse(t) or ["∅"] for t in (texts or [c.text for c in chunks])]
        bm25 = _bm25s().BM25(method="lucene")
        if corpus:
            bm25.index(corpus, show_progress=False)
        return cls([c.id for c in chunks], bm25)

    def __len__(self) -> int:
        return len(self._ids)

    def scores(self, query: str) -> np.ndarray[Any, np.dtype[np.float32]]:
        """BM25 score of every chunk, in chunk order (zeros when no query term is known)."""
        if not self._ids:
            return np.zeros(0, dtype=np.float32)
        known = self._bm25.get_tokens_ids(analyse(query))
        if not known:
            return np.zeros(len(self._ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores_from_ids(known), dtype=np.float32)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Up to ``k`` (chunk_id, score) pairs with a positive score, best first."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(self._ids[i], float(scores[i])) for i in order if scores[i] > 0]
