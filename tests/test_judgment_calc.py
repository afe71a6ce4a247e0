# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Arithmetic checks raise no false alarm on correct figures laid out the way students lay
them out: variance columns with en-dash signs, columns of rates or costs per unit, a total of
outflows under the opening balance, a price scenario beside the base case. Real files read
back by the real ingestion; each dossier also carries a real error that must still be found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

VARIANCE = """
# Suivi du budget du salon

| Poste | Prévu | Réalisé | Écart | Écart % |
|---|---|---|---|---|
| Stand | 12 000 € | 12 600 € | +600 € | +5 % |
| Traiteur | 4 000 € | 3 400 € | –600 € | –15 % |
| Goodies | 2 500 € | 2 750 € | +250 € | +10 % |
| Total | 18 500 € | 18 750 € | +250 € | +1,4 % |
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_variance_column_with_en_dash_signs_is_no_error(tmp_path: Path, fmt: str) -> None:
    assert report_of(VARIANCE, tmp_path, fmt).alerts == []


PER_UNIT = """
# Résultats des campagnes

| Canal | Budget | Leads | Coût par lead | ROI |
|---|---|---|---|---|
| Google Ads | 3 000 € | 120 | 25 € | 3,1 |
| Salon | 5 000 € | 100 | 50 € | 1,8 |
| Total | 8 000 € | 220 | 36 € | 2,3 |
"""


def test_rates_and_costs_per_unit_are_not_added_up(tmp_path: Path) -> None:
    assert report_of(PER_UNIT, tmp_path).alerts == []


OUTFLOWS = """
# Plan de trésorerie

| | Janv. | Févr. |
|---|---|---|
| Trésorerie début de mois | 20 000 | 15 500 |
| Encaissements clients | 8 000 | 12 000 |
| Loyer | 2 500 | 2 500 |
| Salaires | 6 000 | 6 000 |
| Achats | 4 000 | 5 000 |
| Total dépenses | 12 500 | 13 500 |
| Trésorerie fin de mois | 15 500 | 14 000 |

| Poste | Montant |
|---|---|
| Affiches | 1 200 € |
| Radio | 2 300 € |
| Total | 3 700 € |
"""


def test_a_total_of_outflows_under_the_receipts_is_checked_on_its_own_rows(
    tmp_path: Path,
) -> None:
    alerts = report_of(OUTFLOWS, tmp_path).alerts
    assert [plain(a.quote) for a in alerts] == ["Total | 3 700 €"]  # the real error stays


SCENARIO = """
# Seuil de rentabilité

Marge sur coût variable par menu = 12,00 – 3,00 = 9,00 €, soit un taux de marge sur coût variable de 75 %.

Chiffre d'affaires prévisionnel = 5 000 × 12 = 60 000 €. Seuil de rentabilité = 36 000 / 0,75 = 48 000 €.

Si le prix baissait à 11 € pour suivre le food-truck voisin, la marge sur coût variable tomberait à 8,00 € et le seuil passerait à 36 000 / 8 = 4 500 menus.
"""


def test_a_price_scenario_is_not_mixed_with_the_base_case(tmp_path: Path) -> None:
    assert report_of(SCENARIO, tmp_path).alerts == []
