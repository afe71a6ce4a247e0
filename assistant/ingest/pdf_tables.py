"""Ruled tables of a PDF page. The ruling segments come from pypdfium2's path objects; the
grid is found by pdfplumber's ``TableFinder`` (its 'lines' strategy) run over those edges, so
no second parse of the file is needed. Cell text comes from pypdfium2's characters."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from assistant.ingest.pdf_objects import ALIGNED, Box, Segment

logger = logging.getLogger(__name__)

MIN_ROWS = 2
MIN_COLUMNS = 2
MIN_EDGES = 4  # two rows and two columns need at least this many ruling lines


@dataclass(frozen=True)
class TableGrid:
    """A table's outer box and its cell boxes, row by row (PDF user space)."""

    box: Box
    cells: list[list[Box]]

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        left, bottom, right, top = self.box
        if not (left <= x <= right and bottom <= y <= top):
            return None
        for row_index, row in enumerate(self.cells):
            for column, cell in enumerate(row):
                if cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]:
                    return row_index, column
        return None


def find_grids(rules: list[Segment], page_box: Box) -> list[TableGrid]:
    """Ruled tables drawn by ``rules`` on a page; none when pdfplumber cannot make a grid."""
    if not may_hold_grid(rules):
        return []
    from pdfplumber.table import TableFinder

    top = page_box[3]
    page = _EdgesPage([_edge(rule, top) for rule in rules], page_box)
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    try:
        # the 'lines' strategy reads only page.edges and page.bbox
        tables = TableFinder(page, settings).tables  # type: ignore[arg-type]  # duck-typed page
    except Exception as err:  # a degenerate geometry must not lose the page's text
        logger.warning("table detection failed: %s", err)
        return []
    return [grid for table in tables if (grid := _grid(table, top))]


def may_hold_grid(rules: list[Segment]) -> bool:
    """Whether the page's rulings can frame a cell at all (two horizontal and two vertical
    lines at least): a page with a rule under its header only, or with none, is not given to
    the table finder."""
    if len(rules) < MIN_EDGES:
        return False
    horizontal = sum(abs(rule[3] - rule[1]) <= ALIGNED for rule in rules)
    vertical = sum(abs(rule[2] - rule[0]) <= ALIGNED for rule in rules)
    return horizontal >= MIN_ROWS and vertical >= MIN_COLUMNS


class _EdgesPage:
    """The two attributes of a pdfplumber page that TableFinder's 'lines' strategy reads."""

    def __init__(self, edges: list[dict[str, Any]], page_box: Box) -> None:
        self.edges = edges
        self.bbox = (page_box[0], 0.0, page_box[2], page_box[3] - page_box[1])


def _edge(rule: Segment, top: float) -> dict[str, Any]:
    x0, x1 = sorted((rule[0], rule[2]))
    y_low, y_high = sorted((rule[1], rule[3]))
    horizontal = abs(rule[3] - rule[1]) <= ALIGNED
    return {
        "x0": x0,
        "x1": x1,
        "top": top - y_high,
        "bottom": top - y_low,
        "width": x1 - x0,
        "height": y_high - y_low,
        "orientation": "h" if horizontal else "v",
        "object_type": "line",
    }


def _grid(table: Any, top: float) -> TableGrid | None:
    rows = [[_pdf_box(c, top) for c in row.cells if c is not None] for row in table.rows]
    rows = [row for row in rows if row]
    if len(rows) < MIN_ROWS or max(len(row) for row in rows) < MIN_COLUMNS:
        return None
    return TableGrid(_pdf_box(table.bbox, top), rows)


def _pdf_box(box: tuple[float, float, float, float], top: float) -> Box:
    """(x0, top, x1, bottom) measured down from the page top to PDF (left, bottom, right, top)."""
    x0, down_top, x1, down_bottom = box
    return (x0, top - down_bottom, x1, top - down_top)
