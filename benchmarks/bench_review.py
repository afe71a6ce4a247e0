"""Where a pre-assessment spends its time: parse, detect, embed, calc, render, cold and warm.

    make bench            # or: python benchmarks/bench_review.py [--pages 40] [--repeat 3]

Each run is a NEW Python process on a generated PDF dossier (eval/docbuild.py). "cold" has an
empty DOSSIER_REVIEW_HOME (nothing parsed, embedded or cached); "warm" reuses the home of a
cold run (the same dossier again: answered from the result cache, so its phases are 0). The
phases are timed by wrapping the review's own functions ("meaning": the passages embedded
and scored by the passage model, the model's load included when the parse did not hide it;
"embed": the store's index, 0 on the offline path unless ``retrieval.offline_paraphrases``
is on); "process" includes Python's start and imports
("cpu": user + system seconds, the parsing child's included; "peak MB": the largest
resident set of the process or its child) and is compared with poppler's ``pdftotext`` on
the same file, the floor of any tool. The machine's load average is printed beside: on a
shared machine wall times move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.docbuild import build_pdf, dossier_items  # noqa: E402  # after the path set-up

CHILD = r"""
import functools, json, sys, time
began = time.perf_counter()
from pathlib import Path
import assistant.calc as calc
import assistant.detect as detect
import assistant.index as index
import assistant.review.service as review

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

timed(review.ReviewService, "document", "parse")
timed(index.DossierIndex, "index", "embed")
timed(review.ReviewService, "_paraphrases", "embed")
timed(review.ReviewService, "meaning_scan", "meaning")
timed(detect, "detect_checkpoints", "detect")
timed(calc, "check_document", "calc")
from assistant.services import build_services
services = build_services()
start = time.perf_counter()
assessment = services.review.assess(Path(sys.argv[1]), sys.argv[2])
phases["assess"] = time.perf_counter() - start
start = time.perf_counter()
from assistant.report import render
render(assessment, services.referentiel, "md")
phases["render"] = time.perf_counter() - start
from assistant.ingest.parse_server import close_servers
close_servers()  # the parse server and its children, waited for: their CPU time counts
phases["process"] = time.perf_counter() - began
import resource
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
phases["cpu"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
phases["peak MB"] = max(own.ru_maxrss, kids.ru_maxrss) / 1024
print(json.dumps(phases))
"""
PHASES = (
    "parse",
    "meaning",
    "detect",
    "embed",
    "calc",
    "render",
    "assess",
    "process",
    "cpu",
    "peak MB",
)


def run(pdf: Path, epreuve: str, home: Path) -> dict[str, float]:
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", CHILD, str(pdf), epreuve]
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    phases: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return phases


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each phase over the runs (0 for a phase a run skipped)."""
    return {name: statistics.median(r.get(name, 0.0) for r in runs) for name in PHASES}


def pdftotext_seconds(pdf: Path, repeat: int) -> float | None:
    """Median wall time of poppler's ``pdftotext`` on ``pdf`` (the floor); None if absent."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([tool, str(pdf), "-"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--epreuve", default="E1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as folder:
        pdf = build_pdf(dossier_items(args.pages, seed=args.pages), Path(folder) / "dossier.pdf")
        pages = len(pypdfium2.PdfDocument(str(pdf)))
        load_before = load()
        floor = pdftotext_seconds(pdf, args.repeat)
        cold, warm = [], []
        for i in range(args.repeat):
            home = Path(folder) / f"home-{i}"
            cold.append(run(pdf, args.epreuve, home))
            warm.append(run(pdf, args.epreuve, home))
    print(
        f"{pages}-page PDF, {args.epreuve}, {args.repeat} runs each, median seconds; "
        f"{platform.machine()}, {os.cpu_count()} cores, load average {load_before} before, "
        f"{load()} after"
    )
    if floor is None:
        print("pdftotext absent (apt-get install poppler-utils): no ratio to the floor")
    else:
        print(f"pdftotext (floor): {floor:.2f} s")
    table = {"cold (empty home)": medians(cold), "warm (same dossier)": medians(warm)}
    print(f"\n{'phase':<10}" + "".join(f"{name:>22}" for name in table))
    for phase in PHASES:
        print(f"{phase:<10}" + "".join(f"{t[phase]:>22.2f}" for t in table.values()))
    if floor:
        ratios = "".join(f"{t['process'] / floor:>21.0f}x" for t in table.values())
        print(f"{'÷ floor':<10}{ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
