# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""What the référentiel asks of a topic, read in the notations students use: a publishing
rhythm written short in slides (« / sem. », « weekly »), a target value that is a figure to
reach, never a year or a comparison made in passing. Real Markdown dossiers assessed through
the review service, as the CLI does, and the requirement checks themselves on units built from
real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect.requirements import meets
from assistant.detect.units import build_units
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import ingest, status_of, write

COVER = """\
# Dossier — Fil & Bobine, mercerie solidaire

## Présentation

Fil & Bobine est une mercerie associative de Besançon ouverte en 2021 : deux salariées et une dizaine de bénévoles y vendent des tissus de récupération et animent des ateliers de couture pour 640 adhérents.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, epreuve: str, body: str) -> Assessment:
    return services.review.assess(write(tmp_path, "dossier.md", COVER, body), epreuve)


# ---- a publishing rhythm written short ----

SOCIAL_SHORT = """\
## Réseaux sociaux

- Instagram (adhérentes 25-45 ans) : 2 carrousels tutos + 4 stories / sem., réponses aux messages le soir même
- Facebook (public senior du quartier) : 1 post agenda des ateliers / 2 sem.
- Pinterest : tableaux « upcycling » alimentés à chaque nouvel atelier
"""

SOCIAL_WEEKLY = """\
## Social media plan

- Instagram : a weekly reel showing one garment repaired by a volunteer, plus stories from the workshop
- Facebook : workshop calendar posted monthly for the neighbourhood group (1 900 members)
"""

SOCIAL_NO_RHYTHM = """\
## Réseaux sociaux

- Instagram (adhérentes 25-45 ans) : carrousels tutos et stories, réponses aux messages le soir même
- Facebook (public senior du quartier) : posts agenda des ateliers
- Pinterest : tableaux « upcycling » sur les créations des adhérents
"""


def test_a_rhythm_written_per_week_in_slides_is_a_rhythm(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(assess(services, tmp_path, "E2", SOCIAL_SHORT), "reseaux_sociaux") == "present"


def test_an_english_weekly_rhythm_is_a_rhythm(services: Services, tmp_path: Path) -> None:
    assert (
        status_of(assess(services, tmp_path, "E2", SOCIAL_WEEKLY), "reseaux_sociaux") == "present"
    )


def test_networks_without_any_rhythm_stay_partial(services: Services, tmp_path: Path) -> None:
    status = status_of(assess(services, tmp_path, "E2", SOCIAL_NO_RHYTHM), "reseaux_sociaux")
    assert status == "partial"


# ---- a target value, not a year or a comparison in passing ----

KPI_YEAR_ONLY = """\
## Indicateurs de suivi

Depuis la rentrée 2024, je suis chaque mois le nombre d'inscriptions aux ateliers, le panier moyen en boutique et le nombre d'abonnés Instagram ; en 2025 la hausse du prix du coton a obligé à acheter plus de tissus neufs.
"""

KPI_TARGETS = """\
## Indicateurs de suivi

Je suis chaque mois le nombre d'inscriptions aux ateliers (objectif : 90 par mois d'ici juin), le panier moyen en boutique (au moins 14 €) et le nombre d'abonnés Instagram (1 500 visés fin 2025).
"""


def test_indicators_whose_only_figures_are_years_have_no_target(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(assess(services, tmp_path, "E4", KPI_YEAR_ONLY), "kpi") != "present"


def test_indicators_with_values_to_reach_are_present(services: Services, tmp_path: Path) -> None:
    assert status_of(assess(services, tmp_path, "E4", KPI_TARGETS), "kpi") == "present"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Nous visons 300 paniers par mois à la boutique.", True),
        ("Le taux de réinscription doit rester > 60 % sur l'année.", True),
        ("Au moins 40 bénévoles mobilisés pour la braderie.", True),
        ("Depuis 2023, la boutique a accueilli plus de bénévoles que prévu.", False),
        ("L'objectif est de faire connaître la mercerie depuis 2022.", False),
    ],
)
def test_a_target_value_is_a_figure_to_reach(tmp_path: Path, text: str, held: bool) -> None:
    units = build_units(ingest(write(tmp_path, "t.md", text + "\n")))
    assert meets(["targets"], units) is held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Reels : 3 / sem. en période de soldes.", True),
        ("Newsletter envoyée 2x/mois aux adhérents.", True),
        ("Posts published daily during the sales week.", True),
        ("Le loyer de la boutique est de 950 €/mois.", False),
        ("Atelier couture le 12/03 avec 8 inscrits.", False),
    ],
)
def test_a_rhythm_is_a_recurring_time(tmp_path: Path, text: str, held: bool) -> None:
    units = build_units(ingest(write(tmp_path, "t.md", text + "\n")))
    assert meets(["frequency"], units) is held


# ---- what a denial takes back meets no requirement ----

ACCESSIBILITY_DENIED_AUDIT = """\
## Accessibilité numérique (RGAA)

Sur le site de la mercerie, j'ai ajouté en mai des textes alternatifs aux 40 photos de tissus et agrandi les boutons du panier pour les adhérentes malvoyantes ; en revanche aucun audit RGAA n'a été réalisé.
"""

ACCESSIBILITY_AUDITED = """\
## Accessibilité numérique (RGAA)

Pour la boutique en ligne, j'ai ajouté des descriptions aux photos des coupons de tissu et agrandi les boutons du panier ; l'audit mené en mars avec l'extension WAVE donne 71 % de critères RGAA respectés, et les douze non-conformités restantes sont listées avec leur correction.
"""


def test_an_audit_said_not_done_is_no_audit(services: Services, tmp_path: Path) -> None:
    status = status_of(assess(services, tmp_path, "E5-P1", ACCESSIBILITY_DENIED_AUDIT), "rgaa")
    assert status == "partial"


def test_an_audit_with_its_conformity_rate_is_present(services: Services, tmp_path: Path) -> None:
    assert (
        status_of(assess(services, tmp_path, "E5-P1", ACCESSIBILITY_AUDITED), "rgaa") == "present"
    )


@pytest.mark.parametrize(
    ("text", "requirement"),
    [
        (
            "Nous n'avons pas encore fixé les dates des ateliers de septembre et d'octobre.",
            "schedule",
        ),
        ("Aucun audit n'a été réalisé sur le site de la mercerie.", "audit"),
    ],
)
def test_a_denied_clause_meets_no_requirement(tmp_path: Path, text: str, requirement: str) -> None:
    units = build_units(ingest(write(tmp_path, "t.md", text + "\n")))
    assert not meets([requirement], units)


# ---- a topic told in short lines next to each other is one passage ----

EVENT_TARGETS_SHORT = """\
## Public de la braderie

L'an dernier, 380 visiteurs sont venus à la braderie de printemps.

Parmi les visiteurs, 70 % de femmes de 30 à 55 ans.

Événement concurrent : la foire de Dole, le même week-end.
"""

EVENT_TARGETS_SCATTERED = """\
## Public de la braderie

L'an dernier, 380 visiteurs sont venus à la braderie de printemps.

## Budget

La location des tables coûte 240 € et l'impression des affiches 180 €, payées par l'association sur ses fonds propres.

## Bénévoles

Douze bénévoles tiennent les stands par roulement de deux heures, encadrés par les deux salariées.

## Les exposants

Parmi les visiteurs, 70 % de femmes de 30 à 55 ans.
"""


def test_short_lines_about_one_topic_are_read_together(services: Services, tmp_path: Path) -> None:
    result = assess(services, tmp_path, "E5-P2", EVENT_TARGETS_SHORT)
    assert status_of(result, "cibles_evenement") == "present"


def test_lines_in_different_sections_are_not_joined(services: Services, tmp_path: Path) -> None:
    result = assess(services, tmp_path, "E5-P2", EVENT_TARGETS_SCATTERED)
    assert status_of(result, "cibles_evenement") != "present"


# ---- a schedule under a plain « Planning » title: dated, or only in numbered weeks ----

PLANNING_WEEKS = """\
## Planning

- Semaine 1 : choix des tissus avec les bénévoles
- Semaine 2 : tournage des tutos vidéo
- Semaine 3 à 5 : ateliers d'essai et retours des adhérentes
- Semaine 6 : braderie et bilan
"""

PLANNING_DATED = """\
## Planning

- 2 septembre : choix des tissus avec les bénévoles
- J-30 avant la braderie (4 octobre) : tournage des tutos vidéo
- 14 au 28 octobre : ateliers d'essai et retours des adhérentes
- 3 novembre : braderie, puis bilan le 10 novembre
"""


def test_a_planning_in_numbered_weeks_is_a_schedule_without_dates(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(assess(services, tmp_path, "E2", PLANNING_WEEKS), "gantt") == "partial"


def test_a_dated_planning_is_present(services: Services, tmp_path: Path) -> None:
    assert status_of(assess(services, tmp_path, "E2", PLANNING_DATED), "gantt") == "present"


# ---- event targets drawn from a past edition named by its year ----

EVENT_TARGETS_EDITION = """\
## Cibles de l'événement

Le fichier des inscrits de l'édition 2024 de la braderie compte 412 visiteurs : 68 % de couturières amatrices de 30 à 55 ans, 21 % d'étudiantes en mode du lycée Pasteur et 11 % de retraités du quartier Battant. Nous visons donc en priorité les étudiantes, sous-représentées alors qu'elles achètent le plus de coupons, et nous gardons les couturières du quartier comme public fidèle.
"""

EVENT_TARGETS_NO_HISTORY = """\
## Cibles de l'événement

Nous visons en priorité les étudiantes en mode du lycée Pasteur, qui achètent beaucoup de coupons, et nous gardons les couturières amatrices de 30 à 55 ans du quartier Battant comme public fidèle de la braderie.
"""


def test_event_targets_from_a_dated_edition_are_present(services: Services, tmp_path: Path) -> None:
    result = assess(services, tmp_path, "E5-P2", EVENT_TARGETS_EDITION)
    assert status_of(result, "cibles_evenement") == "present"


def test_event_targets_without_past_editions_stay_partial(
    services: Services, tmp_path: Path
) -> None:
    result = assess(services, tmp_path, "E5-P2", EVENT_TARGETS_NO_HISTORY)
    assert status_of(result, "cibles_evenement") == "partial"
