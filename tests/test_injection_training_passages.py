"""The injection reading's trainer leaves out the passage files not measured for it.

Clean text added to its training lifts the alarm (eval/README.md, inj8 and inj10), so a
passage file joins it only once measured; the files written for the verdict (w18, w37, w38)
are skipped, any other training file is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import train_injection


def _write(folder: Path, name: str, text: str) -> None:
    item = {"id": f"{name}-1", "text": text, "kind": "analysis", "targets": {"swot": "present"}}
    (folder / f"{name}.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")


def test_files_not_measured_for_the_injection_reading_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passages = tmp_path / "passages"
    passages.mkdir()
    _write(passages, "train-w37", "La fromagerie Vallin a vu ses ventes de comté baisser en mai.")
    _write(passages, "train-w38", "La scierie Rouvet a renouvelé son contrat.")
    _write(passages, "train-w90", "Le cabinet Merle compte douze salariés répartis sur deux sites.")
    monkeypatch.setattr(train_injection, "EVAL", tmp_path)
    examples = train_injection.Examples()
    train_injection.passage_examples(examples)
    joined = " ".join(examples.texts)
    assert "cabinet Merle" in joined
    assert "fromagerie Vallin" not in joined
    assert "scierie Rouvet" not in joined
    assert not any(examples.labels)
