"""eval.docbuild: the Markdown subset and the builders other tests rely on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdf

from eval.docbuild import (
    Heading,
    Hidden,
    ListItem,
    PageBreak,
    Paragraph,
    Table,
    build_docx,
    build_odt,
    build_pdf,
    items_to_markdown,
    markdown_to_items,
)

MD = """# 1. Titre

Une ligne
et sa suite.

- point un
- point deux

| A | B |
|---|---|
| 1 | 2 |

<!-- pagebreak -->

## 1.1 Sous-titre
<!-- hidden:tiny texte caché -->
\fFin.
"""


def test_markdown_subset_round_trip() -> None:
    items = markdown_to_items(MD)
    assert items == [
        Heading("1. Titre", 1),
        Paragraph("Une ligne et sa suite."),
        ListItem("point un"),
        ListItem("point deux"),
        Table((("A", "B"), ("1", "2"))),
        PageBreak(),
        Heading("1.1 Sous-titre", 2),
        Hidden("texte caché", "tiny"),
        PageBreak(),
        Paragraph("Fin."),
    ]
    visible = [i for i in items if not isinstance(i, Hidden)]
    assert markdown_to_items(items_to_markdown(visible)) == visible


def test_builders_write_real_files(tmp_path: Path) -> None:
    items = markdown_to_items(MD)
    pdf = pypdf.PdfReader(build_pdf(items, tmp_path / "d.pdf", running_header="En-tête"))
    assert len(pdf.pages) == 3 and "En-tête" in pdf.pages[0].extract_text()
    with zipfile.ZipFile(build_docx(items, tmp_path / "d.docx")) as docx:
        body = docx.read("word/document.xml").decode()
    assert 'w:val="Heading1"' in body and "<w:vanish/>" not in body and 'w:type="page"' in body
    with zipfile.ZipFile(build_odt(items, tmp_path / "d.odt")) as odt:
        content = odt.read("content.xml").decode()
    assert 'text:outline-level="2"' in content and "table:table" in content


EMPHASIS_MD = """# Marge

La marge unitaire est de 9 − 6 = **3 €**, soit un taux de **33 %** du *prix*.

| Poste | Montant |
|---|---|
| **Total** | **1 250 €** |
"""


def test_markdown_emphasis_is_rendered_as_formatting_never_as_asterisks(tmp_path: Path) -> None:
    """A student's file holds bold runs, not ``**`` markers: the three builders write the
    words with real bold (and italic), and the text read back has no asterisk."""
    import docx
    from odf.opendocument import load

    items = markdown_to_items(EMPHASIS_MD)
    pdf = build_pdf(items, tmp_path / "e.pdf")
    text = pypdf.PdfReader(str(pdf)).pages[0].extract_text()
    assert "= 3 €, soit un taux de 33 %" in " ".join(text.split()) and "*" not in text
    fonts = pypdf.PdfReader(str(pdf)).pages[0]["/Resources"]["/Font"]
    assert any("Bold" in str(f.get_object()["/BaseFont"]) for f in fonts.values())

    document = docx.Document(str(build_docx(items, tmp_path / "e.docx")))
    runs = [r for p in document.paragraphs for r in p.runs]
    assert [r.text for r in runs if r.bold] == ["3 €", "33 %"]
    assert [r.text for r in runs if r.italic] == ["prix"]
    cell = document.tables[0].cell(1, 1).paragraphs[0].runs
    assert [(r.text, r.bold) for r in cell] == [("1 250 €", True)]
    assert "*" not in "".join(r.text for r in runs)

    odt = load(str(build_odt(items, tmp_path / "e.odt")))
    content = odt.xml().decode("utf-8")
    assert "*" not in content.split("<office:body>")[1]
    assert 'fo:font-weight="bold"' in content and ">33 %</text:span>" in content
