"""What the jury store holds: dossiers, the assessments shown to the jury, the jury's
decisions (history kept, the latest wins) and sign-offs."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import BaseModel, Field

from assistant.assessment import Assessment, Status, Verdict

TargetKind = Literal["checkpoint", "competency"]
CHECKPOINT_DECISIONS: tuple[str, ...] = get_args(Status)
COMPETENCY_DECISIONS: tuple[str, ...] = get_args(Verdict)


class DossierRecord(BaseModel):
    sha256: str
    filename: str
    epreuve: str
    added_at: datetime


class Decision(BaseModel):
    """A juror's decision on one checkpoint or competency; the AI's result stays beside it."""

    sha256: str
    epreuve: str
    kind: TargetKind
    target: str = Field(description="Checkpoint id or competency id.")
    decision: str = Field(description="A checkpoint status or a competency verdict.")
    comment: str = ""
    juror: str
    decided_at: datetime
    assessment_id: int | None = Field(None, description="The assessment the juror saw.")


class SignOff(BaseModel):
    sha256: str
    epreuve: str
    juror: str
    signed_at: datetime
    verdicts: dict[str, str] = Field(description="Final verdict per competency id.")
    comment: str = ""


class StoredAssessment(BaseModel):
    id: int
    sha256: str
    epreuve: str
    created_at: datetime
    assessment: Assessment
