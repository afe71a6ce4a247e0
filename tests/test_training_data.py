"""Which labelled dossiers the trainers learn from is a choice on their command lines
(``--authors``, ``--train``, ``--dev``; ``eval.train`` passes ``--dossier-*`` on to the
dossier-level trainers), with the shipped default when nothing is given."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eval import train, train_attribution, train_completeness, train_dossier
from eval.labels import NOT_TRAINED_ON, TRAINING_DOSSIERS, group_of, load_labels, training_labels


def _label(folder: Path, name: str, author: str) -> None:
    data = {
        "file": f"{name}.md",
        "epreuve": "E2",
        "company": f"Société {name}",
        "sector": "services",
        "summary": "Un dossier de test.",
        "checkpoints": {"gantt": {"status": "absent"}},
    }
    if author:
        data["author"] = author
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    here = tmp_path / "lot"
    _label(here, "alpha", "w1")
    _label(here, "beta", "w10")
    _label(here, "gamma", "w19")
    _label(here, "delta", "")  # no author: its group is the folder's name
    return here


def _files(labels: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(label.file for label in labels)


def test_an_unauthored_dossier_belongs_to_its_folder(folder: Path) -> None:
    groups = {label.file: group_of(label, folder) for label in load_labels(folder)}
    assert groups == {"alpha.md": "w1", "beta.md": "w10", "gamma.md": "w19", "delta.md": "lot"}


def test_training_labels_by_author(folder: Path) -> None:
    left_out = {"gamma.md"} if "w19" in NOT_TRAINED_ON else set()
    assert _files(training_labels(folder)) == sorted(
        {"alpha.md", "beta.md", "delta.md", "gamma.md"} - left_out
    )
    assert _files(training_labels(folder, [])) == ["alpha.md", "beta.md", "delta.md", "gamma.md"]
    assert _files(training_labels(folder, ["w10", "lot"])) == ["beta.md", "delta.md"]
    assert _files(training_labels(folder, ["w19"])) == ["gamma.md"]  # asked for: kept
    assert training_labels(folder, ["w99"]) == []


@pytest.mark.parametrize("module", [train_dossier, train_completeness])
def test_dossier_trainers_take_authors(module: object) -> None:
    parse = module.parse_args  # type: ignore[attr-defined]
    assert parse([]).authors is None
    assert parse(["--authors"]).authors == []
    args = parse(["--authors", "w1", "w52", "--train", "eval/styles/train"])
    assert args.authors == ["w1", "w52"]
    assert args.train == [Path("eval/styles/train")]
    assert parse([]).train == list(TRAINING_DOSSIERS)


def test_attribution_and_topics_take_authors() -> None:
    assert train_attribution.parse_args([]).authors is None
    args = train_attribution.parse_args(
        ["--authors", "w10"], prog="python -m eval.train_topics", not_used=()
    )
    assert args.authors == ["w10"]


def test_train_passes_the_dossier_options_on() -> None:
    assert train.dossier_argv(train.parse_args([])) == []
    args = train.parse_args(
        ["--dossier-train", "eval/styles/train", "eval/devset", "--dossier-authors", "w1", "w10"]
    )
    assert train.dossier_argv(args) == [
        "--train", "eval/styles/train", "eval/devset", "--authors", "w1", "w10",
    ]  # fmt: skip
    args = train.parse_args(["--dossier-dev", "--dossier-authors"])
    assert train.dossier_argv(args) == ["--dev", "--authors"]
    inner = train_dossier.parse_args(train.dossier_argv(args))
    assert inner.dev == [] and inner.authors == []


def test_train_refuses_held_out_dossier_folders() -> None:
    with pytest.raises(SystemExit):
        train.parse_args(["--dossier-train", "eval/styles/heldout3"])
    with pytest.raises(SystemExit):
        train.parse_args(["--dossier-dev", "eval/heldout"])


def test_the_weights_record_the_groups_they_learnt_from(folder: Path) -> None:
    from types import SimpleNamespace

    rows = [SimpleNamespace(group=group_of(label, folder)) for label in training_labels(folder)]
    assert train_dossier.authors_of(rows) == sorted({"lot", "w1", "w10", "w19"} - NOT_TRAINED_ON)


def test_what_was_detected_is_kept_while_the_upstream_weights_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.services import build_services
    from assistant.settings import LimitsSettings, Settings
    from eval import engine_steps
    from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE, write

    settings = Settings(
        home=tmp_path / "home", parts="fake", limits=LimitsSettings(isolate_parsing=False)
    )
    services = build_services(settings)
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL, SWOT_TABLE)
    first = engine_steps.detected(services, path, "E1")
    assert engine_steps.detected(build_services(settings), path, "E1") is first
    assert engine_steps.detected(services, path, "E2") is not first
    monkeypatch.setattr(engine_steps, "upstream_digest", lambda: "retrained")
    again = engine_steps.detected(services, path, "E1")
    assert again is not first
    assert [o.status for o in again.outcomes] == [o.status for o in first.outcomes]
    path.write_text(path.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", encoding="utf-8")
    assert engine_steps.detected(services, path, "E1") is not again


def test_the_upstream_digest_ignores_the_models_trained_downstream(tmp_path: Path) -> None:
    from eval.engine_steps import DOWNSTREAM, upstream_digest

    model = tmp_path / "detect" / "model"
    model.mkdir(parents=True)
    (model / "weights.json").write_text("{}", encoding="utf-8")
    for name in DOWNSTREAM:
        (model / name).write_text("1", encoding="utf-8")
    before = upstream_digest(tmp_path)
    for name in DOWNSTREAM:
        (model / name).write_text("2", encoding="utf-8")
    assert upstream_digest(tmp_path) == before
    (model / "weights.json").write_text('{"bias": 1}', encoding="utf-8")
    assert upstream_digest(tmp_path) != before
