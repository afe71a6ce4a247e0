"""The engine's own steps up to detection, for the trainers of its learned parts.

``detected`` runs what ``ReviewService.assess_document`` runs before the learned decisions
(offline, without paraphrases): the document (through the review service's cache), the
flagged and suspect spans left out of the layout, the meaning scan and the rules' outcomes.
Every trainer reads dossiers through it, so that what a model learns from is what it meets
at run time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.checkpoint import CheckpointOutcome
from assistant.detect.judgment import Reading, reading_of
from assistant.detect.meaning import MeaningScan
from assistant.detect.scope import Layout
from assistant.injection import flagged_spans
from assistant.resources import PACKAGE
from assistant.services import Services


@dataclass(frozen=True)
class Detected:
    layout: Layout
    scan: MeaningScan | None
    outcomes: list[CheckpointOutcome]
    reading: Reading | None


DOWNSTREAM = frozenset({"dossier.json", "completeness.json", "attribution.npz", "topics.npz"})
"""The models trained on what ``detected`` gives: it never reads them (``detect_outcomes``
stops before the learned decisions), so writing one keeps what was detected valid."""
_MEMO: dict[tuple[str, ...], Detected] = {}


def upstream_digest(package: Path = PACKAGE) -> str:
    """A hash of the weights ``detected`` may read (every model file of the package but the
    ``DOWNSTREAM`` ones), names and bytes."""
    digest = hashlib.sha256()
    for path in sorted(package.glob("*/model/*")):
        if path.is_file() and path.name not in DOWNSTREAM:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def detected(services: Services, path: Path, epreuve: str) -> Detected:
    """``path`` read and detected for ``epreuve`` as the review service does it. Kept in
    memory for the process, by the dossier's bytes, the épreuve, what shapes the review (its
    settings, référentiel, limits) and the upstream weights: ``python -m eval.train`` runs four
    dossier-level trainers one after the other on the same dossiers and weights."""
    key = (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        epreuve,
        services.referentiel.content_hash or services.referentiel.version,
        services.settings.fingerprint(),
        services.settings.limits.model_dump_json(),
        services.review.embedder.name,
        upstream_digest(),
    )
    found = _MEMO.get(key)
    if found is None:
        found = _MEMO[key] = _detected(services, path, epreuve)
    return found


def _detected(services: Services, path: Path, epreuve: str) -> Detected:
    review, ref = services.review, services.referentiel
    doc = review.document(path, epreuve)
    layout = layout_of(doc, flagged_spans(doc))
    checkpoints = ref.checkpoints_for(epreuve)
    scan = review.meaning_scan(layout, checkpoints)
    background = [c for c in ref.checkpoints if c.background]
    semantic = scan.semantic() if scan is not None else {}
    outcomes = detect_outcomes(checkpoints, layout, None, background, semantic)
    return Detected(layout, scan, outcomes, reading_of(scan))
