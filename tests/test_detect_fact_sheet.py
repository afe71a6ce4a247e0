# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""The company's presentation written as a fact sheet under a plain heading (« 1. L'atelier »,
« La Cordée en bref »): founded in a year, a headcount, a turnover; the dossier never writes
« présentation de l'entreprise ». Real Markdown dossiers assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import layout_of
from assistant.detect.fact_sheet import sheet_units
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import evidence_quotes, ingest, status_of, write

SHEET = """\
# Mémoire E5 — La Cordée, fabricant de cordes d'escalade

## 1. L'atelier

- atelier familial de tressage fondé en 1961 à Cluses (Haute-Savoie), 3e génération
- 17 salariés, dont 9 au tressage et 2 au contrôle qualité
- CA 2024 : 3,1 M€, dont 54 % en magasins de sport, 31 % en salles d'escalade et 15 % en ligne
- la marge vient des cordes certifiées pour les salles, vendues par lots de 10 sous contrat annuel

## 2. Le projet

La Cordée veut lancer en mars 2026 une corde recyclée, la « Boucle », tressée à partir de cordes usagées rapportées par les salles partenaires.
"""

NOT_A_SHEET = """\
# Mémoire E5 — La Cordée, fabricant de cordes d'escalade

## 1. Le marché

- 2 300 salles d'escalade en Europe en 2024, dont 430 en France
- le marché français de l'équipement d'escalade pèse 210 M€, +6 % par an depuis 2019
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_a_fact_sheet_under_a_plain_heading_presents_the_company(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dossier.md", SHEET)
    assessment = services.review.assess(path, "E5-P3")
    assert status_of(assessment, "presentation_entreprise") == "present"
    assert any("fondé en 1961" in q for q in evidence_quotes(assessment))


def test_market_figures_are_no_fact_sheet(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "dossier.md", NOT_A_SHEET)))
    headings = [u for u in layout.units if u.kind == "heading"]
    assert all(sheet_units(layout, h) == [] for h in headings)


def test_the_fact_sheet_lines_are_the_identity_facts(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "dossier.md", SHEET)))
    heading = next(u for u in layout.units if u.kind == "heading" and "atelier" in u.text)
    facts = sheet_units(layout, heading)
    assert [u.text[:20] for u in facts] == [
        "atelier familial de ",
        "17 salariés, dont 9 ",
        "CA 2024 : 3,1 M€, do",
    ]


def test_a_long_heading_over_the_same_facts_titles_another_subject(tmp_path: Path) -> None:
    text = SHEET.replace(
        "## 1. L'atelier", "## 1. Les enjeux commerciaux et industriels de la saison d'hiver"
    )
    layout = layout_of(ingest(write(tmp_path, "dossier.md", text)))
    headings = [u for u in layout.units if u.kind == "heading"]
    assert all(sheet_units(layout, h) == [] for h in headings)
