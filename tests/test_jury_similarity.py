"""Similar passages between two candidates' dossiers: real dev-set dossiers read by the real
ingestion, the shipped embedding model; copied and reworded paragraphs are found, unrelated
dossiers of the same épreuve, quotations with their source and the référentiel's own wording
are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.index.embedding import Embedder
from assistant.jury.similarity import shared_counts, similar_pairs
from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, Settings

DEVSET = PROJECT_ROOT / "eval" / "devset"
COPIED = (
    "Les concurrents directs sont Melvita (leader, forte présence en pharmacie, prix moyen 22 €), "
    "Cattier (bio historique, prix bas, 12 €), et deux marques régionales : Lavandes de Provence "
    "(Drôme provençale, positionnée tourisme et cadeau) et Comme Avant (solide, zéro déchet, très "
    "forte en ligne)."
)
REWORDED = (
    "Pendant la finale, Mathis et Emma filmaient les plus beaux points afin de les publier "
    "aussitôt en stories, et j'ai animé un court direct sur Instagram, suivi par une soixantaine "
    "de personnes. Le magasin de sport partenaire avait offert des lots aux vainqueurs "
    "(raquettes, sacs et balles), ce qui a beaucoup plu aux joueurs."
)
ORIGINAL = (
    "Mathis et Emma filmaient les plus beaux points pour les publier en stories dans la foulée, "
    "et j'ai fait un petit direct Instagram pendant la finale, suivi par une soixantaine de "
    "personnes. Le magasin de sport partenaire avait offert des lots pour les vainqueurs "
    "(raquettes, sacs, balles), ce qui a beaucoup plu aux participants."
)
SHARED_BY_RIGHT = (
    "L'étude du marché, de l'environnement et de la concurrence sont réalisées avec l'outil de "
    "diagnostic PESTEL et la matrice de PORTER, et la problématique issue de l'analyse préalable "
    "permet de dégager des orientations stratégiques.\n\n"
    "« Le marché français des cosmétiques biologiques a progressé de 8 % en 2023 et dépasse "
    "désormais le milliard d'euros de ventes annuelles en magasins spécialisés » (source : "
    "Cosmébio, rapport annuel 2024)."
)


def planted(folder: Path, name: str, base: str, *paragraphs: str) -> Path:
    blocks = (DEVSET / base).read_text(encoding="utf-8").split("\n\n")
    middle = len(blocks) // 2
    path = folder / name
    path.write_text("\n\n".join([*blocks[:middle], *paragraphs, *blocks[middle:]]), "utf-8")
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("batch")
    return {
        "source": planted(
            folder, "a.md", "e1-01-herbea-cosmetique-bio.md", ORIGINAL, SHARED_BY_RIGHT
        ),
        "copy": planted(folder, "b.md", "e1-02-pages-vagabondes-librairie.md", COPIED),
        "reword": planted(
            folder, "c.md", "e1-04-camping-pins-argent.md", REWORDED, SHARED_BY_RIGHT
        ),
        "unrelated": planted(folder, "d.md", "e1-03-brasserie-faubourg.md", SHARED_BY_RIGHT),
    }


def test_copies_and_rewordings_are_found_and_unrelated_dossiers_stay_silent(
    batch: dict[str, Path], tmp_path: Path, use_embedder: Embedder
) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    docs = {key: services.ingest(path) for key, path in batch.items()}
    pairs = {
        (p.first, p.second): p for p in similar_pairs(docs, services.referentiel, use_embedder)
    }
    assert set(pairs) == {("copy", "source"), ("reword", "source")}

    copy = pairs["copy", "source"].passages
    assert [p.kind for p in copy] == ["copie"]
    assert copy[0].first.text.startswith("Les concurrents directs sont Melvita")
    assert "Les concurrents directs sont Melvita" in copy[0].second.text
    assert copy[0].first.page is not None and copy[0].second.page is not None

    reword = pairs["reword", "source"].passages
    assert [p.kind for p in reword] == ["reformulation"]
    assert "Mathis et Emma" in reword[0].first.text and "Mathis et Emma" in reword[0].second.text
    assert reword[0].score >= 0.82

    counts = shared_counts(list(pairs.values()))
    assert counts == {"copy": 1, "reword": 1, "source": 2}


def test_without_an_embedder_only_copies_are_found(batch: dict[str, Path], tmp_path: Path) -> None:
    services = build_services(Settings(home=tmp_path / "home"))
    docs = {key: services.ingest(path) for key, path in batch.items()}
    found = similar_pairs(docs, services.referentiel, None)
    assert [(p.first, p.second) for p in found] == [("copy", "source")]
