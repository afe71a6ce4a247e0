"""Two labellers and the engine on passages read alone (eval.passage_agreement)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import passage_agreement

PASSAGES = [
    {
        "id": "p1",
        "text": "La coopérative a perdu deux clients grossistes en 2025 après la hausse du gazole.",
        "kind": "analysis",
        "targets": {"pestel.economique": "present", "pestel.legal": "absent"},
    },
    {
        "id": "p2",
        "text": "Le PESTEL étudie six familles de facteurs de l'environnement d'une entreprise.",
        "kind": "definition",
        "targets": {"pestel": "absent"},
    },
]


def _write(tmp_path: Path, second: dict[str, dict[str, str]]) -> tuple[Path, Path]:
    passages = tmp_path / "passages.jsonl"
    passages.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PASSAGES))
    labels = tmp_path / "labels-L9.jsonl"
    rows = [{"id": key, "targets": targets} for key, targets in second.items()]
    labels.write_text("\n".join(json.dumps(r) for r in rows))
    return passages, labels


def test_the_second_labeller_is_compared_target_by_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    passages, labels = _write(
        tmp_path,
        {
            "p1": {"pestel.economique": "partial", "pestel.legal": "absent"},
            "p2": {"pestel": "absent"},
        },
    )
    assert passage_agreement.load_second(labels) == {
        ("p1", "pestel.economique"): "partial",
        ("p1", "pestel.legal"): "absent",
        ("p2", "pestel"): "absent",
    }
    assert passage_agreement.main([str(passages), "--second", str(labels)]) == 0
    out = capsys.readouterr().out
    assert "3 targets labelled twice" in out
    row = next(line for line in out.splitlines() if line.startswith("authors vs second"))
    assert row.split()[-4:-2] == ["3", "0.667"]  # two of three targets agree


def test_only_the_targets_both_labelled_are_compared(tmp_path: Path) -> None:
    first = {("p1", "a"): "present", ("p1", "b"): "absent", ("p2", "a"): "absent"}
    second = {("p1", "a"): "present", ("p2", "a"): "present", ("p9", "a"): "absent"}
    result = passage_agreement.compare(first, second, set(first) & set(second))
    assert (result.count, result.accuracy) == (2, 0.5)
