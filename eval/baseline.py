"""A plain keyword-search baseline: what the engine must beat.

It reads the ingested document (visible, non-boilerplate blocks) and the référentiel cues. An
element is present when one of its cues occurs; a checkpoint with elements is present when all
are, partial when some are (or when only the checkpoint's own cue occurs), absent otherwise; a
checkpoint without elements is present when one of its cues occurs. No alerts. The evidence
is the first block holding the cue, verbatim, with its page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import __version__
from assistant.assessment import (
    Assessment,
    CheckpointResult,
    DocumentInfo,
    ElementResult,
    EngineInfo,
    Evidence,
    Status,
)
from assistant.document import Block, Document
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.textnorm import fold

QUOTE_CHARS = 300


def find_cue(
    cues: Sequence[str], blocks: Sequence[Block], folded: Sequence[str]
) -> Evidence | None:
    """Evidence for the first block holding one of ``cues`` (accent- and case-folded)."""
    for cue in cues:
        pattern = re.compile(r"(?<!\w)" + re.escape(fold(cue)) + r"(?!\w)")
        for block, text in zip(blocks, folded, strict=True):
            if pattern.search(text):
                return Evidence(quote=block.text[:QUOTE_CHARS], page=block.page)
    return None


def assess_checkpoint(
    checkpoint: Checkpoint, blocks: Sequence[Block], folded: Sequence[str]
) -> CheckpointResult:
    named = find_cue(checkpoint.cues, blocks, folded)
    elements = []
    for element in checkpoint.elements:
        hit = find_cue(element.cues, blocks, folded)
        found: Status = "present" if hit else "absent"
        elements.append(ElementResult(id=element.id, status=found, evidence=[hit] if hit else []))
    present = sum(1 for e in elements if e.status == "present")
    status: Status
    if not elements:
        status = "present" if named else "absent"
    elif present == len(elements):
        status = "present"
    else:
        status = "partial" if present or named else "absent"
    return CheckpointResult(
        id=checkpoint.id,
        label=checkpoint.label,
        status=status,
        elements=elements,
        evidence=[named] if named else [],
        comment="Recherche de mots-clés.",
    )


def assess(document: Document, epreuve: str, ref: Referentiel) -> Assessment:
    blocks = document.evidence_blocks()
    folded = [fold(b.text) for b in blocks]
    meta = document.meta
    return Assessment(
        epreuve=epreuve,
        document=DocumentInfo(
            filename=meta.filename, sha256=meta.sha256, pages=meta.pages, words=meta.words
        ),
        engine=EngineInfo(
            mode="offline",
            embedding="none (keyword baseline)",
            version=__version__,
            referentiel_version=ref.version,
            referentiel_hash=ref.content_hash,
            settings_hash="",
        ),
        checkpoints=[assess_checkpoint(c, blocks, folded) for c in ref.checkpoints_for(epreuve)],
        criteria=[],
    )
