"""Characters of a PDF page into lines (pdfium's reading order and line ends), split where
the visibility changes; characters inside a ruled table go to its cells instead."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from assistant.document import HiddenReason
from assistant.ingest.pdf_chars import PdfChar
from assistant.ingest.pdf_objects import Box
from assistant.ingest.pdf_tables import TableGrid

BAND = 0.06  # share of the page height holding running headers and footers


@dataclass
class PdfLine:
    """A run of characters on one baseline with one visibility, or a table's place."""

    page: int
    text: str
    box: Box
    size: float
    bold: bool
    hidden: HiddenReason | None
    baseline: float
    rows: list[list[str]] | None = None  # set for the place of a table

    @property
    def is_table(self) -> bool:
        return self.rows is not None


@dataclass
class _Piece:
    chars: list[PdfChar] = field(default_factory=list)
    hidden: HiddenReason | None = None

    def has_text(self) -> bool:
        return any(c.box is not None and not c.text.isspace() for c in self.chars)


@dataclass
class _TableCells:
    grid: TableGrid
    cells: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    line: PdfLine | None = None  # the table's place among the lines, once seen

    def rows(self) -> list[list[str]]:
        return [
            [" ".join("".join(self.cells.get((r, c), [])).split()) for c in range(len(row))]
            for r, row in enumerate(self.grid.cells)
        ]


def page_lines(
    chars: list[PdfChar], page: int, page_box: Box, grids: list[TableGrid]
) -> list[PdfLine]:
    """Lines of one page: headers first, footers last, the rest in pdfium's order."""
    tables = [_TableCells(grid) for grid in grids]
    lines: list[PdfLine] = []
    piece = _Piece()
    current_cell: tuple[_TableCells, tuple[int, int]] | None = None
    for char in chars:
        text, box, _size, _bold, hidden, _colour = char  # unpacked once: read many times
        if text in "\r\n":
            if current_cell is not None:
                table, cell = current_cell
                table.cells.setdefault(cell, []).append(" ")
            current_cell = None
            _close(piece, page, lines)
            piece = _Piece()
            continue
        target = _table_target(char, tables) if tables and hidden is None else None
        if target is None and box is None and current_cell is not None:
            target = current_cell
        if target is not None:
            current_cell = target
            _add_to_cell(target, char, piece, page, lines)
            continue
        current_cell = None
        if box is not None and hidden != piece.hidden and not text.isspace():
            _close(piece, page, lines)
            piece = _Piece(hidden=hidden)
        piece.chars.append(char)
    _close(piece, page, lines)
    _finish_tables(tables)
    return _by_band(lines, page_box)


def _table_target(
    char: PdfChar, tables: list[_TableCells]
) -> tuple[_TableCells, tuple[int, int]] | None:
    if char.box is None:
        return None
    x, y = (char.box[0] + char.box[2]) / 2, (char.box[1] + char.box[3]) / 2
    for table in tables:
        cell = table.grid.cell_at(x, y)
        if cell is not None:
            return table, cell
    return None


def _add_to_cell(
    target: tuple[_TableCells, tuple[int, int]],
    char: PdfChar,
    piece: _Piece,
    page: int,
    lines: list[PdfLine],
) -> None:
    table, cell = target
    table.cells.setdefault(cell, []).append(" " if char.box is None else char.text)
    if table.line is None:
        _close(piece, page, lines)
        piece.chars.clear()
        box = table.grid.box
        table.line = PdfLine(page, "", box, 0.0, False, None, box[1], rows=[])
        lines.append(table.line)


def _finish_tables(tables: list[_TableCells]) -> None:
    """Fill each table's place with its rows once every character has been read."""
    for table in tables:
        if table.line is not None:
            table.line.rows = table.rows()


def _close(piece: _Piece, page: int, lines: list[PdfLine]) -> None:
    if not piece.has_text():
        return
    real = [c for c in piece.chars if c.box is not None and not c.text.isspace()]
    boxes = [c.box for c in real if c.box is not None]
    text = "".join(c.text for c in piece.chars).strip()
    bottoms = Counter(round(b[1], 1) for b in boxes)
    lines.append(
        PdfLine(
            page=page,
            text=text,
            box=(
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            ),
            size=median(c.size for c in real),
            bold=all(c.bold for c in real),
            hidden=piece.hidden,
            baseline=bottoms.most_common(1)[0][0],
        )
    )


def _by_band(lines: list[PdfLine], page_box: Box) -> list[PdfLine]:
    """Lines in the top band first and in the bottom band last (stable otherwise)."""
    height = page_box[3] - page_box[1]
    top_limit = page_box[3] - BAND * height
    bottom_limit = page_box[1] + BAND * height

    def band(line: PdfLine) -> int:
        if line.is_table or line.hidden is not None:
            return 1
        if line.box[1] >= top_limit:
            return 0
        return 2 if line.box[3] <= bottom_limit else 1

    return sorted(lines, key=band)
