from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from eval import agreement
from eval.labels import load_label

DEVSET = Path(__file__).resolve().parent.parent / "eval" / "devset"
DOSSIER = "e1-01-herbea-cosmetique-bio"


def test_kappa_of_a_textbook_table() -> None:
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: observed 0.70, chance 0.50 -> 0.40
    pairs = [("a", "a")] * 20 + [("a", "b")] * 5 + [("b", "a")] * 10 + [("b", "b")] * 15
    assert agreement.kappa(pairs) == pytest.approx(0.4)
    assert agreement.kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    assert agreement.kappa([]) is None


def _second_label(tmp_path: Path, changes: dict[str, str]) -> Path:
    """The devset label of one dossier written again by a 'second labeller' with ``changes``."""
    data = yaml.safe_load((DEVSET / f"{DOSSIER}.yaml").read_text(encoding="utf-8"))
    for cid, status in changes.items():
        data["checkpoints"][cid]["status"] = status
        if data["checkpoints"][cid].get("elements"):
            value = "present" if status == "present" else "absent"
            data["checkpoints"][cid]["elements"] = dict.fromkeys(
                data["checkpoints"][cid]["elements"], value
            )
    folder = tmp_path / "second"
    folder.mkdir()
    (folder / f"{DOSSIER}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def test_one_changed_checkpoint_lowers_agreement_by_one(tmp_path: Path) -> None:
    first_label = load_label(DEVSET / f"{DOSSIER}.yaml")
    without = next(cid for cid, cp in first_label.checkpoints.items() if not cp.elements)
    other = "absent" if first_label.checkpoints[without].status != "absent" else "present"
    second = load_label(_second_label(tmp_path, {without: other}) / f"{DOSSIER}.yaml")

    result = agreement.compare(
        agreement.judge_of_labels("first", [first_label]),
        agreement.judge_of_labels("second", [second]),
    )

    n = len(first_label.checkpoints)
    assert result["all"].count == n
    assert result["all"].accuracy == pytest.approx((n - 1) / n)
    assert result["with elements"].accuracy == 1.0
    assert result["elements"].accuracy == 1.0
    assert result["without"].accuracy is not None and result["without"].accuracy < 1.0


def test_consensus_keeps_only_the_statuses_both_give(tmp_path: Path) -> None:
    first_label = load_label(DEVSET / f"{DOSSIER}.yaml")
    cid = next(iter(first_label.checkpoints))
    other = "absent" if first_label.checkpoints[cid].status != "absent" else "present"
    second = load_label(_second_label(tmp_path, {cid: other}) / f"{DOSSIER}.yaml")
    agreed = agreement.consensus(
        agreement.judge_of_labels("first", [first_label]),
        agreement.judge_of_labels("second", [second]),
    )
    assert (DOSSIER + ".md", cid) not in agreed.checkpoints
    assert len(agreed.checkpoints) == len(first_label.checkpoints) - 1


def test_main_compares_the_engine_with_both_labellers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    for suffix in (".md", ".yaml"):
        shutil.copy(DEVSET / f"{DOSSIER}{suffix}", first / f"{DOSSIER}{suffix}")
    second = _second_label(tmp_path, {})

    assert agreement.main([str(second), "--first", str(first), "--engine"]) == 0

    out = capsys.readouterr().out
    assert "1 dossiers labelled twice" in out
    rows = {line.split(" | ")[0]: line for line in out.splitlines() if " | " in line}
    assert rows["first -> second"].split(" | ")[2].startswith("1.000 / 1.000 / 1.000")
    assert {"first -> engine", "second -> engine", "first = second -> engine"} <= set(rows)
    # same labels on both sides: the engine agrees with each exactly as with the consensus
    assert (
        rows["first -> engine"].split(" | ")[1:]
        == rows["first = second -> engine"].split(" | ")[1:]
    )


RELABEL = DEVSET.with_name("relabel") / "styles-dev"


def test_second_labels_cover_styles_dev_and_are_valid() -> None:
    from assistant.services import build_services
    from eval.labels import load_labels, validate

    ref = build_services().referentiel
    dev = DEVSET.with_name("styles") / "dev"
    second = load_labels(RELABEL)
    assert {label.file for label in second} == {p.name for p in dev.glob("*.md")}
    assert [p for label in second for p in validate(label, ref, dev)] == []
    assert {label.author for label in second} == {"L1", "L2"}
