"""``python -m eval.train`` trains its parts one after the other in one process: each part must
read the models the previous ones just wrote, not copies loaded earlier in the run (otherwise a
second run writes other weights than the first)."""

from __future__ import annotations

from pathlib import Path

from assistant.detect.assertion import load_assertion
from assistant.detect.claims import void_reason
from assistant.detect.support import passage_units
from assistant.detect.verdict import load_verdict
from eval.train import forget_loaded_models


def test_models_loaded_earlier_in_the_run_are_read_again(tmp_path: Path) -> None:
    load_verdict(tmp_path / "verdict.json")  # nothing there yet: None, and cached
    load_assertion()
    void_reason(passage_units("Le marché du vélo cargo a crû de 12 % en 2024.")[0])
    assert load_verdict.cache_info().currsize > 0
    assert void_reason.cache_info().currsize > 0
    forget_loaded_models()
    assert load_verdict.cache_info().currsize == 0
    assert load_assertion.cache_info().currsize == 0
    assert void_reason.cache_info().currsize == 0
