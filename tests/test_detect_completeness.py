# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Completeness of checkpoints without elements, from the référentiel's criteria: follow-up
meetings need a rhythm, a médiaplanning dates and amounts, audience measures and dashboards
figures; a dense line holding what the référentiel requires treats the topic. Real Markdown
files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings

COVER = """\
# Dossier — Les Vergers de Saulx

## Présentation de l'entreprise

Les Vergers de Saulx produisent des jus et des compotes de pommes bio en Haute-Saône depuis 1998 ; la coopérative compte 14 salariés et réalise 2,1 millions d'euros de chiffre d'affaires, dont 30 % en vente directe.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def status(services: Services, tmp_path: Path, epreuve: str, checkpoint: str, body: str) -> str:
    path = tmp_path / f"{checkpoint}-{abs(hash(body))}.md"
    path.write_text(COVER + "\n" + body, encoding="utf-8")
    assessment: Assessment = services.review.assess(path, epreuve)
    return next(c.status for c in assessment.checkpoints if c.id == checkpoint)


VAGUE_MEETINGS = """\
## Suivi du projet

Avec la responsable qualité, nous faisions des réunions de suivi quand c'était nécessaire pour voir où en était la refonte des étiquettes et régler les problèmes de l'imprimeur.
"""

PLANNED_MEETINGS = """\
## Suivi du projet

Une réunion de suivi réunissait la responsable qualité, le graphiste et moi chaque mardi à 9 h (30 minutes en visio) ; un comité de pilotage avec le directeur se tenait toutes les trois semaines, le 4 mars, le 25 mars et le 15 avril.
"""


def test_follow_up_meetings_need_a_rhythm(services: Services, tmp_path: Path) -> None:
    assert status(services, tmp_path, "E2", "reunions_suivi", VAGUE_MEETINGS) == "partial"
    assert status(services, tmp_path, "E2", "reunions_suivi", PLANNED_MEETINGS) == "present"


MEDIA_WITHOUT_DATES = """\
## Médiaplanning

Le médiaplanning de la fête des vergers repose sur la radio locale, la presse quotidienne régionale et les réseaux sociaux de la coopérative, choisis pour toucher les familles du département.
"""

MEDIA_WITH_DATES = """\
## Médiaplanning

Le médiaplanning de la fête des vergers : France Bleu Besançon du 2 au 13 septembre (24 spots, 1 900 €), L'Est Républicain le samedi 7 septembre (une demi-page, 1 300 €), publications Facebook sponsorisées du 1er au 14 septembre (600 €).
"""


def test_a_mediaplanning_needs_dates_and_amounts(services: Services, tmp_path: Path) -> None:
    assert status(services, tmp_path, "E5-P2", "mediaplanning", MEDIA_WITHOUT_DATES) == "partial"
    assert status(services, tmp_path, "E5-P2", "mediaplanning", MEDIA_WITH_DATES) == "present"


AUDIENCE_NAMED = """\
## Mesure d'audience

Nous suivons les visites, les pages vues et le taux de rebond de la boutique en ligne dans Google Analytics, ainsi que les avis en ligne laissés par les clients sur la coopérative.
"""

AUDIENCE_MEASURED = """\
## Mesure d'audience

Google Analytics donne pour avril 5 400 visites, 3 900 visiteurs uniques et un taux de rebond de 58 % sur la boutique en ligne, contre 3 100 visites en mars ; les avis en ligne passent de 4,1 à 4,4 sur 5.
"""


def test_audience_measures_need_figures(services: Services, tmp_path: Path) -> None:
    assert status(services, tmp_path, "E5-P1", "mesure_audience", AUDIENCE_NAMED) == "partial"
    assert status(services, tmp_path, "E5-P1", "mesure_audience", AUDIENCE_MEASURED) == "present"


DENSE_KPIS = """\
## Indicateurs clés

- KPI : ventes en ligne 1 200 commandes / mois en décembre ; taux de conversion 2,1 % ; panier moyen ≥ 38 €
"""


def test_one_dense_line_with_target_values_treats_the_kpis(
    services: Services, tmp_path: Path
) -> None:
    assert status(services, tmp_path, "E5-P1", "kpi", DENSE_KPIS) == "present"
