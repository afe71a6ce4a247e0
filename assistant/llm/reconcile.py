"""Reconciliation of an LLM judgement with the offline result.

The LLM may lower a status freely; it may raise one only with quotes verified in the dossier.
Every disagreement is shown to the juror in the comment."""

from __future__ import annotations

from assistant.assessment import CheckpointResult, ElementResult, Evidence, Status
from assistant.llm.judgement import LLMJudgement
from assistant.llm.quotes import QuoteLocator

RANK: dict[Status, int] = {"absent": 0, "partial": 1, "present": 2}
LABEL: dict[Status, str] = {"absent": "absent", "partial": "partiel", "present": "présent"}


def verify_quotes(quotes: list[str], locator: QuoteLocator) -> tuple[list[Evidence], int]:
    """Verified evidence and the number of quotes that failed verification."""
    verified = [ev for q in quotes if (ev := locator.locate(q)) is not None]
    return verified, len(quotes) - len(verified)


def _element(
    offline: ElementResult, llm_status: Status | None, evidence: list[Evidence]
) -> ElementResult:
    if llm_status is None or llm_status == offline.status:
        return offline
    if RANK[llm_status] < RANK[offline.status]:
        return ElementResult(id=offline.id, status=llm_status, evidence=[])
    if evidence:
        return ElementResult(id=offline.id, status=llm_status, evidence=evidence)
    return offline


def _derive(elements: list[ElementResult], fallback: Status) -> Status:
    statuses = [e.status for e in elements]
    if all(s == "present" for s in statuses):
        return "present"
    if any(s != "absent" for s in statuses):
        return "partial"
    return "partial" if fallback != "absent" else "absent"


def reconcile(
    offline: CheckpointResult, judgement: LLMJudgement, locator: QuoteLocator
) -> tuple[CheckpointResult, int]:
    """The reconciled checkpoint and the number of LLM quotes that failed verification."""
    failed = 0
    by_id = {e.id: e for e in judgement.elements}
    elements = []
    for element in offline.elements:
        judged = by_id.get(element.id)
        evidence, bad = verify_quotes([q.quote for q in judged.quotes] if judged else [], locator)
        failed += bad
        elements.append(_element(element, judged.status if judged else None, evidence))
    evidence, bad = verify_quotes([q.quote for q in judgement.quotes], locator)
    failed += bad
    status = _checkpoint_status(offline, judgement.status, elements, evidence)
    comment = offline.comment
    if judgement.status != offline.status:
        comment = (
            f"{comment} Avis du modèle de langue : {LABEL[judgement.status]} — "
            f"{judgement.rationale.strip()}"
        ).strip()
    result = offline.model_copy(
        update={
            "status": status,
            "elements": elements,
            "evidence": offline.evidence
            if status == offline.status
            else evidence or offline.evidence,
            "comment": comment,
            "recommendation": offline.recommendation or judgement.recommendation,
            "source": "llm"
            if status != offline.status or elements != offline.elements
            else "offline",
            "llm_status": judgement.status,
            "llm_rationale": judgement.rationale.strip(),
        }
    )
    return result, failed


def _checkpoint_status(
    offline: CheckpointResult,
    llm_status: Status,
    elements: list[ElementResult],
    evidence: list[Evidence],
) -> Status:
    if elements:
        derived = _derive(elements, min(offline.status, llm_status, key=RANK.__getitem__))
        return (
            min(derived, llm_status, key=RANK.__getitem__)
            if RANK[llm_status] < RANK[derived]
            else derived
        )
    if RANK[llm_status] < RANK[offline.status]:
        return llm_status
    if RANK[llm_status] > RANK[offline.status] and evidence:
        return llm_status
    return offline.status
