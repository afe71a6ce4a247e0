# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Passages that assert nothing about the case are never evidence and never quoted: tables of
contents, statements of work not done, definitions, listings of factors, and text extraction
marks (U+FFFE, U+FFFD). Real files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval import docbuild
from tests.dossiers import evidence_quotes, status_of

COVER = """\
# Dossier E1 — Maison Verdal

## Présentation de l'entreprise

Maison Verdal est une chocolaterie artisanale installée à Annecy depuis 2009 ; elle emploie 11 personnes, réalise 1,4 million d'euros de chiffre d'affaires et vend 60 % de sa production dans ses deux boutiques.
"""

PROBLEM = """\
## Problématique

Comment Maison Verdal peut-elle conquérir la clientèle touristique estivale d'Annecy alors que ses ventes chutent de 35 % entre juin et août, quand la chaleur éloigne les amateurs de chocolat ?
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, path: Path, epreuve: str = "E1") -> Assessment:
    return services.review.assess(path, epreuve)


def write(tmp_path: Path, name: str, *parts: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


CONTENTS_MD = """\
## Table des matières

1. Présentation de l'entreprise ........ 2
2. Diagnostic PESTEL ........ 3
3. Les cinq forces de Porter ........ 5
4. Matrice SWOT ........ 6
5. Problématique ........ 8
"""


def test_a_table_of_contents_is_neither_evidence_nor_mention(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, write(tmp_path, "toc.md", COVER, CONTENTS_MD, PROBLEM))
    for checkpoint in ("pestel", "porter", "swot"):
        assert status_of(assessment, checkpoint) == "absent"
    assert not [q for q in evidence_quotes(assessment) if "......" in q or "Matrice SWOT" in q]


def test_a_pdf_table_of_contents_with_dot_leaders_is_never_quoted(
    services: Services, tmp_path: Path
) -> None:
    source = "\n".join([COVER, "<!-- pagebreak -->", CONTENTS_MD, "<!-- pagebreak -->", PROBLEM])
    pdf = docbuild.build_pdf(docbuild.markdown_to_items(source), tmp_path / "toc.pdf")
    assessment = assess(services, pdf)
    assert status_of(assessment, "swot") == "absent"
    assert not [q for q in evidence_quotes(assessment) if "Diagnostic PESTEL" in q or "...." in q]


def test_a_heading_list_without_page_numbers_under_sommaire_is_skipped(
    services: Services, tmp_path: Path
) -> None:
    contents = "## Sommaire\n\n- Analyse PESTEL\n- Matrice SWOT\n- Forces de Porter\n"
    assessment = assess(services, write(tmp_path, "plain-toc.md", COVER, contents, PROBLEM))
    assert status_of(assessment, "pestel") == status_of(assessment, "swot") == "absent"


NOT_DONE_MD = """\
## Bilan de la soirée de lancement

Aucune enquête de satisfaction n'a été envoyée aux invités après la soirée du 14 mars.

Le questionnaire à chaud prévu pour les exposants n'a pas encore pu être diffusé, faute de temps.
"""


def test_a_statement_that_the_survey_was_not_done_is_not_evidence(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, write(tmp_path, "notdone.md", COVER, NOT_DONE_MD), "E5-P2")
    assert status_of(assessment, "bilan_evenement") != "present"
    found = [q for q in evidence_quotes(assessment) if "satisfaction" in q or "questionnaire" in q]
    assert not found


SCHEDULE_NOT_DONE = """\
## Planning

Le rétroplanning de l'opération reste à construire : nous n'avons pas eu le temps de dater les tâches avec l'équipe.
"""


def test_a_schedule_left_to_build_is_not_a_schedule(services: Services, tmp_path: Path) -> None:
    assessment = assess(services, write(tmp_path, "gantt.md", COVER, SCHEDULE_NOT_DONE), "E2")
    assert status_of(assessment, "gantt") != "present"
    assert not [q for q in evidence_quotes(assessment) if "rétroplanning" in q]


DEFINITIONS_MD = """\
## Méthodologie

La matrice SWOT croise les atouts et les fragilités internes d'une organisation avec les chances et les dangers de son environnement.

Les forces de Porter mesurent l'intensité concurrentielle d'un secteur à travers cinq pressions qui s'exercent sur une entreprise.
"""


def test_definitions_of_the_tools_are_not_analyses_and_are_not_quoted(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, write(tmp_path, "def.md", COVER, DEFINITIONS_MD, PROBLEM))
    assert status_of(assessment, "swot") != "present"
    assert status_of(assessment, "porter") != "present"
    assert not [q for q in evidence_quotes(assessment) if "croise" in q or "intensité" in q]


LISTING_MD = """\
## Notre environnement

Notre diagnostic externe passe en revue les dimensions politiques, économiques, socioculturelles, technologiques, écologiques et légales qui pèsent sur la chocolaterie.
"""


def test_a_sentence_listing_the_factors_analyses_none_of_them(
    services: Services, tmp_path: Path
) -> None:
    assessment = assess(services, write(tmp_path, "list.md", COVER, LISTING_MD, PROBLEM))
    pestel = next(c for c in assessment.checkpoints if c.id == "pestel")
    assert {e.status for e in pestel.elements} == {"absent"}
    assert pestel.status != "present"


MARKS_MD = """\
## Analyse PESTEL

Technologique : l'essor de l'e\ufffesport et des boutiques en ligne pousse Maison Verdal à vendre ses coffrets sur Internet, où 42 % de ses clients de Lyon commandent déjà.

Économique : l'inflation de 4,9 % en 2023 a renchéri le cacao de 30 % et réduit la marge brute de Maison Verdal de trois points, ce qui l'oblige à revoir ses prix.

Légal : la loi AGEC impose à Maison Verdal de supprimer les sachets plastiques de ses boutiques d'ici 2025, ce qui coûte 8 000 € par an en emballages carton.

Politique : la région Auvergne-Rhône-Alpes subventionne à 40 % l'export des artisans, une aide dont Maison Verdal a bénéficié en 2022 pour le marché suisse.

Socioculturel : les touristes achètent des souvenirs gourmands ; 58 % des visiteurs d'Annecy déclarent rapporter un produit local, ce qui ouvre un débouché en été.

Écologique : les vagues de chaleur de 2022 ont fait fondre des stocks et obligé Maison Verdal à investir 12 000 € dans des vitrines réfrigérées à faible consommation d'\ufffdnergie.
"""


def test_extraction_marks_never_reach_a_quote(services: Services, tmp_path: Path) -> None:
    assessment = assess(services, write(tmp_path, "marks.md", COVER, MARKS_MD, PROBLEM))
    assert status_of(assessment, "pestel") == "present"
    found = evidence_quotes(assessment)
    assert any("esport" in q for q in found)
    assert not [q for q in found if "\ufffe" in q or "\ufffd" in q]
