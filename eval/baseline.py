"""A plain keyword-search baseline: what the engine must beat.

An element is present when one of its cues occurs in the text; a checkpoint with elements is
present when all are, partial when some are (or when only the checkpoint's own cue occurs),
absent otherwise; a checkpoint without elements is present when one of its cues occurs.
No alerts. The evidence is the first passage holding the cue, verbatim.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

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
from assistant.textnorm import fold
from eval.catalogue import Catalogue, CheckpointSpec
from eval.sourcetext import passages

QUOTE_CHARS = 300


def find_cue(cues: tuple[str, ...], folded: list[str], raw: list[str]) -> Evidence | None:
    """Evidence for the first passage holding one of ``cues`` (accent- and case-folded)."""
    for cue in cues:
        pattern = re.compile(r"(?<!\w)" + re.escape(fold(cue)) + r"(?!\w)")
        for index, text in enumerate(folded):
            if pattern.search(text):
                return Evidence(quote=raw[index][:QUOTE_CHARS], page=None)
    return None


def assess_checkpoint(spec: CheckpointSpec, folded: list[str], raw: list[str]) -> CheckpointResult:
    named = find_cue(spec.cues, folded, raw)
    elements = []
    for element in spec.elements:
        hit = find_cue(element.cues, folded, raw)
        status: Status = "present" if hit else "absent"
        elements.append(ElementResult(id=element.id, status=status, evidence=[hit] if hit else []))
    found = sum(1 for e in elements if e.status == "present")
    if not elements:
        status = "present" if named else "absent"
    elif found == len(elements):
        status = "present"
    else:
        status = "partial" if found or named else "absent"
    return CheckpointResult(
        id=spec.id,
        label=spec.label,
        status=status,
        elements=elements,
        evidence=[named] if named else [],
        comment="Recherche de mots-clés.",
    )


def assess(path: Path, epreuve: str, catalogue: Catalogue) -> Assessment:
    raw = passages(path)
    folded = [fold(text) for text in raw]
    content = path.read_bytes()
    return Assessment(
        epreuve=epreuve,
        document=DocumentInfo(
            filename=path.name,
            sha256=hashlib.sha256(content).hexdigest(),
            pages=None,
            words=sum(len(text.split()) for text in raw),
        ),
        engine=EngineInfo(
            mode="offline",
            embedding="none (keyword baseline)",
            version=__version__,
            referentiel_version=catalogue.source,
            referentiel_hash="",
            settings_hash="",
        ),
        checkpoints=[assess_checkpoint(s, folded, raw) for s in catalogue.for_epreuve(epreuve)],
        criteria=[],
    )
