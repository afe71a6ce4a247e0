# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A table of contents whose numbered titles reach the PDF as one paragraph (lines joined, no
list markup, titles naming tools with commas inside) is still a table of contents: never
evidence (failure mode 7). Real PDF built by ``eval.docbuild``, read by the real ingestion and
assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.toc import toc_blocks
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_pdf, markdown_to_items
from tests.dossiers import ingest

DOSSIER = """\
# Dossier E1 — Verrerie Aubanel

## Contents
1. Présentation de la verrerie
2. Environnement externe (PESTEL, Porter, facteurs clés)
3. Matrice SWOT et problématique
4. Stratégie de communication digitale
5. Accessibilité numérique (RGAA)
6. Tableau de bord et indicateurs

<!-- pagebreak -->

## 1. Présentation de la verrerie

La Verrerie Aubanel est un atelier de soufflage de verre installé à Biot depuis 1987 ; ses onze verriers produisent 24 000 pièces par an, vendues pour 60 % dans la boutique de l'atelier et pour 40 % à des hôtels de la Côte d'Azur.

## 2. Environnement externe

Le prix du gaz a triplé entre 2021 et 2023 : le four tourne jour et nuit, si bien que l'énergie est passée de 9 % à 22 % de nos coûts et nous a obligés à relever nos prix de 15 %.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def pdf_of(tmp_path: Path) -> Path:
    return build_pdf(markdown_to_items(DOSSIER), tmp_path / "aubanel.pdf")


def test_the_joined_titles_of_a_pdf_are_read_as_contents(tmp_path: Path) -> None:
    doc = ingest(pdf_of(tmp_path))
    joined = [b for b in doc.blocks if "Matrice SWOT et problématique" in b.text]
    assert joined and "Stratégie de communication" in joined[0].text  # one paragraph, as in PDFs
    assert {b.index for b in joined} <= toc_blocks(doc)
    story = next(b for b in doc.blocks if "soufflage de verre" in b.text)
    assert story.index not in toc_blocks(doc)


def test_no_quote_comes_from_the_joined_contents(services: Services, tmp_path: Path) -> None:
    assessment = services.review.assess(pdf_of(tmp_path), "E1")
    quotes = [e.quote for c in assessment.checkpoints for e in c.evidence] + [
        e.quote for c in assessment.checkpoints for el in c.elements for e in el.evidence
    ]
    assert quotes  # the dossier's analysis is quoted ...
    titles = ("facteurs clés", "Matrice SWOT et", "Accessibilité numérique", "Tableau de bord et")
    assert not [q for q in quotes if any(t in q for t in titles)]  # ... its contents never


PLAIN_LINE_TITLE = """\
# Dossier E1 — Fromagerie du Vieux Lavoir

Plan du travail

Sommaire
1. Qui sommes-nous
2. Nos clients et leurs attentes
3. Actions et calendrier

## 1. Qui sommes-nous

La Fromagerie du Vieux Lavoir affine 40 tommes par semaine à Cluny depuis 2011 ; nous vendons 70 % de la production au marché du samedi.

## 2. Nos clients et leurs attentes

Nos 25 questionnaires montrent que les clients du marché veulent goûter avant d'acheter.

## 3. Actions et calendrier

En avril, nous ouvrirons un stand de dégustation le samedi matin.
"""


def test_titles_listed_under_a_plain_sommaire_line_are_contents(tmp_path: Path) -> None:
    """« Sommaire » written as an ordinary line, its titles a numbered list with no page
    numbers: each item repeats a heading of the dossier, so it is contents; the sections are
    not."""
    path = tmp_path / "lavoir.md"
    path.write_text(PLAIN_LINE_TITLE, encoding="utf-8")
    doc = ingest(path)
    contents = toc_blocks(doc)
    items = [b for b in doc.blocks if b.kind != "heading" and "Actions et calendrier" in b.text]
    assert items and all(b.index in contents for b in items)
    story = next(b for b in doc.blocks if "affine 40 tommes" in b.text)
    assert story.index not in contents
