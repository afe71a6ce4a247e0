"""What the tutor answers with, and the dossier it may be asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from assistant.assessment import Assessment
    from assistant.document import Document

SourceKind = Literal["competency", "criterion", "checkpoint", "element", "epreuve", "passage"]
Intent = Literal["expectation", "coverage", "ghostwriting", "retrieval"]
"""What the question asks: what the jury expects for a topic, whether the loaded dossier treats
it, to write (part of) the dossier, or anything else (answered by retrieval)."""
CoverageVerdict = Literal["oui", "en_partie", "non"]


class TutorSource(BaseModel):
    """A text the answer rests on: a piece of the référentiel or a dossier passage."""

    model_config = ConfigDict(frozen=True)

    kind: SourceKind
    id: str = Field(description="Référentiel id ('C14', 'seuil_rentabilite') or chunk id.")
    text: str
    page: int | None = Field(None, description="1-based page of a dossier passage.")


class TutorAnswer(BaseModel):
    question: str
    text: str = Field(description="The answer, in French.")
    sources: list[TutorSource] = Field(default_factory=list)
    found: bool = Field(description="False when nothing relevant was found.")
    engine: str | None = Field(
        None, description="The LLM that wrote the answer; None when assembled offline."
    )
    intent: Intent = Field("retrieval", description="The intent the question was read as.")
    verdict: CoverageVerdict | None = Field(
        None, description="For 'does my dossier treat X': the engine's verdict for X."
    )
    needs_dossier: bool = Field(
        False, description="The question is about a dossier and none is loaded."
    )


class _Chunk(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Scored(Protocol):
    @property
    def chunk(self) -> _Chunk: ...
    @property
    def lexical(self) -> float | None: ...


class PassageSearch(Protocol):
    """Finds dossier passages for a query (the hybrid retriever fits)."""

    def search(self, query: str, k: int) -> Sequence[Scored]: ...


@dataclass(frozen=True)
class IndexedDossier:
    """A dossier ready for questions: its document, a passage search over it, the engine's
    assessment for an épreuve (cached by whoever builds it) and the spans never to quote
    (injections, hidden text)."""

    document: Document
    search: PassageSearch
    assess: Callable[[str], Assessment] | None = None
    excluded: tuple[tuple[int, int], ...] = ()
    epreuve: str | None = None

    def quotable(self, start: int, end: int) -> bool:
        """True when the span overlaps no injection or hidden text."""
        return not any(s < end and start < e for s, e in self.excluded)
