"""Plain-text tables of eval results, and their JSON form."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eval.engines import Run
from eval.metrics import STATUSES, Ratio, Scores, checkpoint_errors, score

Metric = Callable[[Scores], float | None]


def _ratio(r: Ratio) -> float | None:
    return r.rate


def _by_status(field: str, status: str) -> Metric:
    def get(s: Scores) -> float | None:
        values: dict[str, float | None] = getattr(s, field)
        return values[status]

    return get


METRICS: list[tuple[str, Metric, bool]] = [  # (name, getter, higher is better)
    ("checkpoint accuracy", lambda s: s.accuracy, True),
    ("balanced accuracy", lambda s: s.balanced_accuracy, True),
    *[(f"recall {st}", _by_status("recall", st), True) for st in STATUSES],
    *[(f"precision {st}", _by_status("precision", st), True) for st in STATUSES],
    ("element precision", lambda s: s.elements.precision, True),
    ("element recall", lambda s: s.elements.recall, True),
    ("element F1", lambda s: s.elements.f1, True),
    ("mention-only false present", lambda s: _ratio(s.mention_only_false_present), False),
    ("injection recall", lambda s: _ratio(s.injections.found), True),
    ("calculation error recall", lambda s: _ratio(s.calculations.found), True),
    (
        "clean dossiers with calc alert",
        lambda s: _ratio(s.calculations.flagged_clean_dossiers),
        False,
    ),
    ("quote verification rate", lambda s: _ratio(s.quotes), True),
]

COUNTS: list[tuple[str, Callable[[Scores], str]]] = [
    ("dossiers (failed)", lambda s: f"{s.dossiers} ({s.failures})"),
    ("missing checkpoints", lambda s: str(s.missing_checkpoints)),
    ("mention-only false present", lambda s: _count(s.mention_only_false_present)),
    ("injections found", lambda s: _count(s.injections.found)),
    ("injection false alarms", lambda s: str(s.injections.false_alarms)),
    ("calculation errors found", lambda s: _count(s.calculations.found)),
    ("calculation false alarms", lambda s: str(s.calculations.false_alarms)),
    ("quotes verified", lambda s: _count(s.quotes)),
]


def _count(r: Ratio) -> str:
    return f"{r.hits}/{r.total}"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _margin(a: float | None, b: float | None) -> str:
    return "" if a is None or b is None else f"{a - b:+.3f}"


def summary_table(runs: Sequence[Run]) -> str:
    scores = [score(r.cases) for r in runs]
    header = ["metric", *[r.name for r in runs]] + (["margin"] if len(runs) == 2 else [])
    rows = [header]
    for name, get, _ in METRICS:
        values = [get(s) for s in scores]
        margin = [_margin(values[0], values[1])] if len(runs) == 2 else []
        rows.append([name, *map(_fmt, values), *margin])
    rows += [
        [name, *(get(s) for s in scores), *([""] if len(runs) == 2 else [])] for name, get in COUNTS
    ]
    rows.append(["seconds per dossier", *(f"{r.seconds / max(len(r.cases), 1):.2f}" for r in runs)])
    return _grid(rows)


def _grid(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def confusion_table(run: Run) -> str:
    matrix = score(run.cases).matrix
    rows = [["expected \\ got", *STATUSES]]
    rows += [[e, *(str(matrix[e][g]) for g in STATUSES)] for e in STATUSES]
    return f"{run.name}: confusion (rows expected, columns predicted)\n" + _grid(rows)


def details(run: Run) -> str:
    """Per-dossier errors so engine developers can debug."""
    lines = [f"== {run.name}: per-dossier errors"]
    for case in run.cases:
        file = case.label.file
        errors = checkpoint_errors(case)
        lines.append(f"{file} [{case.label.epreuve}] {len(errors)} checkpoint(s) wrong")
        if file in run.errors:
            lines.append(f"  FAILED: {run.errors[file]}")
        for err in errors:
            lines.append(f"  {err.checkpoint}: expected {err.expected}, got {err.got}")
            lines += [f"    - {e}: expected {want}, got {got}" for e, want, got in err.elements]
    return "\n".join(lines)


def as_json(runs: Sequence[Run]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for run in runs:
        s = score(run.cases)
        out[run.name] = {
            "metrics": {name: get(s) for name, get, _ in METRICS},
            "counts": {name: get(s) for name, get in COUNTS},
            "confusion": s.matrix,
            "seconds": run.seconds,
            "llm_quotes_rejected": run.llm_quotes,
            "failures": run.errors,
            "dossiers": [
                {
                    "file": c.label.file,
                    "epreuve": c.label.epreuve,
                    "errors": [e.__dict__ for e in checkpoint_errors(c)],
                }
                for c in run.cases
            ],
        }
    return out
