"""The learned judgment (``verdict``) wired to the référentiel and the shipped embedder.

``passage_judge`` embeds the passage once and returns a ``Judge`` that builds each target (the
description of the element or of the checkpoint, and of its siblings) and returns the model's
status; it is None when the model is not trained or the local embedder its weights were trained
with (``local_embedder``) cannot be loaded (the rules then decide alone).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from assistant.assessment import Status
from assistant.detect.meaning import CHECKPOINT
from assistant.detect.meaning import _index as cue_index
from assistant.detect.units import Unit
from assistant.detect.verdict import (
    Matrix,
    Rules,
    Target,
    VerdictModel,
    load_verdict,
    pair_features,
    text_features,
)
from assistant.referentiel.models import Checkpoint

log = logging.getLogger(__name__)

EmbedFn = Callable[[Sequence[str]], Matrix]


def passage_judge(passage: str, units: Sequence[Unit]) -> Judge | None:
    """The trained model ready to judge ``passage`` for any target (the passage embedded
    once), or None without model or embedder."""
    model = load_verdict()
    embedder = _embedder(model.embedder) if model is not None else None
    if model is None or embedder is None:
        return None
    return Judge(
        model, embedder.embed_queries, passage, units, embedder.embed_documents([passage])[0]
    )


class Judge:
    """The model's status of one passage for any target of the référentiel."""

    def __init__(
        self, model: VerdictModel, embed_queries: EmbedFn, passage: str, units: Sequence[Unit],
        vector: Matrix,
    ) -> None:  # fmt: skip
        self._model = model
        self._embed_queries = embed_queries
        self._passage = passage
        self._units = units
        self._vector = vector
        self._direction = analysis_direction(vector, model.direction, model.direction_bias)
        self._text: list[float] | None = None

    @property
    def analysis(self) -> float:
        """Probability, from the passage's embedding alone, that it analyses a case (rather
        than define, advise, list or teach)."""
        return self._direction

    def __call__(
        self,
        checkpoint: Checkpoint,
        element: str | None,
        others: Sequence[Checkpoint],
        rules: Rules,
    ) -> Status:
        if self._text is None:  # what the passage is, whatever the target: once
            self._text = text_features(self._passage, self._units, self._direction)
        target = _target(checkpoint, element, others, self._embed_queries)
        pair = pair_features(
            self._vector, self._units, target, rules, self._model.prototypes, self._text
        )
        return self._model.decide(np.asarray(self._text + pair, dtype=np.float32))


def analysis_direction(vector: Matrix, direction: Matrix, bias: float) -> float:
    """Probability, from the embedding alone, that a passage is a case analysis."""
    return 1.0 / (1.0 + math.exp(-(float(vector @ direction) + bias)))


def features_for(
    passage: str,
    vector: Matrix,
    units: Sequence[Unit],
    checkpoint: Checkpoint,
    element: str | None,
    others: Sequence[Checkpoint],
    rules: Rules,
    direction: float,
    prototypes: Mapping[str, tuple[Matrix, Matrix]],
    embed_queries: EmbedFn,
) -> Matrix:
    """The feature row of ``verdict.FEATURES`` for (passage, target)."""
    target = target_of(checkpoint, element, others, embed_queries)
    text = text_features(passage, units, direction)
    pair = pair_features(vector, units, target, rules, prototypes, text)
    return np.asarray(text + pair, dtype=np.float32)


def target_of(
    checkpoint: Checkpoint,
    element: str | None,
    others: Sequence[Checkpoint],
    embed_queries: EmbedFn,
) -> Target:
    """The target, its description's vector and its siblings': the checkpoint's other
    elements, or, for a checkpoint judged as a whole, the other checkpoints."""
    named = cue_index(CHECKPOINT, checkpoint.cues)
    elements = tuple(e.id for e in checkpoint.elements)
    if element is None:
        texts = [_describe(o.label, o.description) for o in others if o.id != checkpoint.id]
        own = _describe(checkpoint.label, checkpoint.description)
        return Target(
            checkpoint.id, None, elements, _vectors([own], embed_queries)[0],
            _vectors(texts, embed_queries), named, cue_index("x", []), named,
        )  # fmt: skip
    el = next(e for e in checkpoint.elements if e.id == element)
    siblings = [e for e in checkpoint.elements if e.id != element]
    return Target(
        f"{checkpoint.id}.{element}",
        element,
        elements,
        _vectors([_describe(el.label, el.description)], embed_queries)[0],
        _vectors([_describe(e.label, e.description) for e in siblings], embed_queries),
        cue_index(element, [el.label, *el.cues]),
        cue_index("x", [c for e in siblings for c in [e.label, *e.cues]]),
        named,
    )


_TARGETS: dict[tuple[str, str | None, tuple[str, ...]], Target] = {}


def _target(
    checkpoint: Checkpoint,
    element: str | None,
    others: Sequence[Checkpoint],
    embed_queries: EmbedFn,
) -> Target:
    """``target_of``, built once per process for each (checkpoint, element, others)."""
    key = (checkpoint.id, element, tuple(o.id for o in others))
    if key not in _TARGETS:
        _TARGETS[key] = target_of(checkpoint, element, others, embed_queries)
    return _TARGETS[key]


def _describe(label: str, description: str) -> str:
    return f"{label}. {description}".strip()


_VECTORS: dict[str, Matrix] = {}


def _vectors(texts: Sequence[str], embed_queries: EmbedFn) -> Matrix:
    """Vectors of référentiel texts, embedded once per process."""
    missing = [t for t in dict.fromkeys(texts) if t not in _VECTORS]
    if missing:
        for text, row in zip(missing, embed_queries(missing), strict=True):
            _VECTORS[text] = row
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([_VECTORS[t] for t in texts])


@lru_cache(maxsize=1)
def _embedder(name: str):  # type: ignore[no-untyped-def]
    """The local embedder the weights were trained with, or None when it cannot be loaded."""
    from assistant.index.embedding import local_embedder

    embedder = local_embedder(name)
    if embedder is None:
        return None
    try:
        embedder.embed_queries(["initialisation"])
    except Exception:  # the model's package is missing or broken: the rules decide alone
        log.warning("passage judgment: the %s embedder cannot be loaded", name, exc_info=True)
        return None
    return embedder
