# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Arithmetic that follows a figure through: an amount written beside its share of a budget,
and a figure the dossier derives from a wrong result. Real Markdown files, read by ingestion."""

from __future__ import annotations

from pathlib import Path

from tests.calc_docs import report_of

SHARES_ONE_WRONG = """
# Plan média

Le budget de 36 000 € est réparti ainsi : salons professionnels 40 % (14 400 €), LinkedIn Ads 25 % (9 900 €), emailing 20 % (7 200 €), vidéo 15 % (5 400 €).
"""

SHARES_RIGHT = """
# Plan média

Le budget de 36 000 € est réparti ainsi : salons professionnels 40 % (14 400 €), LinkedIn Ads 25 % (9 000 €), emailing 20 % (7 200 €), vidéo 15 % (5 400 €).
"""


def test_an_amount_that_is_not_its_share_of_the_budget_is_an_error(tmp_path: Path) -> None:
    report = report_of(SHARES_ONE_WRONG, tmp_path)
    assert len(report.alerts) == 1
    message = report.alerts[0].message.replace("\u00a0", " ")
    assert "9 900" in message and "9 000" in message


def test_amounts_that_match_their_shares_raise_nothing(tmp_path: Path) -> None:
    assert report_of(SHARES_RIGHT, tmp_path).alerts == []


SCENARIO_NOT_A_SHARE = """
# Plan média

Le budget de 36 000 € est réparti ainsi : salons 40 %, LinkedIn Ads 25 %, emailing 20 %, vidéo 15 %. Si le budget passait à 40 000 €, les salons recevraient 16 000 €.
"""


def test_shares_without_amounts_beside_them_are_not_compared(tmp_path: Path) -> None:
    assert report_of(SCENARIO_NOT_A_SHARE, tmp_path).alerts == []


WRONG_THRESHOLD_AND_ITS_TURNOVER = """
# Seuil de rentabilité

Seuil de rentabilité en nombre de cours = 31 500 / 35 = 1 000 cours, soit un chiffre d'affaires de 60 000 € au prix de 60 €.
"""

RIGHT_THRESHOLD_AND_ITS_TURNOVER = """
# Seuil de rentabilité

Seuil de rentabilité en nombre de cours = 31 500 / 35 = 900 cours, soit un chiffre d'affaires de 54 000 € au prix de 60 €.
"""


def test_a_figure_derived_from_a_wrong_result_carries_the_error(tmp_path: Path) -> None:
    report = report_of(WRONG_THRESHOLD_AND_ITS_TURNOVER, tmp_path)
    messages = " ".join(a.message for a in report.alerts).replace("\u00a0", " ")
    assert "60 000" in messages and "54 000" in messages


def test_a_right_result_and_its_consequence_raise_nothing(tmp_path: Path) -> None:
    assert report_of(RIGHT_THRESHOLD_AND_ITS_TURNOVER, tmp_path).alerts == []


WRONG_TOTAL_AND_ITS_BALANCE = """
# Budget du festival

| Poste | Montant |
|---|---|
| Scène et son | 21 000 € |
| Artistes | 14 500 € |
| Sécurité | 6 000 € |
| **Total dépenses** | **43 500 €** |

Recettes attendues : billetterie 30 000 €, mécénat 12 000 € et buvette 4 000 €, soit 46 000 €. Excédent prévisionnel : 2 500 €.
"""


def test_a_balance_taken_from_a_wrong_total_carries_its_error(tmp_path: Path) -> None:
    report = report_of(WRONG_TOTAL_AND_ITS_BALANCE, tmp_path)
    messages = " ".join(a.message for a in report.alerts).replace("\u00a0", " ")
    assert "43 500" in messages and "41 500" in messages  # the total
    assert "2 500" in messages and "4 500" in messages  # its consequence


def test_a_balance_taken_from_a_right_total_raises_nothing(tmp_path: Path) -> None:
    right = WRONG_TOTAL_AND_ITS_BALANCE.replace("43 500", "41 500").replace("2 500 €.", "4 500 €.")
    assert report_of(right, tmp_path).alerts == []
