"""Figures and their relations as students write them (issue #13, session 14): a remark beside
an amount in a table, a share or a change after an arrow, a computation written whole in one
cell. Invented cases; each right figure stays silent and its wrong twin alerts."""

import textwrap
from pathlib import Path

import pytest

from assistant.calc import CalcReport, check_document
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings
from tests.calc_docs import plain, report_of

# ------------------------------------------ a remark beside an amount does not make a header

WORKSHOP_BUDGET = """
# Plan d'actions

**Moyens et budget :**

| Action | Quand | Budget |
|---|---|---|
| Atelier découverte pour les écoles | mars 2026 | 450 € (salle prêtée, goûter compris) |
| Affiches dans les commerces | avril 2026 | 300 € |
| Stand à la fête du quartier | juin 2026 | 750 € |
| Jeu concours sur Instagram | été 2026 | 200 € |
| **Total** | | **1 700 €** |
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_first_line_whose_amount_carries_a_remark_is_not_a_header(
    fmt: str, tmp_path: Path
) -> None:
    """The first line's amount is not read as a figure (a remark beside it), but a line
    holding an amount of money is a line of the table, not part of its header: the total is
    never redone without it."""
    assert report_of(WORKSHOP_BUDGET, tmp_path, fmt).alerts == []


def test_a_wrong_total_under_a_header_is_still_found(tmp_path: Path) -> None:
    wrong = WORKSHOP_BUDGET.replace(
        "| 450 € (salle prêtée, goûter compris) |", "| 450 € |"
    ).replace("**1 700 €**", "**1 900 €**")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "1 900 €" in plain(alert.message) and "1 700 €" in plain(alert.message)


# ---------------------------------------------------- a share or a change after an arrow

FESTIVAL_SPENDING = """
# Budget du festival

Répartition prévue :

- Scène et sonorisation : 4 000 € → 40 %
- Cachets des groupes : 250 € x 12 = 3 000 € → 30 %
- Buvette (achats) : 1 500 € → 15 %
- Sécurité : 1 000 € → 10 %
- Affiches : 500 € → 5 %
- **Total : 10 000 € = 100 %**
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_shares_after_arrows_that_match_their_amounts_stay_silent(fmt: str, tmp_path: Path) -> None:
    assert report_of(FESTIVAL_SPENDING, tmp_path, fmt).alerts == []


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_share_after_an_arrow_that_its_amount_does_not_give_is_wrong(
    fmt: str, tmp_path: Path
) -> None:
    wrong = FESTIVAL_SPENDING.replace("1 500 € → 15 %", "1 500 € → 18 %")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "18 %" in message and "15 %" in message and "103 %" in message


def test_arrows_whose_shares_mostly_miss_the_total_say_nothing(tmp_path: Path) -> None:
    """Shares of something else than the total written (here of last year's budget): most of
    them disagree with amount / total, so the base is not that total."""
    other_base = (
        FESTIVAL_SPENDING.replace("→ 40 %", "→ 44 %")
        .replace("→ 30 %", "→ 33 %")
        .replace("→ 15 %", "→ 17 %")
    )
    assert report_of(other_base, tmp_path).alerts == []


BAKERY_SALES = """
# Présentation de la boulangerie

- Chiffre d'affaires :
  - 2022 : 210 000 €
  - 2023 : 226 800 € → +8 %
  - 2024 : 215 460 € → −5 %
- Effectif : 6 salariés
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_yearly_changes_after_arrows_that_hold_stay_silent(fmt: str, tmp_path: Path) -> None:
    report = report_of(BAKERY_SALES, tmp_path, fmt)
    assert report.alerts == []


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_yearly_change_after_an_arrow_is_redone_from_the_year_before(
    fmt: str, tmp_path: Path
) -> None:
    wrong = BAKERY_SALES.replace("215 460 € → −5 %", "215 460 € → −3 %")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "3 %" in message and "5 %" in message


def test_a_signed_rate_after_an_arrow_between_months_is_not_read_as_a_yearly_change(
    tmp_path: Path,
) -> None:
    """Months of one year: the change may be over the same month a year before."""
    months = BAKERY_SALES.replace("2022 :", "janvier :").replace("2023 :", "février :")
    months = months.replace("2024 :", "mars :").replace("→ −5 %", "→ −11 %")
    assert report_of(months, tmp_path).alerts == []


# ------------------------------------------------- a computation written whole in one cell

ROASTER_THRESHOLD = """
# Seuil de rentabilité de la torréfaction

| Élément | Montant |
|---|---|
| Charges fixes annuelles | 62 400 € |
| Taux de marge sur coût variable | 40 % |
| Seuil de rentabilité = CF / taux de MCV | 62 400 / 0,40 = 156 000 € |
| Marge de sécurité | 210 000 − 156 000 = 54 000 € |
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_computations_written_whole_in_a_cell_that_hold_stay_silent(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(ROASTER_THRESHOLD, tmp_path, fmt)
    assert report.alerts == []
    assert sum(c.kind == "expression" and c.status == "ok" for c in report.checks) == 2


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_computation_written_whole_in_a_cell_is_redone(fmt: str, tmp_path: Path) -> None:
    wrong = ROASTER_THRESHOLD.replace("62 400 / 0,40 = 156 000 €", "62 400 / 0,40 = 165 000 €")
    alerts = report_of(wrong, tmp_path, fmt).alerts
    assert alerts and "165 000" in plain(alerts[0].message)
    assert "156 000" in plain(alerts[0].message)


# ------------------------------------------- a sheet pasted as lines of cells between bars

PASTED_CASH_PLAN = """
# Plan de trésorerie

Copié de mon tableur :

```
TRESORERIE DU FOOD-TRUCK (onglet "tréso")
Mois | Tréso début | Encaissements | Décaissements | Tréso fin
Mars | 3 000 | 0 | 5 200 | -2 200
Avril | -2 200 | 4 800 | 2 900 | -300
Mai | -300 | 7 500 | 3 400 | 3 800
Juin | 3 800 | 9 100 | 3 900 | 9 000
```
"""


def written_as_is(md: str, tmp_path: Path) -> CalcReport:
    """The report of a Markdown file holding ``md`` as typed (the test renderer joins the
    lines of a fenced block; a student's file keeps them)."""
    path = tmp_path / "dossier.md"
    path.write_text(textwrap.dedent(md).strip() + "\n", encoding="utf-8")
    return check_document(ingest_file(path, LimitsSettings(isolate_parsing=False)))


def test_a_cash_plan_pasted_between_bars_that_carries_over_stays_silent(tmp_path: Path) -> None:
    report = written_as_is(PASTED_CASH_PLAN, tmp_path)
    assert report.alerts == []
    assert report.evidence.get("cash_flow")  # the plan was read


def test_a_wrong_carry_over_in_a_pasted_cash_plan_is_found(tmp_path: Path) -> None:
    wrong = PASTED_CASH_PLAN.replace("Mai | -300 |", "Mai | 300 |")
    wrong = wrong.replace("| 3 800\n", "| 4 400\n")
    wrong = wrong.replace("Juin | 3 800 |", "Juin | 4 400 |").replace("| 9 000\n", "| 9 600\n")
    (alert,) = written_as_is(wrong, tmp_path).alerts
    message = plain(alert.message)
    assert "-300" in message.replace("−", "-") and "300 €" in message


# ------------------------- fixed costs divided by what one unit brings, not by its margin

POPUP_BOOKSHOP = """
# Budget de la bouquinerie d'été

## 1. Les coûts

Total charges fixes = 1 500 + 640 + 260 = **2 400 €**

Chaque exemplaire vendu coûte 2,00 € de charges variables par exemplaire (rachat au kilo et sac).

Le prix moyen d'un exemplaire d'occasion chez nous est de 6,00 €.

## 2. Seuil de rentabilité

Seuil de rentabilité = 2 400 € / 4,00 € = 600 exemplaires
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_threshold_count_divided_by_the_unit_margin_stays_silent(
    fmt: str, tmp_path: Path
) -> None:
    assert report_of(POPUP_BOOKSHOP, tmp_path, fmt).alerts == []


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_fixed_costs_divided_by_the_price_of_one_unit_is_a_wrong_threshold(
    fmt: str, tmp_path: Path
) -> None:
    """2 400 / 6,00 = 400 holds as a division, but 6,00 € is what one copy brings, named so in
    another section, and each copy costs 2,00 €: the threshold is 2 400 / 4,00 = 600."""
    wrong = POPUP_BOOKSHOP.replace("/ 4,00 € = 600 exemplaires", "/ 6,00 € = 400 exemplaires")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "400" in message and "600" in message


def test_a_divisor_named_elsewhere_as_a_margin_is_not_a_price(tmp_path: Path) -> None:
    margin = POPUP_BOOKSHOP.replace(
        "Le prix moyen d'un exemplaire d'occasion chez nous est de 6,00 €.",
        "Le prix moyen d'un exemplaire d'occasion est de 6,00 €, "
        "la marge par exemplaire de 4,00 €.",
    )
    assert report_of(margin, tmp_path).alerts == []
