"""Cut a Document into retrieval chunks and sentences, keeping provenance.

Only evidence blocks are used (never hidden text, never repeated headers or footers, never the
table of contents). Every
chunk and sentence is a verbatim slice of ``Document.text``: ``doc.text[c.start:c.end] ==
c.text``, so a quote can always be located and shown with its page and section. A chunk never
crosses a page, a section or a non-evidence block; a table is kept whole when it is not much
larger than ``max_chars``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.document import Block, Document
from assistant.settings import DEFAULT_MAX_CHARS, DEFAULT_OVERLAP
from assistant.textnorm import trim_span

if TYPE_CHECKING:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

CHUNKER_VERSION = 1
"""Bump when chunk_document changes its output for the same settings."""

TABLE_WHOLE_FACTOR = 3
"""A table up to ``TABLE_WHOLE_FACTOR * max_chars`` characters becomes one chunk, unsplit."""

_SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


class Chunk(BaseModel):
    """A passage of the dossier that retrieval indexes, with where it stands."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Identifier unique within the dossier, e.g. 'c0007'.")
    text: str = Field(description="Verbatim slice doc.text[start:end].")
    page: int | None = Field(description="1-based page, None when the format has no pages.")
    section: list[str] = Field(default_factory=list, description="Heading path, outermost first.")
    start: int = Field(description="Offset of the first character in Document.text.")
    end: int = Field(description="Offset after the last character in Document.text.")
    blocks: list[int] = Field(description="Indices of the blocks the chunk overlaps.")
    table: bool = Field(False, description="True when the chunk holds a table.")


class Span(BaseModel):
    """A sentence (or a table row, or a list line) of an evidence block."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="Verbatim slice doc.text[start:end].")
    start: int
    end: int
    page: int | None
    section: list[str] = Field(default_factory=list)
    block: int = Field(description="Index of the block holding the span.")


def chunk_document(
    doc: Document, *, max_chars: int = DEFAULT_MAX_CHARS, overlap: int = DEFAULT_OVERLAP
) -> list[Chunk]:
    """Chunks of the evidence blocks of ``doc``, in reading order, ids 'c0000', 'c0001'..."""
    chunks: list[Chunk] = []
    for group in _groups(doc):
        for start, end, whole in _segments(doc, group, max_chars):
            for s, e in _split(doc.text, start, end, max_chars, overlap, whole=whole):
                chunks.append(_chunk(doc, group, len(chunks), s, e))
    return chunks


def chunking_signature(max_chars: int, overlap: int) -> list[int]:
    """What makes two chunkings of one dossier equal: the store keys dossier collections by it
    (with the embedder), so a dossier is embedded again only when its chunks change."""
    return [max_chars, overlap, CHUNKER_VERSION]


def indexed_text(chunk: Chunk) -> str:
    """What retrieval indexes for a chunk: its section title (unless the chunk opens with it),
    then its text. Quotes still come from ``chunk.text``, which stays verbatim."""
    title = chunk.section[-1] if chunk.section else ""
    if not title or chunk.text.startswith(title):
        return chunk.text
    return f"{title}\n{chunk.text}"


def sentences(doc: Document) -> list[Span]:
    """Sentences of the evidence blocks of ``doc``, in reading order.

    French-aware: no break after abbreviations ("M.", "Mme", "etc.", "cf.", "p."), initials,
    or inside numbers ("2,5", "3.5"). Each line of a block (list line, table row) is cut apart.
    """
    spans: list[Span] = []
    for block in evidence(doc):
        for s, e in sentence_bounds(block.text):
            start, end = block.start + s, block.start + e
            spans.append(
                Span(
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    page=block.page,
                    section=block.section,
                    block=block.index,
                )
            )
    return spans


# ---------------------------------------------------------------- evidence

_TOC_TITLE = re.compile(
    r"^\W*(sommaire|table des mati[eè]res|plan du (dossier|m[ée]moire))\W*$", re.I
)
_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$")


def evidence(doc: Document) -> list[Block]:
    """Blocks that may be quoted as evidence: ``doc.evidence_blocks()`` without the table of
    contents (a section titled 'Sommaire' or 'Table des matières', or dot-leader lines such
    as 'Analyse PESTEL ........ 12'), which names every topic without treating any."""
    return [b for b in doc.evidence_blocks() if not _is_navigation(b)]


def _is_navigation(block: Block) -> bool:
    if any(_TOC_TITLE.match(title) for title in block.section):
        return True
    lines = [line for line in block.text.split("\n") if line.strip()]
    return bool(lines) and all(_TOC_LINE.search(line) for line in lines)


# ---------------------------------------------------------------- grouping and splitting


def _groups(doc: Document) -> Iterator[list[Block]]:
    """Runs of adjacent evidence blocks on one page and in one section.

    Headings with no body yet stay with the body that follows them (its section is deeper).
    """
    group: list[Block] = []
    for block in evidence(doc):
        if group and not _continues(group, block):
            yield group
            group = []
        group.append(block)
    if group:
        yield group


def _continues(group: list[Block], block: Block) -> bool:
    last = group[-1]
    if block.index != last.index + 1 or block.page != last.page:
        return False
    if all(b.kind == "heading" for b in group):
        return block.section[: len(last.section)] == last.section
    return block.section == last.section


def _segments(doc: Document, group: list[Block], max_chars: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whole) ranges of a group; ``whole``: a table too large to share a chunk
    but small enough to stay in one piece."""
    run: list[Block] = []
    for block in group:
        if block.kind == "table" and max_chars < len(block.text) <= TABLE_WHOLE_FACTOR * max_chars:
            if run:
                yield run[0].start, run[-1].end, False
                run = []
            yield block.start, block.end, True
        else:
            run.append(block)
    if run:
        yield run[0].start, run[-1].end, False


def _split(
    text: str, start: int, end: int, max_chars: int, overlap: int, *, whole: bool
) -> list[tuple[int, int]]:
    """Verbatim (start, end) pieces of ``text[start:end]`` of at most ``max_chars``."""
    piece = text[start:end]
    if whole or len(piece) <= max_chars:
        return [trim_span(text, start, end)]
    bounds: list[tuple[int, int]] = []
    cursor = 0
    for part in _splitter(max_chars, min(overlap, max_chars // 2)).split_text(piece):
        at = piece.find(part, cursor)
        if at < 0:  # pragma: no cover - the splitter only drops whitespace
            raise ValueError(f"chunk is not a slice of the document: {part[:60]!r}")
        bounds.append((start + at, start + at + len(part)))
        cursor = at + 1
    return bounds


@lru_cache(maxsize=8)
def _splitter(max_chars: int, overlap: int) -> RecursiveCharacterTextSplitter:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        separators=_SEPARATORS,
        keep_separator="end",
        chunk_size=max_chars,
        chunk_overlap=overlap,
        strip_whitespace=True,
    )


def _chunk(doc: Document, group: list[Block], n: int, start: int, end: int) -> Chunk:
    blocks = [b for b in group if b.start < end and start < b.end]
    body = [b for b in blocks if b.kind != "heading"] or blocks
    return Chunk(
        id=f"c{n:04d}",
        text=doc.text[start:end],
        page=group[0].page,
        section=body[-1].section,
        start=start,
        end=end,
        blocks=[b.index for b in blocks],
        table=any(b.kind == "table" for b in blocks),
    )


# ---------------------------------------------------------------- sentences

_ABBREVIATION_WORDS = (
    "m mm mme mmes mlle mlles dr drs pr me mgr st ste sts stes etc cf cfr p pp ex env art al "
    "av apr j.-c fig figs tab chap vol no n° éd ed eds min max approx resp vs i.e e.g c.-à-d "
    "c-à-d sq sqq hab nb ibid op cit coll dir trad réf ref tél tel bd rte sté cie inc ltd "
    "ets s.a sa sarl sas jan janv fév févr avr juil sept oct nov déc"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_END = re.compile(r"[.!?…]+(?: ?[»\"”’)\]])*(?=\s)")
_NEXT = re.compile(r"\s+[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9•\-–—]")
_NUMBERING = re.compile(r"\s*[\dIVXivx]+(?:\.\d+)*\.\s*$")
_WORD_BEFORE = re.compile(r"([\w.°'-]+)$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, lines cut apart, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        for s, e in _line_sentences(line):
            bounds.append((line_start + s, line_start + e))
        line_start += len(line) + 1
    return bounds


def _line_sentences(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(line):
        if _NUMBERING.match(line, start, match.end()):  # "1." or "2.3." opening a line
            continue
        if _NEXT.match(line, match.end()) and not _is_abbreviation(line, match.start()):
            s, e = trim_span(line, start, match.end())
            if s < e:
                yield s, e
            start = match.end()
    s, e = trim_span(line, start, len(line))
    if s < e:
        yield s, e


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    found = _WORD_BEFORE.search(line[:dot])
    if not found:
        return False
    word = found.group(1).lower().strip("'-")
    if len(word) == 1 and word.isalpha():  # an initial: "J. Dupont"
        return True
    return word in _ABBREVIATIONS or word.rsplit(".", 1)[-1] in _ABBREVIATIONS
