"""Train the dossier-level decision (assistant/detect/judgment.py) on dossier labels.

    python -m eval.train_dossier [--train DIR ...] [--dev DIR ...] [--l2 X] [--no-write]

Each labelled dossier goes through the engine's own steps up to detection (ingestion,
injection passages left out, the passage model's reading, the cue rules' outcomes); every
element and every checkpoint without elements gives one row of ``judgment.FEATURES`` and its
label. Two multinomial logistic regressions (numpy, L2, full-batch gradient descent from zeros:
deterministic) are fitted: elements (present / absent) and topics (present / partial /
absent), classes weighed to count equally (balanced accuracy is what is measured).

The penalty (``--l2``, several values) is chosen by leaving one author's dossiers out at a
time (the label's ``author``, else the folder): the one with the best mean gain in balanced
accuracy over the rules' own statuses among those that cost no group any accuracy nor balanced
accuracy; the rules' status is not penalised, so a strong penalty gives back the rules. The
``--dev`` folders are then measured by a model trained on ``--train`` only (checkpoint
statuses derived from the elements by the labelling rules, confusion per class printed); the
shipped weights are fitted on ``--train`` and ``--dev`` together, unless ``--no-write``.
Held-out folders are refused.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np

from assistant.detect.judgment import (
    ELEMENT_CLASSES,
    FEATURES,
    MODEL,
    TOPIC_CLASSES,
    Matrix,
    target_features,
)
from assistant.services import Services, build_services
from eval.engine_steps import detected
from eval.labels import DEV_DOSSIERS, NOT_TRAINED_ON, TRAINING_DOSSIERS, group_of, training_labels
from eval.passages import held_out, repo_relative

log = logging.getLogger("eval.train_dossier")
T = TypeVar("T")
EVAL = Path(__file__).parent
STEPS = 2000
RATE = 0.3
BALANCED = True
FREE = ("bias", "rule_present", "rule_partial")
L2_CHOICES = (0.03, 0.1, 0.3, 1.0, 3.0)
TOLERANCE = 0.0  # the most a penalty may cost one group left out (accuracy or balanced)


@dataclass
class Rows:
    """Feature rows and labels of one kind of target (element or topic)."""

    features: list[Matrix] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    rules: list[int] = field(default_factory=list)  # the rules' own class

    def arrays(self) -> tuple[Matrix, np.ndarray]:
        x = np.stack(self.features) if self.features else np.zeros((0, len(FEATURES)))
        return x.astype(np.float32), np.asarray(self.labels, dtype=np.int64)


@dataclass
class Checkpoint:
    """A checkpoint with elements: its rows among the element rows, and whether it is named."""

    label: str
    rows: list[int]
    named: bool


@dataclass
class Dossier:
    file: str
    group: str  # the author (or the folder): folds never split one
    elements: Rows
    topics: Rows
    checkpoints: list[Checkpoint]


def dossier_rows(
    services: Services, folder: Path, authors: Collection[str] | None = None
) -> list[Dossier]:
    """The rows of every labelled dossier of ``folder`` (by ``authors``:
    ``labels.training_labels``)."""
    out = []
    for label in training_labels(folder, authors):
        dossier = _rows_of(services, folder / label.file, label.epreuve, label.checkpoints)
        dossier.group = group_of(label, folder)
        out.append(dossier)
    return out


def _rows_of(services: Services, path: Path, epreuve: str, labels: dict) -> Dossier:  # type: ignore[type-arg]
    found = detected(services, path, epreuve)
    outcomes, reading = found.outcomes, found.reading
    dossier = Dossier(path.name, "", Rows(), Rows(), [])
    for outcome in outcomes:
        label = labels[outcome.checkpoint.id]
        if not outcome.elements:
            dossier.topics.features.append(target_features(outcome, None, reading))
            dossier.topics.labels.append(TOPIC_CLASSES.index(label.status))
            dossier.topics.rules.append(TOPIC_CLASSES.index(outcome.status))
            continue
        rows = []
        for element in outcome.elements:
            rows.append(len(dossier.elements.labels))
            dossier.elements.features.append(target_features(outcome, element, reading))
            dossier.elements.labels.append(
                ELEMENT_CLASSES.index(label.elements[element.element.id])
            )
            dossier.elements.rules.append(ELEMENT_CLASSES.index(element.status))
        named = outcome.mentioned or any(e.mentioned for e in outcome.elements)
        dossier.checkpoints.append(Checkpoint(label.status, rows, named))
    return dossier


def fit(
    x: Matrix, y: np.ndarray, classes: int, l2: float, mean: Matrix, std: Matrix,
    balanced: bool = BALANCED,
) -> Matrix:  # fmt: skip
    """Multinomial logistic regression (classes weighed equally when ``balanced``); the bias
    and the rules' status (``FREE``) are not penalised, so that a strong penalty leaves the
    rules' verdict and only the corrections that pay for themselves."""
    z = (x - mean) / std
    onehot = np.eye(classes, dtype=np.float32)[y]
    counts = np.bincount(y, minlength=classes).astype(np.float32)
    weight = np.where(counts > 0, len(y) / (classes * np.maximum(counts, 1)), 0.0)[y]
    if not balanced:
        weight = np.ones(len(y), dtype=np.float32)
    w = np.zeros((x.shape[1], classes), dtype=np.float32)
    penalty = np.full((x.shape[1], 1), l2, dtype=np.float32)
    for name in FREE:
        penalty[FEATURES.index(name)] = 0.0
    rate = RATE / (1.0 + l2)  # gradient descent stays stable under a strong penalty
    for _ in range(STEPS):
        logits = z @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = z.T @ ((p - onehot) * weight[:, None]) / len(y) + penalty * w
        w -= rate * grad
    return w


def standardisation(x: Matrix) -> tuple[Matrix, Matrix]:
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    mean[FEATURES.index("bias")] = 0.0
    std = np.where(std < 1e-6, 1.0, std).astype(np.float32)
    return mean.astype(np.float32), std


@dataclass
class Model:
    mean: Matrix
    std: Matrix
    element: Matrix
    topic: Matrix

    def predict(self, x: Matrix, topic: bool) -> np.ndarray:
        if len(x) == 0:
            return np.zeros(0, dtype=np.int64)
        w = self.topic if topic else self.element
        return np.argmax(((x - self.mean) / self.std) @ w, axis=1)


def train(dossiers: Sequence[Dossier], l2: float, balanced: bool = BALANCED) -> Model:
    ex, ey = _stack([d.elements for d in dossiers])
    tx, ty = _stack([d.topics for d in dossiers])
    mean, std = standardisation(np.concatenate([ex, tx]))
    element = fit(ex, ey, 2, l2, mean, std, balanced)
    return Model(mean, std, element, fit(tx, ty, 3, l2, mean, std, balanced))


def _stack(rows: Sequence[Rows]) -> tuple[Matrix, np.ndarray]:
    pairs = [r.arrays() for r in rows if r.labels]
    return np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])


def statuses(dossier: Dossier, model: Model | None) -> tuple[list[str], list[str]]:
    """(expected, predicted) checkpoint statuses; ``model`` None: the rules' own."""
    ex, _ = dossier.elements.arrays()
    tx, _ = dossier.topics.arrays()
    if model is None:
        elements = np.asarray(dossier.elements.rules)
        topics = np.asarray(dossier.topics.rules)
    else:
        elements = model.predict(ex, topic=False)
        topics = model.predict(tx, topic=True)
    expected = [TOPIC_CLASSES[i] for i in dossier.topics.labels]
    got = [TOPIC_CLASSES[int(i)] for i in topics]
    for cp in dossier.checkpoints:
        present = sum(int(elements[i]) == 0 for i in cp.rows)
        if present == len(cp.rows):
            got.append("present")
        else:
            got.append("partial" if present or cp.named else "absent")
        expected.append(cp.label)
    return expected, got


def measure(dossiers: Sequence[Dossier], model: Model | None) -> dict[str, float]:
    expected: list[str] = []
    got: list[str] = []
    tp = fp = fn = 0
    for d in dossiers:
        e, g = statuses(d, model)
        expected += e
        got += g
        ex, _ = d.elements.arrays()
        pred = np.asarray(d.elements.rules) if model is None else model.predict(ex, topic=False)
        truth = np.asarray(d.elements.labels)
        tp += int(((pred == 0) & (truth == 0)).sum())
        fp += int(((pred == 0) & (truth == 1)).sum())
        fn += int(((pred == 1) & (truth == 0)).sum())
    accuracy = float(np.mean([a == b for a, b in zip(expected, got, strict=True)]))
    recalls = {}
    for s in TOPIC_CLASSES:
        idx = [i for i, a in enumerate(expected) if a == s]
        if idx:
            recalls[s] = float(np.mean([got[i] == s for i in idx]))
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    return {"accuracy": accuracy, "balanced": float(np.mean(list(recalls.values()))), "f1": f1}


def confusion(dossiers: Sequence[Dossier], model: Model | None) -> str:
    pairs = [p for d in dossiers for p in zip(*statuses(d, model), strict=True)]
    lines = ["expected \\ got  " + "  ".join(f"{s:>7}" for s in TOPIC_CLASSES)]
    for s in TOPIC_CLASSES:
        counts = [sum(1 for a, b in pairs if a == s and b == g) for g in TOPIC_CLASSES]
        lines.append(f"{s:<15}  " + "  ".join(f"{c:>7}" for c in counts))
    return "\n".join(lines)


def _figures(m: dict[str, float]) -> str:
    return f"accuracy {m['accuracy']:.3f}, balanced {m['balanced']:.3f}, element F1 {m['f1']:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    train_set, dev_set = load_rows(args, dossier_rows)
    log.info("training: %d dossiers; dev: %d", len(train_set), len(dev_set))
    best_l2 = choose_l2([*train_set, *dev_set], args.l2)
    if dev_set:
        log.info("dev, rules alone: %s", _figures(measure(dev_set, None)))
        log.info(confusion(dev_set, None))
        log.info(
            "dev, l2 %g, trained without dev: %s",
            best_l2,
            _figures(measure(dev_set, train(train_set, best_l2))),
        )
        log.info(confusion(dev_set, train(train_set, best_l2)))
    if args.no_write:
        return 0
    model = train([*train_set, *dev_set], best_l2)
    log.info("shipped model on its training data: %s", _figures(measure(train_set, model)))
    data = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in model.mean],
        "std": [round(float(v), 6) for v in model.std],
        "element": [[round(float(v), 6) for v in row] for row in model.element],
        "topic": [[round(float(v), 6) for v in row] for row in model.topic],
        "trained_on": {
            "dossiers": [repo_relative(f) for f in [*args.train, *args.dev]],
            "authors": authors_of([*train_set, *dev_set]),
            "l2": best_l2,
        },
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    log.info("weights written to %s", args.out)
    return 0


def choose_l2(dossiers: Sequence[Dossier], choices: Sequence[float]) -> float:
    """The penalty whose model, trained on all groups (authors) but one and measured on that
    one, gains most balanced accuracy over the rules on average, among those that cost no
    group accuracy nor balanced accuracy (the strongest on a tie: the rules' verdict stands
    unless a correction pays for every author; as ``eval.train_completeness``: with ten
    groups, the best mean alone took a penalty that lost on three of them, session 15)."""
    groups = sorted({d.group for d in dossiers})
    best, best_gain = max(choices), 0.0
    for l2 in sorted(choices, reverse=True):
        gains = []
        for group in groups:
            held = [d for d in dossiers if d.group == group]
            model = train([d for d in dossiers if d.group != group], l2)
            after, before = measure(held, model), measure(held, None)
            gains.append(
                (after["balanced"] - before["balanced"], after["accuracy"] - before["accuracy"])
            )
            log.info(
                "l2 %g, %s held out (%d): %s (rules %s)",
                l2, group, len(held), _figures(after), _figures(before),
            )  # fmt: skip
        gain = float(np.mean([g[0] for g in gains]))
        worst = min(min(g) for g in gains)
        log.info(
            "l2 %g: mean gain over the rules %+.4f balanced, %+.4f accuracy; worst group %+.4f",
            l2, gain, float(np.mean([g[1] for g in gains])), worst,
        )  # fmt: skip
        if gain > best_gain + 1e-9 and worst >= -TOLERANCE:
            best, best_gain = l2, gain
    log.info("chosen l2 %g", best)
    return best


def load_rows(
    args: argparse.Namespace, rows: Callable[[Services, Path, Collection[str] | None], list[T]]
) -> tuple[list[T], list[T]]:
    """``rows`` of the train and dev folders by ``--authors`` (read from ``--cache`` when it
    exists: the cache holds what the options it was written with gave); shared with
    ``eval.train_completeness``."""
    if args.cache is not None and args.cache.is_file():
        with args.cache.open("rb") as f:
            cached: tuple[list[T], list[T]] = pickle.load(f)
        return cached
    services = build_services()
    train_set = [d for f in args.train for d in rows(services, f, args.authors)]
    dev_set = [d for f in args.dev for d in rows(services, f, args.authors)]
    if args.cache is not None:
        with args.cache.open("wb") as f:
            pickle.dump((train_set, dev_set), f)
    return train_set, dev_set


def parse_training_args(
    argv: Sequence[str] | None, prog: str, doc: str, model: Path, l2_choices: Sequence[float]
) -> argparse.Namespace:
    """The options of a dossier-level trainer (this one, ``eval.train_completeness``);
    held-out folders are refused."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n")[0])
    parser.add_argument("--train", type=Path, nargs="*", default=list(TRAINING_DOSSIERS))
    parser.add_argument("--dev", type=Path, nargs="*", default=list(DEV_DOSSIERS))
    add_authors(parser)
    parser.add_argument("--l2", type=float, nargs="*", default=list(l2_choices))
    parser.add_argument("--out", type=Path, default=model)
    parser.add_argument("--no-write", action="store_true", help="Measure only.")
    parser.add_argument(
        "--cache", type=Path, help="Rows read from (or written to) this file: for trying settings."
    )
    args = parser.parse_args(argv)
    for folder in [*args.train, *args.dev]:
        if held_out(folder):
            parser.error(f"{folder} is held out: never train nor tune on it")
    return args


def add_authors(parser: argparse.ArgumentParser) -> None:
    """``--authors``, shared by the dossier-level trainers and ``eval.train``."""
    parser.add_argument(
        "--authors", nargs="*", default=None,
        help="Only the dossiers of these authors (a label without one: its folder's name, "
        "e.g. devset), in --train and --dev. Not given: all"
        + (f" but {', '.join(sorted(NOT_TRAINED_ON))}" if NOT_TRAINED_ON else "")
        + "; given without names: all.",
    )  # fmt: skip


def authors_of(dossiers: Sequence[object]) -> list[str]:
    """The groups (authors, or folders) of the dossiers a model learnt from, for its record."""
    return sorted({str(getattr(d, "group", "")) for d in dossiers})


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return parse_training_args(argv, "python -m eval.train_dossier", __doc__, MODEL, L2_CHOICES)


if __name__ == "__main__":
    sys.exit(main())
