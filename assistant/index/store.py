"""Chroma adapter: the only module that imports chromadb.

Collections, all in cosine space, all embedded by OUR embedder (never Chroma's default, which
would download a model):
- ``<base>-<embedder>``: entries of a reference text (the référentiel, see
  ``referentiel_index``), whose ``base`` the caller names;
- ``dossier-<sha[:16]>-<key>``: the chunks of one dossier, where ``key`` hashes the embedder
  and the chunking signature the caller passes in, so an unchanged dossier is never embedded
  twice.
Dossier collections hold vectors and positions only (no text): the dossier stays in memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np

from assistant.index import store_lock
from assistant.index.chunking import Chunk, indexed_text
from assistant.index.embedding import Embedder, Vectors
from assistant.index.store_compact import Compaction

log = logging.getLogger(__name__)

LOCK_TIMEOUT_S = 10.0
"""How long a second process waits for the embedded store before giving up."""

Hit = tuple[str, float]
"""(id, cosine similarity), best first."""


class Entry(Protocol):
    """One piece of a reference text to index: its id, the text embedded, its metadata."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def metadata(self) -> dict[str, Any]: ...


class VectorStore:
    """Persistent Chroma store under ``path`` (one process at a time: ``store_lock``), or the
    Chroma server at ``url``. Safe to share between threads of one process."""

    def __init__(
        self,
        path: Path,
        embedder: Embedder,
        *,
        chunking: Sequence[object],
        url: str | None = None,
        lock_timeout_s: float = LOCK_TIMEOUT_S,
    ) -> None:
        self.path = path
        self.url = url
        self.lock_timeout_s = lock_timeout_s
        self.embedder = embedder
        self.key = _settings_key(embedder.name, chunking)
        self._lock = threading.RLock()
        self._client_obj: Any = None

    # ------------------------------------------------------------ dossiers

    def dossier_collection(self, sha: str) -> str:
        return f"dossier-{sha[:16]}-{self.key}"

    def has_dossier(self, sha: str, chunks: Sequence[Chunk]) -> bool:
        """True when the dossier's chunks are already embedded with these settings."""
        with self._lock:
            col = self._get(self.dossier_collection(sha))
            meta = (col.metadata or {}) if col is not None else {}
            return meta.get("chunks") == _chunks_hash(chunks) and col.count() == len(chunks)

    def ensure_dossier(self, sha: str, chunks: Sequence[Chunk]) -> None:
        """Embed and store the chunks unless this very chunking is already stored."""
        with self._lock:
            if self.has_dossier(sha, chunks):
                return
            name = self.dossier_collection(sha)
            self._drop(name)
            col = self._create(
                name, {"kind": "dossier", "sha": sha, "chunks": _chunks_hash(chunks)}
            )
            if chunks:
                vectors = self.embedder.embed_documents([indexed_text(c) for c in chunks])
                self._add(col, [c.id for c in chunks], vectors, [_chunk_meta(c) for c in chunks])
            log.info("dossier %s: %d chunks embedded", sha[:16], len(chunks))

    def search_dossier(self, sha: str, query: str | Vectors, k: int) -> list[Hit]:
        """The ``k`` chunks nearest to one query (text or vector)."""
        vector = self.embedder.embed_query(query) if isinstance(query, str) else query
        return self.search_dossier_many(sha, np.atleast_2d(vector), k)[0]

    def search_dossier_many(self, sha: str, vectors: Vectors, k: int) -> list[list[Hit]]:
        """The ``k`` nearest chunks of each query vector, in ONE Chroma call."""
        with self._lock:
            col = self._get(self.dossier_collection(sha))
            if col is None:
                raise KeyError(f"dossier {sha[:16]} is not in the store; call ensure_dossier")
            return _query(col, vectors, k)

    def delete_dossier(self, sha: str) -> int:
        """Drop every collection of the dossier (all settings); returns how many."""
        prefix = f"dossier-{sha[:16]}-"
        with self._lock:
            names = [n for n in self._names() if n.startswith(prefix)]
            for name in names:
                self._drop(name)
            return len(names)

    def list_dossiers(self) -> list[str]:
        """Short hashes (16 hex digits) of the stored dossiers, whatever their settings."""
        with self._lock:
            names = self._names()
        return sorted({n.split("-")[1] for n in names if n.startswith("dossier-")})

    def compact(self) -> Compaction | None:
        """Rewrite the store's files so that deleted collections leave nothing on disk
        (``store_compact``). The client is closed first and reopens on next use. A Chroma
        server compacts its own folder (``chroma utils vacuum``): None."""
        from assistant.index.store_compact import compact_store

        if self.url:
            log.warning("Chroma server: run 'chroma utils vacuum' on its folder after a purge")
            return None
        with self._lock:
            was_open = self._client_obj is not None
            self.close()
            if not was_open:  # not ours yet: take the lock for the compaction
                store_lock.acquire(self.path, self.lock_timeout_s)
            try:
                return compact_store(self.path)
            finally:
                if not was_open:
                    store_lock.release(self.path)

    def close(self) -> None:
        """Release the Chroma client, its files and the store's lock (reopened on next use)."""
        with self._lock:
            if self._client_obj is not None:
                self._client_obj.close()
                self._client_obj = None
                if not self.url:
                    store_lock.release(self.path)

    # ------------------------------------------------------------ reference entries

    def entries_collection(self, base: str) -> str:
        """The collection holding the entries named ``base``, embedded by this embedder."""
        return f"{base}-{self.embedder.name}"

    def ensure_entries(self, base: str, entries: Sequence[Entry], metadata: dict[str, Any]) -> None:
        """Embed the entries named ``base`` once (again only when their number changes)."""
        name = self.entries_collection(base)
        with self._lock:
            col = self._get(name)
            if col is not None and col.count() == len(entries):
                return
            self._drop(name)
            col = self._create(name, metadata)
            vectors = self.embedder.embed_documents([e.text for e in entries])
            self._add(col, [e.id for e in entries], vectors, [e.metadata for e in entries])

    def search_entries(
        self, base: str, query: str, k: int, where: dict[str, Any] | None = None
    ) -> list[Hit]:
        """The ``k`` entries named ``base`` nearest to ``query``; ``where`` filters metadata."""
        vector = np.atleast_2d(self.embedder.embed_query(query))
        with self._lock:
            col = self._get(self.entries_collection(base))
            if col is None:
                raise KeyError(f"entries {base!r} are not in the store; call ensure_entries")
            return _query(col, vector, k, where)[0]

    # ------------------------------------------------------------ chroma plumbing

    def _client(self) -> Any:
        if self._client_obj is None:
            import chromadb
            from chromadb.config import Settings

            settings = Settings(anonymized_telemetry=False, allow_reset=False)
            if self.url:
                self._client_obj = chromadb.HttpClient(**_server(self.url), settings=settings)
                return self._client_obj
            store_lock.acquire(self.path, self.lock_timeout_s)
            try:
                self._client_obj = chromadb.PersistentClient(path=str(self.path), settings=settings)
            except BaseException:
                store_lock.release(self.path)
                raise
        return self._client_obj

    def _names(self) -> list[str]:
        return [c.name for c in self._client().list_collections()]

    def _get(self, name: str) -> Any:
        if name not in self._names():
            return None
        return self._client().get_collection(name, embedding_function=self._function())

    def _create(self, name: str, metadata: dict[str, Any]) -> Any:
        return self._client().create_collection(
            name,
            metadata=metadata,
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=self._function(),
        )

    def _drop(self, name: str) -> None:
        if name in self._names():
            self._client().delete_collection(name)

    def _add(self, col: Any, ids: list[str], vectors: Vectors, metas: list[dict[str, Any]]) -> None:
        step = self._client().get_max_batch_size()
        for at in range(0, len(ids), step):
            col.add(
                ids=ids[at : at + step],
                embeddings=vectors[at : at + step],
                metadatas=metas[at : at + step],
            )

    def _function(self) -> Any:
        _EMBEDDERS[self.embedder.name] = self.embedder
        return _embedding_function_class()(self.embedder.name)


def _server(url: str) -> dict[str, Any]:
    """HttpClient arguments for a server URL such as ``http://127.0.0.1:8000``."""
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or (443 if secure else 8000),
        "ssl": secure,
    }


def _query(
    col: Any, vectors: Vectors, k: int, where: dict[str, Any] | None = None
) -> list[list[Hit]]:
    n = min(k, col.count())
    if n == 0 or len(vectors) == 0:
        return [[] for _ in range(len(vectors))]
    found = col.query(query_embeddings=vectors, n_results=n, where=where, include=["distances"])
    return [
        [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]
        for ids, dists in zip(found["ids"], found["distances"], strict=True)
    ]


# ---------------------------------------------------------------- what gets indexed


def _chunk_meta(chunk: Chunk) -> dict[str, Any]:
    meta: dict[str, Any] = {"start": chunk.start, "end": chunk.end, "table": chunk.table}
    if chunk.page is not None:
        meta["page"] = chunk.page
    return meta


def _settings_key(embedder: str, chunking: Sequence[object]) -> str:
    raw = json.dumps([embedder, *chunking]).encode()
    return hashlib.sha256(raw).hexdigest()[:10]


def _chunks_hash(chunks: Sequence[Chunk]) -> str:
    raw = json.dumps([[c.id, c.start, c.end] for c in chunks]).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


_EMBEDDERS: dict[str, Embedder] = {}
"""Embedders met by this process, by name: what Chroma's rebuilt embedding functions use."""


def _embed(name: str, texts: Sequence[str], query: bool) -> list[list[float]]:
    embedder = _EMBEDDERS.get(name)
    if embedder is None:
        raise RuntimeError(f"embedder {name!r} is not available in this process")
    vectors = embedder.embed_queries(texts) if query else embedder.embed_documents(texts)
    rows: list[list[float]] = vectors.tolist()
    return rows


@lru_cache(maxsize=1)
def _embedding_function_class() -> type:
    """Our embedders seen as a Chroma EmbeddingFunction, registered so that Chroma can
    rebuild it from a collection's stored configuration (built lazily: chromadb is heavy)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class OurEmbeddingFunction(EmbeddingFunction[Documents]):
        def __init__(self, embedder: str) -> None:
            self._embedder = embedder

        def __call__(self, input: Documents) -> Embeddings:
            return [np.asarray(r, dtype=np.float32) for r in _embed(self._embedder, input, False)]

        def embed_query(self, input: Documents) -> Embeddings:
            return [np.asarray(r, dtype=np.float32) for r in _embed(self._embedder, input, True)]

        @staticmethod
        def name() -> str:
            return "dossier-review"

        def get_config(self) -> dict[str, Any]:
            return {"embedder": self._embedder}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> EmbeddingFunction[Documents]:
            return OurEmbeddingFunction(str(config["embedder"]))

        def default_space(self) -> Space:
            return "cosine"

    return OurEmbeddingFunction
