# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""An objective stated under its own heading (failure mode 3): « 3.1 Objectif de la
collection » over « Vendre 800 bols ... entre mars et décembre 2026. » states a specific,
figured and dated objective though no line opens on « Objectif : » and SMART is never
written. The heading must open on the statement's noun and be short; the statement is the
first unit under it and must hold figures (a wish is no objective) and, for the deadline,
dates. Real Markdown dossiers assessed through the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import write

WORKSHOP = """\
# Dossier E5 — Terres de Vallauris, atelier de céramique

## 1. L'atelier

Terres de Vallauris tourne depuis 2014 des bols et des assiettes en grès dans un atelier de 90 m² à Vallauris. Deux céramistes y travaillent ; le chiffre d'affaires 2024 est de 150 000 €.

## 3. Le lancement de la collection « Mistral »

### {heading}

{statement}

### 3.2 Le prix

Chaque bol sera vendu 34 €, soit 6 € de plus que la gamme actuelle, ce que 58 % des 120 clients interrogés en boutique acceptent.
"""

STATED = "Vendre 800 bols de la collection Mistral entre le 1er mars et le 31 décembre 2026, dont la moitié dans la boutique de l'atelier."
WISH = "Faire connaître la collection aux habitants de la Côte d'Azur et donner envie de venir à l'atelier."


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def smart(services: Services, tmp_path: Path, heading: str, statement: str) -> dict[str, str]:
    text = WORKSHOP.format(heading=heading, statement=statement)
    result = services.review.assess(write(tmp_path, "mistral.md", text), "E5-P3")
    cp = next(c for c in result.checkpoints if c.id == "objectifs_smart")
    return {e.id: e.status for e in cp.elements}


def test_the_first_line_under_an_objective_heading_states_it(
    services: Services, tmp_path: Path
) -> None:
    found = smart(services, tmp_path, "3.1 Objectif de la collection", STATED)
    assert found["mesurable"] == "present", found
    assert found["temporel"] == "present", found


def test_a_wish_under_the_heading_or_a_long_heading_states_nothing(
    services: Services, tmp_path: Path
) -> None:
    assert smart(services, tmp_path, "3.1 Objectif de la collection", WISH)["temporel"] == "absent"
    long_heading = "3.1 Objectifs et parcours des visiteurs dans la boutique de l'atelier"
    assert smart(services, tmp_path, long_heading, STATED)["temporel"] == "absent"
