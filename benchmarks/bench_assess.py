"""How long a pre-assessment takes, and how much memory, measured in separate processes.

    make bench            # or: python benchmarks/bench_assess.py [--pages 40] [--dossiers 20]

Builds a realistic 40-page PDF dossier (the shipped E1 sample, then generated chapters) and
20 smaller dossiers, then runs each measurement in a NEW Python process so that "cold" is
really cold (nothing imported, nothing cached, an empty DOSSIER_REVIEW_HOME):

- bare text extraction of the PDF with pypdfium2: the floor any tool pays;
- ingestion only (``ingest_file``): parsing, layout, hidden-text checks;
- ``assess`` cold: new process, empty home;
- ``assess`` warm: new process, same home as the cold run (caches filled);
- ``triage`` of 20 dossiers in one process: throughput in dossiers per minute;
- poppler's ``pdftotext`` on the same PDF (the floor of any tool, when installed): each
  single-file measure is also given as a multiple of it.

Wall time is measured around the child; CPU time (user + system) and peak memory (the
maximum resident set size, the child's own children included) come from ``os.wait4``. On a
busy machine wall time grows while CPU time stays put: compare both.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.docbuild import (  # noqa: E402  # the project root is put on the path just above
    Heading,
    Item,
    PageBreak,
    build_pdf,
    dossier_items,
    markdown_to_items,
)

SAMPLE = ROOT / "samples" / "dossier-exemple-E1.md"

FLOOR = """
import sys, pypdfium2
pdf = pypdfium2.PdfDocument(sys.argv[1])
chars = sum(len(page.get_textpage().get_text_range()) for page in pdf)
print(chars, file=sys.stderr)
"""
INGEST = """
import sys
from pathlib import Path
from assistant.services import build_services
document = build_services().ingest(Path(sys.argv[1]))
print(document.meta.words, file=sys.stderr)
"""


@dataclass(frozen=True)
class Measure:
    name: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    note: str = ""


def run_child(name: str, argv: list[str], home: Path, note: str = "") -> Measure:
    """Run ``argv`` in a new process with ``home`` as DOSSIER_REVIEW_HOME; time and peak RSS."""
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"{name} failed ({child.returncode}):\n{errors.decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(name, seconds, cpu, usage.ru_maxrss / 1024, note)


# --------------------------------------------------------------------------- corpus


def sample_items() -> list[Item]:
    items: list[Item] = []
    for item in markdown_to_items(SAMPLE.read_text(encoding="utf-8")):
        if isinstance(item, Heading) and item.level == 1 and items:
            items.append(PageBreak())
        items.append(item)
    return items


def long_dossier(path: Path, pages: int) -> Path:
    """The sample E1 dossier followed by generated chapters, about ``pages`` pages."""
    filler = dossier_items(max(pages - 12, 1), seed=7)[1:]  # without its title
    return build_pdf([*sample_items(), PageBreak(), *filler], path, running_header="Dossier E1")


def small_dossier(path: Path, seed: int) -> Path:
    """A 10-20 page dossier: the sample with a few chapters dropped, plus generated pages."""
    rng = random.Random(seed)
    chapters: list[list[Item]] = [[]]
    for item in sample_items():
        if isinstance(item, PageBreak):
            chapters.append([])
        else:
            chapters[-1].append(item)
    kept = [ch for i, ch in enumerate(chapters) if i == 0 or rng.random() > 0.2]
    items = [it for chapter in kept for it in (*chapter, PageBreak())]
    items += dossier_items(rng.randint(2, 8), seed=seed)[1:]
    return build_pdf(items, path, running_header=f"Dossier {seed}")


def page_count(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


# --------------------------------------------------------------------------- measures


def measure_all(work: Path, pages: int, dossiers: int) -> tuple[list[Measure], int]:
    pdf = long_dossier(work / "dossier-40p.pdf", pages)
    folder = work / "lot"
    folder.mkdir()
    for seed in range(dossiers):
        small_dossier(folder / f"dossier-{seed:02d}.pdf", seed)
    py = sys.executable
    assess = [py, "-m", "assistant", "assess", str(pdf), "--epreuve", "E1", "--format", "json"]
    home = work / "home-assess"
    measures = [
        run_child("extraction de texte brute (plancher)", [py, "-c", FLOOR, str(pdf)], work / "h0"),
        run_child("ingestion seule (ingest_file)", [py, "-c", INGEST, str(pdf)], work / "h1"),
        run_child("assess à froid (home vide)", assess, home),
        run_child("assess à chaud (même home)", assess, home),
    ]
    out = work / "triage.csv"
    triage = [py, "-m", "assistant", "triage", str(folder), "--epreuve", "E1", "--out", str(out)]
    lot = run_child(f"triage de {dossiers} dossiers (home vide)", triage, work / "home-triage")
    rate = dossiers / lot.seconds * 60
    note = f"{rate:.1f} dossiers/min"
    measures.append(Measure(lot.name, lot.seconds, lot.cpu_seconds, lot.peak_mb, note))
    floor = pdftotext_seconds(pdf)
    if floor is not None:
        for index, m in enumerate(measures[:4]):
            measures[index] = Measure(
                m.name, m.seconds, m.cpu_seconds, m.peak_mb, f"{m.seconds / floor:.0f} × pdftotext"
            )
        measures.append(
            Measure("pdftotext (poppler, plancher)", floor, 0.0, 0.0, "temps médian de 3")
        )
    return measures, page_count(pdf)


def pdftotext_seconds(pdf: Path, repeat: int = 3) -> float | None:
    """Median wall time of poppler's ``pdftotext`` on ``pdf``; None when it is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([tool, str(pdf), "-"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def print_table(measures: list[Measure], pages: int) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"Dossier : {pages} pages PDF ; machine : {platform.machine()}, {os.cpu_count()} cœurs, "
        f"charge moyenne {load} ; Python {platform.python_version()}"
    )
    width = max(len(m.name) for m in measures)
    print(f"{'mesure':<{width}}  {'temps (s)':>9}  {'CPU (s)':>7}  {'pic RSS (Mo)':>12}  remarque")
    for m in measures:
        print(
            f"{m.name:<{width}}  {m.seconds:>9.2f}  {m.cpu_seconds:>7.2f}  {m.peak_mb:>12.0f}"
            f"  {m.note}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="pages of the long dossier")
    parser.add_argument("--dossiers", type=int, default=20, help="dossiers in the triage lot")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-assess-") as folder:
        measures, pages = measure_all(Path(folder), args.pages, args.dossiers)
    print_table(measures, pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
