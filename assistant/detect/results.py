"""From detection outcomes to the contract's checkpoint results, with French comments,
recommendations and verbatim evidence."""

from __future__ import annotations

from assistant.assessment import CheckpointResult, ElementResult, Evidence
from assistant.detect.checkpoint import CheckpointOutcome, ElementOutcome, Finding
from assistant.detect.evidence import MAX_EVIDENCE, evidence_list
from assistant.detect.units import Unit


def to_result(outcome: CheckpointOutcome, text: str) -> CheckpointResult:
    cp = outcome.checkpoint
    elements = [
        ElementResult(id=e.element.id, status=e.status, evidence=_element_evidence(e, text))
        for e in outcome.elements
    ]
    return CheckpointResult(
        id=cp.id,
        label=cp.label,
        status=outcome.status,
        elements=elements,
        evidence=_checkpoint_evidence(outcome, text),
        comment=comment(outcome),
        recommendation=recommendation(outcome),
    )


def comment(outcome: CheckpointOutcome) -> str:
    """What is there and what is missing, in one or two French sentences."""
    label = outcome.checkpoint.label
    missing = [e.element.label for e in outcome.elements if e.status != "present"]
    if outcome.status == "absent":
        return f"Aucune trace de « {label} » dans le dossier."
    if outcome.status == "present":
        if outcome.elements:
            return (
                f"« {label} » : tous les éléments attendus sont analysés ({len(outcome.elements)})."
            )
        return f"« {label} » est traité avec un contenu propre au cas étudié."
    if outcome.elements and len(missing) < len(outcome.elements):
        return f"« {label} » est incomplet. {_missing_sentence(missing)}"
    return f"« {label} » est seulement cité, sans analyse propre au cas étudié."


def recommendation(outcome: CheckpointOutcome) -> str | None:
    """The référentiel's advice, made concrete with the missing elements."""
    if outcome.status == "present":
        return None
    base = outcome.checkpoint.recommendation.strip()
    missing = [e.element.label for e in outcome.elements if e.status != "present"]
    if outcome.elements and missing:
        head = f"Ajoutez l'analyse, appliquée au cas étudié, de : {', '.join(missing)}."
        return f"{head} {base}".strip()
    if outcome.status == "partial":
        head = f"Développez « {outcome.checkpoint.label} » avec une analyse appliquée au cas."
        return f"{head} {base}".strip()
    return base or f"Ajoutez « {outcome.checkpoint.label} » au dossier."


def _missing_sentence(missing: list[str]) -> str:
    if len(missing) == 1:
        return f"Élément non analysé : {missing[0]}."
    return f"Éléments non analysés : {', '.join(missing)}."


def _element_evidence(outcome: ElementOutcome, text: str) -> list[Evidence]:
    if outcome.status != "present":
        return []
    return evidence_list(text, _units_of([f for f in outcome.findings if f.substantive]))


def _checkpoint_evidence(outcome: CheckpointOutcome, text: str) -> list[Evidence]:
    if outcome.status == "absent":
        return []
    substantive = [f for f in outcome.findings if f.substantive]
    per_element = [
        next(f for f in e.findings if f.substantive)
        for e in outcome.elements
        if e.status == "present"
    ]
    chosen = substantive + per_element
    if not chosen:  # named only: show where it is named
        chosen = outcome.findings or [f for e in outcome.elements for f in e.findings]
        return evidence_list(text, [f.anchor for f in chosen], MAX_EVIDENCE)
    return evidence_list(text, [f.units[0] for f in chosen], MAX_EVIDENCE)


def _units_of(findings: list[Finding]) -> list[Unit]:
    return [u for f in findings for u in f.units]
