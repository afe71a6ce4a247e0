from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.assessment import Alert, Assessment, CheckpointResult, ElementResult
from assistant.document import Document
from assistant.referentiel.models import Referentiel
from assistant.services import build_services
from assistant.settings import Settings
from eval import run
from eval.engines import llm_quote_counts
from eval.labels import load_labels
from eval.metrics import Case
from tests.test_eval_metrics import assessment

DEVSET = Path(run.__file__).with_name("devset")


def test_baseline_run_on_e3_prints_the_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert run.main(["--engine", "baseline", "--only", "E3", "--json", str(out), "-v"]) == 0
    printed = capsys.readouterr().out
    assert "4 dossiers, format md" in printed
    assert "balanced accuracy" in printed and "calculation error recall" in printed
    assert "e3-02-atelier-lumen-evenementiel.md [E3]" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    metrics = data["baseline"]["metrics"]
    assert metrics["injection recall"] == 0.0  # the baseline raises no alert
    assert metrics["calculation error recall"] == 0.0
    assert metrics["quote verification rate"] == 1.0
    assert 0.0 < metrics["checkpoint accuracy"] <= 1.0
    assert len(data["baseline"]["dossiers"]) == 4
    assert data["baseline"]["failures"] == {}


def test_heldout_set_is_selected_by_name_and_a_folder_overrides_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert (
        run.main(["--set", "heldout", "--engine", "baseline", "--only", "E3", "--json", str(out)])
        == 0
    )
    assert "2 dossiers, format md" in capsys.readouterr().out
    files = {d["file"] for d in json.loads(out.read_text(encoding="utf-8"))["baseline"]["dossiers"]}
    assert files == {"e3-01-lavandiere-pressing.md", "e3-02-enigma-truck-escape-game.md"}
    args = ["--set", "heldout", "--devset", str(DEVSET), "--engine", "baseline", "--only", "E3"]
    assert run.main(args) == 0
    assert "4 dossiers, format md" in capsys.readouterr().out


def test_rendered_docx_goes_through_real_ingestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    args = ["--engine", "baseline", "--only", "e3-01", "--format", "docx", "--json", str(out)]
    assert run.main(args) == 0
    assert "1 dossiers, format docx" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))["baseline"]
    assert data["failures"] == {}
    assert data["metrics"]["quote verification rate"] == 1.0


@dataclass
class NoReviewServices:
    """What eval.run uses of the services, real (fake-parts profile), but no review."""

    referentiel: Referentiel
    ingest: Callable[[Path], Document]

    @classmethod
    def build(cls) -> NoReviewServices:
        services = build_services(Settings(parts="fake"))
        return cls(services.referentiel, services.ingest)


def test_engine_unavailable_fails_clearly_alone_and_falls_back_to_baseline_with_both(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit, match="engine is not available"):
        run.main(["--engine", "offline", "--only", "E4"], services=NoReviewServices.build())
    assert run.main(["--only", "E4"], services=NoReviewServices.build()) == 0
    captured = capsys.readouterr()
    assert "baseline only" in captured.err
    assert "metric" in captured.out and "engine" not in captured.out.splitlines()[1]


def test_unknown_only_filter_exits() -> None:
    with pytest.raises(SystemExit, match="No dossier matches"):
        run.main(["--engine", "baseline", "--only", "E9"])


def test_llm_quote_counts_are_summed_over_llm_runs_only() -> None:
    label = load_labels(DEVSET)[0]
    llm = assessment([])
    llm.engine = llm.engine.model_copy(
        update={"mode": "llm", "llm_quotes_total": 20, "llm_quotes_rejected": 3}
    )
    offline = assessment([])
    assert llm_quote_counts([Case(label, llm, ""), Case(label, None, "")]) == (3, 20)
    assert llm_quote_counts([Case(label, offline, "")]) is None


class OracleReview:
    """A scripted engine that answers what the labels say, and fails on one dossier."""

    def __init__(self, fail_on: str) -> None:
        self.labels = {label.file: label for label in load_labels(DEVSET)}
        self.fail_on = fail_on
        self.calls: list[tuple[str, str]] = []

    def assess(self, path: Path, epreuve: str) -> Assessment:
        self.calls.append((path.name, epreuve))
        if path.name == self.fail_on:
            raise RuntimeError("scripted failure")
        label = self.labels[path.name]
        result = assessment([])
        for cid, cp in label.checkpoints.items():
            elements = [ElementResult(id=e, status=s) for e, s in cp.elements.items()]
            result.checkpoints.append(CheckpointResult(id=cid, status=cp.status, elements=elements))
        for inj in label.injections:
            result.alerts.append(
                Alert(kind="prompt_injection", page=1, quote=inj.quote, message="injection")
            )
        for err in label.calculation_errors:
            result.alerts.append(
                Alert(kind="calculation_error", page=1, quote=err.figure, message="faux")
            )
        result.engine = result.engine.model_copy(
            update={"mode": "llm", "llm_quotes_total": 4, "llm_quotes_rejected": 1}
        )
        return result


@dataclass
class OracleServices(NoReviewServices):
    review: OracleReview

    @classmethod
    def build(cls) -> OracleServices:
        real = NoReviewServices.build()
        oracle = OracleReview(fail_on="e3-02-atelier-lumen-evenementiel.md")
        return cls(real.referentiel, real.ingest, oracle)


def test_an_engine_that_answers_the_labels_scores_perfectly_and_failures_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = OracleServices.build()
    out = tmp_path / "out.json"
    assert run.main(["--only", "E3", "--json", str(out)], services=services) == 0
    assert sorted(services.review.calls) == [
        ("e3-01-graines-de-saison-foodtech.md", "E3"),
        ("e3-02-atelier-lumen-evenementiel.md", "E3"),
        ("e3-03-bocal-vrac-epicerie.md", "E3"),
        ("e3-04-theatre-des-quais-tournee.md", "E3"),
    ]
    printed = capsys.readouterr().out
    assert "engine: 1 dossier(s) failed: e3-02-atelier-lumen-evenementiel.md" in printed
    assert "engine: LLM quotes rejected by verification: 3/12 (25.0%)" in printed
    assert "margin" in printed.splitlines()[1]
    data = json.loads(out.read_text(encoding="utf-8"))
    engine = data["engine"]["metrics"]
    assert data["engine"]["counts"]["dossiers (failed)"] == "4 (1)"
    assert data["engine"]["counts"]["calculation errors found"] == "3/5"  # e3-02 failed
    assert data["engine"]["counts"]["calculation false alarms"] == "0"
    assert engine["mention-only false present"] == 0.0
    assert engine["clean dossiers with calc alert"] == 0.0
    assert engine["injection recall"] == 0.0  # the only E3 injection is in the failed dossier
    # 21 checkpoints right on the three answered dossiers, 2 absent ones on the failed one
    assert engine["checkpoint accuracy"] == pytest.approx(23 / 28)


def test_the_oracle_is_perfect_on_every_dossier_it_answers(tmp_path: Path) -> None:
    services = OracleServices.build()
    out = tmp_path / "out.json"
    assert run.main(["--engine", "offline", "--json", str(out)], services=services) == 0
    engine = json.loads(out.read_text(encoding="utf-8"))["engine"]
    assert engine["counts"]["injections found"] == "7/8"  # e3-02's injection is missed
    assert engine["counts"]["injection false alarms"] == "0"
    errors = {d["file"]: d["errors"] for d in engine["dossiers"]}
    assert all(not e for f, e in errors.items() if f != "e3-02-atelier-lumen-evenementiel.md")
