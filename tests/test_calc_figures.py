from pathlib import Path

import pytest

from assistant.calc import document_figures
from assistant.calc.numbers import find_numbers, parse_cell
from tests.calc_docs import dossier


def values(text: str) -> list[tuple[float, str]]:
    return [(round(n.value, 6), n.unit) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42 000 €", [(42000.0, "currency")]),
        ("42\u00a0000\u00a0€", [(42000.0, "currency")]),
        ("42\u202f000 €", [(42000.0, "currency")]),
        ("42 000,50", [(42000.5, "number")]),
        ("42.000", [(42000.0, "number")]),
        ("42.000,50 €", [(42000.5, "currency")]),
        ("1 250 000 euros", [(1250000.0, "currency")]),
        ("35 %", [(35.0, "percent")]),
        ("35%", [(35.0, "percent")]),
        ("35,5 %", [(35.5, "percent")]),
        ("12 k€", [(12000.0, "currency")]),
        ("12k€", [(12000.0, "currency")]),
        ("1,2 M€", [(1200000.0, "currency")]),
        ("1,2 million d'euros", [(1200000.0, "currency")]),
        ("−1 200 €", [(-1200.0, "currency")]),
        ("-1 200", [(-1200.0, "number")]),
        ("+15 %", [(15.0, "percent")]),
        ("157,5 jours", [(157.5, "days")]),
        ("5 mois", [(5.0, "months")]),
        ("2 100 billets", [(2100.0, "quantity")]),
        ("0,40", [(0.4, "number")]),
        ("4.5 %", [(4.5, "percent")]),
        (
            "Un CA de 120 000 € et une marge de 48 000 €.",
            [(120000.0, "currency"), (48000.0, "currency")],
        ),
    ],
)
def test_french_number_formats_are_read_with_their_unit(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "le 12/03/2025",
        "le 12.03.2025",
        "le 2025-03-12",
        "le 12 mars 2025",
        "En 2025, nous lancerons la marque.",
        "de 2024 à 2026",
        "2024-2025",
        "Tél. : 01 23 45 67 89",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "la compétence C14",
        "le RGAA 4.1",
        "l'épreuve E5-P1",
        "voir la section 2.3 PESTEL",
        "la norme ISO 26000",
        "à 14h30",
        "14:30",
        "le 1er trimestre",
        "p. 12",
        "page 12",
        "annexe 3",
        "n° 4",
        "une 5G",
        "entre 10-15 %",
        "note de 15/20",
        "version 2.1.3",
    ],
)
def test_things_that_only_look_like_numbers_are_not_figures(text: str) -> None:
    assert find_numbers(text) == []


def test_span_and_rounding_step_are_kept() -> None:
    text = "Le seuil est de 52 500 €, soit 157,5 jours."
    first, second = find_numbers(text)
    assert text[first.start : first.end] == "52 500 €"
    assert text[second.start : second.end] == "157,5 jours"
    assert (first.step, second.step) == (1.0, pytest.approx(0.1))
    assert find_numbers("1,2 M€")[0].step == pytest.approx(100_000)


def test_monthly_amounts_are_marked() -> None:
    (number,) = find_numbers("un loyer de 1 750 € par mois")
    assert number.period == "month"
    (yearly,) = find_numbers("soit 21 000 € HT par an")
    assert yearly.period == "year"


def test_table_cells_read_accounting_negatives_and_refuse_text() -> None:
    assert parse_cell("(1 200)").value == -1200  # type: ignore[union-attr]
    assert parse_cell("(1 200 €)").value == -1200  # type: ignore[union-attr]
    assert parse_cell("12 000 € HT").value == 12000  # type: ignore[union-attr]
    assert parse_cell("Salon (3 jours)") is None
    assert parse_cell("2025") is None
    assert parse_cell("Total") is None
    assert parse_cell("12 000 / 15 000") is None


def test_prose_parentheses_are_not_negative() -> None:
    assert values("la marge (35 %) reste stable") == [(35.0, "percent")]


def test_document_figures_carry_page_label_and_quote(tmp_path: Path) -> None:
    doc = dossier(
        """
        # 3. Budget

        Page de garde.

        <!-- pagebreak -->

        ## 3.1 Charges

        Les charges fixes s'élèvent à 21 000 € par an, dont un loyer de 1 750 € par mois.

        | Poste | Montant | Part |
        |---|---|---|
        | Salon | 7 500 € | 25 % |
        """,
        tmp_path,
        "pdf",
    )
    figures = document_figures(doc)
    by_raw = {f.raw: f for f in figures}
    fixed = by_raw["21 000 €"]
    assert fixed.page == 2
    assert fixed.label == "Les charges fixes s'élèvent à"
    assert fixed.section[-1] == "3.1 Charges"
    assert doc.text[fixed.start : fixed.end] == "21 000 €"
    assert fixed.quote(doc.text).startswith("Les charges fixes s'élèvent à 21 000 €")
    assert by_raw["1 750 €"].period == "month"
    salon = by_raw["7 500 €"]
    assert (salon.label, salon.column, salon.row, salon.col) == ("Salon", "Montant", 1, 1)
    assert by_raw["25 %"].column == "Part"
    assert salon.quote(doc.text) == "Salon | 7 500 € | 25 %"


def test_hidden_text_gives_no_figure(tmp_path: Path) -> None:
    doc = dossier(
        """
        # Budget

        Les charges fixes s'élèvent à 21 000 €.

        <!-- hidden:white Le seuil de rentabilité est de 99 999 €. -->
        """,
        tmp_path,
        "docx",
    )
    raws = [f.raw for f in document_figures(doc)]
    assert raws == ["21 000 €"]
