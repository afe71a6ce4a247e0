"""Sections that another checkpoint's heading claims: a shared name resolved by its neighbours.

Several checkpoints share element names: « cible » is the positioning's target and the
communication plan's targets alike, « objectifs SMART » the communication plan's objectives
and the SMART checkpoint itself. A heading that holds such a shared name beside a name only
one other checkpoint uses (« 7. Cible, concurrents et positionnement », « 2.2 Objectifs
SMART ») says whose element its section is: the positioning's target, the product's SMART
objectives. The passage model reads the section's sentences by meaning alone and may give
them to the other owner of the shared name (the plan's targets); ``claimed_elsewhere``
finds, for each element, the units of such sections, which are not that element's evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from assistant.detect.cues import CueHit, CueIndex, compile_cue
from assistant.detect.scope import Layout
from assistant.detect.units import Unit
from assistant.referentiel.models import Checkpoint

Key = str  # "checkpoint_id" for a checkpoint's own name, "checkpoint_id.element_id" else


def claimed_elsewhere(
    layout: Layout, checkpoints: Sequence[Checkpoint]
) -> dict[str, frozenset[int]]:
    """For each element key (``checkpoint.element``), the units of sections (the heading and
    its body) whose heading names that element by a name another checkpoint shares, together
    with a name of that other checkpoint's only, and no name of the element's checkpoint's
    only."""
    index = _index(_names(tuple(checkpoints)))
    out: dict[str, set[int]] = {}
    for heading in (u for u in layout.units if u.kind == "heading"):
        hits = index.find(heading)
        for key in _resolved_away(hits):
            body = [heading, *_body(layout, heading)]
            out.setdefault(key, set()).update(u.index for u in body)
    return {k: frozenset(v) for k, v in out.items()}


def without_claimed(
    semantic: Mapping[str, Sequence[Unit]] | None,
    checkpoint_id: str,
    claimed: Mapping[str, frozenset[int]],
) -> dict[str, Sequence[Unit]] | None:
    """``semantic`` (target -> units the passage model gives one checkpoint's targets) less
    the units of sections another checkpoint's heading claims for that target."""
    if semantic is None:
        return None
    out: dict[str, Sequence[Unit]] = {}
    for target, units in semantic.items():
        away = claimed.get(f"{checkpoint_id}.{target}", frozenset())
        out[target] = [u for u in units if u.index not in away]
    return out


def _resolved_away(hits: Sequence[CueHit]) -> set[Key]:
    """The element keys a heading's names resolve to another checkpoint: the element's name
    overlaps a name of that checkpoint, the heading holds a name only that checkpoint uses,
    and none only the element's own checkpoint uses."""
    spans: dict[tuple[int, int], set[str]] = {}
    for hit in hits:
        spans.setdefault((hit.first, hit.last), set()).add(_owner(hit.cue.target))
    only = {next(iter(owners)) for owners in spans.values() if len(owners) == 1}
    out: set[Key] = set()
    for hit in hits:
        key = hit.cue.target
        mine = _owner(key)
        if key == mine or mine in only:
            continue
        for other in hits:
            theirs = _owner(other.cue.target)
            if theirs != mine and theirs in only and _overlap(hit, other):
                out.add(key)
    return out


def _body(layout: Layout, heading: Unit) -> list[Unit]:
    """The units under ``heading`` up to the next heading (a part's title leaves its
    sub-sections to their own titles)."""
    body: list[Unit] = []
    for unit in layout.units[heading.index + 1 :]:
        if unit.kind == "heading":
            break
        body.append(unit)
    return body


def _owner(key: Key) -> str:
    return key.split(".", 1)[0]


def _overlap(a: CueHit, b: CueHit) -> bool:
    return a.first <= b.last and b.first <= a.last


def _names(checkpoints: tuple[Checkpoint, ...]) -> tuple[tuple[Key, tuple[str, ...]], ...]:
    names: list[tuple[Key, tuple[str, ...]]] = []
    for cp in checkpoints:
        names.append((cp.id, tuple(cp.cues)))
        names += [(f"{cp.id}.{e.id}", (e.label, *e.cues)) for e in cp.elements]
    return tuple(names)


@lru_cache(maxsize=16)
def _index(names: tuple[tuple[Key, tuple[str, ...]], ...]) -> CueIndex:
    cues = [compile_cue(key, text) for key, texts in names for text in texts]
    return CueIndex([c for c in cues if c is not None])
