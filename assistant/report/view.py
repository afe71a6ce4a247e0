"""What a report shows, computed once from an Assessment and the référentiel.

The Markdown, HTML and PDF renderers only lay this view out; every French wording and every
count lives here or in ``labels``. Dossier text (quotes, filename) stays raw here: each
renderer escapes it for its own format.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from assistant.assessment import (
    Alert,
    Assessment,
    CheckpointResult,
    CriterionVerdict,
    Evidence,
    Status,
    Verdict,
)
from assistant.referentiel.models import Referentiel
from assistant.report.labels import (
    ALERT_LABELS,
    DETAIL_LABELS,
    MODE_LABELS,
    PRE_ASSESSMENT_NOTICE,
    STATUS_LABELS,
    VERDICT_LABELS,
    Label,
)


@dataclass(frozen=True)
class EvidenceView:
    quote: str
    where: str


@dataclass(frozen=True)
class ElementView:
    id: str
    label: str
    status: Label


@dataclass(frozen=True)
class CheckpointView:
    id: str
    label: str
    status: Label
    elements: list[ElementView]
    missing: list[str]
    comment: str
    recommendation: str
    evidence: list[EvidenceView]


@dataclass(frozen=True)
class CompetencyView:
    id: str
    title: str
    verdict: Label | None
    rationale: str
    checkpoints: list[CheckpointView]


@dataclass(frozen=True)
class AlertView:
    kind: str
    label: str
    where: str
    quote: str
    message: str
    details: list[tuple[str, str]]


@dataclass(frozen=True)
class Count:
    label: Label
    count: int


@dataclass(frozen=True)
class ReportView:
    title: str
    dossier: str
    epreuve: str
    epreuve_title: str
    notice: str
    facts: list[tuple[str, str]]
    engine_notices: list[str]
    verdict_counts: list[Count]
    status_counts: list[Count]
    competencies: list[CompetencyView]
    checkpoints: list[CheckpointView]
    alerts: list[AlertView]
    recommendations: list[str]


def build_view(
    assessment: Assessment, referentiel: Referentiel, generated_at: datetime | None = None
) -> ReportView:
    """The report's content, in French, for ``assessment``."""
    checkpoints = [_checkpoint_view(cp, referentiel) for cp in assessment.checkpoints]
    epreuve = referentiel.epreuve(assessment.epreuve)
    return ReportView(
        title=f"Pré-évaluation du dossier « {assessment.document.filename} » — "
        f"épreuve {assessment.epreuve}",
        dossier=assessment.document.filename,
        epreuve=assessment.epreuve,
        epreuve_title=epreuve.title,
        notice=PRE_ASSESSMENT_NOTICE,
        facts=_facts(assessment, referentiel, generated_at or datetime.now().astimezone()),
        engine_notices=list(assessment.engine.notices),
        verdict_counts=_verdict_counts(assessment.criteria),
        status_counts=_status_counts(assessment.checkpoints),
        competencies=_competency_views(assessment.criteria, checkpoints, referentiel),
        checkpoints=checkpoints,
        alerts=[_alert_view(alert) for alert in assessment.alerts],
        recommendations=_recommendations(assessment, checkpoints),
    )


def evidence_location(page: int | None, section: str | None) -> str:
    """'p. 12, 2.3 Analyse PESTEL', 'p. 12', '2.3 Analyse PESTEL' or 'sans page'."""
    parts = [f"p. {page}" if page is not None else "", (section or "").strip()]
    return ", ".join(part for part in parts if part) or "sans page"


def _facts(
    assessment: Assessment, referentiel: Referentiel, generated_at: datetime
) -> list[tuple[str, str]]:
    engine, document = assessment.engine, assessment.document
    mode = MODE_LABELS.get(engine.mode, engine.mode)
    if engine.llm:
        mode += f" ({engine.llm})"
    size = f"{_thousands(document.words)} mots"
    if document.pages is not None:
        size = f"{document.pages} pages, {size}"
    epreuve = referentiel.epreuve(assessment.epreuve)
    return [
        ("Épreuve", f"{assessment.epreuve} — {epreuve.title}"),
        ("Document", f"{document.filename} ({size})"),
        ("Empreinte du document", f"sha256 {document.sha256[:16]}…"),
        ("Référentiel", f"version {engine.referentiel_version} ({engine.referentiel_hash[:12]})"),
        ("Moteur", f"dossier-review {engine.version}, mode {mode}"),
        ("Modèle d'embedding", engine.embedding),
        ("Empreinte des réglages", engine.settings_hash),
        ("Date", generated_at.strftime("%d/%m/%Y %H:%M")),
    ]


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _checkpoint_view(result: CheckpointResult, referentiel: Referentiel) -> CheckpointView:
    spec = referentiel.checkpoint(result.id)
    labels = {element.id: element.label for element in spec.elements}
    elements = [
        ElementView(e.id, labels.get(e.id, e.id), STATUS_LABELS[e.status]) for e in result.elements
    ]
    missing = [
        labels.get(e.id, e.id) + (" (partiel)" if e.status == "partial" else "")
        for e in result.elements
        if e.status != "present"
    ]
    recommendation = ""
    if result.status != "present":
        recommendation = result.recommendation or spec.recommendation
    return CheckpointView(
        id=result.id,
        label=result.label or spec.label,
        status=STATUS_LABELS[result.status],
        elements=elements,
        missing=missing,
        comment=result.comment,
        recommendation=recommendation,
        evidence=[_evidence_view(e) for e in _all_evidence(result)],
    )


def _all_evidence(result: CheckpointResult) -> list[Evidence]:
    """The checkpoint's quotes, then its elements' quotes, each passage once."""
    seen: set[tuple[str, int | None]] = set()
    out: list[Evidence] = []
    for evidence in [*result.evidence, *(e for el in result.elements for e in el.evidence)]:
        key = (" ".join(evidence.quote.split()), evidence.page)
        if key not in seen:
            seen.add(key)
            out.append(evidence)
    return out


def _evidence_view(evidence: Evidence) -> EvidenceView:
    return EvidenceView(
        " ".join(evidence.quote.split()), evidence_location(evidence.page, evidence.section)
    )


def _competency_views(
    criteria: list[CriterionVerdict], checkpoints: list[CheckpointView], referentiel: Referentiel
) -> list[CompetencyView]:
    by_id = {cp.id: cp for cp in checkpoints}
    views = [
        CompetencyView(
            id=criterion.competency,
            title=referentiel.competency(criterion.competency).title,
            verdict=VERDICT_LABELS[criterion.verdict],
            rationale=criterion.rationale,
            checkpoints=[by_id[cp] for cp in criterion.checkpoints if cp in by_id],
        )
        for criterion in criteria
    ]
    covered = {cp for criterion in criteria for cp in criterion.checkpoints}
    orphans = [cp for cp in checkpoints if cp.id not in covered]
    if orphans:
        views.append(CompetencyView("", "Autres points de contrôle", None, "", orphans))
    return views


def _verdict_counts(criteria: list[CriterionVerdict]) -> list[Count]:
    counts: Counter[Verdict] = Counter(c.verdict for c in criteria)
    return [Count(label, counts[verdict]) for verdict, label in VERDICT_LABELS.items()]


def _status_counts(checkpoints: list[CheckpointResult]) -> list[Count]:
    counts: Counter[Status] = Counter(cp.status for cp in checkpoints)
    return [Count(label, counts[status]) for status, label in STATUS_LABELS.items()]


def _alert_view(alert: Alert) -> AlertView:
    details = [
        (DETAIL_LABELS.get(key, key), _figure(value))
        for key, value in (alert.details or {}).items()
        if value is not None
    ]
    return AlertView(
        kind=alert.kind,
        label=ALERT_LABELS.get(alert.kind, alert.kind),
        where=evidence_location(alert.page, None),
        quote=" ".join(alert.quote.split()),
        message=alert.message,
        details=details,
    )


def _figure(value: float | str) -> str:
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", "\u202f").replace(".", ",")
    return str(value)


def _recommendations(assessment: Assessment, checkpoints: list[CheckpointView]) -> list[str]:
    """The engine's advice, then one per checkpoint that is not present, without repeats."""
    advice = [*assessment.recommendations, *(cp.recommendation for cp in checkpoints)]
    return list(dict.fromkeys(text.strip() for text in advice if text.strip()))
