"""The jury service: assess dossiers into the store of record, the offline grid, decisions,
sign-offs and the agreement report. Used by ``dossier-review jury`` and the app's Jury tab."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from assistant.assessment import Assessment
from assistant.document import Document
from assistant.errors import ReviewError
from assistant.jury.agreement import AgreementReport, store_report
from assistant.jury.grid import GridDecision, grid_rows, read_grid, write_grid
from assistant.jury.models import TargetKind
from assistant.jury.similarity import SimilarPair, shared_counts
from assistant.jury.store import JuryStore
from assistant.referentiel.models import Referentiel

log = logging.getLogger(__name__)


class Assessor(Protocol):
    def assess(self, path: Path, epreuve: str) -> Assessment: ...

    def document(self, path: Path) -> Document: ...


FindSimilar = Callable[[dict[str, Document]], list[SimilarPair]]


class Assessed(NamedTuple):
    filename: str
    assessment: Assessment | None
    error: str = ""
    path: Path | None = None


class GridResult(NamedTuple):
    data: bytes
    assessed: list[Assessed]
    similar: list[SimilarPair]


class ImportResult(NamedTuple):
    decisions: int = 0
    recorded: int = 0


GridProgress = Callable[[int, int, Assessed], None]


class JuryService:
    """Everything the jury records goes through here; the store is opened on first use."""

    def __init__(
        self,
        store: Callable[[], JuryStore],
        assessor: Assessor,
        referentiel: Referentiel,
        find_similar: FindSimilar | None = None,
    ) -> None:
        self._store = store
        self.assessor = assessor
        self.referentiel = referentiel
        self.find_similar = find_similar

    @property
    def store(self) -> JuryStore:
        return self._store()

    def assess(self, path: Path, epreuve: str) -> Assessment:
        """Assess a dossier and keep the assessment shown to the jury (ReviewError if bad)."""
        assessment = self.assessor.assess(path, epreuve)
        self.store.record_assessment(assessment, filename=assessment.document.filename)
        return assessment

    def assess_files(
        self, files: Sequence[Path], epreuve: str, progress: GridProgress | None = None
    ) -> list[Assessed]:
        """Assess each file in turn; a file that cannot be read keeps its French error."""
        epreuve = self.referentiel.epreuve(epreuve).id
        done: list[Assessed] = []
        for index, path in enumerate(files, 1):
            try:
                entry = Assessed(path.name, self.assess(path, epreuve), path=path)
            except ReviewError as err:
                log.info("%s: %s (%s)", path.name, err.message, err.detail or err.__cause__)
                entry = Assessed(path.name, None, err.message)
            done.append(entry)
            if progress is not None:
                progress(index, len(files), entry)
        return done

    def grid(
        self, files: Sequence[Path], epreuve: str, progress: GridProgress | None = None
    ) -> GridResult:
        """The offline grid of a batch: one row per dossier and checkpoint, with the number of
        passages each dossier shares with another one of the batch."""
        assessed = self.assess_files(files, epreuve, progress)
        similar = self.similar(assessed)
        counts = shared_counts(similar)
        rows = [
            row
            for entry in assessed
            if entry.assessment is not None
            for row in grid_rows(
                entry.assessment,
                entry.filename,
                counts.get(entry.assessment.document.sha256, 0),
            )
        ]
        return GridResult(write_grid(rows, similarity=True), assessed, similar)

    def similar(self, assessed: Sequence[Assessed]) -> list[SimilarPair]:
        """Passages shared by two dossiers of the batch (keyed by sha256)."""
        if self.find_similar is None:
            return []
        documents = {
            entry.assessment.document.sha256: self.assessor.document(entry.path)
            for entry in assessed
            if entry.assessment is not None and entry.path is not None
        }
        return self.find_similar(documents) if len(documents) > 1 else []

    def read_grid(self, data: bytes) -> list[GridDecision]:
        store = self.store
        return read_grid(
            data,
            self.referentiel,
            lambda sha, epreuve: store.latest_assessment(sha, epreuve) is not None,
        )

    def import_grid(self, data: bytes, juror: str) -> ImportResult:
        """Record the grid's decisions: every row checked first, then all in one transaction;
        a decision already recorded the same way is not recorded again."""
        decisions = self.read_grid(data)
        items: list[tuple[str, str, TargetKind, str, str, str]] = [
            (d.sha256, d.epreuve, "checkpoint", d.checkpoint, d.decision, d.comment)
            for d in decisions
        ]
        recorded = self.store.decide_many(items, juror=juror)
        return ImportResult(len(decisions), recorded)

    def agreement(self, epreuve: str | None = None) -> AgreementReport:
        if epreuve is not None:
            epreuve = self.referentiel.epreuve(epreuve).id
        return store_report(self.store, epreuve)
