"""Retrieval over dossiers and the référentiel: chunking, embedding, BM25, the vector store
(the only place that imports chromadb), its lock and compaction, cached query vectors and the
hybrid retriever.

``index_document`` is the one entry point that turns a Document into a passage search.
Submodules are imported lazily: importing this package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.document import Document
    from assistant.index.embedding import Embedder
    from assistant.index.retrieval import HybridRetriever
    from assistant.index.store import VectorStore
    from assistant.settings import RetrievalSettings


def index_document(
    doc: Document, store: VectorStore, embedder: Embedder, options: RetrievalSettings
) -> HybridRetriever | None:
    """Passage search over one dossier (embeds it unless the store already has it); None
    when the dossier has no evidence text to search."""
    from assistant.index.chunking import chunk_document
    from assistant.index.retrieval import build_retriever

    chunks = chunk_document(doc, max_chars=options.max_chars, overlap=options.overlap)
    if not chunks:
        return None
    return build_retriever(doc, chunks, store, embedder, fusion=options.fusion)
