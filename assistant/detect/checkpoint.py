"""Detection of one checkpoint and its elements, driven by the référentiel's cues.

An element is present when a cue of it (or a paraphrase found by retrieval) comes with
substantive content about the case: in the same sentence, under it as a label or heading, or
in its table row or column. A weak cue (one common word) only counts inside the checkpoint's
context: where the checkpoint is named, or where several of its elements cluster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.assessment import Status
from assistant.detect.cues import Cue, CueHit, CueIndex, compile_cue
from assistant.detect.scope import Layout, cluster_region, table_region
from assistant.detect.substance import (
    NOTHING,
    Substance,
    best_units,
    is_label,
    passage_substance,
    unit_substance,
)
from assistant.detect.units import Unit
from assistant.referentiel.models import Checkpoint, Element

CHECKPOINT = "checkpoint"
BODY_SPAN = 12  # units of a heading's body weighed for substance


@dataclass
class Finding:
    """Content attached to one cue occurrence (or paraphrase): its units and substance."""

    anchor: Unit
    units: list[Unit]
    substance: Substance

    @property
    def substantive(self) -> bool:
        return self.substance.substantive


@dataclass
class ElementOutcome:
    element: Element
    status: Status
    findings: list[Finding] = field(default_factory=list)
    mentioned: bool = False


@dataclass
class CheckpointOutcome:
    checkpoint: Checkpoint
    status: Status
    elements: list[ElementOutcome]
    findings: list[Finding]
    mentioned: bool


def checkpoint_cues(checkpoint: Checkpoint) -> list[Cue]:
    """The checkpoint's cues, then each element's cues and label."""
    raw = [(CHECKPOINT, text) for text in checkpoint.cues]
    for element in checkpoint.elements:
        raw.extend((element.id, text) for text in [element.label, *element.cues])
    cues = [compile_cue(target, text) for target, text in raw]
    return [c for c in cues if c is not None]


def detect_checkpoint(
    checkpoint: Checkpoint,
    layout: Layout,
    paraphrases: Mapping[str, Sequence[Unit]] | None = None,
) -> CheckpointOutcome:
    """Status of ``checkpoint`` and its elements in the dossier laid out by ``layout``.

    ``paraphrases`` maps a target (an element id, or ``"checkpoint"``) to units that retrieval
    found close in meaning; they count like cue occurrences inside the checkpoint's context.
    """
    index = CueIndex(checkpoint_cues(checkpoint))
    hits = [hit for unit in layout.units for hit in index.find(unit)]
    ignored = index.vocabulary
    context = _context(checkpoint, layout, hits)
    labels = frozenset(h.unit.index for h in hits if is_label(h.unit, h.last, ignored))
    usable = [h for h in hits if h.cue.strong or h.unit.index in context]
    para = paraphrases or {}

    def findings_for(target: str) -> list[Finding]:
        found = [_finding(h, layout, ignored, labels) for h in usable if h.cue.target == target]
        found += [_inline(u, ignored) for u in para.get(target, ()) if u.index in context]
        return sorted(found, key=lambda f: -f.substance.score)

    elements = []
    for element in checkpoint.elements:
        found = findings_for(element.id)
        present = any(f.substantive for f in found)
        mentioned = any(h.cue.target == element.id for h in usable)
        elements.append(
            ElementOutcome(element, "present" if present else "absent", found, mentioned)
        )
    own = findings_for(CHECKPOINT)
    mentioned = any(h.cue.target == CHECKPOINT for h in hits) or any(e.mentioned for e in elements)
    status = _status(elements, own, mentioned)
    return CheckpointOutcome(checkpoint, status, elements, own, mentioned)


def _status(elements: Sequence[ElementOutcome], own: Sequence[Finding], mentioned: bool) -> Status:
    if elements:
        present = sum(e.status == "present" for e in elements)
        if present == len(elements):
            return "present"
        return "partial" if present or mentioned else "absent"
    if any(f.substantive for f in own):
        return "present"
    return "partial" if mentioned or own else "absent"


def _context(checkpoint: Checkpoint, layout: Layout, hits: Sequence[CueHit]) -> set[int]:
    context: set[int] = set()
    for hit in hits:
        if hit.cue.target == CHECKPOINT:
            context.update(u.index for u in layout.mention_region(hit.unit))
    element_hits = [h for h in hits if h.cue.target != CHECKPOINT]
    if checkpoint.elements:
        needed = max(2, min(3, len(checkpoint.elements)))
        context |= cluster_region(layout, element_hits, needed)
        context |= table_region(layout, element_hits, 2)
    return context


def _finding(
    hit: CueHit, layout: Layout, ignored: frozenset[str], labels: frozenset[int]
) -> Finding:
    unit = hit.unit
    own = unit_substance(unit, ignored)
    if unit.kind == "cell":
        content = layout.table_content(unit)
        total = own + passage_substance(content, ignored)
        units = ([unit] if own.score else []) + best_units(content, ignored, 3)
        return Finding(unit, units or [unit], total)
    if is_label(unit, hit.last, ignored):
        body = layout.label_body(unit, labels - {unit.index})[:BODY_SPAN]
        return Finding(
            unit, best_units(body, ignored, 3) or [unit], passage_substance(body, ignored)
        )
    return Finding(unit, [unit], own)


def _inline(unit: Unit, ignored: frozenset[str]) -> Finding:
    return Finding(unit, [unit], unit_substance(unit, ignored) if unit else NOTHING)
