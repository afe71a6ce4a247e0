"""Judge labelled passages one by one: the engine's offline judgment against a keyword search.

    python -m eval.passages_run eval/passages/heldout-w3.jsonl [more.jsonl ...] [--json out.json]

For each passage and each of its targets (``checkpoint`` or ``checkpoint.element``), the engine's
status is what detection makes of the passage alone (``assistant.detect.support``, the judgment
an LLM quote must also pass); the baseline's is the keyword search of ``eval/baseline.py`` on
the passage. Prints accuracy, balanced accuracy and per-status recall for both, per file and in
all, and per passage kind.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.assessment import Status
from assistant.detect import support
from assistant.referentiel.loader import load_referentiel
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.settings import Settings
from assistant.textnorm import fold
from eval.baseline import find_cue
from eval.metrics import Confusion, accuracy, balanced_accuracy, confusion, recall
from eval.passages import Passage, load_passages

STATUSES: tuple[Status, ...] = ("present", "partial", "absent")


@dataclass(frozen=True)
class Judged:
    passage: str
    kind: str
    target: str
    expected: Status
    engine: Status
    baseline: Status


def keyword_status(text: str, checkpoint: Checkpoint, element: str | None) -> Status:
    """The baseline on one passage: a cue of the target occurs (present) or not (absent);
    a checkpoint with elements is partial when only some of its elements' cues occur."""
    from assistant.document import Block

    block = Block(index=0, kind="paragraph", text=text, page=None, start=0, end=len(text))
    folded = [fold(text)]
    if element is not None:
        cues = next(e.cues for e in checkpoint.elements if e.id == element)
        return "present" if find_cue(cues, [block], folded) else "absent"
    named = find_cue(checkpoint.cues, [block], folded) is not None
    if not checkpoint.elements:
        return "present" if named else "absent"
    found = sum(1 for e in checkpoint.elements if find_cue(e.cues, [block], folded))
    if found == len(checkpoint.elements):
        return "present"
    return "partial" if found or named else "absent"


def judge(passages: Sequence[Passage], ref: Referentiel) -> list[Judged]:
    others = list(ref.checkpoints)
    judged = []
    for passage in passages:
        for target, expected in passage.targets.items():
            cid, _, element = target.partition(".")
            checkpoint = ref.checkpoint(cid)
            engine = support(passage.text, checkpoint, element or None, others=others).status
            baseline = keyword_status(passage.text, checkpoint, element or None)
            judged.append(Judged(passage.id, passage.kind, target, expected, engine, baseline))
    return judged


def figures(matrix: Confusion) -> dict[str, float | None]:
    out = {"accuracy": accuracy(matrix), "balanced_accuracy": balanced_accuracy(matrix)}
    out |= {f"recall_{s}": recall(matrix, s) for s in STATUSES}
    return out


def table(title: str, judged: Sequence[Judged]) -> dict[str, dict[str, float | None]]:
    engine = figures(confusion((j.expected, j.engine) for j in judged))
    baseline = figures(confusion((j.expected, j.baseline) for j in judged))
    print(f"\n{title} ({len(judged)} targets)")
    print(f"{'':28}{'engine':>9}{'keywords':>10}{'margin':>9}")
    for name in engine:
        e, b = engine[name], baseline[name]
        margin = f"{e - b:+.3f}" if e is not None and b is not None else ""
        print(f"{name:28}{_fmt(e):>9}{_fmt(b):>10}{margin:>9}")
    return {"engine": engine, "baseline": baseline}


def by_kind(judged: Sequence[Judged]) -> None:
    """Print the engine's and the keywords' accuracy per passage kind."""
    kinds: dict[str, list[Judged]] = defaultdict(list)
    for j in judged:
        kinds[j.kind].append(j)
    print("\nengine accuracy by passage kind (keywords in brackets)")
    for kind, items in sorted(kinds.items()):
        e = accuracy(confusion((j.expected, j.engine) for j in items))
        b = accuracy(confusion((j.expected, j.baseline) for j in items))
        print(f"  {kind:16}{len(items):5}  {_fmt(e)}  ({_fmt(b)})")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.passages_run", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="Passage files (.jsonl).")
    parser.add_argument("--json", type=Path, help="Write the figures as JSON to this file.")
    parser.add_argument("-v", "--verbose", action="store_true", help="List the engine's errors.")
    parser.add_argument(
        "--rules-only", action="store_true",
        help="Judge with the cue rules alone, without the learned judgment (for comparison).",
    )  # fmt: skip
    parser.add_argument(
        "--verdict", type=Path,
        help="Judge with this trained verdict.json (its verdict.npz beside it) instead of the "
        "shipped one (to compare candidate models).",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.verdict is not None:
        from assistant.detect import judged
        from assistant.detect.verdict import load_verdict

        candidate: Path = args.verdict  # not ``path``: the loop below rebinds that name
        judged.load_verdict = lambda *a, **k: load_verdict(candidate)  # type: ignore[assignment]
    if args.rules_only:
        from assistant.detect import judged

        judged.load_verdict = lambda *a, **k: None  # type: ignore[assignment]
    ref = load_referentiel(Settings().referentiel_dir)
    results: dict[str, object] = {}
    everything: list[Judged] = []
    for path in args.files:
        judged = judge(load_passages(path), ref)
        everything += judged
        results[path.name] = table(path.name, judged)
        if args.verbose:
            for j in judged:
                if j.engine != j.expected:
                    print(f"  {j.passage} {j.target}: expected {j.expected}, got {j.engine}")
    if len(args.files) > 1:
        results["all"] = table("all files", everything)
    by_kind(everything)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
