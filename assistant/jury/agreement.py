"""How often the jury and the tool agree: per checkpoint, per competency and overall, the
number of decisions, the agreement rate, Cohen's kappa and the confusion matrix (jury × tool).

Only what a juror decided counts: a checkpoint's latest decision, compared with the tool's
status in the assessment the juror saw; a competency's final verdict at sign-off (or, before
sign-off, its latest decision), compared with the tool's verdict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from pydantic import BaseModel, Field

from assistant.jury.models import CHECKPOINT_DECISIONS, COMPETENCY_DECISIONS
from assistant.jury.store import JuryStore


class Pair(NamedTuple):
    """One decision beside the tool's result on the same target."""

    target: str
    jury: str
    tool: str


class Figures(BaseModel):
    n: int
    agreement: float | None = Field(description="Share of pairs where jury and tool agree.")
    kappa: float | None = Field(
        description="Cohen's kappa; None when undefined (no pair, or both always gave one "
        "and the same answer, so that chance agreement is 1)."
    )


Confusion = dict[str, dict[str, int]]


class AgreementReport(BaseModel):
    overall: Figures
    checkpoints: dict[str, Figures]
    confusion: Confusion = Field(description="Checkpoints: jury status → tool status → count.")
    competencies: dict[str, Figures] = Field(default_factory=dict)
    competency_overall: Figures | None = None
    competency_confusion: Confusion = Field(default_factory=dict)


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """(p_o - p_e) / (1 - p_e) over (jury, tool) pairs; None when p_e = 1 or no pair."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(jury == tool for jury, tool in pairs) / n
    jury_counts = Counter(jury for jury, _ in pairs)
    tool_counts = Counter(tool for _, tool in pairs)
    expected = sum(jury_counts[label] * tool_counts[label] for label in jury_counts) / n**2
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def figures(pairs: Sequence[tuple[str, str]]) -> Figures:
    n = len(pairs)
    agreement = sum(jury == tool for jury, tool in pairs) / n if n else None
    return Figures(n=n, agreement=agreement, kappa=cohen_kappa(pairs))


def confusion(pairs: Iterable[tuple[str, str]], labels: Sequence[str]) -> Confusion:
    """jury label → tool label → count, every label listed (zeros included)."""
    matrix = {jury: dict.fromkeys(labels, 0) for jury in labels}
    for jury, tool in pairs:
        matrix.setdefault(jury, dict.fromkeys(labels, 0))
        matrix[jury][tool] = matrix[jury].get(tool, 0) + 1
    return matrix


def _per_target(pairs: Sequence[Pair]) -> dict[str, Figures]:
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in pairs:
        grouped[pair.target].append((pair.jury, pair.tool))
    return {target: figures(grouped[target]) for target in sorted(grouped)}


def build_report(checkpoints: Sequence[Pair], competencies: Sequence[Pair] = ()) -> AgreementReport:
    flat = [(p.jury, p.tool) for p in checkpoints]
    flat_competencies = [(p.jury, p.tool) for p in competencies]
    return AgreementReport(
        overall=figures(flat),
        checkpoints=_per_target(checkpoints),
        confusion=confusion(flat, CHECKPOINT_DECISIONS),
        competencies=_per_target(competencies),
        competency_overall=figures(flat_competencies),
        competency_confusion=confusion(flat_competencies, COMPETENCY_DECISIONS),
    )


def store_pairs(store: JuryStore, epreuve: str | None = None) -> tuple[list[Pair], list[Pair]]:
    """The (checkpoint, competency) pairs of every dossier in the store (of one épreuve)."""
    checkpoints: list[Pair] = []
    competency_decisions: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for decision in store.decisions(epreuve=epreuve):
        if decision.kind == "competency":
            competency_decisions[decision.sha256, decision.epreuve][decision.target] = (
                decision.decision
            )
            continue
        shown = store.assessment(decision.assessment_id) if decision.assessment_id else None
        tool = {cp.id: cp.status for cp in shown.assessment.checkpoints} if shown else {}
        if decision.target in tool:
            checkpoints.append(Pair(decision.target, decision.decision, tool[decision.target]))
    competencies: list[Pair] = []
    for dossier in store.dossiers():
        if epreuve is not None and dossier.epreuve != epreuve:
            continue
        competencies.extend(
            _competency_pairs(store, dossier.sha256, dossier.epreuve, competency_decisions)
        )
    return checkpoints, competencies


def _competency_pairs(
    store: JuryStore,
    sha256: str,
    epreuve: str,
    decided: dict[tuple[str, str], dict[str, str]],
) -> list[Pair]:
    shown = store.latest_assessment(sha256, epreuve)
    if shown is None:
        return []
    signed = store.signoff_of(sha256, epreuve)
    final = signed.verdicts if signed else decided.get((sha256, epreuve), {})
    tool = {c.competency: c.verdict for c in shown.assessment.criteria}
    return [Pair(c, final[c], tool[c]) for c in sorted(final) if c in tool]


def store_report(store: JuryStore, epreuve: str | None = None) -> AgreementReport:
    return build_report(*store_pairs(store, epreuve))
