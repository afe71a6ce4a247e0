"""What a passage is about, by meaning: a small learned model over embeddings and features.

Each passage of the dossier (a paragraph, a few sentences of a long one, or a table row) is
embedded once, and so is each target of the référentiel (an element, or a checkpoint without
elements: its label and what the jury expects). For a (passage, target) pair, ``features``
combines their similarity (and its margin over the neighbouring targets, so that an Internet
paragraph goes to the technological factor rather than the socio-cultural one), the similarity
of the passage's heading, the target's cue words, and what the passage holds: content, figures,
case anchoring (the company's name, « notre »), statements that assert nothing. A logistic
regression trained by ``python -m eval.train`` (weights in ``model/weights.json``) turns them
into the probability that the passage treats the target for this case.

Detection uses the passages the model is confident about as findings of their target anywhere
in the dossier, still weighed for substance and the référentiel's requirements.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.detect.anchoring import Case, find_case
from assistant.detect.claims import void_reason
from assistant.detect.cues import CueIndex, compile_cue
from assistant.detect.scope import Layout
from assistant.detect.substance import MIN_CONTENT, unit_substance
from assistant.detect.units import Unit, tokenize
from assistant.referentiel.models import Checkpoint

CHECKPOINT = "checkpoint"
WEIGHTS = Path(__file__).with_name("model") / "weights.json"
PROTOTYPES = WEIGHTS.with_name("prototypes.npz")
WINDOW = 4  # sentences of a long paragraph read together
FEATURES = (
    "bias",
    "cos",
    "margin_checkpoint",
    "margin_epreuve",
    "heading_cos",
    "cue_hits",
    "heading_cue",
    "checkpoint_named",
    "other_element_cues",
    "content",
    "figures",
    "names_case",
    "anchors",
    "void_share",
    "topic",
    "table_row",
    "size",
    "prototype",
    "prototype_known",
    "prototype_margin",
)

Matrix = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Matrix]
"""Texts to L2-normalised vectors (an embedder's ``embed_documents``)."""


@dataclass(frozen=True)
class Passage:
    units: tuple[Unit, ...]
    heading: str
    table_row: bool = False

    @property
    def text(self) -> str:
        return " ".join(u.text for u in self.units)


@dataclass(frozen=True)
class Target:
    checkpoint: str
    target: str  # element id or "checkpoint"
    key: str  # "checkpoint.element", or the checkpoint id
    text: str  # label and description: what is embedded
    cues: CueIndex
    named: CueIndex  # the checkpoint's own names
    others: CueIndex  # the other elements' cues


def targets_of(checkpoints: Sequence[Checkpoint]) -> list[Target]:
    """One target per element, or per checkpoint without elements."""
    out = []
    for cp in checkpoints:
        named = _index(CHECKPOINT, cp.cues)
        if not cp.elements:
            text = f"{cp.label}. {cp.description}".strip()
            out.append(Target(cp.id, CHECKPOINT, cp.id, text, named, named, _index("x", [])))
            continue
        for el in cp.elements:
            others = [c for o in cp.elements if o.id != el.id for c in [o.label, *o.cues]]
            text = f"{el.label}. {el.description}".strip()
            cues = _index(el.id, [el.label, *el.cues])
            key = f"{cp.id}.{el.id}"
            out.append(Target(cp.id, el.id, key, text, cues, named, _index("x", others)))
    return out


def passages_of(layout: Layout) -> list[Passage]:
    """Paragraphs (cut in windows of ``WINDOW`` sentences) and table rows, headings aside."""
    out: list[Passage] = []
    blocks: dict[int, list[Unit]] = {}
    for unit in layout.units:
        if unit.kind != "heading":
            blocks.setdefault(unit.block, []).append(unit)
    for units in blocks.values():
        heading = units[0].section[-1] if units[0].section else ""
        if units[0].kind == "cell":
            rows: dict[int, list[Unit]] = {}
            for u in units:
                rows.setdefault(u.row or 0, []).append(u)
            out.extend(Passage(tuple(r), heading, True) for r in rows.values())
            continue
        for i in range(0, len(units), WINDOW):
            out.append(Passage(tuple(units[i : i + WINDOW]), heading))
    return out


Prototypes = Mapping[str, tuple[Matrix, Matrix]]
"""Per target key: the mean vector of labelled passages that treat it, and of those that do
not (definitions, listings, neighbouring elements...), both L2-normalised."""


@dataclass(frozen=True)
class Model:
    weights: Matrix
    threshold: float
    embedder: str
    prototypes: Prototypes

    def probabilities(self, features: Matrix) -> Matrix:
        z = features @ self.weights
        out: Matrix = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS) -> Model | None:
    """The trained weights, or None when none were trained (or for other features)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        return None
    weights = np.asarray(data["weights"], dtype=np.float32)
    return Model(
        weights,
        float(data["threshold"]),
        str(data["embedder"]),
        load_prototypes(path.with_name(PROTOTYPES.name)),
    )


def load_prototypes(path: Path) -> dict[str, tuple[Matrix, Matrix]]:
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as data:
        keys = [str(k) for k in data["keys"]]
        pos = data["positive"].astype(np.float32)
        neg = data["negative"].astype(np.float32)
    return {k: (pos[i], neg[i]) for i, k in enumerate(keys)}


def feature_matrix(
    passages: Sequence[Passage],
    targets: Sequence[Target],
    passage_vectors: Matrix,
    heading_vectors: Matrix,
    target_vectors: Matrix,
    case: Case,
    prototypes: Prototypes | None = None,
    pairs: npt.NDArray[np.bool_] | None = None,
) -> Matrix:
    """Features of every (passage, target) pair: shape (passages, targets, features); with
    ``pairs`` (a passages x targets mask), only those pairs are computed (others are 0)."""
    sims = passage_vectors @ target_vectors.T  # (P, T)
    proto, known = _prototype_scores(passage_vectors, targets, prototypes or {})
    head = heading_vectors @ target_vectors.T
    by_checkpoint: dict[str, list[int]] = {}
    for j, t in enumerate(targets):
        by_checkpoint.setdefault(t.checkpoint, []).append(j)
    out = np.zeros((len(passages), len(targets), len(FEATURES)), dtype=np.float32)
    for i, passage in enumerate(passages):
        if pairs is not None and not pairs[i].any():
            continue
        own = _passage_features(passage, case)
        best_all = _second_best(sims[i])
        for j, target in enumerate(targets):
            if pairs is not None and not pairs[i, j]:
                continue
            group = by_checkpoint[target.checkpoint]
            others = [sims[i, k] for k in group if k != j]
            out[i, j] = [
                1.0,
                sims[i, j],
                sims[i, j] - (max(others) if others else float(np.mean(sims[i]))),
                sims[i, j] - best_all(j),
                head[i, j],
                min(3, _hits(target.cues, passage.units)) / 3,
                float(_heading_hit(target.cues, passage)),
                float(
                    _hits(target.named, passage.units) > 0 or _heading_hit(target.named, passage)
                ),
                min(3, _hits(target.others, passage.units)) / 3,
                *own[:1],
                *own[1:2],
                *own[2:5],
                float(target.target == CHECKPOINT),
                float(passage.table_row),
                math.log1p(len(passage.units)),
                proto[i, j],
                known[j],
                proto[i, j] - max((proto[i, k] for k in group if k != j and known[k]), default=0.0),
            ]
    return out


def _prototype_scores(
    vectors: Matrix, targets: Sequence[Target], prototypes: Prototypes
) -> tuple[Matrix, Matrix]:
    """Similarity to the target's positive prototype minus its negative one (0 unknown)."""
    scores = np.zeros((len(vectors), len(targets)), dtype=np.float32)
    known = np.zeros(len(targets), dtype=np.float32)
    for j, target in enumerate(targets):
        if target.key in prototypes:
            pos, neg = prototypes[target.key]
            scores[:, j] = vectors @ pos - vectors @ neg
            known[j] = 1.0
    return scores, known


def _passage_features(passage: Passage, case: Case) -> list[float]:
    """content, figures, names_case, anchors, void_share."""
    content = figures = anchors = 0
    void = 0
    for unit in passage.units:
        s = unit_substance(unit, frozenset())
        content += s.content
        figures += s.figures
        anchors += case.anchor_count(unit)
        void += void_reason(unit) is not None
    names = any(case.names_case(u) for u in passage.units)
    return [
        math.log1p(content) / 4,
        min(5, figures) / 5,
        float(names),
        math.log1p(anchors) / 3,
        void / len(passage.units),
    ]


def _second_best(row: Matrix) -> _Best:
    return _Best(row)


class _Best:
    """Best similarity of a passage to any target but one."""

    def __init__(self, row: Matrix) -> None:
        order = np.argsort(-row)
        self.first = int(order[0])
        self.values = (float(row[order[0]]), float(row[order[1]]) if len(row) > 1 else 0.0)

    def __call__(self, j: int) -> float:
        return self.values[1] if j == self.first else self.values[0]


def _hits(index: CueIndex, units: Sequence[Unit]) -> int:
    return sum(len(index.find(u)) for u in units)


def _heading_hit(index: CueIndex, passage: Passage) -> bool:
    return bool(passage.heading) and bool(index.find(_heading_unit(passage.heading)))


@lru_cache(maxsize=512)
def _heading_unit(text: str) -> Unit:
    return Unit(-1, "heading", 0, len(text), None, (), -1, tuple(tokenize(text)), text=text)


def _index(target: str, texts: Sequence[str]) -> CueIndex:
    cues = (compile_cue(target, t) for t in texts)
    return CueIndex([c for c in cues if c is not None])


def semantic_units(
    layout: Layout,
    checkpoints: Sequence[Checkpoint],
    embed_passages: EmbedFn,
    target_vectors: Matrix,
    model: Model,
) -> dict[str, dict[str, list[Unit]]]:
    """For each checkpoint and target, the units of the passages the model says treat it."""
    scan = scan_meaning(layout, checkpoints, embed_passages, target_vectors, model)
    return scan.semantic() if scan is not None else {}


@dataclass(frozen=True)
class MeaningScan:
    """The passage model's reading of a whole dossier: every passage's vector, its similarity
    to every target and, for the candidate pairs, the model's probability and features."""

    passages: tuple[Passage, ...]
    targets: tuple[Target, ...]
    vectors: Matrix  # (passages, dim)
    sims: Matrix  # (passages, targets)
    probs: Matrix  # (passages, targets), 0 outside the candidate pairs
    features: Matrix  # (passages, targets, FEATURES), 0 outside the candidate pairs
    threshold: float
    embed: EmbedFn | None = field(default=None, compare=False, repr=False)
    titles: Mapping[int, str] = field(default_factory=dict, compare=False, repr=False)
    """A table cell's column title (``column_titles``), by unit index."""
    _units: dict[int, Matrix] = field(default_factory=dict, init=False, compare=False, repr=False)
    _texts: dict[str, Matrix] = field(default_factory=dict, init=False, compare=False, repr=False)

    def unit_vectors(self, units: Sequence[Unit]) -> Matrix | None:
        """The vectors of ``units`` read alone (sentences), embedded once per scan (None:
        a scan made without the embedder)."""
        if self.embed is None:
            return None
        new = list({u.index: u for u in units if u.index not in self._units}.values())
        if new:
            for u, v in zip(new, self.embed([u.text for u in new]), strict=True):
                self._units[u.index] = np.asarray(v, dtype=np.float32)
        return np.stack([self._units[u.index] for u in units])

    def text_vectors(self, texts: Sequence[str]) -> Matrix | None:
        """The vectors of ``texts`` (parts of units: a clause, a cell under its column's
        title), embedded once per scan (None: a scan made without the embedder)."""
        if self.embed is None:
            return None
        new = list(dict.fromkeys(t for t in texts if t not in self._texts))
        if new:
            for t, v in zip(new, self.embed(new), strict=True):
                self._texts[t] = np.asarray(v, dtype=np.float32)
        return np.stack([self._texts[t] for t in texts])

    def semantic(self) -> dict[str, dict[str, list[Unit]]]:
        """For each checkpoint and target, the units of the passages above the threshold."""
        out: dict[str, dict[str, list[Unit]]] = {}
        for j, target in enumerate(self.targets):
            for i in np.flatnonzero(self.probs[:, j] >= self.threshold):
                units = list(self.passages[int(i)].units)
                out.setdefault(target.checkpoint, {}).setdefault(target.target, []).extend(units)
        return out

    def column(self, checkpoint: str, target: str) -> int | None:
        """The index of (checkpoint, target) among ``targets``."""
        return self._columns.get((checkpoint, target))

    def passage_of(self, unit: Unit) -> int | None:
        """The index of the passage holding ``unit`` (None: too thin to be read)."""
        return self._rows.get(unit.index)

    @cached_property
    def _columns(self) -> dict[tuple[str, str], int]:
        return {(t.checkpoint, t.target): j for j, t in enumerate(self.targets)}

    @cached_property
    def _rows(self) -> dict[int, int]:
        return {u.index: i for i, p in enumerate(self.passages) for u in p.units}


def scan_meaning(
    layout: Layout,
    checkpoints: Sequence[Checkpoint],
    embed_passages: EmbedFn,
    target_vectors: Matrix,
    model: Model,
) -> MeaningScan | None:
    """The model's reading of the dossier (None when it holds no passage to read)."""
    targets = targets_of(checkpoints)
    passages = [p for p in passages_of(layout) if _may_treat(p)]
    if not passages or not targets:
        return None
    case = find_case(layout.units)
    p_vec, h_vec = passage_vectors(passages, embed_passages)
    pairs = _candidates(p_vec, target_vectors, targets, model.prototypes)
    features = feature_matrix(
        passages, targets, p_vec, h_vec, target_vectors, case, model.prototypes, pairs
    )
    probs = np.where(pairs, model.probabilities(features), 0.0).astype(np.float32)
    sims = (p_vec @ target_vectors.T).astype(np.float32)
    return MeaningScan(
        tuple(passages),
        tuple(targets),
        p_vec,
        sims,
        probs,
        features,
        model.threshold,
        embed_passages,
        column_titles(layout),
    )


LABEL_WORDS = 4
"""A table row whose cells are all this short, without figures, titles the rows below."""


def column_titles(layout: Layout) -> dict[int, str]:
    """Each table cell's column title: the cell above it in the nearest row made of short
    labels without figures (« Opportunities | Threats » inside a SWOT grid), else in the
    table's first row; none for the cells of such a row."""
    tables: dict[int, dict[int, list[Unit]]] = {}
    for u in layout.units:
        if u.kind == "cell" and u.row is not None:
            tables.setdefault(u.block, {}).setdefault(u.row, []).append(u)
    out: dict[int, str] = {}
    for rows in tables.values():
        titles: list[Unit] = []
        for r in sorted(rows):
            if r == 0 or all(_label(u.text) for u in rows[r]):
                titles = rows[r]
                continue
            by_column = {u.column: u.text.strip() for u in titles}
            for u in rows[r]:
                if by_column.get(u.column):
                    out[u.index] = by_column[u.column]
    return out


def _label(text: str) -> bool:
    return len(text.split()) <= LABEL_WORDS and not any(c.isdigit() for c in text)


CANDIDATES = 6  # passages per target scored in full: the closest in meaning


def _may_treat(passage: Passage) -> bool:
    """A passage with enough content words to be a finding at all (``substance``)."""
    content = sum(unit_substance(u, frozenset()).content for u in passage.units)
    return content >= MIN_CONTENT


def _candidates(
    vectors: Matrix, target_vectors: Matrix, targets: Sequence[Target], prototypes: Prototypes
) -> npt.NDArray[np.bool_]:
    """For each target, the ``CANDIDATES`` passages closest to it (its description and the
    passages labelled as treating it): only those are scored in full."""
    closeness = vectors @ target_vectors.T + _prototype_scores(vectors, targets, prototypes)[0]
    mask = np.zeros(closeness.shape, dtype=bool)
    top = np.argsort(-closeness, axis=0)[:CANDIDATES]
    for j in range(closeness.shape[1]):
        mask[top[:, j], j] = True
    return mask


def passage_vectors(passages: Sequence[Passage], embed: EmbedFn) -> tuple[Matrix, Matrix]:
    """Vectors of the passages and of their headings (zeros without a heading), one call."""
    headings = sorted({p.heading for p in passages if p.heading})
    vectors = embed([p.text for p in passages] + headings)
    p_vec = vectors[: len(passages)]
    by_heading: Mapping[str, int] = {h: len(passages) + k for k, h in enumerate(headings)}
    h_vec = np.zeros_like(p_vec)
    for i, p in enumerate(passages):
        if p.heading:
            h_vec[i] = vectors[by_heading[p.heading]]
    return p_vec, h_vec
