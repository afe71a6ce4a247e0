from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assistant.index.chunking import Chunk, chunk_document
from assistant.index.embedding import Embedder
from assistant.index.referentiel_index import ReferentielIndex, referentiel_entries
from assistant.index.store import VectorStore
from assistant.referentiel.models import (
    Bloc,
    Certification,
    Checkpoint,
    Competency,
    Criterion,
    Element,
    Referentiel,
)
from assistant.services import build_services
from assistant.settings import Settings
from tests.factories import CHUNKING, B, SpyEmbedder, build_document

PESTEL = ["2. Diagnostic", "2.3 PESTEL"]


def _dossier() -> tuple[str, list[Chunk]]:
    doc = build_document(
        [
            B("2.3 Analyse PESTEL", "heading", PESTEL),
            B(
                "Facteur légal : la loi Évin encadre la publicité des boissons alcoolisées et le "
                "RGPD impose le consentement avant toute prospection par e-mail.",
                section=PESTEL,
            ),
            B("3. Événement", "heading", ["3. Événement"], page=2),
            B(
                "Nous avons organisé un salon professionnel à Lyon avec quarante exposants.",
                section=["3. Événement"],
                page=2,
            ),
        ]
    )
    return doc.meta.sha256, chunk_document(doc)


def _referentiel() -> Referentiel:
    return Referentiel(
        version="test-1",
        certification=Certification(
            title="Responsable de projet marketing et communication",
            school="INSEEC",
            register="RNCP",
            source="test",
        ),
        blocs=[Bloc(id="B1", number=1, title="Stratégie")],
        activities=[],
        competencies=[Competency(id="C2", bloc="B1", title="Diagnostic", text="Analyser.")],
        criteria=[
            Criterion(
                id="crit-C2",
                competencies=["C2"],
                epreuves=["E1"],
                text="Pour C2. Les outils PESTEL et Porter sont utilisés.",
            )
        ],
        epreuves=[],
        checkpoints=[
            Checkpoint(
                id="pestel",
                label="Analyse PESTEL du macro-environnement",
                description="Les six facteurs sont analysés.",
                competencies=["C2"],
                epreuves=["E1", "E5-P1"],
                cues=["PESTEL", "macro-environnement"],
                elements=[
                    Element(id="legal", label="Facteur légal", cues=["juridique", "loi"]),
                    Element(id="ecologique", label="Facteur écologique", cues=["environnement"]),
                ],
            ),
            Checkpoint(
                id="bilan_evenement",
                label="Bilan de l'événement",
                description="Un questionnaire de satisfaction à chaud.",
                competencies=["CP2-6"],
                epreuves=["E5-P2"],
                cues=["bilan", "satisfaction"],
            ),
        ],
    )


def test_dossier_is_embedded_once_and_searchable(tmp_path: Path, use_embedder: Embedder) -> None:
    sha, chunks = _dossier()
    spy = SpyEmbedder(use_embedder)
    store = VectorStore(tmp_path, spy, chunking=CHUNKING)
    store.ensure_dossier(sha, chunks)

    hits = store.search_dossier(sha, "cadre juridique de la publicité", k=2)

    assert [cid for cid, _ in hits] == [chunks[0].id, chunks[1].id]
    assert -1.0 <= hits[1][1] < hits[0][1] <= 1.0
    assert spy.calls[0] == ("documents", len(chunks))  # one call for all chunks


def test_an_unchanged_dossier_is_not_embedded_again(tmp_path: Path, use_embedder: Embedder) -> None:
    sha, chunks = _dossier()
    spy = SpyEmbedder(use_embedder)
    VectorStore(tmp_path, spy, chunking=CHUNKING).ensure_dossier(sha, chunks)

    # a new client on the same folder: a new process
    reopened = VectorStore(tmp_path, spy, chunking=CHUNKING)
    assert reopened.has_dossier(sha, chunks)
    reopened.ensure_dossier(sha, chunks)

    assert spy.count("documents") == 1
    assert reopened.list_dossiers() == [sha[:16]]


def test_a_dossier_chunked_differently_is_embedded_again(
    tmp_path: Path, use_embedder: Embedder
) -> None:
    sha, chunks = _dossier()
    spy = SpyEmbedder(use_embedder)
    store = VectorStore(tmp_path, spy, chunking=CHUNKING)
    store.ensure_dossier(sha, chunks)
    store.ensure_dossier(sha, chunks[:1])

    assert spy.count("documents") == 2
    assert [cid for cid, _ in store.search_dossier(sha, "salon", k=5)] == [chunks[0].id]


def test_concurrent_requests_embed_a_dossier_once(tmp_path: Path, use_embedder: Embedder) -> None:
    sha, chunks = _dossier()
    spy = SpyEmbedder(use_embedder)
    store = VectorStore(tmp_path, spy, chunking=CHUNKING)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            store.ensure_dossier(sha, chunks)
            store.search_dossier(sha, "salon professionnel", k=1)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert spy.count("documents") == 1


def test_search_many_queries_in_one_call(tmp_path: Path, use_embedder: Embedder) -> None:
    sha, chunks = _dossier()
    store = VectorStore(tmp_path, use_embedder, chunking=CHUNKING)
    store.ensure_dossier(sha, chunks)
    vectors = use_embedder.embed_queries(["loi et réglementation", "organiser un salon"])

    first, second = store.search_dossier_many(sha, vectors, k=1)

    assert [first[0][0], second[0][0]] == [chunks[0].id, chunks[1].id]


def test_delete_and_list_dossiers(tmp_path: Path, use_embedder: Embedder) -> None:
    sha, chunks = _dossier()
    store = VectorStore(tmp_path, use_embedder, chunking=CHUNKING)
    store.ensure_dossier(sha, chunks)
    other = "f" * 64
    store.ensure_dossier(other, chunks[:1])

    assert store.list_dossiers() == sorted([sha[:16], other[:16]])
    assert store.delete_dossier(sha) == 1
    assert store.list_dossiers() == [other[:16]]
    assert store.delete_dossier(sha) == 0
    with pytest.raises(KeyError):
        store.search_dossier(sha, "salon", k=1)


def test_referentiel_is_indexed_once_and_filtered(tmp_path: Path, use_embedder: Embedder) -> None:
    ref = _referentiel()
    spy = SpyEmbedder(use_embedder)
    store = ReferentielIndex(VectorStore(tmp_path, spy, chunking=CHUNKING))
    store.ensure(ref)
    ReferentielIndex(VectorStore(tmp_path, spy, chunking=CHUNKING)).ensure(ref)

    ids = [e.id for e in referentiel_entries(ref)]
    assert ids == ["crit-C2", "pestel", "pestel.legal", "pestel.ecologique", "bilan_evenement"]
    assert spy.count("documents") == 1
    name = store.collection(ref)
    assert name.startswith("referentiel-") and name.endswith("-use-m3")

    hits = store.search_referentiel(ref, "loi et réglementation", k=5, where={"kind": "element"})
    assert hits[0][0] == "pestel.legal"
    assert {h for h, _ in hits} == {"pestel.legal", "pestel.ecologique"}
    e5 = store.search_referentiel(ref, "bilan", k=5, where={"epreuves": {"$contains": "E5-P2"}})
    assert [h for h, _ in e5] == ["bilan_evenement"]


def test_services_build_the_store_under_home(tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path))

    assert services.store.path == tmp_path / "chroma"
    assert services.store.embedder is services.embedder
    assert services.embedder.name == "use-m3"
