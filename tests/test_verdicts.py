"""Per-competency verdicts and recommendations from checkpoint statuses."""

from __future__ import annotations

from assistant.assessment import CheckpointResult, Status
from assistant.referentiel.models import Competency
from assistant.verdicts import competency_verdicts, recommendations
from tests.dossiers import checkpoints

C2 = Competency(id="C2", bloc="B1", title="Étude de marché", text="Réaliser une étude de marché.")
C3 = Competency(id="C3", bloc="B1", title="Audit", text="Réaliser un audit marketing.")
ORAL = Competency(id="C10", bloc="B2", title="Relations", text="Gérer les relations externes.")


def result(cp_id: str, status: Status, advice: str | None = None) -> CheckpointResult:
    return CheckpointResult(id=cp_id, status=status, recommendation=advice)


def verdicts(statuses: dict[str, Status]) -> dict[str, str]:
    cps = checkpoints("pestel", "porter", "problematique", "swot")
    results = [result(cp_id, s) for cp_id, s in statuses.items()]
    return {v.competency: v.verdict for v in competency_verdicts([C2, C3, ORAL], cps, results)}


def test_all_linked_checkpoints_present_is_satisfait() -> None:
    got = verdicts({"pestel": "present", "porter": "present", "problematique": "present"})
    assert got["C2"] == "satisfait"


def test_all_absent_is_non_satisfait_and_mixed_is_partiel() -> None:
    assert verdicts({"swot": "absent"})["C3"] == "non_satisfait"
    mixed = verdicts({"pestel": "present", "porter": "absent", "problematique": "absent"})
    assert mixed["C2"] == "partiellement_satisfait"
    named = verdicts({"pestel": "partial", "porter": "absent", "problematique": "absent"})
    assert named["C2"] == "partiellement_satisfait"


def test_a_competency_no_checkpoint_observes_is_non_evaluable() -> None:
    cps = checkpoints("pestel")
    (verdict,) = competency_verdicts([ORAL], cps, [result("pestel", "present")])
    assert verdict.verdict == "non_evaluable"
    assert verdict.checkpoints == []
    assert "soutenance" in verdict.rationale


def test_rationale_names_each_linked_checkpoint_and_its_status() -> None:
    cps = checkpoints("pestel", "porter")
    results = [result("pestel", "present"), result("porter", "partial")]
    (verdict,) = competency_verdicts([C2], cps, results)
    assert verdict.checkpoints == ["pestel", "porter"]
    assert "1 point(s) de contrôle présent(s) sur 2" in verdict.rationale
    assert "partiel" in verdict.rationale


def test_recommendations_cover_every_incomplete_checkpoint_once() -> None:
    results = [
        result("pestel", "partial", "Ajoutez le facteur légal."),
        result("porter", "present", None),
        result("swot", "absent", "Ajoutez une matrice SWOT."),
        result("fcs", "absent", "Ajoutez une matrice SWOT."),
    ]
    assert recommendations(results) == ["Ajoutez le facteur légal.", "Ajoutez une matrice SWOT."]
