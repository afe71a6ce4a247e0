# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A tidy dossier that gives an element or a topic a place of its own (a title, an entry line)
and says there that it was not done, or leaves one of its parts empty, has not treated it,
whatever a word of it met elsewhere suggests; and a prose sentence announcing the dossier's
parts is a table of contents, never evidence. Real Markdown dossiers assessed through the
review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect import layout_of
from assistant.detect.own_place import disowned, part_left_empty
from assistant.detect.toc import toc_blocks
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, write

SCOOTERS = """\
# Dossier E1 — Trotti'Fix, réparation de trottinettes électriques à Dijon

## 1. Présentation

Trotti'Fix est une SARL dijonnaise ouverte en 2021 par deux anciens techniciens de maintenance ferroviaire. L'atelier de la rue Monge répare environ 1 900 trottinettes par an et vend aussi un abonnement d'entretien à 9 € par mois (batterie contrôlée, freins réglés, pneus regonflés) souscrit par 240 clients.

## 2. Études de marché

### 2.1 Étude documentaire

D'après le baromètre 2024 de la Fédération des professionnels de la micro-mobilité, 2,6 millions de trottinettes électriques ont été vendues en France depuis 2019, et l'Observatoire de la mobilité de Dijon Métropole compte 11 % de trajets domicile-travail en engin personnel motorisé en 2024, contre 6 % en 2021.

### 2.2 Étude quantitative

Nous avons interrogé 212 utilisateurs de trottinettes devant trois campus dijonnais en octobre 2025 : 58 % ne savent pas où faire réparer leur engin, 41 % ont déjà abandonné une trottinette pour une panne de batterie et 67 % paieraient jusqu'à 60 € pour un diagnostic complet sous 48 heures.

### 2.3 Étude qualitative

{qualitative}
"""

NOT_DONE = "Les rencontres prévues avec des livreurs à trottinette ont dû être annulées en novembre et n'ont pas pu être reprogrammées avant la remise du dossier."

DONE = "Nous avons mené six entretiens de quarante minutes avec des livreurs et des étudiants. Trois livreurs expliquent qu'une journée sans trottinette leur coûte environ 80 € de courses perdues ; une étudiante dit : « je ne confie pas ma trottinette à un garage qui ne me donne pas de délai ». Tous attendent un prêt d'engin pendant la réparation."


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, path: Path, epreuve: str) -> Assessment:
    return services.review.assess(path, epreuve)


def element(assessment: Assessment, checkpoint: str, element_id: str) -> str:
    cp = next(c for c in assessment.checkpoints if c.id == checkpoint)
    return next(e.status for e in cp.elements if e.id == element_id)


# ---- an element whose own section says it was not done ----


def test_a_study_its_own_section_says_was_not_done_is_absent(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "trotti.md", SCOOTERS.format(qualitative=NOT_DONE))
    result = assess(services, path, "E1")
    assert element(result, "etudes_marche", "qualitative") == "absent"
    assert status_of(result, "etudes_marche") == "partial"
    # the maintenance subscription is no interview
    cp = next(c for c in result.checkpoints if c.id == "etudes_marche")
    quotes = [ev.quote for ev in cp.evidence] + [ev.quote for e in cp.elements for ev in e.evidence]
    assert not any("abonnement d'entretien" in q for q in quotes)


def test_the_same_study_carried_out_is_present(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "trotti.md", SCOOTERS.format(qualitative=DONE))
    result = assess(services, path, "E1")
    assert element(result, "etudes_marche", "qualitative") == "present"
    assert status_of(result, "etudes_marche") == "present"


def test_the_own_place_rule_reads_the_section_and_not_a_stray_word(tmp_path: Path) -> None:
    (cp,) = checkpoints("etudes_marche")
    undone = layout_of(ingest(write(tmp_path, "a.md", SCOOTERS.format(qualitative=NOT_DONE))))
    done = layout_of(ingest(write(tmp_path, "b.md", SCOOTERS.format(qualitative=DONE))))
    assert disowned(cp, undone, "qualitative")
    assert not disowned(cp, done, "qualitative")
    assert not disowned(cp, undone, "quantitative")  # its section says what was done


REFERRED = SCOOTERS.format(qualitative="Voir l'annexe 4 : les six comptes rendus d'entretiens.")


def test_a_section_that_sends_the_reader_elsewhere_decides_nothing(tmp_path: Path) -> None:
    (cp,) = checkpoints("etudes_marche")
    layout = layout_of(ingest(write(tmp_path, "c.md", REFERRED)))
    assert not disowned(cp, layout, "qualitative")


# ---- a topic whose own title holds only a denial ----

POTTERY = """\
# Dossier E3 — Terre & Tasse, café-atelier de poterie à Poitiers

## Présentation

Terre & Tasse ouvrira en septembre 2026 rue de la Cathédrale : un café de 30 places où l'on peut tourner et émailler sa propre tasse, avec deux potières salariées. Le prix moyen d'une séance est de 38 € et l'investissement de départ de 64 000 €.

## Seuil de rentabilité

Avec 71 500 € de charges fixes annuelles et un taux de marge sur coûts variables de 62 %, le seuil de rentabilité est de 71 500 / 0,62 = 115 323 € de chiffre d'affaires, soit environ 3 035 séances par an.

Le prix de la séance reste 4 € au-dessus de celui de l'atelier concurrent de Châtellerault : cet écart se justifie par le café compris et la cuisson sous 48 heures.

## Tableaux de suivi des écarts

{tracking}
"""

TRACKING_DENIED = "Aucun tableau comparant le prévu et le réalisé n'a pu être construit : l'activité ne commence qu'en septembre, après la soutenance."

TRACKING_DONE = "Le tableau de suivi compare chaque mois le prévu et le réalisé de la phase de préfiguration : en mars, 2 900 € de travaux prévus contre 3 450 € réalisés (+19 %), l'écart venant d'une reprise de l'installation électrique imposée par le bureau de contrôle ; en avril, 1 200 € d'achats de terre prévus contre 980 € réalisés, grâce à une remise de volume du fournisseur."


def test_a_tracking_section_that_says_no_table_was_built_is_absent(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "terre.md", POTTERY.format(tracking=TRACKING_DENIED))
    result = assess(services, path, "E3")
    assert status_of(result, "suivi_ecarts") == "absent"
    assert not any("4 € au-dessus" in q for q in evidence_quotes(result))


def test_a_tracking_section_with_its_table_and_causes_is_present(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "terre.md", POTTERY.format(tracking=TRACKING_DONE))
    assert status_of(assess(services, path, "E3"), "suivi_ecarts") == "present"


# ---- a topic with one of its named parts left empty ----

COURIERS = """\
# Dossier E2 — Roue Libre Coop, coursiers à vélo à Rennes

## 1. Contexte

Roue Libre Coop est une coopérative rennaise de onze coursiers à vélo créée en 2020 ; elle livre surtout des restaurants et des pharmacies du centre-ville et veut lancer une offre de livraison pour les marchés de producteurs.

## 2. Cahier des charges

- **Situation de départ** : 85 % du chiffre d'affaires vient de quatre restaurants ; aucune présence auprès des producteurs ; site internet sans formulaire de commande.
- **Objectifs** : 12 producteurs clients et 300 livraisons par mois avant le 30 septembre 2026.
- **Échéance** : campagne de juin à septembre 2026.
- **Canaux** : marchés des Lices et de Sainte-Thérèse, LinkedIn, newsletter de la chambre d'agriculture, flyers sur les étals.
- **Budget prévisionnel** : {budget}
"""


def test_a_brief_whose_budget_line_is_left_undefined_is_partial(
    services: Services, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "coop.md", COURIERS.format(budget="à arrêter avec le conseil de gestion.")
    )
    assert status_of(assess(services, path, "E2"), "cahier_des_charges") == "partial"


def test_a_brief_with_its_budget_is_present(services: Services, tmp_path: Path) -> None:
    budget = "2 400 € (1 500 € d'impression et de stands, 900 € de publicité LinkedIn)."
    path = write(tmp_path, "coop.md", COURIERS.format(budget=budget))
    assert status_of(assess(services, path, "E2"), "cahier_des_charges") == "present"


def test_a_part_whose_value_is_content_is_not_empty(tmp_path: Path) -> None:
    (cp,) = checkpoints("cahier_des_charges")
    text = COURIERS.format(
        budget="aucun budget dédié, la coopérative y consacre 20 heures de bénévolat."
    )
    layout = layout_of(ingest(write(tmp_path, "coop.md", text)))
    assert not part_left_empty(cp, layout)  # « aucune présence auprès des producteurs » too


# ---- a prose announcement of the dossier's parts ----

ANNOUNCED = """\
# Dossier E3 — Terre & Tasse

Le présent dossier traite successivement : 1) le seuil de rentabilité, 2) le plan de trésorerie, 3) les rééquilibrages, 4) les tableaux de suivi des écarts.

## 1. Seuil de rentabilité

Avec 71 500 € de charges fixes et un taux de marge sur coûts variables de 62 %, le seuil est de 115 323 €.

## 2. Plan de trésorerie

Le solde devient négatif en octobre 2026 (–4 200 €) avant les ventes de fin d'année.

## 3. Rééquilibrages

À préciser.

## 4. Tableaux de suivi des écarts

À préciser.
"""

STEPS = """\
# Dossier E2 — Roue Libre Coop

Nos étapes : 1) rencontrer les producteurs, 2) tester dix livraisons, 3) fixer les tarifs, 4) signer les contrats.

## 1. Contexte

La coopérative compte onze coursiers.
"""


def test_a_sentence_announcing_the_parts_is_a_table_of_contents(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "plan.md", ANNOUNCED))
    found = toc_blocks(doc)
    announced = [b.index for b in doc.blocks if b.text.startswith("Le présent dossier")]
    assert announced and set(announced) <= found


def test_a_numbered_list_of_steps_is_not_a_table_of_contents(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "steps.md", STEPS))
    steps = [b.index for b in doc.blocks if b.text.startswith("Nos étapes")]
    assert steps and not set(steps) & toc_blocks(doc)


def test_the_announcement_is_never_quoted(services: Services, tmp_path: Path) -> None:
    result = assess(services, write(tmp_path, "plan.md", ANNOUNCED), "E3")
    assert not any("traite successivement" in q for q in evidence_quotes(result))
    assert status_of(result, "suivi_ecarts") != "present"
