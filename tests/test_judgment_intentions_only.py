# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A checkpoint without elements whose part holds only its title and plans for later (« nous
pensons demander… », « seront mis en place », « prochaine étape ») is absent, not partial:
nothing of it is written. A thin but real sentence under the same title keeps it partial.
Real Markdown files through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import write

INTRO = """\
# Les Jardins de Vaux — dossier E3

Les Jardins de Vaux est une pépinière de 9 salariés près d'Auxerre qui vend 60 000 plants par an à des particuliers et à trois communes ; notre chiffre d'affaires 2024 atteint 780 000 euros.

## 1. Budget de la saison

Le budget prévisionnel de la saison 2025 s'élève à 214 000 euros, dont 58 % de charges de personnel et 22 % d'achats de graines et de terreau.

## 2. Rééquilibrage de la trésorerie

"""

PLANS = """\
Nous pensons demander une facilité de caisse à notre banque avant l'hiver, et d'autres pistes seront mises en place selon la saison. La prochaine étape est la discussion avec le conseiller bancaire.
"""

THIN = """\
En février, notre solde passe sous zéro : nous avons obtenu un découvert autorisé.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def status(services: Services, path: Path) -> str:
    assessment = services.review.assess(path, "E3")
    return next(c.status for c in assessment.checkpoints if c.id == "reequilibrage")


def test_a_title_over_plans_only_is_absent(services: Services, tmp_path: Path) -> None:
    assert status(services, write(tmp_path, "plans.md", INTRO, PLANS)) == "absent"


def test_a_real_sentence_under_the_title_is_not_absent(services: Services, tmp_path: Path) -> None:
    assert status(services, write(tmp_path, "thin.md", INTRO, THIN)) != "absent"
