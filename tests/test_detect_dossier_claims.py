# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Dossier-level judgment on passages that assert nothing about the case: a contents list run
on as one line, a heading over a course definition, intentions and wishes, what a denial's
justification says. Real Markdown files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import evidence_quotes, status_of

COVER = """\
# Dossier — Brûlerie Castagne

## Présentation de l'entreprise

La Brûlerie Castagne torréfie du café de spécialité à Clermont-Ferrand depuis 2015 ; elle emploie 7 personnes, réalise 880 000 € de chiffre d'affaires et vend 45 % de ses cafés à des restaurants de la région.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, name: str, epreuve: str, *parts: str) -> Assessment:
    path = tmp_path / name
    path.write_text("\n".join(parts), encoding="utf-8")
    return services.review.assess(path, epreuve)


RUN_ON_CONTENTS = """\
## Sommaire
Première partie : contexte de la brûlerie, analyse PESTEL, cinq forces de Porter, matrice SWOT, facteurs clés de succès, problématique
Deuxième partie : préconisations, plan de communication, budget, rétroplanning, indicateurs
"""


def test_a_contents_list_run_on_as_one_line_is_never_evidence(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "runon.md", "E5-P2", RUN_ON_CONTENTS, COVER)
    for checkpoint in ("porter", "fcs", "swot", "gantt", "preconisations"):
        assert status_of(assessment, checkpoint) == "absent", checkpoint
    assert not [q for q in evidence_quotes(assessment) if "Première partie" in q]


COURSE_NOTES = """\
## Les facteurs clés de succès

Les facteurs clés de succès désignent les compétences qu'une entreprise doit maîtriser pour réussir sur un marché. Ils découlent de l'étude de l'environnement et traduisent les attentes des acheteurs.

## La chaîne de valeur

La chaîne de valeur se compose d'activités principales et d'activités de soutien. Chacune ajoute de la valeur au produit vendu au client final.
"""


def test_a_heading_over_course_notes_names_no_topic_of_the_dossier(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "course.md", "E5-P1", COVER, COURSE_NOTES)
    assert status_of(assessment, "fcs") == "absent"
    assert status_of(assessment, "diagnostic_interne") == "absent"


CASE_VALUE_CHAIN = """\
## La chaîne de valeur

Avec la chaîne de valeur, j'ai repéré où la brûlerie crée de la valeur : le sourcing direct auprès de trois coopératives, la torréfaction (un torréfacteur et un designer pour les étiquettes) et la formation des baristas de ses restaurants clients. Les faiblesses se situent dans la logistique, dépendante d'un transporteur d'Auvergne unique.
"""


def test_a_case_section_whose_sentences_mention_a_designer_is_not_a_definition(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "chain.md", "E5-P1", COVER, CASE_VALUE_CHAIN)
    assert status_of(assessment, "diagnostic_interne") == "present"


TEAM_TABLE = """\
## Répartition des tâches

| Qui | Missions |
|---|---|
| Odile (gérante) | Achats de café vert, relations avec les coopératives |
| Bastien (torréfacteur) | Production, contrôle qualité des lots |
| Moi (alternante) | Salon, réseaux sociaux, questionnaire aux restaurateurs |
"""


def test_a_heading_over_a_table_of_the_team_still_counts(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "team.md", "E2", COVER, TEAM_TABLE)
    assert status_of(assessment, "feuille_de_route") != "absent"


SHORT_REVIEW = """\
## Bilan personnel

J'ai beaucoup appris pendant cette année.
"""


def test_a_first_person_line_under_a_personal_review_heading_is_about_the_case(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "review.md", "E5-P1", COVER, SHORT_REVIEW)
    assert status_of(assessment, "bilan_personnel") == "partial"


DROPPED_PLAN = """\
## Diffusion de l'événement

Nous avions pensé à inviter une influenceuse culinaire de Vichy pour une dégustation, mais cela ne s'est pas fait, le calendrier étant trop serré.
"""


def test_a_plan_the_sentence_itself_says_was_dropped_is_not_a_mention(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "dropped.md", "E2", COVER, DROPPED_PLAN)
    assert status_of(assessment, "influence") == "absent"
    assert not [q for q in evidence_quotes(assessment) if "influenceuse" in q]


DENIAL_WITH_REASON = """\
## Inclusion

L'accueil des personnes en situation de handicap n'a pas été traité, car le salon se tenait dans une halle municipale ; l'accessibilité des allées relevait de la ville de Riom.
"""


def test_the_reason_given_for_a_denial_is_no_evidence_either(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "reason.md", "E2", COVER, DENIAL_WITH_REASON)
    assert status_of(assessment, "handicap_inclusion") == "absent"
    assert not [q for q in evidence_quotes(assessment) if "halle municipale" in q]


def test_an_analysis_with_a_cause_is_not_taken_back() -> None:
    from assistant.detect.negation import denied_tokens
    from assistant.detect.units import Unit, tokenize

    text = (
        "Les restaurateurs n'ont pas de pouvoir de négociation, car ils sont nombreux et dispersés."
    )
    unit = Unit(
        index=0, kind="sentence", start=0, end=len(text), page=1, section=(), block=0,
        tokens=tuple(tokenize(text)), row=None, column=None, first_in_block=True, text=text,
    )  # fmt: skip
    assert not denied_tokens(unit)


STUDY_LATER = """\
## Démarche écoresponsable

Il est envisagé d'étudier le remplacement de la camionnette diesel par un utilitaire électrique et de mesurer l'empreinte carbone de la torréfaction avec l'ADEME.
"""


def test_a_study_announced_for_later_is_no_evidence(services: Services, tmp_path: Path) -> None:
    assessment = assess(services, tmp_path, "later.md", "E2", COVER, STUDY_LATER)
    assert status_of(assessment, "rse") != "present"
    assert not [q for q in evidence_quotes(assessment) if "camionnette" in q]
