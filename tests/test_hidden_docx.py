"""Hidden DOCX text by what a reader sees: one rule (contrast against whatever lies behind,
size, width, vanish) catches every trick; visible look-alikes raise nothing. Real files made
with python-docx, tricks written as raw WordprocessingML; then the review never quotes them
and no status rises."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from assistant.assessment import Assessment
from assistant.document import Document
from assistant.ingest import ingest_file
from assistant.services import Services, build_services
from assistant.settings import LimitsSettings, Settings

SECRET = (
    "Légal : le règlement européen 1223/2009 encadre les allégations et la loi Climat et "
    "résilience impose à Herbéa l'affichage environnemental de ses soins."
)
BODY = (
    "Herbéa fabrique des soins cosmétiques bio à Lyon depuis 2012 et emploie 24 salariés.",
    "Économique : l'inflation de 5,2 % en 2023 freine les achats de soins premium.",
)

# run properties (w:rPr content), paragraph properties (w:pPr content), cell shading
TRICKS: dict[str, tuple[str, str, str | None]] = {
    "near_white": ('<w:color w:val="F7F7F7"/>', "", None),
    "black_on_black_run_shading": (
        '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>', "", None
    ),
    "white_on_white_highlight": ('<w:color w:val="FFFFFF"/><w:highlight w:val="white"/>', "", None),
    "navy_on_navy_paragraph": (
        '<w:color w:val="000080"/>', '<w:shd w:val="clear" w:fill="000082"/>', None
    ),
    "grey_on_grey_cell": ('<w:color w:val="808080"/>', "", "7F7F7F"),
    "solid_pattern_shading": (
        '<w:color w:val="FF0000"/><w:shd w:val="solid" w:color="FE0000" w:fill="FFFFFF"/>', "", None
    ),
    "one_percent_width": ("<w:w w:val=\"1\"/>", "", None),
    "three_point_font": ('<w:sz w:val="6"/>', "", None),
    "web_hidden": ("<w:webHidden/>", "", None),
    "vanish": ("<w:vanish/>", "", None),
}  # fmt: skip
VISIBLE: dict[str, tuple[str, str, str | None]] = {
    "white_on_dark_cell": ('<w:color w:val="FFFFFF"/>', "", "1F3864"),
    "white_on_black_highlight": ('<w:color w:val="FFFFFF"/><w:highlight w:val="black"/>', "", None),
    "yellow_highlight": ("<w:highlight w:val=\"yellow\"/>", "", None),
    "grey_text": ('<w:color w:val="767676"/>', "", None),
    "condensed_80_percent": ("<w:w w:val=\"80\"/>", "", None),
    "auto_on_dark_shading": ('<w:color w:val="auto"/>', '<w:shd w:val="clear" w:fill="000000"/>',
                             None),
}  # fmt: skip


def build(path: Path, rpr: str, ppr: str, cell: str | None, text: str = SECRET) -> Path:
    document = docx.Document()
    document.add_heading("Analyse PESTEL", level=1)
    for line in BODY:
        document.add_paragraph(line)
    if cell is None:
        paragraph = document.add_paragraph()
    else:
        table = document.add_table(rows=1, cols=1)
        tc = table.rows[0].cells[0]
        tc._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{cell}"/>')
        )
        paragraph = tc.paragraphs[0]
    if ppr:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(ppr.replace("<w:shd", f"<w:shd {nsdecls('w')}"))
        )
    run = paragraph.add_run(text)
    for element in parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"):
        run._r.get_or_add_rPr().append(element)
    document.save(str(path))
    return path


def read(path: Path) -> Document:
    return ingest_file(path, LimitsSettings(isolate_parsing=False))


@pytest.mark.parametrize("trick", sorted(TRICKS))
def test_each_hiding_trick_is_found_and_kept_out_of_the_evidence(
    trick: str, tmp_path: Path
) -> None:
    doc = read(build(tmp_path / f"{trick}.docx", *TRICKS[trick]))
    assert [f.quote for f in doc.hidden] == [SECRET]
    assert all("1223/2009" not in b.text for b in doc.evidence_blocks())


@pytest.mark.parametrize("case", sorted(VISIBLE))
def test_readable_formatting_is_not_hidden(case: str, tmp_path: Path) -> None:
    doc = read(build(tmp_path / f"{case}.docx", *VISIBLE[case]))
    assert doc.hidden == []
    assert any("1223/2009" in b.text for b in doc.evidence_blocks())


def test_colour_through_a_character_style_and_the_page_colour(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(BODY[0])
    style = document.styles.add_style("Discret", 2)  # character style
    style.element.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="1A1A1A"/>'))
    document.add_paragraph().add_run(SECRET, style="Discret")
    body = document.element.body
    body.getparent().insert(0, parse_xml(f'<w:background {nsdecls("w")} w:color="141414"/>'))
    path = tmp_path / "dark.docx"
    document.save(str(path))
    doc = read(path)
    assert [f.quote for f in doc.hidden] == [SECRET]


def statuses(assessment: Assessment) -> list[tuple[str, str, list[str]]]:
    return [(c.id, c.status, [e.status for e in c.elements]) for c in assessment.checkpoints]


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


@pytest.mark.parametrize("trick", ["near_white", "grey_on_grey_cell", "one_percent_width"])
def test_hidden_text_never_changes_a_status(trick: str, services: Services, tmp_path: Path) -> None:
    hidden = services.review.assess(build(tmp_path / "h.docx", *TRICKS[trick]), "E1")
    plain = services.review.assess(build(tmp_path / "p.docx", "", "", None, "Vu."), "E1")
    shown = services.review.assess(build(tmp_path / "s.docx", "", "", None), "E1")
    assert statuses(hidden) == statuses(plain) != statuses(shown)  # the control sees the law
    for checkpoint in hidden.checkpoints:
        quotes = [e.quote for e in checkpoint.evidence]
        quotes += [e.quote for el in checkpoint.elements for e in el.evidence]
        assert not any("1223/2009" in q for q in quotes)
    assert any(a.kind == "hidden_text" and "1223/2009" in a.quote for a in hidden.alerts)
