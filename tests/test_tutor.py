from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings
from assistant.tutor import Tutor, named_ids

DEVSET = Path(__file__).resolve().parent.parent / "eval" / "devset"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_named_ids_are_normalised() -> None:
    assert named_ids("Pour c14 et cp2-3, puis E5-P1 ou e3 ?") == ["C14", "CP2-3", "E5-P1", "E3"]
    assert named_ids("Rien de tel ici, même pas C-3") == []


def test_a_competency_id_gives_its_criterion_and_checkpoints(services: Services) -> None:
    answer = Tutor(services.referentiel, store=None).answer("Qu'attend le jury pour C14 ?")
    assert answer.found
    assert answer.text.startswith("Pour C14")
    assert "seuil de rentabilité" in answer.text
    kinds = {(s.kind, s.id) for s in answer.sources}
    assert ("competency", "C14") in kinds and ("checkpoint", "seuil_rentabilite") in kinds
    assert any(s.kind == "criterion" for s in answer.sources)


def test_an_epreuve_and_a_checkpoint_id_are_recognised(services: Services) -> None:
    tutor = Tutor(services.referentiel, store=None)
    epreuve = tutor.answer("Que faut-il rendre pour E3 ?")
    assert "Épreuve E3" in epreuve.text and "Livrable" in epreuve.text
    checkpoint = tutor.answer("Comment traiter seuil_rentabilite ?")
    assert [s.id for s in checkpoint.sources] == ["seuil_rentabilite"]


def test_a_distinctive_cue_selects_its_checkpoint(services: Services) -> None:
    answer = Tutor(services.referentiel, store=None).answer("Où le candidat parle-t-il de RSE ?")
    assert "rse" in [s.id for s in answer.sources if s.kind == "checkpoint"]


def test_an_unrelated_question_says_nothing_was_found(services: Services) -> None:
    answer = Tutor(services.referentiel, store=None).answer("Quelle heure est-il ?")
    assert not answer.found and "Citez une compétence" in answer.text


@pytest.mark.slow
def test_semantic_search_and_dossier_passages_with_pages(
    services: Services, tmp_path: Path
) -> None:
    from eval.docbuild import build_pdf, markdown_to_items

    md = (DEVSET / "e1-01-herbea-cosmetique-bio.md").read_text(encoding="utf-8")
    pdf = build_pdf(markdown_to_items(md), tmp_path / "herbea.pdf")
    dossier = services.index_dossier(services.ingest(pdf))
    answer = services.tutor.answer("Où le candidat présente-t-il sa matrice SWOT ?", dossier)
    passages = [s for s in answer.sources if s.kind == "passage"]
    assert passages and all(p.page for p in passages)
    assert any("SWOT" in p.text or "Forces" in p.text for p in passages)
    assert f"p. {passages[0].page} «" in answer.text
    semantic = services.tutor.answer(
        "Comment mesurer la notoriété de la marque auprès des clients ?"
    )
    assert semantic.found and semantic.sources
