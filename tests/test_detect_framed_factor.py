# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Factors written in prose, each paragraph opening on a frame that names it (failure mode 3):
« Sur le plan économique, ... », « D'un point de vue juridique, ... » say what the paragraph
is about as an entry line says it with a colon, even where the tool is never named and only
two factors are treated. A framed paragraph that says nothing of the case, or says the work
was not done, stays absent (failure modes 2 and 4).
Real files (Markdown, and a PDF built by ``eval.docbuild``) through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment, CheckpointResult
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_pdf, markdown_to_items

COVER = """\
# Mémoire E1 — La Halle aux Vélos, Clermont-Ferrand

## 1. L'entreprise

La Halle aux Vélos vend et répare des vélos de ville depuis 2014 dans le quartier Jaude, avec sept salariés et un chiffre d'affaires de 1,1 million d'euros en 2024.

## 2. Ce qui se passe autour de nous
"""

CASE = """\
Sur le plan économique, les ventes de vélos neufs ont reculé de 11 % en France en 2024 après deux années record, et nos clients attendent les promotions : le panier moyen du magasin est passé de 1 480 € à 1 290 € en un an.

Nous avons aussi rencontré le responsable du service vélo de la métropole pour préparer un stand commun lors de la semaine de la mobilité en septembre.

D'un point de vue juridique, le marquage antivol obligatoire depuis 2021 et la loi d'orientation des mobilités nous obligent à graver chaque vélo vendu, ce qui a coûté 14 000 € de graveuse et de formation à l'atelier.
"""

EMPTY = """\
Sur le plan économique, il faudrait étudier la croissance et l'inflation d'un secteur.

Nous avons aussi rencontré le responsable du service vélo de la métropole pour préparer un stand commun lors de la semaine de la mobilité en septembre.

D'un point de vue juridique, nous n'avons pas eu le temps de regarder les lois qui s'appliquent.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def pestel(services: Services, tmp_path: Path, body: str, pdf: bool = False) -> CheckpointResult:
    text = COVER + "\n" + body
    path = tmp_path / "halle.md"
    path.write_text(text, encoding="utf-8")
    if pdf:
        path = build_pdf(markdown_to_items(text), tmp_path / "halle.pdf")
    assessment: Assessment = services.review.assess(path, "E1")
    return next(c for c in assessment.checkpoints if c.id == "pestel")


@pytest.mark.parametrize("pdf", [False, True], ids=["md", "pdf"])
def test_paragraphs_opening_on_a_framed_factor_analyse_it(
    services: Services, tmp_path: Path, pdf: bool
) -> None:
    result = pestel(services, tmp_path, CASE, pdf)
    status = {e.id: e.status for e in result.elements}
    assert status["economique"] == "present", status
    assert status["legal"] == "present", status
    for factor in ("politique", "socioculturel", "technologique", "ecologique"):
        assert status[factor] == "absent", (factor, status)
    legal = next(e for e in result.elements if e.id == "legal")
    assert any("marquage antivol" in q.quote for q in legal.evidence)


def test_framed_paragraphs_that_say_nothing_of_the_case_stay_absent(
    services: Services, tmp_path: Path
) -> None:
    result = pestel(services, tmp_path, EMPTY)
    assert {e.id: e.status for e in result.elements} == dict.fromkeys(
        [e.id for e in result.elements], "absent"
    )
    assert not [q for e in result.elements for q in e.evidence]
