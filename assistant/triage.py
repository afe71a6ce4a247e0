"""Triage: pre-assess every dossier of a folder, one summary row per file.

Used by ``dossier-review triage`` and by the jury UI. A file that cannot be read gets a row
with its French error and the batch goes on. The CSV is written for French spreadsheets:
UTF-8 with a byte-order mark, ``;`` as separator, the coverage as a whole percentage.

Coverage is the share of the épreuve's checkpoints found, a partial checkpoint counting
half: ``(present + 0.5 × partial) / number of checkpoints``.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol, get_args

from pydantic import BaseModel, Field

from assistant.assessment import AlertKind, Assessment
from assistant.errors import InputError, ReviewError
from assistant.ingest.names import display_name
from assistant.ingest.sniff import DOCUMENT_SUFFIXES, SUPPORTED, TEXT_SUFFIXES
from assistant.referentiel.models import Referentiel

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset(DOCUMENT_SUFFIXES) | frozenset(TEXT_SUFFIXES)
ALERT_COLUMNS: dict[str, str] = {
    "prompt_injection": "alertes_injection",
    "hidden_text": "alertes_texte_masque",
    "calculation_error": "alertes_erreur_calcul",
    "unverified_calculation": "alertes_calcul_non_verifie",
}
UNEXPECTED_ERROR = (
    "Erreur inattendue pendant l'analyse de ce fichier : relancez-le seul avec "
    "« dossier-review -v assess » pour obtenir le détail."
)


class Assessor(Protocol):
    def assess(self, path: Path, epreuve: str) -> Assessment: ...


class TriageRow(BaseModel):
    """The summary of one dossier (or why it could not be assessed)."""

    filename: str
    epreuve: str
    status: Literal["ok", "erreur"]
    coverage: float | None = Field(
        None, description="(present + 0.5 × partial) / checkpoints, from 0 to 1."
    )
    present: int = 0
    partial: int = 0
    absent: int = 0
    not_satisfied: list[str] = Field(default_factory=list, description="Competency ids.")
    partially_satisfied: list[str] = Field(default_factory=list, description="Competency ids.")
    alerts: dict[str, int] = Field(default_factory=dict, description="Alert count by kind.")
    error: str = Field("", description="French sentence for a file that could not be assessed.")

    @classmethod
    def from_assessment(cls, filename: str, assessment: Assessment) -> TriageRow:
        statuses = Counter(cp.status for cp in assessment.checkpoints)
        total = len(assessment.checkpoints)
        found = statuses["present"] + 0.5 * statuses["partial"]
        verdicts = {c.competency: c.verdict for c in assessment.criteria}
        return cls(
            filename=filename,
            epreuve=assessment.epreuve,
            status="ok",
            coverage=found / total if total else None,
            present=statuses["present"],
            partial=statuses["partial"],
            absent=statuses["absent"],
            not_satisfied=[c for c, v in verdicts.items() if v == "non_satisfait"],
            partially_satisfied=[c for c, v in verdicts.items() if v == "partiellement_satisfait"],
            alerts=dict(Counter(alert.kind for alert in assessment.alerts)),
        )


ProgressCallback = Callable[[int, int, TriageRow], None]


def dossier_files(folder: Path) -> list[Path]:
    """The supported files directly inside ``folder``, sorted by name (hidden files and
    office lock files ``~$...`` left out)."""
    if not folder.is_dir():
        raise InputError(
            f"Le dossier « {folder} » n'existe pas ou n'est pas un répertoire : "
            "indiquez le répertoire qui contient les dossiers à trier."
        )
    files = sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith((".", "~$"))
    )
    if not files:
        raise InputError(
            f"Le répertoire « {folder} » ne contient aucun dossier lisible ({SUPPORTED}) : "
            "vérifiez le chemin."
        )
    return files


class TriageService:
    """Assesses a folder of dossiers one after the other."""

    def __init__(self, assessor: Assessor, referentiel: Referentiel) -> None:
        self.assessor = assessor
        self.referentiel = referentiel

    def run(
        self, folder: Path, epreuve: str, progress: ProgressCallback | None = None
    ) -> list[TriageRow]:
        """One row per supported file of ``folder``, in name order."""
        epreuve = self.referentiel.epreuve(epreuve).id  # unknown: refused before any work
        return self.run_files(dossier_files(folder), epreuve, progress)

    def run_files(
        self, files: list[Path], epreuve: str, progress: ProgressCallback | None = None
    ) -> list[TriageRow]:
        """One row per file, in the given order (e.g. files uploaded to the UI)."""
        epreuve = self.referentiel.epreuve(epreuve).id
        rows: list[TriageRow] = []
        for index, path in enumerate(files, 1):
            row = self.assess_one(path, epreuve)
            rows.append(row)
            if progress is not None:
                progress(index, len(files), row)
        return rows

    def assess_one(self, path: Path, epreuve: str) -> TriageRow:
        # the name is shown on a terminal, in logs and in the CSV: no escapes, CR/LF or bidi
        name = display_name(path.name)
        try:
            return TriageRow.from_assessment(name, self.assessor.assess(path, epreuve))
        except ReviewError as err:
            log.info("%s: %s (%s)", name, err.message, err.detail or err.__cause__)
            return TriageRow(filename=name, epreuve=epreuve, status="erreur", error=err.message)
        except Exception:  # one broken file must not stop the batch; the cause is logged
            log.exception("unexpected failure on %s", name)
            return TriageRow(
                filename=name, epreuve=epreuve, status="erreur", error=UNEXPECTED_ERROR
            )


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "fichier",
    "epreuve",
    "statut",
    "couverture_pct",
    "points_presents",
    "points_partiels",
    "points_absents",
    "competences_non_satisfaites",
    "competences_partielles",
    *(ALERT_COLUMNS.get(kind, f"alertes_{kind}") for kind in get_args(AlertKind)),
    "erreur",
)


_FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (file names are untrusted): one that
    starts, after any spaces, with = + - @ or their full-width forms (＝ ＋ － ＠), or with a
    tab or a line break, gets a leading apostrophe."""
    text = str(value)
    first = unicodedata.normalize("NFKC", text.lstrip()[:1])
    if first in _FORMULA_STARTS or text[:1] in ("\t", "\r", "\n"):
        return "'" + text
    return text


def _csv_record(row: TriageRow) -> list[str]:
    ok = row.status == "ok"
    counts = [row.present, row.partial, row.absent] if ok else ["", "", ""]
    coverage = "" if row.coverage is None else str(round(100 * row.coverage))
    alerts = [str(row.alerts.get(kind, 0)) if ok else "" for kind in get_args(AlertKind)]
    values: list[object] = [
        row.filename,
        row.epreuve,
        row.status,
        coverage,
        *counts,
        ", ".join(row.not_satisfied),
        ", ".join(row.partially_satisfied),
        *alerts,
        row.error,
    ]
    return [_cell(value) for value in values]


def rows_to_csv(rows: list[TriageRow]) -> bytes:
    """The rows as CSV for French spreadsheets: UTF-8 with BOM, ``;`` separated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_record(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
