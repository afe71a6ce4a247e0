"""The dossier cut into units that detection reads: headings, sentences and table cells.

Every unit keeps its character span in ``Document.text``, its page and its section, so that
any quote taken from it is verbatim. Hidden and boilerplate blocks, tables of contents, and
spans given as excluded (injection passages), yield no unit: they can never be evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from assistant.detect.lexicon import TOC_LINE
from assistant.detect.sentences import sentence_spans
from assistant.detect.toc import toc_blocks
from assistant.document import Block, Document
from assistant.textnorm import fold_apostrophes, stem, trim_span

UnitKind = Literal["heading", "sentence", "cell"]

_WORD = re.compile(r"[\w'’-]+")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    text: str
    folded: str
    stem: str
    start: int


@dataclass(frozen=True)
class Unit:
    """A heading, a sentence or a table cell, with its provenance."""

    index: int
    kind: UnitKind
    start: int
    end: int
    page: int | None
    section: tuple[str, ...]
    block: int
    tokens: tuple[Token, ...]
    row: int | None = None
    column: int | None = None
    first_in_block: bool = False
    text: str = field(default="", repr=False)


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Folded, stemmed tokens of ``text`` with their offsets (plus ``base``)."""
    raw: list[tuple[str, str, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        folded = _ELISION.sub("", fold_apostrophes(word)).strip("'-")
        if folded:
            raw.append((word, folded, base + match.start()))
    stems = stem([f for _, f, _ in raw])
    return [Token(w, f, s, o) for (w, f, o), s in zip(raw, stems, strict=True)]


def build_units(doc: Document, excluded: Sequence[tuple[int, int]] = ()) -> list[Unit]:
    """Units of every evidence block of ``doc``, in reading order, minus ``excluded`` spans."""
    units: list[Unit] = []
    contents = toc_blocks(doc)
    for block in doc.evidence_blocks():
        if block.index in contents:
            continue
        pieces = _block_pieces(doc, block)
        for n, (kind, start, end, row, column) in enumerate(pieces):
            if end <= start or _overlaps(start, end, excluded):
                continue
            text = doc.text[start:end]
            if TOC_LINE.search(text):
                continue
            units.append(
                Unit(
                    index=len(units),
                    kind=kind,
                    start=start,
                    end=end,
                    page=block.page if block.page is not None else doc.page_at(start),
                    section=tuple(block.section),
                    block=block.index,
                    tokens=tuple(tokenize(text, start)),
                    row=row,
                    column=column,
                    first_in_block=n == 0,
                    text=text,
                )
            )
    return units


Piece = tuple[UnitKind, int, int, int | None, int | None]


def _block_pieces(doc: Document, block: Block) -> list[Piece]:
    if block.kind == "heading":
        return [("heading", *trim_span(doc.text, block.start, block.end), None, None)]
    if block.kind == "table" and block.rows:
        return _cell_pieces(doc.text, block)
    return [("sentence", s, e, None, None) for s, e in sentence_spans(block.text, block.start)]


def _cell_pieces(text: str, block: Block) -> list[Piece]:
    """One piece per non-empty cell, located in the block's 'cell | cell' lines."""
    pieces: list[Piece] = []
    cursor = block.start
    assert block.rows is not None
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            cell = cell.strip()
            if not cell:
                continue
            found = text.find(cell, cursor, block.end)
            if found < 0:
                continue
            pieces.append(("cell", found, found + len(cell), r, c))
            cursor = found + len(cell)
    return pieces


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
