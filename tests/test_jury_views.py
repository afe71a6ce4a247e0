"""The jury's HTML fragments: dossier text is escaped, the table sorts and opens rows."""

from __future__ import annotations

from assistant.jury.batch import BatchRow, fit_warning
from assistant.ui.jury_views import SORT_AND_OPEN_JS, batch_html


def row(name: str) -> BatchRow:
    return BatchRow(
        sha256="ab" * 32,
        filename=name,
        epreuve="E1",
        coverage=42,
        at_risk="C2",
        alerts="injection ×1",
        fit="",
        shared=1,
        decided="3/12",
        signed="",
    )


def test_file_names_are_escaped_and_rows_open_the_dossier() -> None:
    html = batch_html([row('<img src=x onerror="alert(1)">.pdf')])
    assert "<img" not in html and "&lt;img" in html
    assert f'data-sha="{"ab" * 32}"' in html and 'tabindex="0"' in html
    assert html.count('aria-sort="none"') == 9 and html.count('class="dr-sort"') == 9
    assert 'data-sort="42"' in html  # numbers sort as numbers
    assert "trigger('open_row'" in SORT_AND_OPEN_JS
    assert batch_html([]).startswith('<p class="dr-hint">')


def test_fit_warning_names_the_better_epreuve() -> None:
    assert fit_warning({"E1": 0.25, "E3": 0.93}, "E1") == (
        "⚠ correspond mieux à E3 (93 % contre 25 %)"
    )
    assert fit_warning({"E1": 0.8, "E3": 0.7}, "E1") == ""
    assert fit_warning({}, "E1") == ""
