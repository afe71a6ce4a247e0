"""A list of keywords — bullets of a few words each, no figure (« Prix accessibles », « Réseau
dense ») — names what it lists without analysing it: read alone, it makes nothing present, at
most partial. A list whose items carry figures, prose with a short enumeration in it, and a
table are no keyword list."""

from __future__ import annotations

import importlib

import pytest

from assistant.detect import support
from assistant.detect.support import keyword_list
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)
judged_module = importlib.import_module("assistant.detect.judged")

# a bike-hire company's strengths as a slide would hold them
KEYWORDS = (
    "Atouts de Vélocité Lyon • Flotte récente • Stations bien situées • Application simple "
    "• Tarifs lisibles • Équipe réactive • Bonne réputation locale"
)
ON_LINES = (
    "Atouts de Vélocité Lyon\n- Flotte récente\n- Stations bien situées\n"
    "- Application simple\n- Tarifs lisibles"
)

# the same strengths with their facts: items of a case, not keywords
FIGURED = (
    "Atouts de Vélocité Lyon • Flotte renouvelée en 2023 (420 vélos) • 38 stations à moins "
    "de 300 m d'une gare • Application notée 4,6 sur 5 • 12 % de clients en plus sur un an"
)
PROSE = (
    "Vélocité Lyon tient sa place grâce à une flotte récente, des stations bien situées et "
    "une application simple, ce qui explique la fidélité de ses abonnés étudiants."
)
TABLE = (
    "| Atout | Détail |\n|---|---|\n| Flotte | récente |\n| Stations | centrales |\n"
    "| Appli | simple |\n| Prix | lisibles |"
)


def test_bullets_of_a_few_words_without_figures_are_a_keyword_list() -> None:
    assert keyword_list(KEYWORDS)
    assert keyword_list(ON_LINES)


def test_items_with_figures_prose_and_tables_are_not() -> None:
    assert not keyword_list(FIGURED)
    assert not keyword_list(PROSE)
    assert not keyword_list(TABLE)
    assert not keyword_list("Atouts • Flotte récente • Stations")  # too few items to tell


def test_support_makes_a_keyword_list_partial_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the judgment reads (stubbed here: present), a keyword list is at most
    partial; the same judgment keeps the list whose items carry figures present."""

    class Judge:
        analysis = 0.9

        def __call__(self, *args: object) -> str:
            return "present"

    monkeypatch.setattr(judged_module, "passage_judge", lambda *a: Judge())
    swot = REF.checkpoint("swot")
    assert support(KEYWORDS, swot, "forces", others=OTHERS).status == "partial"
    assert support(FIGURED, swot, "forces", others=OTHERS).status == "present"
