# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""The course retold through its authorities is no analysis of the case (failure mode 2).

A management chapter that cites Likert's four styles, the grid of Blake and Mouton or the
situational model of Hersey and Blanchard, then closes on one line that prefers the
participative style, has written the course, not the team's management: such sentences assert
nothing about the case (``claims.void_reason``: a definition) unless the candidate or the team
says them (« j'ai repris la grille de Blake et Mouton pour situer ma tutrice »). A person of the
case who bears one of the pair's surnames (« M. Mouton, le gérant ») is not cited as an
authority. Real Markdown files, ingested and assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.claims import void_reason
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import status_of, unit_of, write


@pytest.mark.parametrize(
    "text",
    [
        "D'après Likert, quatre styles se distinguent selon la place laissée aux salariés dans la décision.",
        "La grille de Blake et Mouton croise l'attention portée aux résultats et celle portée aux personnes.",
        "Le modèle de Hersey et Blanchard fait varier le style avec la maturité du collaborateur.",
        "Pour Mintzberg, le manager joue dix rôles répartis en trois familles.",
        "Le management délégatif est un style de direction où le responsable confie les décisions courantes.",
    ],
)
def test_an_authority_retold_asserts_nothing_of_the_case(tmp_path: Path, text: str) -> None:
    assert void_reason(unit_of(tmp_path, text)) == "definition"


@pytest.mark.parametrize(
    "text",
    [
        "J'ai repris la grille de Blake et Mouton pour situer ma tutrice : très tournée vers les résultats, peu vers l'équipe.",
        "Nous avons testé le modèle de Hersey et Blanchard avec les deux saisonniers : directif la première semaine, puis délégatif.",
        "Le gérant, M. Mouton, a validé le budget de 2 800 € le 4 mars.",
    ],
)
def test_the_case_told_with_an_authority_stays_evidence(tmp_path: Path, text: str) -> None:
    assert void_reason(unit_of(tmp_path, text)) is None


COURSE_CHAPTER = """\
# Dossier E4 — Les Bateliers du Lot, loueur de gabarres à Cahors

## 1. L'entreprise

Les Bateliers du Lot louent 14 gabarres électriques à Cahors depuis 2011 ; l'équipe compte 6 permanents et 9 saisonniers d'avril à octobre.

## 5. Le style de management

D'après Likert, quatre styles se distinguent selon la place laissée aux salariés dans la décision : autoritaire, paternaliste, consultatif et participatif.
La grille de Blake et Mouton croise l'attention portée aux résultats et celle portée aux personnes, et place le manager idéal en haut à droite.
Le modèle de Hersey et Blanchard fait varier le style avec la maturité du collaborateur, du directif au délégatif.
Aux Bateliers du Lot, le style participatif paraît le mieux adapté.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_a_chapter_of_textbook_styles_is_no_management_of_the_team(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dossier.md", COURSE_CHAPTER)
    assessment = services.review.assess(path, "E4")
    # before: present, quoting Likert's styles as the team's management
    assert status_of(assessment, "style_management") != "present"
    quotes = [e.quote for c in assessment.checkpoints for e in c.evidence]
    assert not any("Likert" in q or "Blake" in q or "Hersey" in q for q in quotes)
