from pathlib import Path

import pytest

from assistant.settings import Settings


def test_home_and_nested_llm_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DOSSIER_REVIEW_HOME", str(tmp_path))
    monkeypatch.setenv("DOSSIER_REVIEW_LLM__BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DOSSIER_REVIEW_LLM__MODEL", "tiny")
    settings = Settings()
    assert settings.home == tmp_path
    assert settings.folders.chroma == tmp_path / "chroma"
    assert settings.llm.enabled


def test_an_openai_key_alone_does_not_enable_the_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-not-be-used")
    for name in ("DOSSIER_REVIEW_LLM__BASE_URL", "DOSSIER_REVIEW_LLM__MODEL"):
        monkeypatch.delenv(name, raising=False)
    assert not Settings().llm.enabled


def test_fingerprint_changes_with_the_model_but_not_with_the_key() -> None:
    base = Settings(llm={"base_url": "http://x/v1", "model": "a", "api_key": "k1"})
    other_key = Settings(llm={"base_url": "http://x/v1", "model": "a", "api_key": "k2"})
    other_model = Settings(llm={"base_url": "http://x/v1", "model": "b"})
    assert base.fingerprint() == other_key.fingerprint()
    assert base.fingerprint() != other_model.fingerprint()
    stricter = Settings(calc={"tolerance": 0.001})  # type: ignore[arg-type]
    assert Settings().fingerprint() != stricter.fingerprint()  # the calc checks shape verdicts
