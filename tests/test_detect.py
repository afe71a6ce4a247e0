"""Checkpoint detection on small real dossiers (Markdown and text files, ingested)."""

from __future__ import annotations

from pathlib import Path

from assistant.assessment import CheckpointResult
from assistant.detect import detect_checkpoints
from assistant.document import Document
from tests.dossiers import (
    MENTION_ONLY,
    PESTEL_FULL,
    PESTEL_PARTIAL,
    PRESENTATION,
    PROBLEMATIQUE,
    PROBLEMATIQUE_THIN,
    SWOT_PARAPHRASE,
    SWOT_TABLE,
    checkpoints,
    ingest,
    write,
)


def detect(doc: Document, *ids: str) -> dict[str, CheckpointResult]:
    return {r.id: r for r in detect_checkpoints(doc, checkpoints(*ids))}


def elements(result: CheckpointResult) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def assert_quotes_verbatim(doc: Document, results: dict[str, CheckpointResult]) -> None:
    for result in results.values():
        quotes = [*result.evidence, *(ev for e in result.elements for ev in e.evidence)]
        for ev in quotes:
            assert ev.quote in doc.text
            assert len(ev.quote) <= 300
            start = doc.text.index(ev.quote)
            assert ev.page == doc.page_at(start)


def test_a_fully_analysed_pestel_is_present_with_verbatim_evidence(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "full.md", PRESENTATION, PESTEL_FULL))
    results = detect(doc, "pestel")
    assert results["pestel"].status == "present"
    assert set(elements(results["pestel"]).values()) == {"present"}
    legal = next(e for e in results["pestel"].elements if e.id == "legal")
    assert "1223/2009" in legal.evidence[0].quote
    assert_quotes_verbatim(doc, results)


def test_missing_factors_make_pestel_partial_and_are_named(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "partial.md", PRESENTATION, PESTEL_PARTIAL))
    result = detect(doc, "pestel")["pestel"]
    assert result.status == "partial"
    status = elements(result)
    assert status["politique"] == status["technologique"] == "present"
    assert status["ecologique"] == status["legal"] == "absent"
    assert "Facteur légal" in result.comment
    assert result.recommendation and "Facteur écologique" in result.recommendation
    assert not next(e for e in result.elements if e.id == "legal").evidence


def test_naming_tools_and_factors_is_never_present(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "mention.md", PRESENTATION, MENTION_ONLY))
    results = detect(doc, "pestel", "porter", "swot")
    for result in results.values():
        assert result.status == "partial"
        assert set(elements(result).values()) == {"absent"}
        assert "seulement cité" in result.comment
    assert "PESTEL" in results["pestel"].evidence[0].quote


def test_a_dossier_without_the_tool_gets_absent(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "none.md", PRESENTATION, PROBLEMATIQUE))
    results = detect(doc, "pestel", "swot", "porter")
    assert {r.status for r in results.values()} == {"absent"}
    assert all(not r.evidence for r in results.values())


def test_a_swot_table_with_four_quadrants_is_present(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "swot.md", PRESENTATION, SWOT_TABLE))
    results = detect(doc, "swot")
    assert results["swot"].status == "present"
    menaces = next(e for e in results["swot"].elements if e.id == "menaces")
    assert "Carrefour" in menaces.evidence[0].quote
    assert_quotes_verbatim(doc, results)


def test_a_swot_written_as_atouts_and_risques_is_recognised(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "swot2.md", PRESENTATION, SWOT_PARAPHRASE))
    result = detect(doc, "swot")["swot"]
    assert result.status == "present"
    assert set(elements(result).values()) == {"present"}


def test_a_checkpoint_without_elements_needs_substance(tmp_path: Path) -> None:
    rich = ingest(write(tmp_path, "p1.md", PRESENTATION, PROBLEMATIQUE))
    thin = ingest(write(tmp_path, "p2.md", PRESENTATION, PROBLEMATIQUE_THIN))
    assert detect(rich, "problematique")["problematique"].status == "present"
    # « sera définie plus tard » announces the topic for later: it names nothing (absent)
    assert detect(thin, "problematique")["problematique"].status == "absent"


def test_accessibility_described_without_naming_rgaa_is_present(tmp_path: Path) -> None:
    text = (
        "## Accessibilité des contenus\n\n"
        "Tous les visuels Instagram de la campagne Herbéa ont reçu des textes alternatifs "
        "décrivant le produit, et les contrastes des affiches ont été vérifiés avec l'outil "
        "Contrast Finder pour atteindre un ratio de 4,5:1. Les vidéos TikTok sont sous-titrées "
        "et la boutique en ligne permet la navigation au clavier sur toutes les pages.\n"
    )
    doc = ingest(write(tmp_path, "rgaa.txt", "Herbéa : campagne de printemps 2024.\n", text))
    assert detect(doc, "rgaa")["rgaa"].status == "present"


def test_break_even_called_point_mort_is_present(tmp_path: Path) -> None:
    text = (
        "## Rentabilité du projet\n\n"
        "Avec 42 000 € de charges fixes et un taux de marge sur coût variable de 35 %, le point "
        "mort est atteint à 120 000 € de chiffre d'affaires, soit à la fin du mois de septembre "
        "2024 pour la boutique de Lyon.\n"
    )
    doc = ingest(write(tmp_path, "sr.md", "# Projet Herbéa\n", text))
    assert detect(doc, "seuil_rentabilite")["seuil_rentabilite"].status == "present"


def test_hidden_text_is_never_evidence(tmp_path: Path) -> None:
    hidden = "<!-- hidden:white " + PESTEL_FULL.replace("\n", " ") + " -->"
    doc = ingest(write(tmp_path, "hidden.md", PRESENTATION, MENTION_ONLY, hidden))
    assert any(b.hidden for b in doc.blocks)
    result = detect(doc, "pestel")["pestel"]
    assert result.status == "partial"
    assert set(elements(result).values()) == {"absent"}


def test_excluded_spans_are_never_evidence(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "full.md", PRESENTATION, PESTEL_FULL))
    legal_start = doc.text.index("Légal :")
    excluded = [(legal_start, legal_start + 40)]
    result = detect_checkpoints(doc, checkpoints("pestel"), excluded)[0]
    assert elements(result)["legal"] == "absent"
    assert result.status == "partial"
