"""A table block read as a grid of cells, each with its figure and its span in the document."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.calc.numbers import Number, find_numbers, is_empty_cell, parse_cell
from assistant.document import Block, Document


@dataclass(frozen=True)
class Cell:
    text: str
    start: int = field(compare=False)
    end: int = field(compare=False)
    number: Number | None = None

    @property
    def empty(self) -> bool:
        return is_empty_cell(self.text)


@dataclass
class Grid:
    """The cells of one table; ``header`` rows come first and hold no figure."""

    block: Block
    rows: list[list[Cell]]
    header: int
    doc_text: str = field(repr=False)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell | None:
        cells = self.rows[row]
        return cells[col] if col < len(cells) else None

    def value(self, row: int, col: int) -> float | None:
        """The figure of a cell, 0 for an empty cell ('', '-'), None for text."""
        cell = self.cell(row, col)
        if cell is None or cell.empty:
            return 0.0
        return cell.number.value if cell.number else None

    def row_label(self, row: int) -> str:
        """The first cell of the row when it is text, else ''."""
        first = self.rows[row][0] if self.rows[row] else None
        return first.text.strip() if first and first.number is None else ""

    def column_label(self, col: int) -> str:
        """The header cells above ``col``, joined."""
        parts = [
            self.rows[r][col].text.strip() for r in range(self.header) if col < len(self.rows[r])
        ]
        return " ".join(p for p in parts if p)

    def has_figures(self, row: int) -> bool:
        return any(c.number is not None for c in self.rows[row][1:])

    def group_label(self, row: int) -> str:
        """Label of the nearest row above without figures (a section of the table)."""
        for above in range(row - 1, self.header - 1, -1):
            if not self.has_figures(above) and self.row_label(above):
                return self.row_label(above)
        return ""

    def row_span(self, row: int) -> tuple[int, int]:
        cells = [c for c in self.rows[row] if c.end > c.start]
        if not cells:
            return self.block.start, self.block.end
        return cells[0].start, cells[-1].end

    def row_quote(self, row: int) -> str:
        start, end = self.row_span(row)
        return self.doc_text[start:end]

    def percent_column(self, col: int) -> bool:
        """Every figure below the header in ``col`` is a percentage."""
        units = {
            c.number.unit
            for r in range(self.header, len(self.rows))
            if (c := self.cell(r, col)) is not None and c.number is not None
        }
        return units == {"percent"}

    def numeric_columns(self) -> list[int]:
        """Columns (after the label column) holding at least one figure below the header."""
        return [
            col
            for col in range(1, self.width)
            if any(
                (c := self.cell(r, col)) is not None and c.number is not None
                for r in range(self.header, len(self.rows))
            )
        ]


def read_grids(doc: Document) -> list[Grid]:
    """The grids of the document's evidence tables; a table that a page break cut in two (the
    next evidence block, on the next page, headerless, as wide) is read as one grid."""
    grids: list[Grid] = []
    previous: Grid | None = None
    for block in doc.evidence_blocks():
        parts = read_grid_parts(doc, block)
        grid = parts[0] if parts else None
        if grid is not None and previous is not None and _continues(previous, grid):
            grid = Grid(previous.block, previous.rows + grid.rows, previous.header, doc.text)
            grids[-1] = grid
        elif grid is not None:
            grids.append(grid)
        grids += parts[1:]
        previous = parts[-1] if len(parts) > 1 else grid
    return grids


def _continues(before: Grid, after: Grid) -> bool:
    pages = before.block.page, after.block.page
    return (
        pages[0] is not None
        and pages[1] == pages[0] + 1
        and after.header == 0
        and after.width == before.width
    )


def read_grid(doc: Document, block: Block) -> Grid | None:
    """The grid of a table block, or None when it is not a table or has no figures; the
    first table when the block holds several (see ``read_grid_parts``)."""
    parts = read_grid_parts(doc, block)
    return parts[0] if parts else None


def read_grid_parts(doc: Document, block: Block) -> list[Grid]:
    """The grids of a table block. Two tables one under the other may come out of a PDF as
    one block: a full row of column names under lines of figures (« Mois | Trésorerie début
    | ... » under the lines of a first table) is the header of a second table."""
    block = as_table(block)
    if block.kind != "table" or not block.rows:
        return []
    rows = _locate_cells(doc.text, block)
    grids: list[Grid] = []
    while rows:
        header = 0
        while header < len(rows) and _is_header_row(rows[header]):
            header += 1
        if header >= len(rows):
            break
        end = next(
            (k for k in range(header + 1, len(rows)) if _starts_a_table(rows[k - 1], rows[k])),
            len(rows),
        )
        grids.append(Grid(block=block, rows=rows[:end], header=header, doc_text=doc.text))
        rows = rows[end:]
    return grids


def _starts_a_table(before: list[Cell], row: list[Cell]) -> bool:
    """A header row, every cell filled with words, under a line holding figures."""
    return (
        any(c.number is not None for c in before[1:])
        and _is_header_row(row)
        and all(not c.empty for c in row)
    )


MIN_PIPE_ROWS = 3


def as_table(block: Block) -> Block:
    """``block`` as a table when it is one: a table block, or lines of cells separated by
    « | » that no reader took for a table (a sheet pasted into a code block, lines typed with
    bars). Every line after an optional title line holds a bar, there are at least
    ``MIN_PIPE_ROWS`` such lines, and a bar never stands at a line's start or end only (a
    Markdown table is read by ingestion)."""
    if block.kind == "table" or block.kind not in ("other", "paragraph"):
        return block
    lines = [line for line in block.text.split("\n") if line.strip()]
    if lines and "|" not in lines[0]:
        lines = lines[1:]  # « PLAN DE TRÉSORERIE (onglet "tréso") »
    if len(lines) < MIN_PIPE_ROWS or not all("|" in line for line in lines):
        return block
    rows = [[cell.strip() for cell in line.split("|")] for line in lines]
    if any(not row[0] and not row[-1] for row in rows) or max(len(r) for r in rows) < 2:
        return block  # « | a | b | » lines are a Markdown table a reader left as text
    return block.model_copy(update={"kind": "table", "rows": rows})


def _is_header_row(row: list[Cell]) -> bool:
    """No figure, and more than one filled cell (a one-cell row names a group of rows). A
    row with an amount of money in a cell after the first is a line of the table even when
    a remark beside the amount keeps the cell from being read as a figure (« 600 € (courses
    offertes) »): a header names columns, it does not hold amounts."""
    filled = [c for c in row if not c.empty]
    if len(filled) < 2 or any(c.number for c in row[1:]):
        return False
    return not any(
        n.unit == "currency" for c in row[1:] for n in find_numbers(c.text, accounting=True)
    )


def _locate_cells(text: str, block: Block) -> list[list[Cell]]:
    """Cells with their offsets in ``text``, found in order inside the block's text."""
    cursor = block.start
    rows: list[list[Cell]] = []
    for raw_row in block.rows or []:
        row: list[Cell] = []
        for raw in raw_row:
            content = raw.strip()
            found = text.find(content, cursor, block.end) if content else -1
            start, end = (found, found + len(content)) if found >= 0 else (cursor, cursor)
            cursor = end if found >= 0 else cursor
            row.append(Cell(text=content, start=start, end=end, number=parse_cell(content)))
        rows.append(row)
    return rows
