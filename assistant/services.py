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
    from assistant.embedding import Embedder
    from assistant.jury.service import JuryService
    from assistant.jury.store import JuryStore
    from assistant.llm.refine import LLMRefiner
    from assistant.llm.tutor import LLMTutor
    from assistant.purge import PurgeService
    from assistant.retrieval import HybridRetriever
    from assistant.review import ReviewService
    from assistant.store import VectorStore
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
        from assistant.embedding import make_embedder

        return make_embedder(self.settings.embedding)

    @cached_property
    def store(self) -> VectorStore:
        from assistant.store import VectorStore

        chunking = self.settings.retrieval
        return VectorStore(
            self.settings.store_dir,
            self.embedder,
            max_chars=chunking.max_chars,
            overlap=chunking.overlap,
            url=self.settings.store_url,
            lock_timeout_s=self.settings.store_wait_s,
        )

    def retriever(self, doc: Document) -> HybridRetriever | None:
        """Passage search over one dossier (embeds it unless the store already has it); None
        when the dossier has no evidence text to search."""
        from assistant.chunking import chunk_document
        from assistant.retrieval import build_retriever

        options = self.settings.retrieval
        chunks = chunk_document(doc, max_chars=options.max_chars, overlap=options.overlap)
        if not chunks:
            return None
        return build_retriever(doc, chunks, self.store, self.embedder, fusion=options.fusion)

    @cached_property
    def review(self) -> ReviewService:
        from assistant.review import ReviewService

        return ReviewService(
            self.settings,
            self.referentiel,
            ingest=self.ingest,
            store=lambda: self.store,
            embedder=lambda: self.embedder,
            retriever=self.retriever,
            refiner=lambda: self.llm_refiner,
        )

    @cached_property
    def triage(self) -> TriageService:
        from assistant.triage import TriageService

        return TriageService(self.review, self.referentiel)

    @cached_property
    def jury_store(self) -> JuryStore:
        """The jury's store of record (``home/jury.sqlite3``)."""
        from assistant.jury.store import JuryStore

        return JuryStore.in_home(self.settings.home)

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
        if not self.settings.llm.enabled:
            return None
        from assistant.llm.client import OpenAIChatModel
        from assistant.llm.refine import LLMRefiner

        return LLMRefiner(OpenAIChatModel(self.settings.llm), self.settings)

    def ingest(self, path: Path) -> Document:
        """Read a dossier into a Document under the configured limits (ReviewError if bad)."""
        from assistant.ingest import ingest_file

        return ingest_file(path, self.settings.limits)

    @cached_property
    def tutor(self) -> Tutor | LLMTutor:
        """The tutor; with an LLM configured, it writes answers from the same sources."""
        from assistant.tutor import Tutor

        offline = Tutor(self.referentiel, self.store)
        if not self.settings.llm.enabled:
            return offline
        from assistant.llm.client import OpenAIChatModel
        from assistant.llm.tutor import LLMTutor

        return LLMTutor(offline, OpenAIChatModel(self.settings.llm), self.settings)

    def index_dossier(self, document: Document) -> IndexedDossier:
        """Make a dossier searchable for the tutor (embeds its chunks once)."""
        from assistant.tutor import IndexedDossier

        search = self.retriever(document)
        if search is None:
            raise NoTextError(
                f"Le dossier « {document.meta.filename} » ne contient aucun passage à "
                "interroger ; déposez la version texte complète du dossier."
            )
        return IndexedDossier(document=document, search=search)


def build_services(settings: Settings | None = None) -> Services:
    return Services(settings=settings or Settings())
