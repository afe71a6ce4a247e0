# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A checkpoint named by a heading whose body says nothing of the case is named, so partial.

The labelling convention calls a checkpoint without elements partial when it is only named or
handled in a vague line (indicators with no target value, a problem statement that is a
generic question), and absent when the dossier says it was not done or only announces it.
A heading « KPI » over four bare indicator names names the indicators: partial, not absent;
the same heading over « aucun indicateur n'a été retenu », « à définir avec le gérant » or
« les indicateurs seront choisis en janvier » says there are none yet: absent.

A denial with « aucun » as its subject denies whatever its participle (« aucune procédure n'a
été préparée »); a line opening on « pas de suivi pour l'instant » or « pas encore de
questionnaire » says the means of a step are missing (not « pas de concurrent pour le
moment », a fact of the market); a line opening on « à définir », « à faire » is left blank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.claims import void_reason
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, ingest, status_of, unit_of, write

COVER = """\
# Dossier E5 — Rayon Comtois, atelier de réparation de vélos

## L'atelier

Rayon Comtois est une coopérative de Besançon ouverte en 2019 : 6 mécaniciens, 410 000 € de chiffre d'affaires en 2024, la réparation de vélos de ville et de vélos cargo pour les particuliers et pour trois flottes d'entreprise du quartier de Palente.

## Le projet

Nous lançons en mars 2026 un abonnement d'entretien à 9 € par mois qui couvre deux révisions par an, le prêt d'un vélo pendant la réparation et une remise de 15 % sur les pièces ; l'objectif est de lisser l'activité de l'atelier entre l'hiver et le printemps.
"""


def section(title: str, *lines: str) -> str:
    return f"## {title}\n\n" + "\n".join(lines) + "\n"


BARE_KPI = section(
    "Indicateurs clés (KPI)",
    "- ventes",
    "- chiffre d'affaires",
    "- nombre d'abonnés",
    "- avis clients",
)


def rules_status(tmp_path: Path, body: str, checkpoint: str) -> str:
    layout = layout_of(ingest(write(tmp_path, "dossier.md", COVER, body)))
    (outcome,) = detect_outcomes(checkpoints(checkpoint), layout)
    assert not any(f.substantive for f in outcome.findings)
    return outcome.status


def test_indicators_named_without_targets_under_their_heading_are_partial(
    tmp_path: Path,
) -> None:
    assert rules_status(tmp_path, BARE_KPI, "kpi") == "partial"


def test_a_generic_question_under_the_problem_heading_is_partial(tmp_path: Path) -> None:
    body = section(
        "Problématique",
        "Comment les ateliers de réparation indépendants peuvent-ils résister aux grandes enseignes de sport ?",
    )
    assert rules_status(tmp_path, body, "problematique") == "partial"


@pytest.mark.parametrize(
    "line",
    [
        "Aucun indicateur n'a été retenu pour le moment.",
        "À définir avec le gérant.",
        "Les indicateurs seront choisis avec l'expert-comptable en janvier.",
        "To be completed.",
    ],
)
def test_a_heading_over_not_done_or_later_names_nothing(tmp_path: Path, line: str) -> None:
    body = section("Indicateurs clés (KPI)", line)
    assert rules_status(tmp_path, body, "kpi") == "absent"


def test_a_heading_over_the_case_is_still_read_as_treatment(tmp_path: Path) -> None:
    body = section(
        "Indicateurs clés (KPI)",
        "Nous visons 320 abonnements vendus d'ici décembre 2026, un panier moyen de 85 € et une note Google d'au moins 4,6 sur 5.",
    )
    layout = layout_of(ingest(write(tmp_path, "dossier.md", COVER, body)))
    (outcome,) = detect_outcomes(checkpoints("kpi"), layout)
    assert outcome.status == "present"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_bare_indicators_stay_partial_through_the_review_service(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dossier.md", COVER, BARE_KPI)
    assert status_of(services.review.assess(path, "E5-P3"), "kpi") == "partial"


def test_a_heading_over_a_course_definition_names_nothing(tmp_path: Path) -> None:
    body = section(
        "Les facteurs clés de succès",
        "Les facteurs clés de succès sont les éléments stratégiques qu'une entreprise doit maîtriser pour réussir sur son marché.",
        "Ils découlent de l'analyse de l'environnement et des attentes des clients.",
    )
    assert rules_status(tmp_path, body, "fcs") == "absent"


# ---- not done, not yet, left blank: said in the forms students use ----


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Aucune procédure de crise n'a été préparée avant l'ouverture de la saison.", "negated"),
        ("pas de suivi des écarts pour l'instant, l'abonnement démarre en mars", "negated"),
        ("Pas encore de questionnaire de satisfaction auprès des abonnés.", "negated"),
        ("à définir avec le gérant après l'inventaire", "announce"),
        ("À faire après les trois premiers mois d'abonnement.", "announce"),
        # guards: a fact of the market, a denial that is content, a task in a sentence
        ("Pas de concurrent direct pour le moment à Palente, le plus proche est à 6 km.", None),
        ("Nous avons choisi trois indicateurs : abonnements, panier moyen et avis Google.", None),
        ("Le planning à faire valider par le conseil compte douze tâches datées.", None),
    ],
)
def test_not_done_not_yet_and_blank_lines(tmp_path: Path, text: str, reason: str | None) -> None:
    assert void_reason(unit_of(tmp_path, text)) == reason


def test_a_crisis_plan_said_not_prepared_is_absent(tmp_path: Path) -> None:
    body = section(
        "Communication de crise",
        "Aucune procédure de communication de crise n'a été préparée (par exemple en cas de vol de vélos à l'atelier).",
    )
    layout = layout_of(ingest(write(tmp_path, "dossier.md", COVER, body)))
    (outcome,) = detect_outcomes(checkpoints("communication_crise"), layout)
    assert outcome.status == "absent"
