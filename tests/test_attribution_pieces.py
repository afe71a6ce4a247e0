# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Element attribution reads the pieces of a passage (``attribution.pieces``): each clause of
a sentence that holds several, each cell of a table row under the title of its column; and it
knows when the best piece belongs to a sibling (its margin over the siblings, a piece a
present sibling already quotes). Real Markdown files, the shipped embedder and weights."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.attribution import (
    FEATURES,
    best_sentence,
    element_features,
    pieces,
)
from assistant.detect.judgment import judge, load_judgment, reading_of
from assistant.detect.meaning import (
    column_titles,
)
from assistant.detect.results import to_result
from assistant.index.embedding import UseEmbedder
from tests.dossiers import checkpoints, scanned, shipped_attribution, write

# a media plan in one sentence, one clause per kind of media, none of them named by its usual label
MEDIA_LINE = """\
# Dossier E2 — Brasserie du Grand Cerf

La Brasserie du Grand Cerf, à Épernay, brasse 1 200 hectolitres par an et ouvre en mars une salle de dégustation de 60 places.

Pour l'ouverture, nous avons réparti les moyens ainsi : 4 500 € d'annonces Facebook et Instagram ciblées sur 30 km autour d'Épernay ; un article obtenu dans L'Union et un passage sur France Bleu Champagne grâce au communiqué envoyé aux rédactions ; les photos des clients republiées avec le mot-dièse #GrandCerfTap, qui ont atteint 18 000 vues ; notre site, la lettre d'information envoyée à 2 700 abonnés et l'ardoise de la boutique.
"""

# a SWOT grid whose columns are titled in English, the second pair of titles inside the table
GRID = """\
# Dossier E1 — Brasserie du Grand Cerf

## Présentation

La Brasserie du Grand Cerf, à Épernay, brasse 1 200 hectolitres par an, emploie 9 personnes et vend 40 % de sa production dans la Marne.

## Diagnostic

| Strengths | Weaknesses |
|---|---|
| Recettes primées au concours de Nancy 2024, équipe de 9 brasseurs formés | Une seule cuve de garde, pas de ligne de mise en canette |
| Opportunities | Threats |
| Les bières locales gagnent 7 % par an dans les cavistes de la Marne | Deux brasseries industrielles baissent leurs prix de 12 % et prennent les linéaires des supermarchés |
"""

# the economic factor named and analysed; nothing legal anywhere: the legal factor's best
# reading is the economic sentence, which the economic factor already quotes
ECONOMIC_ONLY = """\
# Dossier E1 — Brasserie du Grand Cerf

La Brasserie du Grand Cerf, à Épernay, brasse 1 200 hectolitres par an et emploie 9 personnes.

## Analyse PESTEL

Économique : le prix du malt a augmenté de 22 % en deux ans et celui du verre de 15 %, ce qui a réduit notre marge brute de 6 points alors que les cavistes refusent toute hausse de prix.
"""


@pytest.fixture(scope="module")
def embedder() -> Iterator[UseEmbedder]:
    yield UseEmbedder()


def test_each_clause_of_a_long_sentence_is_read_alone(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """The paid ads' clause is what the paid media's best reading holds, the re-shared photos'
    the shared media's, the website's and newsletter's the owned media's: each a clause, not
    the whole sentence, quoted by the sentence that holds it, verbatim."""
    doc, found = scanned(write(tmp_path, "cerf.md", MEDIA_LINE), embedder, "peso")
    long = next(i for i, p in enumerate(found.passages) if "L'Union" in p.text)
    read = [text for _, _, text in pieces(found, long)]
    assert any(t.startswith("un article obtenu dans L'Union") for t in read)
    assert any(t.startswith("les photos des clients") for t in read)
    own = {"paid": "annonces Facebook", "shared": "photos des clients", "owned": "notre site"}
    model = shipped_attribution()
    for element, words in own.items():
        piece = best_sentence(model, found, f"peso.{element}")
        assert piece is not None and words in piece.text
        assert piece.text != piece.unit.text  # the clause, not the whole sentence
        assert piece.unit.text in doc.text


def test_a_table_cell_is_read_under_its_column_title(tmp_path: Path, embedder: UseEmbedder) -> None:
    """The cells below « Opportunities | Threats » are read under those titles, not under the
    table's first row; rows of titles have none; the strengths are found in their own cell,
    read as « Strengths : ... », and quoted from that cell alone."""
    doc, found = scanned(write(tmp_path, "cerf.md", GRID), embedder, "swot")
    cells = [u for u in layout_of(doc).units if u.kind == "cell"]
    titles = column_titles(layout_of(doc))
    assert all(u.index not in titles for u in cells if u.row in (0, 2))
    threat = next(u for u in cells if "industrielles" in u.text)
    assert titles[threat.index] == "Threats"
    rows = {p.text: i for i, p in enumerate(found.passages) if p.table_row}
    last = next(i for t, i in rows.items() if "industrielles" in t)
    read = [text for _, _, text in pieces(found, last)]
    assert any(t.startswith("Threats : Deux brasseries industrielles") for t in read)
    assert any(t.startswith("Opportunities : Les bières locales") for t in read)
    piece = best_sentence(shipped_attribution(), found, "swot.forces")
    assert piece is not None and piece.unit.kind == "cell"
    assert piece.text.startswith("Strengths : Recettes primées")
    outcome = detect_outcomes(checkpoints("swot"), layout_of(doc))[0]
    strengths = next(e for e in outcome.elements if e.element.id == "forces")
    absent = dataclasses.replace(strengths, status="absent", findings=[])
    lone = dataclasses.replace(
        outcome, elements=[absent if e is strengths else e for e in outcome.elements]
    )
    eager = dataclasses.replace(shipped_attribution(), threshold=0.0)
    result = to_result(judge(lone, reading_of(found), load_judgment(), attribution=eager), doc.text)
    element = next(e for e in result.elements if e.id == "forces")
    assert element.status == "present"
    assert [ev.quote for ev in element.evidence] == [piece.unit.text]


def test_a_piece_a_present_sibling_quotes_is_read_as_taken(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """Only the economic factor is written: the other factors' best readings point at the
    economic sentence, which the rules found for the economic factor, and read it as taken;
    the shipped model leaves them all absent."""
    doc, found = scanned(write(tmp_path, "cerf.md", ECONOMIC_ONLY), embedder, "pestel")
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    economic = next(e for e in outcome.elements if e.element.id == "economique")
    assert economic.status == "present"
    quoted = {u.index for f in economic.findings if f.substantive for u in f.units}
    taken = []
    for element in outcome.elements:
        if element is economic:
            continue
        features = element_features(
            outcome, element, outcome.elements, found, shipped_attribution()
        )
        assert features is not None and features[2] is not None
        mine = features[2].unit.index in quoted
        assert features[0][FEATURES.index("taken")] == float(mine)
        taken.append(mine)
    assert any(taken)  # the malt sentence is some unwritten factor's best reading
    result = to_result(
        judge(outcome, reading_of(found), load_judgment(), attribution=shipped_attribution()),
        doc.text,
    )
    assert {e.id for e in result.elements if e.status == "present"} == {"economique"}
    assert result.status == "partial"
