"""The audit record of an LLM-assisted assessment: prompts and raw answers, for the jury."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.atomic import write_atomic


class AuditCall(BaseModel):
    checkpoint: str
    messages: list[dict[str, str]] = Field(description="Prompts as sent (pseudonymised).")
    answers: list[str] = Field(default_factory=list, description="Raw answers, in order.")
    error: str | None = None


class AuditRecord(BaseModel):
    created: datetime = Field(default_factory=lambda: datetime.now(UTC))
    dossier_sha256: str
    epreuve: str
    model: str
    base_url: str | None
    prompt_versions: dict[str, str]
    settings_hash: str
    calls: list[AuditCall] = Field(default_factory=list)


def write_audit(record: AuditRecord, audit_dir: Path) -> Path:
    """Write the record atomically under ``audit_dir/<sha16>/`` and return its path."""
    stamp = record.created.strftime("%Y%m%dT%H%M%S%f")
    path = audit_dir / record.dossier_sha256[:16] / f"{record.epreuve}-{stamp}.json"
    write_atomic(path, record.model_dump_json(indent=2).encode("utf-8"))
    return path
