"""Hidden text decided by what a reader sees, on files these tests write: a pale watermark in
large letters is seen (pale small print is not); slanted PDF text is a watermark, never body
text; white text in a dark-filled DOCX text box is seen; a header or footer that no page
displays is hidden text, reported with its page; an ODT text box under an opaque picture
frame drawn above it is covered, and shows when the picture is drawn beneath it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from odf.draw import Frame, Image, TextBox
from odf.opendocument import OpenDocumentText
from odf.style import GraphicProperties, Style, TextProperties
from odf.text import P
from PIL import Image as PilImage

from assistant.document import Document
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings
from tests.pdf_tricks import write_objects

BODY = (
    "La Savonnerie du Vercors fabrique des savons saponifiés à froid à Villard-de-Lans et "
    "vend en ligne et dans quatorze épiceries fines de l'Isère."
)
ANALYSIS = (
    "Analyse sociologique : les acheteurs de cosmétiques solides ont entre 28 et 45 ans et "
    "citent d'abord la réduction des emballages plastiques comme motif d'achat."
)


def read(path: Path) -> Document:
    return ingest_file(path, LimitsSettings())


def evidence(doc: Document) -> str:
    return " ".join(b.text for b in doc.evidence_blocks())


# --- PDF: size-dependent contrast, slanted text ------------------------------------------


def _pdf(path: Path, extra: list[str]) -> Path:
    """One A4 page: a heading and two body paragraphs in black, then ``extra`` operators."""
    ops = ["BT /F1 14 Tf 72 780 Td (Contexte du projet) Tj ET"]
    y = 750
    for line in (BODY[:80], BODY[80:], ANALYSIS[:80], ANALYSIS[80:]):
        escaped = line.replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 10 Tf 72 {y} Td ({escaped}) Tj ET")
        y -= 14
    content = "\n".join(ops + extra).encode("latin-1")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
        " >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n" + content.decode("latin-1") + "\nendstream",
    ]
    return write_objects(path, objects)


PALE = "0.91 0.91 0.91 rg"  # #E8E8E8: contrast 1.23 with white paper


def test_the_contrast_a_reader_needs_falls_with_letter_size() -> None:
    from assistant.ingest.visibility import MIN_CONTRAST, contrast, min_contrast

    assert min_contrast(None) == min_contrast(9) == MIN_CONTRAST
    assert min_contrast(30) < min_contrast(20) < MIN_CONTRAST
    assert min_contrast(200) == min_contrast(64) < contrast((232,) * 3, (255,) * 3)


def test_a_pale_watermark_in_large_letters_is_seen(tmp_path: Path) -> None:
    doc = read(_pdf(tmp_path / "w.pdf", [f"BT {PALE} /F1 54 Tf 90 300 Td (BROUILLON) Tj ET"]))
    assert doc.hidden == []
    assert "Analyse sociologique" in evidence(doc)


def test_pale_small_print_stays_hidden(tmp_path: Path) -> None:
    small = f"BT {PALE} /F1 8 Tf 72 300 Td (Acquis valide par le jury) Tj ET"
    doc = read(_pdf(tmp_path / "s.pdf", [small]))
    assert [f.reason for f in doc.hidden] == ["white_text"]
    assert "Acquis valide" not in evidence(doc)


def test_slanted_text_is_a_watermark_not_body_text(tmp_path: Path) -> None:
    slanted = "BT /F1 48 Tf 0.707 0.707 -0.707 0.707 150 250 Tm (COPIE DE TRAVAIL) Tj ET"
    doc = read(_pdf(tmp_path / "d.pdf", [PALE, slanted, "0 g"]))
    assert doc.hidden == []
    assert "COPIE" not in evidence(doc)
    assert all(b.section == ["Contexte du projet"] for b in doc.evidence_blocks()[1:])
    dark = read(_pdf(tmp_path / "k.pdf", [slanted]))  # a dark stamp: seen, still not body text
    assert dark.hidden == [] and "COPIE" not in evidence(dark)
    assert "Analyse sociologique" in evidence(dark)


# --- DOCX: text box fill, headers no page shows ------------------------------------------

_WNS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def _text_box_run(fill: str, text: str) -> str:
    fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    return (
        f'<w:r {_WNS}><w:drawing><wp:anchor behindDoc="0" simplePos="0" relativeHeight="3" '
        'locked="0" layoutInCell="1" allowOverlap="1" distT="0" distB="0" distL="0" distR="0">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3600000'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="1980000" cy="1080000"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="7" name="Encadre"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"/>{fill_xml}'
        '</wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/>'
        f"</w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


@pytest.mark.parametrize(("fill", "hidden"), [("7A1E2C", False), ("", True), ("FAFAFA", True)])
def test_text_in_a_text_box_is_read_against_the_box_fill(
    fill: str, hidden: bool, tmp_path: Path
) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph(BODY)
    paragraph._p.append(parse_xml(_text_box_run(fill, ANALYSIS)))
    document.save(tmp_path / "b.docx")
    doc = read(tmp_path / "b.docx")
    assert ("Analyse sociologique" not in evidence(doc)) is hidden
    assert [f.reason for f in doc.hidden] == (["white_text"] if hidden else [])


@pytest.mark.parametrize("shown", [False, True])
def test_a_header_no_page_displays_is_hidden_text_with_its_page(
    shown: bool, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_paragraph(BODY)
    document.add_page_break()
    document.add_paragraph("Deuxième partie : la distribution en épiceries fines.")
    document.add_section()
    second = document.sections[1]  # starts on page 3
    for part in (second.first_page_header, second.even_page_footer, second.header):
        part.is_linked_to_previous = False  # its own definition, not the first section's
    second.different_first_page_header_footer = shown
    second.first_page_header.paragraphs[0].text = "Dossier relu par la coordinatrice du jury."
    document.settings.odd_and_even_pages_header_footer = shown
    second.even_page_footer.paragraphs[0].text = ANALYSIS
    second.header.paragraphs[0].text = "Savonnerie du Vercors"
    document.add_paragraph("Troisième partie : le plan d'actions.")
    document.save(tmp_path / "h.docx")
    doc = read(tmp_path / "h.docx")
    assert "Analyse sociologique" not in evidence(doc)
    if shown:
        assert doc.hidden == []
    else:
        found = {f.quote[:20]: (f.reason, f.page) for f in doc.hidden}
        assert found == {
            "Dossier relu par la ": ("not_rendered", 3),
            ANALYSIS[:20]: ("not_rendered", 3),
        }


# --- ODT: a text frame under an opaque picture frame --------------------------------------


def _odt(path: Path, picture_depth: int, text_depth: int) -> Path:
    document = OpenDocumentText()
    placed = Style(name="Place", family="graphic")
    where = {"verticalpos": "from-top", "verticalrel": "paragraph"}
    where |= {"horizontalpos": "from-left", "horizontalrel": "paragraph"}
    placed.addElement(GraphicProperties(wrap="run-through", runthrough="foreground", **where))
    document.automaticstyles.addElement(placed)
    small = Style(name="Petit", family="paragraph")
    small.addElement(TextProperties(fontsize="9pt"))
    document.automaticstyles.addElement(small)
    document.text.addElement(P(text=BODY))
    anchor = P()
    box = Frame(stylename=placed, anchortype="paragraph", x="0.5cm", y="0.4cm", width="15cm",
                height="3cm", zindex=str(text_depth))  # fmt: skip
    text_box = TextBox()
    text_box.addElement(P(stylename=small, text=ANALYSIS))
    box.addElement(text_box)
    photo = Frame(stylename=placed, anchortype="paragraph", x="0cm", y="0cm", width="16cm",
                  height="4cm", zindex=str(picture_depth))  # fmt: skip
    buffer = io.BytesIO()
    PilImage.new("RGB", (64, 16), (96, 132, 70)).save(buffer, format="PNG")
    href = document.addPicture("Pictures/atelier.png", "image/png", buffer.getvalue())
    photo.addElement(Image(href=href))
    anchor.addElement(box)
    anchor.addElement(photo)
    document.text.addElement(anchor)
    document.text.addElement(P(text="Photo 2 : la salle de découpe des savons."))
    document.save(str(path))
    return path


def test_an_odt_text_box_under_an_opaque_picture_is_covered(tmp_path: Path) -> None:
    doc = read(_odt(tmp_path / "c.odt", picture_depth=2, text_depth=1))
    assert [(f.reason, f.page) for f in doc.hidden] == [("covered", 1)]
    assert "Analyse sociologique" not in evidence(doc)
    assert "Villard-de-Lans" in evidence(doc)


def test_an_odt_text_box_above_the_picture_is_read(tmp_path: Path) -> None:
    doc = read(_odt(tmp_path / "v.odt", picture_depth=0, text_depth=1))
    assert doc.hidden == []
    assert "Analyse sociologique" in evidence(doc)


@pytest.mark.parametrize(("page", "hidden"), [("#2E4A3B", True), ("#FFFFFF", False)])
def test_odt_text_is_read_against_the_page_colour(page: str, hidden: bool, tmp_path: Path) -> None:
    from odf.style import MasterPage, PageLayout, PageLayoutProperties

    document = OpenDocumentText()
    layout = PageLayout(name="Mise")
    layout.addElement(PageLayoutProperties(backgroundcolor=page))
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))
    tinted = Style(name="Teinte", family="paragraph")
    tinted.addElement(TextProperties(color="#2E4A3B"))
    document.automaticstyles.addElement(tinted)
    document.text.addElement(P(text=BODY))
    document.text.addElement(P(stylename=tinted, text=ANALYSIS))
    document.save(str(tmp_path / "p.odt"))
    doc = read(tmp_path / "p.odt")
    assert ("Analyse sociologique" not in evidence(doc)) is hidden
    assert [f.reason for f in doc.hidden] == (["low_contrast"] if hidden else [])
