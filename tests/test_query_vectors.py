"""The référentiel's paraphrase queries are embedded once, then read from memory or disk."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.index.embedding import Embedder, UseEmbedder, Vectors
from assistant.index.query_vectors import QueryVectors


class RecordingEmbedder:
    """The real local embedder, recording the query texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.asked: list[list[str]] = []

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        return self.inner.embed_documents(texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        self.asked.append(list(texts))
        return self.inner.embed_queries(texts)

    def embed_query(self, text: str) -> Vectors:
        return self.embed_queries([text])[0]


QUERIES = [
    "Facteur légal. Cadre juridique qui s'impose au marché : lois, RGPD.",
    "Rivalité entre concurrents. Intensité de la concurrence entre les acteurs.",
]


def test_queries_are_embedded_once_per_process_and_once_per_home(tmp_path: Path) -> None:
    embedder = RecordingEmbedder(UseEmbedder())
    cache = QueryVectors(tmp_path, embedder, "a" * 64)
    first = cache.vectors(QUERIES)
    assert np.allclose(first, UseEmbedder().embed_queries(QUERIES), atol=1e-6)
    assert np.array_equal(cache.vectors(list(reversed(QUERIES))), first[::-1])
    assert embedder.asked == [QUERIES]

    reread = RecordingEmbedder(UseEmbedder())  # a new process: the same home, nothing embedded
    assert np.array_equal(QueryVectors(tmp_path, reread, "a" * 64).vectors(QUERIES), first)
    assert reread.asked == []


def test_a_new_query_or_referentiel_is_embedded_and_a_broken_file_rebuilt(
    tmp_path: Path,
) -> None:
    embedder = RecordingEmbedder(UseEmbedder())
    QueryVectors(tmp_path, embedder, "a" * 64).vectors(QUERIES)
    QueryVectors(tmp_path, embedder, "a" * 64).vectors([*QUERIES, "Pouvoir des clients."])
    assert embedder.asked[-1] == ["Pouvoir des clients."]
    QueryVectors(tmp_path, embedder, "b" * 64).vectors(QUERIES)  # another référentiel
    assert embedder.asked[-1] == QUERIES

    for stored in tmp_path.glob("*.npz"):
        stored.write_bytes(b"not a numpy archive")
    again = RecordingEmbedder(UseEmbedder())
    assert QueryVectors(tmp_path, again, "a" * 64).vectors(QUERIES).shape == (2, 512)
    assert again.asked == [QUERIES]
