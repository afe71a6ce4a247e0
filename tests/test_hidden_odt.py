"""Hidden ODT text by the same rule as DOCX: colour against the span's or paragraph's
background, size, horizontal scale, through parent styles; readable look-alikes stay text."""

from __future__ import annotations

from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import P, Span

from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings

BODY = "Herbéa fabrique des soins cosmétiques bio à Lyon depuis 2012."
SECRET = "Légal : la loi AGEC impose de supprimer les emballages plastiques d'ici 2040."

# text properties of the span, paragraph properties of its paragraph
HIDING = {
    "near_white": ({"color": "#f6f6f6"}, {}),
    "grey_on_grey_span": ({"color": "#808080", "backgroundcolor": "#7a7a7a"}, {}),
    "dark_on_dark_paragraph": ({"color": "#101010"}, {"backgroundcolor": "#000000"}),
    "two_percent_width": ({"textscale": "2%"}, {}),
    "three_point_font": ({"fontsize": "3pt"}, {}),
}
READABLE = {
    "white_on_navy": ({"color": "#ffffff", "backgroundcolor": "#1f3864"}, {}),
    "grey_text": ({"color": "#767676"}, {}),
    "condensed": ({"textscale": "85%"}, {}),
}


def build(path: Path, text_props: dict[str, str], para_props: dict[str, str]) -> Path:
    document = OpenDocumentText()
    base = Style(name="Discret", family="text")
    base.addElement(TextProperties(**text_props))
    child = Style(name="DiscretEnfant", family="text", parentstylename="Discret")
    document.styles.addElement(base)
    document.styles.addElement(child)
    paragraph_style = Style(name="Fond", family="paragraph")
    if para_props:
        paragraph_style.addElement(ParagraphProperties(**para_props))
    document.automaticstyles.addElement(paragraph_style)
    document.text.addElement(P(text=BODY))
    paragraph = P(stylename=paragraph_style)
    paragraph.addElement(Span(stylename=child, text=SECRET))  # inherits from its parent
    document.text.addElement(paragraph)
    document.save(str(path))
    return path


@pytest.mark.parametrize("case", sorted(HIDING))
def test_each_odt_trick_is_hidden(case: str, tmp_path: Path) -> None:
    doc = ingest_file(build(tmp_path / "d.odt", *HIDING[case]), LimitsSettings())
    assert [f.quote for f in doc.hidden] == [SECRET]
    assert " ".join(b.text for b in doc.evidence_blocks()) == BODY


@pytest.mark.parametrize("case", sorted(READABLE))
def test_readable_odt_formatting_stays_text(case: str, tmp_path: Path) -> None:
    doc = ingest_file(build(tmp_path / "d.odt", *READABLE[case]), LimitsSettings())
    assert doc.hidden == []
    assert SECRET in " ".join(b.text for b in doc.evidence_blocks())


def cell_document(path: Path, text_colour: str, cell_fill: str | None) -> Path:
    """A one-row table whose cell (filled with ``cell_fill``, if any) holds SECRET in
    ``text_colour``."""
    from odf.style import TableCellProperties
    from odf.table import Table, TableCell, TableColumn, TableRow

    document = OpenDocumentText()
    letters = Style(name="EnTete", family="paragraph")
    letters.addElement(TextProperties(color=text_colour))
    document.styles.addElement(letters)
    cell_style = Style(name="Case", family="table-cell")
    if cell_fill:
        cell_style.addElement(TableCellProperties(backgroundcolor=cell_fill))
    document.automaticstyles.addElement(cell_style)
    document.text.addElement(P(text=BODY))
    table = Table(name="T")
    table.addElement(TableColumn())
    row = TableRow()
    cell = TableCell(stylename=cell_style)
    cell.addElement(P(stylename=letters, text=SECRET))
    row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.save(str(path))
    return path


def test_letters_are_judged_against_the_fill_of_their_table_cell(tmp_path: Path) -> None:
    on_teal = ingest_file(cell_document(tmp_path / "a.odt", "#ffffff", "#1b6f8a"), LimitsSettings())
    assert on_teal.hidden == []
    assert SECRET in " ".join(b.text for b in on_teal.evidence_blocks())
    on_paper = ingest_file(cell_document(tmp_path / "b.odt", "#ffffff", None), LimitsSettings())
    assert [f.quote for f in on_paper.hidden] == [SECRET]
    same_tint = ingest_file(
        cell_document(tmp_path / "c.odt", "#dcd2c4", "#ddd3c5"), LimitsSettings()
    )
    assert [f.quote for f in same_tint.hidden] == [SECRET]


def field_document(path: Path, xml_inside: str, declarations: str = "") -> Path:
    """BODY, then a paragraph holding ``xml_inside`` (ODF text markup) after SECRET; user
    field ``declarations`` go before the text."""
    import zipfile

    document = OpenDocumentText()
    document.text.addElement(P(text=BODY))
    document.text.addElement(P(text="@@MARK@@"))
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    content = parts["content.xml"].decode()
    content = content.replace("<text:p>@@MARK@@</text:p>", f"<text:p>{SECRET}{xml_inside}</text:p>")
    if declarations:
        content = content.replace("<office:text>", f"<office:text>{declarations}", 1)
    parts["content.xml"] = content.encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_a_paragraph_a_true_hidden_paragraph_field_hides_is_reported(tmp_path: Path) -> None:
    shut = '<text:hidden-paragraph text:condition="ooow:2&gt;1" text:is-hidden="true"/>'
    doc = ingest_file(field_document(tmp_path / "a.odt", shut), LimitsSettings())
    assert [f.quote for f in doc.hidden] == [SECRET]
    assert " ".join(b.text for b in doc.evidence_blocks()) == BODY
    shown = '<text:hidden-paragraph text:condition="ooow:1&gt;2" text:is-hidden="false"/>'
    doc = ingest_file(field_document(tmp_path / "b.odt", shown), LimitsSettings())
    assert doc.hidden == []
    assert SECRET in " ".join(b.text for b in doc.evidence_blocks())


def test_a_user_field_value_no_page_shows_is_reported(tmp_path: Path) -> None:
    value = "Compte de résultat prévisionnel sur trois ans avec seuil de rentabilité"
    declared = (
        '<text:user-field-decls><text:user-field-decl office:value-type="string" '
        f'office:string-value="{value}" text:name="Annexe"/>'
        '<text:user-field-decl office:value-type="float" office:value="3" text:name="N"/>'
        "</text:user-field-decls>"
    )
    unused = ingest_file(field_document(tmp_path / "a.odt", "", declared), LimitsSettings())
    assert [f.quote for f in unused.hidden] == [value]
    assert value not in " ".join(b.text for b in unused.evidence_blocks())
    shown = f' <text:user-field-get text:name="Annexe">{value}</text:user-field-get>'
    used = ingest_file(field_document(tmp_path / "b.odt", shown, declared), LimitsSettings())
    assert used.hidden == []
    assert value in " ".join(b.text for b in used.evidence_blocks())
