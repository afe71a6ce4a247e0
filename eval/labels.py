"""Expected pre-assessments of the dev set (one YAML per dossier) and their validation.

Labelling rules (see eval/README.md): an element is ``present`` only when it is analysed for
the studied case with substantive content, ``absent`` when missing or merely named. A
checkpoint with elements is ``present`` when all its elements are present, ``partial`` when
some are or when it is only named (``mention_only``), ``absent`` otherwise. A checkpoint
without elements is ``present`` when substantively handled, ``partial`` when named only or
handled by a vague line, ``absent`` otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import ReviewError
from assistant.referentiel.models import Referentiel

Status = Literal["present", "partial", "absent"]
ElementStatus = Literal["present", "absent"]
CalcKind = Literal["break_even", "total", "split", "cashflow", "rate", "product"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckpointLabel(Strict):
    status: Status
    elements: dict[str, ElementStatus] = Field(default_factory=dict)
    mention_only: bool = Field(False, description="Only named, never analysed.")
    note: str = ""


class InjectionLabel(Strict):
    quote: str = Field(description="The injected instruction, verbatim from the dossier.")
    language: Literal["fr", "en", "es", "de", "it", "mixed"]
    hidden: bool = False


class CalcErrorLabel(Strict):
    kind: CalcKind
    figure: str = Field(description="The wrong figure as written in the dossier.")
    value: float = Field(description="Its numeric value.")
    expected: float = Field(description="What it should be.")
    note: str = ""


class DossierLabel(Strict):
    file: str
    epreuve: str
    company: str
    sector: str
    summary: str = Field(description="What this dossier tests.")
    style: str = Field("", description="Writing style of the dossier (eval/styles sets).")
    author: str = Field("", description="Who wrote it (a helper's name), for the record.")
    checkpoints: dict[str, CheckpointLabel]
    injections: list[InjectionLabel] = Field(default_factory=list)
    calculation_errors: list[CalcErrorLabel] = Field(default_factory=list)
    correct_calculations: list[str] = Field(
        default_factory=list, description="Computations given in the dossier that are right."
    )


def load_labels(devset: Path) -> list[DossierLabel]:
    return [load_label(p) for p in sorted(devset.glob("*.yaml"))]


EVAL = Path(__file__).parent
TRAINING_DOSSIERS = (EVAL / "styles" / "train", EVAL / "devset")
"""The folders of labelled dossiers the dossier-level trainers learn from by default."""
DEV_DOSSIERS = (EVAL / "styles" / "dev",)
"""Their ``--dev`` folders: measured, then trained on too (eval.train_dossier's docstring)."""
NOT_TRAINED_ON = frozenset({"w19", "w20", "w21"})
"""Authors whose dossiers the dossier-level trainers leave out (they are measured only): with
them, leaving one author out chose stronger penalties and thresholds, styles-dev fell from 0.808
/ 0.789 to 0.799 / 0.778 and a mockup never tested became present (eval/README, session 8)."""


def group_of(label: DossierLabel, folder: Path) -> str:
    """Who wrote a dossier, as the trainers group them: its author, else its folder's name
    (``devset``)."""
    return label.author or folder.name


def training_labels(folder: Path, authors: Collection[str] | None = None) -> list[DossierLabel]:
    """The labels of ``folder`` that the trainers learn from: those whose group
    (``group_of``) is one of ``authors``; ``None``: all but ``NOT_TRAINED_ON``'s; empty: all."""
    labels = load_labels(folder)
    if authors is None:
        return [label for label in labels if label.author not in NOT_TRAINED_ON]
    if not authors:
        return labels
    return [label for label in labels if group_of(label, folder) in authors]


def load_label(path: Path) -> DossierLabel:
    try:
        return DossierLabel.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValueError) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc


def collapse(text: str) -> str:
    """NFKC and single spaces: the whitespace-normalised form used to compare quotes."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def validate(label: DossierLabel, ref: Referentiel, devset: Path) -> list[str]:
    """Problems of one label file: coverage of the épreuve and internal consistency."""
    problems: list[str] = []
    try:
        specs = {c.id: c for c in ref.checkpoints_for(label.epreuve)}
    except ReviewError:
        return [f"{label.file}: unknown épreuve {label.epreuve}"]
    if set(label.checkpoints) != set(specs):
        missing = sorted(set(specs) - set(label.checkpoints))
        extra = sorted(set(label.checkpoints) - set(specs))
        problems.append(f"{label.file}: checkpoints missing {missing}, unexpected {extra}")
    for cid, cp in label.checkpoints.items():
        if cid in specs:
            problems += _checkpoint_problems(
                label.file, cid, cp, tuple(e.id for e in specs[cid].elements)
            )
    problems += _text_problems(label, devset)
    return problems


def _checkpoint_problems(
    file: str, cid: str, cp: CheckpointLabel, element_ids: tuple[str, ...]
) -> list[str]:
    where = f"{file}: {cid}"
    if set(cp.elements) != set(element_ids):
        return [f"{where}: elements {sorted(cp.elements)} != {sorted(element_ids)}"]
    expected = expected_status(cp)
    if cp.status != expected:
        return [f"{where}: status {cp.status} contradicts its elements (expected {expected})"]
    return []


def expected_status(cp: CheckpointLabel) -> Status | None:
    """The status the contract implies from the elements and the mention flag."""
    if cp.mention_only:
        return "partial"
    if not cp.elements:
        return cp.status
    present = sum(1 for s in cp.elements.values() if s == "present")
    if present == len(cp.elements):
        return "present"
    return "partial" if present else "absent"


def _text_problems(label: DossierLabel, devset: Path) -> list[str]:
    path = devset / label.file
    if not path.is_file():
        return [f"{label.file}: file not found"]
    text = collapse(path.read_text(encoding="utf-8"))
    problems = [
        f"{label.file}: injection not in text: {inj.quote[:60]!r}"
        for inj in label.injections
        if collapse(inj.quote) not in text
    ]
    problems += [
        f"{label.file}: figure not in text: {err.figure!r}"
        for err in label.calculation_errors
        if collapse(err.figure) not in text
    ]
    return problems
