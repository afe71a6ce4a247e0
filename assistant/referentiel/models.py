"""Schema of the référentiel data files (``referentiel/*.yaml``). Unknown keys are refused."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EPREUVE_IDS = ("E1", "E2", "E3", "E4", "E5-P1", "E5-P2", "E5-P3")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Certification(Strict):
    title: str = Field(description="Title of the certification, in French.")
    school: str
    # "register" would shadow ABCMeta.register on the model class: keep the key, rename the field.
    register_: str = Field(
        alias="register", description="Register the certification belongs to, e.g. 'RNCP'."
    )
    source: str = Field(description="Where the texts come from.")


class BlocOption(Strict):
    id: str = Field(description="'P1', 'P2' or 'P3' (bloc 5 professionalisation options).")
    title: str


class Bloc(Strict):
    id: str = Field(description="'B1' to 'B5'.")
    number: int
    title: str
    options: list[BlocOption] = Field(default_factory=list)


class Activity(Strict):
    id: str = Field(description="'A1'..'A10', 'AP1-1'..'AP3-2'.")
    bloc: str
    option: str | None = None
    title: str
    tasks: list[str]


class Competency(Strict):
    id: str = Field(description="'C1'..'C19', 'CP1-1'..'CP3-5', or an épreuve part 'E5-...'.")
    bloc: str
    option: str | None = None
    kind: Literal["competency", "epreuve_part"] = "competency"
    title: str = Field(description="Short French title for tables.")
    text: str = Field(description="Full text from the référentiel, repaired.")


class Criterion(Strict):
    id: str = Field(description="Stable id, e.g. 'crit-C2' or 'crit-E5-diagnostic-P1'.")
    competencies: list[str]
    epreuves: list[str]
    text: str = Field(description="Evaluation criterion ('Pour C2. ...') from the référentiel.")


class Epreuve(Strict):
    id: str = Field(description="One of E1, E2, E3, E4, E5-P1, E5-P2, E5-P3.")
    bloc: str
    option: str | None = None
    title: str
    modality: str = Field(description="How the épreuve is run (written case study, oral...).")
    deliverable: str = Field(description="What the candidate hands in.")
    description: str = Field(description="The référentiel's description of the épreuve.")
    competencies: list[str]


class Element(Strict):
    id: str
    label: str = Field(description="French label shown to users.")
    cues: list[str] = Field(
        description="French words and phrases that name this element (synonyms, variants)."
    )
    description: str = Field("", description="What a juror expects for this element, in French.")


class Checkpoint(Strict):
    id: str
    label: str
    description: str = Field(description="What a juror expects, in French, for candidates.")
    competencies: list[str]
    epreuves: list[str]
    cues: list[str] = Field(
        description="French words and phrases naming the checkpoint (tool names, synonyms)."
    )
    elements: list[Element] = Field(default_factory=list)
    recommendation: str = Field(
        "", description="French advice when the checkpoint is missing or thin."
    )
    note: str | None = None


class Referentiel(Strict):
    version: str = Field(description="Version of the référentiel data, stamped in reports.")
    certification: Certification
    blocs: list[Bloc]
    activities: list[Activity]
    competencies: list[Competency]
    criteria: list[Criterion]
    epreuves: list[Epreuve]
    checkpoints: list[Checkpoint]
    content_hash: str = Field("", description="sha256 of the data files, set by the loader.")
