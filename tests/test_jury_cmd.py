"""``dossier-review jury grid|import|agreement`` in a separate process, as a juror runs them:
the real offline engine on labelled dev-set dossiers, the real SQLite store in a temporary
DOSSIER_REVIEW_HOME."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from assistant.jury.store import JuryStore
from assistant.referentiel.loader import load_referentiel
from assistant.settings import PROJECT_ROOT
from eval.labels import load_label
from tests.sample_assessment import make_assessment

DEVSET = PROJECT_ROOT / "eval" / "devset"
BATCH = (
    "e1-02-pages-vagabondes-librairie",
    "e1-03-brasserie-faubourg",
    "e1-04-camping-pins-argent",
    "e1-01-herbea-cosmetique-bio",
)
FRENCH = {"present": "présent", "partial": "partiel", "absent": "absent"}


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOSSIER_REVIEW_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False"}
    env.pop("DOSSIER_REVIEW_LLM__BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def decision_count(home: Path) -> int:
    store = JuryStore.in_home(home)
    return sum(len(store.history(d.sha256)) for d in store.dossiers())


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A batch of labelled E1 dossiers put through ``jury grid`` (home, grid)."""
    root = tmp_path_factory.mktemp("jury")
    folder = root / "dossiers"
    folder.mkdir()
    for name in BATCH:
        shutil.copy(DEVSET / f"{name}.md", folder)
    done = run_cli(
        "jury",
        "grid",
        str(folder),
        "--epreuve",
        "E1",
        "--out",
        str(root / "grille.csv"),
        home=root / "home",
    )
    assert done.returncode == 0, done.stderr
    assert "4/4 dossier(s) pré-évalué(s)" in done.stderr
    return root / "home", root / "grille.csv"


def test_grid_has_one_empty_decision_per_dossier_and_checkpoint(graded: tuple[Path, Path]) -> None:
    _, grid = graded
    raw = grid.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert header == (
        "fichier;empreinte;epreuve;point_de_controle;avis_outil;decision_jury;commentaire;"
        "passages_similaires"
    )
    rows = read_rows(grid)
    e1 = [c.id for c in load_referentiel(PROJECT_ROOT / "referentiel").checkpoints_for("E1")]
    assert Counter(r["fichier"] for r in rows) == {f"{name}.md": len(e1) for name in BATCH}
    assert [r["point_de_controle"] for r in rows[: len(e1)]] == e1
    assert {r["avis_outil"] for r in rows} <= {"présent", "partiel", "absent"}
    assert all(r["decision_jury"] == "" and len(r["empreinte"]) == 64 for r in rows)
    assert {r["passages_similaires"] for r in rows} == {"0"}  # independent dossiers


def test_labels_as_decisions_give_the_grids_agreement(
    graded: tuple[Path, Path], tmp_path: Path
) -> None:
    home, grid = graded
    rows = read_rows(grid)
    labels = {name: load_label(DEVSET / f"{name}.yaml").checkpoints for name in BATCH}
    for i, row in enumerate(rows):
        label = labels[row["fichier"].removesuffix(".md")].get(row["point_de_controle"])
        if label is not None:  # French and English forms, any case
            row["decision_jury"] = FRENCH[label.status] if i % 2 else label.status.upper()
        row["commentaire"] = "=SOMME(A1)" if i == 0 else ""
    filled = tmp_path / "remplie.csv"
    write_rows(filled, rows)
    done = run_cli("jury", "import", str(filled), "--juror", "Anne", home=home)
    assert done.returncode == 0, done.stderr
    decided = [(r["decision_jury"].lower(), r["avis_outil"]) for r in rows if r["decision_jury"]]
    pairs = [(FRENCH.get(jury, jury), tool) for jury, tool in decided]
    assert f"{len(pairs)} décision(s) lue(s), {len(pairs)} nouvelle(s)" in done.stderr

    report = run_cli("jury", "agreement", "--epreuve", "E1", "--format", "json", home=home)
    assert report.returncode == 0, report.stderr
    figures = json.loads(report.stdout)
    assert set(figures) >= {"overall", "checkpoints", "confusion"}
    n = len(pairs)
    agree = sum(jury == tool for jury, tool in pairs) / n
    jury_margin, tool_margin = Counter(j for j, _ in pairs), Counter(t for _, t in pairs)
    chance = sum(jury_margin[k] * tool_margin[k] for k in jury_margin) / n**2
    assert figures["overall"]["n"] == n > 30
    assert figures["overall"]["agreement"] == pytest.approx(agree)
    assert figures["overall"]["kappa"] == pytest.approx((agree - chance) / (1 - chance))
    confusion = figures["confusion"]
    english = {v: k for k, v in FRENCH.items()}
    assert sum(confusion["present"].values()) == jury_margin["présent"]
    assert confusion["absent"]["present"] == sum(
        1 for j, t in pairs if j == "absent" and english[t] == "present"
    )
    pestel = [
        (j, t)
        for (j, t), r in zip(decided, [r for r in rows if r["decision_jury"]], strict=True)
        if r["point_de_controle"] == "pestel"
    ]
    assert figures["checkpoints"]["pestel"]["n"] == len(pestel)

    store = JuryStore.in_home(home)
    first = store.decisions(rows[0]["empreinte"], "E1")
    assert any(d.comment == "=SOMME(A1)" for d in first)  # read back as the juror wrote it

    before = decision_count(home)
    again = run_cli("jury", "import", str(filled), "--juror", "Anne", home=home)
    assert again.returncode == 0 and "0 nouvelle(s)" in again.stderr
    assert decision_count(home) == before  # importing twice changes nothing

    markdown = run_cli("jury", "agreement", "--format", "md", home=home)
    assert markdown.returncode == 0
    assert "# Accord entre le jury et l'outil" in markdown.stdout
    assert f"Points de contrôle décidés : **{n}**" in markdown.stdout


@pytest.fixture
def sample_home(tmp_path: Path) -> tuple[Path, Path]:
    """A home whose store holds one assessed dossier, and its grid with one decision."""
    home = tmp_path / "home"
    assessment = make_assessment(load_referentiel(PROJECT_ROOT / "referentiel"), "E1")
    JuryStore.in_home(home).record_assessment(assessment)
    rows = [
        {
            "fichier": "dossier.pdf",
            "empreinte": assessment.document.sha256,
            "epreuve": "E1",
            "point_de_controle": cp.id,
            "avis_outil": FRENCH[cp.status],
            "decision_jury": "partiel",
            "commentaire": "",
        }
        for cp in assessment.checkpoints
    ]
    grid = tmp_path / "grille.csv"
    write_rows(grid, rows)
    return home, grid


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("decision_jury", "peut-être", "décision « peut-être » inconnue"),
        ("point_de_controle", "horoscope", "point de contrôle « horoscope » inconnu"),
        ("empreinte", "00" * 32, "n'a jamais été pré-évalué"),
        ("epreuve", "E9", "épreuve « E9 » inconnue"),
    ],
)
def test_one_invalid_row_refuses_the_whole_grid(
    sample_home: tuple[Path, Path], column: str, value: str, message: str
) -> None:
    home, grid = sample_home
    rows = read_rows(grid)
    rows[3][column] = value
    write_rows(grid, rows)
    done = run_cli("jury", "import", str(grid), "--juror", "Anne", home=home)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("Ligne 5 de la grille : ") and message in done.stderr
    assert "rien n'a été enregistré" in done.stderr
    assert decision_count(home) == 0


def test_bad_arguments_exit_2_in_french(sample_home: tuple[Path, Path], tmp_path: Path) -> None:
    home, grid = sample_home
    missing = run_cli("jury", "import", str(tmp_path / "absente.csv"), "--juror", "A", home=home)
    assert missing.returncode == 2 and "illisible" in missing.stderr
    no_juror = run_cli("jury", "import", str(grid), home=home)
    assert no_juror.returncode == 2 and "arguments invalides" in no_juror.stderr
    epreuve = run_cli("jury", "agreement", "--epreuve", "E9", "--format", "json", home=home)
    assert epreuve.returncode == 2 and epreuve.stdout == ""
    folder = run_cli(
        "jury",
        "grid",
        str(tmp_path / "rien"),
        "--epreuve",
        "E1",
        "--out",
        str(tmp_path / "g.csv"),
        home=home,
    )
    assert folder.returncode == 2 and "n'existe pas" in folder.stderr
    ok = run_cli("jury", "import", str(grid), "--juror", "Anne", home=home)
    assert ok.returncode == 0, ok.stderr
    assert decision_count(home) == len(read_rows(grid))
    empty = run_cli("jury", "agreement", "--epreuve", "E3", "--format", "json", home=home)
    assert json.loads(empty.stdout)["overall"] == {"n": 0, "agreement": None, "kappa": None}
