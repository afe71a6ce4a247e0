"""A plan only announced: the checkpoint named, its making put off, none of its parts given.

« Le plan de communication annuel sera élaboré avec l'agence en septembre », « Nous
réaliserons le plan de communication détaillé dans un second temps » name the checkpoint and
say it is not made yet: the labelling convention reads that as absent, not as a mention
(partial). A checkpoint with elements, none of them present, whose every sentence naming it
announces it for later or denies it (``claims.void_reason``), is absent; a heading naming it
is no treatment either. Applied after the learned decisions (``detect_checkpoints``): it reads
no weight and feeds none.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from assistant.detect.checkpoint import CheckpointOutcome
from assistant.detect.claims import void_reason
from assistant.detect.cues import CueIndex, compile_cue
from assistant.detect.scope import Layout

PUT_OFF = frozenset({"announce", "negated"})


def only_announced(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` made absent when no element of its checkpoint is present and every
    sentence naming the checkpoint announces it for later or denies it (one at least)."""
    checkpoint = outcome.checkpoint
    if not checkpoint.elements or outcome.status != "partial":
        return outcome
    if any(e.status == "present" for e in outcome.elements):
        return outcome
    index = _index(tuple(checkpoint.cues))
    named = [u for u in layout.units if u.kind != "heading" and index.find(u)]
    if not named or any(void_reason(u) not in PUT_OFF for u in named):
        return outcome
    return replace(outcome, status="absent")


@lru_cache(maxsize=64)
def _index(cues: tuple[str, ...]) -> CueIndex:
    compiled = (compile_cue("checkpoint", text) for text in cues)
    return CueIndex([c for c in compiled if c is not None])
