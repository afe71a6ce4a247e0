"""The typed document that ingestion produces and every later stage reads.

Offsets are character offsets into ``Document.text``: ``text[block.start:block.end] ==
block.text``. Pages are 1-based; ``None`` for formats without pages.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "list_item", "table", "other"]
HiddenReason = Literal[
    "invisible_render_mode",
    "white_text",
    "low_contrast",
    "tiny_font",
    "off_page",
    "covered",
    "vanished",
    "compressed",
    "not_rendered",
    "control_chars",
]


class Block(BaseModel):
    """A heading, paragraph, list item or table, with where it stands."""

    index: int = Field(description="Position of the block in reading order, from 0.")
    kind: BlockKind
    text: str = Field(description="Normalised (NFKC) text; a table as 'cell | cell' lines.")
    page: int | None = Field(description="1-based page, None when the format has no pages.")
    section: list[str] = Field(
        default_factory=list,
        description="Heading path, outermost first, e.g. ['2. Diagnostic', '2.3 PESTEL'].",
    )
    start: int = Field(description="Offset of the first character in Document.text.")
    end: int = Field(description="Offset after the last character in Document.text.")
    rows: list[list[str]] | None = Field(None, description="Table cells in order, for tables.")
    hidden: bool = Field(False, description="Text made invisible in the file: never evidence.")
    hidden_reason: HiddenReason | None = None
    boilerplate: bool = Field(
        False,
        description="Repeated header/footer or page number, or text outside the body (notes, "
        "comments, document properties; scanned for injections): not used for detection.",
    )
    injection: bool = Field(
        False,
        description="Text addressed to the reader with instructions (prompt injection): "
        "reported, never evidence.",
    )
    suspect: bool = Field(
        False,
        description="Text that reads like a note to the assessment without an instruction "
        "the detectors are sure of (a learned score below the alarm, a claim that the work "
        "was already checked): never evidence, and no alert.",
    )


class Page(BaseModel):
    number: int = Field(description="1-based page number.")
    start: int = Field(description="Offset of the page's first character in Document.text.")
    end: int = Field(description="Offset after the page's last character in Document.text.")


class HiddenFinding(BaseModel):
    """A piece of text the file hides from a human reader (or control characters)."""

    reason: HiddenReason
    page: int | None
    quote: str = Field(description="The hidden text, verbatim (shortened if very long).")


class DocumentMeta(BaseModel):
    filename: str
    sha256: str
    format: Literal["pdf", "docx", "odt", "md", "txt"]
    pages: int | None = Field(description="Page count; None when the format has no pages.")
    words: int
    language: str | None = Field(None, description="ISO 639-1 code, e.g. 'fr'.")


class ReadingWindow(BaseModel):
    """One or two sentences that a learned reading scores as a possible instruction to the
    reader (chosen at ingestion, scored after it: ``assistant.injection.learned``)."""

    spans: list[tuple[int, int]] = Field(description="The sentences' offsets in Document.text.")
    blocks: list[int] = Field(description="Indices of the blocks that hold them.")
    cues: list[float] = Field(description="The rules' cues on them (learned.CUE_NAMES).")


class ReaderCue(BaseModel):
    """A sentence of the evidence that asks the dossier's reader for something, or that goes
    with such a request beside it (found at ingestion, where the rules' lexicon is loaded;
    applied after the learned reading: ``assistant.injection.requests``)."""

    span: tuple[int, int] = Field(description="The sentence's offsets in Document.text.")
    asks: bool = Field(description="It asks the reader for something.")
    beside: bool = Field(description="Kept out when a sentence next to it asks.")


class Document(BaseModel):
    meta: DocumentMeta
    text: str = Field(description="All blocks joined by blank lines, in reading order.")
    blocks: list[Block]
    pages: list[Page] = Field(default_factory=list)
    hidden: list[HiddenFinding] = Field(default_factory=list)
    windows: list[ReadingWindow] = Field(
        default_factory=list,
        description="Sentences left for the learned reading of instructions to the reader.",
    )
    reader_cues: list[ReaderCue] | None = Field(
        None,
        description="Sentences that ask the reader for something, and those that go with them "
        "(read at ingestion, applied after the learned reading; None: not read, or applied).",
    )

    def page_at(self, offset: int) -> int | None:
        """1-based page holding ``offset``, or None for formats without pages."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None

    def evidence_blocks(self) -> list[Block]:
        """Blocks that may serve as evidence: neither hidden, boilerplate, injected nor
        suspect. Every later stage (detection, chunking and so the index and the tutor,
        calculations, the LLM's passages and quotes) reads the dossier through this one list."""
        return [
            b for b in self.blocks if not (b.hidden or b.boilerplate or b.injection or b.suspect)
        ]
