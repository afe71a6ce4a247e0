"""What the jury's batch view shows per dossier, built from the store of record (so that it
survives a reload and a restart): coverage, competencies at risk, alert kinds, a better-fitting
épreuve, passages shared with another dossier, decisions taken and sign-off."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from assistant.assessment import Assessment
from assistant.epreuve_fit import EpreuveFit
from assistant.jury.models import Decision, SignOff
from assistant.jury.similarity import SimilarPair
from assistant.report.labels import ALERT_LABELS

SHORT_ALERTS = {
    "prompt_injection": "injection",
    "hidden_text": "texte masqué",
    "calculation_error": "erreur de calcul",
    "unverified_calculation": "calcul non vérifiable",
}


class BatchRow(BaseModel):
    sha256: str
    filename: str
    epreuve: str
    coverage: int = Field(description="Whole percentage.")
    at_risk: str = Field(description="Competencies not or partly satisfied, per the tool.")
    alerts: str = Field(description="Alert kinds with their count, in French.")
    fit: str = Field(description="French warning when another épreuve fits better, else ''.")
    shared: int = Field(description="Passages shared with another dossier of the batch.")
    decided: str = Field(description="'decided/checkpoints'.")
    signed: str = Field(description="Who signed off, or ''.")


def alert_kinds(assessment: Assessment) -> str:
    counts = Counter(alert.kind for alert in assessment.alerts)
    return ", ".join(
        f"{SHORT_ALERTS.get(kind, ALERT_LABELS.get(kind, kind))} ×{n}"
        for kind, n in sorted(counts.items())
    )


def fit_warning(fits: dict[str, float], chosen: str) -> str:
    """A short warning when another épreuve fits the dossier clearly better (``fits``: the
    share of each épreuve's checkpoints the dossier names, ``assistant.epreuve_fit``)."""
    if not fits:
        return ""
    fit = EpreuveFit(fits)
    if fit.fits(chosen):
        return ""
    best, mine = round(100 * fits[fit.best]), round(100 * fits.get(chosen, 0.0))
    return f"⚠ correspond mieux à {fit.best} ({best} % contre {mine} %)"


def coverage(assessment: Assessment) -> float:
    """(present + 0.5 × partial) / checkpoints, 0 to 1."""
    points = assessment.checkpoints
    if not points:
        return 0.0
    found = sum(
        1.0 if p.status == "present" else 0.5 if p.status == "partial" else 0.0 for p in points
    )
    return found / len(points)


def batch_row(
    assessment: Assessment,
    filename: str,
    decisions: list[Decision],
    signed: SignOff | None,
    fits: dict[str, float],
    shared: int,
) -> BatchRow:
    at_risk = [
        c.competency if c.verdict == "non_satisfait" else f"{c.competency} (partiel)"
        for c in assessment.criteria
        if c.verdict in ("non_satisfait", "partiellement_satisfait")
    ]
    checkpoints = {cp.id for cp in assessment.checkpoints}
    decided = {d.target for d in decisions if d.kind == "checkpoint" and d.target in checkpoints}
    return BatchRow(
        sha256=assessment.document.sha256,
        filename=filename,
        epreuve=assessment.epreuve,
        coverage=round(100 * coverage(assessment)),
        at_risk=", ".join(at_risk),
        alerts=alert_kinds(assessment),
        fit=fit_warning(fits, assessment.epreuve),
        shared=shared,
        decided=f"{len(decided)}/{len(checkpoints)}",
        signed=f"{signed.juror}" if signed else "",
    )


def shared_with(pairs: list[SimilarPair], sha256: str) -> list[tuple[str, SimilarPair]]:
    """The other dossiers sharing passages with this one, and their pair."""
    return [
        (pair.second if pair.first == sha256 else pair.first, pair)
        for pair in pairs
        if sha256 in (pair.first, pair.second)
    ]
