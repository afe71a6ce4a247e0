"""The fake-parts profile (DOSSIER_REVIEW_PARTS=fake): a hash embedder and a scripted chat
model, selected by the settings; everything else stays real (ingestion, Chroma, detection)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.fakes import DEFAULT_ANSWER, HashEmbedder, ScriptedChatModel
from assistant.llm.client import Message
from assistant.services import build_services
from assistant.settings import LimitsSettings, Settings
from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE, write

UNREACHABLE = "http://203.0.113.7/v1"  # never contacted: the network guard would fail the test


def test_hash_vectors_are_deterministic_unit_rows_close_for_shared_words() -> None:
    embedder = HashEmbedder()
    texts = ["Analyse PESTEL du marché", "analyse pestel du marche", "Budget de trésorerie"]
    first, again = embedder.embed_documents(texts), HashEmbedder().embed_documents(texts)
    assert first.shape == (3, embedder.dimension) and np.array_equal(first, again)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)
    assert first[0] @ first[1] == pytest.approx(1.0)  # accents and case folded
    assert first[0] @ first[2] < 0.5
    assert np.array_equal(embedder.embed_query(texts[0]), first[0])


def test_the_settings_select_the_fake_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_PARTS", "fake")
    monkeypatch.setenv("DOSSIER_REVIEW_LLM__BASE_URL", UNREACHABLE)
    monkeypatch.setenv("DOSSIER_REVIEW_LLM__MODEL", "juge")
    services = build_services()
    assert isinstance(services.embedder, HashEmbedder)
    assert isinstance(services.chat_model, ScriptedChatModel)
    assert services.chat_model.name == "juge"
    assert services.settings.fingerprint() != Settings(parts="real").fingerprint()


def test_an_assessment_with_fake_parts_records_the_model_calls(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path / "home",
        parts="fake",
        limits=LimitsSettings(isolate_parsing=False),
        llm={"base_url": UNREACHABLE, "model": "juge"},  # type: ignore[arg-type]
    )
    services = build_services(settings)
    model = services.chat_model
    assert isinstance(model, ScriptedChatModel)

    def partial(messages: list[Message]) -> str:
        return json.dumps({"status": "partial", "rationale": "Scripté.", "elements": []})

    model.responder = partial
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL, SWOT_TABLE)
    assessment = services.review.assess(path, "E1")
    assert assessment.engine.embedding == "hash-256" and assessment.engine.llm == "juge"
    assert len(model.calls) >= len(assessment.checkpoints)  # one call (or more) per checkpoint
    assert all(call[-1]["role"] == "user" for call in model.calls)
    assert all(c.llm_status == "partial" for c in assessment.checkpoints)


def test_the_default_script_leaves_the_offline_result() -> None:
    model = ScriptedChatModel()
    assert model.complete([{"role": "user", "content": "Bonjour"}]) == DEFAULT_ANSWER
    assert model.calls == [[{"role": "user", "content": "Bonjour"}]]
