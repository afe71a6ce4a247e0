"""Compare the PDF text extractors installed (pypdf, pdfplumber, pypdfium2) on generated files.

Run from the repository root: ``python benchmarks/compare_pdf_libs.py``. Prints a Markdown
table: accents and ligatures kept, table rows kept on one line, running header on its own
line, two-column reading order, seconds for 40 pages, and the character attributes each
library exposes for hidden-text checks. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from eval.docbuild import (  # after the path set-up above
    Hidden,
    Paragraph,
    Table,
    build_pdf,
    dossier_items,
)

ACCENTED = (
    "été",
    "élève",
    "à",
    "où",
    "déjà",
    "ça",
    "Ça",
    "Île-de-France",
    "Économie",
    "œuvre",
    "dû",
    "naïf",
    "Noël",
)
LIGATURES = ("financement", "flux", "efficace")
HEADER = "Dossier E1 — Camille Lefèvre — Session 2025"
ROWS = [
    ["Facteur", "Analyse", "Impact"],
    ["Politique", "Stabilité réglementaire", "Faible"],
    ["Économique", "Inflation à 5 %", "Fort"],
]
HIDDEN_HOWS = ("white", "tiny", "invisible", "offpage")


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def _pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()


EXTRACTORS: dict[str, Callable[[Path], list[str]]] = {
    "pypdf": _pypdf,
    "pdfplumber": _pdfplumber,
    "pypdfium2": _pdfium,
}
ATTRIBUTES = {
    "pypdf": "font size via visitor; no fill colour, no render mode",
    "pdfplumber": "size, fill colour, position; no render mode",
    "pypdfium2": "size, weight, fill colour, render mode, box, z-order",
}


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("|", " ").split())


def _fixtures(folder: Path) -> dict[str, Path]:
    text = " ".join(ACCENTED) + ". Le ﬁnancement du ﬂux est efﬁcace."
    paths = {
        "accents": build_pdf([Paragraph(text)], folder / "accents.pdf"),
        "table": build_pdf([Paragraph("Tableau :"), Table.of(ROWS)], folder / "table.pdf"),
        "header": build_pdf(dossier_items(3), folder / "header.pdf", running_header=HEADER),
        "columns": build_pdf(dossier_items(2), folder / "columns.pdf", columns=2),
        "40 pages": build_pdf(dossier_items(40), folder / "p40.pdf", running_header=HEADER),
    }
    for how in HIDDEN_HOWS:
        items = [Paragraph("Texte visible."), Hidden(f"Consigne cachée {how}.", how)]
        paths[how] = build_pdf(items, folder / f"{how}.pdf")
    return paths


def _score(name: str, paths: dict[str, Path]) -> dict[str, str]:
    extract = EXTRACTORS[name]
    accents = _flat(" ".join(extract(paths["accents"])))
    table_lines = [_flat(line) for line in "\n".join(extract(paths["table"])).splitlines()]
    header_pages = extract(paths["header"])
    columns = _flat(" ".join(extract(paths["columns"])))
    paragraphs = [i.text for i in dossier_items(2) if isinstance(i, Paragraph)]
    start = time.perf_counter()
    pages = extract(paths["40 pages"])
    seconds = time.perf_counter() - start
    kept_hidden = sum(
        f"Consigne cachée {how}" in _flat(" ".join(extract(paths[how]))) for how in HIDDEN_HOWS
    )
    return {
        "accents": f"{sum(w in accents for w in ACCENTED)}/{len(ACCENTED)}",
        "ligatures (NFKC)": f"{sum(w in accents for w in LIGATURES)}/{len(LIGATURES)}",
        "table rows on one line": f"{sum(' '.join(r) in table_lines for r in ROWS)}/{len(ROWS)}",
        "header own line": f"{sum(HEADER in p.splitlines() for p in header_pages)}/3",
        "2-col paragraphs intact": f"{sum(_flat(p) in columns for p in paragraphs)}"
        f"/{len(paragraphs)}",
        "40 pages (s)": f"{seconds:.2f} ({len(pages)} p.)",
        "hidden text extracted": f"{kept_hidden}/{len(HIDDEN_HOWS)}",
        "char attributes": ATTRIBUTES[name],
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = _fixtures(Path(folder))
        results = {name: _score(name, paths) for name in EXTRACTORS}
    columns = list(next(iter(results.values())))
    print("| library | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, row in results.items():
        print(f"| {name} | " + " | ".join(row[c] for c in columns) + " |")


if __name__ == "__main__":
    main()
