from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

PLAN = """
# 3. Gestion financière

## 3.3 Plan de trésorerie

| Poste | Janvier | Février | Mars | Avril |
|---|---|---|---|---|
| Trésorerie début de mois | 5 000 | 6 000 | {opening_march} | {opening_april} |
| Encaissements | | | | |
| Ventes | 8 000 | 10 000 | 9 000 | 12 000 |
| Subvention | 2 000 | 2 000 | 0 | 0 |
| Total encaissements | 10 000 | 12 000 | 9 000 | 12 000 |
| Décaissements | | | | |
| Salaires | 6 000 | 6 000 | 6 000 | 6 000 |
| Achats | 3 000 | 4 500 | 5 000 | 4 000 |
| Total décaissements | 9 000 | 10 500 | 11 000 | 10 000 |
| Solde du mois | 1 000 | 1 500 | -2 000 | 2 000 |
| Trésorerie fin de mois | 6 000 | 7 500 | {closing_march} | {closing_april} |
"""


def plan(
    march: tuple[str, str] = ("7 500", "5 500"), april: tuple[str, str] = ("5 500", "7 500")
) -> str:
    """The plan with March's and April's opening and closing balances."""
    return PLAN.format(
        opening_march=march[0],
        closing_march=march[1],
        opening_april=april[0],
        closing_april=april[1],
    )


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_a_consistent_plan_is_evidence_and_raises_nothing(fmt: str, tmp_path: Path) -> None:
    report = report_of(plan(), tmp_path, fmt)
    assert report.alerts == []
    (evidence,) = report.evidence["cash_flow"]
    assert evidence.quote.startswith("Trésorerie fin de mois | 6 000 | 7 500")
    assert evidence.page == (None if fmt == "md" else 1)
    assert evidence.section == "3.3 Plan de trésorerie"


def test_a_broken_carry_over_is_flagged_with_the_balance_it_leads_to(tmp_path: Path) -> None:
    report = report_of(plan(("8 000", "6 000"), ("6 000", "8 000")), tmp_path, "pdf")
    (alert,) = report.alerts
    assert plain(alert.message) == (
        "Report de trésorerie erroné p. 1 : fin Février 7 500 €, début Mars 8 000 € ; "
        "d'où une trésorerie de fin Avril de 8 000 € au lieu de 7 500 €."
    )
    assert alert.quote.startswith("Trésorerie début de mois | 5 000 | 6 000 | 8 000")
    assert alert.details and (alert.details["expected"], alert.details["found"]) == (7500, 8000)
    assert "cash_flow" not in report.evidence


def test_a_wrong_closing_balance_is_flagged(tmp_path: Path) -> None:
    report = report_of(plan(("7 500", "6 500")), tmp_path, "docx")
    messages = sorted(plain(a.message) for a in report.alerts)
    assert messages == [
        "Plan de trésorerie p. 1, Mars : trésorerie de fin de période 6 500 € annoncée, "
        "5 500 € attendus (début 7 500 € + encaissements 9 000 € − décaissements 11 000 €).",
        "Report de trésorerie erroné p. 1 : fin Mars 6 500 €, début Avril 5 500 €.",
    ]


def test_receipts_and_disbursements_without_total_lines_are_summed(tmp_path: Path) -> None:
    report = report_of(
        """
        # Trésorerie

        | | M1 | M2 | M3 |
        |---|---|---|---|
        | Solde initial | 10 000 | 8 000 | 7 000 |
        | Encaissements | | | |
        | Apport | 5 000 | 0 | 0 |
        | Ventes | 1 000 | 3 000 | 6 000 |
        | Décaissements | | | |
        | Loyer | 2 000 | 2 000 | 2 000 |
        | Matériel | 6 000 | 2 000 | 1 000 |
        | Solde final | 8 000 | 7 000 | 9 000 |
        """,
        tmp_path,
    )
    (alert,) = report.alerts
    assert plain(alert.message).startswith(
        "Plan de trésorerie, M3 : trésorerie de fin de période 9 000 € annoncée, 10 000 € attendus"
    )


def test_a_plan_with_months_as_rows(tmp_path: Path) -> None:
    report = report_of(
        """
        # Trésorerie

        | Mois | Trésorerie début | Encaissements | Décaissements | Trésorerie fin |
        |---|---|---|---|---|
        | Janvier | 2 000 | 4 000 | 3 000 | 3 000 |
        | Février | 3 000 | 4 000 | 5 000 | 2 000 |
        | Mars | 2 000 | 6 000 | 3 000 | 5 000 |
        """,
        tmp_path,
        "odt",
    )
    assert report.alerts == []
    assert report.evidence["cash_flow"]


def test_a_plan_that_only_gives_monthly_net_flows_is_noted(tmp_path: Path) -> None:
    report = report_of(
        """
        # Trésorerie

        | Poste | Janvier | Février |
        |---|---|---|
        | Total encaissements | 4 000 | 5 000 |
        | Total décaissements | 3 000 | 6 000 |
        | Solde | 1 000 | -1 000 |
        """,
        tmp_path,
    )
    assert report.alerts == []
    assert [plain(n) for n in report.unverified] == [
        "Plan de trésorerie non vérifié : le solde indiqué est celui du mois, sans trésorerie "
        "de début ni de fin."
    ]
