"""Ruled tables of a PDF: pdfplumber finds the grid (cell boxes) on the pages that draw lines;
the cell text itself comes from pypdfium2's characters, the one text source of the reader."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.pdf_objects import Box

logger = logging.getLogger(__name__)

MIN_ROWS = 2
MIN_COLUMNS = 2


@dataclass(frozen=True)
class TableGrid:
    """A table's outer box and its cell boxes, row by row (PDF user space)."""

    box: Box
    cells: list[list[Box]]

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        for row_index, row in enumerate(self.cells):
            for column, cell in enumerate(row):
                if cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]:
                    return row_index, column
        return None


def find_grids(path: Path, pages: list[int]) -> dict[int, list[TableGrid]]:
    """Ruled tables of the given 1-based pages; a page pdfplumber cannot read has none."""
    if not pages:
        return {}
    import pdfplumber

    grids: dict[int, list[TableGrid]] = {}
    with pdfplumber.open(path) as pdf:
        for number in pages:
            page = pdf.pages[number - 1]
            try:
                grids[number] = [
                    grid for table in page.find_tables() if (grid := _grid(table, page.height))
                ]
            except Exception as err:  # pdfminer raises many types on odd pages
                logger.warning("table detection failed on page %d: %s", number, err)
            finally:
                page.close()
    return grids


def _grid(table: object, height: float) -> TableGrid | None:
    rows: list[list[Box]] = []
    for row in table.rows:  # type: ignore[attr-defined]  # pdfplumber is untyped
        cells = [_pdf_box(cell, height) for cell in row.cells if cell is not None]
        if cells:
            rows.append(cells)
    if len(rows) < MIN_ROWS or max(len(r) for r in rows) < MIN_COLUMNS:
        return None
    return TableGrid(_pdf_box(table.bbox, height), rows)  # type: ignore[attr-defined]


def _pdf_box(box: tuple[float, float, float, float], height: float) -> Box:
    """pdfplumber's (x0, top, x1, bottom) from the top edge to PDF (left, bottom, right, top)."""
    x0, top, x1, bottom = box
    return (x0, height - bottom, x1, height - top)
