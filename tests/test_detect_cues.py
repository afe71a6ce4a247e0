"""Cue matching on real dossiers: stems that collide, phrases made of small words, sections
titled by one element."""

from __future__ import annotations

from pathlib import Path

from assistant.detect import detect_checkpoints, layout_of
from assistant.detect.checkpoint import checkpoint_cues
from assistant.detect.cues import CueIndex, compile_cue
from assistant.document import Document
from tests.dossiers import COMPETITION_AND_TARGET, checkpoints, ingest, write


def cue_words(doc: Document, target: str, *texts: str) -> list[str]:
    """The dossier's words matched by ``texts`` (cues of ``target``)."""
    index = CueIndex([c for c in (compile_cue(target, t) for t in texts) if c is not None])
    found = []
    for unit in layout_of(doc).units:
        for hit in index.find(unit):
            found.append(" ".join(t.folded for t in unit.tokens[hit.first : hit.last + 1]))
    return found


def test_a_one_word_cue_matches_its_inflections_not_words_sharing_its_stem(
    tmp_path: Path,
) -> None:
    text = (
        "Le gîte accueille 12 personnes et la note moyenne est de 4,5. "
        "Nos personas montrent que la cible veut des moyens de paiement simples. "
        "Le secteur technologique évolue vite.\n"
    )
    doc = ingest(write(tmp_path, "d.txt", text))
    assert cue_words(doc, "cible", "persona") == ["personas"]
    assert cue_words(doc, "moyens", "moyens") == ["moyens"]
    assert cue_words(doc, "technologique", "technologie") == ["technologique"]


def test_a_phrase_of_small_words_is_matched_word_for_word(tmp_path: Path) -> None:
    text = (
        "L'agence a réalisé 240 ventes en 2024. Le CA réalisé sur la campagne atteint "
        "18 000 €. Dans quelle mesure la marque peut-elle grandir ? Une mesure simple suffit.\n"
    )
    doc = ingest(write(tmp_path, "d.txt", text))
    assert cue_words(doc, "checkpoint", "CA réalisé") == ["ca realise"]
    assert cue_words(doc, "checkpoint", "dans quelle mesure") == ["dans quelle mesure"]


def test_a_cue_matches_itself_even_when_its_stem_is_not_a_prefix(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "d.txt", "L'intensité de la concurrence est forte à Lille.\n"))
    assert cue_words(doc, "rivalite", "intensité de la concurrence", "concurrence") == [
        "intensite de la concurrence",
        "concurrence",
    ]


def test_a_presentation_that_realises_sales_is_no_dashboard(tmp_path: Path) -> None:
    text = (
        "# Dossier E5 — Les Clés du Lot\n\n## 1. Présentation de l'agence\n\n"
        "Elle réalise des transactions (vente de maisons, d'appartements et de terrains dans la "
        "vallée du Lot) et de la gestion locative pour 240 propriétaires de la région.\n"
    )
    doc = ingest(write(tmp_path, "d.md", text))
    cues = CueIndex(checkpoint_cues(checkpoints("tableau_de_bord")[0]))
    assert not any(cues.find(u) for u in layout_of(doc).units)
    assert detect_checkpoints(doc, checkpoints("tableau_de_bord"))[0].status == "absent"


def test_sections_titled_by_one_element_count_where_the_referentiel_says_so(
    tmp_path: Path,
) -> None:
    doc = ingest(write(tmp_path, "d.md", COMPETITION_AND_TARGET))
    ids = ("cible_positionnement", "plan_communication")
    target, plan = detect_checkpoints(doc, checkpoints(*ids))
    assert {e.id: e.status for e in target.elements} == {
        "concurrents": "present",
        "cible": "present",
        "positionnement": "absent",
    }
    assert target.status == "partial"
    # a communication plan's targets are part of a plan: a "La cible" section is not one
    assert plan.status == "absent"
