"""Turn a reader's raw blocks into the Document: clean text, offsets, sections, pages,
boilerplate, instructions to the reader split into flagged blocks, hidden findings and
metadata (the language is added by the pipeline)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from assistant.document import Block, Document, DocumentMeta, HiddenFinding, Page
from assistant.ingest.boilerplate import mark_boilerplate
from assistant.ingest.controls import strip_controls
from assistant.ingest.raw import RawBlock, RawDocument
from assistant.injection.flagging import flag_instructions
from assistant.injection.requests import reader_cues
from assistant.injection.windows import reading_windows
from assistant.textnorm import nfkc

logger = logging.getLogger(__name__)

SEPARATOR = "\n\n"
# formats whose text carries running headers and footers (a text file may be a PDF dump);
# word processors keep theirs apart from the body, which is all the readers take
PAGED_LAYOUT_FORMATS = ("pdf", "txt")
QUOTE_CHARS = 300
_WORD = re.compile(r"\w+")
_BLANK_LINES = re.compile(r"[ \t]*\n[ \t]*")


def assemble(raw: RawDocument, *, filename: str, sha256: str) -> Document:
    """The Document for ``raw``; ``doc.text[b.start:b.end] == b.text`` for every block."""
    findings: list[HiddenFinding] = list(raw.findings)
    blocks = _clean_blocks(raw.blocks, findings)
    if raw.format in PAGED_LAYOUT_FORMATS:
        mark_boilerplate(blocks)
    blocks = flag_instructions(blocks, _clean_blocks(raw.asides, []))
    document_blocks = _place_blocks(blocks)
    text = SEPARATOR.join(b.text for b in document_blocks)
    findings.extend(_hidden_findings(document_blocks))
    evidence = [b.text for b in document_blocks if not (b.hidden or b.boilerplate or b.injection)]
    meta = DocumentMeta(
        filename=filename,
        sha256=sha256,
        format=raw.format,
        pages=raw.pages,
        words=sum(len(_WORD.findall(t)) for t in evidence),
    )
    pages = _pages(document_blocks, raw.pages, len(text))
    windows = reading_windows(text, document_blocks)
    document = Document(
        meta=meta, text=text, blocks=document_blocks, pages=pages, hidden=findings, windows=windows
    )
    # read here, where the rules' lexicon is loaded; applied after the learned reading
    document.reader_cues = reader_cues(document)
    return document


def _clean_blocks(blocks: list[RawBlock], findings: list[HiddenFinding]) -> list[RawBlock]:
    """NFKC text without control characters (reported), empty blocks dropped."""
    cleaned: list[RawBlock] = []
    for block in blocks:
        text, removed = strip_controls(block.text)
        text = _BLANK_LINES.sub("\n", nfkc(text)).strip()
        if removed:
            quote = _shorten(text or block.text)
            findings.append(HiddenFinding(reason="control_chars", page=block.page, quote=quote))
            logger.info("removed %d control characters on page %s", removed, block.page)
        if not text:
            continue
        rows = None
        if block.rows is not None:
            rows = [[nfkc(strip_controls(cell)[0]).strip() for cell in row] for row in block.rows]
        cleaned.append(replace(block, text=text, rows=rows))
    return cleaned


def _place_blocks(blocks: list[RawBlock]) -> list[Block]:
    """Blocks with offsets into the joined text and their heading path."""
    placed: list[Block] = []
    path: list[tuple[int, str]] = []
    offset = 0
    for raw in blocks:
        counts = raw.hidden_reason is None and not raw.boilerplate and not raw.injection
        if raw.kind == "heading" and counts:
            level = raw.level or 1
            path = [(lvl, title) for lvl, title in path if lvl < level] + [(level, raw.text)]
        block = Block(
            index=len(placed),
            kind=raw.kind,
            text=raw.text,
            page=raw.page,
            section=[title for _, title in path],
            start=offset,
            end=offset + len(raw.text),
            rows=raw.rows,
            hidden=raw.hidden_reason is not None,
            hidden_reason=raw.hidden_reason,
            boilerplate=raw.boilerplate,
            injection=raw.injection,
        )
        placed.append(block)
        offset = block.end + len(SEPARATOR)
    return placed


def _pages(blocks: list[Block], count: int | None, length: int) -> list[Page]:
    """Contiguous page spans: a page runs from its first block to the next page's first."""
    if count is None:
        return []
    firsts: dict[int, int] = {}
    for block in blocks:
        if block.page is not None:
            firsts.setdefault(block.page, block.start)
    starts = [0] * (count + 2)
    starts[count + 1] = length
    for number in range(count, 0, -1):
        starts[number] = firsts.get(number, starts[number + 1])
    starts[1] = 0
    return [Page(number=n, start=starts[n], end=starts[n + 1]) for n in range(1, count + 1)]


def _hidden_findings(blocks: list[Block]) -> list[HiddenFinding]:
    return [
        HiddenFinding(reason=b.hidden_reason, page=b.page, quote=_shorten(b.text))
        for b in blocks
        if b.hidden_reason is not None
    ]


def _shorten(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
