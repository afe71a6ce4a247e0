# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A grid of rated names (failure mode 3): students write each part of a tool as a line that
names it and rates it in a word (« Pouvoir des fournisseurs : élevé »), then its analysis in
the lines below (« - Fait : ... », « - Conséquence : ... »). The rated line is a title: its
analysis is what follows it, up to the next rated name. Before, the line was read as an entry
whose whole content was its rating, and the analysis under it was lost. A value with a figure
(« Budget : 3 000 € ») stays the line's own content. Real Markdown dossiers assessed through
the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.substance import rated_label
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import unit_of, write

GRID = """\
# Dossier E5 — Atelier Lumen, luminaires en céramique, Limoges

## 1. L'atelier

L'Atelier Lumen fabrique depuis 2019 des suspensions en porcelaine de Limoges. Il emploie 3 personnes et a réalisé 240 000 € de chiffre d'affaires en 2024, dont 70 % auprès d'architectes d'intérieur.

## 2. Les cinq forces du marché

**Intensité concurrentielle : élevée**
- Fait : quatre ateliers de porcelaine lumineuse vendent en France, dont Porcelaine & Co à Vierzon, 20 % moins cher que nous.
- Conséquence : nous perdons les appels d'offres des hôtels où seul le prix compte.

**Pouvoir des fournisseurs : élevé**
- Fait : un seul fournisseur de pâte à porcelaine, la Société Céramique du Limousin, a relevé ses prix de 15 % en 2024 et impose des lots de 500 kg.
- Conséquence : notre marge a perdu 4 points et nous stockons six mois de pâte.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_the_analysis_under_a_rated_name_is_its_content(services: Services, tmp_path: Path) -> None:
    result = services.review.assess(write(tmp_path, "lumen.md", GRID), "E5-P1")
    porter = next(c for c in result.checkpoints if c.id == "porter")
    found = {
        e.id: [ev.quote for ev in e.evidence] for e in porter.elements if e.status == "present"
    }
    assert "pouvoir_fournisseurs" in found, found
    assert any("Société Céramique" in q or "marge" in q for q in found["pouvoir_fournisseurs"])


def test_a_rated_name_is_a_short_value_without_figures(tmp_path: Path) -> None:
    rated = unit_of(tmp_path, "Pouvoir des fournisseurs : élevé")
    assert rated_label(rated, 2)
    assert not rated_label(unit_of(tmp_path, "Budget : 3 000 €"), 0)
    assert not rated_label(
        unit_of(tmp_path, "Pouvoir des fournisseurs : ils imposent leurs prix aux petits ateliers"),
        2,
    )
