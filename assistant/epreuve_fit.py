"""Which épreuve a dossier's content fits: its coverage under every épreuve of the référentiel.

A dossier handed in for one épreuve but written for another (an E3 financial dossier filed as
E1) gets a low coverage with no other sign; assessing the already-read dossier against each
épreuve (no new parsing, the index is reused) shows where its content belongs. Used by the
jury's batch and reusable by the candidate tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from assistant.assessment import Assessment
from assistant.document import Document

MARGIN = 0.2
"""Coverage points by which another épreuve must beat the chosen one to warn."""


class AssessesDocuments(Protocol):
    def assess_document(self, doc: Document, epreuve: str) -> Assessment: ...


class EpreuveFit(BaseModel):
    epreuve: str
    coverage: float = Field(description="(present + 0.5 × partial) / checkpoints, 0 to 1.")


def coverage(assessment: Assessment) -> float:
    points = assessment.checkpoints
    if not points:
        return 0.0
    found = sum(
        1.0 if p.status == "present" else 0.5 if p.status == "partial" else 0.0 for p in points
    )
    return found / len(points)


def fits(
    assessor: AssessesDocuments,
    doc: Document,
    epreuves: Sequence[str],
    known: dict[str, Assessment] | None = None,
) -> list[EpreuveFit]:
    """The dossier's coverage under each épreuve, best first (``known``: assessments
    already made, not repeated)."""
    known = known or {}
    found = [
        EpreuveFit(
            epreuve=epreuve,
            coverage=coverage(known.get(epreuve) or assessor.assess_document(doc, epreuve)),
        )
        for epreuve in epreuves
    ]
    return sorted(found, key=lambda fit: -fit.coverage)


def better_fit(
    found: Sequence[EpreuveFit], chosen: str, margin: float = MARGIN
) -> EpreuveFit | None:
    """Another épreuve the content fits clearly better than the chosen one, if any."""
    mine = next((fit.coverage for fit in found if fit.epreuve == chosen), 0.0)
    best = max(
        (fit for fit in found if fit.epreuve != chosen), key=lambda f: f.coverage, default=None
    )
    return best if best is not None and best.coverage >= mine + margin else None
