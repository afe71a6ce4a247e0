"""Wrong figures found through the figures around them (issue #13): an input contradicted by
the table of inputs, a weighted average, a plan written in English, shares closed by their
total, a break-even described without its name; each mistake is one alert that names what it
leads to."""

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

MARGIN_FROM_ANOTHER_COST = """
# 5. Rentabilité de l'offre

| Hypothèse | Montant |
|---|---|
| Prix moyen d'une séance | 45 € |
| Coût variable unitaire | 12 € |
| Charges fixes annuelles | 19 800 € |

Marge unitaire = 45 − 9 = 36 €

Seuil de rentabilité en séances = 19 800 / 36 = 550 séances

Chiffre d'affaires au seuil = 550 × 45 = 24 750 €
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_margin_that_ignores_the_inputs_carries_its_break_even(fmt: str, tmp_path: Path) -> None:
    report = report_of(MARGIN_FROM_ANOTHER_COST, tmp_path, fmt)
    (alert,) = report.alerts
    message = plain(alert.message)
    assert message.startswith("Marge unitaire erronée")
    assert "36 € annoncés, 33 € attendus" in message
    assert "550 unités au lieu de 600 unités" in message
    assert "24 750 € au lieu de 27 000 €" in message


def test_a_margin_agreeing_with_its_inputs_or_their_price_before_vat_is_right(
    tmp_path: Path,
) -> None:
    right = MARGIN_FROM_ANOTHER_COST.replace("45 − 9 = 36", "45 − 12 = 33")
    right = right.replace("19 800 / 36 = 550", "19 800 / 33 = 600").replace(
        "550 × 45 = 24 750", "600 × 45 = 27 000"
    )
    assert report_of(right, tmp_path).alerts == []
    vat = """
    # Prix

    | Donnée | Valeur |
    |---|---|
    | Prix de vente unitaire TTC | 60 € |
    | Coût variable unitaire | 20 € |

    La marge unitaire est de 30 € HT par panier.
    """
    assert report_of(vat, tmp_path).alerts == []


WEIGHTED = """
# Marges par canal

Sur le site, la marge unitaire atteint 24 € ; chez les revendeurs, la marge unitaire est de
9 €. Si nous baissions le prix public, la marge sur le site descendrait à 20 €. Avec une
marge moyenne pondérée de {} € (70 % site, 30 % revendeurs), les 39 000 € d'outillage sont
amortis à partir de {} unités.
"""


def test_a_weighted_average_is_redone_from_its_parts(tmp_path: Path) -> None:
    report = report_of(WEIGHTED.format("21", "1 858"), tmp_path)
    (alert,) = report.alerts
    message = plain(alert.message)
    assert "21 € annoncés, 19,5 € attendus (70 % × 24 € + 30 % × 9 €)" in message
    assert "1 858 unités au lieu de 2 000 unités" in message
    assert report_of(WEIGHTED.format("19,50", "2 000"), tmp_path).alerts == []


PLAN = """
# Cash-flow plan

| | April | May | June |
|---|---|---|---|
| Opening balance | 8 000 | 3 500 | {} |
| Cash-in (sales) | 6 000 | 9 000 | 12 000 |
| Total cash-out | 10 500 | 8 000 | 7 500 |
| Net flow | -4 500 | +1 000 | +4 500 |
| Closing balance | 3 500 | {} | {} |
"""


def test_a_plan_in_english_is_checked_and_a_wrong_balance_carried_to_its_end(
    tmp_path: Path,
) -> None:
    report = report_of(PLAN.format("5 500", "5 500", "10 000"), tmp_path)
    (alert,) = report.alerts
    message = plain(alert.message)
    assert "5 500 € annoncée, 4 500 € attendus" in message
    assert "fin June de 10 000 € au lieu de 9 000 €" in message
    assert report_of(PLAN.format("4 500", "4 500", "9 000"), tmp_path).alerts == []


SHARES = """
# Notre clientèle

- Chiffre d'affaires 2025 : 640 000 € HT
- Ventes par canal :
  - magasin de l'usine : {}
  - marchés et salons : 28 %
  - site marchand : 22 %
  - total : 100 %
"""


def test_shares_listed_with_their_total(tmp_path: Path) -> None:
    (alert,) = report_of(SHARES.format("55 %"), tmp_path).alerts
    assert "les parts totalisent 105 % et non 100 %" in plain(alert.message)
    assert report_of(SHARES.format("50 %"), tmp_path).alerts == []
    thirds = SHARES.format("33 %").replace("28 %", "33 %").replace("22 %", "33 %")
    assert report_of(thirds, tmp_path).alerts == []  # 99 %: each third rounded down


COVER = """
# Équilibre de la soirée de gala

Les recettes des tables sponsorisées atteignent 21 000 €. Il reste à couvrir 15 600 € par
la billetterie. Avec une place vendue 32 € et 6 € de frais de traiteur par convive, la marge
par convive est de 26 €, soit un seuil de {} places vendues pour équilibrer la soirée.
"""


def test_a_break_even_described_without_its_name(tmp_path: Path) -> None:
    (alert,) = report_of(COVER.format("500"), tmp_path).alerts
    assert "500 unités annoncés, 600 unités attendus" in plain(alert.message)
    assert report_of(COVER.format("600"), tmp_path).alerts == []


def test_an_amount_to_cover_elsewhere_is_not_taken_for_fixed_costs(tmp_path: Path) -> None:
    report = report_of(
        """
        # Financement

        Le prêt d'honneur doit couvrir 12 000 € d'investissements matériels.

        # Seuil de rentabilité

        Nos charges fixes sont de 30 000 € et la marge unitaire de 25 €, soit un seuil de
        1 200 repas.
        """,
        tmp_path,
    )
    assert report.alerts == []


def test_a_wrong_margin_in_prose_carries_the_break_even_written_after_it(
    tmp_path: Path,
) -> None:
    report = report_of(
        """
        # Seuil de rentabilité

        | Donnée | Valeur |
        |---|---|
        | Prix de vente unitaire | 80 € |
        | Coût variable unitaire | 50 € |

        La marge unitaire ressort à 40 € par vélo révisé.

        Pour absorber les 24 000 € de charges fixes, l'atelier doit assurer 600 prestations par an.
        """,
        tmp_path,
    )
    (alert,) = report.alerts
    message = plain(alert.message)
    assert "40 € annoncés, 30 € attendus" in message
    assert "600 unités au lieu de 800 unités (24 000 € / 30 €)" in message


GROWTH = """
# Activité de la ferme pédagogique

| Saison | Visiteurs | Recettes | Évolution des recettes |
|---|---|---|---|
| 2022 | 5 200 | 41 600 € | |
| 2023 | 6 100 | 48 800 € | +17,3 % |
| 2024 | 6 900 | 55 200 € | {} |
| 2025 | 7 400 | 59 200 € | +7,2 % |
"""


def test_a_change_rate_column_is_redone_with_the_reading_most_rows_follow(
    tmp_path: Path,
) -> None:
    (alert,) = report_of(GROWTH.format("+15,1 %"), tmp_path).alerts
    message = plain(alert.message)
    assert "« 2024 »" in message and "15,1 % annoncés, +13,1 % attendus" in message
    assert report_of(GROWTH.format("+13,1 %"), tmp_path).alerts == []


def test_a_variance_column_over_each_budget_is_checked_row_by_row(tmp_path: Path) -> None:
    report = report_of(
        """
        # Suivi du budget du salon

        | Poste | Budget | Réel | Écart | Écart % |
        |---|---|---|---|---|
        | Stand | 8 000 € | 8 800 € | +800 € | +10 % |
        | Impression | 1 200 € | 1 080 € | −120 € | −10 % |
        | Transport | 2 500 € | 3 000 € | +500 € | +25 % |
        | Total | 11 700 € | 12 880 € | +1 180 € | +10,1 % |
        """,
        tmp_path,
    )
    (alert,) = report.alerts
    assert "« Transport »" in alert.message and "+20 % attendus" in plain(alert.message)


ORDER = """
# Commande de goodies

| Article | Quantité | Prix unitaire | Montant |
|---|---|---|---|
| Tote bags | 300 | 2,40 € | 720 € |
| Gourdes | 150 | 6,80 € | {} |
| Stylos | 500 | 0,35 € | 175 € |
"""


def test_an_amount_column_after_a_quantity_and_a_price_is_their_product(
    tmp_path: Path,
) -> None:
    (alert,) = report_of(ORDER.format("1 200 €"), tmp_path).alerts
    assert "1 200 € annoncés, 1 020 € attendus (Quantité × Prix unitaire)" in plain(alert.message)
    assert report_of(ORDER.format("1 020 €"), tmp_path).alerts == []


def test_a_change_written_in_prose_is_redone(tmp_path: Path) -> None:
    text = """
    # Résultats de la boutique en ligne

    Le chiffre d'affaires en ligne est passé de 64 000 € en 2024 à 76 800 € en 2025, soit une
    hausse de {}. Les retours sont passés de 900 à 792 colis (en baisse de 12 %).
    """
    (alert,) = report_of(text.format("25 %"), tmp_path).alerts
    assert "25 % annoncés, +20 % attendus" in plain(alert.message)
    assert report_of(text.format("20 %"), tmp_path).alerts == []


def test_a_share_written_after_its_amount_is_redone(tmp_path: Path) -> None:
    text = """
    # Budget de l'exposition

    Sur une enveloppe de 48 000 €, la scénographie mobilise 18 000 €, soit {} de
    l'enveloppe.
    """
    (alert,) = report_of(text.format("40 %"), tmp_path).alerts
    assert "40 % annoncés, 37,5 % attendus (18 000 € / 48 000 €)" in plain(alert.message)
    assert report_of(text.format("37,5 %"), tmp_path).alerts == []
    assert report_of(text.format("environ 38 %"), tmp_path).alerts == []


def test_a_wrong_table_total_carries_the_result_computed_from_it(tmp_path: Path) -> None:
    report = report_of(
        """
        # Bilan du marché de Noël

        | Dépense | Montant |
        |---|---|
        | Emplacement | 450 € |
        | Décoration | 280 € |
        | Gobelets | 120 € |
        | Total | 950 € |

        Bénéfice : 2 300 − 950 = 1 350 € pour le week-end.
        """,
        tmp_path,
    )
    (alert,) = report.alerts
    assert "950 € annoncés, 850 € attendus" in plain(alert.message)
    assert "« Bénéfice » 1 350 € au lieu de 1 450 €" in plain(alert.message)


def test_a_change_whose_unit_is_written_once(tmp_path: Path) -> None:
    text = """
    # Fréquentation

    Les entrées sont passées de 12 800 visiteurs en 2024 à 14 400 en 2025, soit {}.
    """
    (alert,) = report_of(text.format("+11,1 %"), tmp_path).alerts
    assert "+12,5 % attendus" in plain(alert.message)
    assert report_of(text.format("+12,5 %"), tmp_path).alerts == []


def test_a_wrong_share_within_its_category(tmp_path: Path) -> None:
    report = report_of(
        """
        # Dépenses du festival

        | Poste | Montant | Part dans sa catégorie |
        |---|---|---|
        | Scène | 6 000 € | 60 % |
        | Sonorisation | 4 000 € | 40 % |
        | Sous-total technique | 10 000 € | |
        | Affiches | 1 200 € | 70 % |
        | Flyers | 300 € | 20 % |
        | Sous-total communication | 1 500 € | |
        | Total | 11 500 € | |
        """,
        tmp_path,
    )
    (alert,) = report.alerts  # the communication group only, over its own sub-total
    assert "les parts totalisent 90 % au lieu de 100 %" in plain(alert.message)
    assert alert.quote == "Sous-total communication | 1 500 €"


THRESHOLD_OVER_THE_PRICE = """
# 4. Point mort de l'atelier

Nos charges fixes de la première année s'élèvent à 31 200 €. Le prix de vente du forfait de
vingt cours est de 260 € et le coût variable par participant de 60 € (fournitures).

Seuil de rentabilité = charges fixes / prix du forfait = 31 200 / 260 = 120, soit 120
participants à recruter avant juin.
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_threshold_divided_by_the_price_is_wrong_even_when_its_division_is_right(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(THRESHOLD_OVER_THE_PRICE, tmp_path, fmt)
    (alert,) = report.alerts
    message = plain(alert.message)
    assert "120 unités annoncés, 156 unités attendus" in message
    assert "31 200 € / (prix unitaire 260 € − coût variable unitaire 60 €)" in message


def test_a_threshold_divided_by_the_unit_margin_is_right(tmp_path: Path) -> None:
    right = THRESHOLD_OVER_THE_PRICE.replace(
        "prix du forfait = 31 200 / 260 = 120, soit 120",
        "marge par forfait = 31 200 / 200 = 156, soit 156",
    )
    assert report_of(right, tmp_path).alerts == []
