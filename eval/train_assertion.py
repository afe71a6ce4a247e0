"""Train the learned reading of a sentence (assistant/detect/assertion.py): does it assert
something about the studied case?

    python -m eval.train_assertion [--passages FILE.jsonl ...] [--out .../assertion.npz]
    python -m eval.train_assertion --cross     # leave one author out, measure, write nothing

Rows are the sentences (``detect.sentences.sentence_spans``, as the engine cuts them) of the
labelled training passages: a sentence of a passage whose ``kind`` is an analysis, a thin
mention or a wrong element, labelled non-absent for some target, is a case sentence (1); a
sentence of a definition, generic statement, listing, negation or table of contents labelled
absent for every target is not (0). Intentions, injections, off-topic and other passages are
left out (the rules and the injection barrier judge them). A passage's label falls on all its
sentences: an analysis opened by one generic sentence lends it a wrong label, which the
regularisation and the threshold absorb.

The threshold is the highest probability under which at most ``CASE_LOSS`` of the case
sentences fall, measured leaving one author out: the reading only removes evidence, so it must
rarely take a real analysis away. Deterministic: full-batch gradient descent from zeros on a
hashed sparse design, classes balanced. Never the held-out files.
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
import numpy.typing as npt

from assistant.detect.assertion import DIM, MODEL, VERSION, features
from assistant.detect.sentences import sentence_spans
from eval.passages import Passage, held_out, load_passages

log = logging.getLogger("eval.train_assertion")
EVAL = Path(__file__).parent
CASE_KINDS = frozenset({"analysis", "thin", "wrong_element"})
VOID_KINDS = frozenset({"definition", "generic", "listing", "negation", "toc"})
L2 = 1e-5
STEPS = 2000
RATE = 8.0
CASE_LOSS = 0.01  # share of case sentences the chosen threshold may read as void
MIN_WORDS = 3

Vector = npt.NDArray[np.float64]


@dataclass
class Rows:
    texts: list[str]
    labels: list[int]
    authors: list[str]


def sentence_rows(passages: Sequence[Passage], author: str) -> Rows:
    """One row per sentence of each usable passage (see the module's docstring)."""
    rows = Rows([], [], [])
    for item in passages:
        case = any(v != "absent" for v in item.targets.values())
        if item.kind in CASE_KINDS and case:
            label = 1
        elif item.kind in VOID_KINDS and not case:
            label = 0
        else:
            continue
        for start, end in sentence_spans(item.text):
            text = item.text[start:end]
            if len(text.split()) < MIN_WORDS:
                continue
            rows.texts.append(text)
            rows.labels.append(label)
            rows.authors.append(author)
    return rows


def design(texts: Sequence[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Vector]:
    """The sparse design as (row, slot, value) arrays."""
    r, c, v = [], [], []
    for i, text in enumerate(texts):
        for slot, value in features(text).items():
            r.append(i)
            c.append(slot)
            v.append(value)
    return np.asarray(r), np.asarray(c), np.asarray(v, dtype=np.float64)


def fit(texts: Sequence[str], labels: Sequence[int]) -> tuple[Vector, float]:
    """L2 logistic regression, classes balanced, full-batch gradient descent from zeros."""
    rows, cols, vals = design(texts)
    y = np.asarray(labels, dtype=np.float64)
    n = len(y)
    weight = np.where(y == 1, n / (2 * max(1, y.sum())), n / (2 * max(1, n - y.sum())))
    w = np.zeros(DIM)
    b = 0.0
    for _ in range(STEPS):
        z = np.bincount(rows, weights=vals * w[cols], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = (p - y) * weight / n
        grad = np.bincount(cols, weights=vals * g[rows], minlength=DIM) + L2 * w
        w -= RATE * grad
        b -= RATE * float(g.sum())
    return w, b


def probabilities(w: Vector, b: float, texts: Sequence[str]) -> Vector:
    rows, cols, vals = design(texts)
    z = np.bincount(rows, weights=vals * w[cols], minlength=len(texts)) + b
    out: Vector = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def out_of_author(rows: Rows) -> Vector:
    """Each sentence's probability from a model that never saw its author."""
    scores = np.zeros(len(rows.texts))
    authors = np.asarray(rows.authors)
    for author in sorted(set(rows.authors)):
        test = authors == author
        train = ~test
        w, b = fit([t for t, k in zip(rows.texts, train, strict=True) if k],
                   [y for y, k in zip(rows.labels, train, strict=True) if k])  # fmt: skip
        scores[test] = probabilities(w, b, [t for t, k in zip(rows.texts, test, strict=True) if k])
    return scores


def choose_threshold(scores: Vector, labels: Sequence[int]) -> float:
    """The highest threshold that reads at most ``CASE_LOSS`` of the case sentences as void."""
    case = np.sort(scores[np.asarray(labels) == 1])
    return float(case[int(CASE_LOSS * len(case))]) if len(case) else 0.5


def report(rows: Rows, scores: Vector, threshold: float) -> None:
    y = np.asarray(rows.labels)
    authors = np.asarray(rows.authors)
    for author in [*sorted(set(rows.authors)), "all"]:
        mask = np.ones(len(y), bool) if author == "all" else authors == author
        void = scores[mask] < threshold
        yy = y[mask]
        lost = float(void[yy == 1].mean()) if (yy == 1).any() else 0.0
        caught = float(void[yy == 0].mean()) if (yy == 0).any() else 0.0
        log.info(
            "%-5s case sentences %4d read void %.3f | void sentences %4d caught %.3f",
            author, int((yy == 1).sum()), lost, int((yy == 0).sum()), caught,
        )  # fmt: skip


VERDICT_ONLY = ("train-w37", "train-w38")
"""Passage files the assertion reading leaves out (they train the verdict only)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_assertion")
    # w37 and w38 train the passage verdict only (session 12: train_attribution.TOPICS_NOT_USED)
    default = sorted(
        p for p in (EVAL / "passages").glob("train-*.jsonl") if p.stem not in VERDICT_ONLY
    )
    parser.add_argument("--passages", type=Path, nargs="*", default=default)
    parser.add_argument("--cross", action="store_true", help="Leave one author out, measure.")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    for path in args.passages:
        if held_out(path):
            parser.error(f"{path} is held out: never train nor tune on it")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = Rows([], [], [])
    for path in args.passages:
        part = sentence_rows(load_passages(path), path.stem.removeprefix("train-"))
        rows.texts += part.texts
        rows.labels += part.labels
        rows.authors += part.authors
    scores = out_of_author(rows)
    threshold = choose_threshold(scores, rows.labels)
    log.info("threshold (case sentences read void <= %.2f, out of author): %.4f",
             CASE_LOSS, threshold)  # fmt: skip
    report(rows, scores, threshold)
    if args.cross:
        return 0
    w, b = fit(rows.texts, rows.labels)
    meta = {
        "version": VERSION,
        "dim": DIM,
        "bias": round(b, 6),
        "threshold": round(threshold, 6),
        "trained_on": [p.name for p in args.passages],
        "sentences": len(rows.texts),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as fh:
        np.savez_compressed(fh, weights=w.astype(np.float16), meta=np.asarray(json.dumps(meta)))
    log.info("wrote %s (%d sentences)", args.out, len(rows.texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
