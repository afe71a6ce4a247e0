"""Merge the arithmetic checks into the checkpoint results.

A computation that the checks could redo (break-even, cash-flow plan, cost table) is evidence
that the checkpoint is treated: a checkpoint without elements becomes present, and its
verified quotes join the evidence. A wrong figure does not remove presence (the jury sees a
``calculation_error`` alert instead).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.assessment import CheckpointResult, Evidence
from assistant.calc import CalcReport
from assistant.detect.evidence import MAX_EVIDENCE
from assistant.referentiel.models import Checkpoint


def merge_calc(
    results: Sequence[CheckpointResult],
    report: CalcReport,
    text: str,
    checkpoints: Sequence[Checkpoint],
) -> list[CheckpointResult]:
    """``results`` with the calculation evidence of ``report`` (quotes whose span holds them in
    ``text`` only), each
    checkpoint taking the evidence of its ``calculations`` (référentiel data)."""
    calculations = {c.id: c.calculations for c in checkpoints}
    merged = []
    for result in results:
        kinds = calculations.get(result.id, [])
        offered = [e for kind in kinds for e in report.evidence.get(kind, [])]
        found = [e for e in offered if e.quote and e.spans(text)]
        merged.append(_with_evidence(result, found) if found else result)
    return merged


def _with_evidence(result: CheckpointResult, found: list[Evidence]) -> CheckpointResult:
    evidence = _unique([*result.evidence, *found])[:MAX_EVIDENCE]
    if result.elements or result.status == "present":
        return result.model_copy(update={"evidence": evidence})
    return result.model_copy(
        update={
            "status": "present",
            "evidence": _unique([*found, *result.evidence])[:MAX_EVIDENCE],
            "comment": f"« {result.label or result.id} » : calcul présent et refait par l'outil.",
            "recommendation": None,
        }
    )


def _unique(items: list[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for item in items:
        if all(e.quote != item.quote for e in out):
            out.append(item)
    return out
