# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A checkpoint without elements that the dossier says was not done is absent, even when the
sentence goes on to say why or when it will be: « X n'a pas été fait : <reason> » holds nothing
of X, and is never quoted as evidence. A schedule needs dates that come once (a month, « J-10 »,
« 12/05 »); days of the week alone (« le mardi ..., le vendredi ... ») are a rhythm, which
still counts for regular meetings. Recommendations are named by their verb as well as by their
noun (« je recommanderais », « nous préconisons »). Real Markdown dossiers assessed through the
review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.negation import denied_tokens
from assistant.detect.requirements import meets
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, unit_of, write

COVER = """\
# Dossier — Mirabelle & Fils, tisanes de Lorraine

## Présentation

Mirabelle & Fils est une herboristerie familiale de Nancy fondée en 1987 : neuf salariés, 1,3 million d'euros de chiffre d'affaires en 2024, des tisanes vendues en boutique, en pharmacie et sur son site.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


# ---- the grammar: a denial explained after a colon takes the whole sentence back ----


@pytest.mark.parametrize(
    "text",
    [
        "La grille de tests utilisateurs n'a pas encore été construite : le fabricant livre les premiers sachets prototypes fin juin.",
        "Pas réalisé : le parcours d'achat sur le site relève du prestataire web, qui le reprendra à la rentrée.",
        "Le budget prévisionnel n'a pas été chiffré : la gérante attend les tarifs de trois imprimeurs locaux.",
    ],
)
def test_a_denial_explained_after_a_colon_takes_back_the_explanation(
    tmp_path: Path, text: str
) -> None:
    unit = unit_of(tmp_path, text)
    assert denied_tokens(unit) == frozenset(range(len(unit.tokens)))


@pytest.mark.parametrize(
    "text",
    [
        # a denial that follows what was done: the first part stays asserted
        "Nous avons interrogé 48 clientes en boutique : le questionnaire en ligne n'a pas été diffusé.",
        # a denial with a comma, then what was done instead
        "Le séminaire n'a pas eu lieu, mais nous avons organisé deux déjeuners d'équipe en mars et en mai.",
    ],
)
def test_what_was_done_beside_a_denial_stays_asserted(tmp_path: Path, text: str) -> None:
    unit = unit_of(tmp_path, text)
    assert denied_tokens(unit) != frozenset(range(len(unit.tokens)))


# ---- the dossier: a topic said not done, with its reason, is absent and unquoted ----

TESTS_NOT_DONE = """\
## Concept

La tisane « Nuit de Meurthe » associe mélisse, tilleul et mirabelle séchée, en sachets compostables ; elle vise les 30-45 ans qui dorment mal et achètent déjà en pharmacie.

## Tests auprès du public

Les tests auprès du public n'ont pas encore été menés : le fabricant ne livre les sachets prototypes qu'à la fin juin, après la remise de ce dossier.
"""


def test_tests_said_not_done_with_their_reason_are_absent_and_unquoted(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dossier.md", COVER, TESTS_NOT_DONE)
    assessment = services.review.assess(path, "E5-P3")
    assert status_of(assessment, "tests_public") == "absent"
    assert not any("pas encore été menés" in q for q in evidence_quotes(assessment))


# ---- requirements: a schedule's dates come once; days of the week are a rhythm ----


def test_days_of_the_week_are_no_dated_schedule(tmp_path: Path) -> None:
    unit = unit_of(
        tmp_path,
        "Le mardi, réunion de l'équipe boutique ; le vendredi, envoi du récapitulatif des ventes à la gérante.",
    )
    assert not meets(["schedule"], [unit])
    assert meets(["rhythm"], [unit])  # regular meetings: a weekday is their rhythm


def test_tasks_with_dates_that_come_once_are_a_schedule(tmp_path: Path) -> None:
    unit = unit_of(
        tmp_path,
        "Commande des sachets le 12/04, shooting photo en mai et lancement en boutique à J-0, le 3 juin.",
    )
    assert meets(["schedule"], [unit])


# ---- recommendations written with their verb ----

ADVICE = """\
## Pour la suite

Pour l'automne, je recommanderais à la gérante de lancer un coffret « Nuit de Meurthe » à 24 € chez les 35 pharmacies partenaires de Meurthe-et-Moselle, d'ouvrir un atelier de dégustation mensuel en boutique (12 places, 8 €) et de confier à une salariée le suivi des avis Google, passés de 4,1 à 4,4 en un an.
"""


def test_recommendations_named_by_their_verb_are_found(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "advice.md", COVER, ADVICE)))
    (outcome,) = detect_outcomes(checkpoints("preconisations"), layout)
    assert outcome.status == "present"
    assert any("je recommanderais" in u.text for f in outcome.findings for u in f.units)
