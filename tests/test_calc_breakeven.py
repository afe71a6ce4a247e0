from pathlib import Path

import pytest

from assistant.calc import CalcReport, check_document
from tests.calc_docs import dossier, plain, report_of

HEAD = """
# 3. Gestion financière

## 3.2 Seuil de rentabilité
"""


def kinds(report: CalcReport, status: str) -> list[str]:
    return [c.kind for c in report.checks if c.status == status]


@pytest.mark.parametrize(
    "body",
    [
        # SR = CF / taux de MCV
        "Nos charges fixes annuelles s'élèvent à 21 000 € et le taux de marge sur coût "
        "variable est de 40 %. Le seuil de rentabilité est donc de 52 500 €.",
        # SR = CA × CF / MCV
        "Le chiffre d'affaires prévisionnel est de 120 000 €. La marge sur coût variable "
        "atteint 48 000 €. Les charges fixes sont de 21 000 €. Le seuil de rentabilité "
        "s'établit à 52 500 €.",
        # taux de MCV = 1 − CV / CA
        "Chiffre d'affaires : 120 000 €. Charges variables : 72 000 €. Coûts fixes : "
        "21 000 €. Notre CA critique est de 52 500 €.",
        # rounded to the tolerance
        "Charges fixes : 21 000 €. Taux de marge sur coût variable : 37 %. "
        "Seuil de rentabilité : 56 750 €.",
        # monthly fixed costs, yearly break-even
        "Nos charges fixes mensuelles s'élèvent à 1 750 €. Taux de MCV : 40 %. "
        "Le seuil de rentabilité annuel est de 52 500 €.",
    ],
)
def test_a_correct_break_even_gives_evidence_and_no_alert(body: str, tmp_path: Path) -> None:
    report = report_of(HEAD + "\n" + body, tmp_path)
    assert report.alerts == []
    assert "seuil_rentabilite" in kinds(report, "ok")
    (evidence,) = report.evidence["breakeven"]
    assert "52 500" in evidence.quote or "56 750" in evidence.quote
    assert evidence.section == "3.2 Seuil de rentabilité"
    assert report.evidence["cost_structure"]


def test_a_wrong_break_even_is_flagged_with_its_figures_and_page(tmp_path: Path) -> None:
    doc = dossier(
        HEAD
        + """
        Introduction du calcul.

        <!-- pagebreak -->

        Les charges fixes s'élèvent à 21 000 € et le taux de marge sur coût variable est de
        40 %. Le seuil de rentabilité est donc de 48 000 €.
        """,
        tmp_path,
        "pdf",
    )
    report = check_document(doc)
    (alert,) = report.alerts
    assert alert.kind == "calculation_error"
    assert alert.page == 2
    assert plain(alert.message) == (
        "Seuil de rentabilité erroné p. 2 : 48 000 € annoncés, 52 500 € attendus "
        "(charges fixes 21 000 € / taux de marge sur coût variable 40 %)."
    )
    assert alert.details is not None
    assert alert.details["expected"] == 52500
    assert alert.details["found"] == 48000
    assert alert.details["charges fixes"] == 21000
    assert alert.details["taux de marge sur coût variable"] == 40
    assert "48 000 €" in alert.quote and alert.quote in doc.text
    assert "breakeven" not in report.evidence


def test_an_error_within_the_tolerance_is_accepted_but_not_beyond(tmp_path: Path) -> None:
    text = HEAD + "\nCharges fixes : 21 000 €. Taux de MCV : 40 %. Seuil de rentabilité : {} €."
    assert report_of(text.format("52 000"), tmp_path).alerts == []  # 0.95 %
    assert len(report_of(text.format("51 800"), tmp_path).alerts) == 1  # 1.3 %
    doc = dossier(text.format("51 800"), tmp_path)
    assert check_document(doc, tolerance=0.02).alerts == []


def test_a_differential_income_statement_table_is_checked(tmp_path: Path) -> None:
    md = (
        HEAD
        + """
        | Compte de résultat différentiel | Montant | % |
        |---|---|---|
        | Chiffre d'affaires | 120 000 € | 100 % |
        | Charges variables | 72 000 € | 60 % |
        | Marge sur coût variable | 48 000 € | 40 % |
        | Charges fixes | 21 000 € | |
        | Résultat | 27 000 € | |
        | Seuil de rentabilité | {} € | |
        """
    )
    ok = report_of(md.format("52 500"), tmp_path, "docx")
    assert ok.alerts == []
    assert {"seuil_rentabilite", "taux_mcv", "marge_sur_cout_variable"} <= set(kinds(ok, "ok"))
    wrong = report_of(md.format("35 000"), tmp_path, "docx")
    (alert,) = wrong.alerts
    assert alert.quote == "Seuil de rentabilité | 35 000 €"
    assert alert.details and alert.details["expected"] == 52500


def test_each_year_of_a_multi_year_table_is_its_own_computation(tmp_path: Path) -> None:
    report = report_of(
        HEAD
        + """
        | Poste | Année 1 | Année 2 |
        |---|---|---|
        | Chiffre d'affaires | 100 000 | 150 000 |
        | Charges variables | 60 000 | 90 000 |
        | Marge sur coût variable | 40 000 | 60 000 |
        | Charges fixes | 30 000 | 30 000 |
        | Seuil de rentabilité | 75 000 | 80 000 |
        """,
        tmp_path,
        "odt",
    )
    (alert,) = report.alerts
    assert plain(alert.message).startswith(
        "Seuil de rentabilité erroné p. 1 : 80 000 annoncés, 75 000 attendus"
    )
    assert alert.details and alert.details["expected"] == 75000


@pytest.mark.parametrize(
    ("body", "fine"),
    [
        (
            "Prix de vente unitaire : 25 €. Coût variable unitaire : 15 €. Charges fixes : "
            "21 000 €. Le seuil de rentabilité est atteint à 2 100 unités.",
            True,
        ),
        (
            "Prix de vente unitaire : 25 €. Coût variable unitaire : 15 €. Charges fixes : "
            "21 000 €. Le seuil de rentabilité est atteint à 1 400 unités.",
            False,
        ),
        (
            "Charges fixes : 20 000 €. Marge unitaire : 3 €. Seuil de rentabilité : 6 667 billets.",
            True,
        ),
    ],
)
def test_break_even_in_quantity(body: str, fine: bool, tmp_path: Path) -> None:
    report = report_of(HEAD + "\n" + body, tmp_path)
    assert (report.alerts == []) is fine
    if not fine:
        assert report.alerts[0].details and report.alerts[0].details["expected"] == 2100


@pytest.mark.parametrize(
    ("point_mort", "fine"),
    [
        ("157,5 jours", True),
        ("159 jours", True),
        ("158 jours", True),
        ("5,25 mois", True),
        ("5 mois", True),
        ("200 jours", False),
        ("7 mois", False),
    ],
)
def test_point_mort_in_days_or_months(point_mort: str, fine: bool, tmp_path: Path) -> None:
    body = (
        "Chiffre d'affaires : 120 000 €. Charges fixes : 21 000 €. Taux de marge sur coût "
        f"variable : 40 %. Seuil de rentabilité : 52 500 €, soit un point mort atteint en "
        f"{point_mort}."
    )
    report = report_of(HEAD + "\n" + body, tmp_path)
    assert (report.alerts == []) is fine
    assert ("point_mort" in kinds(report, "ok")) is fine


def test_a_written_formula_is_recognised(tmp_path: Path) -> None:
    good = report_of(
        HEAD + "\nCharges fixes : 21 000 €. Taux de MCV : 40 %.\n\n"
        "SR = CF / taux de MCV = 21 000 / 0,40 = 52 500 €.",
        tmp_path,
    )
    assert good.alerts == []
    assert "seuil_rentabilite" in kinds(good, "ok")
    assert "expression" in kinds(good, "ok")
    # right arithmetic, wrong rate: 21 000 / 0,6 (the variable-cost rate)
    wrong = report_of(
        HEAD + "\nCharges fixes : 21 000 €. Taux de MCV : 40 %.\n\n"
        "SR = CF / taux de MCV = 21 000 / 0,6 = 35 000 €.",
        tmp_path,
    )
    (alert,) = wrong.alerts
    assert alert.details and alert.details["check"] == "seuil_rentabilite"
    assert alert.details["expected"] == 52500


def test_a_break_even_without_its_inputs_is_noted_not_flagged(tmp_path: Path) -> None:
    report = report_of(HEAD + "\nNotre seuil de rentabilité est de 52 500 €.", tmp_path)
    assert report.alerts == []
    (note,) = report.unverified
    assert plain(note).startswith("Seuil de rentabilité (52 500 €) non vérifié")
    assert "charges fixes" in note


def test_two_different_fixed_costs_make_the_computation_ambiguous(tmp_path: Path) -> None:
    report = report_of(
        HEAD
        + """
        Les charges fixes de l'agence sont de 30 000 € ; celles du projet, des charges fixes
        de 21 000 €.

        Le taux de marge sur coût variable est de 40 % et le seuil de rentabilité de 48 000 €.
        """,
        tmp_path,
    )
    assert report.alerts == []
    assert report.unverified


def test_a_bare_margin_rate_never_raises_an_alert(tmp_path: Path) -> None:
    report = report_of(
        HEAD + "\nCharges fixes : 21 000 €. Taux de marge : 40 %. Seuil de rentabilité : 48 000 €.",
        tmp_path,
    )
    assert report.alerts == []
    assert any("taux de marge" in n for n in report.unverified)


def test_the_turnover_of_the_market_is_not_the_company_s(tmp_path: Path) -> None:
    report = report_of(
        """
        # 1. Diagnostic

        Le chiffre d'affaires du marché français atteint 2 M€.

        # 3. Gestion financière

        Charges fixes : 21 000 €. Taux de MCV : 40 %. Seuil de rentabilité : 52 500 €.
        """,
        tmp_path,
    )
    assert report.alerts == []
    assert "point_mort" not in kinds(report, "error")


@pytest.mark.parametrize(
    ("body", "alerts"),
    [
        # monthly fixed costs, monthly break-even without saying so
        (
            "Charges fixes : 1 750 € par mois. Taux de MCV : 40 %. Seuil de rentabilité : 4 375 €.",
            0,
        ),
        (
            "Charges fixes : 1 750 € par mois. Taux de MCV : 40 %. Seuil de rentabilité : 5 000 €.",
            1,
        ),
        # a quantity per month
        (
            "Charges fixes : 21 000 €. Prix de vente unitaire : 25 €. Coût variable unitaire : "
            "15 €. Le seuil de rentabilité est de 175 box par mois.",
            0,
        ),
        (
            "Charges fixes : 21 000 €. Prix de vente unitaire : 25 €. Coût variable unitaire : "
            "15 €. Le seuil de rentabilité est de 250 box par mois.",
            1,
        ),
        # per day depends on the days open: left alone
        (
            "Charges fixes : 21 000 €. Prix de vente unitaire : 25 €. Coût variable unitaire : "
            "15 €. Le seuil de rentabilité est de 9 couverts par jour.",
            0,
        ),
    ],
)
def test_periods_of_amounts_and_quantities(body: str, alerts: int, tmp_path: Path) -> None:
    assert len(report_of(HEAD + "\n" + body, tmp_path).alerts) == alerts


def test_costs_named_together_are_not_fixed_costs(tmp_path: Path) -> None:
    report = report_of(
        HEAD + "\nLes charges fixes et variables s'élèvent à 93 000 €. Taux de MCV : 40 %. "
        "Seuil de rentabilité : 52 500 €.",
        tmp_path,
    )
    assert report.alerts == []
    assert report.unverified


def test_a_break_even_without_unit_takes_the_one_its_row_names(tmp_path: Path) -> None:
    report = report_of(
        HEAD
        + """
        | Indicateur | Valeur |
        |---|---|
        | Chiffre d'affaires | 120 000 |
        | Charges fixes | 21 000 |
        | Taux de marge sur coût variable | 40 % |
        | Seuil de rentabilité | 52 500 |
        | Point mort (jours) | 158 |
        | Point mort | 5 |

        Le point mort est de 158.
        """,
        tmp_path,
    )
    assert report.alerts == []
    ok = [c.kind for c in report.checks if c.status == "ok"]
    assert sorted(ok) == ["point_mort", "seuil_rentabilite"]
