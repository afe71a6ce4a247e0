from __future__ import annotations

from pathlib import Path

import pytest

from assistant.document import Document
from assistant.index.chunking import chunk_document
from assistant.index.embedding import Embedder
from assistant.index.retrieval import HybridRetriever, build_retriever
from assistant.index.store import VectorStore
from assistant.ingest import ingest_file
from assistant.services import build_services
from assistant.settings import LimitsSettings, RetrievalSettings, Settings
from tests.factories import CHUNKING, SpyEmbedder

DOSSIER = """# 1. Présentation

Fondée en 2012 à Nantes, l'entreprise emploie 45 salariés et vend des logiciels aux salles de
sport sous forme d'abonnement mensuel.

<!-- pagebreak -->

# 2. Diagnostic externe

## 2.1 Facteurs politiques et économiques

L'inflation alimentaire atteint 12 % sur un an et le pouvoir d'achat des ménages recule.

## 2.2 Cadre juridique

Sur le plan juridique, la loi Évin interdit la publicité incitative pour les boissons
alcoolisées et le RGPD impose le consentement avant tout envoi d'e-mail promotionnel.

<!-- pagebreak -->

# 3. Événement

Le salon professionnel de Lyon a accueilli quarante exposants et 800 visiteurs ; un poste de
secours et des agents de sûreté étaient prévus.

## 3.1 Accessibilité du site

L'audit RGAA a porté sur les contrastes, les alternatives textuelles et la navigation au
clavier.

<!-- pagebreak -->

# 4. Bilan personnel

Cette mission m'a appris à prioriser et à défendre mes choix devant la direction.
"""


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("dossier") / "dossier.md"
    path.write_text(DOSSIER, encoding="utf-8")
    return ingest_file(path, LimitsSettings())


def _retriever(doc: Document, folder: Path, embedder: Embedder) -> HybridRetriever:
    chunks = chunk_document(doc, max_chars=400)
    return build_retriever(doc, chunks, VectorStore(folder, embedder, chunking=CHUNKING), embedder)


def test_the_passage_that_treats_a_topic_ranks_first(
    dossier: Document, tmp_path: Path, use_embedder: Embedder
) -> None:
    retriever = _retriever(dossier, tmp_path, use_embedder)
    # queries as detection sends them: a label, then some of its référentiel cues
    expected = {
        "Facteur légal (PESTEL) : juridique, loi, réglementation": "loi Évin",
        "contraintes de sécurité de l'événement": "poste de",
        "Accessibilité numérique (RGAA 4.1)": "audit RGAA",
        "présentation de l'entreprise et de son modèle économique": "Fondée en 2012",
        "Bilan personnel de l'expérience": "défendre mes choix",
    }

    for query, marker in expected.items():
        best = retriever.search(query, 3)
        assert marker in best[0].chunk.text, query
        assert best[0].score >= best[1].score >= best[2].score


def test_hits_carry_page_section_and_both_signals(
    dossier: Document, tmp_path: Path, use_embedder: Embedder
) -> None:
    retriever = _retriever(dossier, tmp_path, use_embedder)
    best = retriever.search("loi Évin et RGPD", 1)[0]

    assert best.chunk.page == 2
    assert best.chunk.section == ["2. Diagnostic externe", "2.2 Cadre juridique"]
    assert dossier.text[best.chunk.start : best.chunk.end] == best.chunk.text
    assert best.dense is not None and best.lexical is not None and best.lexical > 0


def test_search_many_embeds_all_queries_in_one_call(
    dossier: Document, tmp_path: Path, use_embedder: Embedder
) -> None:
    spy = SpyEmbedder(use_embedder)
    retriever = _retriever(dossier, tmp_path, spy)
    queries = [f"question {i} sur le cadre juridique" for i in range(40)] + ["salon de Lyon"]
    spy.calls.clear()

    many = retriever.search_many(queries, 2)

    assert spy.calls == [("queries", len(queries))]
    assert len(many) == len(queries) and all(len(hits) == 2 for hits in many)
    single = retriever.search("salon de Lyon", 2)
    assert [h.chunk.id for h in many[-1]] == [h.chunk.id for h in single]


def test_an_unchanged_dossier_is_not_embedded_again(
    dossier: Document, tmp_path: Path, use_embedder: Embedder
) -> None:
    spy = SpyEmbedder(use_embedder)
    _retriever(dossier, tmp_path, spy)
    again = _retriever(dossier, tmp_path, spy)

    assert spy.count("documents") == 1
    assert "loi Évin" in again.search("cadre juridique", 1)[0].chunk.text


def test_both_fusions_rank_the_relevant_passage_first(
    dossier: Document, tmp_path: Path, use_embedder: Embedder
) -> None:
    chunks = chunk_document(dossier, max_chars=400)
    store = VectorStore(tmp_path, use_embedder, chunking=CHUNKING)
    for fusion in ("rrf", "mix"):
        retriever = build_retriever(dossier, chunks, store, use_embedder, fusion=fusion)
        best = retriever.search("inflation et pouvoir d'achat", 2)
        assert "inflation" in best[0].chunk.text, fusion


def test_edge_cases(dossier: Document, tmp_path: Path, use_embedder: Embedder) -> None:
    retriever = _retriever(dossier, tmp_path, use_embedder)

    assert retriever.search_many([], 3) == []
    assert len(retriever.search("salon", 100)) == len(retriever.chunks)
    with pytest.raises(ValueError):
        build_retriever(
            dossier,
            [],
            VectorStore(tmp_path, use_embedder, chunking=CHUNKING),
            _Renamed(use_embedder),
        )


class _Renamed(SpyEmbedder):
    @property
    def name(self) -> str:
        return "another-model"


def test_services_build_a_retriever_from_the_settings(dossier: Document, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, retrieval=RetrievalSettings(max_chars=200, overlap=0))
    retriever = build_services(settings).retriever(dossier)

    assert all(len(c.text) <= 200 for c in retriever.chunks.values())
    assert "loi Évin" in retriever.search("RGPD et loi Évin", 1)[0].chunk.text
    assert (tmp_path / "chroma").is_dir()
