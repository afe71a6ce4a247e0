"""Retention of the jury workspace: explicit erasure reaches it, a browser session's erasure
does not, and ``purge --expired`` removes dossiers idle for longer than jury_retention_days."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.jury.store import JuryStore
from assistant.referentiel.loader import load_referentiel
from assistant.services import Services, build_services
from assistant.settings import PROJECT_ROOT, Settings
from tests.sample_assessment import make_assessment

OLD = "2001-09-09T01:46:40.000000+00:00"


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return make_assessment(load_referentiel(PROJECT_ROOT / "referentiel"), "E1")


def recorded(store: JuryStore, assessment: Assessment, sha: str) -> str:
    doc = assessment.document.model_copy(update={"sha256": sha, "filename": f"{sha[:4]}.pdf"})
    store.record_assessment(assessment.model_copy(update={"document": doc}))
    return sha


def age(store: JuryStore, sha: str) -> None:
    """Date every record of the dossier back to 2001."""
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE dossiers SET added_at = ? WHERE sha256 = ?", (OLD, sha))
        conn.execute("UPDATE assessments SET created_at = ? WHERE sha256 = ?", (OLD, sha))
        conn.execute("UPDATE decisions SET decided_at = ? WHERE sha256 = ?", (OLD, sha))


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return build_services(Settings(home=tmp_path / "home", jury_retention_days=200))


def test_expired_removes_only_idle_jury_dossiers(
    services: Services, assessment: Assessment
) -> None:
    store = services.jury_store
    idle = recorded(store, assessment, "a" * 64)
    recent = recorded(store, assessment, "b" * 64)
    revived = recorded(store, assessment, "c" * 64)
    age(store, idle)
    age(store, revived)
    store.decide(revived, "E1", "checkpoint", "pestel", "absent", "Anne", "Relu cette semaine.")

    result = services.purge.purge_expired()

    assert result.jury == 1
    assert sorted(d.sha256 for d in store.dossiers()) == [recent, revived]
    assert store.decisions(revived)  # a decision taken this week keeps an old dossier


def test_session_erasure_keeps_the_jury_records_and_explicit_erasure_removes_them(
    services: Services, assessment: Assessment
) -> None:
    store = services.jury_store
    sha = recorded(store, assessment, "d" * 64)
    kept = recorded(store, assessment, "e" * 64)

    assert services.purge.purge_dossier(sha).jury == 0  # "Supprimer mon dossier"
    assert store.dossier(sha) is not None
    assert services.purge.purge_dossier(sha[:16], jury=True).jury == 1
    assert store.dossier(sha) is None and store.dossier(kept) is not None
    assert services.purge.purge_all().jury == 1
    assert store.dossiers() == []


def test_no_jury_file_is_created_by_a_purge(services: Services) -> None:
    services.purge.purge_expired()
    services.purge.purge_all()
    assert not services.settings.folders.jury.exists()


def test_purge_cli_reports_the_jury_records(tmp_path: Path, assessment: Assessment) -> None:
    home = tmp_path / "home"
    store = JuryStore.in_home(home)
    sha = recorded(store, assessment, "f" * 64)
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "purge", "--sha", sha],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1 dossier(s) retiré(s) de l'espace jury" in done.stdout
    assert store.dossier(sha) is None
