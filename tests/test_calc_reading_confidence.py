"""An alarm only when the computation is read with confidence (issue #13, arithmetic without
false alarms, session 12). Each principle, in invented cases of its own:

- the operands of a computation are written figures, never empty cells taken for zero;
- a table cell that one usual reading of the table confirms is not wrong because another
  reading of the same cell fails (the reading was inferred, the figure holds);
- a signed percentage is a change, never a share of a whole;
- distances between a figure and the computations that reuse it are counted in the text
  the student wrote, not in page furniture (a PDF footer between two paragraphs).

Each right figure stays silent, and the same table or text with a real slip still alerts, so
that every test can fail both ways."""

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

# ------------------------------------------------- operands are written, never empty cells

PRINT_BUDGET = """
# Budget de la journée portes ouvertes

| Poste | Quantité | Prix unitaire | Coût |
|---|---|---|---|
| Badges imprimés | 400 | 0,35 € | 140 € |
| Roll-up | 3 | 65 € | 195 € |
| Traiteur (forfait) | | | 1 250 € |
| Sonorisation | 1 | 410 € | 410 € |
| **Total** | | | **1 995 €** |
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_lump_sum_and_the_total_row_are_not_products_of_empty_cells(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(PRINT_BUDGET, tmp_path, fmt)
    assert report.alerts == []
    assert any(c.status == "ok" for c in report.checks)  # the table was read


def test_a_product_with_both_operands_written_is_still_checked(tmp_path: Path) -> None:
    wrong = PRINT_BUDGET.replace("| 3 | 65 € | 195 € |", "| 3 | 65 € | 165 € |").replace(
        "1 995 €", "1 965 €"
    )
    assert wrong != PRINT_BUDGET
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "165 €" in plain(alert.message) and "195 €" in plain(alert.message)


# ------------------------------------------- one reading of the table confirms the cell

AVERAGE_PRICE_FOOT = """
# Achats de goodies

| Article | Quantité | Prix unitaire | Coût total |
|---|---|---|---|
| Tote bags | 250 | 2,40 € | 600 € |
| Gourdes | 120 | 6,50 € | 780 € |
| Carnets | 300 | 1,10 € | 330 € |
| Total | 670 | 2,60 € | 1 710 € |
"""


def test_a_foot_row_that_adds_up_is_right_whatever_its_average_price_gives(
    tmp_path: Path,
) -> None:
    """670 × 2,60 = 1 742 €: the rounded average price does not give the total back,
    the lines above do (600 + 780 + 330 = 1 710)."""
    assert report_of(AVERAGE_PRICE_FOOT, tmp_path).alerts == []


def test_a_foot_row_that_no_reading_gives_is_wrong(tmp_path: Path) -> None:
    wrong = AVERAGE_PRICE_FOOT.replace("| 1 710 € |", "| 1 810 € |")
    alerts = report_of(wrong, tmp_path).alerts
    assert alerts and all("1 810" in plain(a.message) for a in alerts)


# ------------------------------------------------------- a signed percentage is a change

SIGNED_BESIDE_SHARES = """
# Bilan commercial

Le chiffre d'affaires se répartit à 50 % du budget pour la vente directe (+2 % sur un an),
à 30 % pour les revendeurs (+3 %) et à 20 % pour la boutique en ligne.
"""


def test_changes_written_beside_the_shares_are_not_added_to_them(tmp_path: Path) -> None:
    assert report_of(SIGNED_BESIDE_SHARES, tmp_path).alerts == []


def test_shares_that_miss_the_whole_still_alert_beside_changes(tmp_path: Path) -> None:
    wrong = SIGNED_BESIDE_SHARES.replace("20 % pour", "25 % pour")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "105 %" in plain(alert.message)


# ------------------------------------------------- distances in the text the student wrote

RATE_THEN_USE = """
# Prévisions de la gamme apéritive

Prix de vente 5,00 € et coût de revient 3,60 €, soit une marge de 1,40 € et un taux de marque
de 1,40 / 5,00 = 32 %.

## Fabrication

Les tartinables sont fabriqués à la main dans l'atelier de la zone artisanale.

## Emballage

Les bocaux en verre consignés sont repris par les épiceries partenaires.

## Volumes

<!-- pagebreak -->

Marge brute attendue sur l'année : 50 000 x 32 % = 16 000 €.
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_page_footer_does_not_cut_a_wrong_rate_from_its_consequence(
    fmt: str, tmp_path: Path
) -> None:
    """1,40 / 5,00 makes 28 %, so the margin is 14 000 €, not 16 000 €; in the PDF the page's
    footer (« Page 1 ») stands between the two paragraphs."""
    (alert,) = report_of(RATE_THEN_USE, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "28 %" in message
    assert "16 000 € au lieu de 14 000 €" in message


# ------------------------------- an operand unique in the dossier is identified with confidence

CANDLES = """
# Les bougies de l'atelier Cire & Mèche

## 1. Prix et coûts

Chaque bougie est vendue 18 € HT. Son coût variable unitaire (cire, mèche, pot, parfum) est de
6 € HT, soit une marge unitaire de 12 €.

Les charges fixes de l'année (loyer de l'atelier, site, assurance) s'élèvent à 9 600 € HT.

## 2. Combien de bougies vendre ?

Pour savoir combien en vendre, j'ai fait le calcul en divisant les coûts fixes par le prix
d'une bougie : 9 600 / 18 = 533 unités sur l'année.
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_fixed_costs_over_the_price_is_redone_with_a_margin_stated_in_another_section(
    fmt: str, tmp_path: Path
) -> None:
    """The count divides the dossier's fixed costs by the price; the margin that should divide
    them is in the section before, the only one the dossier states: 9 600 / 12 = 800."""
    (alert,) = report_of(CANDLES, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "533" in message and "800" in message


def test_two_different_margins_in_the_dossier_leave_the_count_unchecked(tmp_path: Path) -> None:
    two = CANDLES.replace(
        "soit une marge unitaire de 12 €.",
        "soit une marge unitaire de 12 €.\n\n## 1 bis. Coffrets\n\nLe coffret de trois est "
        "vendu 45 € HT pour un coût variable unitaire de 20 €, soit une marge unitaire de 25 €.",
    )
    assert two != CANDLES
    assert report_of(two, tmp_path).alerts == []
