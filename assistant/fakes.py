"""The fake-parts profile (``DOSSIER_REVIEW_PARTS=fake``): deterministic stand-ins for the two
parts that are slow or remote, selected by the settings, for tests and demonstrations.

- ``HashEmbedder``: vectors made from hashed word stems, no model to load; texts sharing words
  are close, so retrieval still behaves like retrieval, only cruder.
- ``ScriptedChatModel``: an in-process chat model that answers from a script and records every
  call; it is used when an LLM is configured (``DOSSIER_REVIEW_LLM__MODEL``...), which it never
  contacts.

Everything else (ingestion, Chroma, detection, reports) stays real.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.textnorm import fold

if TYPE_CHECKING:
    from assistant.index.embedding import Vectors
    from assistant.llm.client import Message

_WORD = re.compile(r"\w+")
DEFAULT_ANSWER = "Réponse scriptée."


class HashEmbedder:
    """Bag of hashed words (accent- and case-folded, cut to 6 letters), L2-normalised."""

    def __init__(self, dimension: int = 256) -> None:
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"hash-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        rows = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in _WORD.findall(fold(text)):
                digest = hashlib.blake2b(word[:6].encode(), digest_size=8).digest()
                row[int.from_bytes(digest[:4], "little") % self._dimension] += 1.0
            norm = float(np.linalg.norm(row))
            if norm:
                row /= norm
            else:
                row[0] = 1.0  # no word: one fixed direction, still a unit vector
        return rows

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self.embed_documents(texts)

    def embed_query(self, text: str) -> Vectors:
        row: Vectors = self.embed_documents([text])[0]
        return row


Responder = Callable[[list["Message"]], str]


class ScriptedChatModel:
    """Answers ``responder(messages)`` (by default ``DEFAULT_ANSWER``, which a judge refuses
    as invalid: the offline result stays) and records each call's messages in ``calls``."""

    def __init__(self, responder: Responder | None = None, name: str = "scripted") -> None:
        self.name = name
        self.responder: Responder = responder or (lambda _messages: DEFAULT_ANSWER)
        self.calls: list[list[Message]] = []
        self._lock = threading.Lock()

    def complete(self, messages: list[Message], *, max_tokens: int = 1200) -> str:
        with self._lock:
            self.calls.append(list(messages))
        return self.responder(messages)
