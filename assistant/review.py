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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import assistant
from assistant.assessment import Alert, Assessment, DocumentInfo, EngineInfo
from assistant.calc import check_document
from assistant.calc_evidence import merge_calc
from assistant.detect import Layout, Unit, detect_checkpoints, layout_of
from assistant.detect.paraphrase import paraphrase_queries, paraphrase_units
from assistant.document import Document
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
    from assistant.store import VectorStore

log = logging.getLogger(__name__)

PARAPHRASE_K = 2  # passages retrieved per element query
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
    ) -> None:
        self.settings = settings
        self.referentiel = referentiel
        self._ingest = ingest
        self._store = store
        self._embedder = embedder

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
        paraphrases = self._paraphrases(doc, layout, checkpoints)
        results = detect_checkpoints(doc, checkpoints, excluded, paraphrases, layout)
        calc = check_document(doc)
        results = merge_calc(results, calc, doc.text)
        competencies = self.referentiel.competencies_for(epreuve)
        return Assessment(
            epreuve=epreuve,
            document=DocumentInfo(
                filename=doc.meta.filename,
                sha256=doc.meta.sha256,
                pages=doc.meta.pages,
                words=doc.meta.words,
            ),
            engine=self.engine_info().model_copy(update={"notices": calc.unverified}),
            checkpoints=results,
            criteria=competency_verdicts(competencies, checkpoints, results),
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
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        cached = self._cache_path(digest) if digest else None
        if cached and cached.is_file():
            try:
                doc = Document.model_validate_json(cached.read_text(encoding="utf-8"))
                return doc.model_copy(
                    update={"meta": doc.meta.model_copy(update={"filename": path.name})}
                )
            except ValueError:
                log.warning("ignoring unreadable cache entry %s", cached)
        doc = self._ingest(path)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(doc.model_dump_json(), encoding="utf-8")
        return doc

    def _cache_path(self, digest: str) -> Path:
        return self.settings.home / "cache" / "documents" / f"{digest}-v{CACHE_VERSION}.json"

    def _paraphrases(
        self, doc: Document, layout: Layout, checkpoints: Sequence[Checkpoint]
    ) -> dict[str, dict[str, list[Unit]]]:
        from assistant.chunking import chunk_document
        from assistant.retrieval import build_retriever

        chunks = chunk_document(doc)
        if not chunks:
            return {}
        retriever = build_retriever(doc, chunks, self._store(), self._embedder())
        queries = paraphrase_queries(checkpoints)
        found = retriever.search_many([q.text for q in queries], PARAPHRASE_K)
        spans = [[(h.chunk.start, h.chunk.end) for h in hits] for hits in found]
        return paraphrase_units(layout, queries, spans)


def _alerts(doc: Document, injections: Sequence[Injection]) -> list[Alert]:
    return injection_alerts(list(injections)) + hidden_text_alerts(doc)
