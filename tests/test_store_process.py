"""The embedded Chroma store is written by one process at a time (a lock held while the store
is open, released even by a killed process); several processes share a Chroma server instead
(``store_url``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.index.chunking import chunk_document
from assistant.index.store import VectorStore
from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, Settings
from tests.browser import free_port
from tests.dossiers import PESTEL_FULL, PRESENTATION, ingest, write
from tests.factories import CHUNKING

OTHER_PROCESS = """
import sys
from pathlib import Path
from assistant.index.embedding import make_embedder
from assistant.errors import ReviewError
from assistant.settings import EmbeddingSettings
from assistant.index.store import VectorStore
embedder = make_embedder(EmbeddingSettings())
store = VectorStore(Path(sys.argv[1]), embedder, chunking=[600, 100, 1], lock_timeout_s=0.5)
try:
    print(len(store.list_dossiers()))
except ReviewError as err:
    print(err.message)
"""


def other_process(folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, str(folder)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_second_process_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    store = services.store
    assert store.list_dossiers() == []  # opened: this process holds the store
    same_process = VectorStore(store.path, store.embedder, chunking=CHUNKING)
    assert same_process.list_dossiers() == []  # shared within the process
    message = other_process(store.path)
    assert "est déjà utilisé par un autre processus, probablement l'application" in message
    same_process.close()
    assert "déjà utilisé" in other_process(store.path)  # still held by ``store``
    store.close()
    assert other_process(store.path) == "0"


def test_purge_from_the_cli_while_the_app_holds_the_store(tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    services.store.list_dossiers()
    env = {
        **os.environ,
        "DOSSIER_REVIEW_HOME": str(tmp_path / "home"),
        "DOSSIER_REVIEW_STORE_WAIT_S": "0.5",
    }
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "purge", "--all"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert "arrêtez-la avant cette commande" in done.stderr


@pytest.fixture
def chroma_server(tmp_path: Path) -> str:
    port = free_port()
    binary = Path(sys.executable).parent / "chroma"
    if not binary.exists():
        pytest.skip("the 'chroma' command of the chromadb package is not installed")
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [str(binary), "run", "--path", str(tmp_path / "server"), "--port", str(port)],
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/api/v2/heartbeat", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("chroma server did not start")


def test_two_processes_share_a_chroma_server(chroma_server: str, tmp_path: Path) -> None:
    """Two clients of one server (as two app workers would be), and a purge through it."""
    services = build_services(Settings(home=tmp_path / "home", store_url=chroma_server))
    doc = ingest(write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL))
    chunks = chunk_document(doc)
    services.store.ensure_dossier(doc.meta.sha256, chunks)
    other = VectorStore(
        tmp_path / "unused", services.embedder, chunking=CHUNKING, url=chroma_server
    )  # no lock
    hits = other.search_dossier(doc.meta.sha256, "analyse PESTEL", k=2)
    assert hits and hits[0][0] in {c.id for c in chunks}
    assert other.list_dossiers() == [doc.meta.sha256[:16]]
    result = services.purge.purge_dossier(doc.meta.sha256)
    assert result.collections == 1 and result.compaction is None
    assert other.list_dossiers() == []
    assert not (tmp_path / "unused").exists() and not services.settings.folders.chroma.exists()
