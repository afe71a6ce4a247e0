"""``eval.passages_run --verdict FILE`` judges with that model for every passage file.

The candidate's path was captured by a closure whose variable the loop over the passage files
rebound: from the first file on, the judgment looked for a model beside the passage file,
found none and fell back to the rules alone, so a candidate read as the rules did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.detect import judged
from assistant.detect.verdict import MODEL
from eval import passages_run


def test_the_candidate_verdict_is_still_the_one_read_after_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(judged, "load_verdict", judged.load_verdict)  # restored after the test
    item = {
        "id": "t-1",
        "text": "Chez Pralinor, les ventes de ballotins ont progressé de 12 % en 2024.",
        "kind": "thin",
        "targets": {"seuil_rentabilite": "absent"},
    }
    passages = tmp_path / "some-passages.jsonl"
    passages.write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert passages_run.main([str(passages), "--verdict", str(MODEL)]) == 0
    model = judged.load_verdict()
    assert model is not None
    assert model.embedder == json.loads(MODEL.read_text(encoding="utf-8"))["embedder"]
