"""Checkpoint detection: for each checkpoint of an épreuve, is it substantively there?

``detect_checkpoints`` reads a ``Document`` (never its hidden or boilerplate text, never the
``excluded`` spans such as injection passages) and returns the contract's checkpoint results
with verbatim evidence, French comments and recommendations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.assessment import CheckpointResult
from assistant.detect.checkpoint import detect_checkpoint
from assistant.detect.results import to_result
from assistant.detect.scope import Layout
from assistant.detect.units import Unit, build_units
from assistant.document import Document
from assistant.referentiel.models import Checkpoint

__all__ = ["Layout", "Unit", "build_units", "detect_checkpoints", "layout_of"]


def layout_of(doc: Document, excluded: Sequence[tuple[int, int]] = ()) -> Layout:
    """The dossier's evidence units, in reading order, minus ``excluded`` spans."""
    return Layout(build_units(doc, excluded))


def detect_checkpoints(
    doc: Document,
    checkpoints: Sequence[Checkpoint],
    excluded: Sequence[tuple[int, int]] = (),
    paraphrases: Mapping[str, Mapping[str, Sequence[Unit]]] | None = None,
    layout: Layout | None = None,
) -> list[CheckpointResult]:
    """One result per checkpoint, in the order given.

    ``paraphrases[checkpoint_id][target]`` are units retrieval found close in meaning to an
    element (or to the checkpoint itself, target ``"checkpoint"``).
    """
    layout = layout or layout_of(doc, excluded)
    results = []
    for checkpoint in checkpoints:
        outcome = detect_checkpoint(checkpoint, layout, (paraphrases or {}).get(checkpoint.id))
        results.append(to_result(outcome, doc.text))
    return results
