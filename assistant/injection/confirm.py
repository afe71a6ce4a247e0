"""A second, learned look at what the first learned reading would flag: is the window a
request to its reader, or does it only talk about assessment?

The first reading (``learned``) scores a window by its meaning and the rules' cues; it has
learned that instructions speak of criteria, grades and validation, so clean text that
describes an assessment (a tool's documentation, a grading procedure, a report on a jury)
may score as high as a request to act on one. This stage is trained on the hard cases only
(the instructions' windows and the clean windows the first reading scores high, including
clean text about tools, grading and procedures) and reads, beside the sentence's meaning,
its words and word endings (hashed, any language): the mood of a request (an imperative, a
polite form, a second person, "is asked to") against that of a statement. A window the first
reading flags is an alarm only when this stage confirms it; otherwise its sentences are only
suspect (never evidence, no alarm), so nothing the first reading flagged becomes evidence.

Trained by ``python -m eval.train_injection`` with the first reading (``model/confirm.json``);
numpy only, deterministic (CRC32 hashing).
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.injection.masking import unmask
from assistant.textnorm import scan_fold

log = logging.getLogger(__name__)

CONFIRM_PATH = Path(__file__).with_name("model") / "confirm.json"
BUCKETS = 2048
"""Hashed lexical features (words, word pairs, word endings)."""

Matrix = npt.NDArray[np.float64]
_TOKEN_RE = re.compile(r"[^\W_]+")


def lexical_indices(text: str) -> list[int]:
    """The hashed features of ``text`` (folded as the rules read it): each word, each pair
    of words, each word's last three letters, the first word; sorted, without repeats."""
    words = _TOKEN_RE.findall(scan_fold(unmask(text)))
    keys = [f"w:{w}" for w in words]
    keys += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    keys += [f"s:{w[-3:]}" for w in words if len(w) > 3]
    if words:
        keys.append(f"f:{words[0]}")
    return sorted({zlib.crc32(k.encode("utf-8")) % BUCKETS for k in keys})


def lexical_rows(texts: Sequence[str]) -> Matrix:
    """Binary rows of hashed lexical features, one per text, scaled to unit length."""
    rows = np.zeros((len(texts), BUCKETS))
    for i, text in enumerate(texts):
        index = lexical_indices(text)
        if index:
            rows[i, index] = 1.0 / np.sqrt(len(index))
    return rows


@dataclass(frozen=True)
class ConfirmModel:
    """Weights over [window vector, hashed lexical row], a bias and the threshold a flagged
    window must pass to be an alarm."""

    weights: Matrix
    bias: float
    threshold: float

    def scores(self, vectors: npt.NDArray[np.floating], texts: Sequence[str]) -> Matrix:
        features = np.hstack([np.asarray(vectors, dtype=np.float64), lexical_rows(texts)])
        out: Matrix = features @ self.weights + self.bias
        return out

    def to_json(self) -> str:
        return json.dumps(
            {
                "buckets": BUCKETS,
                "bias": round(self.bias, 6),
                "threshold": round(self.threshold, 6),
                "weights": [round(float(w), 6) for w in self.weights],
            },
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> ConfirmModel:
        data = json.loads(text)
        if int(data["buckets"]) != BUCKETS:
            raise ValueError("the confirmation model's features are not this code's: retrain it")
        return cls(
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )


@cache
def load_confirm(path: Path = CONFIRM_PATH) -> ConfirmModel | None:
    """The shipped confirmation model, or None (logged): every flagged window is an alarm."""
    try:
        return ConfirmModel.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as err:
        log.warning("injection confirmation model not loaded (%s): first reading only", err)
        return None
