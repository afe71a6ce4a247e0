# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Plans and project phases where students write them (issue #13).

1. An E2 retrospective tells its project from the first meeting to the last in the order it
   happened, under headings by month, and never writes « cadrage », « gestion de projet » nor
   « phases du projet »: the whole dossier is the project, so the kick-off meeting and the
   closing it narrates are that project's phases (a closing said not done stays absent).
2. A heading that joins a shared name to a name only another checkpoint uses says whose
   section it is: under « Concurrents, cible et positionnement » the target described is the
   positioning's, not the communication plan's targets.

Real Markdown dossiers assessed through the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import layout_of
from assistant.detect.other_titles import claimed_elsewhere
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, ingest, present_elements, status_of, write

RETROSPECTIVE = """\
# Retour d'expérience E2 — Fromagerie des Aravis, journées « Alpage ouvert »

## Janvier : comprendre ce que voulait la fromagerie

La Fromagerie des Aravis, coopérative de 31 producteurs de reblochon installée au Grand-Bornand, m'a accueilli en alternance. Son directeur, M. Perrissin, voulait faire venir les familles en vacances à la fromagerie au lieu de les laisser acheter en grande surface.

Notre réunion de lancement s'est tenue le 9 janvier à la fromagerie avec M. Perrissin et la responsable du magasin : nous y avons fixé l'objectif de 1 200 visiteurs sur les deux journées des 12 et 13 juillet, une enveloppe de 5 400 € et la répartition des rôles entre nous trois.

## Février à juin : préparer et produire

J'ai réalisé les affiches, le programme des visites de cave et la page d'inscription en ligne ; la responsable du magasin a réservé les producteurs pour les démonstrations de moulage.

## Juillet : les deux journées et la fin du projet

Les journées ont accueilli 1 340 visiteurs et le magasin a vendu 2,1 tonnes de reblochon, contre 0,8 tonne un week-end ordinaire.

La clôture du projet a eu lieu le 24 juillet : j'ai remis à M. Perrissin un bilan écrit de douze pages avec les chiffres de fréquentation et les dépenses (5 180 €), puis nous avons archivé les fichiers et transmis les accès des comptes au magasin.
"""

NOT_CLOSED = RETROSPECTIVE.replace(
    "La clôture du projet a eu lieu le 24 juillet : j'ai remis à M. Perrissin un bilan écrit de douze pages avec les chiffres de fréquentation et les dépenses (5 180 €), puis nous avons archivé les fichiers et transmis les accès des comptes au magasin.",
    "Nous n'avons pas fait de réunion de clôture ni de bilan écrit : mon alternance s'est terminée le 14 juillet, au lendemain des journées.",
)

STRATEGY = """\
# Dossier E1 — Cidrerie du Val de Rance, stratégie marketing 2026

## 1. L'entreprise

La Cidrerie du Val de Rance, à Pleudihen-sur-Rance, presse depuis 1988 les pommes de 40 hectares de vergers et emploie 9 salariés ; elle a vendu 210 000 bouteilles en 2025 pour 1,3 M€ de chiffre d'affaires.

## 6. Concurrents, cible et positionnement

Les concurrents directs sont les cidreries du pays de Dinan, plus grandes et présentes en grandes surfaces, et les cidres industriels vendus sous 3 € la bouteille.

La cible prioritaire retenue est celle des cavistes et des crêperies de Rennes et de Saint-Malo, environ 260 établissements, qui cherchent des cidres fermiers à raconter à leurs clients ; la cible secondaire, les touristes de passage au pressoir l'été.

Le positionnement retenu est celui d'un cidre fermier haut de gamme, vendu entre 6 et 9 € la bouteille.

## 8. Plan de communication 2026

Objectif de communication : faire connaître la gamme « Rance » à 120 établissements nouveaux d'ici décembre 2026.

Moyens : une tournée de dégustations chez les cavistes en mars, un stand au salon Cidres et Poirés de Rennes en avril, un compte Instagram animé trois fois par semaine.

Message : « Le cidre de la Rance, pressé à la ferme ».

Budget : 6 800 € (salon 2 400 €, dégustations 1 900 €, photos 1 500 €, publicité en ligne 1 000 €).
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_a_retrospective_told_by_month_holds_its_kick_off_and_its_closing(
    services: Services, tmp_path: Path
) -> None:
    assessment = services.review.assess(write(tmp_path, "e2.md", RETROSPECTIVE), "E2")
    found = present_elements(assessment, "cadrage_projet")
    assert any("réunion de lancement" in q for q in found.get("lancement", []))
    assert any("clôture du projet a eu lieu" in q for q in found.get("cloture", []))


def test_a_closing_said_not_done_stays_absent_in_a_retrospective(
    services: Services, tmp_path: Path
) -> None:
    assessment = services.review.assess(write(tmp_path, "e2.md", NOT_CLOSED), "E2")
    found = present_elements(assessment, "cadrage_projet")
    assert "cloture" not in found
    assert "lancement" in found


STILL_OPEN = RETROSPECTIVE.replace(
    "La clôture du projet a eu lieu le 24 juillet : j'ai remis à M. Perrissin un bilan écrit de douze pages avec les chiffres de fréquentation et les dépenses (5 180 €), puis nous avons archivé les fichiers et transmis les accès des comptes au magasin.",
    "Le projet reste ouvert à ce jour : le bilan avec M. Perrissin est prévu le 2 septembre, sans réunion de clôture ni archivage pour l'instant.",
)


def test_a_closing_only_dated_as_a_plan_is_no_closing(services: Services, tmp_path: Path) -> None:
    # the date is the plan's, and the sentence denies the closing: never evidence of it
    assessment = services.review.assess(write(tmp_path, "e2.md", STILL_OPEN), "E2")
    found = present_elements(assessment, "cadrage_projet")
    assert "cloture" not in found, found.get("cloture")
    assert "lancement" in found


def test_the_positionings_target_is_not_the_communication_plans_targets(
    services: Services, tmp_path: Path
) -> None:
    assessment = services.review.assess(write(tmp_path, "e1.md", STRATEGY), "E1")
    plan = present_elements(assessment, "plan_communication")
    assert "cibles" not in plan
    assert {"objectifs", "moyens", "budget"} <= plan.keys()
    positioning = present_elements(assessment, "cible_positionnement")
    assert any("cavistes et des crêperies" in q for q in positioning.get("cible", []))


def test_a_heading_claims_a_shared_name_only_beside_a_name_of_its_own(tmp_path: Path) -> None:
    text = (
        "# Dossier\n\n## Concurrents, cible et positionnement\n\nLes crêperies de Rennes.\n\n"
        "## La cible\n\nLes cavistes de Saint-Malo.\n\n"
        "## Plan de communication : cibles et moyens\n\nLes touristes du pressoir.\n"
    )
    layout = layout_of(ingest(write(tmp_path, "d.md", text)))
    claimed = claimed_elsewhere(layout, checkpoints("cible_positionnement", "plan_communication"))
    away = {layout.units[i].text for i in claimed.get("plan_communication.cibles", frozenset())}
    assert away == {"Concurrents, cible et positionnement", "Les crêperies de Rennes."}
    # and the other way round: the plan's heading claims its targets from the positioning
    back = {layout.units[i].text for i in claimed.get("cible_positionnement.cible", frozenset())}
    assert back == {"Plan de communication : cibles et moyens", "Les touristes du pressoir."}


EVENT = """\
# Dossier E5 — Option 2 : la fête des Cerises de la Coopérative de Céret

## 1. La coopérative

La coopérative fruitière de Céret regroupe 48 producteurs de cerises ; elle vend 1 900 tonnes par an et emploie 14 salariés. Elle est présente sur Instagram, Facebook et LinkedIn depuis 2019.

## 5. Le plan de communication

Objectif : faire venir 2 500 visiteurs à la fête du 31 mai 2025, contre 1 700 en 2024.

Pour faire connaître la fête, nous avons utilisé :

- 4 000 flyers déposés chez les commerçants de Céret, d'Amélie-les-Bains et du Boulou ;
- une série de six publications Instagram sponsorisées pour 180 € auprès des 25-45 ans du département ;
- un spot de 20 secondes sur la radio locale pendant les dix jours qui précédaient la fête ;
- une newsletter envoyée aux 1 300 clients du magasin de la coopérative.
"""


def test_a_plans_means_listed_as_its_channels(services: Services, tmp_path: Path) -> None:
    assessment = services.review.assess(write(tmp_path, "e5.md", EVENT), "E5-P2")
    plan = present_elements(assessment, "plan_communication")
    assert any("flyers" in q or "radio" in q or "newsletter" in q for q in plan.get("moyens", []))
    assert not any("présente sur Instagram" in q for q in plan.get("moyens", []))


def test_channels_named_outside_the_plan_are_no_means(services: Services, tmp_path: Path) -> None:
    text = EVENT[: EVENT.index("## 5.")]
    assessment = services.review.assess(write(tmp_path, "e5.md", text), "E5-P2")
    assert "moyens" not in present_elements(assessment, "plan_communication")


PLAN_E1 = """\
# Dossier E1 — Miroiterie Lacaze, Montauban

## 1. L'entreprise

La Miroiterie Lacaze, fondée en 1976 à Montauban, emploie 12 salariés et réalise 1,6 M€ de chiffre d'affaires, dont 60 % auprès des artisans du bâtiment.

## 9. Plan de communication 2026

Objectifs : faire connaître l'offre de crédences sur mesure à 400 particuliers du Tarn-et-Garonne en 2026.

Cibles : les propriétaires de 35 à 60 ans qui rénovent leur cuisine, et les cuisinistes indépendants du département.

Moyens : un stand à la foire de Montauban en avril, une campagne Facebook sponsorisée de 1 200 €, un présentoir chez les 6 cuisinistes partenaires.

{indicators}
"""


@pytest.mark.parametrize(
    ("indicators", "present"),
    [
        (
            "Indicateurs : nombre de devis, visites du site, abonnés Facebook, retombées presse.",
            False,
        ),
        (
            "Indicateurs : 30 devis de crédences par mois (objectif), 2 500 visites du site d'ici juin, taux de transformation visé de 35 %.",
            True,
        ),
    ],
)
def test_a_plans_indicators_are_held_to_target_values(
    services: Services, tmp_path: Path, indicators: str, present: bool
) -> None:
    text = PLAN_E1.format(indicators=indicators)
    assessment = services.review.assess(write(tmp_path, "e1.md", text), "E1")
    assert ("indicateurs" in present_elements(assessment, "plan_communication")) is present


OBJECTIVE = """\
# Dossier E5 — Option 3 : la Savonnerie du Lauragais lance « Galet », un savon solide pour les cheveux

## 1. La savonnerie

La Savonnerie du Lauragais, à Revel, fabrique depuis 2011 des savons à froid ; elle emploie 5 personnes et réalise 420 000 € de chiffre d'affaires.

{objective}

## 4. Le produit

« Galet » est un shampoing solide de 80 g au lait d'ânesse, vendu 11,90 € en boutique et sur le site.
"""

LISTED = """\
## 3. Nos objectifs

Nous les avons fixés avec la gérante en janvier :

- vendre 6 000 galets la première année ;
- d'ici le 30 septembre 2026, être référencés dans 40 pharmacies et épiceries bio d'Occitanie.
"""

FIXED = """\
## 3. La naissance de Galet

Nous nous sommes fixé un objectif : vendre 6 000 galets entre le lancement du 1er mars et le 31 décembre 2026, dans notre boutique, sur notre site et dans 40 épiceries bio d'Occitanie.
"""

WISHED = """\
## 3. Nos objectifs

Nous voulons que Galet devienne une référence :

- être connus de tous les amateurs de cosmétique naturelle ;
- plaire aux familles comme aux sportifs.
"""


@pytest.mark.parametrize(("objective", "smart"), [(LISTED, True), (FIXED, True), (WISHED, False)])
def test_an_objective_listed_under_its_heading_or_fixed_in_a_sentence_is_stated(
    services: Services, tmp_path: Path, objective: str, smart: bool
) -> None:
    text = OBJECTIVE.format(objective=objective)
    assessment = services.review.assess(write(tmp_path, "e5.md", text), "E5-P3")
    found = present_elements(assessment, "objectifs_smart")
    assert ({"mesurable", "temporel"} <= found.keys()) is smart


PHASES = """\
# Retour d'expérience E2 — Office de tourisme de Sarlat, le salon « Truffe & Terroir »

## 1. La demande et le cadrage du projet

L'office de tourisme de Sarlat m'a confié en alternance la communication de son salon de la truffe du 18 janvier 2026, qui accueillait 3 200 visiteurs en 2025.

{phases}

## 2. Le budget

Le budget de 7 400 € a été tenu à 140 € près (7 260 € dépensés).
"""

GLOSSED = "Nous avons travaillé en cinq phases : lancement (brief avec la directrice, cahier des charges validé le 3 octobre), planification (rétroplanning, budget et répartition des tâches entre les trois chargés de mission), exécution (affiches, partenariats avec 14 restaurants, campagne Facebook, accueil de la presse), contrôle (point hebdomadaire du lundi, tableau de suivi des inscriptions, deux correctifs décidés en décembre) et clôture (bilan chiffré remis au conseil d'administration le 5 février, archivage des fichiers)."
BARE = "Nous avons suivi les cinq phases du mode projet : lancement, planification, exécution, contrôle et clôture."
WISH = "Pour la prochaine édition, il faudra prévoir une vraie réunion de clôture avec la directrice et un bilan écrit."


def test_phases_glossed_in_one_sentence_are_each_treated(
    services: Services, tmp_path: Path
) -> None:
    text = PHASES.format(phases=GLOSSED)
    assessment = services.review.assess(write(tmp_path, "e2.md", text), "E2")
    found = present_elements(assessment, "cadrage_projet")
    assert {"execution", "controle", "cloture"} <= found.keys()


@pytest.mark.parametrize("phases", [BARE, WISH])
def test_phases_only_listed_or_a_closing_only_wished_are_not_treated(
    services: Services, tmp_path: Path, phases: str
) -> None:
    text = PHASES.format(phases=phases)
    assessment = services.review.assess(write(tmp_path, "e2.md", text), "E2")
    found = present_elements(assessment, "cadrage_projet")
    assert not {"execution", "controle", "cloture"} & found.keys()


ANNOUNCED = """\
# Dossier E1 — Verrerie d'Arques-sur-Aude, stratégie marketing 2026

## 1. L'entreprise

La Verrerie d'Arques-sur-Aude souffle du verre depuis 1958 ; elle emploie 21 salariés et réalise 2,2 M€ de chiffre d'affaires, dont 70 % auprès des caves et des épiceries fines.

## 8. Pistes d'actions

- Graver des carafes aux armes des domaines.
- Ouvrir l'atelier de soufflage au public l'été.
- Refaire le site marchand.

## 9. Plan d'actions et plan de communication

Le plan d'actions n'a pas encore été arrêté par la direction.

{plan}

Le marché du verre soufflé plaît beaucoup en ce moment : on voit de plus en plus de carafes artisanales dans les boutiques de décoration et sur Instagram.
"""


@pytest.mark.parametrize(
    ("plan", "status"),
    [
        (
            "Nous réaliserons le plan de communication détaillé dans un second temps, avec le budget, lorsque la direction aura validé les actions.",
            "absent",
        ),
        (
            "Le plan de communication s'appuie sur la page Instagram de la verrerie et sur un stand au salon des vins de Carcassonne en avril.",
            "partial",
        ),
    ],
)
def test_a_plan_only_announced_is_absent_not_mentioned(
    services: Services, tmp_path: Path, plan: str, status: str
) -> None:
    text = ANNOUNCED.format(plan=plan)
    assessment = services.review.assess(write(tmp_path, "e1.md", text), "E1")
    assert status_of(assessment, "plan_communication") == status
