"""Train the passage model of detection (assistant/detect/meaning.py) and write its weights.

    python -m eval.train [--dossiers DIR ...] [--passages FILE.jsonl ...] [--dev DIR ...]
                         [--out assistant/detect/model/weights.json]

Training data, never the held-out sets:
- labelled dossiers (default: eval/styles/train): a target labelled absent makes every
  passage of the dossier a negative example of it; a target labelled present makes its most
  likely passage a positive one (multiple-instance learning: the first guess is the passage
  closest in meaning and in cue words, then the model's own best, twice);
- labelled passages (default: eval/passages/train-w1.jsonl and train-w2.jsonl): each passage
  alone, present -> positive, absent -> negative (partial is left out).

A logistic regression (numpy, L2, full-batch gradient descent from zeros: deterministic)
over ``meaning.FEATURES``. The decision threshold is high (``THRESHOLD``, chosen on the
development dossiers): the model only adds findings that the cue rules miss, so it must be
precise; ``--auto-threshold`` picks the best balanced accuracy on the training dossiers
instead. ``--dev`` folders are only measured.

It then trains the learned reading of whether a sentence asserts something about the case
(``eval.train_assertion``: ``model/assertion.npz``), the learned passage judgment of
``support`` on every training passage file (``eval.train_verdict``: ``model/verdict.json``
and ``verdict.npz``), unless ``--no-verdict``,
and the dossier-level decision that reads both (``eval.train_dossier``: ``model/dossier.json``)
then the completeness of checkpoints without elements (``eval.train_completeness``:
``model/completeness.json``), the element attribution (``eval.train_attribution``:
``model/attribution.npz``) and the topics' second look (``eval.train_topics``:
``model/topics.npz``), unless ``--no-dossier``. The training dossiers of this model are those
of author w1 in ``eval/styles/train`` (``--dossiers``, ``--authors``; session 15 measured every
author, and ``eval/styles/train2`` too, and kept w1: eval/README, "Session 15 (train15)"). The
dossier-level trainers' own options are set by ``--dossier-train``, ``--dossier-dev`` and
``--dossier-authors`` (their defaults: ``eval.labels.TRAINING_DOSSIERS``, ``DEV_DOSSIERS``, every
author but ``NOT_TRAINED_ON``). Labelled passage files: ``--passages`` (w1, w2) for this model;
the assertion reading, the verdict, the attribution and the topics read every
``eval/passages/train-*.jsonl`` but those their ``VERDICT_ONLY`` / ``NOT_USED`` lists leave out.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.detect import layout_of
from assistant.detect.anchoring import Case, find_case
from assistant.detect.meaning import (
    CHECKPOINT,
    FEATURES,
    PROTOTYPES,
    WEIGHTS,
    Matrix,
    Passage,
    Prototypes,
    feature_matrix,
    passage_vectors,
    passages_of,
    targets_of,
)
from assistant.detect.units import Unit, tokenize
from assistant.index.embedding import Embedder, make_embedder
from assistant.ingest import ingest_file
from assistant.injection import find_injections, hidden_injections
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Referentiel
from assistant.settings import PROJECT_ROOT, LimitsSettings, Settings
from eval.labels import DossierLabel, load_labels
from eval.passages import Passage as LabelledPassage
from eval.passages import held_out, load_passages, repo_relative

log = logging.getLogger("eval.train")
EVAL = Path(__file__).parent
L2 = 1e-2
STEPS = 3000
RATE = 0.5
MIL_ROUNDS = 2
SINGLE_WEIGHT = 3  # a labelled passage weighs as much as three guessed dossier passages
THRESHOLD = 0.99  # chosen on w2 (development): 0.8 -> 0.649 acc, 0.99 -> 0.705 (rules: 0.684)


@dataclass
class Bag:
    """One target of one dossier: its passages' features and the label."""

    features: Matrix  # (passages, features)
    present: bool


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ref = load_referentiel(PROJECT_ROOT / "referentiel")
    embedder = make_embedder(Settings().embedding)  # the review's, as the parts below
    labelled = labelled_passages(args.passages, embedder)
    prototypes = labelled.prototypes()
    authors = frozenset(args.authors or ())
    bags = [b for f in args.dossiers for b in dossier_bags(f, ref, embedder, prototypes, authors)]
    singles = passage_rows(labelled, ref, embedder)
    log.info("training: %d dossier targets, %d labelled passage targets", len(bags), len(singles))
    weights = fit_mil(bags, singles)
    threshold = best_threshold(bags, weights) if args.auto_threshold else args.threshold
    log.info(
        "threshold %.3f, training bag accuracy %.3f", threshold, accuracy(bags, weights, threshold)
    )
    for folder in args.dev:
        dev = dossier_bags(folder, ref, embedder, prototypes)
        log.info("dev %s: bag accuracy %.3f", folder, accuracy(dev, weights, threshold))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "threshold": round(threshold, 4),
        "embedder": embedder.name,
        "trained_on": {
            "dossiers": [repo_relative(f) for f in args.dossiers],
            "authors": sorted(authors) or "all",
            "passages": [repo_relative(p) for p in args.passages],
            "dossier_targets": len(bags),
            "passage_targets": len(singles),
            "prototypes": len(prototypes),
        },
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    keys = sorted(prototypes)
    np.savez_compressed(
        args.out.with_name(PROTOTYPES.name),
        keys=np.asarray(keys),
        positive=np.asarray([prototypes[k][0] for k in keys], dtype=np.float16),
        negative=np.asarray([prototypes[k][1] for k in keys], dtype=np.float16),
    )
    log.info("weights written to %s", args.out)
    forget_loaded_models()
    from eval import train_assertion  # the models below read which sentences assert nothing

    train_assertion.main([])
    forget_loaded_models()  # the parts below must read the models just written, not the old
    if not args.no_verdict:  # the learned passage judgment of support (eval.train_verdict)
        from eval import train_verdict

        train_verdict.main([])
        forget_loaded_models()
    if not args.no_dossier:  # the dossier-level decision reads both models (eval.train_dossier)
        from eval import train_dossier

        train_dossier.main(dossier_argv(args))
        forget_loaded_models()
        from eval import train_completeness  # topics: reads the rules the decision leaves

        train_completeness.main(dossier_argv(args))
        forget_loaded_models()
        from eval import train_attribution  # the element attribution reads the decision's statuses

        train_attribution.main(dossier_argv(args))
        forget_loaded_models()
        from eval import train_topics  # the topics' second look reads the engine's statuses

        train_topics.main(dossier_argv(args))
    return 0


def dossier_argv(args: argparse.Namespace) -> list[str]:
    """The options of the dossier-level trainers (``--train``, ``--dev``, ``--authors``) that
    ``--dossier-train``, ``--dossier-dev`` and ``--dossier-authors`` set; those not given keep
    the trainers' own defaults."""
    argv: list[str] = []
    for option, value in (
        ("--train", args.dossier_train),
        ("--dev", args.dossier_dev),
        ("--authors", args.dossier_authors),
    ):
        if value is not None:
            argv += [option, *(str(v) for v in value)]
    return argv


def forget_loaded_models() -> None:
    """Empty every cache of the package's modules (loaded models, and what was read through
    them): a model loaded while training an earlier part (the detection run on the training
    dossiers reads the assertion reading and the verdict) would otherwise feed the next part
    in place of the one just written, and a second run would not write what the first did."""
    for name, module in list(sys.modules.items()):
        if name != "assistant" and not name.startswith("assistant."):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--dossiers", type=Path, nargs="*", default=[EVAL / "styles" / "train"])
    # w1 and w2 only: with train-w5 too, the development dossiers lose 0.01 (styles-dev
    # 0.743 -> 0.733); the passage judgment (eval.train_verdict) reads every train-*.jsonl
    default_passages = [EVAL / "passages" / f"train-{w}.jsonl" for w in ("w1", "w2")]
    parser.add_argument("--passages", type=Path, nargs="*", default=default_passages)
    # w1's dossiers only: with w10's too, styles-dev falls from 0.778 / 0.745 to 0.774 / 0.740
    parser.add_argument(
        "--authors", nargs="*", default=["w1"],
        help="Only the training dossiers of these authors (none given: all).",
    )  # fmt: skip
    parser.add_argument("--dev", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument(
        "--threshold", type=float, default=THRESHOLD,
        help="Decision threshold (default: chosen on the development dossiers, w2: the model "
        "only adds findings the cue rules miss, so it must be precise).",
    )  # fmt: skip
    parser.add_argument(
        "--auto-threshold", action="store_true",
        help="Pick the threshold with the best balanced accuracy on the training dossiers.",
    )  # fmt: skip
    parser.add_argument(
        "--no-verdict", action="store_true",
        help="Do not train the passage judgment (assistant/detect/model/verdict.*) too.",
    )  # fmt: skip
    parser.add_argument(
        "--no-dossier", action="store_true",
        help="Do not train the dossier-level decision (assistant/detect/model/dossier.json).",
    )  # fmt: skip
    parser.add_argument(
        "--dossier-train", type=Path, nargs="*", default=None,
        help="The dossier-level trainers' --train folders (default: theirs, "
        "eval.labels.TRAINING_DOSSIERS).",
    )  # fmt: skip
    parser.add_argument(
        "--dossier-dev", type=Path, nargs="*", default=None,
        help="Their --dev folders (measured, then trained on too; default: theirs, styles/dev).",
    )  # fmt: skip
    parser.add_argument(
        "--dossier-authors", nargs="*", default=None,
        help="Their --authors (default: theirs; given without names: every author).",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for folder in [*args.dossiers, *args.dev, *args.passages, *(args.dossier_train or ()),
                   *(args.dossier_dev or ())]:  # fmt: skip
        if held_out(folder):
            parser.error(f"{folder} is held out: never train nor tune on it")
    return args


def dossier_bags(
    folder: Path,
    ref: Referentiel,
    embedder: Embedder,
    prototypes: Prototypes,
    authors: frozenset[str] = frozenset(),
) -> list[Bag]:
    """One bag per labelled target of every dossier of ``folder`` (by ``authors`` only, when
    given)."""
    bags = []
    for label in load_labels(folder):
        if authors and label.author not in authors:
            continue
        try:
            bags.extend(_bags_of(folder / label.file, label, ref, embedder, prototypes))
        except Exception:  # a dossier being written may be malformed: skip it, say so
            log.exception("skipping %s", label.file)
    return bags


def _bags_of(
    path: Path, label: DossierLabel, ref: Referentiel, embedder: Embedder, prototypes: Prototypes
) -> list[Bag]:
    doc = ingest_file(path, LimitsSettings())
    excluded = [
        (i.start, i.end) for i in find_injections(doc) + hidden_injections(doc) if i.start >= 0
    ]
    layout = layout_of(doc, excluded)
    checkpoints = ref.checkpoints_for(label.epreuve)
    targets = targets_of(checkpoints)
    passages = passages_of(layout)
    if not passages:
        return []
    p_vec, h_vec = passage_vectors(passages, embedder.embed_documents)
    t_vec = embedder.embed_queries([t.text for t in targets])
    case = find_case(layout.units)
    feats = feature_matrix(passages, targets, p_vec, h_vec, t_vec, case, prototypes)
    bags = []
    for j, target in enumerate(targets):
        status = _status(label, target.checkpoint, target.target)
        if status is None:
            continue
        bags.append(Bag(feats[:, j, :], status))
    return bags


def _status(label: DossierLabel, checkpoint: str, target: str) -> bool | None:
    cp = label.checkpoints.get(checkpoint)
    if cp is None:
        return None
    if target == CHECKPOINT:
        return {"present": True, "absent": False}.get(cp.status)
    return cp.elements.get(target) == "present"


@dataclass
class Labelled:
    """Training passages, their vectors, and per-target sums of vectors by label."""

    items: list[LabelledPassage]
    vectors: Matrix
    sums: dict[str, dict[bool, Matrix]]
    counts: dict[str, dict[bool, int]]

    def prototypes(self, leave_out: int | None = None) -> dict[str, tuple[Matrix, Matrix]]:
        """Mean vectors of the passages that treat each target and of those that do not,
        without passage ``leave_out`` (so that a passage never meets itself)."""
        out: dict[str, tuple[Matrix, Matrix]] = {}
        mine = self.items[leave_out].targets if leave_out is not None else {}
        for key, by_label in self.sums.items():
            means = []
            for label in (True, False):
                total = by_label[label].copy()
                count = self.counts[key][label]
                status = mine.get(key)
                if leave_out is not None and status is not None and (status == "present") == label:
                    total -= self.vectors[leave_out]
                    count -= 1
                means.append(_unit(total) if count > 0 else np.zeros_like(total))
            if np.any(means[0]):
                out[key] = (means[0], means[1])
        return out


def labelled_passages(paths: Sequence[Path], embedder: Embedder) -> Labelled:
    items = [item for path in paths for item in load_passages(path)]
    vectors = embedder.embed_documents([item.text for item in items])
    dim = vectors.shape[1] if len(items) else embedder.dimension
    sums: dict[str, dict[bool, Matrix]] = {}
    counts: dict[str, dict[bool, int]] = {}
    for item, vector in zip(items, vectors, strict=True):
        for key, status in item.targets.items():
            if status == "partial":
                continue
            present = status == "present"
            by = sums.setdefault(key, {True: np.zeros(dim), False: np.zeros(dim)})
            by[present] = by[present] + vector
            counts.setdefault(key, {True: 0, False: 0})[present] += 1
    return Labelled(items, vectors, sums, counts)


def _unit(vector: Matrix) -> Matrix:
    out: Matrix = (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)
    return out


def passage_rows(
    labelled: Labelled, ref: Referentiel, embedder: Embedder
) -> list[tuple[Matrix, bool]]:
    """(features, present) of every labelled (passage, target) pair, prototypes left out."""
    rows: list[tuple[Matrix, bool]] = []
    by_id = {c.id: c for c in ref.checkpoints}
    all_targets = targets_of(ref.checkpoints)
    t_vec = embedder.embed_queries([t.text for t in all_targets])
    index = {t.key: j for j, t in enumerate(all_targets)}
    for n, item in enumerate(labelled.items):
        units = _units(item.text)
        if not units:
            continue
        case = Case(frozenset(t.folded for t in tokenize(item.company) if len(t.folded) > 2))
        wanted = sorted({t.split(".")[0] for t in item.targets} & by_id.keys())
        targets = targets_of([by_id[c] for c in wanted])
        vec = labelled.vectors[n : n + 1]
        rows_t = t_vec[[index[t.key] for t in targets]]
        feats = feature_matrix(
            [Passage(tuple(units), "")], targets, vec, np.zeros_like(vec), rows_t, case,
            labelled.prototypes(leave_out=n),
        )  # fmt: skip
        for j, target in enumerate(targets):
            status = item.targets.get(target.key)
            if status in ("present", "absent"):
                rows.append((feats[0, j], status == "present"))
    return rows


def _units(text: str) -> list[Unit]:
    from assistant.detect.sentences import sentence_spans

    return [
        Unit(n, "sentence", s, e, None, (), 0, tuple(tokenize(text[s:e], s)), text=text[s:e])
        for n, (s, e) in enumerate(sentence_spans(text))
    ]


def fit_mil(bags: Sequence[Bag], singles: Sequence[tuple[Matrix, bool]]) -> Matrix:
    """Multiple-instance logistic regression: positives re-chosen by the model each round."""
    cos, cue = FEATURES.index("cos"), FEATURES.index("cue_hits")
    pick = [int(np.argmax(b.features[:, cos] + 0.3 * b.features[:, cue])) for b in bags]
    weights = np.zeros(len(FEATURES), dtype=np.float64)
    for _ in range(MIL_ROUNDS + 1):
        x, y = _examples(bags, pick, singles)
        weights = fit_logistic(x, y)
        pick = [int(np.argmax(b.features @ weights)) for b in bags]
    return weights.astype(np.float32)


def _examples(
    bags: Sequence[Bag], pick: Sequence[int], singles: Sequence[tuple[Matrix, bool]]
) -> tuple[Matrix, Matrix]:
    xs: list[Matrix] = []
    ys: list[float] = []
    for bag, best in zip(bags, pick, strict=True):
        if bag.present:
            xs.append(bag.features[best : best + 1])
            ys.append(1.0)
        else:
            xs.append(bag.features)
            ys.extend([0.0] * len(bag.features))
    for row, present in singles:  # clean labels: they count several times
        xs.append(np.repeat(row[None, :], SINGLE_WEIGHT, axis=0))
        ys.extend([1.0 if present else 0.0] * SINGLE_WEIGHT)
    return np.concatenate(xs).astype(np.float64), np.asarray(ys)


def fit_logistic(x: Matrix, y: Matrix) -> Matrix:
    """L2 logistic regression, classes balanced, by full-batch gradient descent from zeros on
    standardised features (deterministic); the weights returned apply to raw features."""
    mean, std = x[:, 1:].mean(axis=0), x[:, 1:].std(axis=0) + 1e-6
    z = np.c_[np.ones(len(x)), (x[:, 1:] - mean) / std]
    positives = max(1.0, float(y.sum()))
    negatives = max(1.0, float(len(y) - y.sum()))
    weight = np.where(y > 0, len(y) / (2 * positives), len(y) / (2 * negatives))
    w = np.zeros(z.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (weight * (p - y)) / len(y) + L2 * np.r_[0.0, w[1:]]
        w -= RATE * grad
    raw = np.r_[w[0] - float(np.sum(w[1:] * mean / std)), w[1:] / std]
    return raw


def _bag_scores(bags: Sequence[Bag], weights: Matrix) -> Matrix:
    return np.asarray([1 / (1 + np.exp(-float(np.max(b.features @ weights)))) for b in bags])


def best_threshold(bags: Sequence[Bag], weights: Matrix) -> float:
    scores = _bag_scores(bags, weights)
    labels = np.asarray([b.present for b in bags])
    grid = np.linspace(0.3, 0.95, 66)
    return float(max(grid, key=lambda t: _balanced(scores >= t, labels)))


def _balanced(predicted: Matrix, labels: Matrix) -> float:
    recalls = [
        float(np.mean(predicted[labels == c] == c)) for c in (True, False) if np.any(labels == c)
    ]
    return sum(recalls) / len(recalls)


def accuracy(bags: Sequence[Bag], weights: Matrix, threshold: float) -> float:
    if not bags:
        return 0.0
    scores = _bag_scores(bags, weights)
    labels = np.asarray([b.present for b in bags])
    return _balanced(scores >= threshold, labels)


if __name__ == "__main__":
    sys.exit(main())
