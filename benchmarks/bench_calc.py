"""Time the arithmetic checks on a large generated dossier.

Run from the repository root: ``python benchmarks/bench_calc.py [PAGES]``. Builds a Markdown
dossier of PAGES pages (default 60) from eval/docbuild.py with a financial section (break-even,
budget tables, cash-flow plan) repeated every 10 pages, ingests it once, then times
``check_document``. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from assistant.calc import check_document  # after the path set-up above
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings
from eval.docbuild import (
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Table,
    dossier_items,
    write_markdown,
)

FINANCE: list[Item] = [
    Heading("Gestion financière", 2),
    Paragraph(
        "Les charges fixes s'élèvent à 21 000 € et le taux de marge sur coût variable est de "
        "40 %. Le seuil de rentabilité est de 52 500 € (21 000 / 0,40 = 52 500 €)."
    ),
    Table.of(
        [
            ("Poste", "Janvier", "Février", "Mars", "Total"),
            ("Trésorerie début de mois", "5 000", "6 000", "7 500", ""),
            ("Total encaissements", "10 000", "12 000", "9 000", "31 000"),
            ("Total décaissements", "9 000", "10 500", "11 000", "30 500"),
            ("Trésorerie fin de mois", "6 000", "7 500", "5 500", ""),
        ]
    ),
]


def main(pages: int) -> None:
    items: list[Item] = []
    for item in dossier_items(pages):
        items.append(item)
        if isinstance(item, PageBreak) and sum(isinstance(i, PageBreak) for i in items) % 10 == 0:
            items += FINANCE
    with tempfile.TemporaryDirectory() as folder:
        path = write_markdown(items, Path(folder) / "dossier.md")
        doc = ingest_file(path, LimitsSettings())
    times = []
    for _ in range(5):
        start = time.perf_counter()
        report = check_document(doc)
        times.append(time.perf_counter() - start)
    print(f"pages={pages} blocks={len(doc.blocks)} chars={len(doc.text)}")
    print(f"checks={len(report.checks)} alerts={len(report.alerts)}")
    print(f"check_document: median {statistics.median(times):.3f} s, max {max(times):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
