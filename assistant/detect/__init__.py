"""Checkpoint detection: for each checkpoint of an épreuve, is it substantively there?

``detect_checkpoints`` reads a ``Document`` (never its hidden or boilerplate text, never the
``excluded`` spans such as injection passages) and returns the contract's checkpoint results
with verbatim evidence, French comments and recommendations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from assistant.assessment import CheckpointResult
from assistant.detect.announced import only_announced
from assistant.detect.attribution import load_attribution
from assistant.detect.checkpoint import (
    CheckpointOutcome,
    cue_phrases,
    detect_checkpoint,
    entry_names,
    listed_name,
    section_owners,
    title_names,
)
from assistant.detect.completeness import decide_topic, load_completeness
from assistant.detect.cues import CueIndex, compile_cue
from assistant.detect.done_work import only_planned
from assistant.detect.fact_sheet import fact_sheet
from assistant.detect.forces import read_forces
from assistant.detect.initials import by_initials
from assistant.detect.judgment import judge, load_judgment, reading_of
from assistant.detect.meaning import MeaningScan
from assistant.detect.other_titles import claimed_elsewhere, without_claimed
from assistant.detect.own_place import taken_back
from assistant.detect.results import to_result
from assistant.detect.scope import Layout
from assistant.detect.statement import stated
from assistant.detect.substance import unit_substance
from assistant.detect.support import Support, support, supports
from assistant.detect.titled import by_title, titled_elements
from assistant.detect.topics import context_of, load_topics, look_again
from assistant.detect.units import Unit, build_units
from assistant.document import Document
from assistant.referentiel.models import Checkpoint

LISTED_TOOLS = 3  # checkpoints named as items of one enumeration: a list of tools

__all__ = [
    "Layout",
    "Support",
    "Unit",
    "build_units",
    "detect_checkpoints",
    "detect_outcomes",
    "layout_of",
    "support",
    "supports",
]


def layout_of(doc: Document, excluded: Sequence[tuple[int, int]] = ()) -> Layout:
    """The dossier's evidence units, in reading order, minus ``excluded`` spans."""
    return Layout(build_units(doc, excluded))


def detect_checkpoints(
    doc: Document,
    checkpoints: Sequence[Checkpoint],
    excluded: Sequence[tuple[int, int]] = (),
    paraphrases: Mapping[str, Mapping[str, Sequence[Unit]]] | None = None,
    layout: Layout | None = None,
    background: Sequence[Checkpoint] | None = None,
    semantic: Mapping[str, Mapping[str, Sequence[Unit]]] | None = None,
    meaning: MeaningScan | None = None,
) -> list[CheckpointResult]:
    """One result per checkpoint, in the order given.

    ``paraphrases[checkpoint_id][target]`` are units retrieval found close in meaning to an
    element (or to the checkpoint itself, target ``"checkpoint"``). ``background`` are the
    référentiel's checkpoints whose sections tell the background (the company's presentation),
    assessed or not; by default, those among ``checkpoints``. ``semantic[checkpoint_id]
    [target]`` are the units of passages the passage model (``meaning``) says treat the
    target: they count anywhere, still weighed for substance and requirements. ``meaning``
    is that model's whole reading of the dossier: with it (and trained weights), each
    element's and topic's status is the learned dossier-level decision (``judgment``).
    """
    layout = layout or layout_of(doc, excluded)
    outcomes = detect_outcomes(checkpoints, layout, paraphrases, background, semantic)
    reading = reading_of(meaning)
    model = load_judgment() if reading is not None else None
    complete = load_completeness() if reading is not None else None
    attribution = load_attribution() if reading is not None else None
    topics = load_topics() if reading is not None else None
    scan = reading.scan if reading is not None else None
    context = context_of(outcomes)
    names = _names_index(tuple((cp.id, tuple(cp.cues)) for cp in checkpoints))
    titled = titled_elements(layout, checkpoints, scan, names)
    results = []
    for o in outcomes:
        topic = decide_topic(o, layout, complete)
        o, topic = look_again(o, topic, scan, layout, topics, complete, context)
        judged = judge(o, reading, model, topic=topic, attribution=attribution)
        judged = by_title(stated(by_initials(judged, layout), layout), layout, titled)
        judged = read_forces(judged, layout)
        kept = only_announced(only_planned(taken_back(judged, layout, names), layout), layout)
        final = fact_sheet(kept, layout)
        results.append(to_result(final, doc.text))
    return results


def detect_outcomes(
    checkpoints: Sequence[Checkpoint],
    layout: Layout,
    paraphrases: Mapping[str, Mapping[str, Sequence[Unit]]] | None = None,
    background: Sequence[Checkpoint] | None = None,
    semantic: Mapping[str, Mapping[str, Sequence[Unit]]] | None = None,
) -> list[CheckpointOutcome]:
    """The cue rules' outcome of each checkpoint (see ``detect_checkpoints``)."""
    listings = tool_listings(layout, checkpoints)
    enumerations = tool_enumerations(layout, checkpoints)
    owners = section_owners(layout, checkpoints if background is None else background)
    entries = entry_names(layout, checkpoints)
    titles = title_names(layout, checkpoints)
    phrases = cue_phrases(layout, [*checkpoints, *(background or ())])
    claimed = claimed_elsewhere(layout, checkpoints)
    outcomes = []
    for checkpoint in checkpoints:
        para = (paraphrases or {}).get(checkpoint.id)
        meant = without_claimed((semantic or {}).get(checkpoint.id), checkpoint.id, claimed)
        outcomes.append(
            detect_checkpoint(
                checkpoint,
                layout,
                para,
                listings,
                owners,
                meant,
                entries,
                enumerations,
                titles,
                phrases,
                claimed,
            )
        )
    return outcomes


def tool_listings(layout: Layout, checkpoints: Sequence[Checkpoint]) -> frozenset[int]:
    """Units that name two checkpoints or more and say little else (a list of tools)."""
    index = _names_index(tuple((cp.id, tuple(cp.cues)) for cp in checkpoints))
    listed = set()
    for unit in layout.units:
        hits = index.find(unit)
        if len({hit.cue.target for hit in hits}) < 2:
            continue
        named = frozenset(s for hit in hits for s in hit.cue.stems)
        if not unit_substance(unit, named).substantive:
            listed.add(unit.index)
    return frozenset(listed)


def tool_enumerations(layout: Layout, checkpoints: Sequence[Checkpoint]) -> frozenset[int]:
    """Sentences that name three checkpoints or more as items of one enumeration (« outils
    vus en cours : PESTEL, BCG, SWOT, persona, storytelling »): whatever else they say, each
    of those topics is only named there."""
    index = _names_index(tuple((cp.id, tuple(cp.cues)) for cp in checkpoints))
    out = set()
    for unit in layout.units:
        hits = index.find(unit)
        if len({hit.cue.target for hit in hits}) < LISTED_TOOLS:
            continue
        if len({hit.cue.target for hit in hits if listed_name(hit)}) >= LISTED_TOOLS:
            out.add(unit.index)
    return frozenset(out)


@lru_cache(maxsize=64)
def _names_index(names: tuple[tuple[str, tuple[str, ...]], ...]) -> CueIndex:
    """The checkpoints' own cues (id, cues), compiled once per set of checkpoints."""
    cues = [cue for cid, texts in names for cue in (compile_cue(cid, t) for t in texts)]
    return CueIndex([c for c in cues if c is not None])
