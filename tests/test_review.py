"""The review service end to end: real files, the real référentiel, a real Chroma store in
tmp_path and the real local embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.errors import UnknownEpreuveError
from assistant.review import ReviewService
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import (
    INJECTION,
    MENTION_ONLY,
    PESTEL_FULL,
    PRESENTATION,
    PROBLEMATIQUE,
    SWOT_TABLE,
    write,
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="module")
def review(services: Services) -> ReviewService:
    return services.review


def statuses(assessment: Assessment) -> dict[str, tuple[str, dict[str, str]]]:
    return {c.id: (c.status, {e.id: e.status for e in c.elements}) for c in assessment.checkpoints}


def test_assessment_covers_the_epreuve_and_round_trips_as_json(
    review: ReviewService, services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL, SWOT_TABLE, PROBLEMATIQUE)
    assessment = review.assess(path, "E1")
    expected = [c.id for c in services.referentiel.checkpoints_for("E1")]
    assert [c.id for c in assessment.checkpoints] == expected
    assert Assessment.model_validate_json(assessment.model_dump_json()) == assessment
    got = statuses(assessment)
    assert got["pestel"][0] == got["swot"][0] == got["problematique"][0] == "present"
    assert got["veille"][0] == "absent"
    assert assessment.engine.embedding and assessment.engine.referentiel_hash
    assert assessment.document.filename == "d.md"
    verdicts = {v.competency: v for v in assessment.criteria}
    assert verdicts["C1"].verdict == "non_satisfait"  # veille only, absent
    assert verdicts["C3"].verdict == "partiellement_satisfait"  # swot yes, targeting no
    assert "swot" in verdicts["C3"].checkpoints
    assert assessment.recommendations


def test_every_quote_is_verbatim_at_its_page(review: ReviewService, tmp_path: Path) -> None:
    path = write(tmp_path, "q.md", PRESENTATION, PESTEL_FULL, MENTION_ONLY, SWOT_TABLE)
    assessment = review.assess(path, "E1")
    doc = review.document(path)
    quotes = [
        ev
        for c in assessment.checkpoints
        for ev in [*c.evidence, *(x for e in c.elements for x in e.evidence)]
    ]
    assert quotes
    for ev in quotes:
        assert ev.quote in doc.text
        assert ev.page == doc.page_at(doc.text.index(ev.quote))


def test_injected_instructions_are_flagged_and_change_no_status(
    review: ReviewService, tmp_path: Path
) -> None:
    clean = write(tmp_path, "clean.md", PRESENTATION, MENTION_ONLY, PROBLEMATIQUE)
    injected = write(
        tmp_path,
        "injected.md",
        PRESENTATION,
        INJECTION,
        MENTION_ONLY,
        f"<!-- hidden:white {INJECTION} -->",
        PROBLEMATIQUE,
    )
    before, after = review.assess(clean, "E1"), review.assess(injected, "E1")
    assert statuses(before) == statuses(after)
    kinds = [a.kind for a in after.alerts]
    assert kinds.count("prompt_injection") == 2
    assert "hidden_text" in kinds
    assert not before.alerts
    quotes = [ev.quote for c in after.checkpoints for ev in c.evidence]
    assert not any("note maximale" in q for q in quotes)


def test_an_unknown_epreuve_is_refused_in_french(review: ReviewService, tmp_path: Path) -> None:
    path = write(tmp_path, "d.md", PRESENTATION)
    with pytest.raises(UnknownEpreuveError, match="n'existe pas"):
        review.assess(path, "E9")


def test_an_unchanged_dossier_is_read_from_the_cache(
    review: ReviewService, services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "cache.md", PRESENTATION, PESTEL_FULL)
    first = review.assess(path, "E1")
    cached = list((services.settings.home / "cache" / "documents").glob("*.json"))
    assert any(first.document.sha256 in p.read_text(encoding="utf-8") for p in cached)
    again = review.assess(path, "E1")
    assert statuses(again) == statuses(first)


def test_offline_paraphrases_embed_the_queries_once(tmp_path: Path) -> None:
    from assistant.settings import RetrievalSettings

    home = tmp_path / "home"
    settings = Settings(home=home, retrieval=RetrievalSettings(offline_paraphrases=True))
    review = build_services(settings).review
    path = write(tmp_path, "cache.md", PRESENTATION, PESTEL_FULL)
    review.assess(path, "E1")
    # the référentiel's queries were embedded once, kept on disk for the next process
    assert len(list((home / "cache" / "queries").glob("*.npz"))) == 1
    assert (home / "chroma").is_dir()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_real_pdf_and_docx_dossiers_give_paged_verbatim_evidence(
    review: ReviewService, tmp_path: Path, fmt: str
) -> None:
    from eval import docbuild

    md = "\n".join([PRESENTATION, PESTEL_FULL, "<!-- pagebreak -->", SWOT_TABLE, PROBLEMATIQUE])
    items = docbuild.markdown_to_items(md)
    build = docbuild.build_pdf if fmt == "pdf" else docbuild.build_docx
    path = build(items, tmp_path / f"dossier.{fmt}")
    assessment = review.assess(path, "E1")
    got = statuses(assessment)
    assert got["pestel"][0] == got["swot"][0] == "present"
    doc = review.document(path)
    swot = next(c for c in assessment.checkpoints if c.id == "swot")
    for ev in swot.evidence:
        assert ev.quote in doc.text
        assert ev.page == doc.page_at(doc.text.index(ev.quote))
    if fmt == "pdf":
        assert {ev.page for ev in swot.evidence} == {2}
