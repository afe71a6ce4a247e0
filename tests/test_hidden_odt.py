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
