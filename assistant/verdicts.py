"""Per-competency verdicts and the candidate's recommendations, from checkpoint statuses.

A verdict is a pre-assessment for the jury, never a decision: all linked checkpoints present
gives ``satisfait``, all absent ``non_satisfait``, anything between
``partiellement_satisfait``; a competency that no checkpoint of the written dossier can observe
is ``non_evaluable`` (the jury judges it at the oral).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.assessment import CheckpointResult, CriterionVerdict, Verdict
from assistant.referentiel.models import Checkpoint, Competency

_STATUS_WORDS = {"present": "présent", "partial": "partiel", "absent": "absent"}


def competency_verdicts(
    competencies: Sequence[Competency],
    checkpoints: Sequence[Checkpoint],
    results: Sequence[CheckpointResult],
) -> list[CriterionVerdict]:
    """One verdict per competency, in the order given, with a short French rationale."""
    by_id = {r.id: r for r in results}
    verdicts: list[CriterionVerdict] = []
    for competency in competencies:
        linked = [c for c in checkpoints if competency.id in c.competencies and c.id in by_id]
        linked_results = [by_id[c.id] for c in linked]
        verdict = _verdict(linked_results)
        verdicts.append(
            CriterionVerdict(
                competency=competency.id,
                verdict=verdict,
                checkpoints=[c.id for c in linked],
                rationale=_rationale(verdict, linked, linked_results),
            )
        )
    return verdicts


def _verdict(results: Sequence[CheckpointResult]) -> Verdict:
    if not results:
        return "non_evaluable"
    statuses = {r.status for r in results}
    if statuses == {"present"}:
        return "satisfait"
    if statuses == {"absent"}:
        return "non_satisfait"
    return "partiellement_satisfait"


def _rationale(
    verdict: Verdict, linked: Sequence[Checkpoint], results: Sequence[CheckpointResult]
) -> str:
    if verdict == "non_evaluable":
        return (
            "Aucun point de contrôle du dossier écrit ne permet d'observer cette compétence : "
            "le jury l'apprécie lors de la soutenance ou de la mise en situation."
        )
    present = sum(r.status == "present" for r in results)
    parts = [f"{c.label} : {_STATUS_WORDS[r.status]}" for c, r in zip(linked, results, strict=True)]
    head = f"{present} point(s) de contrôle présent(s) sur {len(results)}"
    return f"{head} ({' ; '.join(parts)}). Pré-évaluation à confirmer par le jury."


def recommendations(results: Sequence[CheckpointResult]) -> list[str]:
    """Concrete French advice for every checkpoint not fully present, in checkpoint order."""
    advice: list[str] = []
    for result in results:
        advice_text = result.recommendation
        if result.status != "present" and advice_text and advice_text not in advice:
            advice.append(advice_text)
    return advice
