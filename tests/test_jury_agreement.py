"""Agreement between the jury and the tool, against values computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.jury.agreement import Pair, build_report, cohen_kappa, confusion, store_report
from assistant.jury.store import JuryStore
from assistant.referentiel.loader import load_referentiel
from assistant.settings import PROJECT_ROOT
from tests.sample_assessment import make_assessment

# jury × tool: 4 (present, present), 1 (present, partial), 2 (partial, partial),
# 1 (partial, absent), 1 (absent, absent), 1 (absent, present).
TEN = (
    [("present", "present")] * 4
    + [("present", "partial")]
    + [("partial", "partial")] * 2
    + [("partial", "absent"), ("absent", "absent"), ("absent", "present")]
)


def test_kappa_of_ten_pairs_by_hand() -> None:
    # p_o = 7/10; margins jury (5, 3, 2), tool (5, 3, 2): p_e = (25 + 9 + 4) / 100 = 0.38
    assert cohen_kappa(TEN) == pytest.approx((0.7 - 0.38) / (1 - 0.38))
    assert cohen_kappa(TEN) == pytest.approx(0.516129, abs=1e-6)


def test_kappa_degenerate_and_chance_cases() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("present", "present")] * 5) is None  # p_e = 1: undefined
    # the jury always says present, the tool half the time: p_o = p_e = 0.5, kappa 0
    half = [("present", "present")] * 2 + [("present", "absent")] * 2
    assert cohen_kappa(half) == pytest.approx(0.0)
    # perfect agreement on two labels: kappa 1; systematic disagreement: below 0
    assert cohen_kappa([("present", "present"), ("absent", "absent")]) == pytest.approx(1.0)
    assert cohen_kappa([("present", "absent"), ("absent", "present")]) == pytest.approx(-1.0)


def test_report_per_checkpoint_and_confusion() -> None:
    targets = ["pestel"] * 5 + ["swot"] * 5
    pairs = [Pair(t, j, tool) for t, (j, tool) in zip(targets, TEN, strict=True)]
    report = build_report(pairs)
    assert report.overall.n == 10 and report.overall.agreement == pytest.approx(0.7)
    # pestel: 4 (present, present) + (present, partial): p_o 0.8, jury all present: p_e 0.8
    assert report.checkpoints["pestel"].agreement == pytest.approx(0.8)
    assert report.checkpoints["pestel"].kappa == pytest.approx(0.0)
    # swot: (partial, partial) ×2, (partial, absent), (absent, absent), (absent, present)
    # p_o = 3/5; jury (partial 3, absent 2), tool (partial 2, absent 2, present 1)
    # p_e = (3·2 + 2·2) / 25 = 0.4; kappa = 0.2 / 0.6
    assert report.checkpoints["swot"].kappa == pytest.approx(1 / 3)
    assert report.confusion["present"] == {"present": 4, "partial": 1, "absent": 0}
    assert report.confusion["absent"] == {"present": 1, "partial": 0, "absent": 1}
    assert confusion([], ("a", "b")) == {"a": {"a": 0, "b": 0}, "b": {"a": 0, "b": 0}}


def test_report_from_the_store(tmp_path: Path) -> None:
    referentiel = load_referentiel(PROJECT_ROOT / "referentiel")
    assessment = make_assessment(referentiel, "E1")
    store = JuryStore(tmp_path / "j.sqlite3")
    store.record_assessment(assessment)
    sha = assessment.document.sha256
    tool = {cp.id: cp.status for cp in assessment.checkpoints}
    ids = list(tool)[:4]
    store.decide(sha, "E1", "checkpoint", ids[0], tool[ids[0]], "Anne")
    store.decide(sha, "E1", "checkpoint", ids[1], tool[ids[1]], "Anne")
    wrong = "absent" if tool[ids[2]] != "absent" else "present"
    store.decide(sha, "E1", "checkpoint", ids[2], wrong, "Anne")
    store.decide(sha, "E1", "checkpoint", ids[3], "absent", "Anne")
    store.decide(sha, "E1", "checkpoint", ids[3], tool[ids[3]], "Bruno")  # latest wins
    verdicts = {c.competency: c.verdict for c in assessment.criteria}
    first = next(iter(verdicts))
    store.decide(sha, "E1", "competency", first, verdicts[first], "Anne")
    report = store_report(store)
    assert report.overall.n == 4 and report.overall.agreement == pytest.approx(0.75)
    assert report.competencies[first].n == 1 and report.competencies[first].agreement == 1.0
    signed = {c: "non_satisfait" for c in verdicts}
    store.sign_off(sha, "E1", "Anne", signed)
    after = store_report(store)
    assert after.competency_overall is not None
    assert after.competency_overall.n == len(verdicts)  # the sign-off's verdicts count
    expected = sum(v == "non_satisfait" for v in verdicts.values()) / len(verdicts)
    assert after.competency_overall.agreement == pytest.approx(expected)
    assert store_report(store, epreuve="E3").overall.n == 0
