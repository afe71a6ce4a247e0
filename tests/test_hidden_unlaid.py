"""Text a word processor never lays out is hidden text, kept out of evidence and reported
with its page: a note no mark calls, the prose of a field's instruction, a paragraph cut off
by a row of exact height, an ODT section or field not displayed. And a DOCX paragraph that
names no style takes the document's default paragraph style, so formatting inherited from
the document defaults is resolved as Word does it: the body is read, not refused. Every file
is written here (a ferme-auberge in the Vosges, not any red team's company)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from odf.opendocument import OpenDocumentText
from odf.text import HiddenText, P, Section, VariableDecl, VariableDecls, VariableSet

from assistant.document import Document
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings

BODY = (
    "La ferme-auberge du Haut-Chitelet accueille 60 couverts en saison à Xonrupt.",
    "J'ai tenu la caisse et suivi les réservations de groupes pendant huit semaines.",
)
SECRET = (
    "Compte de résultat prévisionnel : chiffre d'affaires de 214 000 euros, excédent brut "
    "d'exploitation de 31 000 euros et capacité d'autofinancement de 24 500 euros."
)


def read(path: Path) -> Document:
    return ingest_file(path, LimitsSettings())


def evidence(doc: Document) -> str:
    return " ".join(b.text for b in doc.evidence_blocks())


def assert_hidden(doc: Document, page: int = 1) -> None:
    assert SECRET not in evidence(doc)
    assert [(f.reason, f.page, f.quote) for f in doc.hidden] == [("not_rendered", page, SECRET)]


# --- DOCX: the default paragraph style ------------------------------------------------------


def styled_document(path: Path, *, secret_style: str | None) -> Path:
    """Document defaults paint text white; the default paragraph style sets it back to
    black; the SECRET paragraph names ``secret_style`` (a style without a parent that sets
    no colour, so the white of the defaults reaches it), the body names none."""
    document = docx.Document()
    styles = document.styles.element
    defaults = styles.find(f"{{{styles.nsmap['w']}}}docDefaults")
    run_defaults = defaults.find(f"{{{styles.nsmap['w']}}}rPrDefault")[0]
    run_defaults.append(parse_xml(f'<w:color {nsdecls("w")} w:val="FFFFFF"/>'))
    normal = document.styles["Normal"].element
    normal.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="1A1A1A"/>'))
    styles.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="Releve">'
        '<w:name w:val="Relevé"/><w:rPr><w:i/></w:rPr></w:style>'
    ))  # fmt: skip
    document.add_paragraph(BODY[0])
    secret = document.add_paragraph(SECRET)
    if secret_style is not None:
        secret._p.get_or_add_pPr().append(
            parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{secret_style}"/>')
        )
    document.add_paragraph(BODY[1])
    document.save(str(path))
    return path


def test_white_inherited_from_the_document_defaults_is_hidden_and_the_body_is_read(
    tmp_path: Path,
) -> None:
    doc = read(styled_document(tmp_path / "d.docx", secret_style="Releve"))
    assert evidence(doc) == " ".join(BODY)
    assert [(f.reason, f.quote) for f in doc.hidden] == [("white_text", SECRET)]


@pytest.mark.parametrize("style", [None, "StyleAbsent"])
def test_a_paragraph_without_a_defined_style_takes_the_default_one(
    style: str | None, tmp_path: Path
) -> None:
    doc = read(styled_document(tmp_path / "d.docx", secret_style=style))
    assert evidence(doc) == " ".join((BODY[0], SECRET, BODY[1]))
    assert doc.hidden == []


# --- DOCX: a row of exact height ------------------------------------------------------------


def row_document(path: Path, height: int, rule: str, *, before: int = 0) -> Path:
    """A one-column table: a visible header row, then a row of ``height`` twips under
    ``rule`` holding SECRET (10 pt) after ``before`` twips of space."""
    document = docx.Document()
    document.add_paragraph(BODY[0])
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Prévisions"
    cell = table.cell(1, 0)
    cell.text = SECRET
    cell.paragraphs[0].runs[0].font.size = docx.shared.Pt(10)
    cell.paragraphs[0].paragraph_format.space_before = docx.shared.Twips(before)
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(
        f'<w:trHeight {nsdecls("w")} w:val="{height}" w:hRule="{rule}"/>'
    ))  # fmt: skip
    document.add_paragraph(BODY[1])
    document.save(str(path))
    return path


@pytest.mark.parametrize(("height", "before"), [(6, 0), (40, 0), (300, 240)])
def test_a_row_of_exact_height_cuts_off_the_text_below_its_edge(
    height: int, before: int, tmp_path: Path
) -> None:
    doc = read(row_document(tmp_path / "d.docx", height, "exact", before=before))
    assert_hidden(doc)
    assert "Prévisions" in evidence(doc)


@pytest.mark.parametrize(("height", "rule"), [(6, "atLeast"), (340, "exact"), (180, "exact")])
def test_a_row_that_shows_its_text_or_grows_with_it_hides_nothing(
    height: int, rule: str, tmp_path: Path
) -> None:
    """A row at least 0.3 pt high grows; one of 17 pt shows 10 pt letters whole; one of 9 pt
    cuts their feet only: still read."""
    doc = read(row_document(tmp_path / "d.docx", height, rule))
    assert doc.hidden == []
    assert SECRET in evidence(doc)


# --- DOCX: notes no mark calls --------------------------------------------------------------

_NOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
_NOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"


def notes_document(path: Path, kind: str, *, called: bool) -> Path:
    """A two-page document with a ``kind`` notes part (footnotes or endnotes) holding the
    separators and note 3, SECRET; the first page's paragraph calls note 3 when
    ``called``."""
    document = docx.Document()
    first = document.add_paragraph(BODY[0])
    if called:
        first._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="3"/></w:r>'
        ))  # fmt: skip
    first.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(BODY[1])
    buffer = io.BytesIO()
    document.save(buffer)
    tag = kind  # footnote or endnote
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag}s {nsdecls("w")}>'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:{tag}>"
        f'<w:{tag} w:id="3"><w:p><w:r><w:t xml:space="preserve">{SECRET}</w:t></w:r></w:p>'
        f"</w:{tag}></w:{tag}s>"
    )
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/word/{tag}s.xml" '
                    f'ContentType="{_NOTES_TYPE.format(tag + "s")}"/></Types>'
                ).encode())  # fmt: skip
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdNotes9" Type="{_NOTES_REL.format(tag + "s")}" '
                    f'Target="{tag}s.xml"/></Relationships>'
                ).encode())  # fmt: skip
            target.writestr(item, data)
        target.writestr(f"word/{tag}s.xml", notes)
    return path


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_note_no_mark_calls_is_hidden_text(kind: str, tmp_path: Path) -> None:
    doc = read(notes_document(tmp_path / "d.docx", kind, called=False))
    assert evidence(doc) == " ".join(BODY)
    assert_hidden(doc, page=2)  # reported on the last page, where notes would end


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_called_note_is_no_hidden_text(kind: str, tmp_path: Path) -> None:
    doc = read(notes_document(tmp_path / "d.docx", kind, called=True))
    assert doc.hidden == []
    assert SECRET not in evidence(doc)  # a note is an aside, never evidence


# --- DOCX: field instructions ---------------------------------------------------------------


def field_document(path: Path, instruction: str, result: str) -> Path:
    """BODY[0] on page 1; on page 2, BODY[1] followed by a complex field of ``instruction``
    split over two runs, whose shown result is ``result``."""
    document = docx.Document()
    document.add_paragraph(BODY[0]).add_run().add_break(WD_BREAK.PAGE)
    paragraph = document.add_paragraph(BODY[1] + " ")._p
    half = len(instruction) // 2
    runs = [
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve">{instruction[:half]}</w:instrText>',
        f'<w:instrText xml:space="preserve">{instruction[half:]}</w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f'<w:t xml:space="preserve">{result}</w:t>' if result else "",
        '<w:fldChar w:fldCharType="end"/>',
    ]
    for xml in runs:
        if xml:
            paragraph.append(parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>"))
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    "instruction",
    [
        f' SET previsions "{SECRET}" ',
        f" PRIVATE {SECRET} ",
        f' IF 1 = 2 "Les chiffres figurent en annexe du dossier." "{SECRET}" ',
    ],
    ids=["set", "private", "if_branch_not_taken"],
)
def test_prose_a_field_keeps_in_its_instruction_is_hidden(instruction: str, tmp_path: Path) -> None:
    shown = "Les chiffres figurent en annexe du dossier." if "IF" in instruction else ""
    doc = read(field_document(tmp_path / "d.docx", instruction, shown))
    assert_hidden(doc, page=2)
    assert BODY[1] in evidence(doc)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (" PAGE \\* MERGEFORMAT ", "2"),
        (' DATE \\@ "dddd d MMMM yyyy" ', "lundi 3 juin 2024"),
        (f' QUOTE "{SECRET}" ', SECRET),
        (' HYPERLINK "https://www.vosges-tourisme.fr/fermes-auberges/haut-chitelet-et-autres-'
         'tables-de-montagne" ', "site de l'office de tourisme"),
        (' ADDIN ZOTERO_ITEM CSL_CITATION {"title": "Les fermes-auberges des Hautes-Vosges et '
         'leur clientèle"} ', "(Martin, 2019)"),
    ],
    ids=["page", "date_format", "quote_shown", "hyperlink", "citation"],
)  # fmt: skip
def test_ordinary_fields_hide_nothing(instruction: str, result: str, tmp_path: Path) -> None:
    doc = read(field_document(tmp_path / "d.docx", instruction, result))
    assert doc.hidden == []


# --- ODT: sections and fields not displayed ---------------------------------------------------


def odt_document(path: Path, how: str) -> Path:
    document = OpenDocumentText()
    document.text.addElement(P(text=BODY[0]))
    if how.startswith("section"):
        attributes = {
            "section_none": {"display": "none"},
            "section_condition_true": {"display": "condition", "condition": "ooow:2 > 1"},
            "section_condition_false": {"display": "condition", "condition": "ooow:2 < 1"},
            "section_shown": {"display": "true"},
        }[how]
        section = Section(name="Annexe", **attributes)
        section.addElement(P(text=SECRET))
        document.text.addElement(section)
    elif how.startswith("hidden_text"):
        condition = "ooow:3 GEQ 3" if how == "hidden_text_true" else "ooow:3 LT 3"
        paragraph = P()
        paragraph.addElement(HiddenText(condition=condition, stringvalue=SECRET, text=SECRET))
        document.text.addElement(paragraph)
    else:
        declarations = VariableDecls()
        declarations.addElement(VariableDecl(name="bilan", valuetype="string"))
        document.text.addElement(declarations)
        paragraph = P()
        display = "none" if how == "variable_not_displayed" else "value"
        paragraph.addElement(VariableSet(name="bilan", valuetype="string", stringvalue=SECRET,
                                         display=display, text=SECRET))  # fmt: skip
        document.text.addElement(paragraph)
    document.text.addElement(P(text=BODY[1]))
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    "how", ["section_none", "section_condition_true", "variable_not_displayed", "hidden_text_true"]
)
def test_odt_text_not_displayed_is_hidden(how: str, tmp_path: Path) -> None:
    doc = read(odt_document(tmp_path / "d.odt", how))
    assert evidence(doc) == " ".join(BODY)
    assert [(f.reason, f.quote) for f in doc.hidden] == [("vanished", SECRET)]


@pytest.mark.parametrize(
    "how", ["section_condition_false", "section_shown", "variable_shown", "hidden_text_false"]
)
def test_odt_text_displayed_stays_evidence(how: str, tmp_path: Path) -> None:
    doc = read(odt_document(tmp_path / "d.odt", how))
    assert doc.hidden == []
    assert evidence(doc) == " ".join((BODY[0], SECRET, BODY[1]))


def odt_header_document(path: Path, how: str) -> Path:
    """A page header holding SECRET: on the default master page switched off
    (``off``) or shown (``shown``), or on a master page no style uses (``unused``)."""
    from odf.style import Header, MasterPage, PageLayout

    document = OpenDocumentText()
    layout = PageLayout(name="Mise")
    document.automaticstyles.addElement(layout)
    header = Header(display="false") if how == "off" else Header()
    header.addElement(P(text=SECRET))
    standard = MasterPage(name="Standard", pagelayoutname=layout)
    if how == "unused":
        standard.addElement(Header())
        spare = MasterPage(name="Annexe", pagelayoutname=layout)
        spare.addElement(header)
        document.masterstyles.addElement(standard)
        document.masterstyles.addElement(spare)
    else:
        standard.addElement(header)
        document.masterstyles.addElement(standard)
    document.text.addElement(P(text=BODY[0]))
    document.text.addElement(P(text=BODY[1]))
    document.save(str(path))
    return path


@pytest.mark.parametrize("how", ["off", "unused"])
def test_an_odt_header_no_page_displays_is_hidden(how: str, tmp_path: Path) -> None:
    doc = read(odt_header_document(tmp_path / "d.odt", how))
    assert evidence(doc) == " ".join(BODY)
    assert_hidden(doc)


def test_a_displayed_odt_header_is_no_hidden_text(tmp_path: Path) -> None:
    doc = read(odt_header_document(tmp_path / "d.odt", "shown"))
    assert doc.hidden == []
    assert evidence(doc) == " ".join(BODY)  # a header is an aside, never evidence
