# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A word that names a topic only as a title (« Indicateurs », « Planning ») also titles the
line it opens before a colon: « Indicateurs : nous regarderons les ventes... » names the
indicators (partial without target values, present with them), as a heading would. In the
middle of a sentence the same word still names nothing."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_outcomes, layout_of
from tests.dossiers import checkpoints, ingest, write

COVER = """\
# Dossier — Fromagerie des Aravis

## Le projet

La fromagerie des Aravis, au Grand-Bornand, ouvre en mars une boutique en ligne pour vendre son reblochon fermier (19 € la pièce) aux anciens vacanciers de la station.
"""


def _kpi(tmp_path: Path, text: str) -> str:
    layout = layout_of(ingest(write(tmp_path, "dossier.md", COVER, text)))
    (outcome,) = checkpoints("kpi")
    return detect_outcomes([outcome], layout)[0].status


def test_an_entry_line_named_by_a_title_word_names_the_topic(tmp_path: Path) -> None:
    text = "*Indicateurs* : nous regarderons les commandes en ligne, le panier moyen et les avis laissés sur la boutique.\n"
    assert _kpi(tmp_path, text) == "partial"


def test_an_entry_line_with_target_values_treats_it(tmp_path: Path) -> None:
    text = "Indicateurs : commandes en ligne (objectif : 120 par mois), panier moyen (cible : 45 €), note moyenne des avis (au moins 4,6 sur 5).\n"
    assert _kpi(tmp_path, text) == "present"


def test_the_title_word_inside_a_sentence_names_nothing(tmp_path: Path) -> None:
    text = "Les premiers indicateurs de fréquentation de la station sont bons : la saison commence bien pour les commerces du village.\n"
    assert _kpi(tmp_path, text) == "absent"
