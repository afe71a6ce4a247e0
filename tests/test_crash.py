"""Crash safety: ``dossier-review assess`` killed with SIGKILL at several points (while
starting, parsing, loading the model, embedding into Chroma, detecting) leaves a store that
opens and passes SQLite's integrity check, and the dossier is then re-assessed with exactly
the result of a clean run in an untouched folder."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import PROJECT_ROOT
from eval.docbuild import build_pdf, dossier_items, markdown_to_items
from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE

BLIND_KILLS_S = (0.5, 1.5)  # during start-up and parsing
AFTER_WRITE_KILLS_S = (0.0, 0.3, 0.8, 2.0)  # after a first write to Chroma: embedding, detection


def assess_command(path: Path) -> list[str]:
    command = [sys.executable, "-m", "assistant", "assess", str(path), "--epreuve", "E1"]
    return [*command, "--format", "json"]


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_REVIEW_")}
    # paraphrases on: the offline path then writes the store, which the kills must not corrupt
    return {
        **env,
        "DOSSIER_REVIEW_HOME": str(home),
        "DOSSIER_REVIEW_RETRIEVAL__OFFLINE_PARAPHRASES": "true",
    }


def assess(path: Path, home: Path) -> dict[str, Any]:
    done = subprocess.run(
        assess_command(path), capture_output=True, env=env_for(home), cwd=PROJECT_ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def kill_during_assessment(path: Path, home: Path, delay: float, after_write: bool) -> bool:
    """Start an assessment and SIGKILL its process group ``delay`` seconds after its start,
    or after its first write to the Chroma database; True when it was still running then."""
    started = time.time()
    process = subprocess.Popen(
        assess_command(path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env_for(home),
        cwd=PROJECT_ROOT,
        start_new_session=True,  # the parsing child is killed with it
    )
    if after_write:
        wait_for_write(home / "chroma" / "chroma.sqlite3", started, process)
    time.sleep(delay)
    running = process.poll() is None
    with contextlib.suppress(ProcessLookupError):  # it may have finished (and been reaped)
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    return running


def wait_for_write(database: Path, since: float, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if database.is_file() and database.stat().st_mtime >= since:
            return
        time.sleep(0.02)


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash")
    items = markdown_to_items("\n\n".join((PRESENTATION, PESTEL_FULL, SWOT_TABLE)))
    return build_pdf(items + dossier_items(8), folder / "dossier.pdf")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_killed_assessments_leave_a_usable_store_and_the_same_result(
    dossier: Path, tmp_path: Path
) -> None:
    clean = assess(dossier, tmp_path / "clean")
    home = tmp_path / "crashed"
    killed = [kill_during_assessment(dossier, home, d, False) for d in BLIND_KILLS_S]
    killed += [kill_during_assessment(dossier, home, d, True) for d in AFTER_WRITE_KILLS_S]
    assert sum(killed) >= 4  # most kills hit a running assessment
    database = home / "chroma" / "chroma.sqlite3"
    assert database.is_file() and integrity(database) == "ok"
    assert assess(dossier, home) == clean
    assert integrity(database) == "ok"
