"""The pre-assessment document: the JSON contract of ../shared/spec/output-contract.md.

Fields beyond the contract are allowed (``engine`` details, ``recommendations``, calculation
details); nothing here may change the contract's meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["present", "partial", "absent"]
Verdict = Literal["satisfait", "partiellement_satisfait", "non_satisfait", "non_evaluable"]
AlertKind = Literal[
    "prompt_injection", "hidden_text", "calculation_error", "unverified_calculation"
]
Source = Literal["offline", "llm"]


class Evidence(BaseModel):
    quote: str = Field(description="Verbatim passage of the dossier's extracted text.")
    page: int | None = Field(description="1-based page, None for formats without pages.")
    section: str | None = Field(
        None, description="Heading of the section holding the quote, e.g. '2.3 PESTEL'."
    )
    start: int | None = Field(
        None, description="Offset of the quote's first character in the extracted text."
    )
    end: int | None = Field(
        None, description="Offset after the quote's last character: text[start:end] == quote."
    )

    @classmethod
    def at(
        cls, text: str, start: int, end: int, page: int | None, section: Sequence[str]
    ) -> Evidence:
        """The quote ``text[start:end]`` with its span, page and section (heading path,
        outermost first: the evidence keeps its last heading, ``section_label``)."""
        return cls(
            quote=text[start:end],
            page=page,
            section=section_label(section),
            start=start,
            end=end,
        )

    def spans(self, text: str) -> bool:
        """True when the evidence carries its span and the span holds the quote in ``text``."""
        return self.start is not None and text[self.start : self.end] == self.quote


def section_label(path: Sequence[str]) -> str | None:
    """The one way a section is named in evidence: its innermost heading."""
    return path[-1] if path else None


class ElementResult(BaseModel):
    id: str
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)


class CheckpointResult(BaseModel):
    id: str
    label: str | None = None
    status: Status
    elements: list[ElementResult] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    comment: str = Field("", description="French: what is missing, or why it is present.")
    recommendation: str | None = Field(None, description="French advice for the candidate.")
    source: Source = "offline"
    llm_status: Status | None = Field(None, description="The LLM's own opinion, if consulted.")
    llm_rationale: str | None = Field(None, description="The LLM's rationale (French).")


class CriterionVerdict(BaseModel):
    competency: str
    verdict: Verdict
    checkpoints: list[str]
    rationale: str
    source: Source = "offline"


class Alert(BaseModel):
    kind: AlertKind
    page: int | None
    quote: str
    message: str
    details: dict[str, float | str | None] | None = Field(
        None, description="For calculation alerts: the figures used, expected and found values."
    )


class DocumentInfo(BaseModel):
    filename: str
    sha256: str
    pages: int | None
    words: int


class EngineInfo(BaseModel):
    mode: Literal["offline", "llm"] = "offline"
    embedding: str
    llm: str | None = None
    version: str = Field(description="dossier-review version.")
    referentiel_version: str
    referentiel_hash: str
    settings_hash: str
    notices: list[str] = Field(
        default_factory=list, description="French notices, e.g. an LLM fallback."
    )
    llm_quotes_total: int = Field(0, description="Quotes proposed by the LLM.")
    llm_quotes_rejected: int = Field(0, description="LLM quotes not found verbatim: dropped.")
    audit_record: str | None = Field(None, description="Path of the LLM audit record.")


class Assessment(BaseModel):
    schema_version: Literal["1"] = "1"
    epreuve: str
    document: DocumentInfo
    engine: EngineInfo
    checkpoints: list[CheckpointResult]
    criteria: list[CriterionVerdict]
    alerts: list[Alert] = Field(default_factory=list)
    recommendations: list[str] = Field(
        default_factory=list, description="Concrete French advice for the candidate."
    )
