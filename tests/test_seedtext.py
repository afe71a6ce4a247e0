"""Checks that need ../shared skip without it, and fail instead when CI requires the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seedtext import REQUIRE_SEED, load_seed, require_shared


def test_a_missing_seed_skips_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(REQUIRE_SEED, raising=False)
    with pytest.raises(pytest.skip.Exception, match="source text"):
        load_seed(tmp_path / "absent.txt")


def test_a_missing_seed_fails_when_required(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(REQUIRE_SEED, "1")
    with pytest.raises(pytest.fail.Exception, match=REQUIRE_SEED):
        require_shared(tmp_path / "absent.txt")


def test_a_present_file_is_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRE_SEED, "1")
    seed = tmp_path / "seed.txt"
    seed.write_text("C1. Analyser le marché.\n", encoding="utf-8")
    assert require_shared(seed) == seed
    assert load_seed(seed).words[:2] == ["c1", "analyser"]
