"""Detection costs the same whether a dossier's words are on one line or in paragraphs
(issue 11: 50,000 words on one line took 236 s of CPU against 13.6 s in paragraphs)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import yaml

from assistant.detect import detect_checkpoints
from assistant.referentiel.models import Checkpoint
from assistant.settings import PROJECT_ROOT
from tests.dossiers import ingest

WORDS = [
    "analyse",
    "marché",
    "cible",
    "concurrence",
    "stratégie",
    "communication",
    "budget",
    "client",
    "produit",
    "prix",
    "distribution",
    "entreprise",
    "projet",
    "objectif",
    "indicateur",
    "plan",
    "forces",
    "faiblesses",
    "menaces",
]


def _all_checkpoints() -> list[Checkpoint]:
    data = yaml.safe_load((PROJECT_ROOT / "referentiel" / "checkpoints.yaml").read_text("utf-8"))
    return [Checkpoint.model_validate(c) for c in data["checkpoints"]][:12]


def _seconds(path: Path, checkpoints: list[Checkpoint]) -> float:
    doc = ingest(path)
    started = time.process_time()
    detect_checkpoints(doc, checkpoints)
    return time.process_time() - started


def test_one_long_line_costs_no_more_than_paragraphs(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = [rng.choice(WORDS) for _ in range(12_000)]
    line = tmp_path / "ligne.md"
    line.write_text("# Dossier\n\n" + " ".join(words) + "\n", encoding="utf-8")
    paragraphs = tmp_path / "paragraphes.md"
    chunks = [" ".join(words[i : i + 100]) + "." for i in range(0, len(words), 100)]
    paragraphs.write_text("# Dossier\n\n" + "\n\n".join(chunks) + "\n", encoding="utf-8")
    checkpoints = _all_checkpoints()
    in_paragraphs = _seconds(paragraphs, checkpoints)
    on_one_line = _seconds(line, checkpoints)
    assert on_one_line < 3 * in_paragraphs + 2.0, (on_one_line, in_paragraphs)
