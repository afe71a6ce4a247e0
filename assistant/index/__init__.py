"""Retrieval over dossiers and the référentiel: chunking, embedding, BM25, the vector store
(the only place that imports chromadb), its lock and compaction, cached query vectors and the
hybrid retriever.

``index_document`` turns a Document into a passage search; ``DossierIndex`` binds it to one
store, embedder and settings (what the review receives). Submodules are imported lazily:
importing this package costs nothing.
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


class DossierIndex:
    """Dossiers made searchable in one store, by one embedder, under one chunking."""

    def __init__(self, store: VectorStore, embedder: Embedder, options: RetrievalSettings) -> None:
        self.store = store
        self.embedder = embedder
        self.options = options

    def index(self, doc: Document) -> HybridRetriever | None:
        """See ``index_document``."""
        return index_document(doc, self.store, self.embedder, self.options)

    def warm_up(self) -> None:
        """Load the embedding model and open the store ahead of need (e.g. in a background
        thread while a dossier is parsed)."""
        self.store.list_dossiers()
        self.embedder.embed_queries(["préchauffage"])
