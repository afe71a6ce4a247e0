"""Accuracy per writing style, from a run's JSON and the labels' ``style`` field.

    python -m eval.styles RESULT.json --devset FOLDER [--engine offline|baseline]

``RESULT.json`` is what ``python -m eval.run --json`` wrote for the same folder: it lists the
wrong checkpoints of each dossier; every other labelled checkpoint was right. Prints, per
style, the dossiers, the checkpoint accuracy and the balanced accuracy (mean recall of the
statuses present in the labels).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from eval.labels import load_labels

STATUSES = ("present", "partial", "absent")


def per_style(result: dict[str, object], folder: Path, engine: str) -> dict[str, dict[str, float]]:
    """{style: {dossiers, accuracy, balanced}} for one engine of a run's JSON."""
    runs = result[engine]
    assert isinstance(runs, dict)
    wrong = {d["file"]: {e["checkpoint"]: e["got"] for e in d["errors"]} for d in runs["dossiers"]}
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for label in load_labels(folder):
        if label.file not in wrong:
            continue
        style = label.style or "-"
        counts[style] += 1
        for cid, cp in label.checkpoints.items():
            pairs[style].append((cp.status, wrong[label.file].get(cid, cp.status)))
    return {style: _scores(p) | {"dossiers": counts[style]} for style, p in sorted(pairs.items())}


def _scores(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    accuracy = sum(e == g for e, g in pairs) / len(pairs)
    recalls = []
    for status in STATUSES:
        got = [g for e, g in pairs if e == status]
        if got:
            recalls.append(sum(g == status for g in got) / len(got))
    return {"accuracy": accuracy, "balanced": sum(recalls) / len(recalls)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.styles", description=__doc__.split("\n")[0]
    )
    parser.add_argument("result", type=Path)
    parser.add_argument("--devset", type=Path, required=True)
    parser.add_argument("--engine", choices=["offline", "baseline"], default="offline")
    args = parser.parse_args(argv)
    result = json.loads(args.result.read_text(encoding="utf-8"))
    key = "engine" if args.engine == "offline" else "baseline"
    if key not in result:
        parser.error(f"{args.result} holds no {args.engine} results")
    print(f"{'style':<16} {'dossiers':>8} {'accuracy':>9} {'balanced':>9}")
    for style, s in per_style(result, args.devset, key).items():
        print(f"{style:<16} {s['dossiers']:>8.0f} {s['accuracy']:>9.3f} {s['balanced']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
