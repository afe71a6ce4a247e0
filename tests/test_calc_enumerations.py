# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Totals that close an enumeration of amounts in a sentence ("..., soit 21 300 €"): the sum
is redone; steps of a price, amounts per person and quantities times prices are left alone.
Real DOCX and PDF files made by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

WRONG = """
# Budget du salon

Les dépenses prévues couvrent le stand (6 400 €), le transport des maquettes (1 850 €), l'hébergement de l'équipe (2 300 €) et les goodies (950 €), soit 12 500 € au total.
"""

RIGHT = """
# Budget du salon

Les dépenses prévues couvrent le stand (6 400 €), le transport des maquettes (1 850 €), l'hébergement de l'équipe (2 300 €) et les goodies (950 €), soit 11 500 € au total.
"""

NOT_SUMS = """
# Prix et billetterie

Le billet est passé de 18 € à 15 €, puis à 12 €, soit 6 € de moins pour les étudiants.

Les 300 places à 12 €, les 120 places à 18 € et les 40 loges à 45 €, soit 7 560 € de recettes attendues.
"""


LIST = """
# Coût d'une lampe

Coûts unitaires :

- abat-jour en lin 7,80 €
- pied en chêne 11,20 €
- douille et câble 3,40 €
- montage 5,00 €
- {closing}
"""


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_wrong_total_of_an_enumeration_is_flagged(fmt: str, tmp_path: Path) -> None:
    report = report_of(WRONG, tmp_path, fmt)
    (alert,) = report.alerts
    assert plain(alert.message).startswith("Total erroné")
    assert "12 500 € annoncés, 11 500 € attendus" in plain(alert.message)
    assert "12 500 €" in alert.quote


def test_a_right_total_of_an_enumeration_is_verified(tmp_path: Path) -> None:
    report = report_of(RIGHT, tmp_path)
    assert report.alerts == []
    assert [c.status for c in report.checks if c.kind == "total"] == ["ok"]


def test_price_steps_and_quantities_are_no_enumeration(tmp_path: Path) -> None:
    report = report_of(NOT_SUMS, tmp_path)
    assert report.alerts == []
    assert not [c for c in report.checks if c.kind == "total"]


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_list_of_amounts_closed_by_a_wrong_total_is_flagged(fmt: str, tmp_path: Path) -> None:
    wrong = report_of(LIST.format(closing="→ coût de revient = 26,40 €"), tmp_path, fmt)
    (alert,) = wrong.alerts
    assert "26,4 € annoncés, 27,4 € attendus" in plain(alert.message)
    right = report_of(LIST.format(closing="→ coût de revient = 27,40 €"), tmp_path, fmt)
    assert right.alerts == []
    assert [c.status for c in right.checks if c.kind == "total"] == ["ok"]


def test_a_list_closed_by_a_price_is_no_total(tmp_path: Path) -> None:
    report = report_of(LIST.format(closing="→ prix de vente conseillé 59 €"), tmp_path)
    assert report.alerts == []
    assert not [c for c in report.checks if c.kind == "total"]
