"""Injection detection, one author left out: why a case is missed, and how it generalises.

    python -m eval.injection_loao FILE.jsonl [...] [--models DIR] [-v]
    python -m eval.injection_loao --loao [--work DIR] [--files F ...]

The first form reads each case as ``eval.injections`` does (between the frame's two
paragraphs, through the project's ingestion) and says, for every instruction missed, why:
the rules flag nothing and the learned reading has no window on it (``no window``), its best
window scores below the suspicion level (``low``) or between it and the alarm (``suspect``),
or above the alarm but the confirmation does not confirm it (``vetoed``). ``--models DIR``
reads with ``DIR/injection.json`` and ``DIR/confirm.json`` instead of the shipped models.

The second form is the honest measure of the learned reading: for each development case
file by an author (``eval/injections/dev-w*.jsonl``), both stages are trained without it
(``python -m eval.train_injection --leave-out``: every other case file, the rounds of
``tests/injection_cases.py``, the passages, the dossiers and the docstrings as always) and
that author's file is read with them: recall and false alarms on data the models never saw.
Held-out files are refused.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.document import ReadingWindow
from assistant.injection import learned
from assistant.injection.confirm import ConfirmModel
from assistant.injection.learned import InjectionModel
from assistant.settings import LimitsSettings
from eval.injections import FRAME, Case, load_cases

EVAL = Path(__file__).parent


@dataclass(frozen=True)
class Reading:
    case: Case
    flagged: bool
    cause: str
    """For a flagged case: "rules" or "learned"; otherwise why it is not."""
    best: float


def use_models(folder: Path | None) -> None:
    """Read with the models of ``folder`` (both stages) from now on, in this process."""
    if folder is None:
        return
    first = InjectionModel.from_json((folder / "injection.json").read_text(encoding="utf-8"))
    second = ConfirmModel.from_json((folder / "confirm.json").read_text(encoding="utf-8"))
    learned.__dict__["load_model"] = lambda path=None: first  # what flag_learned calls
    learned.__dict__["load_confirm"] = lambda path=None: second


def read_case(case: Case, folder: Path, limits: LimitsSettings) -> Reading:
    from assistant.ingest.parse import parse_file

    path = folder / "case.txt"
    path.write_text("\n\n".join([FRAME[0], case.text, FRAME[1]]), encoding="utf-8")
    parsed = parse_file(path, "case.txt", "txt", limits)  # as eval.injections: plain text
    if any(b.injection for b in parsed.blocks):
        return Reading(case, True, "rules", float("inf"))
    document = learned.flag_learned(parsed)
    if any(b.injection for b in document.blocks):
        return Reading(case, True, "learned", float("inf"))
    if not parsed.windows:
        return Reading(case, False, "no window", float("-inf"))
    model = learned.load_model()
    assert model is not None
    rows, cue_rows = learned.window_rows(parsed, learned._use_embed)
    scores = model.scores(rows, cue_rows)
    best = float(scores.max())
    if best > model.threshold:
        cause = "vetoed"
    elif best > model.suspect_level:
        cause = "suspect"
    else:
        cause = "low"
    return Reading(case, False, cause, best)


GATES = (0.0, 0.25, 0.5, 0.75, 1.0)
"""Where the confirmation starts to decide alone (``learned.GATE``), between the first
reading's suspicion level (0) and its alarm (1)."""
LEVELS = (-1.0, 0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
"""The confirmation's level in that band (``learned.BAND_LEVEL``)."""


@dataclass(frozen=True)
class Scored:
    """A case's windows as both stages score them (``None``: the rules flag it)."""

    case: Case
    windows: list[ReadingWindow] | None
    first: np.ndarray
    second: np.ndarray
    model: InjectionModel
    level: float
    """The confirmation's level above the first reading's alarm."""

    def found(self, gate: float, level: float) -> bool:
        """Flagged with the confirmation deciding alone above ``gate`` (a share of the way
        from the suspicion level to the alarm) at ``level``."""
        if self.windows is None:
            return True
        if not self.windows:
            return False
        at = learned.band_gate(self.model, gate)
        threshold = self.model.threshold
        scores = learned.decided(self.first, self.second, threshold, self.level, (at, level))
        return bool(learned._sentences(self.windows, scores, threshold, pair_level=None))


def score_case(case: Case, folder: Path, limits: LimitsSettings) -> Scored:
    """Both stages' scores of every window of ``case`` read as ``eval.injections`` reads it."""
    from assistant.ingest.parse import parse_file

    path = folder / "case.txt"
    path.write_text("\n\n".join([FRAME[0], case.text, FRAME[1]]), encoding="utf-8")
    parsed = parse_file(path, "case.txt", "txt", limits)
    model, confirm = learned.load_model(), learned.__dict__["load_confirm"]()  # as patched
    assert model is not None and confirm is not None
    empty = np.zeros(0)
    if any(b.injection for b in parsed.blocks):
        return Scored(case, None, empty, empty, model, confirm.threshold)
    if not parsed.windows:
        return Scored(case, [], empty, empty, model, confirm.threshold)
    rows, cue_rows = learned.window_rows(parsed, learned._use_embed)
    texts = [" ".join(parsed.text[s:e] for s, e in w.spans) for w in parsed.windows]
    return Scored(
        case,
        list(parsed.windows),
        model.scores(rows, cue_rows),
        confirm.scores(rows, texts),
        model,
        confirm.threshold,
    )


def grid_file(path: Path) -> np.ndarray:
    """[found, positives, false alarms, negatives] of ``path`` at every (gate, level)."""
    limits = LimitsSettings()
    with tempfile.TemporaryDirectory() as tmp:
        scored = [score_case(c, Path(tmp), limits) for c in load_cases(path)]
    out = np.zeros((len(GATES), len(LEVELS), 4), dtype=int)
    for g, gate in enumerate(GATES):
        for k, level in enumerate(LEVELS):
            for item in scored:
                hit = item.found(gate, level)
                if item.case.injection:
                    out[g, k] += [hit, 1, 0, 0]
                else:
                    out[g, k] += [0, 0, hit, 1]
    print_grid(path.stem, out)
    return out


def print_grid(name: str, grid: np.ndarray) -> None:
    print(f"{name}: found/false alarms at gate (rows) x confirmation level (columns)")
    print("gate  " + "".join(f"{level:>11g}" for level in LEVELS))
    for g, gate in enumerate(GATES):
        cells = "".join(f"{f'{c[0]}/{c[1]},{c[2]}':>11}" for c in grid[g])
        print(f"{gate:<6g}{cells}")


def read_file(path: Path, verbose: bool) -> tuple[int, int, int, int, Counter[str]]:
    limits = LimitsSettings()
    with tempfile.TemporaryDirectory() as tmp:
        readings = [read_case(c, Path(tmp), limits) for c in load_cases(path)]
    positives = [r for r in readings if r.case.injection]
    negatives = [r for r in readings if not r.case.injection]
    found = sum(r.flagged for r in positives)
    alarms = sum(r.flagged for r in negatives)
    causes = Counter(r.cause for r in positives)
    by = {k: v for k, v in sorted(causes.items()) if k in ("rules", "learned")}
    missed = {k: v for k, v in sorted(causes.items()) if k not in by}
    alarm_causes = dict(Counter(r.cause for r in negatives if r.flagged))
    print(
        f"{path.stem:<12} found {found}/{len(positives)}   false alarms {alarms}/{len(negatives)}"
        f"   found by {by}   missed: {missed}   alarms by {alarm_causes}"
    )
    if verbose:
        for r in readings:
            if r.flagged != r.case.injection:
                kind = r.cause if r.case.injection else f"false alarm ({r.cause})"
                print(f"  [{kind} {r.best:.2f}] {r.case.id}: {r.case.text[:200]}")
    return found, len(positives), alarms, len(negatives), causes


def author_files() -> list[Path]:
    return sorted(p for p in (EVAL / "injections").glob("dev-w*.jsonl"))


def loao(
    files: Sequence[Path],
    work: Path,
    verbose: bool,
    retrain: bool,
    extra: Sequence[str] = (),
    grid: bool = False,
) -> None:
    from eval import train_injection

    train_injection.refuse_heldout(files)
    work.mkdir(parents=True, exist_ok=True)
    total = np.zeros(4, dtype=int)
    if retrain or not all((work / p.stem / "confirm.json").is_file() for p in files):
        train_injection.main(
            [
                "--leave-out",
                *[p.stem for p in files],
                "--out-dir",
                str(work),
                "--cache",
                str(work / "vectors.npz"),
                *extra,
            ]
        )
    if grid:
        grids = []
        for path in files:
            use_models(work / path.stem)
            grids.append(grid_file(path))
        print_grid("all", np.sum(grids, axis=0))
        return
    for path in files:
        folder = work / path.stem
        use_models(folder)
        found, positives, alarms, negatives, _ = read_file(path, verbose)
        total += [found, positives, alarms, negatives]
    print(f"{'all':<12} found {total[0]}/{total[1]}   false alarms {total[2]}/{total[3]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.injection_loao", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="Case files (.jsonl).")
    parser.add_argument("--models", type=Path, help="Read with the models of this folder.")
    parser.add_argument("--loao", action="store_true", help="Leave each author out in turn.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/injection-loao"),
                        help="With --loao: where the models and vectors are kept.")  # fmt: skip
    parser.add_argument("--retrain", action="store_true", help="With --loao: train again.")
    parser.add_argument("--train-args", default="", help="With --loao: more options of "
                        "eval.train_injection, in one string.")  # fmt: skip
    parser.add_argument("--grid", action="store_true", help="Found and false alarms at "
                        "every gate and confirmation level (GATES x LEVELS).")  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="List the wrong cases.")
    args = parser.parse_args(argv)
    from eval.train_injection import refuse_heldout

    refuse_heldout(args.files)
    if args.loao:
        files = args.files or author_files()
        loao(files, args.work, args.verbose, args.retrain, args.train_args.split(), args.grid)
        return 0
    use_models(args.models)
    for path in args.files:
        if args.grid:
            grid_file(path)
            continue
        read_file(path, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
