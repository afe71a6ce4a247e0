"""Composition root: builds every service from the settings.

The CLI, the UI, ``eval/`` and the tests all go through ``build_services``; tests pass their
own settings (a temporary ``home``) or their own parts. Everything is built lazily, on first
use, so that a command only pays for what it touches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import NoTextError
from assistant.referentiel.models import Referentiel
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.document import Document
    from assistant.index import DossierIndex
    from assistant.index.embedding import Embedder
    from assistant.index.retrieval import HybridRetriever
    from assistant.index.store import VectorStore
    from assistant.ingest.cache import DocumentCache
    from assistant.jury.service import JuryService
    from assistant.jury.store import JuryStore
    from assistant.llm.client import ChatModel
    from assistant.llm.refine import LLMRefiner
    from assistant.llm.tutor import LLMTutor
    from assistant.purge import PurgeService
    from assistant.review import ReviewService
    from assistant.triage import TriageService
    from assistant.tutor import IndexedDossier, Tutor


@dataclass
class Services:
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def referentiel(self) -> Referentiel:
        from assistant.referentiel.loader import load_referentiel

        return load_referentiel(self.settings.referentiel_dir)

    @cached_property
    def embedder(self) -> Embedder:
        if self.settings.parts == "fake":
            from assistant.fakes import HashEmbedder

            return HashEmbedder()
        from assistant.index.embedding import make_embedder

        return make_embedder(self.settings.embedding)

    @cached_property
    def chat_model(self) -> ChatModel | None:
        """The LLM, only when DOSSIER_REVIEW_LLM__BASE_URL and __MODEL are both set (the
        fake profile's scripted model then, never contacted)."""
        if not self.settings.llm.enabled:
            return None
        if self.settings.parts == "fake":
            from assistant.fakes import ScriptedChatModel

            return ScriptedChatModel(name=str(self.settings.llm.model))
        from assistant.llm.client import OpenAIChatModel

        return OpenAIChatModel(self.settings.llm)

    @cached_property
    def store(self) -> VectorStore:
        from assistant.index.chunking import chunking_signature
        from assistant.index.store import VectorStore

        options = self.settings.retrieval
        return VectorStore(
            self.settings.folders.chroma,
            self.embedder,
            chunking=chunking_signature(options.max_chars, options.overlap),
            url=self.settings.store_url,
            lock_timeout_s=self.settings.store_wait_s,
        )

    @cached_property
    def indexer(self) -> DossierIndex:
        """Dossiers made searchable in the store (chunked, embedded once, BM25-indexed)."""
        from assistant.index import DossierIndex

        return DossierIndex(self.store, self.embedder, self.settings.retrieval)

    def retriever(self, doc: Document) -> HybridRetriever | None:
        """Passage search over one dossier (embeds it unless the store already has it); None
        when the dossier has no evidence text to search."""
        return self.indexer.index(doc)

    @cached_property
    def documents(self) -> DocumentCache:
        """Dossiers read through ingestion, kept by content hash under the data home."""
        from assistant.ingest.cache import DocumentCache

        return DocumentCache(self.settings.folders.documents, self.settings.limits)

    @cached_property
    def review(self) -> ReviewService:
        from assistant.review import ReviewService
        from assistant.review.results import ResultCache

        return ReviewService(
            self.settings,
            self.referentiel,
            documents=lambda: self.documents,
            indexer=lambda: self.indexer,
            embedder=lambda: self.embedder,
            refiner=self.llm_refiner,
            results=ResultCache(self.settings.folders.results),
        )

    @cached_property
    def triage(self) -> TriageService:
        from assistant.triage import TriageService

        return TriageService(self.review, self.referentiel, self.settings)

    @cached_property
    def jury_store(self) -> JuryStore:
        """The jury's store of record (``home/jury.sqlite3``)."""
        from assistant.jury.store import JuryStore

        return JuryStore(self.settings.folders.jury)

    @cached_property
    def jury(self) -> JuryService:
        """Decisions, sign-offs, the offline grid and the agreement with the tool."""
        from assistant.jury.service import JuryService
        from assistant.jury.similarity import similar_pairs

        return JuryService(
            lambda: self.jury_store,
            self.review,
            self.referentiel,
            find_similar=lambda docs: similar_pairs(docs, self.referentiel, self.embedder),
        )

    @cached_property
    def purge(self) -> PurgeService:
        """Erasure of dossiers: ``purge.purge_dossier(sha)`` behind "Supprimer mon dossier"."""
        from assistant.purge import PurgeService

        return PurgeService(self.settings, lambda: self.store)

    @cached_property
    def llm_refiner(self) -> LLMRefiner | None:
        """The LLM refiner, only when DOSSIER_REVIEW_LLM__BASE_URL and __MODEL are both set."""
        model = self.chat_model
        if model is None:
            return None
        from assistant.llm.refine import LLMRefiner

        return LLMRefiner(model, self.settings)

    def ingest(self, path: Path) -> Document:
        """Read a dossier into a Document under the configured limits (ReviewError if bad)."""
        from assistant.ingest import ingest_file

        return ingest_file(path, self.settings.limits)

    @cached_property
    def tutor(self) -> Tutor | LLMTutor:
        """The tutor; with an LLM configured, it writes answers from the same sources."""
        from assistant.index.referentiel_index import ReferentielIndex
        from assistant.tutor import Tutor

        offline = Tutor(self.referentiel, ReferentielIndex(self.store))
        model = self.chat_model
        if model is None:
            return offline
        from assistant.llm.tutor import LLMTutor

        return LLMTutor(offline, model, self.settings)

    def index_dossier(self, document: Document, epreuve: str | None = None) -> IndexedDossier:
        """Make a dossier searchable for the tutor (embeds its chunks once); its assessment
        for an épreuve is computed on first need and kept with it."""
        from functools import lru_cache

        from assistant.injection import flagged_spans
        from assistant.tutor import IndexedDossier

        search = self.retriever(document)
        if search is None:
            raise NoTextError(
                f"Le dossier « {document.meta.filename} » ne contient aucun passage à "
                "interroger ; déposez la version texte complète du dossier."
            )
        spans = flagged_spans(document)
        evidence = {b.index for b in document.evidence_blocks()}
        spans += [(b.start, b.end) for b in document.blocks if b.index not in evidence]
        return IndexedDossier(
            document=document,
            search=search,
            assess=lru_cache(maxsize=None)(lambda e: self.review.assess_document(document, e)),
            excluded=tuple(spans),
            epreuve=epreuve,
        )


def build_services(settings: Settings | None = None) -> Services:
    return Services(settings=settings or Settings())
