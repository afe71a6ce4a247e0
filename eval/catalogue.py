"""Which checkpoints and elements each épreuve has, and the words that name them.

Read from the project référentiel (``services.referentiel``) when it loads; otherwise from the
copy of the checkpoint contract shipped beside this module (ids only, cues derived from them).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.referentiel.models import Referentiel

log = logging.getLogger(__name__)

SPEC_PATH = Path(__file__).with_name("spec_checkpoints.yaml")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")


@dataclass(frozen=True)
class ElementSpec:
    id: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class CheckpointSpec:
    id: str
    label: str
    epreuves: tuple[str, ...]
    cues: tuple[str, ...]
    elements: tuple[ElementSpec, ...]

    @property
    def element_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.elements)


@dataclass(frozen=True)
class Catalogue:
    source: str
    checkpoints: tuple[CheckpointSpec, ...]

    def for_epreuve(self, epreuve: str) -> list[CheckpointSpec]:
        return [c for c in self.checkpoints if epreuve in c.epreuves]

    @property
    def epreuves(self) -> list[str]:
        seen: dict[str, None] = {}
        for checkpoint in self.checkpoints:
            seen.update(dict.fromkeys(checkpoint.epreuves))
        return list(seen)


def from_referentiel(ref: Referentiel) -> Catalogue:
    checkpoints = tuple(
        CheckpointSpec(
            id=c.id,
            label=c.label,
            epreuves=tuple(c.epreuves),
            cues=tuple(c.cues),
            elements=tuple(ElementSpec(e.id, tuple(e.cues)) for e in c.elements),
        )
        for c in ref.checkpoints
    )
    return Catalogue(source=f"référentiel {ref.version}", checkpoints=checkpoints)


def from_spec(path: Path = SPEC_PATH) -> Catalogue:
    """The checkpoint contract; cues are the ids in words plus acronyms of the label."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    checkpoints = tuple(_spec_checkpoint(raw) for raw in data["checkpoints"])
    return Catalogue(source=f"spec {path.name}", checkpoints=checkpoints)


def _spec_checkpoint(raw: dict[str, Any]) -> CheckpointSpec:
    words = raw["id"].replace("_", " ")
    acronyms = _ACRONYM.findall(raw["label"])
    return CheckpointSpec(
        id=raw["id"],
        label=raw["label"],
        epreuves=tuple(raw["epreuves"]),
        cues=tuple(dict.fromkeys([words, *acronyms])),
        elements=tuple(ElementSpec(e, (e.replace("_", " "),)) for e in raw.get("elements", [])),
    )


def load_catalogue(services: Any) -> Catalogue:
    """The project référentiel when it loads, else the shipped contract copy."""
    try:
        return from_referentiel(services.referentiel)
    except Exception as exc:  # the référentiel may not exist yet: fall back, say so
        log.warning("référentiel unavailable (%s); using %s", exc, SPEC_PATH.name)
        return from_spec()
