from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant.index.chunking import Chunk, chunk_document
from assistant.index.lexical import LexicalIndex, analyse
from tests.dossiers import PESTEL_FULL, PRESENTATION, ingest, write


def _chunks(*texts: str) -> list[Chunk]:
    return [
        Chunk(id=f"c{i:04d}", text=t, page=1, start=0, end=len(t), blocks=[i])
        for i, t in enumerate(texts)
    ]


def test_analyse_folds_accents_drops_elisions_and_stop_words() -> None:
    assert analyse("L'analyse des facteurs Écologiques de l'entreprise") == [
        "analys",
        "facteur",
        "ecolog",
        "entrepris",
    ]


def test_accents_and_inflections_match() -> None:
    index = LexicalIndex.build(
        _chunks(
            "Les enjeux ecologiques du secteur sont majeurs.",
            "Le salon a accueilli quarante exposants.",
            "Les facteurs légaux : RGPD et loi Évin.",
        )
    )

    assert [cid for cid, _ in index.search("écologique", 3)] == ["c0000"]
    assert [cid for cid, _ in index.search("facteur légal", 3)] == ["c0002"]
    assert [cid for cid, _ in index.search("LOI EVIN", 3)] == ["c0002"]


def test_more_matching_terms_rank_first_and_k_bounds_the_answer() -> None:
    index = LexicalIndex.build(
        _chunks(
            "Le budget du salon.",
            "Budget, seuil de rentabilité.",
            "Le seuil de rentabilité du salon.",
        )
    )
    hits = index.search("budget seuil de rentabilité", 2)

    assert [cid for cid, _ in hits] == ["c0001", "c0002"]
    assert hits[0][1] > hits[1][1] > 0


def test_unknown_or_empty_queries_and_empty_index_find_nothing() -> None:
    index = LexicalIndex.build(_chunks("Le salon professionnel."))

    assert index.search("inconnu", 3) == []
    assert index.search("le la les de", 3) == []  # stop words only
    assert index.search("", 3) == []
    assert LexicalIndex.build([]).search("salon", 3) == []
    assert len(index) == 1


def test_texts_can_differ_from_chunk_texts() -> None:
    chunks = _chunks("Forces : savoir-faire reconnu.", "Le salon professionnel.")
    index = LexicalIndex.build(chunks, ["Matrice SWOT\n" + chunks[0].text, chunks[1].text])

    assert [cid for cid, _ in index.search("matrice SWOT", 2)] == ["c0000"]


def test_building_an_index_logs_nothing_at_the_default_level(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    chunks = chunk_document(ingest(write(tmp_path, "d.md", PRESENTATION, PESTEL_FULL)))
    caplog.set_level(logging.WARNING)
    index = LexicalIndex.build(chunks)
    assert index.search("inflation pouvoir d'achat", 1)
    assert not [r for r in caplog.records if r.name.startswith("bm25s")]
    assert not logging.getLogger("bm25s").isEnabledFor(logging.DEBUG)
