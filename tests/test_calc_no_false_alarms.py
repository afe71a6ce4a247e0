"""Computations that are right but look like mistakes to a naive reader: none may raise a
calculation alarm (issue #13, « arithmetic without false alarms »). Each case is written in its
own words and read back from a real file."""

from pathlib import Path

import pytest

from tests.calc_docs import report_of

RIGHT_BUT_TRICKY = {
    "variance_columns": """
        # Suivi budgétaire du premier trimestre

        | Poste | Prévu | Réalisé | Écart | Écart (% du budget du poste) |
        |---|---|---|---|---|
        | Affichage abribus | 6 000 € | 6 600 € | +600 € | +10 % |
        | Sponsorisation de posts | 2 500 € | 2 000 € | −500 € | −20 % |
        | Goodies | 1 500 € | 1 800 € | +300 € | +20 % |
        | Total | 10 000 € | 10 400 € | +400 € | +4 % |

        Chaque écart est rapporté au budget de sa propre ligne : le dépassement de 4 % porte
        sur l'ensemble.
        """,
    "realisation_rate": """
        # Bilan de la campagne

        | Indicateur | Objectif | Réalisé | Taux d'atteinte |
        |---|---|---|---|
        | Inscriptions | 400 | 352 | 88 % |
        | Dons collectés | 12 000 € | 13 200 € | 110 % |
        | Bénévoles | 60 | 45 | 75 % |
        | Total dons et cotisations | 15 000 € | 16 200 € | 108 % |
        """,
    "scenario_next_to_base": """
        # Seuil de rentabilité

        Nos charges fixes annuelles s'élèvent à 18 000 € et notre taux de marge sur coût
        variable est de 40 %, d'où un seuil de rentabilité de 45 000 €. Si le prix de vente
        baissait de 10 %, le taux de marge sur coût variable tomberait à 33,33 % et le seuil
        de rentabilité passerait à 54 000 €. Dans l'hypothèse pessimiste où les charges fixes
        grimperaient à 21 000 €, il faudrait 52 500 € de chiffre d'affaires.
        """,
    "scenario_table": """
        # Trois scénarios de fréquentation

        | Scénario | Visiteurs | Chiffre d'affaires | Seuil de rentabilité |
        |---|---|---|---|
        | Prudent | 1 800 | 27 000 € | 30 000 € |
        | Central | 2 400 | 36 000 € | 30 000 € |
        | Ambitieux | 3 000 | 45 000 € | 30 000 € |

        Les charges fixes restent de 12 000 € quel que soit le scénario, avec un taux de
        marge sur coût variable de 40 %.
        """,
    "scenario_columns": """
        # Seuil de rentabilité selon trois hypothèses de prix

        | | Prix bas | Prix central | Prix haut |
        |---|---|---|---|
        | Chiffre d'affaires | 90 000 € | 100 000 € | 110 000 € |
        | Charges variables | 54 000 € | 54 000 € | 54 000 € |
        | Marge sur coût variable | 36 000 € | 46 000 € | 56 000 € |
        | Taux de marge sur coût variable | 40 % | 46 % | 50,9 % |
        | Charges fixes | 30 000 € | 30 000 € | 30 000 € |
        | Seuil de rentabilité | 75 000 € | 65 217 € | 58 929 € |
        """,
    "vat_inclusive_and_exclusive": """
        # Prix et marge

        Le coffret est vendu 42 € TTC, soit 35 € HT. Son coût variable unitaire est de 14 €
        HT, donc la marge unitaire est de 35 − 14 = 21 € HT. Avec 8 400 € de charges fixes,
        le seuil de rentabilité est de 8 400 / 21 = 400 coffrets, soit 14 000 € HT de chiffre
        d'affaires.
        """,
    "rounded_about": """
        # Taux de transformation

        Sur 82 rendez-vous, 27 ont abouti à une signature : 27 / 82 = environ 33 %. Le panier
        moyen ressort à 1 450 € ; 27 × 1 450 = 39 150 €, soit près de 39 k€ signés.
        """,
    "monthly_and_yearly": """
        # Seuil de rentabilité

        Les charges fixes sont de 2 500 € par mois, soit 30 000 € par an. Le taux de marge
        sur coût variable est de 60 %. Le seuil de rentabilité annuel est donc de 50 000 €,
        c'est-à-dire 4 167 € de chiffre d'affaires par mois.
        """,
    "cumulative_column": """
        # Montée en charge des ventes

        | Mois | Ventes du mois | Ventes cumulées |
        |---|---|---|
        | Avril | 3 000 € | 3 000 € |
        | Mai | 4 500 € | 7 500 € |
        | Juin | 6 000 € | 13 500 € |
        | Total | 13 500 € | 13 500 € |
        """,
    "ranges": """
        # Budget de l'atelier

        Le budget se répartit ainsi :

        - location de la salle : 35 % ;
        - intervenants : entre 40 et 45 % selon le nombre de sessions ;
        - matériel : 20 à 25 %.

        Le coût d'une session va de 1 200 à 1 500 €, soit 3 600 à 4 500 € pour trois
        sessions.
        """,
    "share_of_a_subtotal": """
        # Répartition des dépenses de communication

        | Poste | Montant | Part du sous-total |
        |---|---|---|
        | Digital | | |
        | Publicité réseaux sociaux | 3 000 € | 60 % |
        | Emailing | 2 000 € | 40 % |
        | Sous-total digital | 5 000 € | 100 % |
        | Imprimé | | |
        | Affiches | 1 500 € | 75 % |
        | Flyers | 500 € | 25 % |
        | Sous-total imprimé | 2 000 € | 100 % |
        | Total | 7 000 € | |
        """,
    "share_within_each_category": """
        # Dépenses du festival

        | Poste | Montant | Part dans sa catégorie |
        |---|---|---|
        | Scène | 6 000 € | 60 % |
        | Sonorisation | 4 000 € | 40 % |
        | Sous-total technique | 10 000 € | |
        | Affiches | 1 200 € | 80 % |
        | Flyers | 300 € | 20 % |
        | Sous-total communication | 1 500 € | |
        | Total | 11 500 € | |
        """,
    "forecast_next_to_actual": """
        # Compte de résultat : prévision et réalisation

        | Ligne | Prévisionnel 2025 | Réalisé 2025 |
        |---|---|---|
        | Chiffre d'affaires | 120 000 € | 112 000 € |
        | Charges variables | 48 000 € | 47 040 € |
        | Marge sur coût variable | 72 000 € | 64 960 € |
        | Charges fixes | 50 000 € | 51 000 € |
        | Résultat | 22 000 € | 13 960 € |

        Le taux de marge sur coût variable prévu était de 60 % ; il a été de 58 % en réalité.
        """,
    "scenario_on_a_unit_margin": """
        # Marge par repas

        | Donnée | Valeur |
        |---|---|
        | Prix de vente unitaire | 16 € |
        | Coût variable unitaire | 6,50 € |

        La marge unitaire est de 9,50 €. Si le prix de vente passait à 14 €, la marge
        unitaire tomberait à 7,50 € ; en cas de hausse des matières de 1 €, elle serait de
        8,50 €.
        """,
    "margin_net_of_a_commission": """
        # Marge d'un atelier

        | Donnée | Valeur |
        |---|---|
        | Prix moyen d'un atelier | 55 € |
        | Coût variable unitaire (fournitures) | 15 € |
        | Commission de la plateforme | 10 % du prix |

        La marge unitaire, commission déduite, est de 34,50 € par participant.
        """,
    "other_amount_to_cover_and_a_minimum_group": """
        # Équilibre des stages

        Nos charges fixes annuelles sont de 9 000 € et la marge par stagiaire de 150 €, soit
        60 stagiaires par an pour être rentables.

        La subvention régionale doit couvrir 4 000 € de matériel pédagogique. Chaque stage
        garde un seuil de 6 participants pour être maintenu.
        """,
    "margins_of_two_products": """
        # Marges par gamme

        | | Gamme essentielle | Gamme atelier |
        |---|---|---|
        | Prix de vente unitaire | 24 € | 39 € |
        | Coût variable unitaire | 9 € | 17 € |
        | Marge unitaire | 15 € | 22 € |

        La gamme atelier dégage une marge unitaire de 22 €, contre 15 € pour l'essentielle.
        """,
    "share_of_a_share_in_prose": """
        # Budget de lancement

        Le budget de 40 000 € se répartit ainsi :

        - communication : 30 % (12 000 €), dont 60 % pour le digital ;
        - aménagement : 50 % (20 000 €) ;
        - stock initial : 20 % (8 000 €).
        """,
    "yearly_cost_of_monthly_prices": """
        # Abonnements logiciels

        | Outil | Nombre de licences | Prix mensuel | Coût annuel |
        |---|---|---|---|
        | Suite bureautique | 6 | 12 € | 864 € |
        | Logiciel de caisse | 2 | 39 € | 936 € |
        | Outil d'emailing | 1 | 25 € | 300 € |

        | Article | Quantité | Prix unitaire HT | Montant TTC |
        |---|---|---|---|
        | Chaises | 40 | 30 € | 1 440 € |
        | Tables | 10 | 85 € | 1 020 € |
        """,
    "objectives_side_by_side": """
        # Objectifs de la campagne

        Objectifs : passer de 2 400 à 4 000 abonnés Instagram, +25 % de visites en boutique
        et un panier moyen qui passe de 38 € à 42 € d'ici juin.
        """,
    "shares_of_another_base": """
        # Poids du loyer

        Le loyer de 1 500 € par mois, soit 36 % des charges fixes de 50 000 €, reste notre
        premier poste. La prime de 2 000 €, soit 10 % de la masse salariale, s'ajoute aux
        8 000 € de formation.
        """,
    "yearly_plan_in_english_with_totals": """
        # Cash-flow forecast

        | | Q1 | Q2 | Q3 | Q4 |
        |---|---|---|---|---|
        | Opening cash | 20 000 | 14 000 | 17 000 | 25 000 |
        | Receipts | 30 000 | 45 000 | 50 000 | 42 000 |
        | Disbursements | 36 000 | 42 000 | 42 000 | 40 000 |
        | Closing cash | 14 000 | 17 000 | 25 000 | 27 000 |
        """,
    "growth_rates": """
        # Évolution du chiffre d'affaires

        | Année | Chiffre d'affaires | Évolution |
        |---|---|---|
        | 2023 | 80 000 € | |
        | 2024 | 92 000 € | +15 % |
        | 2025 | 110 400 € | +20 % |
        """,
}


@pytest.mark.parametrize("case", sorted(RIGHT_BUT_TRICKY))
def test_right_computations_raise_no_alarm(case: str, tmp_path: Path) -> None:
    report = report_of(RIGHT_BUT_TRICKY[case], tmp_path)
    assert [a.message for a in report.alerts] == []


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(
    "case",
    [
        "variance_columns",
        "cumulative_column",
        "share_of_a_subtotal",
        "scenario_columns",
        "scenario_next_to_base",
        "rounded_about",
        "monthly_and_yearly",
    ],
)
def test_right_computations_raise_no_alarm_in_pdf_and_docx(
    case: str, fmt: str, tmp_path: Path
) -> None:
    report = report_of(RIGHT_BUT_TRICKY[case], tmp_path, fmt)
    assert [a.message for a in report.alerts] == []
