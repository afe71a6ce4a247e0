# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Over-credit: a checkpoint called present when one part of its criterion is there.

- Work scheduled, postponed or left blank (« des entretiens sont programmés pour mars »,
  « nous prévoyons une enquête », « l'atelier a été reporté à l'automne », « à compléter »)
  is announced, not done: it asserts nothing of the case and is never evidence.
- A break-even's result is the threshold computed or stated, beside its name or what it is
  (the sales that cover the fixed costs): a unit margin « 28 – 6 = 22 € » is an input.
- The dossier's own title (its first heading, over every other one) names the épreuve's
  subject, not a section of one topic: « Stratégie marketing » there is no action plan.
- Parts the référentiel names, read as requirements: a user journey measured without a
  brief or a fix, a cash plan without its balances, user scenarios without any survey held, a brief without a budget,
  press relations reduced to a printer (a provider) are partial.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.claims import void_reason
from assistant.detect.requirements import meets
from assistant.detect.units import Unit
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_docx, markdown_to_items
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, unit_of, write

COVER = """\
# L'Énigme Berruyère — salles d'évasion à Bourges

## Présentation

L'Énigme Berruyère exploite depuis 2019 quatre salles d'évasion rue Moyenne à Bourges : 3 salariés, 182 000 € de chiffre d'affaires en 2024, 9 400 joueurs par an, surtout des groupes d'amis et des séminaires d'entreprise.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def _units(tmp_path: Path, *texts: str) -> list[Unit]:
    out = []
    for i, text in enumerate(texts):
        (tmp_path / str(i)).mkdir()
        out.append(unit_of(tmp_path / str(i), text))
    return out


def _status(tmp_path: Path, checkpoint: str, *parts: str) -> str:
    layout = layout_of(ingest(write(tmp_path, "d.md", COVER, *parts)))
    (outcome,) = detect_outcomes(checkpoints(checkpoint), layout)
    return outcome.status


# ---- scheduled, postponed or blank work is announced ----


@pytest.mark.parametrize(
    "text",
    [
        "Des entretiens avec six responsables de comités d'entreprise sont programmés pour mars 2026.",
        "Nous prévoyons une enquête auprès des joueurs à la réouverture de la salle « Le Bunker ».",
        "Un sondage pourrait être diffusé aux 2 300 inscrits de la lettre d'information.",
        "L'atelier de scénarisation avec les maîtres du jeu a été reporté à l'automne, faute de créneau commun.",
        "Échéancier des paiements aux fournisseurs : à compléter.",
        "L'audit de l'ergonomie du site de réservation est dans notre backlog pour le second semestre.",
    ],
)
def test_work_scheduled_postponed_or_blank_is_announced(tmp_path: Path, text: str) -> None:
    assert void_reason(unit_of(tmp_path, text)) == "announce"


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons mené des entretiens avec six responsables de comités d'entreprise en mars 2026.",
        "Le questionnaire prévu a bien été envoyé le 12 janvier : 212 joueurs y ont répondu.",
        "Comme prévu, la salle « Le Bunker » a rouvert le 4 avril avec 61 parties la première semaine.",
    ],
)
def test_work_done_is_not_announced(tmp_path: Path, text: str) -> None:
    assert void_reason(unit_of(tmp_path, text)) is None


def test_a_denial_that_also_postpones_stays_a_denial(tmp_path: Path) -> None:
    unit = unit_of(
        tmp_path,
        "Les entretiens n'ont pas pu être menés et le bilan ne pourra être établi qu'en juin.",
    )
    assert void_reason(unit) == "negated"


STUDIES = """\
## 2. Études de marché

Étude documentaire : selon le Syndicat des escape games, 2 100 salles étaient ouvertes en France en 2024, contre 1 400 en 2019, et le ticket moyen s'établit à 27 € par joueur.

Étude quantitative : notre questionnaire en ligne a recueilli 212 réponses de joueurs en janvier 2026 ; 64 % viennent en groupe de 4 à 6 et 38 % choisissent la salle d'après les avis Google.

Étude qualitative : des entretiens avec six responsables de comités d'entreprise sont programmés pour mars 2026 afin de comprendre leurs critères de choix.
"""


def test_a_qualitative_study_only_scheduled_leaves_market_studies_partial(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "d.md", COVER, STUDIES)))
    (outcome,) = detect_outcomes(checkpoints("etudes_marche"), layout)
    status = {e.element.id: e.status for e in outcome.elements}
    assert status["quantitative"] == "present"
    assert status["qualitative"] == "absent"
    assert outcome.status == "partial"


# ---- a break-even's result is the threshold ----


def test_a_unit_margin_is_no_break_even_result(tmp_path: Path) -> None:
    units = _units(
        tmp_path,
        "Charges fixes annuelles : loyer 14 400 €, assurance 1 000 €.",
        "Marge sur coût variable par joueur : 28 – 6 = 22 €.",
    )
    assert not meets(["figures", "result"], units)


@pytest.mark.parametrize(
    "texts",
    [
        ["Seuil de rentabilité = 15 400 / 22 = 700 joueurs sur l'année."],
        ["Le point mort est atteint en septembre, au 700e joueur de l'année."],
        [
            "Pour couvrir les 15 400 € de charges fixes avec une marge de 22 € par joueur,",
            "il faut 15 400 / 22 = 700 joueurs, soit 14 par semaine.",
        ],
    ],
)
def test_the_threshold_computed_or_stated_is_a_result(tmp_path: Path, texts: list[str]) -> None:
    units = _units(tmp_path, *texts)
    assert meets(["result"], units)


# ---- the dossier's own title ----


TITLED = """\
# Dossier E1 — Stratégie marketing de L'Énigme Berruyère

## 1. L'entreprise

L'Énigme Berruyère exploite depuis 2019 quatre salles d'évasion rue Moyenne à Bourges : 3 salariés, 182 000 € de chiffre d'affaires en 2024, 9 400 joueurs par an.

## 2. Le marché

Selon le Syndicat des escape games, 2 100 salles étaient ouvertes en France en 2024 ; à Bourges, deux concurrents proposent des salles à 24 € par joueur.
"""

ACTIONS = """\
## 3. Plan d'actions

Trois actions déclinent la stratégie : une offre séminaire à 490 € la demi-journée pour les entreprises du Cher (avril), un partenariat avec l'office de tourisme (200 billets couplés) et une salle mobile pour les lycées à 350 € la séance.
"""


def test_the_dossiers_title_is_no_action_plan(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "d.md", TITLED)))
    assert layout.titles_dossier(layout.units[0])
    assert not any(layout.titles_dossier(u) for u in layout.units[1:])
    (outcome,) = detect_outcomes(checkpoints("plan_actions"), layout)
    assert outcome.status == "absent"


def test_an_action_plan_of_its_own_under_the_title_is_present(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "d.md", TITLED, ACTIONS)))
    (outcome,) = detect_outcomes(checkpoints("plan_actions"), layout)
    assert outcome.status == "present"


# ---- parts the référentiel names ----

JOURNEY = """\
## 5. Dispositif UX/UI

Le parcours utilisateur de réservation a été mesuré avec Hotjar sur 900 sessions : accueil → choix de la salle → date → paiement ; 57 % des visiteurs mobiles quittent le parcours à l'étape du calendrier.
"""

JOURNEY_BRIEF = """\
Avec le développeur, nous avons rédigé un brief : calendrier remplacé par trois créneaux suggérés, paiement en une page ; depuis la mise en ligne le 2 mars, l'abandon à cette étape est passé à 31 %.
"""


def test_a_journey_measured_without_brief_or_fix_is_partial(tmp_path: Path) -> None:
    assert _status(tmp_path, "ux_ui", JOURNEY) == "partial"


def test_a_journey_with_its_brief_is_present(tmp_path: Path) -> None:
    assert _status(tmp_path, "ux_ui", JOURNEY, JOURNEY_BRIEF) == "present"


CASH = """\
## 6. Plan de trésorerie

| Mois | Janvier | Février | Mars |
|---|---|---|---|
| Encaissements | 12 400 € | 13 100 € | 16 800 € |
| Décaissements | 14 900 € | 12 700 € | 13 200 € |
"""

CASH_BALANCE = """\
| Solde du mois | – 2 500 € | 400 € | 3 600 € |
| Trésorerie fin de mois | 5 500 € | 5 900 € | 9 500 € |
"""

CASH_NOTE = """
Les encaissements de mars comprennent le séminaire de la CCI du Cher (3 400 €) ; les décaissements de janvier, le loyer du trimestre payé d'avance et le renouvellement des cadenas (1 800 €).
"""


def test_a_cash_plan_without_balances_is_partial(tmp_path: Path) -> None:
    assert _status(tmp_path, "plan_tresorerie", CASH + CASH_NOTE) == "partial"


def test_a_cash_plan_with_its_balances_is_present(tmp_path: Path) -> None:
    assert _status(tmp_path, "plan_tresorerie", CASH + CASH_BALANCE + CASH_NOTE) == "present"


SCENARIOS = """\
## 7. Scénarios d'expérience utilisateur

Scénario 1 — Inès, 29 ans, organise l'enterrement de vie de jeune fille de sa sœur : elle réserve sur mobile un samedi soir pour 6 joueuses, paie l'acompte de 60 € et reçoit un code de réduction pour le bar voisin.

Scénario 2 — Marc, responsable RH d'une PME de 40 salariés, cherche une activité de cohésion : il demande un devis pour la demi-journée séminaire, compare deux créneaux et réserve la salle mobile dans ses locaux.
"""

SURVEY_PLANNED = """\
## 8. Suites

Un questionnaire auprès de 150 joueurs, pour valider ces scénarios, est prévu en mai 2026.
"""

SURVEY_HELD = """\
## 8. Questionnaire

Notre questionnaire en ligne a recueilli 212 réponses de joueurs en janvier 2026 : 64 % viennent en groupe de 4 à 6, 22 % pour un anniversaire.
"""


def test_scenarios_without_any_survey_held_are_partial(tmp_path: Path) -> None:
    assert _status(tmp_path, "scenarios_ux", SCENARIOS, SURVEY_PLANNED) == "partial"


def test_scenarios_with_a_survey_held_elsewhere_are_present(tmp_path: Path) -> None:
    assert _status(tmp_path, "scenarios_ux", SCENARIOS, SURVEY_HELD) == "present"


BRIEF = """\
## 9. Cahier des charges

État des lieux : la salle « Le Bunker » fait 38 % de remplissage en semaine contre 91 % le week-end ; aucune communication vers les entreprises n'existe.

Objectifs : 25 séminaires d'entreprise d'ici décembre 2026 et 60 % de remplissage en semaine.

Échéance : lancement de l'offre le 1er avril 2026. Canaux : LinkedIn, lettre d'information de la CCI du Cher, démarchage téléphonique.
"""


def test_a_brief_without_a_budget_is_partial(tmp_path: Path) -> None:
    assert _status(tmp_path, "cahier_des_charges", BRIEF) == "partial"


def test_a_brief_whose_budget_is_not_set_is_partial(tmp_path: Path) -> None:
    denied = "Le budget n'a pas encore été fixé par les associés.\n"
    assert _status(tmp_path, "cahier_des_charges", BRIEF, denied) == "partial"


def test_a_brief_with_its_budget_is_present(tmp_path: Path) -> None:
    budget = "Budget prévisionnel : 3 800 € (LinkedIn 1 200 €, plaquette 900 €, salon 1 700 €).\n"
    assert _status(tmp_path, "cahier_des_charges", BRIEF, budget) == "present"


PRINTER = """\
## 10. Prestataires

J'ai choisi un imprimeur de Vierzon labellisé Imprim'Vert pour les 3 000 flyers, sur papier recyclé, pour 240 € au lieu de 310 € chez l'imprimeur en ligne.
"""

PRESS = """\
## 11. Relations presse

Le communiqué de presse du 18 mars a été envoyé à 14 journalistes du Berry ; Le Berry Républicain et France Bleu Berry ont relayé l'ouverture de la salle mobile.
"""


def test_a_printer_alone_is_no_press_relation(tmp_path: Path) -> None:
    assert _status(tmp_path, "relations_presse", PRINTER) != "present"


def test_a_press_release_sent_is_press_relations(tmp_path: Path) -> None:
    assert _status(tmp_path, "relations_presse", PRINTER, PRESS) == "present"


# ---- through the review service, on a real DOCX ----

DOCX_DOSSIER = TITLED + STUDIES


def test_the_review_service_credits_neither_the_title_nor_a_scheduled_study(
    services: Services, tmp_path: Path
) -> None:
    path = build_docx(markdown_to_items(DOCX_DOSSIER), tmp_path / "enigme.docx")
    assessment = services.review.assess(path, "E1")
    assert status_of(assessment, "plan_actions") != "present"
    assert status_of(assessment, "etudes_marche") != "present"
    assert not any("sont programmés" in q for q in evidence_quotes(assessment))
