"""Ingestion speed and memory on generated French dossiers (40 and 200 pages).

Run from anywhere: ``python benchmarks/bench_ingest.py [--repeat 3]``. For each file it
reports the median wall time of ``ingest_file`` (child process start, parsing, transfer,
language detection), the median of the same parse run in-process, the mean CPU time and the
peak resident memory of the parsing child (``getrusage(RUSAGE_CHILDREN)``, measured in a fresh
process per file so that figures do not mix). Wall times depend on the machine and its load;
CPU times much less.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from assistant.ingest import ingest_file  # after the path set-up above
from assistant.settings import LimitsSettings
from eval.docbuild import build_docx, build_pdf, dossier_items

HEADER = "Dossier professionnel — Bachelor RPMC — Session 2025"
CASES = {
    "PDF 40 p.": ("pdf", 40),
    "PDF 200 p.": ("pdf", 200),
    "DOCX 40 p.": ("docx", 40),
}


def _build(folder: Path, kind: str, pages: int) -> Path:
    items = dossier_items(pages, seed=pages)
    path = folder / f"dossier_{pages}.{kind}"
    if kind == "pdf":
        return build_pdf(items, path, running_header=HEADER)
    return build_docx(items, path, running_header=HEADER)


def measure(path: Path, repeat: int) -> dict[str, float | int]:
    """Run in a fresh process: times and the parsing children's peak memory."""
    isolated, in_process = [], []
    document = None
    for _ in range(repeat):
        start = time.perf_counter()
        document = ingest_file(path, LimitsSettings())
        isolated.append(time.perf_counter() - start)
        start = time.perf_counter()
        ingest_file(path, LimitsSettings(isolate_parsing=False))
        in_process.append(time.perf_counter() - start)
    assert document is not None
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "child_cpu_s": (children.ru_utime + children.ru_stime) / repeat,
        "wall_s": statistics.median(isolated),
        "in_process_s": statistics.median(in_process),
        "child_peak_mb": children.ru_maxrss / 1024,
        "size_kb": path.stat().st_size // 1024,
        "pages": document.meta.pages or 0,
        "blocks": len(document.blocks),
        "tables": sum(b.kind == "table" for b in document.blocks),
        "words": document.meta.words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return
    print(
        "| file | size (KB) | pages | blocks | tables | words | ingest_file wall (s) "
        "| in-process wall (s) | child CPU (s) | child peak RSS (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, (kind, pages) in CASES.items():
            path = _build(Path(folder), kind, pages)
            repeat = str(args.repeat)
            command = [sys.executable, __file__, "--measure", str(path), "--repeat", repeat]
            row = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
            print(
                f"| {name} | {row['size_kb']} | {row['pages']} | {row['blocks']} | {row['tables']}"
                f" | {row['words']} | {row['wall_s']:.2f} | {row['in_process_s']:.2f}"
                f" | {row['child_cpu_s']:.2f} | {row['child_peak_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
