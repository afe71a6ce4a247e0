"""The calculation check alone on labelled sets, every format: errors found, false alarms.

    python -m eval.calc_run [--set styles-figures3 ...] [--devset DIR ...]
                            [--format md pdf docx odt] [-v]

Each dossier is rendered as ``eval.run`` renders it (eval/docbuild.py), ingested by the
project's ingestion and checked by ``assistant.calc.check_document`` with the default
settings; alerts are scored as ``eval.run`` scores them (``eval.metrics.alert_matches_error``).
It skips checkpoint detection, so it is quick; ``eval.run`` stays the reference (the engine may
drop or add nothing to the calculation alerts, so both give the same calculation figures).
``-v`` prints every false alarm and every missed figure. Never run it on a held-out set
while developing (eval/README.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.calc import check_document
from assistant.ingest.pipeline import ingest_file
from assistant.settings import Settings
from eval.labels import load_labels
from eval.metrics import alert_matches_error
from eval.run import SETS, render


def measure(folder: Path, fmt: str, *, verbose: bool = False) -> tuple[int, int, int, list[str]]:
    """(found, labelled, false alarms, lines of detail) for the set in ``folder``."""
    settings = Settings()
    found = total = false_alarms = 0
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="calc-run-") as tmp:
        for label in load_labels(folder):
            path = render(folder / label.file, fmt, Path(tmp))
            doc = ingest_file(path, settings.limits)
            alerts = check_document(doc, **settings.calc.model_dump()).alerts
            errors = label.calculation_errors
            total += len(errors)
            for error in errors:
                if any(alert_matches_error(a, error) for a in alerts):
                    found += 1
                elif verbose:
                    lines.append(
                        f"  MISSED {label.file}: {error.figure!r} (expected {error.expected})"
                    )
            for alert in alerts:
                if not any(alert_matches_error(alert, e) for e in errors):
                    false_alarms += 1
                    if verbose:
                        lines.append(
                            f"  FALSE {label.file} p.{alert.page}: {alert.message}\n"
                            f"        quote: {alert.quote[:300]!r}"
                        )
    return found, total, false_alarms, lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.calc_run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(SETS), default=[])
    parser.add_argument("--devset", dest="folders", action="append", type=Path, default=[])
    parser.add_argument("--format", dest="formats", nargs="+", default=["md"],
                        choices=["md", "pdf", "docx", "odt", "txt"])  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    folders = [(name, SETS[name]) for name in args.sets] + [(str(f), f) for f in args.folders]
    if not folders:
        parser.error("give --set or --devset")
    for name, folder in folders:
        for fmt in args.formats:
            found, total, false_alarms, lines = measure(folder, fmt, verbose=args.verbose)
            print(f"{name} {fmt}: found {found}/{total}, false alarms {false_alarms}")
            for line in lines:
                print(line)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
