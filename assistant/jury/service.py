"""The jury service: assess dossiers into the store of record, the offline grid, decisions,
sign-offs and the agreement report. Used by ``dossier-review jury`` and the app's Jury tab."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from assistant.assessment import Assessment
from assistant.document import Document
from assistant.epreuve_fit import best_epreuve
from assistant.errors import InputError, ReviewError
from assistant.jury.agreement import AgreementReport, store_report
from assistant.jury.batch import BatchRow, batch_row, shared_with
from assistant.jury.grid import GridDecision, grid_rows, read_grid, write_grid
from assistant.jury.models import Decision, DossierRecord, SignOff, TargetKind
from assistant.jury.similarity import SimilarPair, shared_counts
from assistant.jury.store import BatchNotes, JuryStore
from assistant.referentiel.models import Referentiel

log = logging.getLogger(__name__)


class Assessor(Protocol):
    def assess(self, path: Path, epreuve: str) -> Assessment: ...

    def assess_document(self, doc: Document, epreuve: str) -> Assessment: ...

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


class DossierState(NamedTuple):
    record: DossierRecord
    assessment: Assessment
    decisions: list[Decision]
    signoff: SignOff | None
    shared: list[tuple[str, SimilarPair]]


class ImportResult(NamedTuple):
    decisions: int = 0
    recorded: int = 0


GridProgress = Callable[[int, int, Assessed], None]


def grid_bytes(assessed: Sequence[Assessed], similar: list[SimilarPair]) -> bytes:
    """The grid of assessed dossiers, with each one's count of shared passages."""
    counts = shared_counts(similar)
    rows = [
        row
        for entry in assessed
        if entry.assessment is not None
        for row in grid_rows(
            entry.assessment, entry.filename, counts.get(entry.assessment.document.sha256, 0)
        )
    ]
    return write_grid(rows, similarity=True)


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
        return GridResult(grid_bytes(assessed, similar), assessed, similar)

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

    # ------------------------------------------------------------------ the app's batch

    def analyse(
        self, files: Sequence[tuple[Path, str]], progress: GridProgress | None = None
    ) -> GridResult:
        """Assess each file for its own épreuve, measure how its content fits every épreuve,
        find passages shared between the dossiers; everything is kept in the store."""
        done: list[Assessed] = []
        for index, (path, epreuve) in enumerate(files, 1):
            entry = self._assess_entry(path, epreuve)
            done.append(entry)
            if entry.assessment is not None:
                self._record_fits(path, entry.assessment)
            if progress is not None:
                progress(index, len(files), entry)
        keys = [e.assessment.document.sha256 for e in done if e.assessment is not None]
        similar = self.similar(done)
        if keys:
            BatchNotes(self.store).replace_similar(keys, similar)
        return GridResult(grid_bytes(done, similar), done, similar)

    def _assess_entry(self, path: Path, epreuve: str) -> Assessed:
        try:
            return Assessed(
                path.name, self.assess(path, self.referentiel.epreuve(epreuve).id), path=path
            )
        except ReviewError as err:
            log.info("%s: %s (%s)", path.name, err.message, err.detail or err.__cause__)
            return Assessed(path.name, None, err.message)

    def _record_fits(self, path: Path, assessment: Assessment) -> None:
        found = best_epreuve(self.assessor.document(path), self.referentiel)
        BatchNotes(self.store).record_fits(assessment.document.sha256, found.scores)

    def rows(self) -> list[BatchRow]:
        """One row per dossier of the store, from its latest assessment."""
        store, notes = self.store, BatchNotes(self.store)
        counts = shared_counts(notes.similar())
        rows = []
        for record in store.dossiers():
            shown = store.latest_assessment(record.sha256, record.epreuve)
            if shown is None:
                continue
            rows.append(
                batch_row(
                    shown.assessment,
                    record.filename,
                    store.decisions(record.sha256, record.epreuve),
                    store.signoff_of(record.sha256, record.epreuve),
                    notes.fits(record.sha256),
                    counts.get(record.sha256, 0),
                )
            )
        return rows

    def dossier(self, sha256: str) -> DossierState | None:
        """Everything the dossier view shows: the AI's result and the jury's, side by side."""
        store = self.store
        record = store.dossier(sha256)
        if record is None:
            return None
        shown = store.latest_assessment(sha256, record.epreuve)
        if shown is None:
            return None
        names = {d.sha256: d.filename for d in store.dossiers()}
        return DossierState(
            record=record,
            assessment=shown.assessment,
            decisions=store.decisions(sha256, record.epreuve),
            signoff=store.signoff_of(sha256, record.epreuve),
            shared=[
                (names.get(other, other[:12]), pair)
                for other, pair in shared_with(BatchNotes(store).similar(), sha256)
            ],
        )

    def decide(
        self,
        sha256: str,
        kind: TargetKind,
        target: str,
        decision: str,
        juror: str,
        comment: str = "",
    ) -> bool:
        record = self._record(sha256)
        return self.store.decide(sha256, record.epreuve, kind, target, decision, juror, comment)

    def sign_off(self, sha256: str, juror: str, comment: str = "") -> SignOff:
        """Sign the dossier off: the final verdict per competency is the jury's decision
        where one was taken, the tool's verdict (endorsed by the signature) elsewhere."""
        state = self.dossier(sha256)
        if state is None:
            raise InputError("Ce dossier n'est plus dans l'espace jury : relancez son analyse.")
        verdicts: dict[str, str] = {c.competency: c.verdict for c in state.assessment.criteria}
        verdicts |= {d.target: d.decision for d in state.decisions if d.kind == "competency"}
        return self.store.sign_off(sha256, state.record.epreuve, juror, verdicts, comment)

    def _record(self, sha256: str) -> DossierRecord:
        record = self.store.dossier(sha256)
        if record is None:
            raise InputError("Ce dossier n'est plus dans l'espace jury : relancez son analyse.")
        return record

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
