"""``dossier-review referentiel show|export``, run end to end as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.referentiel.loader import load_referentiel
from tests.dossiers import EPREUVE_IDS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "referentiel"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    variables = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_REVIEW_")}
    variables |= {"DOSSIER_REVIEW_HOME": str(tmp_path / "home")}
    variables |= {"GRADIO_ANALYTICS_ENABLED": "False"}
    return variables


def _flat(text: str) -> str:
    return " ".join(text.replace("•", " ").split())


def test_show_e1_prints_the_epreuve_in_french(env: dict[str, str]) -> None:
    done = run("referentiel", "show", "E1", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    ref = load_referentiel(DATA)
    flat = _flat(done.stdout)
    assert done.stdout.startswith("Épreuve E1 — ")
    assert "Modalité : Étude de cas réel individuelle avec remise d'un dossier écrit." in flat
    for competency in ("C1", "C2", "C3", "C4", "C5"):
        assert _flat(ref.competency(competency).text) in flat
    assert "outil de diagnostic PESTEL et la matrice de PORTER" in flat
    for checkpoint in ref.checkpoints_for("E1"):
        assert f"{checkpoint.id} — {checkpoint.label.split()[0]}" in flat
    assert "Facteur légal (legal)" in flat
    assert f"Référentiel version {ref.version} (empreinte {ref.content_hash[:12]})" in flat


def test_export_json_holds_the_whole_referentiel(env: dict[str, str]) -> None:
    done = run("referentiel", "export", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    ref = load_referentiel(DATA)
    assert exported == ref.export()
    assert exported["version"] == ref.version
    assert exported["content_hash"] == ref.content_hash
    assert exported["certification"]["register"] == "RNCP"
    assert [e["id"] for e in exported["epreuves"]] == list(EPREUVE_IDS)
    pestel = next(c for c in exported["checkpoints"] if c["id"] == "pestel")
    assert [e["id"] for e in pestel["elements"]][-1] == "legal"
    assert all(e["cues"] for e in pestel["elements"])
    c2 = next(c for c in exported["competencies"] if c["id"] == "C2")
    assert c2["text"].startswith("Réaliser une étude de marché")
    assert any(c["competencies"] == ["C16", "C17"] for c in exported["criteria"])


@pytest.mark.parametrize("epreuve", ["E9", "E5-P4", "bloc1"])
def test_unknown_epreuve_exits_2_with_a_french_sentence(env: dict[str, str], epreuve: str) -> None:
    done = run("referentiel", "show", epreuve, env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert f"L'épreuve « {epreuve} » n'existe pas" in done.stderr
    assert all(e in done.stderr for e in EPREUVE_IDS)
    assert "Traceback" not in done.stderr


def test_invalid_referentiel_exits_2_naming_the_file(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "referentiel"
    shutil.copytree(DATA, broken)
    path = broken / "checkpoints.yaml"
    path.write_text(path.read_text("utf-8").replace("[C8]", "[C80]", 1), "utf-8")
    env["DOSSIER_REVIEW_REFERENTIEL_DIR"] = str(broken)
    done = run("referentiel", "export", "--format", "json", env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        "referentiel/checkpoints.yaml : le point de contrôle « reunions_suivi » renvoie à la "
        "compétence inconnue « C80 »."
    )


def test_bad_arguments_exit_2_in_french(env: dict[str, str]) -> None:
    done = run("referentiel", "export", "--format", "xml", env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Erreur : arguments invalides")
