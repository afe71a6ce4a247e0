"""Erasure: after a purge, nothing of the dossier is left anywhere under the data folder, not
even in the free pages of Chroma's SQLite file or in an orphan HNSW folder.

A canary sentence (a unique random string) is written in a dossier that is assessed for real
(ingestion, Chroma store on disk, local embedder); the canary and the dossier's vectors are
found in the bytes of the files under ``home``, then, after the purge, in none of them."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import InputError
from assistant.index.chunking import chunk_document, indexed_text
from assistant.llm.audit import AuditCall, AuditRecord, write_audit
from assistant.services import Services, build_services
from assistant.settings import PROJECT_ROOT, RetrievalSettings, Settings
from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE, write


def canary() -> str:
    return f"Canari{uuid.uuid4().hex}"


def dossier(folder: Path, name: str, secret: str) -> Path:
    note = f"Note personnelle du candidat : {secret} habite au 12 rue des Lilas."
    return write(folder, name, PRESENTATION, note, PESTEL_FULL, SWOT_TABLE)


def files_holding(home: Path, needle: bytes) -> list[str]:
    """Every file under ``home`` whose bytes contain ``needle``."""
    return sorted(
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file() and needle in p.read_bytes()
    )


def vector_prints(services: Services, path: Path, secret: str) -> list[bytes]:
    """The first 32 bytes of the stored vectors of the dossier's chunks holding ``secret``
    (the other chunks may be shared with another dossier), as Chroma writes them."""
    doc = services.review.document(path)
    texts = [indexed_text(c) for c in chunk_document(doc)]
    vectors = services.embedder.embed_documents(texts)  # one batch, as the store does
    return [
        np.asarray(v, dtype=np.float32).tobytes()[:32]
        for v, text in zip(vectors, texts, strict=True)
        if secret in text
    ]


def traces(home: Path, secret: str, prints: list[bytes]) -> list[str]:
    found = files_holding(home, secret.encode())
    return found + [f"vector in {f}" for p in prints for f in files_holding(home, p)]


def store_and_audit(services: Services, path: Path, secret: str) -> str:
    """Assess the dossier, then record an LLM audit about it."""
    sha = services.review.assess(path, "E1").document.sha256
    record = AuditRecord(
        dossier_sha256=sha,
        epreuve="E1",
        model="scripted",
        base_url="http://127.0.0.1:9/v1",
        prompt_versions={"judge": "1"},
        settings_hash="x",
        calls=[AuditCall(checkpoint="pestel", messages=[{"role": "user", "content": secret}])],
    )
    write_audit(record, services.settings.folders.audit)
    return sha


@pytest.fixture
def services(tmp_path: Path) -> Services:
    # offline paraphrases on: the dossiers go into the vector store, whose erasure is tested
    retrieval = RetrievalSettings(offline_paraphrases=True)
    return build_services(Settings(home=tmp_path / "home", retrieval=retrieval))


def test_purged_dossier_leaves_nothing_on_disk(services: Services, tmp_path: Path) -> None:
    home = services.settings.home
    secret, other_secret = canary(), canary()
    path = dossier(tmp_path, "candidat.md", secret)
    other = dossier(tmp_path, "autre.md", other_secret)
    sha = store_and_audit(services, path, secret)
    services.review.assess(other, "E1")
    prints = vector_prints(services, path, secret)
    assert prints
    before = traces(home, secret, prints)
    assert any(f.startswith("cache/") for f in before)
    assert any(f.startswith("audit/") for f in before)
    assert any(f.startswith("vector in chroma/") for f in before), before

    result = services.purge.purge_dossier(sha)

    assert traces(home, secret, prints) == []
    assert result.dossiers == [sha[:16]] and result.collections == 1
    assert result.files == 3  # the ingested document, its result and the audit record
    assert result.compaction is not None
    assert files_holding(home, other_secret.encode())  # the other dossier is untouched
    again = services.review.assess(other, "E1")  # the store still opens and answers
    assert again.document.filename == "autre.md"
    assert services.purge.known_dossiers() == [again.document.sha256[:16]]


def test_deleted_collection_text_is_gone_from_sqlite_and_hnsw(
    services: Services, tmp_path: Path
) -> None:
    """What plain Chroma leaves behind, and what compaction removes: a collection holding
    documents (text) and over 1,000 vectors (so that its HNSW files are written)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    store_dir = services.settings.folders.chroma
    secret = canary()
    client = chromadb.PersistentClient(
        path=str(store_dir), settings=ChromaSettings(anonymized_telemetry=False)
    )
    col = client.create_collection("dossier-0123456789abcdef-x", embedding_function=None)
    vectors = np.random.default_rng(0).random((1100, 8)).astype(np.float32)
    for at in range(0, 1100, 550):
        col.add(
            ids=[f"c{i}" for i in range(at, at + 550)],
            embeddings=vectors[at : at + 550],
            documents=[f"{secret} passage {i}" for i in range(at, at + 550)],
        )
    client.delete_collection(col.name)
    client.close()
    assert files_holding(store_dir, secret.encode())  # deleted, yet still in the file
    folders = [p for p in store_dir.iterdir() if p.is_dir()]
    assert folders  # the deleted collection's HNSW folder

    services.purge.purge_all()

    assert files_holding(store_dir, secret.encode()) == []
    assert files_holding(store_dir, secret[-6:].encode()) == []  # no trigram left either
    assert not any(p.exists() for p in folders)


def test_purge_by_file_and_expired_and_all(services: Services, tmp_path: Path) -> None:
    first = dossier(tmp_path, "un.md", canary())
    second = dossier(tmp_path, "deux.md", canary())
    third = dossier(tmp_path, "trois.md", canary())
    shas = [services.review.assess(p, "E1").document.sha256[:16] for p in (first, second, third)]
    assert services.purge.known_dossiers() == sorted(shas)

    assert services.purge.purge_file(first).dossiers == [shas[0]]
    old = services.settings.home / "cache"
    for cached in old.rglob(f"{shas[1]}*"):  # the ingested document and the results
        os.utime(cached, (1_000_000_000, 1_000_000_000))  # stored in 2001
    assert services.purge.purge_expired().dossiers == [shas[1]]
    assert services.purge.known_dossiers() == [shas[2]]
    assert services.purge.purge_all().dossiers == [shas[2]]
    assert services.purge.known_dossiers() == []


@pytest.mark.parametrize("sha", ["", "xyz", "0123456789abcde", "0123456789abcdeg" * 4])
def test_invalid_hash_is_refused_in_french(services: Services, sha: str) -> None:
    with pytest.raises(InputError) as raised:
        services.purge.purge_dossier(sha)
    assert "n'est pas valide" in raised.value.message


def test_purge_cli(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home)}
    secret = canary()
    path = dossier(tmp_path, "candidat.md", secret)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "assistant", *args]
        return subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=240
        )

    assert cli("assess", str(path), "--epreuve", "E1", "--format", "json").returncode == 0
    assert files_holding(home, secret.encode())
    done = cli("purge", str(path))
    assert done.returncode == 0, done.stderr
    assert "1 dossier supprimé" in done.stdout
    assert files_holding(home, secret.encode()) == []
    nothing = cli("purge", "--expired")
    assert nothing.returncode == 0 and "Aucun dossier" in nothing.stdout
    refused = cli("purge", "--sha", "pas-un-hash")
    assert refused.returncode == 2 and "n'est pas valide" in refused.stderr
    both = cli("purge", "--all", "--expired")
    assert both.returncode == 2 and both.stderr.startswith("Erreur : arguments invalides")
