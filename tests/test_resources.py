"""The shipped data (référentiel, prompts, sample dossier) is found from any folder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.resources import DATA_FOLDERS, PROJECT_ROOT, data_dir, sample_dossier
from assistant.settings import Settings


def test_a_checkout_reads_its_top_level_folders() -> None:
    assert data_dir("referentiel") == PROJECT_ROOT / "referentiel"
    assert sorted(p.name for p in data_dir("referentiel").glob("*.yaml")) == [
        "checkpoints.yaml",
        "referentiel.yaml",
    ]
    assert (data_dir("prompts") / "judge_system.md").is_file()
    with pytest.raises(ValueError):
        data_dir("tests")


def test_setup_ships_the_same_folders() -> None:
    setup = ast.parse((PROJECT_ROOT / "setup.py").read_text(encoding="utf-8"))
    shipped = [
        ast.literal_eval(node.value)
        for node in setup.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "DATA_FOLDERS"
    ]
    assert shipped == [DATA_FOLDERS]


def test_settings_default_to_the_shipped_data_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Settings().referentiel_dir == data_dir("referentiel")
    assert Settings().prompts_dir == data_dir("prompts")
    monkeypatch.setenv("DOSSIER_REVIEW_REFERENTIEL_DIR", str(tmp_path))
    assert Settings().referentiel_dir == tmp_path


def test_sample_path_prints_the_shipped_dossier(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sample-path"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == sample_dossier()
    assert printed.read_bytes().startswith(b"%PDF-")
