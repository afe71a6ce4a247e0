"""Hidden PDF text by rendering: whatever the trick (clipping, a layer switched off, an opaque
annotation, white on a white picture), text the rendered page does not show is hidden text,
never evidence, and changes no status; the same page without the trick is read as usual."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.ingest import ingest_file
from assistant.injection import injection_passages
from assistant.services import Services, build_services
from assistant.settings import LimitsSettings, Settings
from tests.pdf_tricks import NOTE, SECRET, build_pdf

HIDING = ["clipped", "layer_off", "annotation", "white_on_white_image"]


@pytest.mark.parametrize(
    ("trick", "reason"), [("zero_width", "compressed"), ("zero_height", "tiny_font")]
)
def test_text_squeezed_flat_is_reported_once_and_never_evidence(
    trick: str, reason: str, tmp_path: Path
) -> None:
    doc = ingest_file(build_pdf(tmp_path / "d.pdf", trick), LimitsSettings())
    assert [(f.reason, f.page) for f in doc.hidden] == [(reason, 1)]
    assert doc.hidden[0].quote.startswith("Legal : le reglement")
    evidence = " ".join(b.text for b in doc.evidence_blocks())
    assert "1223/2009" not in evidence and "AGEC" not in evidence
    assert "inflation de 5,2 %" in evidence


@pytest.mark.parametrize("trick", HIDING)
def test_text_the_page_does_not_show_is_hidden(trick: str, tmp_path: Path) -> None:
    doc = ingest_file(build_pdf(tmp_path / "d.pdf", trick), LimitsSettings())
    assert [f.reason for f in doc.hidden] == ["not_rendered"]
    assert doc.hidden[0].page == 1 and doc.hidden[0].quote.startswith("Legal : le reglement")
    evidence = " ".join(b.text for b in doc.evidence_blocks())
    assert "1223/2009" not in evidence and "AGEC" not in evidence
    assert "inflation de 5,2 %" in evidence


def test_a_sticky_note_holding_an_instruction_is_reported_with_its_page(tmp_path: Path) -> None:
    doc = ingest_file(build_pdf(tmp_path / "d.pdf", "none"), LimitsSettings())
    passages = injection_passages(doc)
    assert [(p.page, p.quote) for p in passages] == [(1, NOTE)]
    assert "correcteur" not in " ".join(b.text for b in doc.evidence_blocks())


def test_the_same_page_without_a_trick_has_no_hidden_text(tmp_path: Path) -> None:
    doc = ingest_file(build_pdf(tmp_path / "d.pdf", "none"), LimitsSettings())
    assert doc.hidden == []
    assert SECRET[:40] in " ".join(b.text for b in doc.evidence_blocks())


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def _legal(assessment: Assessment) -> str:
    pestel = next(c for c in assessment.checkpoints if c.id == "pestel")
    return next(e.status for e in pestel.elements if e.id == "legal")


@pytest.mark.parametrize("trick", HIDING)
def test_hidden_pdf_text_raises_no_status(trick: str, services: Services, tmp_path: Path) -> None:
    assessment = services.review.assess(build_pdf(tmp_path / f"{trick}.pdf", trick), "E1")
    assert _legal(assessment) == "absent"
    quotes = [e.quote for c in assessment.checkpoints for e in c.evidence]
    quotes += [e.quote for c in assessment.checkpoints for el in c.elements for e in el.evidence]
    assert not any("1223/2009" in q for q in quotes)
    assert any(a.kind == "hidden_text" and a.page == 1 for a in assessment.alerts)


def test_control_the_visible_factor_counts(services: Services, tmp_path: Path) -> None:
    assert _legal(services.review.assess(build_pdf(tmp_path / "v.pdf", "none"), "E1")) == "present"
