"""The learned reading of one sentence: does it assert something about the studied case?

The cue rules of ``claims`` recognise the usual shapes of a sentence that says nothing of the
case (« X est un outil qui... », a contents line, a denial); they miss the others: a formula
written in words (« Marge = Prix – Coût »), an inventory of tool names, a textbook sentence
whose capitalised words look like the case's proper names, a sentence saying what was not
done. This module reads a sentence as a bag of hashed features (folded words and word pairs,
digits as one sign, the shape of each word, the symbols) and weighs them with a logistic
regression trained by ``python -m eval.train_assertion`` on the sentences of the labelled
training passages: those of analyses (case-specific, even thin) against those of definitions,
generic statements, listings, negations and tables of contents.

Deterministic and numpy only at run time; the weights (``model/assertion.npz``) are small.
Without them, the rules alone decide.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.textnorm import fold_apostrophes

MODEL = Path(__file__).with_name("model") / "assertion.npz"
DIM = 1 << 14  # hashed feature space
VERSION = 2  # bump when the features change: older weights are then ignored

Vector = npt.NDArray[np.float32]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*|[=/%€$+×÷*:;()«»…–—-]")
_FIRST = frozenset({"je", "j", "nous", "notre", "nos", "mon", "ma", "mes", "moi", "m"})


@lru_cache(maxsize=1 << 16)
def _slot(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIM


def features(text: str) -> dict[int, float]:
    """The sentence's hashed features (slot -> value), length-normalised."""
    raw = _TOKEN.findall(text)
    words: list[str] = []
    shapes: list[str] = []
    for i, tok in enumerate(raw):
        if tok[0].isdigit():
            words.append("#")
            shapes.append("d")
            continue
        folded = fold_apostrophes(tok)
        words.append(folded.split("'")[-1] if "'" in folded else folded)
        if not tok[0].isalpha():
            shapes.append(tok)
        elif tok.isupper() and len(tok) > 1:
            shapes.append("A")
        elif tok[0].isupper():
            shapes.append("Xs" if i == 0 else "X")
        else:
            shapes.append("x")
    names = ["b"]
    names += [f"w:{w}" for w in words]
    names += [f"p:{a}_{b}" for a, b in pairwise(words)]
    names += [f"s:{a}_{b}_{c}" for a, b, c in zip(shapes, shapes[1:], shapes[2:], strict=False)]
    names += [f"o:{'_'.join(words[:n])}" for n in (1, 2, 3) if len(words) >= n]  # the opening
    names.append(f"len:{min(6, int(math.log2(1 + len(words))))}")
    names.append(f"first:{any(w in _FIRST for w in words)}")
    names.append(f"digit:{min(3, shapes.count('d'))}")
    names.append(f"caps:{min(3, shapes.count('X'))}")
    out: dict[int, float] = {}
    for name in names:
        slot = _slot(name)
        out[slot] = out.get(slot, 0.0) + 1.0
    scale = 1.0 / math.sqrt(len(names))
    return {k: v * scale for k, v in out.items()}


class AssertionModel:
    """A logistic regression over ``features``: the probability that the sentence asserts
    something about the case."""

    def __init__(self, weights: Vector, bias: float, threshold: float) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    def probability(self, text: str) -> float:
        z = self.bias + sum(self.weights[k] * v for k, v in features(text).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, float(z)))))

    def asserts_nothing(self, text: str) -> bool:
        return self.probability(text) < self.threshold


@lru_cache(maxsize=2)
def load_assertion(path: Path = MODEL) -> AssertionModel | None:
    """The trained reading, or None (not trained, or for other features)."""
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as arrays:
        meta = json.loads(str(arrays["meta"]))
        if meta.get("version") != VERSION or meta.get("dim") != DIM:
            return None
        weights = arrays["weights"].astype(np.float32)
    return AssertionModel(weights, float(meta["bias"]), float(meta["threshold"]))


@lru_cache(maxsize=8192)
def reads_as_void(text: str) -> bool:
    """The trained reading says the sentence asserts nothing about the case (False without
    a model)."""
    model = load_assertion()
    return model is not None and model.asserts_nothing(text)
