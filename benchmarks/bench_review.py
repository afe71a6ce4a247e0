"""Where a pre-assessment spends its time: the review's phases, cold and warm, as medians.

    python benchmarks/bench_review.py [--pages 40] [--repeat 5] [--epreuve E1]

Each run is a NEW Python process on a generated PDF dossier (eval/docbuild.py). "cold" has an
empty DOSSIER_REVIEW_HOME (nothing parsed, embedded or cached); "warm" reuses the home of a
cold run (the same dossier again: the document, its vectors and the référentiel's query
vectors are on disk). The phases are timed by wrapping the review's own functions; the total
includes Python's start and imports. The machine's load average is printed beside: on a
shared machine wall times move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.docbuild import build_pdf, dossier_items  # noqa: E402  # after the path set-up

CHILD = r"""
import functools, json, sys, time
began = time.perf_counter()
from pathlib import Path
import assistant.index.embedding as embedding
import assistant.review.service as review
import assistant.index.store as store

phases = {}

def timed(owner, name, label):
    inner = getattr(owner, name)
    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            phases[label] = phases.get(label, 0.0) + time.perf_counter() - start
    setattr(owner, name, wrapper)

timed(review.ReviewService, "document", "parse (child process)")
timed(embedding, "_load_use", "model load")
timed(store.VectorStore, "ensure_dossier", "embed + store chunks")
timed(review.ReviewService, "_paraphrases", "paraphrase retrieval")
timed(review, "detect_checkpoints", "detection")
timed(review, "check_document", "calculation checks")
from assistant.services import build_services
start = time.perf_counter()
build_services().review.assess(Path(sys.argv[1]), sys.argv[2])
phases["assess"] = time.perf_counter() - start
phases["process (start to end)"] = time.perf_counter() - began
print(json.dumps(phases))
"""


def run(pdf: Path, epreuve: str, home: Path) -> dict[str, float]:
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", CHILD, str(pdf), epreuve]
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    phases: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return phases


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each phase over the runs, longest phase first."""
    names = {name for r in runs for name in r}
    ordered = sorted(names, key=lambda n: -max(r.get(n, 0.0) for r in runs))
    return {name: statistics.median(r.get(name, 0.0) for r in runs) for name in ordered}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--epreuve", default="E1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as folder:
        pdf = build_pdf(dossier_items(args.pages, seed=args.pages), Path(folder) / "dossier.pdf")
        cold, warm = [], []
        for i in range(args.repeat):
            home = Path(folder) / f"home-{i}"
            cold.append(run(pdf, args.epreuve, home))
            warm.append(run(pdf, args.epreuve, home))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.pages}-page PDF, {args.epreuve}, {args.repeat} runs each, median seconds; "
        f"{os.cpu_count()} cores, load average {load}"
    )
    for name, table in (
        ("cold (empty home)", medians(cold)),
        ("warm (same dossier)", medians(warm)),
    ):
        print(f"\n{name}")
        for phase, seconds in table.items():
            print(f"  {phase:<28} {seconds:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
