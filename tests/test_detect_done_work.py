# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Work the criterion asks to have been done, told only as a plan: a variance tracking « qui
sera fait chaque trimestre », an accessibility audit « confié à l'agence en février », a
satisfaction survey « prévu à la sortie » hold none of it, and the topic is absent, nothing of
it quoted. The référentiel says which criteria ask for work done (``done: true``); a plan, a
schedule or target indicators are forward-looking and a concrete plan still counts for them.
Real Markdown dossiers assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.done_work import planned
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, status_of, unit_of, write

COVER = """\
# Dossier — Voilerie Kerbiquet, réparation de voiles à Lorient

## Présentation

La voilerie Kerbiquet répare et fabrique des voiles pour les plaisanciers du Morbihan depuis 2009 : quatre salariés, 410 000 € de chiffre d'affaires en 2024, un atelier de 600 m² sur le port de Lorient.

## Le projet

La voilerie a lancé en avril 2025 une offre d'hivernage des voiles (lavage, contrôle, stockage) à 95 € par voile, avec un objectif de 180 contrats sur la première saison.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


# ---- the sentence: work told in the future or as a plan, and nothing of it done ----


@pytest.mark.parametrize(
    "text",
    [
        "Nous mesurerons la fréquentation du site chaque mois avec Matomo.",
        "Je ferai le point sur les ventes réelles après la première saison.",
        "Le questionnaire de satisfaction est prévu à la sortie du salon, sur tablette.",
        "La comparaison entre le budget et les dépenses réelles pourra se faire une fois le chantier terminé.",
        "Un contrôle de l'accessibilité du site sera confié à l'agence en février.",
        "Nous allons comparer les contrats signés à l'objectif lors de la réunion de janvier.",
    ],
)
def test_work_told_in_the_future_is_planned(tmp_path: Path, text: str) -> None:
    assert planned(unit_of(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons compté 1 240 visites en mars, contre 900 prévues au plan.",
        "Le contrôle a été fait en janvier : 31 critères sur 50 sont respectés.",
        "Les ventes (2 300 €) dépassent le prévisionnel de 15 % grâce au marché de Noël.",
        # a plan with work already done beside it
        "J'ai déjà relevé les écarts du premier trimestre ; nous ferons le même point en juillet.",
    ],
)
def test_work_told_as_done_is_not_planned(tmp_path: Path, text: str) -> None:
    assert not planned(unit_of(tmp_path, text))


# ---- the référentiel: which criteria ask for work done ----


def test_the_referentiel_flags_criteria_that_ask_for_work_done() -> None:
    done = {
        c.id: c.done for c in checkpoints("suivi_ecarts", "bilan_evenement", "mesure_visibilite")
    }
    assert all(done.values()), done
    forward = checkpoints("kpi", "gantt", "plan_actions", "preconisations", "feuille_de_route")
    assert not any(c.done for c in forward)


# ---- the dossier: a tracking only planned is absent; done, it is present ----

TRACKING_PLANNED = """\
## Suivi des écarts

Le suivi des écarts entre le prévu et le réalisé sera fait chaque trimestre par la gérante, une fois la saison lancée. Nous comparerons alors les contrats signés à l'objectif et nous expliquerons les écarts en réunion d'équipe.
"""

TRACKING_DONE = """\
## Suivi des écarts

| Poste | Prévu | Réalisé | Écart |
|---|---|---|---|
| Contrats d'hivernage | 180 | 142 | -38 |
| Chiffre d'affaires | 17 100 € | 13 490 € | -3 610 € |
| Frais de stockage | 2 400 € | 2 950 € | +550 € |

Nous avons signé 38 contrats de moins que prévu, car l'offre a été lancée trois semaines après la fin de saison des régates ; le stockage a coûté plus cher en raison de la location d'un second conteneur.
"""


def test_a_tracking_only_planned_is_absent_and_unquoted(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "dossier.md", COVER, TRACKING_PLANNED)
    assessment = services.review.assess(path, "E4")
    assert status_of(assessment, "suivi_ecarts") == "absent"
    assert not any("sera fait chaque trimestre" in q for q in evidence_quotes(assessment))
    assert not any("Nous comparerons" in q for q in evidence_quotes(assessment))


def test_a_tracking_done_is_present(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "dossier.md", COVER, TRACKING_DONE)
    assessment = services.review.assess(path, "E4")
    assert status_of(assessment, "suivi_ecarts") == "present"


TRACKING_GRID = """\
## Suivi des écarts

| Mois | Contrats prévus | Contrats signés | Écart |
|---|---|---|---|
| Octobre | 60 | | |
| Novembre | 70 | | |
| Décembre | 50 | | |

La grille sera remplie à la fin de chaque mois par la gérante ; les écarts seront commentés en réunion d'équipe.
"""


def test_a_tracking_grid_laid_out_but_not_filled_is_partial(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dossier.md", COVER, TRACKING_GRID)
    assessment = services.review.assess(path, "E4")
    assert status_of(assessment, "suivi_ecarts") == "partial"
    assert not any("sera remplie" in q for q in evidence_quotes(assessment))


# ---- forward-looking criteria: a concrete plan still counts ----

TARGETS_PLANNED = """\
## Indicateurs de performance (KPI)

Nous suivrons trois indicateurs sur la saison : le nombre de contrats signés (objectif : 180), le panier moyen (cible : 110 € par client) et la part de clients revenus l'hiver suivant (objectif : 60 %).
"""


def test_target_indicators_planned_still_count(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "dossier.md", COVER, TARGETS_PLANNED)
    assessment = services.review.assess(path, "E4")
    assert status_of(assessment, "kpi") == "present"


# ---- an event's review: a survey only planned is no review ----

EVENT = """\
# Dossier — Salon du livre de mer, Concarneau

## L'événement

Le salon du livre de mer réunira 40 auteurs et éditeurs au Port de Concarneau les 14 et 15 juin 2026 ; l'association attend 3 000 visiteurs.

## Bilan de l'événement

Un questionnaire de satisfaction est prévu à la sortie du salon, sur tablette, et nous analyserons les réponses avec le bureau de l'association en juillet.
"""


def test_an_event_review_only_planned_is_absent(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "dossier.md", EVENT)
    assessment = services.review.assess(path, "E5-P2")
    assert status_of(assessment, "bilan_evenement") == "absent"
