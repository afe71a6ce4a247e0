"""Figures restated or carried the way students write them (issue #13, arithmetic without
false alarms): a price given with VAT then without it, a break-even in value turned into a
number of units, a wrong rate reused in a product, a deduction written with its minus sign in
a table of computations, and a budget table continued under a carried sub-total. Each right
figure stays silent; each slip is one alert that says what the figure should be."""

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

# ----------------------------------------------------------------- prices with and without VAT

KITCHEN_THRESHOLD = """
# 3. Rentabilité du food truck

Hypothèses de vente :

- le prix de vente de la formule midi est de 12,00 € TTC, soit 10,00 € HT (TVA 20 %) ;
- le coût variable unitaire d'une formule est de 4,00 € HT.

La marge sur coût variable par formule est de 10,00 − 4,00 = 6,00 € HT, soit un taux de MCV
de 60 %.

Les charges fixes de la saison (emplacement, assurance, gaz, salaire d'un commis) s'élèvent à
18 000 € HT.

## 3.1 Seuil de rentabilité

SR = charges fixes / taux de MCV = 18 000 / 0,60 = 30 000 € HT.

Ramené en nombre de repas : 30 000 / 12,00 = 2 500 formules sur la saison.
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_threshold_in_value_divided_by_the_price_with_vat_is_a_wrong_count(
    fmt: str, tmp_path: Path
) -> None:
    (alert,) = report_of(KITCHEN_THRESHOLD, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert message.startswith("Seuil de rentabilité en quantité erroné")
    assert "2 500 unités annoncés, 3 000 unités attendus" in message


def test_a_threshold_in_value_divided_by_the_price_before_vat_is_right(tmp_path: Path) -> None:
    right = KITCHEN_THRESHOLD.replace("30 000 / 12,00 = 2 500", "30 000 / 10,00 = 3 000")
    assert right != KITCHEN_THRESHOLD
    report = report_of(right, tmp_path)
    assert report.alerts == []
    assert any("3 000" in plain(e.quote) for e in report.evidence["breakeven"])


def test_a_threshold_in_value_divided_by_an_average_basket_counts_customers(
    tmp_path: Path,
) -> None:
    """Divided by another amount than the unit price (a basket of several items), the
    threshold in value counts something else than units: nothing is said."""
    baskets = KITCHEN_THRESHOLD.replace(
        "Ramené en nombre de repas : 30 000 / 12,00 = 2 500 formules sur la saison.",
        "Avec un panier moyen de 15,00 € HT par client : 30 000 / 15,00 = 2 000 clients.",
    )
    assert baskets != KITCHEN_THRESHOLD
    assert report_of(baskets, tmp_path).alerts == []


# ----------------------------------------------------------------- a wrong rate reused later

GROSS_MARGIN = """
# 4. Prix et marge

Le pot de miel de 250 g est vendu 4,00 € HT aux épiceries ; il nous coûte 2,50 € HT
(miel, pot, étiquette, transport).

Marge unitaire = 4,00 − 2,50 = 1,50 € par pot, soit un taux de marque de 1,50 / 4,00 = 45 %.

Pour 15 000 pots vendus la première année, le chiffre d'affaires serait de
15 000 x 4,00 = 60 000 € HT.

Marge brute attendue sur l'année : 60 000 x 45 % = 27 000 €.
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_wrong_rate_carries_the_margin_computed_with_it(fmt: str, tmp_path: Path) -> None:
    (alert,) = report_of(GROSS_MARGIN, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "1,50 / 4,00 = 45 %" in message
    assert "le calcul donne 37,5 %" in message
    assert "27 000 € au lieu de 22 500 €" in message


def test_a_right_rate_reused_in_a_product_raises_nothing(tmp_path: Path) -> None:
    right = GROSS_MARGIN.replace("= 45 %", "= 37,5 %").replace(
        "60 000 x 45 % = 27 000 €", "60 000 x 37,5 % = 22 500 €"
    )
    assert right.count("37,5 %") == 2
    assert report_of(right, tmp_path).alerts == []


# ----------------------------------------------------------------- deductions and their sign

DISCOUNT_ROWS = """
# 5. Recettes du salon

| Recette | Calcul | Montant |
|---|---|---:|
| Stands vendus | 40 stands x 450 € | 18 000 € |
| Remise aux exposants fidèles (−10 % sur leurs 6 000 € de stands) | 6 000 x 10 % | −600 € |
| Parrainage de la région | forfait | 2 500 € |
| **Total** | | **19 900 €** |
"""


@pytest.mark.parametrize("fmt", ["md", "odt"])
def test_a_deduction_shown_with_its_minus_sign_is_right(fmt: str, tmp_path: Path) -> None:
    assert report_of(DISCOUNT_ROWS, tmp_path, fmt).alerts == []


def test_a_deduction_of_the_wrong_size_is_still_an_error(tmp_path: Path) -> None:
    wrong = DISCOUNT_ROWS.replace("| −600 € |", "| −800 € |").replace("19 900", "19 700")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "le calcul donne" in plain(alert.message)
    assert "600" in plain(alert.message)


PROSE_DISCOUNT = """
# Tarifs de groupe

Les classes bénéficient d'une réduction : pour 24 élèves à 15 € la visite, soit 360 €, la
remise scolaire vaut 360 x 20 % = −72 €, et la classe paie 288 €.
"""


def test_a_deduction_with_its_minus_sign_in_a_sentence_is_right(tmp_path: Path) -> None:
    assert report_of(PROSE_DISCOUNT, tmp_path).alerts == []
    wrong = PROSE_DISCOUNT.replace("= −72 €", "= −82 €")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "le calcul donne -72 €" in plain(alert.message)


# ----------------------------------------------------------------- a carried sub-total

CONTINUED_BUDGET = """
# 6. Budget du festival (suite)

| Poste | Détail | Montant HT |
|---|---|---:|
| **Report des pages précédentes** | | **12 400 €** |
| **C. Accueil du public** | | |
| Billetterie en ligne | commission | 380 € |
| Signalétique | | 720 € |
| *Sous-total C* | | *1 100 €* |
| **D. Imprévus** | 5 % | 675 € |
| **E. Restauration des bénévoles** | | |
| Repas | 30 x 2 jours x 9 € | 540 € |
| Boissons | | 160 € |
| *Sous-total E* | | *700 €* |
| **Total des dépenses** | | **14 875 €** |
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_budget_continued_under_a_carried_subtotal_adds_it(fmt: str, tmp_path: Path) -> None:
    assert report_of(CONTINUED_BUDGET, tmp_path, fmt).alerts == []


def test_a_wrong_total_under_a_carried_subtotal_says_the_whole(tmp_path: Path) -> None:
    wrong = CONTINUED_BUDGET.replace("**14 875 €**", "**13 875 €**")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "13 875 € annoncés, 14 875 € attendus" in plain(alert.message)


def test_a_margin_worked_out_on_the_price_with_vat_is_left_to_the_reader(tmp_path: Path) -> None:
    """Naming the price without VAT does not make a margin taken on the price with VAT an
    arithmetic error: the subtraction holds with a price the dossier gives."""
    on_gross = KITCHEN_THRESHOLD.replace(
        "10,00 − 4,00 = 6,00 € HT, soit un taux de MCV\nde 60 %",
        "12,00 − 4,00 = 8,00 €",
    ).replace(
        "## 3.1 Seuil de rentabilité\n\nSR = charges fixes / taux de MCV = 18 000 / 0,60 = "
        "30 000 € HT.\n\nRamené en nombre de repas : 30 000 / 12,00 = 2 500 formules sur la "
        "saison.\n",
        "",
    )
    assert "8,00 €" in on_gross and "2 500" not in on_gross
    assert report_of(on_gross, tmp_path).alerts == []


# ----------------------------------------------------------------- a threshold in a what-if

WHAT_IF = """
# 7. Et si le prix baissait ?

Nos frais fixes (local, logiciel, assurance) représentent 30 000 € de charges fixes par an et
chaque box vendue laisse une marge unitaire de 12 €, d'où 30 000 / 12 = 2 500 box à vendre.

Si la concurrence nous obligeait à baisser le prix de 2 €, la marge ne serait plus que de
10 € et il faudrait 30 000 / 10 = 3 000 box pour couvrir les frais.
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_threshold_worked_out_in_a_what_if_is_not_the_base_case(fmt: str, tmp_path: Path) -> None:
    assert report_of(WHAT_IF, tmp_path, fmt).alerts == []


def test_the_base_threshold_beside_a_what_if_is_still_checked(tmp_path: Path) -> None:
    wrong = WHAT_IF.replace("30 000 / 12 = 2 500 box", "30 000 / 15 = 2 000 box")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "2 000 unités annoncés, 2 500 unités attendus" in plain(alert.message)


# ----------------------------------------------------------------- one line wrong in two columns

MEDIA_PLAN = """
# 8. Plan média

Enveloppe validée : 15 000 € HT.

| Support | Part | Budget HT |
|---|---|---|
| Affichage urbain | 40 % | 6 000 € |
| Radio locale | 32 % | 4 800 € |
| Réseaux sociaux | 20 % | 3 000 € |
| Vidéo | 18 % | 2 700 € |
| **Total** | **100 %** | **15 000 €** |
"""


@pytest.mark.parametrize("fmt", ["md", "odt"])
def test_a_line_wrong_in_its_amount_and_its_share_is_one_alert(fmt: str, tmp_path: Path) -> None:
    (alert,) = report_of(MEDIA_PLAN, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "15 000 € annoncés, 16 500 € attendus" in message
    assert "totalisent de même 110 %" in message


def test_a_share_column_wrong_on_its_own_keeps_its_alert(tmp_path: Path) -> None:
    shares_only = MEDIA_PLAN.replace("| 18 % | 2 700 € |", "| 18 % | 1 200 € |")
    (alert,) = report_of(shares_only, tmp_path).alerts
    assert "les parts totalisent 110 % au lieu de 100 %" in plain(alert.message)
