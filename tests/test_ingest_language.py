"""Language detection: plainly French text is told without loading the model; anything else
still goes to py3langid. And the table finder only sees pages whose rulings can frame a cell."""

from __future__ import annotations

import re

from assistant.ingest.language import detect_language, plainly_french
from assistant.ingest.pdf_tables import may_hold_grid

FRENCH = (
    "Le projet de la brasserie est présenté dans ce dossier avec les choix de l'équipe, "
    "qui a mené une étude de marché pour le lancement d'une gamme de bières dans la région. "
) * 4
ENGLISH = (
    "The brewery project is presented in this report with the team's choices, which ran a "
    "market study for the launch of a range of beers in the region. "
) * 4


def test_plainly_french_text_is_french_without_the_model() -> None:
    assert plainly_french(re.findall(r"\w+", FRENCH))
    assert detect_language(FRENCH) == "fr"


def test_other_languages_and_short_texts_go_to_the_model() -> None:
    assert not plainly_french(re.findall(r"\w+", ENGLISH))
    assert detect_language(ENGLISH) == "en"
    assert not plainly_french(["le", "la", "de"])  # too few words to judge by ratio
    assert detect_language("ok") is None


def test_only_rulings_that_can_frame_a_cell_reach_the_table_finder() -> None:
    underline = [(50.0, 700.0 - 20 * i, 550.0, 700.0 - 20 * i) for i in range(5)]
    assert not may_hold_grid(underline)  # horizontal rules only: no cell
    box = [(50.0, 100.0, 550.0, 100.0), (50.0, 200.0, 550.0, 200.0)]
    box += [(50.0, 100.0, 50.0, 200.0), (550.0, 100.0, 550.0, 200.0)]
    assert may_hold_grid(box)
    assert not may_hold_grid(box[:3])
