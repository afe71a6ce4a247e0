"""The data home (``DOSSIER_REVIEW_HOME``): every folder the program keeps state in, named once.

- ``cache/documents/``: the ingested text of each dossier (``<sha256>-v<n>.json``);
- ``cache/results/``: finished assessments (``<sha256>-<key>.json``, ``assistant.review.results``);
- ``cache/queries/``: the vectors of the référentiel's paraphrase queries;
- ``chroma/``: the embedded vector store;
- ``audit/<sha16>/``: the LLM audit records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Home:
    """The folders under ``root`` (none is created here)."""

    root: Path

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def documents(self) -> Path:
        """Ingested dossiers, by the sha256 of their bytes."""
        return self.cache / "documents"

    @property
    def results(self) -> Path:
        """Finished assessments, by the sha256 of the dossier and what shaped the result."""
        return self.cache / "results"

    @property
    def queries(self) -> Path:
        """Query vectors, by référentiel and embedder."""
        return self.cache / "queries"

    @property
    def chroma(self) -> Path:
        """The embedded Chroma store."""
        return self.root / "chroma"

    @property
    def audit(self) -> Path:
        """LLM audit records, one folder per dossier."""
        return self.root / "audit"
