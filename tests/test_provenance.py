"""Provenance: every piece of evidence carries its span in the dossier's text, from ingestion
to the report, the preview and the LLM's verified quotes; nothing searches a quote again."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Evidence
from assistant.calc import check_document
from assistant.llm.quotes import QuoteLocator
from assistant.preview import evidence_excerpt
from assistant.services import build_services
from assistant.settings import LimitsSettings, Settings
from tests.calc_docs import dossier
from tests.dossiers import PESTEL_FULL, PRESENTATION, SWOT_TABLE, write
from tests.factories import B, build_document
from tests.test_calc_document import REALISTIC


def assert_spanned(evidence: list[Evidence], text: str) -> None:
    assert evidence
    for ev in evidence:
        assert ev.start is not None and ev.end is not None, ev
        assert text[ev.start : ev.end] == ev.quote


def test_assessment_evidence_carries_its_span(tmp_path: Path) -> None:
    services = build_services(
        Settings(home=tmp_path / "home", limits=LimitsSettings(isolate_parsing=False))
    )
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL, SWOT_TABLE)
    assessment = services.review.assess(path, "E1")
    text = services.review.document(path).text
    evidence = [
        ev
        for c in assessment.checkpoints
        for ev in [*c.evidence, *(x for e in c.elements for x in e.evidence)]
    ]
    assert_spanned(evidence, text)
    assert all(ev.section is None or " > " not in ev.section for ev in evidence)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_calculation_evidence_carries_its_span(fmt: str, tmp_path: Path) -> None:
    doc = dossier(REALISTIC, tmp_path, fmt)
    report = check_document(doc)
    assert set(report.evidence) == {"breakeven", "cost_structure", "cash_flow"}
    for items in report.evidence.values():
        assert_spanned(items, doc.text)


def test_a_verified_llm_quote_gets_the_dossier_span_and_the_one_section_format() -> None:
    doc = build_document(
        [
            B("Analyse externe", kind="heading", section=["2 Diagnostic"]),
            B(
                "La loi Évin encadre strictement la publicité des boissons alcoolisées.",
                section=["2 Diagnostic", "2.1 PESTEL"],
            ),
        ]
    )
    found = QuoteLocator(doc).locate("La loi  Évin encadre\n strictement la publicité")
    assert found is not None
    assert_spanned([found], doc.text)
    assert found.section == "2.1 PESTEL"


def test_the_preview_excerpt_uses_the_span_not_a_search() -> None:
    text = "Le budget est de 5 000 €. Plus loin : le budget est de 5 000 €. Fin."
    second = text.index("le budget", 10)
    evidence = Evidence(quote=text[second : second + 24], page=None, start=second, end=second + 24)
    found = evidence_excerpt(text, evidence, radius=10)
    assert found is not None and found.match == evidence.quote
    assert found.before.endswith("loin : ")  # the second occurrence, where the span points
    stale = evidence.model_copy(update={"start": None, "end": None})
    located = evidence_excerpt(text, stale, radius=10)
    assert located is not None and located.before == ""  # searched: the first occurrence
