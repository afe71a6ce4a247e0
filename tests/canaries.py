"""Dossiers that each carry their own canary (a unique random tag) in the passages quoted as
evidence, to check that concurrent assessments never mix dossiers."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.dossiers import PESTEL_FULL, PRESENTATION, PROBLEMATIQUE, SWOT_TABLE, write


@dataclass(frozen=True)
class CanaryDossier:
    path: Path
    tag: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def canary_dossiers(folder: Path, count: int) -> list[CanaryDossier]:
    """``count`` dossiers whose PESTEL passages name a site tagged with the dossier's canary."""
    dossiers = []
    for index in range(count):
        tag = f"Site{index:02d}x{uuid.uuid4().hex[:10]}"
        pestel = PESTEL_FULL.replace("Vénissieux", f"Vénissieux {tag}").replace(
            "Typology", f"Typology {tag}"
        )
        path = write(
            folder, f"candidat-{index:02d}.md", PRESENTATION, pestel, SWOT_TABLE, PROBLEMATIQUE
        )
        dossiers.append(CanaryDossier(path, tag))
    return dossiers


def quotes_of(result: dict[str, Any]) -> list[str]:
    """Every evidence quote of an assessment given as its JSON document."""
    quotes: list[str] = []
    for checkpoint in result["checkpoints"]:
        quotes += [e["quote"] for e in checkpoint["evidence"]]
        for element in checkpoint["elements"]:
            quotes += [e["quote"] for e in element["evidence"]]
    return quotes


def mixed_quotes(own: CanaryDossier, quotes: Iterable[str], tags: Iterable[str]) -> list[str]:
    """Quotes naming another dossier's canary."""
    others = [t for t in tags if t != own.tag]
    return [q for q in quotes if any(t in q for t in others)]
