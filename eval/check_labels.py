"""Validate labelled folders and passage files without running any engine.

    python -m eval.check_labels eval/styles/train eval/passages/train-w1.jsonl ...

A folder holds dossiers (``.md``) with their label files (``.yaml``, eval/README.md); a
``.jsonl`` file holds labelled passages (eval/passages.py). Prints each problem; exit 1 if any.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings
from eval.labels import load_labels, validate
from eval.passages import load_passages, target_problems


def problems_of(path: Path) -> tuple[int, list[str]]:
    """How many items ``path`` holds, and what is wrong with them."""
    ref = load_referentiel(Settings().referentiel_dir)
    try:
        if path.suffix == ".jsonl":
            passages = load_passages(path)
            return len(passages), target_problems(passages, ref, path.name)
        labels = load_labels(path)
        return len(labels), [p for label in labels for p in validate(label, ref, path)]
    except ValueError as exc:
        return 0, [str(exc)]


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(a) for a in (argv if argv is not None else sys.argv[1:])]
    failed = False
    for path in paths:
        count, problems = problems_of(path)
        for problem in problems:
            print(problem)
        print(f"{path}: {count} items, {len(problems)} problems")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
