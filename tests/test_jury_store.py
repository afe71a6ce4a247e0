"""The jury's store of record: a real SQLite file on disk, shared by processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.errors import InputError
from assistant.jury.store import SCHEMA_VERSION, JuryStore
from assistant.referentiel.loader import load_referentiel
from assistant.settings import PROJECT_ROOT
from tests.sample_assessment import make_assessment


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return make_assessment(load_referentiel(PROJECT_ROOT / "referentiel"), "E1")


def other(assessment: Assessment, sha: str) -> Assessment:
    doc = assessment.document.model_copy(update={"sha256": sha, "filename": f"{sha[:4]}.pdf"})
    return assessment.model_copy(update={"document": doc})


def test_the_file_is_private_in_wal_mode_and_migrated(tmp_path: Path) -> None:
    store = JuryStore.in_home(tmp_path / "home")
    assert store.path == tmp_path / "home" / "jury.sqlite3"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"dossiers", "assessments", "decisions", "signoffs"} <= tables
    JuryStore(store.path)  # reopening migrates nothing and keeps the data
    assert JuryStore(store.path).schema_version() == SCHEMA_VERSION


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    store = JuryStore(tmp_path / "j.sqlite3")
    with sqlite3.connect(store.path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="version plus récente"):
        JuryStore(store.path)


def test_decisions_sit_beside_the_ai_result_and_the_latest_wins(
    tmp_path: Path, assessment: Assessment
) -> None:
    store = JuryStore(tmp_path / "j.sqlite3")
    shown = store.record_assessment(assessment)
    sha = assessment.document.sha256
    tool = {cp.id: cp.status for cp in assessment.checkpoints}
    assert tool["pestel"] == "present"
    assert store.decide(sha, "E1", "checkpoint", "pestel", "absent", "Anne", "Aucun facteur.")
    assert not store.decide(sha, "E1", "checkpoint", "pestel", "absent", "Anne", "Aucun facteur.")
    assert store.decide(sha, "E1", "checkpoint", "pestel", "partial", "Bruno")
    assert store.decide(sha, "E1", "competency", "C1", "non_satisfait", "Bruno")
    latest = {(d.kind, d.target): d for d in store.decisions(sha, "E1")}
    assert latest["checkpoint", "pestel"].decision == "partial"
    assert latest["checkpoint", "pestel"].juror == "Bruno"
    assert latest["checkpoint", "pestel"].assessment_id == shown
    assert latest["competency", "C1"].decision == "non_satisfait"
    assert [d.decision for d in store.history(sha)] == ["absent", "partial", "non_satisfait"]
    kept = store.latest_assessment(sha, "E1")
    assert kept is not None and kept.id == shown
    assert {cp.id: cp.status for cp in kept.assessment.checkpoints} == tool  # never overwritten


def test_bad_decisions_and_unassessed_dossiers_are_refused(
    tmp_path: Path, assessment: Assessment
) -> None:
    store = JuryStore(tmp_path / "j.sqlite3")
    store.record_assessment(assessment)
    sha = assessment.document.sha256
    with pytest.raises(InputError, match="invalide"):
        store.decide(sha, "E1", "checkpoint", "pestel", "satisfait", "Anne")
    with pytest.raises(InputError, match="nom du juré"):
        store.decide(sha, "E1", "checkpoint", "pestel", "present", "  ")
    with pytest.raises(InputError, match="jamais été pré-évalué"):
        store.decide("ff" * 32, "E1", "checkpoint", "pestel", "present", "Anne")
    items = [
        (sha, "E1", "checkpoint", "pestel", "present", ""),
        ("ff" * 32, "E1", "checkpoint", "swot", "present", ""),
    ]
    with pytest.raises(InputError):
        store.decide_many(items, juror="Anne")  # type: ignore[arg-type]
    assert store.decisions() == []  # all or nothing


def test_sign_off_keeps_history_and_deleting_a_dossier_cascades(
    tmp_path: Path, assessment: Assessment
) -> None:
    store = JuryStore(tmp_path / "j.sqlite3")
    store.record_assessment(assessment)
    store.record_assessment(other(assessment, "12" * 32))
    sha = assessment.document.sha256
    store.decide(sha, "E1", "checkpoint", "swot", "absent", "Anne")
    store.decide("12" * 32, "E1", "checkpoint", "swot", "absent", "Anne")
    store.sign_off(sha, "E1", "Anne", {"C1": "satisfait"}, "Premier avis.")
    store.sign_off(sha, "E1", "Bruno", {"C1": "non_satisfait"}, "Revu en commission.")
    signed = store.signoff_of(sha, "E1")
    assert signed is not None and signed.juror == "Bruno"
    assert signed.verdicts == {"C1": "non_satisfait"} and signed.comment == "Revu en commission."
    with pytest.raises(InputError):
        store.sign_off(sha, "E1", "Anne", {"C1": "bof"})
    assert store.delete_dossier(sha)
    assert store.dossier(sha) is None
    assert store.latest_assessment(sha, "E1") is None
    assert store.history(sha) == [] and store.signoff_of(sha, "E1") is None
    with sqlite3.connect(store.path) as conn:
        left = conn.execute("SELECT sha256 FROM decisions").fetchall()
        assert left == [("12" * 32,)]
        assert conn.execute("SELECT COUNT(*) FROM signoffs").fetchone()[0] == 0


def _write_decisions(path: str, juror: str, sha: str, count: int) -> None:
    store = JuryStore(Path(path), busy_timeout_s=60)
    targets = ("pestel", "porter", "swot", "fcs")
    for i in range(count):
        store.decide(sha, "E1", "checkpoint", targets[i % 4], "absent", juror, f"passe {i}")
        store.sign_off(sha, "E1", juror, {"C1": "satisfait"}, f"passe {i}")


def test_two_processes_write_at_the_same_time(tmp_path: Path, assessment: Assessment) -> None:
    store = JuryStore(tmp_path / "j.sqlite3")
    store.record_assessment(assessment)
    sha = assessment.document.sha256
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_decisions, args=(str(store.path), juror, sha, 40))
        for juror in ("Anne", "Bruno")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    history = store.history(sha)
    assert len(history) == 80
    assert {d.juror for d in history} == {"Anne", "Bruno"}
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM signoffs").fetchone()[0] == 80
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_version_1_file_is_migrated_and_keeps_its_decisions(
    tmp_path: Path, assessment: Assessment
) -> None:
    from assistant.jury.store import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:  # the file as the first release left it
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
    old = sqlite3.connect(path)
    old.execute("INSERT INTO dossiers VALUES ('ab', 'x.pdf', 'E1', '2026-01-01')")
    old.commit()
    old.close()
    store = JuryStore(path)
    assert store.schema_version() == SCHEMA_VERSION >= 2
    assert store.dossier("ab") is not None
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"similar_passages", "epreuve_fits"} <= tables
