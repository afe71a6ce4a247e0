"""How figures relate when students write them loosely (issue #13, session 15): a unit written
once at the end of a computation, a running computation, forecast and actual side by side, a
list of unit costs headed by the price. Invented cases; each right figure stays silent and its
wrong twin alerts."""

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

# ------------------------------------------------ a scaled unit written once, at the end

ORCHARD_CASH = """
# Plan de trésorerie

Trésorerie de départ : 20 k€. Sur l'année, les encaissements font 150 k€ et les
décaissements 131,5 k€.

Vérification : 20 + 150 − 131,5 = 38,5 k€ en fin d'année.

Avec un prêt de 10 k€ : T1 −6,25 + 10 = 3,75 k€ puis la trésorerie remonte.

Le salarié coûte 2 500 € x 12 = 30 k€ par an.
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_bare_figures_beside_a_result_in_k_euros_are_in_k_euros(fmt: str, tmp_path: Path) -> None:
    """« 20 + 150 − 131,5 = 38,5 k€ »: the unit is written once, the terms are thousands too;
    a factor written bare (« x 12 ») still reads as a count."""
    assert report_of(ORCHARD_CASH, tmp_path, fmt).alerts == []


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_wrong_result_in_k_euros_is_still_found_in_thousands(fmt: str, tmp_path: Path) -> None:
    wrong = ORCHARD_CASH.replace("= 38,5 k€", "= 36,5 k€")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "36,5 k€" in message and "38 500 €" in message


# ------------------------------------------------------------- a running computation


LESSONS = """
# Nos tarifs

- formule confort : 12 x 45 = 540 € + 60 € d'inscription = 600 € pour l'année
- formule libre : 10 x 50 = 500 €
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_result_followed_by_a_next_step_is_a_running_computation(
    fmt: str, tmp_path: Path
) -> None:
    """« 12 x 45 = 540 € + 60 € ... »: 540 € is the product, then the student goes on adding;
    the product is checked against 540 €, not against 540 + 60."""
    assert report_of(LESSONS, tmp_path, fmt).alerts == []


def test_a_wrong_step_of_a_running_computation_is_found(tmp_path: Path) -> None:
    wrong = LESSONS.replace("12 x 45 = 540 €", "12 x 45 = 560 €")
    (alert,) = report_of(wrong, tmp_path).alerts
    message = plain(alert.message)
    assert "12 x 45 = 560 €" in message and "540 €" in message


# ------------------------------------------- forecast, actual and variance side by side

MONTH_REVIEW = """
# Suivi des écarts

Bilan du premier mois (mars) :

| Mars | Prévu | Réalisé | Écart | Écart % |
|---|---:|---:|---:|---:|
| Ventes (unités) | 40 | 34 | −6 | −15,0 % |
| Encaissements | 2 400 € | 2 040 € | −360 € | −15,0 % |
| Décaissements | 3 100 € | 3 250 € | 150 € | +4,8 % |
| Trésorerie fin de mois | 900 € | 290 € | −610 € | – |
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_forecast_and_actual_columns_are_not_successive_periods(fmt: str, tmp_path: Path) -> None:
    """The actual month does not open on the forecast's closing balance, and the variance
    column is a difference: no carry-over is read across such columns."""
    assert report_of(MONTH_REVIEW, tmp_path, fmt).alerts == []


SCENARIOS = """
# Trésorerie selon trois scénarios

| Fin d'année | Pessimiste | Réaliste | Optimiste |
|---|---:|---:|---:|
| Trésorerie de début | 5 000 € | 5 000 € | 5 000 € |
| Encaissements | 30 000 € | 42 000 € | 51 000 € |
| Décaissements | 33 000 € | 36 000 € | 39 000 € |
| Trésorerie de fin | 2 000 € | 11 000 € | 17 000 € |
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_scenarios_side_by_side_are_each_checked_on_their_own(fmt: str, tmp_path: Path) -> None:
    assert report_of(SCENARIOS, tmp_path, fmt).alerts == []
    wrong = SCENARIOS.replace("| 11 000 € |", "| 12 000 € |")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "Réaliste" in message and "12 000 €" in message and "11 000 €" in message


MONTHS_FORECAST_AND_ACTUAL = """
# Trésorerie : prévu et réel

| | Avril prévu | Avril réel | Mai prévu | Mai réel |
|---|---:|---:|---:|---:|
| Trésorerie début | 6 000 € | 6 000 € | 4 500 € | 3 800 € |
| Encaissements | 3 000 € | 2 300 € | 4 000 € | 4 400 € |
| Décaissements | 4 500 € | 4 500 € | 3 500 € | 3 600 € |
| Trésorerie fin | 4 500 € | 3 800 € | 5 000 € | 4 600 € |
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_month_opens_on_the_same_version_of_the_month_before(fmt: str, tmp_path: Path) -> None:
    """« Mai réel » opens on « Avril réel »'s closing, not on the forecast beside it."""
    assert report_of(MONTHS_FORECAST_AND_ACTUAL, tmp_path, fmt).alerts == []
    wrong = MONTHS_FORECAST_AND_ACTUAL.replace(
        "| Trésorerie début | 6 000 € | 6 000 € | 4 500 € | 3 800 € |",
        "| Trésorerie début | 6 000 € | 6 000 € | 4 500 € | 3 300 € |",
    ).replace("| 5 000 € | 4 600 € |", "| 5 000 € | 4 100 € |")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "Avril réel 3 800 €" in message and "Mai réel 3 300 €" in message


SHORT_MONTHS = """
# Plan de trésorerie

| | Jan | Fév | Mar | Avr |
|---|---:|---:|---:|---:|
| Encaissements | 4 000 | 5 500 | 6 000 | 7 200 |
| Total décaissements | 6 000 | 4 500 | 5 200 | 5 000 |
| Flux du mois | −2 000 | 1 000 | 800 | 2 200 |
| Solde fin de mois | 1 000 | 2 000 | 2 800 | 5 000 |
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_mar_is_march_in_a_plan(fmt: str, tmp_path: Path) -> None:
    """« Mar » is March: April's balance follows March's, not February's."""
    assert report_of(SHORT_MONTHS, tmp_path, fmt).alerts == []
    wrong = SHORT_MONTHS.replace("| 2 800 | 5 000 |", "| 2 800 | 5 500 |")
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    assert "5 500 €" in plain(alert.message) and "5 000 €" in plain(alert.message)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_month_not_read_as_one_breaks_the_sequence(fmt: str, tmp_path: Path) -> None:
    """« Mars* » (a footnote's star) is not read as a month: April is then nobody's sequel,
    rather than February's."""
    starred = SHORT_MONTHS.replace("| Mar |", "| Mars* |").replace("| Jan |", "| Janvier |")
    starred = starred.replace("| Fév |", "| Février |").replace("| Avr |", "| Avril |")
    assert report_of(starred, tmp_path, fmt).alerts == []


# ------------------------------------------- the price heading a list of unit costs

UNIT_COSTS = """
# Coûts variables

**Par coffret vendu**

- Prix de vente moyen constaté : 30 € HT
- Savons et bougies : 8 €
- Emballage et calage : 1,50 €
- Frais d'envoi : 2,50 €
- **Total variable : 12 € par coffret**

## Marge

Il reste donc 30 − 12 = 18 € de marge par coffret.
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_the_price_heading_a_list_of_costs_is_not_one_of_them(fmt: str, tmp_path: Path) -> None:
    assert report_of(UNIT_COSTS, tmp_path, fmt).alerts == []


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_wrong_total_of_costs_under_a_price_is_still_found(fmt: str, tmp_path: Path) -> None:
    wrong = UNIT_COSTS.replace("Total variable : 12 €", "Total variable : 15 €").replace(
        "30 − 12 = 18 €", "30 − 15 = 15 €"
    )
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "15 €" in message and "12 €" in message and "42 €" not in message


# ------------------------------------------------ words of a cell around its figure

LAUNCH_BUDGET = """
# Budget du lancement

| Poste | Montant | Part |
|---|---:|---:|
| Agence web | 6 000 € | 48 % |
| Reportage vidéo | 2 500 € | 20 % |
| Salon professionnel | 2 750 € | 22 % |
| Impression | 1 250 € | soit 10 % |
| **Total** | **12 500 €** | **100 %** |
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_reportage_is_a_cost_line_and_soit_introduces_a_share(fmt: str, tmp_path: Path) -> None:
    """« Reportage » is a line of costs, not the « Report » of a balance; « soit 10 % » is
    the share of its line."""
    assert report_of(LAUNCH_BUDGET, tmp_path, fmt).alerts == []


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_wrong_share_written_after_soit_is_found(fmt: str, tmp_path: Path) -> None:
    wrong = LAUNCH_BUDGET.replace("soit 10 %", "soit 15 %").replace("**100 %**", "")
    wrong = wrong.replace("Reportage vidéo", "Tournage vidéo")  # this rule alone
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "15 %" in message and "10 %" in message and "Impression" in message


# ------------------------------------ two tables one under the other, merged by a PDF

TWO_TABLES = """
# Plan de trésorerie

| Mois | Achats | Salaires | Total décaiss. | Encaissements |
|---|---:|---:|---:|---:|
| Mai | 1 200 € | 2 000 € | 3 200 € | 2 500 € |
| Juin | 1 500 € | 2 000 € | 3 500 € | 4 100 € |
| Juillet | 1 800 € | 2 000 € | 3 800 € | 5 200 € |

| Mois | Trésorerie début | + Encaissements | − Décaissements | Trésorerie fin |
|---|---:|---:|---:|---:|
| Mai | 4 000 € | 2 500 € | 3 200 € | 3 300 € |
| Juin | 3 300 € | 4 100 € | 3 500 € | 3 900 € |
| Juillet | 3 900 € | 5 200 € | 3 800 € | 5 300 € |
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_second_header_row_starts_a_second_table(fmt: str, tmp_path: Path) -> None:
    """A PDF gives the two tables as one block; the row of column names under the first
    table's lines is the second table's header, and its carry-overs are checked."""
    assert report_of(TWO_TABLES, tmp_path, fmt).alerts == []
    wrong = TWO_TABLES.replace("| Juillet | 3 900 € |", "| Juillet | 3 090 € |").replace(
        "| 5 300 € |", "| 4 490 € |"
    )
    (alert,) = report_of(wrong, tmp_path, fmt).alerts
    message = plain(alert.message)
    assert "3 900 €" in message and "3 090 €" in message
