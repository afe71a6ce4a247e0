"""Which element a passage analyses, learned per element: a second look at the elements the
rules leave absent.

The cue rules find an element by its names; a student who writes the analysis without them
(the economic context as plain prose, « Paid = Meta Ads 3 000 € » under a media plan) leaves
it absent. ``Attribution`` holds, for every element of the référentiel, a linear direction
over the passage embedding (a ridge regression trained by ``python -m eval.train_attribution``
on the labelled passages, the sibling elements' passages as negatives, and on the training
dossiers: every passage of a dossier where the element is absent is a negative), and a small
logistic regression that turns what it finds in a dossier (its best score, the margin of that
passage over the element's siblings, how many passages score, the passage model's best
probability, the siblings' and the checkpoint's statuses) into the probability that the
element is really there. Each sentence of the passages that score best is also read alone
(``best_sentence``): a paragraph that gives the market's size in one sentence and the
families' habits in the next treats two elements, and its whole vector blurs both; so is
each clause of a sentence that holds several (« Paid = ... ; Earned = ... »), and each cell of
a table row under the title of its column (« Threats : ... »). Two more readings say whether
the element's best piece belongs to a sibling: its margin over the siblings on that piece, and
whether a sibling the rules found present already quotes it. An
element the rules leave absent becomes present only above a threshold chosen by leaving one
author out, quoted from that sentence or from the passage that scores best, when it may be
quoted (never a contents line, a denial, a definition or a flagged
passage: those are no unit or no quotable one).

Weights: ``model/attribution.npz`` (numbers only, no text); without them, or for another
embedder, nothing changes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.detect.checkpoint import CheckpointOutcome, ElementOutcome, Finding
from assistant.detect.claims import quotable
from assistant.detect.meaning import MeaningScan
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit

MODEL = Path(__file__).with_name("model") / "attribution.npz"
FEATURES = (
    "score",
    "margin",
    "count",
    "meaning_logit",
    "siblings_present",
    "named",
    "checkpoint_named",
    "findings",
    "sentence",
    "sentence_margin",
    "taken",
    "walk",
    "bias",
)
SENTENCES = 3
"""Passages (those that score best for the element) whose sentences are also read alone: one
sentence of a paragraph that treats several elements may carry the element the whole
paragraph's vector blurs."""

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Attribution:
    keys: tuple[str, ...]  # "checkpoint.element"
    directions: Matrix  # (keys, dim + 1): weights over the embedding, then the bias
    mean: Matrix  # standardisation of FEATURES
    std: Matrix
    weights: Matrix  # (FEATURES,)
    threshold: float
    embedder: str

    @property
    def dimension(self) -> int:
        return int(self.directions.shape[1] - 1)

    def scores(self, vectors: Matrix, key: str) -> Matrix | None:
        """Each passage's score for the element ``key`` (None: an element never trained)."""
        k = self._rows.get(key)
        if k is None:
            return None
        d = self.directions[k]
        out: Matrix = (vectors @ d[:-1] + d[-1]).astype(np.float32)
        return out

    def probability(self, features: Matrix) -> float:
        z = float(((features - self.mean) / self.std) @ self.weights)
        return 1.0 / (1.0 + math.exp(-z))

    @property
    def _rows(self) -> dict[str, int]:
        return _rows_of(self.keys)


@lru_cache(maxsize=8)
def _rows_of(keys: tuple[str, ...]) -> dict[str, int]:
    return {k: i for i, k in enumerate(keys)}


@lru_cache(maxsize=4)
def load_attribution(
    path: Path = MODEL, features: tuple[str, ...] = FEATURES
) -> Attribution | None:
    """The trained attribution, or None (not trained, or for other ``features``; the
    topics' second look, ``topics``, ships the same kind of weights)."""
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        if list(meta.get("features", [])) != list(features):
            return None
        return Attribution(
            tuple(str(k) for k in data["keys"]),
            data["directions"].astype(np.float32),
            data["mean"].astype(np.float32),
            data["std"].astype(np.float32),
            data["weights"].astype(np.float32),
            float(meta["threshold"]),
            str(meta["embedder"]),
        )


def best_passage(
    model: Attribution, scan: MeaningScan, key: str, rivals: Sequence[str], column: int | None
) -> tuple[int, list[float]] | None:
    """The passage that scores best for ``key`` and what is read of it: its score, its margin
    over the ``rivals`` keys on the same passage, how many passages score, and the passage
    model's best logit in ``column`` (None: a key the model does not know, nothing to read)."""
    scores = model.scores(scan.vectors, key)
    if scores is None or len(scores) == 0:
        return None
    best = int(np.argmax(scores))
    rival = [
        s[0]
        for r in rivals
        for s in [model.scores(scan.vectors[best : best + 1], r)]
        if s is not None
    ]
    top = float(scan.probs[:, column].max()) if column is not None else 0.0
    p = min(max(top, 1e-4), 1 - 1e-4)
    return best, [
        float(scores[best]),
        float(scores[best]) - float(max(rival)) if rival else 0.0,
        math.log1p(int((scores > 0).sum())),
        math.log(p / (1 - p)),
    ]


@dataclass(frozen=True)
class Sentence:
    """The sentence that scores best for an element among its best passages' sentences."""

    passage: int
    unit: Unit
    score: float
    margin: float = 0.0  # over the best of the element's siblings on the same piece
    walk: float = 0.0  # share of the checkpoint's elements that lead a piece of its passage
    text: str = ""  # the piece read: the sentence, one of its clauses, a cell under its title


def best_sentence(
    model: Attribution, scan: MeaningScan, key: str, rivals: Sequence[str] = ()
) -> Sentence | None:
    """Among the pieces (``pieces``) of the ``SENTENCES`` passages that score best for
    ``key``, the one that scores best, with the unit it is quoted from (None: no piece to
    read, or a scan that cannot embed)."""
    scores = model.scores(scan.vectors, key)
    if scores is None or len(scores) == 0:
        return None
    top = [int(i) for i in np.argsort(-scores, kind="stable")[:SENTENCES]]
    found = [p for i in top for p in pieces(scan, i)]
    vectors = scan.text_vectors([text for _, _, text in found]) if found else None
    if vectors is None:
        return None
    own = model.scores(vectors, key)
    if own is None:
        return None
    k = int(np.argmax(own))
    others = [r for r in (model.scores(vectors, r) for r in rivals) if r is not None]
    margin = float(own[k]) - max(float(r[k]) for r in others) if others else 0.0
    table = np.stack([own, *others])  # (elements, pieces)
    mine = [i for i, p in enumerate(found) if p[0] == found[k][0]]
    leads = {int(np.argmax(table[:, i])) for i in mine if table[:, i].max() > 0}
    walk = len(leads) / len(table)
    return Sentence(found[k][0], found[k][1], float(own[k]), margin, walk, found[k][2])


CLAUSE_WORDS = 3
"""A clause shorter than this is not read alone."""
LABEL_WORDS = 4
"""A first cell this short, without figures, is its row's label."""


def pieces(scan: MeaningScan, passage: int) -> list[tuple[int, Unit, str]]:
    """What of a passage is read alone, each with the unit it would be quoted from: its
    quotable sentences and, when a sentence holds several clauses (« Paid = ... ; Earned =
    ... »), each clause; a table row's cells, each under the title of its column."""
    p = scan.passages[passage]
    if p.table_row:
        return [(passage, u, text) for u, text in _titled_cells(scan, passage)]
    out = []
    for u in p.units:
        if u.kind == "heading" or not quotable(u):
            continue
        out.append((passage, u, u.text))
        parts = [c.strip() for c in u.text.split(";")]
        parts = [c for c in parts if len(c.split()) >= CLAUSE_WORDS]
        if len(parts) > 1:
            out += [(passage, u, c) for c in parts]
    return out


def _titled_cells(scan: MeaningScan, passage: int) -> list[tuple[Unit, str]]:
    """The quotable cells of a table row, each read after the title of its column
    (``MeaningScan.titles``) and, past the first column, the row's own short label."""
    row = scan.passages[passage].units
    first = row[0]
    label = first.text.strip() if first.column == 0 and _short(first.text) else ""
    out = []
    for u in row:
        parts = (label if u is not first else "", scan.titles.get(u.index, ""))
        title = " — ".join(t for t in parts if t)
        if u.kind == "cell" and quotable(u) and len(u.text.split()) >= CLAUSE_WORDS and title:
            out.append((u, f"{title} : {u.text}"))
    return out


def _short(text: str) -> bool:
    return len(text.split()) <= LABEL_WORDS and not any(c.isdigit() for c in text)


def element_features(
    outcome: CheckpointOutcome,
    element: ElementOutcome,
    elements: Sequence[ElementOutcome],
    scan: MeaningScan,
    model: Attribution,
) -> tuple[Matrix, int, Sentence | None] | None:
    """``FEATURES`` of ``element`` in this dossier, the passage that scores best for it and
    the sentence that does (None when the model does not know the element or the scan does
    not hold it)."""
    checkpoint = outcome.checkpoint.id
    key = f"{checkpoint}.{element.element.id}"
    j = scan.column(checkpoint, element.element.id)
    rivals = [
        f"{checkpoint}.{e.element.id}"
        for e in outcome.elements
        if e.element.id != element.element.id
    ]
    found = None if j is None else best_passage(model, scan, key, rivals, j)
    if found is None:
        return None
    best, read = found
    siblings = [e for e in elements if e.element.id != element.element.id]
    sentence = best_sentence(model, scan, key, rivals)
    taken = {
        u.index
        for e in siblings
        if e.status == "present"
        for f in e.findings
        if f.substantive
        for u in f.units
    }
    quoted_units = [sentence.unit] if sentence is not None else scan.passages[best].units
    row = [
        *read,
        sum(e.status == "present" for e in siblings) / len(siblings) if siblings else 0.0,
        float(element.mentioned),
        float(outcome.mentioned),
        float(len(element.findings) > 0),
        sentence.score if sentence is not None else read[0],
        sentence.margin if sentence is not None else read[1],
        float(any(u.index in taken for u in quoted_units)),
        sentence.walk if sentence is not None else 0.0,
        1.0,
    ]
    return np.asarray(row, dtype=np.float32), best, sentence


def attribute(
    outcome: CheckpointOutcome,
    elements: Sequence[ElementOutcome],
    scan: MeaningScan | None,
    model: Attribution | None,
) -> list[ElementOutcome]:
    """``elements`` (the statuses decided so far), each absent one made present when the
    model is confident it is analysed, quoted from its best sentence or passage (``quoted``)."""
    if model is None or scan is None or model.dimension != scan.vectors.shape[1]:
        return list(elements)
    out = []
    for element in elements:
        found = None
        if element.status == "absent":
            found = element_features(outcome, element, elements, scan, model)
        if found is None or model.probability(found[0]) < model.threshold:
            out.append(element)
            continue
        features, passage, sentence = found
        alone = sentence is not None and (
            sentence.passage == passage or sentence.score > features[0]
        )
        units = quoted(scan, passage, sentence if alone else None)
        if not units:
            out.append(element)
            continue
        finding = Finding(units[0], units, Weigher(frozenset(), {}).passage(units), verdict=True)
        findings = [finding, *(replace(f, verdict=False) for f in element.findings)]
        out.append(replace(element, status="present", findings=findings))
    return out


def quoted(scan: MeaningScan, passage: int, sentence: Sentence | None) -> list[Unit]:
    """What an element found by attribution is quoted from: ``sentence`` (given when it lies
    in the best passage or scores above it: one sentence of a paragraph that treats several
    elements), else that passage (nothing when it may not be quoted)."""
    if sentence is not None:
        return [sentence.unit]
    units = list(scan.passages[passage].units)
    return units if any(u.kind != "heading" and quotable(u) for u in units) else []
