"""Instructions to the reader become blocks of their own, flagged ``injection``, at
ingestion: the one place where injected text is taken out of the evidence. Every later stage
reads ``Document.evidence_blocks()`` and so never sees it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.injection.meaning import cues, instruction_runs
from assistant.injection.spans import scan_spans

if TYPE_CHECKING:  # ingestion imports this module: no import of ingestion at run time
    from assistant.ingest.raw import RawBlock

Span = tuple[int, int]


def flag_instructions(blocks: list[RawBlock], asides: Sequence[RawBlock] = ()) -> list[RawBlock]:
    """``blocks`` with every instruction to the reader split out and flagged; the address and
    its request may sit in different sentences and blocks (each piece is flagged). ``asides``
    (headers, notes, comments, properties) are read after the body; those that hold an
    instruction are appended, flagged, and the others dropped."""
    body = len(blocks)
    blocks = [*blocks, *(replace(a, boilerplate=True) for a in asides)]
    sentences = [(i, s, e) for i, b in enumerate(blocks) for s, e in scan_spans(b.text)]
    runs = instruction_runs([cues(blocks[i].text[s:e]) for i, s, e in sentences])
    pieces: dict[int, list[Span]] = {}
    for first, last in runs:
        for index, start, end in sentences[first : last + 1]:
            pieces.setdefault(index, []).append((start, end))
    out: list[RawBlock] = []
    for index, block in enumerate(blocks):
        if index in pieces:
            out.extend(_split(block, pieces[index]))
        elif index < body:
            out.append(block)
    return out


def _split(block: RawBlock, spans: list[Span]) -> list[RawBlock]:
    if block.hidden_reason is not None or block.boilerplate:
        return [replace(block, injection=True)]
    if block.rows is not None:
        return _split_table(block, spans)
    out: list[RawBlock] = []
    cursor = 0
    for start, end in sorted(spans):
        out.append(replace(block, text=block.text[cursor:start].strip()))
        out.append(replace(block, kind="other", text=block.text[start:end].strip(), level=None,
                           injection=True))  # fmt: skip
        cursor = end
    out.append(replace(block, text=block.text[cursor:].strip()))
    return [b for b in out if b.text]


def _split_table(block: RawBlock, spans: list[Span]) -> list[RawBlock]:
    """A table loses the rows holding the instruction (the whole table when its lines and
    rows do not match one to one)."""
    rows = block.rows or []
    lines = block.text.split("\n")
    if len(lines) != len(rows):
        return [replace(block, injection=True)]
    flagged: set[int] = set()
    offset = 0
    for number, line in enumerate(lines):
        if any(start < offset + len(line) and offset < end for start, end in spans):
            flagged.add(number)
        offset += len(line) + 1
    out: list[RawBlock] = []
    for number, row in enumerate(rows):
        injected = number in flagged
        if out and out[-1].injection == injected and out[-1].rows is not None:
            out[-1].rows.append(row)
        else:
            out.append(replace(block, rows=[row], injection=injected))
    return [replace(b, text=_table_text(b.rows or [])) for b in out]


def _table_text(rows: list[list[str]]) -> str:
    """As ``ingest.raw.table_text``: 'cell | cell', one line per row."""
    return "\n".join(" | ".join(row) for row in rows)
