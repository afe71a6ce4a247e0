"""Figures of a document, each with its page, span, quote and the words that name it.

In prose the label is the text between the start of the sentence (or the previous figure) and
the figure, ``after`` the text up to the end of the sentence (or the next figure). In a table
the label is the row header (or, for a 'Total' row, the group it closes) and ``column`` the
column header.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pydantic import BaseModel, Field

from assistant.calc.grid import Cell, Grid, as_table, read_grid_parts
from assistant.calc.numbers import Number, Period, Unit, find_numbers
from assistant.calc.vocabulary import is_total
from assistant.document import Block, Document
from assistant.textnorm import trim_span

_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
_FULL_STOP = re.compile(r"[.!?](?=\s|$)|\n")


class Figure(BaseModel):
    """One figure of the dossier; offsets are into ``Document.text``."""

    value: float = Field(description="The value; a percentage as written (35 % -> 35).")
    unit: Unit
    raw: str = Field(description="The figure as written, e.g. '42 000 €'.")
    step: float = Field(description="Value of one unit of the last digit written (rounding).")
    start: int
    end: int
    page: int | None
    block: int = Field(description="Index of the block holding the figure.")
    body: int = Field(
        0,
        description="Position of that block among the blocks that may serve as evidence: "
        "distances are counted in it (a page footer between two paragraphs does not count).",
    )
    section: list[str] = Field(default_factory=list)
    label: str = Field("", description="Words naming the figure: before it, or row header.")
    after: str = Field("", description="Words after the figure in its sentence (prose).")
    lead: str = Field("", description="The sentence before the figure, across ';' (prose).")
    column: str | None = Field(None, description="Column header, for a table cell.")
    row: int | None = Field(None, description="Row of a table cell, from 0.")
    col: int | None = Field(None, description="Column of a table cell, from 0.")
    period: Period | None = Field(None, description="'month' for '1 750 € par mois'.")
    context_start: int = Field(description="Start of the sentence or table row.")
    context_end: int = Field(description="End of the sentence or table row.")

    @property
    def in_table(self) -> bool:
        return self.row is not None

    def same_sentence(self, other: Figure) -> bool:
        """Both figures stand in one sentence (or one table row)."""
        return self.block == other.block and self.context_start == other.context_start

    def fraction(self) -> float:
        """The value as a plain number, a percentage as a fraction."""
        return self.value / 100 if self.unit == "percent" else self.value

    def quote(self, text: str, limit: int = 300) -> str:
        """The sentence or table row holding the figure, verbatim (cut around it if long)."""
        start, end = self.quote_span(text, limit)
        return text[start:end]

    def quote_span(self, text: str, limit: int = 300) -> tuple[int, int]:
        """Span of ``quote`` in ``text``: the context, cut around the figure, trimmed."""
        start, end = self.context_start, self.context_end
        if end - start > limit:
            start = max(start, self.start - limit // 2)
            end = min(end, start + limit)
        return trim_span(text, start, end)


def prose_blocks(figures: list[Figure]) -> dict[int, list[Figure]]:
    """The figures outside tables, by block, in reading order."""
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        if not figure.in_table:
            by_block.setdefault(figure.block, []).append(figure)
    return by_block


def document_figures(doc: Document) -> list[Figure]:
    """Every figure of the blocks that may serve as evidence, in reading order."""
    figures: list[Figure] = []
    for block in doc.evidence_blocks():
        if as_table(block).kind == "table":
            for grid in read_grid_parts(doc, block):
                figures += table_figures(doc, grid)
        else:
            figures += prose_figures(doc, block)
    return figures


def prose_figures(doc: Document, block: Block) -> list[Figure]:
    text = block.text
    numbers = find_numbers(text)
    ends = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    stops = [0] + [m.end() for m in _FULL_STOP.finditer(text)]
    figures = []
    for i, number in enumerate(numbers):
        sentence_start = max(e for e in ends if e <= number.start)
        lead_start = max(e for e in stops if e <= number.start)
        sentence_end = _sentence_end(text, number.end)
        left = max(sentence_start, numbers[i - 1].end if i else 0)
        right = min(sentence_end, numbers[i + 1].start if i + 1 < len(numbers) else len(text))
        figures.append(
            _figure(
                doc,
                block,
                number,
                label=text[left : number.start],
                after=text[number.end : right],
                lead=text[lead_start : number.start],
                context=(sentence_start, sentence_end),
            )
        )
    return figures


def table_figures(doc: Document, grid: Grid) -> list[Figure]:
    figures = []
    for r in range(grid.header, len(grid.rows)):
        label = grid.row_label(r)
        if is_total(label) and len(label.split()) <= 2:
            label = f"{label} {grid.group_label(r)}".strip()
        for c, cell in enumerate(grid.rows[r]):
            if cell.number is None:
                continue
            figure = cell_figure(doc, grid, r, cell, cell.number, label=label)
            figures.append(figure.model_copy(update={"col": c, "column": grid.column_label(c)}))
    return figures


def cell_figure(
    doc: Document, grid: Grid, row: int, cell: Cell, number: Number, *, label: str
) -> Figure:
    """A figure of a table cell (``number``'s offsets are into the cell's text), its context
    the whole row."""
    block = grid.block
    local = replace(
        number,
        start=cell.start + number.start - block.start,
        end=cell.start + number.end - block.start,
    )
    start, end = grid.row_span(row)
    context = (start - block.start, end - block.start)
    figure = _figure(doc, block, local, label=label, after="", context=context)
    return figure.model_copy(update={"row": row})


_RANKS: list[tuple[Document, dict[int, int]]] = []  # the last document's ranks


def _body_rank(doc: Document, block: Block) -> int:
    """``block``'s position among ``doc``'s evidence blocks: distances between figures
    (« within the next 6 blocks ») are read in the body the student wrote, so a running
    footer (« Page 6 ») between two paragraphs of a PDF does not push a computation out of
    reach of the one it follows."""
    if not _RANKS or _RANKS[0][0] is not doc:
        ranks = {b.index: rank for rank, b in enumerate(doc.evidence_blocks())}
        _RANKS[:] = [(doc, ranks)]
    return _RANKS[0][1].get(block.index, block.index)


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset)
    return found.end() if found else len(text)


def _figure(
    doc: Document,
    block: Block,
    number: Number,
    *,
    label: str,
    after: str,
    context: tuple[int, int],
    lead: str = "",
) -> Figure:
    start, end = block.start + number.start, block.start + number.end
    return Figure(
        value=number.value,
        unit=number.unit,
        raw=doc.text[start:end],
        step=number.step,
        start=start,
        end=end,
        page=block.page if block.page is not None else doc.page_at(start),
        block=block.index,
        body=_body_rank(doc, block),
        section=list(block.section),
        label=" ".join(label.split()),
        after=" ".join(after.split()),
        lead=" ".join(lead.split()),
        period=number.period,
        context_start=block.start + context[0],
        context_end=block.start + context[1],
    )
