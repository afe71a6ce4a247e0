# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A SMART objective stated for the case (« Notre objectif est de vendre 9 000 flacons d'ici
août 2027 ») is specific, measurable and dated even when the words « spécifique »,
« mesurable » and « temporel » never appear; it says nothing of whether it is attainable or
realistic. A definition of the method, a wish without a figure, or an objective said not to
have been fixed shows none of them. Real Markdown dossiers assessed through the review
service, as the CLI does, and the rule read alone on their layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect import layout_of
from assistant.detect.statement import statements
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import ingest, write

VINEGAR = """\
# Dossier E5 — Les Vinaigres du Perche, vinaigre de cidre aromatisé

## 1. L'entreprise

Les Vinaigres du Perche, à Mortagne-au-Perche, fabriquent depuis 2014 du vinaigre de cidre à partir des pommes de six vergers voisins. L'entreprise compte 4 salariés et a réalisé 310 000 € de chiffre d'affaires en 2024, dont 55 % en épiceries fines et 20 % sur les marchés de Normandie.

## 2. Le nouveau produit

Nous lançons « Perche Vif », un vinaigre de cidre infusé à l'estragon en flacon de 25 cl, vendu 7,90 €, destiné aux cuisiniers amateurs qui veulent un vinaigre doux et local.

## 3. Les objectifs du lancement

Un objectif SMART est un objectif spécifique, mesurable, atteignable, réaliste et temporellement défini : c'est une méthode qui aide à fixer un cap clair.

{objective}

## 4. Distribution

Le flacon sera proposé dans nos 45 épiceries partenaires et sur notre boutique en ligne, avec une dégustation sur les trois marchés de l'été.
"""

STATED = "Notre objectif est de vendre 9 000 flacons de Perche Vif dans nos 45 épiceries partenaires entre septembre 2026 et août 2027."
WISH = "Notre objectif est de faire connaître Perche Vif auprès des amateurs de cuisine du Perche et de fidéliser nos clients."
NOT_SET = (
    "Objectif : nous n'avons pas encore fixé de volume ni de date, la décision revient au gérant."
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def smart(assessment: Assessment) -> dict[str, str]:
    cp = next(c for c in assessment.checkpoints if c.id == "objectifs_smart")
    return {e.id: e.status for e in cp.elements}


def quotes(assessment: Assessment, element_id: str) -> list[str]:
    cp = next(c for c in assessment.checkpoints if c.id == "objectifs_smart")
    return [ev.quote for e in cp.elements if e.id == element_id for ev in e.evidence]


def test_a_stated_objective_with_figures_and_dates_is_specific_measurable_and_dated(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "perche.md", VINEGAR.format(objective=STATED))
    result = services.review.assess(path, "E5-P3")
    found = smart(result)
    assert found["specifique"] == found["mesurable"] == found["temporel"] == "present"
    assert found["atteignable"] == found["realiste"] == "absent"
    assert any("9 000 flacons" in q for q in quotes(result, "mesurable"))
    assert not any("méthode qui aide" in q for e in found for q in quotes(result, e))


def test_a_wish_without_figures_shows_no_quality_of_an_objective(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "perche.md", VINEGAR.format(objective=WISH))
    found = smart(services.review.assess(path, "E5-P3"))
    assert found["mesurable"] == found["temporel"] == "absent"


def test_only_the_case_statement_is_a_statement(tmp_path: Path) -> None:
    """The method's definition, a wish and a denial are no statement; the stated objective is."""
    for objective, expected in ((STATED, [STATED]), (WISH, []), (NOT_SET, [])):
        doc = ingest(write(tmp_path, "perche.md", VINEGAR.format(objective=objective)))
        found = [u.text for u in statements(layout_of(doc), ("objectif", "objectifs"))]
        assert found == expected
