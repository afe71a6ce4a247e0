"""PDF lines into blocks: paragraphs joined by line pitch, headings by font size, weight and
numbering ('2.3 Analyse PESTEL'), bullets into list items, tables, hidden runs apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from assistant.document import BlockKind
from assistant.ingest.headings import numbered_heading_level
from assistant.ingest.pdf_lines import PdfLine
from assistant.ingest.raw import RawBlock, table_text

HEADING_SCALE = 1.15  # a line this much larger than the body text is a heading
MAX_HEADING_CHARS = 150
_BULLET = re.compile(r"^[•◦▪■‣●○➢►✓\uf0b7\uf0a7\uf076\uf0d8\-–*]\s+")
_ENDS_LIKE_SENTENCE = (".", ":", ";", ",")


@dataclass(frozen=True)
class BodyStyle:
    """The document's body text: size, line pitch, weight; and its heading sizes."""

    size: float
    pitch: float
    bold: bool
    heading_sizes: tuple[float, ...]

    @classmethod
    def of(cls, lines: list[PdfLine]) -> BodyStyle:
        visible = [line for line in lines if line.hidden is None and not line.is_table]
        sizes: Counter[float] = Counter()
        bold = 0
        for line in visible:
            sizes[round(line.size * 2) / 2] += len(line.text)
            bold += len(line.text) if line.bold else 0
        size = sizes.most_common(1)[0][0] if sizes else 10.0
        headings = sorted({s for s in sizes if s >= size * HEADING_SCALE}, reverse=True)
        return cls(
            size, _common_pitch(visible, size), bold * 2 > sum(sizes.values()), tuple(headings)
        )

    def heading_level(self, line: PdfLine) -> int | None:
        """Outline level when ``line`` looks like a heading, else None."""
        text = line.text
        if line.hidden is not None or line.is_table or len(text) > MAX_HEADING_CHARS:
            return None
        if not any(c.isalpha() for c in text):
            return None
        numbered = numbered_heading_level(text)
        size = round(line.size * 2) / 2
        if size in self.heading_sizes:
            return numbered or self.heading_sizes.index(size) + 1
        strong = line.bold and not self.bold and size >= self.size - 0.5
        if strong and (numbered or _title_like(text)):
            return numbered or len(self.heading_sizes) + 1
        return None


def _title_like(text: str) -> bool:
    return text[0].isupper() and not text.endswith(_ENDS_LIKE_SENTENCE) and len(text) <= 80


def _common_pitch(lines: list[PdfLine], size: float) -> float:
    """Most common distance between consecutive baselines of body lines."""
    pitches: Counter[float] = Counter()
    for before, after in pairwise(lines):
        if before.page == after.page and abs(before.size - size) < 0.6:
            pitch = round(before.baseline - after.baseline, 0)
            if 0 < pitch < size * 3:
                pitches[pitch] += 1
    return pitches.most_common(1)[0][0] if pitches else size * 1.3


@dataclass
class _Block:
    kind: BlockKind
    lines: list[PdfLine] = field(default_factory=list)
    level: int | None = None

    @property
    def last(self) -> PdfLine:
        return self.lines[-1]


def lines_to_blocks(lines: list[PdfLine], body: BodyStyle) -> list[RawBlock]:
    blocks: list[_Block] = []
    for line in lines:
        current = blocks[-1] if blocks else None
        if current is not None and _continues(current, line, body):
            current.lines.append(line)
            continue
        blocks.append(_start(line, body))
    return [_raw(block) for block in blocks]


def _start(line: PdfLine, body: BodyStyle) -> _Block:
    if line.is_table:
        return _Block("table", [line])
    if line.hidden is not None:
        return _Block("other", [line])
    level = body.heading_level(line)
    if level is not None:
        return _Block("heading", [line], level)
    bullet = _BULLET.match(line.text)
    if bullet:
        line.text = line.text[bullet.end() :]
        return _Block("list_item", [line])
    return _Block("paragraph", [line])


def _continues(block: _Block, line: PdfLine, body: BodyStyle) -> bool:
    last = block.last
    if block.kind == "table" or line.is_table or last.page != line.page:
        return False
    if line.hidden != last.hidden:
        return False
    if block.kind == "other":
        return True  # consecutive hidden text of one kind reads as one block
    if block.kind == "heading":
        same_style = abs(line.size - last.size) < 0.5 and line.bold == last.bold
        return (
            same_style
            and body.heading_level(line) is not None
            and _close_below(last, line, body)
            and numbered_heading_level(line.text) is None
        )
    if body.heading_level(line) is not None or _BULLET.match(line.text):
        return False
    return _close_below(last, line, body) and _overlaps_horizontally(block, line)


def _close_below(last: PdfLine, line: PdfLine, body: BodyStyle) -> bool:
    """``line`` follows ``last`` at about one line pitch (not a paragraph gap)."""
    pitch = last.baseline - line.baseline
    expected = (
        max(body.pitch, last.size * 1.1)
        if abs(last.size - body.size) < 0.6
        else (max(last.size, line.size) * 1.35)
    )
    return 0 < pitch <= expected * 1.25 + 0.5


def _overlaps_horizontally(block: _Block, line: PdfLine) -> bool:
    left = min(b.box[0] for b in block.lines)
    right = max(b.box[2] for b in block.lines)
    return line.box[0] < right and line.box[2] > left


def _raw(block: _Block) -> RawBlock:
    first = block.lines[0]
    if block.kind == "table":
        rows = first.rows or []
        return RawBlock("table", table_text(rows), first.page, rows=rows)
    text = first.text
    for line in block.lines[1:]:
        text += line.text if text.endswith("-") else " " + line.text
    kind = block.kind
    level = block.level
    if kind == "paragraph" and len(block.lines) == 1:
        numbered = numbered_heading_level(text)
        if numbered is not None and not text[-1].isdigit():
            kind, level = "heading", numbered  # a numbered title standing alone
    return RawBlock(kind, text, first.page, level=level, hidden_reason=first.hidden)
