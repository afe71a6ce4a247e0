"""Figures written the way students write them (issue #13): a threshold divided by the price
and never named, a margin « par client », shares of a budget listed in one sentence, whole
percentages rounded to 99 or 101 %, and a forecast summed from quarters that happens to
contain the wrong figure's value; each right figure stays silent, each slip is one alert."""

from pathlib import Path

import pytest

from tests.calc_docs import plain, report_of

THRESHOLD_NEVER_NAMED = """
# 2. Combien de clients faut-il ?

La formule annuelle est vendue 30,00 € HT. Les ingrédients, l'emballage et la livraison
reviennent à 10,00 + 4,50 + 3,50 = 18,00 € HT, et la marge sur coût variable est de
30,00 − 18,00 = 12,00 € par client.

Le lancement coûte 4 800 € de communication et 2 400 € de logiciel, soit des coûts fixes de
4 800 + 2 400 = 7 200 € HT.

Pour savoir combien de formules vendre, j'ai divisé les coûts fixes par le prix de la formule :
7 200 / 30 = 240 clients.

Nous visons 150 clients au premier trimestre puis 200, 240 et 260, soit 150 + 200 + 240 + 260
= 850 clients et un chiffre d'affaires de 850 × 30 = 25 500 € HT.
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_count_from_the_fixed_costs_over_the_price_is_redone_with_the_unit_margin(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(THRESHOLD_NEVER_NAMED, tmp_path, fmt)
    (alert,) = report.alerts
    message = plain(alert.message)
    assert message.startswith("Seuil de rentabilité en quantité erroné")
    assert "240 unités annoncés, 600 unités attendus" in message
    assert "marge unitaire 12 €" in message
    assert "d'où" not in message  # the forecast's quarters are not the threshold


def test_a_count_from_the_fixed_costs_over_the_unit_margin_is_right(tmp_path: Path) -> None:
    right = THRESHOLD_NEVER_NAMED.replace(
        "par le prix de la formule :\n7 200 / 30 = 240",
        "par la marge par client :\n7 200 / 12 = 600",
    )
    assert right != THRESHOLD_NEVER_NAMED
    assert report_of(right, tmp_path).alerts == []


SHARES_IN_ONE_SENTENCE = """
# Budget de la campagne

| Poste | Montant HT |
|---|---:|
| Affichage | 3 000 € |
| Réseaux sociaux | 2 400 € |
| Radio locale | 1 800 € |
| Dégustations | 1 200 € |
| Goodies | 600 € |
| **Total** | **9 000 €** |

L'affichage prend 33 % du budget, les réseaux sociaux 27 %, la radio 25 %, les dégustations
13 % et les goodies 7 %.
"""


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_shares_of_a_budget_listed_in_one_sentence_must_make_the_whole(
    fmt: str, tmp_path: Path
) -> None:
    report = report_of(SHARES_IN_ONE_SENTENCE, tmp_path, fmt)
    (alert,) = report.alerts
    assert "les parts totalisent 105 % au lieu de 100 %" in plain(alert.message)


@pytest.mark.parametrize(
    ("shares", "why"),
    [
        (
            "33 % du budget, les réseaux sociaux 27 %, la radio 20 %, les dégustations 13 % et "
            "les goodies 7 %",
            "right",
        ),
        (
            "33 % du budget, les réseaux sociaux 27 %, la radio 20 %, les dégustations 14 % et "
            "les goodies 7 %",
            "whole points rounded: 101 %",
        ),
        ("33 % du budget et les réseaux sociaux 27 %, la radio 20", "two shares are not a split"),
    ],
)
def test_shares_that_make_the_whole_or_are_not_a_split_are_silent(
    shares: str, why: str, tmp_path: Path
) -> None:
    text = SHARES_IN_ONE_SENTENCE.replace(
        "33 % du budget, les réseaux sociaux 27 %, la radio 25 %, les dégustations\n13 % et "
        "les goodies 7 %",
        shares,
    )
    assert text != SHARES_IN_ONE_SENTENCE
    assert report_of(text, tmp_path).alerts == [], why


TEAM_HOURS = """
# Organisation de l'équipe

| Membre | Rôle | Part du temps projet |
|---|---|---:|
| Inès | cheffe de projet | 31 % |
| Hugo | graphiste | 22 % |
| Maëlle | rédactrice | 22 % |
| Tom | développeur | 14 % |
| Lina | community manager | 12 % |
| **Total** | | **101 %** |
"""


def test_whole_percentages_rounded_to_101_are_no_error_but_a_wrong_split_is(
    tmp_path: Path,
) -> None:
    assert report_of(TEAM_HOURS, tmp_path).alerts == []
    wrong = TEAM_HOURS.replace("| 14 % |", "| 17 % |").replace("**101 %**", "**104 %**")
    (alert,) = report_of(wrong, tmp_path).alerts
    assert "les parts totalisent 104 % au lieu de 100 %" in plain(alert.message)
