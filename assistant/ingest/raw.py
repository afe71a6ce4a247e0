"""What a format reader hands to the assembler: blocks in reading order, before offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.document import BlockKind, HiddenFinding, HiddenReason

DocFormat = Literal["pdf", "docx", "odt", "md", "txt"]


@dataclass
class RawBlock:
    """One block as read from the file; ``level`` (1 = outermost) only for headings."""

    kind: BlockKind
    text: str
    page: int | None = None
    level: int | None = None
    rows: list[list[str]] | None = None
    hidden_reason: HiddenReason | None = None
    boilerplate: bool = False
    injection: bool = False


@dataclass
class RawDocument:
    """A reader's result. ``pages`` is None for formats without pages."""

    format: DocFormat
    blocks: list[RawBlock]
    pages: int | None = None
    findings: list[HiddenFinding] = field(default_factory=list)
    asides: list[RawBlock] = field(default_factory=list)  # headers, notes, properties


def table_text(rows: list[list[str]]) -> str:
    """A table as readable lines: 'cell | cell', one line per row."""
    return "\n".join(" | ".join(cell for cell in row) for row in rows)
