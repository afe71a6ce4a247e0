# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A measurable objective is one given in figures (the référentiel's « chiffré par un
indicateur », `requires: [figures]`): a few figures under « Measurable » are enough, a
measurable criterion that names an indicator without any value is not. Real Markdown files
through the cue rules."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from tests.dossiers import checkpoints, ingest, write

OBJECTIVES = """\
# Dossier E5 — Les Jardins de Brocéliande

Les Jardins de Brocéliande, pépinière de Paimpont, lancent en 2026 un abonnement de plantes vivaces livrées chaque saison.

## Objectifs SMART

| Critère | Objectif |
|---|---|
| Specific | vendre l'abonnement saisonnier aux jardiniers amateurs d'Ille-et-Vilaine |
| Measurable | 350 abonnés, 41 000 € |
| Time-bound | entre le 1er mars et le 30 novembre 2026 |
"""

NO_VALUE = """\
# Dossier E5 — Les Jardins de Brocéliande

Les Jardins de Brocéliande, pépinière de Paimpont, lancent en 2026 un abonnement de plantes vivaces livrées chaque saison.

## Objectifs SMART

| Critère | Objectif |
|---|---|
| Specific | vendre l'abonnement saisonnier aux jardiniers amateurs d'Ille-et-Vilaine |
| Measurable | nous suivrons de près les abonnements et le chiffre d'affaires de la boutique |
| Time-bound | entre le 1er mars et le 30 novembre 2026 |
"""


def measurable(tmp_path: Path, text: str) -> str:
    doc = ingest(write(tmp_path, "jardins.md", text))
    outcome = detect_outcomes(checkpoints("objectifs_smart"), layout_of(doc))[0]
    return next(e.status for e in outcome.elements if e.element.id == "mesurable")


def test_a_few_figures_make_an_objective_measurable(tmp_path: Path) -> None:
    assert measurable(tmp_path, OBJECTIVES) == "present"


def test_an_indicator_without_a_value_is_not_measurable(tmp_path: Path) -> None:
    assert measurable(tmp_path, NO_VALUE) == "absent"
