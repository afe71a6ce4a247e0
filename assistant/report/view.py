"""What a report shows, computed once from an Assessment and the référentiel.

The Markdown, HTML and PDF renderers only lay this view out; every French wording and every
count lives here or in ``labels``. Dossier text (quotes, filename) stays raw here: each
renderer escapes it for its own format.
"""

from __future__ import annotations

import re
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
from assistant.errors import UnknownEpreuveError, UnknownIdError
from assistant.referentiel.models import Checkpoint, Referentiel
from assistant.report.labels import (
    ALERT_LABELS,
    DETAIL_LABELS,
    HIDDEN_DETAILS,
    MODE_LABELS,
    PRE_ASSESSMENT_NOTICE,
    STATUS_LABELS,
    UNIT_SUFFIXES,
    VERDICT_LABELS,
    Label,
)

ELEMENT_QUOTES = 2  # quotes shown per element
CHECKPOINT_QUOTES = 3  # quotes shown for a checkpoint as a whole, besides its elements'


@dataclass(frozen=True)
class EvidenceView:
    quote: str
    where: str


@dataclass(frozen=True)
class ElementView:
    id: str
    label: str
    status: Label
    evidence: list[EvidenceView]


@dataclass(frozen=True)
class CheckpointView:
    id: str
    label: str
    status: Label
    elements: list[ElementView]
    missing: list[str]
    comment: str
    recommendation: str
    evidence: list[EvidenceView]  # quotes for the checkpoint as a whole
    quotes_left_out: int

    @property
    def quoted(self) -> bool:
        """Whether any quote is shown for this checkpoint or one of its elements."""
        return bool(self.evidence) or any(element.evidence for element in self.elements)


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
    return ReportView(
        title=f"Pré-évaluation du dossier « {assessment.document.filename} » — "
        f"épreuve {assessment.epreuve}",
        dossier=assessment.document.filename,
        epreuve=assessment.epreuve,
        epreuve_title=_epreuve_title(assessment.epreuve, referentiel),
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


_BREAKS = re.compile(r"[ \t\r\n\f\v\u00a0\u2028\u2029]+")


def one_line(text: str) -> str:
    """``text`` on one line: runs of spaces and line breaks become one space (narrow
    no-break spaces, French thousands separators, are kept)."""
    return _BREAKS.sub(" ", text).strip()


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
    return [
        ("Épreuve", f"{assessment.epreuve} — {_epreuve_title(assessment.epreuve, referentiel)}"),
        ("Document", f"{document.filename} ({size})"),
        ("Empreinte du document", f"sha256 {document.sha256[:16]}…"),
        ("Référentiel", f"version {engine.referentiel_version} ({engine.referentiel_hash[:12]})"),
        ("Moteur", f"dossier-review {engine.version}, mode {mode}"),
        ("Modèle d'embedding", engine.embedding),
        ("Empreinte des réglages", engine.settings_hash),
        ("Date", generated_at.strftime("%d/%m/%Y %H:%M")),
    ]


# An assessment may come from another version of the référentiel (a stored JSON report):
# an id this one does not know is shown as it is rather than refused.


def _epreuve_title(epreuve_id: str, referentiel: Referentiel) -> str:
    try:
        return referentiel.epreuve(epreuve_id).title
    except UnknownEpreuveError:
        return "épreuve inconnue de ce référentiel"


def _competency_title(competency_id: str, referentiel: Referentiel) -> str:
    try:
        return referentiel.competency(competency_id).title
    except UnknownIdError:
        return "compétence inconnue de ce référentiel"


def _checkpoint_spec(checkpoint_id: str, referentiel: Referentiel) -> Checkpoint | None:
    try:
        return referentiel.checkpoint(checkpoint_id)
    except UnknownIdError:
        return None


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


class _QuotePicker:
    """Picks the quotes a report shows: at most ``limit`` per item, each passage once per
    checkpoint, and counts those left out (all of them remain in the JSON report)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[tuple[str, int | None]] = set()
        self.left_out = 0

    def pick(self, evidence: list[Evidence]) -> list[EvidenceView]:
        fresh = []
        for item in evidence:
            key = (one_line(item.quote), item.page)
            if key not in self.seen:
                self.seen.add(key)
                fresh.append(item)
        self.left_out += max(len(fresh) - self.limit, 0)
        return [_evidence_view(item) for item in fresh[: self.limit]]


def _checkpoint_view(result: CheckpointResult, referentiel: Referentiel) -> CheckpointView:
    spec = _checkpoint_spec(result.id, referentiel)
    labels = {element.id: element.label for element in spec.elements} if spec else {}
    quotes = _QuotePicker(ELEMENT_QUOTES)
    elements = [
        ElementView(e.id, labels.get(e.id, e.id), STATUS_LABELS[e.status], quotes.pick(e.evidence))
        for e in result.elements
    ]
    quotes.limit = CHECKPOINT_QUOTES
    evidence = quotes.pick(result.evidence)
    missing = [
        labels.get(e.id, e.id) + (" (partiel)" if e.status == "partial" else "")
        for e in result.elements
        if e.status != "present"
    ]
    recommendation = ""
    if result.status != "present":
        recommendation = result.recommendation or (spec.recommendation if spec else "")
    return CheckpointView(
        id=result.id,
        label=result.label or (spec.label if spec else result.id),
        status=STATUS_LABELS[result.status],
        elements=elements,
        missing=missing,
        comment=result.comment,
        recommendation=recommendation,
        evidence=evidence,
        quotes_left_out=quotes.left_out,
    )


def _evidence_view(evidence: Evidence) -> EvidenceView:
    return EvidenceView(
        one_line(evidence.quote), evidence_location(evidence.page, evidence.section)
    )


def _competency_views(
    criteria: list[CriterionVerdict], checkpoints: list[CheckpointView], referentiel: Referentiel
) -> list[CompetencyView]:
    by_id = {cp.id: cp for cp in checkpoints}
    views = [
        CompetencyView(
            id=criterion.competency,
            title=_competency_title(criterion.competency, referentiel),
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


def _alert_details(details: dict[str, float | str | None]) -> list[tuple[str, str]]:
    """Expected and found values first (with their unit), then the figures used."""
    unit = UNIT_SUFFIXES.get(str(details.get("unit") or ""), "")
    shown = [(k, v) for k, v in details.items() if v is not None and k not in HIDDEN_DETAILS]
    shown.sort(key=lambda item: item[0] not in DETAIL_LABELS)
    return [
        (DETAIL_LABELS.get(key, key), _figure(value) + (unit if key in DETAIL_LABELS else ""))
        for key, value in shown
        if value is not None
    ]


def _alert_view(alert: Alert) -> AlertView:
    details = _alert_details(alert.details or {})
    return AlertView(
        kind=alert.kind,
        label=ALERT_LABELS.get(alert.kind, alert.kind),
        where=evidence_location(alert.page, None),
        quote=one_line(alert.quote),
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
