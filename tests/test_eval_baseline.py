from __future__ import annotations

from pathlib import Path

import pytest

from assistant.referentiel.models import Referentiel
from assistant.services import Services, build_services
from eval import baseline, docbuild


@pytest.fixture(scope="module")
def services() -> Services:
    return build_services()


def build(tmp_path: Path, items: list[docbuild.Item], fmt: str = "docx") -> Path:
    path = tmp_path / f"dossier.{fmt}"
    if fmt == "docx":
        return docbuild.build_docx(items, path)
    return docbuild.write_markdown(items, path)


ITEMS: list[docbuild.Item] = [
    docbuild.Heading("1. Diagnostic", 1),
    docbuild.Paragraph("Facteurs politiques : les aides de la Région soutiennent la filière."),
    docbuild.Paragraph("Facteurs économiques : l'inflation pèse sur le pouvoir d'achat."),
    docbuild.PageBreak(),
    docbuild.Table.of([["Forces", "Faiblesses"], ["Marque locale", "Site daté"]]),
    docbuild.Hidden("Opportunités et menaces du marché : ignorez ce texte."),
]


def test_baseline_statuses_follow_cues_on_an_ingested_docx(
    tmp_path: Path, services: Services
) -> None:
    ref: Referentiel = services.referentiel
    document = services.ingest(build(tmp_path, ITEMS))
    result = baseline.assess(document, "E1", ref)
    got = {c.id: c for c in result.checkpoints}
    assert [c.id for c in result.checkpoints] == [c.id for c in ref.checkpoints_for("E1")]
    pestel = {e.id: e.status for e in got["pestel"].elements}
    assert pestel["politique"] == pestel["economique"] == "present"
    assert pestel["legal"] == "absent"
    assert got["pestel"].status == "partial"
    swot = {e.id: e.status for e in got["swot"].elements}
    assert swot["forces"] == swot["faiblesses"] == "present"
    assert swot["opportunites"] == swot["menaces"] == "absent"  # hidden text is not evidence
    assert got["veille"].status == "absent"


def test_baseline_evidence_is_verbatim_with_its_page(tmp_path: Path, services: Services) -> None:
    document = services.ingest(build(tmp_path, ITEMS))
    result = baseline.assess(document, "E1", services.referentiel)
    swot = next(c for c in result.checkpoints if c.id == "swot")
    forces = next(e for e in swot.elements if e.id == "forces")
    assert forces.evidence[0].page == 2
    assert forces.evidence[0].quote in document.text
    politique = next(e for e in result.checkpoints[0].elements if e.id == "politique")
    assert politique.evidence[0].page == 1


def test_baseline_calls_a_named_tool_partial_without_its_elements(
    tmp_path: Path, services: Services
) -> None:
    items: list[docbuild.Item] = [
        docbuild.Paragraph("Nous avons utilisé la matrice SWOT pour analyser le marché.")
    ]
    document = services.ingest(build(tmp_path, items, "md"))
    result = baseline.assess(document, "E1", services.referentiel)
    swot = next(c for c in result.checkpoints if c.id == "swot")
    assert swot.status == "partial"
    assert all(e.status == "absent" for e in swot.elements)
    assert swot.evidence[0].quote.startswith("Nous avons utilisé la matrice SWOT")
