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
from assistant.detect.substance import Substance, Weigher
from assistant.detect.units import Unit
from assistant.referentiel.models import Checkpoint, Element

CHECKPOINT = "checkpoint"
BODY_SPAN = 12  # units of a heading's body weighed for substance
LEAD_WORDS = 4  # a cue within the first words of a paragraph opens it


@dataclass
class Finding:
    """Content attached to one cue occurrence (or paraphrase): its units and substance."""

    anchor: Unit
    units: list[Unit]
    substance: Substance
    topic: bool = False  # a checkpoint without elements: a whole topic needs more

    @property
    def substantive(self) -> bool:
        return self.substance.treats_topic if self.topic else self.substance.substantive


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
    raw: list[tuple[str, str, str | None]] = [(CHECKPOINT, t, None) for t in checkpoint.cues]
    for element in checkpoint.elements:
        raw.extend((element.id, t, element.label) for t in [element.label, *element.cues])
    cues = [compile_cue(target, text, label) for target, text, label in raw]
    return [c for c in cues if c is not None]


def detect_checkpoint(
    checkpoint: Checkpoint,
    layout: Layout,
    paraphrases: Mapping[str, Sequence[Unit]] | None = None,
    listings: frozenset[int] = frozenset(),
) -> CheckpointOutcome:
    """Status of ``checkpoint`` and its elements in the dossier laid out by ``layout``.

    ``paraphrases`` maps a target (an element id, or ``"checkpoint"``) to units that retrieval
    found close in meaning; they count like cue occurrences inside a section that deals with
    the checkpoint. ``listings`` are units that name several checkpoints ("nous avons utilisé
    PESTEL, Porter et SWOT"): a list of tools introduces none of them.
    """
    cues = checkpoint_cues(checkpoint)
    index = CueIndex(cues)
    hits = [hit for unit in layout.units for hit in index.find(unit)]
    weigher = Weigher(_names(cues), _matched(hits))
    targets = _targets(hits)
    labels = frozenset(
        h.unit.index
        for h in hits
        if weigher.is_label(h.unit, h.last) and len(targets[h.unit.index] - {CHECKPOINT}) < 2
    )
    titles = frozenset(h.unit.index for h in hits if weigher.is_title(h.unit))
    context, sections = _context(checkpoint, layout, hits, labels, listings | titles)
    if checkpoint.element_sections:
        context |= _element_sections(layout, hits, weigher, targets)
    usable = [h for h in hits if h.cue.strong or h.unit.index in context]
    para = paraphrases or {}

    def findings_for(target: str) -> list[Finding]:
        found = [
            _finding(h, layout, weigher, labels, targets, listings)
            for h in usable
            if h.cue.target == target
        ]
        found += [
            Finding(u, [u], weigher.unit(u)) for u in para.get(target, ()) if u.index in sections
        ]
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
    if not checkpoint.elements:
        for finding in own:
            finding.topic = True
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


def _context(
    checkpoint: Checkpoint,
    layout: Layout,
    hits: Sequence[CueHit],
    labels: frozenset[int],
    listings: frozenset[int],
) -> tuple[set[int], set[int]]:
    """Units where the checkpoint is dealt with (after its name, or where its elements head
    several neighbouring paragraphs, headings or table rows: an unnamed tool), and among them
    the sections given to it (under a heading naming it, or such a cluster)."""
    context: set[int] = set()
    sections: set[int] = set()
    for hit in hits:
        if hit.cue.target != CHECKPOINT:
            continue
        if hit.unit.index in listings:
            context.add(hit.unit.index)
            continue
        region = {u.index for u in layout.mention_region(hit.unit)}
        context |= region
        if hit.unit.kind == "heading":
            sections |= region
    element_hits = [h for h in hits if h.cue.target != CHECKPOINT and _leads(h, layout, labels)]
    if checkpoint.elements:
        needed = max(2, min(3, len(checkpoint.elements)))
        sections |= cluster_region(layout, element_hits, needed)
        sections |= table_region(layout, element_hits, 2)
    return context | sections, sections


def _element_sections(
    layout: Layout, hits: Sequence[CueHit], weigher: Weigher, targets: dict[int, set[str]]
) -> set[int]:
    """Sections titled by one element alone ("2. La concurrence", "Budget"): the heading
    says what its body is about, even where the checkpoint is not named."""
    region: set[int] = set()
    for hit in hits:
        unit = hit.unit
        if hit.cue.target == CHECKPOINT or unit.kind != "heading" or len(targets[unit.index]) > 1:
            continue
        if weigher.bare_name(unit):
            region |= {u.index for u in layout.mention_region(unit)}
    return region


def _finding(
    hit: CueHit,
    layout: Layout,
    weigher: Weigher,
    labels: frozenset[int],
    targets: dict[int, set[str]],
    listings: frozenset[int],
) -> Finding:
    """The content a cue occurrence introduces: its table row or column, the body under a
    label or heading, the rest of a paragraph it opens, or its own sentence."""
    unit = hit.unit
    own = weigher.unit(unit)
    if unit.kind == "cell":
        others = frozenset(i for i, t in targets.items() if t - targets[unit.index])
        content = layout.table_content(unit, labels, labels & others)
        units = ([unit] if own.score else []) + weigher.best(content, 3)
        return Finding(unit, units or [unit], own + weigher.passage(content))
    if unit.index in labels:
        body = layout.label_body(unit, labels - {unit.index})[:BODY_SPAN]
        return Finding(unit, weigher.best(body, 3) or [unit], weigher.passage(body))
    opens = unit.first_in_block and unit.index not in listings
    if not own.substantive and opens and len(targets[unit.index]) == 1:
        rest = _paragraph_rest(unit, layout, targets)
        if rest:
            return Finding(unit, [unit, *weigher.best(rest, 2)], own + weigher.passage(rest))
    return Finding(unit, [unit], own)


def _paragraph_rest(unit: Unit, layout: Layout, targets: dict[int, set[str]]) -> list[Unit]:
    """The sentences after a paragraph's opening one, up to one about another target."""
    mine = targets[unit.index]
    rest = []
    for other in layout.block_units(unit.block):
        if other.index <= unit.index:
            continue
        if targets.get(other.index, mine) - mine:
            break
        rest.append(other)
    return rest


def _targets(hits: Sequence[CueHit]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for hit in hits:
        out.setdefault(hit.unit.index, set()).add(hit.cue.target)
    return out


def _leads(hit: CueHit, layout: Layout, labels: frozenset[int]) -> bool:
    """The cue heads something: a heading, a label, a table's row or column, a paragraph."""
    unit = hit.unit
    if unit.kind == "heading" or unit.index in labels or layout.is_table_label(unit, labels):
        return True
    return unit.first_in_block and hit.first <= LEAD_WORDS


def _names(cues: Sequence[Cue]) -> frozenset[str]:
    """Stems of the checkpoint's own names (tool names): never content."""
    return frozenset(s for c in cues if c.target == CHECKPOINT for s in c.stems)


def _matched(hits: Sequence[CueHit]) -> dict[int, frozenset[str]]:
    out: dict[int, set[str]] = {}
    for hit in hits:
        out.setdefault(hit.unit.index, set()).update(hit.cue.stems)
    return {k: frozenset(v) for k, v in out.items()}
