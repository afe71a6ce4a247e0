"""The référentiel as a searchable collection of the vector store.

Criteria texts, checkpoint labels and descriptions, element labels with their cues are embedded
once per référentiel version (``referentiel-<content_hash[:12]>-<embedder>``); the store itself
knows nothing of the référentiel.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from assistant.index.store import Hit, VectorStore
from assistant.referentiel.models import Referentiel


@dataclass(frozen=True)
class RefEntry:
    """One indexed piece of the référentiel."""

    id: str
    kind: str
    text: str
    metadata: dict[str, Any]


class ReferentielIndex:
    """Semantic search over the référentiel's entries (what the tutor's search needs)."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store

    def collection(self, ref: Referentiel) -> str:
        return self.store.entries_collection(_base(ref))

    def ensure(self, ref: Referentiel) -> None:
        """Embed the référentiel's criteria, checkpoints and elements, once per version."""
        metadata = {"kind": "referentiel", "version": ref.version}
        self.store.ensure_entries(_base(ref), referentiel_entries(ref), metadata)

    def search_referentiel(
        self, ref: Referentiel, query: str, k: int, where: dict[str, Any] | None = None
    ) -> list[Hit]:
        """The ``k`` référentiel entries nearest to ``query``; ``where`` filters metadata,
        e.g. ``{"kind": "checkpoint"}`` or ``{"epreuves": {"$contains": "E1"}}``."""
        self.ensure(ref)
        return self.store.search_entries(_base(ref), query, k, where)


def referentiel_entries(ref: Referentiel) -> list[RefEntry]:
    """Criteria texts, checkpoint labels and descriptions, element labels with their cues."""
    entries = [
        RefEntry(c.id, "criterion", c.text, _meta("criterion", c.id, c.competencies, c.epreuves))
        for c in ref.criteria
    ]
    for cp in ref.checkpoints:
        cp_text = f"{cp.label}. {cp.description} {', '.join(cp.cues)}".strip()
        entries.append(
            RefEntry(
                cp.id,
                "checkpoint",
                cp_text,
                _meta("checkpoint", cp.id, cp.competencies, cp.epreuves),
            )
        )
        for el in cp.elements:
            el_meta = _meta("element", el.id, cp.competencies, cp.epreuves) | {"checkpoint": cp.id}
            el_text = f"{el.label} ({cp.label}). {', '.join(el.cues)}"
            entries.append(RefEntry(f"{cp.id}.{el.id}", "element", el_text, el_meta))
    return entries


def _meta(kind: str, id_: str, competencies: list[str], epreuves: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {"kind": kind, "id": id_}
    if competencies:
        meta["competencies"] = list(competencies)
    if epreuves:
        meta["epreuves"] = list(epreuves)
    return meta


def _base(ref: Referentiel) -> str:
    return f"referentiel-{_ref_hash(ref)[:12]}"


def _ref_hash(ref: Referentiel) -> str:
    if ref.content_hash:
        return ref.content_hash
    return hashlib.sha256(ref.model_dump_json().encode()).hexdigest()
