# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Topics named the way students name them, not the way the référentiel titles them.

The environmental side of a project is often titled « responsabilité environnementale »,
« la dimension responsable du projet » or « sur la question environnementale » and never
« RSE »; the personal review of an E5 is often told as what the year taught (« cette
alternance m'a appris », « ce que je retiens ») and never called « bilan ». Each is found, and
the guards hold: a PESTEL's ecological line is no RSE of the project, a definition of the RSE
is no RSE, a section without a word of review is no review. Real Markdown dossiers assessed
through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import status_of, write

OPENING = """\
# Mémoire E5 — Hydromel des Causses, une canette d'hydromel pétillant

## 1. La miellerie

Hydromel des Causses est une miellerie de l'Aveyron qui vend 38 000 bouteilles d'hydromel par an à des cavistes d'Occitanie ; j'y suis en alternance depuis septembre 2025.

## 2. Le produit

La « Bulle des Causses » est un hydromel pétillant à 5,5 % vendu en canette de 33 cl, 3,90 € en cave, lancé en avril 2026 dans 45 caves partenaires.
"""

GREEN_SECTION = """\
## 4. Responsabilité environnementale

- canette en aluminium recyclé à 70 %, fabriquée à 40 km de la miellerie au lieu de l'Espagne ;
- cartons d'expédition repris chez les cavistes et remplis trois fois ;
- remplissage aux heures creuses : 1 100 kWh de moins sur la saison.
"""

ECOLOGICAL_FACTOR = """\
## 3. Le macro-environnement

- Écologique : les consommateurs de boissons artisanales attendent des emballages recyclables et des circuits courts.
"""

DEFINED = """\
## 4. Lexique

La responsabilité environnementale désigne l'ensemble des engagements par lesquels une entreprise limite ses effets sur la nature.
"""

LEARNT = """\
## 6. Ma place dans le projet

Cette alternance m'a appris à tenir un calendrier avec des fournisseurs qui répondent tard : le fabricant de canettes a livré avec trois semaines de retard et j'ai dû décaler l'envoi des échantillons aux cavistes.
J'ai appris aussi à défendre un budget devant la gérante, chiffres à l'appui, quand elle voulait doubler le tirage des affiches.
Ce que je retiens surtout, c'est qu'un test de dégustation auprès de vingt clients m'aurait évité deux semaines de discussions sur le taux de sucre.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def _status(services: Services, tmp_path: Path, cid: str, *parts: str) -> str:
    path = write(tmp_path, "dossier.md", OPENING, *parts)
    return status_of(services.review.assess(path, "E5-P3"), cid)


def test_a_section_titled_environmental_responsibility_treats_the_rse(
    services: Services, tmp_path: Path
) -> None:
    # before: absent (« responsabilité environnementale » named no RSE, the bullets no cue)
    assert _status(services, tmp_path, "rse", GREEN_SECTION) == "present"


def test_an_ecological_pestel_line_is_no_rse_of_the_project(
    services: Services, tmp_path: Path
) -> None:
    assert _status(services, tmp_path, "rse", ECOLOGICAL_FACTOR) == "absent"


def test_a_definition_of_environmental_responsibility_is_no_rse(
    services: Services, tmp_path: Path
) -> None:
    assert _status(services, tmp_path, "rse", DEFINED) != "present"


def test_a_review_told_as_what_the_year_taught_is_found(services: Services, tmp_path: Path) -> None:
    # before: absent (no « bilan », no « compétences acquises »)
    assert _status(services, tmp_path, "bilan_personnel", LEARNT) == "present"


def test_no_review_without_a_word_of_one(services: Services, tmp_path: Path) -> None:
    assert _status(services, tmp_path, "bilan_personnel", GREEN_SECTION) == "absent"
