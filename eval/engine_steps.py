"""The engine's own steps up to detection, for the trainers of its learned parts.

``detected`` runs what ``ReviewService.assess_document`` runs before the learned decisions
(offline, without paraphrases): the document (through the review service's cache), the
flagged and suspect spans left out of the layout, the meaning scan and the rules' outcomes.
Every trainer reads dossiers through it, so that what a model learns from is what it meets
at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.checkpoint import CheckpointOutcome
from assistant.detect.judgment import Reading, reading_of
from assistant.detect.meaning import MeaningScan
from assistant.detect.scope import Layout
from assistant.injection import flagged_spans
from assistant.services import Services


@dataclass(frozen=True)
class Detected:
    layout: Layout
    scan: MeaningScan | None
    outcomes: list[CheckpointOutcome]
    reading: Reading | None


def detected(services: Services, path: Path, epreuve: str) -> Detected:
    """``path`` read and detected for ``epreuve`` as the review service does it."""
    review, ref = services.review, services.referentiel
    doc = review.document(path, epreuve)
    layout = layout_of(doc, flagged_spans(doc))
    checkpoints = ref.checkpoints_for(epreuve)
    scan = review.meaning_scan(layout, checkpoints)
    background = [c for c in ref.checkpoints if c.background]
    semantic = scan.semantic() if scan is not None else {}
    outcomes = detect_outcomes(checkpoints, layout, None, background, semantic)
    return Detected(layout, scan, outcomes, reading_of(scan))
