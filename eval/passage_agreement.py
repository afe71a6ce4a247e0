"""How far two labellers agree on passages read alone, and the engine with each.

    python -m eval.passage_agreement [PASSAGES.jsonl] [--second LABELS.jsonl] [--engine]

``PASSAGES`` holds the passages with their authors' labels (default: the real development
passages, ``eval/real/passages-dev.jsonl``, rebuilt locally by ``python -m eval.real rebuild
--set dev``); ``--second`` holds the same passages' targets labelled blind by another labeller
(default: ``eval/relabel/real-dev/labels-L3.jsonl``: one ``{"id", "targets"}`` per line, no
text). The table gives accuracy, balanced accuracy (the first judge taken as the reference) and
Cohen's kappa per pair of judges; with ``--engine`` the engine's judgment of each passage alone
(``assistant.detect.support``, as ``eval.passages_run``) is compared with both labellers and on
the targets where they agree: the ceiling the labels put on the passage figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings
from eval.agreement import Agreement, agreement
from eval.passages import load_passages
from eval.passages_run import judge
from eval.real import DEV_PASSAGES

SECOND = Path(__file__).with_name("relabel") / "real-dev" / "labels-L3.jsonl"

Targets = dict[tuple[str, str], str]
"""(passage id, target) -> status."""


def load_second(path: Path) -> Targets:
    targets: Targets = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            targets |= {(row["id"], t): s for t, s in row["targets"].items()}
    return targets


def compare(reference: Targets, other: Targets, keys: set[tuple[str, str]]) -> Agreement:
    common = sorted(set(reference) & set(other) & keys)
    return agreement([(reference[k], other[k]) for k in common])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.passage_agreement", description=__doc__)
    parser.add_argument("passages", type=Path, nargs="?", default=DEV_PASSAGES)
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--engine", action="store_true", help="Also compare the engine.")
    args = parser.parse_args(argv)
    passages = load_passages(args.passages)
    first: Targets = {(p.id, t): s for p in passages for t, s in p.targets.items()}
    second = load_second(args.second)
    keys = set(first) & set(second)
    rows = [("authors vs second labeller", compare(first, second, keys))]
    if args.engine:
        ref = load_referentiel(Settings().referentiel_dir)
        engine: Targets = {(j.passage, j.target): j.engine for j in judge(passages, ref)}
        agreed = {k for k in keys if first[k] == second[k]}
        rows += [
            ("authors vs engine", compare(first, engine, keys)),
            ("second labeller vs engine", compare(second, engine, keys)),
            (f"engine on the {len(agreed)} targets both agree on", compare(first, engine, agreed)),
        ]
    print(f"{args.passages.name}: {len(keys)} targets labelled twice")
    print(f"{'':48}{'targets':>8}{'accuracy':>10}{'balanced':>10}{'kappa':>8}")
    for name, a in rows:
        cells = [a.accuracy, a.balanced, a.kappa]
        text = ["-" if v is None else f"{v:.3f}" for v in cells]
        print(f"{name:48}{a.count:>8}{text[0]:>10}{text[1]:>10}{text[2]:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
