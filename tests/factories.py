"""Build real Document objects for tests, with consistent offsets (as ingestion makes them)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.document import Block, BlockKind, Document, DocumentMeta, Page
from assistant.index.chunking import chunking_signature
from assistant.index.embedding import Embedder, Vectors
from assistant.settings import DEFAULT_MAX_CHARS, DEFAULT_OVERLAP

CHUNKING = chunking_signature(DEFAULT_MAX_CHARS, DEFAULT_OVERLAP)
"""The default chunking signature, for stores that tests open themselves."""


@dataclass
class B:
    """One block to lay out: text, kind, section path, flags, page."""

    text: str
    kind: BlockKind = "paragraph"
    section: list[str] = field(default_factory=list)
    page: int | None = 1
    hidden: bool = False
    boilerplate: bool = False


def build_document(blocks: list[B], *, filename: str = "dossier.pdf") -> Document:
    """A Document whose text joins the blocks with blank lines, pages from the blocks."""
    text, laid = "", []
    for i, b in enumerate(blocks):
        if text:
            text += "\n\n"
        start = len(text)
        text += b.text
        laid.append(
            Block(
                index=i,
                kind=b.kind,
                text=b.text,
                page=b.page,
                section=b.section,
                start=start,
                end=len(text),
                hidden=b.hidden,
                hidden_reason="white_text" if b.hidden else None,
                boilerplate=b.boilerplate,
                rows=[r.split(" | ") for r in b.text.split("\n")] if b.kind == "table" else None,
            )
        )
    pages = _pages(laid, len(text))
    meta = DocumentMeta(
        filename=filename,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="pdf" if pages else "md",
        pages=len(pages) or None,
        words=len(text.split()),
        language="fr",
    )
    return Document(meta=meta, text=text, blocks=laid, pages=pages)


def _pages(blocks: list[Block], length: int) -> list[Page]:
    numbers = sorted({b.page for b in blocks if b.page is not None})
    pages = []
    for n in numbers:
        on = [b for b in blocks if b.page == n]
        pages.append(Page(number=n, start=on[0].start, end=on[-1].end))
    for page, nxt in itertools.pairwise(pages):
        page.end = nxt.start
    if pages:
        pages[-1].end = length
    return pages


class SpyEmbedder:
    """Delegates to a real embedder and records every call (a spy, not a fake)."""

    def __init__(self, real: Embedder) -> None:
        self.real = real
        self.calls: list[tuple[str, int]] = []

    @property
    def name(self) -> str:
        return self.real.name

    @property
    def dimension(self) -> int:
        return self.real.dimension

    def embed_documents(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(("documents", len(texts)))
        return self.real.embed_documents(texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(("queries", len(texts)))
        return self.real.embed_queries(texts)

    def embed_query(self, text: str) -> Vectors:
        self.calls.append(("query", 1))
        return self.real.embed_query(text)

    def count(self, kind: str) -> int:
        return sum(1 for k, _ in self.calls if k == kind)
