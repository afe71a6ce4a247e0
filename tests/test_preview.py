from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assistant.preview import (
    MAX_PIXELS,
    PageTooLargeError,
    excerpt,
    fitted_scale,
    locate,
    quote_boxes,
    render_isolated,
    render_page,
)

PAGE_W, PAGE_H = A4


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """A PDF whose pages hold lines drawn at (x, y-from-top) in points."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        pdf.setFont("Helvetica", 12)
        for x, y, text in lines:
            pdf.drawString(x, PAGE_H - y, text)
        pdf.showPage()
    pdf.save()
    return path


def test_locate_ignores_spacing_case_and_punctuation() -> None:
    text = "Le seuil de rentabilité\nest atteint au 8e mois : « 42 000 € »."
    span = locate(text, "seuil de RENTABILITÉ est atteint au 8e mois 42 000")
    assert span is not None
    assert text[span[0] : span[1]].startswith("seuil")
    assert text[span[0] : span[1]].endswith("42 000")


def test_locate_falls_back_to_the_start_of_a_long_quote() -> None:
    text = "Analyse PESTEL du marché de la cosmétique bio en France, facteurs politiques."
    quote = text + " Et une longue suite que le document ne contient pas du tout."
    span = locate(text, quote)
    assert span is not None and span[0] == 0


def test_locate_returns_none_for_an_absent_quote() -> None:
    assert locate("Rien à voir ici.", "matrice SWOT complète") is None
    assert locate("Texte", "") is None


def test_excerpt_gives_context_around_the_quote() -> None:
    text = "A" * 500 + " La matrice SWOT montre quatre forces. " + "B" * 500
    found = excerpt(text, "matrice SWOT montre", radius=20)
    assert found is not None
    assert found.match == "matrice SWOT montre"
    assert found.before.startswith("… ") and found.before.endswith("La ")
    assert found.after.endswith(" …")


def test_quote_boxes_cover_the_drawn_lines(tmp_path: Path) -> None:
    pdf = _pdf(
        tmp_path / "d.pdf",
        [
            [(72, 100, "Page une, rien ici.")],
            [
                (72, 200, "Le seuil de rentabilite est atteint"),
                (72, 216, "au huitieme mois de l'exploitation."),
                (72, 400, "Autre paragraphe sans rapport."),
            ],
        ],
    )
    boxes = quote_boxes(pdf, 2, "seuil de rentabilite est atteint au huitieme mois")
    assert len(boxes) == 2
    first, second = sorted(boxes, key=lambda b: b.top)
    assert 180 < first.top < 200 < first.bottom + 2
    assert 196 < second.top < 216 < second.bottom + 2
    assert first.x0 > 72  # starts at "seuil", after "Le "
    assert quote_boxes(pdf, 1, "seuil de rentabilite") == []
    assert quote_boxes(pdf, 9, "seuil") == []


def test_render_page_highlights_the_quote(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "d.pdf", [[(72, 300, "Nous avons construit une matrice SWOT.")]])
    plain = render_page(pdf, 1, scale=1.0)
    marked = render_page(pdf, 1, "matrice SWOT", scale=1.0)
    assert marked.found and not plain.found
    assert plain.image.size == marked.image.size
    assert abs(plain.image.width - PAGE_W) <= 1 and abs(plain.image.height - PAGE_H) <= 1
    r, g, b = marked.image.getpixel((marked.image.width - 300, 290))  # type: ignore[misc]  # RGB tuple
    assert (r, g, b) == (255, 255, 255)  # outside the box: untouched
    yellow = [
        marked.image.getpixel((x, 296))
        for x in range(72, 400)
        if marked.image.getpixel((x, 296)) != plain.image.getpixel((x, 296))
    ]
    assert yellow, "the highlight changed no pixel on the quote's line"


def test_render_page_reports_a_missing_quote_and_a_missing_page(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "d.pdf", [[(72, 300, "Texte.")]])
    assert not render_page(pdf, 1, "absent du document", scale=0.5).found
    with pytest.raises(IndexError):
        render_page(pdf, 2, "Texte", scale=0.5)


# --------------------------------------------------------------------------- isolation


def _huge_page_pdf(path: Path, side: float = 10_000.0) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=(side, side))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, side - 72, "Analyse PESTEL du marché des cafés indépendants à Lyon.")
    pdf.save()
    return path


def test_render_isolated_draws_the_page_in_a_child(tmp_path: Path) -> None:
    import psutil

    pdf = _pdf(tmp_path / "dossier.pdf", [[(72, 100, "Notre matrice SWOT montre")]])
    before = psutil.Process().memory_info().rss
    preview = render_isolated(pdf, 1, "matrice SWOT", tmp_path / "page.png")
    assert preview.error is None and preview.found
    assert preview.image is not None and preview.image.read_bytes().startswith(b"\x89PNG")
    assert psutil.Process().memory_info().rss - before < 50 * 1024 * 1024


def test_a_huge_page_gets_a_french_message_instead_of_an_image(tmp_path: Path) -> None:
    import psutil

    pdf = _huge_page_pdf(tmp_path / "immense.pdf")
    before = psutil.Process().memory_info().rss
    started = time.monotonic()
    preview = render_isolated(pdf, 1, "Analyse PESTEL", tmp_path / "page.png")
    assert time.monotonic() - started < 20
    assert preview.image is None and not (tmp_path / "page.png").exists()
    assert preview.error == (
        "La page 1 est trop grande pour être affichée ; ouvrez le dossier dans votre "
        "lecteur PDF pour la consulter."
    )
    assert psutil.Process().memory_info().rss - before < 50 * 1024 * 1024


def test_a_large_page_is_drawn_smaller() -> None:
    assert fitted_scale(595, 842, 1.5, MAX_PIXELS) == 1.5
    assert fitted_scale(2384, 3370, 1.5, MAX_PIXELS) < 1.5  # A0
    with pytest.raises(PageTooLargeError):
        fitted_scale(10_000, 10_000, 1.5, MAX_PIXELS)


def test_render_isolated_refuses_a_missing_page_in_french(tmp_path: Path) -> None:
    preview = render_isolated(
        _pdf(tmp_path / "d.pdf", [[(72, 100, "Texte")]]), 9, None, tmp_path / "p.png"
    )
    assert preview.image is None and preview.error is not None
    assert preview.error.startswith("La page 9 n'a pas pu être affichée")
