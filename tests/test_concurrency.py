"""Twenty assessments at once in one process, through the services (threads sharing one
Chroma store, one embedder and one document cache): all complete, and each result speaks of
its own dossier only (its hash, its canary in its quotes, no other dossier's canary)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.services import build_services
from assistant.settings import Settings
from tests.canaries import canary_dossiers, mixed_quotes, quotes_of

SESSIONS = 20


@pytest.mark.slow
def test_twenty_simultaneous_assessments_never_mix_dossiers(tmp_path: Path) -> None:
    # paraphrases on: the offline path then indexes each dossier, so the shared store is used
    services = build_services(
        Settings(home=tmp_path / "home", retrieval={"offline_paraphrases": True})
    )
    dossiers = canary_dossiers(tmp_path, SESSIONS)
    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        futures = [pool.submit(services.review.assess, d.path, "E1") for d in dossiers]
        results = [json.loads(f.result(timeout=600).model_dump_json()) for f in futures]
    tags = [d.tag for d in dossiers]
    for dossier, result in zip(dossiers, results, strict=True):
        assert result["document"]["sha256"] == dossier.sha256
        assert result["document"]["filename"] == dossier.path.name
        quotes = quotes_of(result)
        assert any(dossier.tag in q for q in quotes), dossier.path.name
        assert mixed_quotes(dossier, quotes, tags) == []
    assert len(services.store.list_dossiers()) == SESSIONS
