"""How far two labellers agree, and the engine with each: the ceiling the labels put on accuracy.

    python -m eval.agreement [SECOND_DIR ...] [--first eval/styles/dev] [--engine]

``--first`` holds the dossiers and their authors' labels; each ``SECOND_DIR`` holds label files
of the same dossiers written blind by another labeller (default: eval/relabel/styles-dev, the
second labels of styles-dev; eval/README, session 9). For every
pair of judges the table gives accuracy, balanced accuracy (the first judge's statuses taken as
the reference) and Cohen's kappa, over all checkpoints, those with elements and those without,
and the element agreement. With ``--engine`` the engine assesses the dossiers (Markdown, no
cache) and is compared with both labellers, and on the checkpoints where they agree.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.labels import DossierLabel, load_label, load_labels
from eval.metrics import STATUSES, accuracy, balanced_accuracy, confusion

Statuses = dict[tuple[str, str], str]
"""(file, checkpoint) -> status; elements use (file, "checkpoint.element")."""


@dataclass(frozen=True)
class Judge:
    name: str
    checkpoints: Statuses
    elements: Statuses
    with_elements: frozenset[tuple[str, str]]


def judge_of_labels(name: str, labels: Iterable[DossierLabel]) -> Judge:
    checkpoints: Statuses = {}
    elements: Statuses = {}
    with_elements: set[tuple[str, str]] = set()
    for label in labels:
        for cid, cp in label.checkpoints.items():
            checkpoints[(label.file, cid)] = cp.status
            if cp.elements:
                with_elements.add((label.file, cid))
            for eid, status in cp.elements.items():
                elements[(label.file, f"{cid}.{eid}")] = status
    return Judge(name, checkpoints, elements, frozenset(with_elements))


def kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa: agreement beyond what the two judges' own frequencies give by chance."""
    if not pairs:
        return None
    n = len(pairs)
    labels = sorted({s for pair in pairs for s in pair})
    observed = sum(a == b for a, b in pairs) / n
    chance = sum(
        (sum(a == s for a, _ in pairs) / n) * (sum(b == s for _, b in pairs) / n) for s in labels
    )
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class Agreement:
    count: int
    accuracy: float | None
    balanced: float | None
    kappa: float | None


def agreement(pairs: Sequence[tuple[str, str]]) -> Agreement:
    """``pairs`` are (reference, other) statuses."""
    if not pairs:
        return Agreement(0, None, None, None)
    if {s for pair in pairs for s in pair} <= set(STATUSES):
        matrix = confusion(pairs)
        return Agreement(len(pairs), accuracy(matrix), balanced_accuracy(matrix), kappa(pairs))
    agreed = sum(a == b for a, b in pairs) / len(pairs)
    return Agreement(len(pairs), agreed, None, kappa(pairs))


def compare(
    reference: Judge, other: Judge, keys: Iterable[tuple[str, str]] | None = None
) -> dict[str, Agreement]:
    """Agreement of ``other`` with ``reference`` on the checkpoints both judged (or ``keys``)."""
    common = sorted(set(reference.checkpoints) & set(other.checkpoints))
    if keys is not None:
        common = [k for k in common if k in set(keys)]
    pairs = {k: (reference.checkpoints[k], other.checkpoints[k]) for k in common}
    files = {f for f, _ in common}
    element_keys = sorted(k for k in set(reference.elements) & set(other.elements) if k[0] in files)
    return {
        "all": agreement(list(pairs.values())),
        "with elements": agreement([p for k, p in pairs.items() if k in reference.with_elements]),
        "without": agreement([p for k, p in pairs.items() if k not in reference.with_elements]),
        "elements": agreement([(reference.elements[k], other.elements[k]) for k in element_keys]),
    }


def consensus(a: Judge, b: Judge) -> Judge:
    """The checkpoints (and elements) on which ``a`` and ``b`` give the same status."""
    checkpoints = {k: s for k, s in a.checkpoints.items() if b.checkpoints.get(k) == s}
    elements = {k: s for k, s in a.elements.items() if b.elements.get(k) == s}
    return Judge(f"{a.name} = {b.name}", checkpoints, elements, a.with_elements)


def engine_judge(first: Path, labels: Sequence[DossierLabel]) -> Judge:
    from assistant.services import build_services

    review = build_services().review
    review.results = None  # measure, never read the result cache
    checkpoints: Statuses = {}
    elements: Statuses = {}
    for label in labels:
        assessment = review.assess(first / label.file, label.epreuve)
        for cp in assessment.checkpoints:
            checkpoints[(label.file, cp.id)] = cp.status
            for element in cp.elements:
                elements[(label.file, f"{cp.id}.{element.id}")] = element.status
    return Judge("engine", checkpoints, elements, frozenset())


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(rows: Sequence[tuple[str, dict[str, Agreement]]]) -> str:
    head = (
        "reference -> other | n | all acc / bal / kappa | with elements acc / kappa"
        " | without acc / bal / kappa | elements acc / kappa"
    )
    lines = [head, "|".join("---" for _ in head.split("|"))]
    for name, agr in rows:
        a, w, o, e = agr["all"], agr["with elements"], agr["without"], agr["elements"]
        lines.append(
            f"{name} | {a.count} | {_fmt(a.accuracy)} / {_fmt(a.balanced)} / {_fmt(a.kappa)}"
            f" | {_fmt(w.accuracy)} / {_fmt(w.kappa)}"
            f" | {_fmt(o.accuracy)} / {_fmt(o.balanced)} / {_fmt(o.kappa)}"
            f" | {_fmt(e.accuracy)} / {_fmt(e.kappa)}"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eval.agreement", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "second",
        nargs="*",
        type=Path,
        default=[Path(__file__).with_name("relabel") / "styles-dev"],
        help="Folders of the second labels (yaml); default: eval/relabel/styles-dev.",
    )
    parser.add_argument("--first", type=Path, default=Path(__file__).with_name("styles") / "dev")
    parser.add_argument("--engine", action="store_true", help="Also compare the engine.")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    second_labels = [load_label(p) for folder in args.second for p in sorted(folder.glob("*.yaml"))]
    files = {label.file for label in second_labels}
    first_labels = [label for label in load_labels(args.first) if label.file in files]
    if not first_labels:
        raise SystemExit("No dossier of the second labels is in --first.")
    first = judge_of_labels("first", first_labels)
    second = judge_of_labels("second", second_labels)
    rows = [("first -> second", compare(first, second))]
    if args.engine:
        engine = engine_judge(args.first, first_labels)
        agreed = consensus(first, second)
        rows += [
            ("first -> engine", compare(first, engine)),
            ("second -> engine", compare(second, engine)),
            ("first = second -> engine", compare(agreed, engine, agreed.checkpoints)),
        ]
    print(f"{len(first_labels)} dossiers labelled twice")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
