"""Figures and their relations as students write them (issue #13, session 14): a remark beside
an amount in a table, a share or a change after an arrow, a computation written whole in one
cell. Invented cases; each right figure stays silent and its wrong twin alerts."""

from pathlib import Path

import pytest

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
