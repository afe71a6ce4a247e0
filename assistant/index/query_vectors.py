"""Vectors of the fixed search queries detection asks every dossier (the référentiel's
paraphrase queries), embedded once and kept in memory and on disk.

They depend only on the référentiel and the embedder, never on the dossier: one file per
(référentiel hash, embedder) under ``folder``, holding the query texts beside their vectors so
that a changed query is embedded again. A missing, stale or unreadable file is rebuilt.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.atomic import write_atomic
from assistant.index.embedding import Embedder, Vectors

log = logging.getLogger(__name__)


class QueryVectors:
    """Query text → vector, for one référentiel (``key``, its content hash) and embedder."""

    def __init__(self, folder: Path, embedder: Embedder, key: str) -> None:
        self.path = folder / f"{key[:16]}-{embedder.name}.npz"
        self.embedder = embedder
        self._rows: dict[str, Vectors] | None = None
        self._lock = threading.Lock()

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """One row per text, in order; only texts never seen are embedded (in one call)."""
        with self._lock:
            rows = self._loaded()
            missing = list(dict.fromkeys(t for t in texts if t not in rows))
            if missing:
                rows.update(zip(missing, self.embedder.embed_queries(missing), strict=True))
                self._save(rows)
            if not texts:
                return np.zeros((0, self.embedder.dimension), dtype=np.float32)
            return np.stack([rows[t] for t in texts])

    def _loaded(self) -> dict[str, Vectors]:
        if self._rows is None:
            self._rows = self._read()
        return self._rows

    def _read(self) -> dict[str, Vectors]:
        if not self.path.is_file():
            return {}
        try:
            with np.load(self.path, allow_pickle=False) as data:
                texts, matrix = data["texts"], data["vectors"]
                return {str(t): matrix[i] for i, t in enumerate(texts)}
        except (OSError, ValueError, KeyError):
            log.warning("ignoring unreadable query vectors %s", self.path)
            return {}

    def _save(self, rows: dict[str, Vectors]) -> None:
        """Write atomically: a reader never sees half a file."""
        buffer = io.BytesIO()
        texts = np.array(list(rows), dtype=np.str_)
        np.savez(buffer, texts=texts, vectors=np.stack(list(rows.values())))
        write_atomic(self.path, buffer.getvalue())
