"""The pre-assessment document: the JSON contract of ../shared/spec/output-contract.md.

Fields beyond the contract are allowed (``engine`` details, ``recommendations``, calculation
details); nothing here may change the contract's meaning.
"""

from __future__ import annotations

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
    section: str | None = Field(None, description="Section heading path, e.g. '2.3 PESTEL'.")


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
