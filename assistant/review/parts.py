"""What the review receives: the parts it works with, as Protocols (the composition root,
``assistant.services``, passes the real ones; tests may pass the fake profile's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.assessment import CheckpointResult
    from assistant.document import Document
    from assistant.index.retrieval import HybridRetriever
    from assistant.llm.refine import Passage, Refinement
    from assistant.referentiel.models import Checkpoint, Referentiel


class Documents(Protocol):
    """Reads a dossier file into a Document (``assistant.ingest.cache.DocumentCache``)."""

    def read(self, path: Path, before_parsing: Callable[[], None] = ...) -> Document: ...


class Indexer(Protocol):
    """Makes a Document searchable (``assistant.index.DossierIndex``)."""

    def index(self, doc: Document) -> HybridRetriever | None:
        """A passage search over the dossier; None when it has no evidence text."""
        ...

    def warm_up(self) -> None:
        """Load what ``index`` will need (model, store) ahead of time."""
        ...


class Named(Protocol):
    @property
    def name(self) -> str: ...


class Refiner(Protocol):
    """Refines the offline checkpoints with a language model (``assistant.llm.LLMRefiner``)."""

    @property
    def model(self) -> Named: ...

    def refine(
        self,
        doc: Document,
        epreuve: str,
        referentiel: Referentiel,
        offline: list[CheckpointResult],
        passages_for: Callable[[Checkpoint], list[Passage]],
        excluded: list[tuple[int, int]],
    ) -> Refinement: ...
