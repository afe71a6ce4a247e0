# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A topic whose criterion has several parts is present only when the part most often left
out is really there: a product specification needs the user's journey, user-experience
scenarios need scenarios (a questionnaire alone is half of it), an event review needs its
satisfaction survey. A required word that only appears where the dossier says the part was not
done, or will be done later, holds nothing. Real Markdown dossiers assessed through the review
service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect import detect_outcomes, layout_of
from assistant.detect.negation import denied_tokens
from assistant.detect.units import build_units
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, write

COVER = """\
# Dossier E5 — Cordelle, sacs à dos en voile de bateau recyclée

## Présentation

Cordelle est un atelier nantais créé en 2020 par deux anciennes voilières : six salariées y découpent des voiles de plaisance usagées pour en faire des sacs à dos vendus 89 € en ligne et dans 14 boutiques de l'Ouest (410 000 € de chiffre d'affaires en 2024).
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, epreuve: str, body: str) -> Assessment:
    return services.review.assess(write(tmp_path, "dossier.md", COVER, body), epreuve)


# ---- a product specification: the user's journey is the part students leave out ----

SPEC_FEATURES_ONLY = """\
## Cahier des charges du produit

Fonctionnalités retenues : volume de 22 litres, dos matelassé en mousse recyclée, poche à ordinateur 15 pouces, sangles réglables, fermeture par enroulement étanche. Chaque sac pèse moins de 900 g et la toile est garantie cinq ans. Dimension écologique : voiles collectées dans les ports de Loire-Atlantique, fils en polyester recyclé, aucune pièce collée pour pouvoir réparer.
"""

SPEC_WITH_JOURNEY = """\
## Cahier des charges du produit

Parcours utilisateur : le client découvre le sac sur Instagram ou en boutique, choisit la couleur de voile sur le site, reçoit le sac sous 5 jours, puis peut le renvoyer gratuitement à l'atelier pour une réparation. Fonctionnalités retenues : volume de 22 litres, dos matelassé en mousse recyclée, poche à ordinateur 15 pouces, fermeture par enroulement étanche. Arbitrage : nous avons préféré des boucles en aluminium aux boucles plastiques, plus chères de 2 € mais réparables. Dimension écologique : voiles collectées dans les ports de Loire-Atlantique, fils en polyester recyclé, aucune pièce collée.
"""

SPEC_JOURNEY_NOT_DONE = """\
## Cahier des charges du produit

Fonctionnalités retenues : volume de 22 litres, dos matelassé en mousse recyclée, poche à ordinateur 15 pouces, sangles réglables, fermeture par enroulement étanche. Dimension écologique : voiles collectées dans les ports de Loire-Atlantique, fils en polyester recyclé, aucune pièce collée. Le parcours utilisateur n'a pas encore été défini avec l'équipe commerciale.
"""


def test_a_specification_without_the_users_journey_is_partial(
    services: Services, tmp_path: Path
) -> None:
    status = status_of(
        assess(services, tmp_path, "E5-P3", SPEC_FEATURES_ONLY), "cahier_des_charges_produit"
    )
    assert status == "partial"


def test_a_specification_with_the_users_journey_is_present(
    services: Services, tmp_path: Path
) -> None:
    status = status_of(
        assess(services, tmp_path, "E5-P3", SPEC_WITH_JOURNEY), "cahier_des_charges_produit"
    )
    assert status == "present"


def test_a_journey_said_not_yet_defined_is_no_journey(services: Services, tmp_path: Path) -> None:
    assessment = assess(services, tmp_path, "E5-P3", SPEC_JOURNEY_NOT_DONE)
    assert status_of(assessment, "cahier_des_charges_produit") == "partial"
    assert not any("pas encore été défini" in q for q in evidence_quotes(assessment))


# ---- user-experience scenarios: a questionnaire alone is half of the criterion ----

SURVEY_ONLY = """\
## Questionnaire auprès du public

Nous avons diffusé en février un questionnaire à 180 clientes et clients de la boutique en ligne : 64 % utilisent leur sac pour aller travailler à vélo, 48 % veulent une poche pour ordinateur et 37 % trouvent nos modèles actuels trop lourds. Ces réponses ont fixé le volume de 22 litres et le poids maximal de 900 g.
"""

SURVEY_AND_SCENARIOS = """\
## Questionnaire et scénarios d'usage

Nous avons diffusé en février un questionnaire à 180 clientes et clients de la boutique en ligne : 64 % utilisent leur sac pour aller travailler à vélo, 48 % veulent une poche pour ordinateur et 37 % trouvent nos modèles actuels trop lourds.

Scénario 1 : Maëlle, 29 ans, traverse Nantes à vélo sous la pluie ; elle glisse son ordinateur dans la poche matelassée et roule la fermeture étanche avant de partir. Scénario 2 : Hugo, malvoyant, repère les poches au toucher grâce aux coutures en relief que nous avons ajoutées.
"""


def test_a_questionnaire_without_scenarios_is_partial(services: Services, tmp_path: Path) -> None:
    assert status_of(assess(services, tmp_path, "E5-P3", SURVEY_ONLY), "scenarios_ux") == "partial"


def test_a_questionnaire_and_usage_scenarios_are_present(
    services: Services, tmp_path: Path
) -> None:
    status = status_of(assess(services, tmp_path, "E5-P3", SURVEY_AND_SCENARIOS), "scenarios_ux")
    assert status == "present"


def test_the_rules_hold_no_journey_in_a_denied_clause(tmp_path: Path) -> None:
    """The cue rules themselves, before any learned stage: the only « parcours » of the
    section is in a clause saying it was not defined."""
    layout = layout_of(ingest(write(tmp_path, "spec.md", COVER, SPEC_JOURNEY_NOT_DONE)))
    (outcome,) = detect_outcomes(checkpoints("cahier_des_charges_produit"), layout)
    assert outcome.status == "partial"
    assert not any(f.substantive for f in outcome.findings)


# ---- denials written the way students speak, or in English ----


@pytest.mark.parametrize(
    "text",
    [
        "On a pas fait de planning daté, juste une liste de tâches dans le groupe WhatsApp.",
        "J'ai pas eu le temps de lancer le questionnaire auprès des clientes.",
        "Pas réalisé : l'audit d'accessibilité du site, repoussé à l'an prochain.",
        "Faute de recul, il n'a pas encore été possible de comparer le prévu et le réalisé.",
        "We didn't test the new pages with a screen reader before the launch.",
        "The variance analysis was not carried out this year.",
    ],
)
def test_a_denial_without_ne_or_in_english_takes_the_clause_back(tmp_path: Path, text: str) -> None:
    (unit,) = build_units(ingest(write(tmp_path, "t.md", text + "\n")))
    assert denied_tokens(unit)


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons pas mal avancé sur les visuels en mars.",
        "On a vendu 212 sacs, pas mal pour une première vente d'atelier.",
        "We tested the new pages with a screen reader before the launch.",
    ],
)
def test_an_affirmation_is_not_read_as_a_denial(tmp_path: Path, text: str) -> None:
    (unit,) = build_units(ingest(write(tmp_path, "t.md", text + "\n")))
    assert not denied_tokens(unit)


SCHEDULE_SPOKEN_DENIAL = """\
## Organisation

Nous étions trois sur le projet : Inès sur les visuels, Malo sur la boutique en ligne et moi sur la coordination avec les boutiques partenaires. On a pas fait de rétroplanning, chacun notait ses tâches dans le groupe WhatsApp de l'atelier.
"""


def test_a_schedule_said_not_made_in_spoken_french_is_absent(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, tmp_path, "E4", SCHEDULE_SPOKEN_DENIAL)
    assert status_of(assessment, "gantt") == "absent"
    assert not any("rétroplanning" in q for q in evidence_quotes(assessment))
