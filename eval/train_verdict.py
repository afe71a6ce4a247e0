"""Train the learned passage judgment (assistant/detect/verdict.py) on labelled passages.

    python -m eval.train_verdict [--passages FILE.jsonl ...] [--out .../verdict.json]
    python -m eval.train_verdict --cross FILE.jsonl ...   # train on all files but one, measure

Each labelled (passage, target) pair is a row: the passage read alone through the cue rules
(``support.read_by_rules``), its embedding, the target's description and siblings. Two models:
- the analysis direction, a logistic regression over the passage embedding alone: a case
  analysis (kinds analysis, thin, wrong_element, offtopic) against a definition, advice,
  listing, intention, negation, table of contents or instruction; its score is a feature of
  the rows, computed out of fold (``FOLDS``) so that no row sees its own label;
- the verdict, a multinomial logistic regression (present / partial / absent, classes
  balanced) over one layer of ``HIDDEN`` tanh units computed from ``verdict.FEATURES``
  (``--hidden 0``: over the features themselves), with the targets' prototypes (mean vector
  of the passages labelled present for it, and of those labelled absent) left one passage out.

Deterministic: full-batch gradient descent from zeros (Adam from a seeded start for the hidden
layer) on standardised features. Never the
held-out files (``eval.train`` refuses them too).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.detect.judged import analysis_direction, features_for
from assistant.detect.support import read_by_rules
from assistant.detect.verdict import FEATURES, MODEL, STATUSES, TEXT_FEATURES, VECTORS, Matrix
from assistant.index.embedding import Embedder, make_embedder
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from assistant.settings import PROJECT_ROOT, Settings
from eval.passages import Passage, held_out, load_passages

log = logging.getLogger("eval.train_verdict")
EVAL = Path(__file__).parent
CASE_KINDS = frozenset({"analysis", "thin", "wrong_element", "offtopic"})
NOT_CASE_KINDS = frozenset(
    {"definition", "generic", "listing", "negation", "intention", "toc", "injection"}
)
FOLDS = 5
# compositions (``compositions``): long passages made of labelled ones
FILLER_KINDS = frozenset({"definition", "generic", "listing"})
FILLERS = 3  # a passage that asserts nothing is joined to 1 to FILLERS more
ANALYSIS_EVERY = 3  # one analysis in ANALYSIS_EVERY is also set among such passages
DIRECTION_L2 = 3e-2
VERDICT_L2 = 3e-2
BALANCE = 0.75  # class weights: (n / (classes * count)) ** BALANCE (1: balanced)
STEPS = 2000
RATE = 0.5
# the hidden layer: leaving one author out (w1, w2, w5, w9, pairs judged alone), 8 units gain
# 0.02 accuracy / 0.015 balanced over the plain logistic regression
HIDDEN = 8
HIDDEN_L2 = 1e-2
HIDDEN_STEPS = 1000
ADAM_RATE = 0.01
SEED = 0


@dataclass
class Corpus:
    """Labelled passages with their vectors and the rules' reading of every target."""

    items: list[Passage]
    vectors: Matrix
    rows: list[tuple[int, str, int]]  # (passage, target, label index)
    rules: list[object]  # (Rules, units) per row
    # composed passages (``compose``), after the labelled ones: index -> the labelled
    # passages it is made of
    parts: dict[int, tuple[int, ...]] = field(default_factory=dict)

    @property
    def labelled(self) -> int:
        """How many passages come first as labelled (the rest are composed)."""
        return len(self.items) - len(self.parts)

    def fold(self, n: int) -> int:
        """The fold of a passage (a composed one's parts all share it)."""
        return self.parts.get(n, (n,))[0] % FOLDS


def load_corpus(
    paths: Sequence[Path], ref: Referentiel, embedder: Embedder, siblings: bool = False
) -> Corpus:
    items = [item for path in paths for item in load_passages(path)]
    vectors = embedder.embed_documents([item.text for item in items])
    rows: list[tuple[int, str, int]] = []
    rules: list[object] = []
    for n, item in enumerate(items):
        read_rows(n, item, ref, siblings, rows, rules)
    return Corpus(items, vectors, rows, rules)


def read_rows(
    n: int,
    item: Passage,
    ref: Referentiel,
    siblings: bool,
    rows: list[tuple[int, str, int]],
    rules: list[object],
) -> None:
    """Append the rows of passage ``n`` (its targets, with its siblings' negatives) and the
    rules' reading of each."""
    targets = item.targets | (sibling_negatives(item, ref) if siblings else {})
    for key, status in targets.items():
        cid, _, element = key.partition(".")
        _, read, units = read_by_rules(
            item.text, ref.checkpoint(cid), element or None, others=ref.checkpoints
        )
        rows.append((n, key, STATUSES.index(status)))
        rules.append((read, units))


def compositions(items: Sequence[Passage]) -> list[tuple[int, ...]]:
    """Long passages made of labelled ones, as published pages are: a page of course text is
    several definitions and pieces of advice in a row, a report's thin paragraph a line about
    the case among general remarks. The training passages are mostly one or two sentences
    where a published passage runs to five or eight; without these, length itself reads as
    analysis. Each composition is a tuple of passage indices, all of one fold (so that the
    out-of-fold direction of the whole is never fitted on a part):
    - every passage that asserts nothing about a case (``FILLER_KINDS``, all targets absent)
      grouped with ``FILLERS`` more of its fold, the same checkpoint first;
    - every thin passage, and every ``ANALYSIS_EVERY``-th analysis, with one or two such
      passages around it (of its checkpoint first), before or after it.
    Deterministic (seeded)."""
    rng = np.random.default_rng(SEED)
    fillers: dict[int, list[int]] = {}
    for n, item in enumerate(items):
        if item.kind in FILLER_KINDS and set(item.targets.values()) == {"absent"}:
            fillers.setdefault(n % FOLDS, []).append(n)

    def company(n: int, count: int, exclude: int | None = None) -> list[int]:
        pool = [m for m in fillers.get(n % FOLDS, []) if m not in (n, exclude)]
        own = _checkpoints(items[n])
        same = [m for m in pool if _checkpoints(items[m]) & own]
        rest = [m for m in pool if m not in same]
        ranked = list(rng.permutation(same)) + list(rng.permutation(rest))
        return [int(m) for m in ranked[:count]]

    out: list[tuple[int, ...]] = []
    for fold in sorted(fillers):
        for n in fillers[fold]:
            group = company(n, int(rng.integers(1, FILLERS + 1)))
            if group:
                out.append((n, *group))
    analyses = 0
    for n, item in enumerate(items):
        if item.kind == "analysis":
            analyses += 1
            if analyses % ANALYSIS_EVERY:
                continue
        elif item.kind != "thin":
            continue
        around = company(n, int(rng.integers(1, 3)))
        if around:
            cut = int(rng.integers(0, len(around) + 1))
            out.append((*around[:cut], n, *around[cut:]))
    return out


def _checkpoints(item: Passage) -> set[str]:
    return {key.partition(".")[0] for key in item.targets}


def compose(corpus: Corpus, ref: Referentiel, embedder: Embedder, siblings: bool) -> Corpus:
    """``corpus`` with its compositions (``compositions``) appended: each the texts of its
    parts joined, labelled with the best status any part has for each target (a passage of
    course text adds nothing to an analysis, nor takes anything from it)."""
    groups = compositions(corpus.items[: corpus.labelled])
    rank = {s: i for i, s in enumerate(STATUSES)}
    items = list(corpus.items)
    rows, rules = list(corpus.rows), list(corpus.rules)
    parts = dict(corpus.parts)
    for group in groups:
        targets: dict[str, str] = {}
        for n in group:
            for key, status in corpus.items[n].targets.items():
                if key not in targets or rank[status] < rank[targets[key]]:
                    targets[key] = status
        core = max(group, key=lambda n: (corpus.items[n].kind not in FILLER_KINDS, -n))
        item = corpus.items[core].model_copy(
            update={
                "id": "+".join(corpus.items[n].id for n in group),
                "text": " ".join(corpus.items[n].text.strip() for n in group),
                "targets": targets,
            }
        )
        parts[len(items)] = group
        read_rows(len(items), item, ref, siblings, rows, rules)
        items.append(item)
    added = embedder.embed_documents([item.text for item in items[corpus.labelled :]])
    vectors = np.concatenate([corpus.vectors, np.asarray(added, dtype=np.float32)])
    return Corpus(items, vectors, rows, rules, parts)


def sibling_negatives(item: Passage, ref: Referentiel) -> dict[str, str]:
    """The elements a passage is not about: when it is labelled present for an element, the
    checkpoint's other elements that its labels leave out are absent (a passage about the
    drought is no analysis of the legal factor). Training rows only."""
    out: dict[str, str] = {}
    for key, status in item.targets.items():
        cid, _, element = key.partition(".")
        if not element or status != "present":
            continue
        for other in ref.checkpoint(cid).elements:
            name = f"{cid}.{other.id}"
            if name not in item.targets:
                out[name] = "absent"
    return out


def fit_direction(vectors: Matrix, labels: Matrix) -> tuple[Matrix, float]:
    """L2 logistic regression over raw embeddings, classes balanced."""
    w = fit_softmax(np.c_[np.ones(len(vectors)), vectors], labels.astype(int), 2, DIRECTION_L2)
    # two-class softmax -> one logistic direction: class 1 minus class 0
    diff = w[:, 1] - w[:, 0]
    return diff[1:].astype(np.float32), float(diff[0])


def direction_labels(items: Sequence[Passage]) -> tuple[list[int], list[int]]:
    """Indices of passages with a known kind, and 1 for a case analysis, 0 otherwise."""
    keep = [i for i, p in enumerate(items) if p.kind in CASE_KINDS | NOT_CASE_KINDS]
    return keep, [int(items[i].kind in CASE_KINDS) for i in keep]


def out_of_fold_direction(corpus: Corpus) -> Matrix:
    """Each passage's analysis-direction score from a model that did not see it (fitted on
    the labelled passages only, never on compositions)."""
    keep, labels = direction_labels(corpus.items[: corpus.labelled])
    scores = np.zeros(len(corpus.items), dtype=np.float32)
    folds = np.asarray([corpus.fold(n) for n in range(len(corpus.items))])
    y = np.zeros(len(corpus.items))
    y[keep] = labels
    known = np.zeros(len(corpus.items), dtype=bool)
    known[keep] = True
    for f in range(FOLDS):
        train = known & (folds != f)
        w, b = fit_direction(corpus.vectors[train], y[train])
        for i in np.flatnonzero(folds == f):
            scores[i] = analysis_direction(corpus.vectors[i], w, b)
    return scores


@dataclass
class PrototypeSums:
    """Per target key, the sum and count of the vectors of passages labelled present and of
    those labelled absent, and each passage's (key, side) rows: leaving one passage out is a
    subtraction."""

    sums: dict[str, tuple[Matrix, Matrix]]
    counts: dict[str, list[int]]
    sides: dict[int, list[tuple[str, int]]]


def prototype_sums(corpus: Corpus) -> PrototypeSums:
    dim = corpus.vectors.shape[1]
    sums: dict[str, tuple[Matrix, Matrix]] = {}
    counts: dict[str, list[int]] = {}
    sides: dict[int, list[tuple[str, int]]] = {}
    for n, key, label in corpus.rows:
        if STATUSES[label] == "partial" or n >= corpus.labelled:
            continue  # compositions repeat their parts: never prototypes
        side = 0 if STATUSES[label] == "present" else 1
        sums.setdefault(key, (np.zeros(dim), np.zeros(dim)))[side][:] += corpus.vectors[n]
        counts.setdefault(key, [0, 0])[side] += 1
        sides.setdefault(n, []).append((key, side))
    return PrototypeSums(sums, counts, sides)


def prototypes(
    corpus: Corpus, leave_out: int | None = None, sums: PrototypeSums | None = None
) -> dict[str, tuple[Matrix, Matrix]]:
    """Per target key, the mean vector of passages labelled present and of those labelled
    absent (without passage ``leave_out``, or the parts of a composed one), L2-normalised;
    keys with no present passage left are missing. ``sums``: ``prototype_sums(corpus)``,
    computed once by the caller."""
    sums = sums or prototype_sums(corpus)
    out_parts = corpus.parts.get(leave_out, (leave_out,)) if leave_out is not None else ()
    mine = [(n, key, side) for n in out_parts for key, side in sums.sides.get(n, [])]
    out = {}
    for key, (pos, neg) in sums.sums.items():
        counts = list(sums.counts[key])
        vectors = [pos, neg]
        for n, _, side in (m for m in mine if m[1] == key):
            counts[side] -= 1
            vectors[side] = vectors[side] - corpus.vectors[n]
        if counts[0] > 0:
            out[key] = (_unit(vectors[0]), _unit(vectors[1]) if counts[1] else _unit(0 * neg))
    return out


def _unit(v: Matrix) -> Matrix:
    return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)


def feature_rows(
    corpus: Corpus,
    ref: Referentiel,
    embedder: Embedder,
    directions: Matrix,
    protos: dict[str, tuple[Matrix, Matrix]] | None = None,
) -> Matrix:
    """One feature row per labelled pair; with ``protos`` None, prototypes leave the passage
    out (training rows), else those given (rows measured against another corpus)."""
    rows = []
    cache: dict[int, dict[str, tuple[Matrix, Matrix]]] = {}
    sums = prototype_sums(corpus) if protos is None else None
    for (n, key, _), (read, units) in zip(corpus.rows, corpus.rules, strict=True):
        cid, _, element = key.partition(".")
        if protos is None and n not in cache:
            cache.clear()
            cache[n] = prototypes(corpus, leave_out=n, sums=sums)
        rows.append(
            features_for(
                corpus.items[n].text,
                corpus.vectors[n],
                units,
                ref.checkpoint(cid),
                element or None,
                ref.checkpoints,
                read,
                float(directions[n]),
                protos if protos is not None else cache[n],
                embedder.embed_queries,
            )
        )
    return np.asarray(rows, dtype=np.float32)


def fit_softmax(
    x: Matrix, y: Sequence[int] | Matrix, classes: int, l2: float, balance: float = 1.0
) -> Matrix:
    """Multinomial L2 logistic regression, classes weighted (``balance`` 1: balanced, 0: as
    they come), on features whose first column is the bias; full-batch gradient descent from
    zeros (deterministic)."""
    y = np.asarray(y, dtype=int)
    onehot = np.eye(classes)[y]
    counts = np.maximum(onehot.sum(axis=0), 1.0)
    weight = ((len(y) / (classes * counts)) ** balance)[y]
    w = np.zeros((x.shape[1], classes))
    penalty = np.ones((x.shape[1], 1))
    penalty[0] = 0.0
    for _ in range(STEPS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (weight[:, None] * (p - onehot)) / len(y) + l2 * penalty * w
        w -= RATE * grad
    return w


@dataclass
class Verdict:
    weights: Matrix
    mean: Matrix
    std: Matrix
    hidden: Matrix | None = None  # (features, units): one tanh layer before the softmax


def fit_verdict(x: Matrix, y: Sequence[int], units: int | None = None) -> Verdict:
    """The verdict over standardised features: with ``units`` (default ``HIDDEN``; 0 for a
    plain logistic regression), one layer of tanh units between features and softmax."""
    units = HIDDEN if units is None else units
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    mean[0], std[0] = 0.0, 1.0  # the bias column stays 1
    xs = (x - mean) / std
    if units == 0:
        w = fit_softmax(xs, y, len(STATUSES), VERDICT_L2, BALANCE)
        return Verdict(w.astype(np.float32), mean.astype(np.float32), std.astype(np.float32))
    hidden, w = fit_hidden(xs, np.asarray(y, dtype=int), units)
    return Verdict(
        w.astype(np.float32), mean.astype(np.float32), std.astype(np.float32),
        hidden.astype(np.float32),
    )  # fmt: skip


def fit_hidden(x: Matrix, y: npt.NDArray[np.int_], units: int) -> tuple[Matrix, Matrix]:
    """One tanh layer and a softmax, classes weighted as ``fit_softmax`` does (``BALANCE``),
    L2 on both layers; full-batch Adam from a seeded initialisation (deterministic)."""
    onehot = np.eye(len(STATUSES))[y]
    weight = ((len(y) / (len(STATUSES) * np.maximum(onehot.sum(axis=0), 1.0))) ** BALANCE)[y]
    rng = np.random.default_rng(SEED)
    params = [rng.normal(0.0, 1.0 / np.sqrt(x.shape[1]), (x.shape[1], units))]
    params.append(np.zeros((units + 1, len(STATUSES))))
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, HIDDEN_STEPS + 1):
        h = np.tanh(x @ params[0])
        hb = np.c_[np.ones(len(h)), h]
        z = hb @ params[1]
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = weight[:, None] * (p - onehot) / len(y)
        grads = [x.T @ ((g @ params[1][1:].T) * (1 - h**2)), hb.T @ g]
        for i, grad in enumerate(grads):
            grad = grad + HIDDEN_L2 * params[i]
            m, v = moments[i]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad**2
            correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            params[i] -= ADAM_RATE * correction * m / (np.sqrt(v) + 1e-8)
    return params[0], params[1]


def predict(model: Verdict, x: Matrix) -> Matrix:
    xs = (x - model.mean) / model.std
    if model.hidden is not None:
        xs = np.c_[np.ones(len(xs)), np.tanh(xs @ model.hidden)]
    return np.argmax(xs @ model.weights, axis=1)


def scores(expected: Sequence[int], got: Sequence[int]) -> tuple[float, float]:
    e, g = np.asarray(expected), np.asarray(got)
    acc = float(np.mean(e == g))
    recalls = [float(np.mean(g[e == c] == c)) for c in range(len(STATUSES)) if np.any(e == c)]
    return acc, sum(recalls) / len(recalls)


def train(
    corpus: Corpus,
    ref: Referentiel,
    embedder: Embedder,
    units: int | None = None,
    composed: bool = False,
) -> tuple[Verdict, Matrix, float, dict[str, tuple[Matrix, Matrix]]]:
    """The verdict, the analysis direction and the prototypes. The direction and the
    prototypes are fitted on the labelled passages alone; with ``composed``, the verdict's
    rows also hold the compositions (``compose``)."""
    keep, labels = direction_labels(corpus.items)
    direction, bias = fit_direction(corpus.vectors[keep], np.asarray(labels))
    protos = prototypes(corpus)
    if composed:
        corpus = compose(corpus, ref, embedder, siblings=True)
    x = feature_rows(corpus, ref, embedder, out_of_fold_direction(corpus))
    y = [label for _, _, label in corpus.rows]
    return fit_verdict(x, y, units), direction, bias, protos


def measure(
    trained: tuple[Verdict, Matrix, float, dict[str, tuple[Matrix, Matrix]]],
    corpus: Corpus,
    ref: Referentiel,
    embedder: Embedder,
) -> tuple[list[int], list[int]]:
    model, direction, bias, protos = trained
    dirs = np.asarray([analysis_direction(v, direction, bias) for v in corpus.vectors])
    x = feature_rows(corpus, ref, embedder, dirs, protos)
    return [label for _, _, label in corpus.rows], list(predict(model, x))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_verdict")
    # every training file: with w18 (session 7) each other author judged left out gains
    # (eval/README, "Session 7: w18 in the verdict's training")
    default = sorted((EVAL / "passages").glob("train-*.jsonl"))
    parser.add_argument("--passages", type=Path, nargs="*", default=default)
    parser.add_argument("--cross", action="store_true", help="Leave one file out, measure.")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument(
        "--hidden", type=int, default=HIDDEN,
        help=f"Units of the hidden layer (default {HIDDEN}; 0: a plain logistic regression).",
    )  # fmt: skip
    parser.add_argument(
        "--no-siblings", dest="siblings", action="store_false",
        help="Train only on the labelled targets, not on the elements a passage is labelled "
        "present for a sibling of (absent by the labelling rules).",
    )  # fmt: skip
    parser.add_argument(
        "--compose", action="store_true",
        help="Also train the verdict on long passages composed of the labelled ones "
        "(``compositions``): real-dev gains, the written published voices (w13 left out) lose "
        "(eval/README.md, session 10).",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for path in args.passages:
        if held_out(path):
            parser.error(f"{path} is held out: never train nor tune on it")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ref = load_referentiel(PROJECT_ROOT / "referentiel")
    embedder = make_embedder(Settings().embedding)  # the review's, as the parts below
    corpora = {p: load_corpus([p], ref, embedder, args.siblings) for p in args.passages}
    if args.cross:
        for held in args.passages:
            rest = [corpora[p] for p in args.passages if p != held]
            cross_validate(held, rest, ref, embedder, args.hidden, args.compose)
        return 0
    trained = train(_merge(list(corpora.values())), ref, embedder, args.hidden, args.compose)
    save(trained, args.out, embedder.name, args.passages)
    return 0


def cross_validate(
    held: Path,
    rest: Sequence[Corpus],
    ref: Referentiel,
    embedder: Embedder,
    units: int | None = None,
    composed: bool = False,
) -> None:
    """Train on ``rest``, then judge ``held`` through ``support`` as ``eval.passages_run``
    does (rules, contents and injection checks, then the model), and print the figures."""
    import tempfile

    from assistant.detect import judged as judged_module
    from assistant.detect.verdict import load_verdict
    from eval.passages_run import by_kind, judge, table

    trained = train(_merge(rest), ref, embedder, units, composed)
    shipped = judged_module.load_verdict
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / MODEL.name
        save(trained, out, embedder.name, [])
        judged_module.load_verdict = lambda path=out: load_verdict(path)  # type: ignore[misc]
        try:
            judged = judge(load_passages(held), ref)
            table(f"{held.name}, trained on the others", judged)
            by_kind(judged)
        finally:
            judged_module.load_verdict = shipped


def _merge(corpora: Sequence[Corpus]) -> Corpus:
    items: list[Passage] = []
    rows: list[tuple[int, str, int]] = []
    rules: list[object] = []
    for c in corpora:
        rows += [(n + len(items), k, label) for n, k, label in c.rows]
        items += c.items
        rules += c.rules
    return Corpus(items, np.concatenate([c.vectors for c in corpora]), rows, rules)


def save(
    trained: tuple[Verdict, Matrix, float, dict[str, tuple[Matrix, Matrix]]],
    out: Path,
    embedder: str,
    sources: Sequence[Path],
) -> None:
    model, direction, bias, protos = trained
    data = {
        "features": list(FEATURES),
        "weights": np.round(model.weights, 6).tolist(),
        "mean": np.round(model.mean, 6).tolist(),
        "std": np.round(model.std, 6).tolist(),
        "direction_bias": round(bias, 6),
        "hidden": None if model.hidden is None else np.round(model.hidden, 6).tolist(),
        "embedder": embedder,
        "trained_on": [
            str(p.relative_to(PROJECT_ROOT)) if p.is_absolute() else str(p) for p in sources
        ],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    keys = sorted(protos)
    np.savez_compressed(
        out.with_name(VECTORS.name),
        keys=np.asarray(keys),
        positive=np.asarray([protos[k][0] for k in keys], dtype=np.float16),
        negative=np.asarray([protos[k][1] for k in keys], dtype=np.float16),
        direction=direction.astype(np.float32),
    )
    log.info(
        "verdict written to %s (%d text features, %d in all)",
        out,
        len(TEXT_FEATURES),
        len(FEATURES),
    )


if __name__ == "__main__":
    sys.exit(main())
