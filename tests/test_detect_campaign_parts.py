# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A web campaign's parts written as students lay them out (issue #13).

- The link to the strategy given as an entry headed by the element's own noun
  (« Alignement : la campagne sert l'objectif de ... »), without « stratégie ».
- A budget given as a table under a bold line that names it and qualifies the name in
  brackets (« **Budget (prévu et réalisé)** »): the line titles the table.

Guards: a bracket with a figure is the content itself, not a title over what follows; a
line that says more than the name is no title.
Real Markdown dossiers assessed through the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.substance import qualified_label
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import present_elements, unit_of, write

CAMPAIGN = """\
# Épreuve E5 — Option 1 : la Maison Théodore, thés en ligne (Tours)

## 1. La maison

La Maison Théodore vend depuis 2017 des thés en vrac dans sa boutique de Tours et sur son site ; elle emploie 6 personnes et réalise 780 000 € de chiffre d'affaires, dont 35 % en ligne.

## 4. La campagne « Une tasse à la fois » (novembre 2025)

Alignement : la direction veut porter la part du site de 35 % à 45 % du chiffre d'affaires d'ici fin 2026, et la campagne vise les acheteurs de coffrets cadeaux qui ne connaissent que la boutique.

Médias sociaux : Instagram et Pinterest, où se trouvent les acheteurs de coffrets ; pas de TikTok.

**Budget (prévu et réalisé)**

| Poste | Prévu | Réalisé |
|---|---:|---:|
| Google Shopping | 1 400 € | 1 380 € |
| Meta Ads | 900 € | 960 € |
| Photos des coffrets | 600 € | 600 € |
| **Total** | **2 900 €** | **2 940 €** |
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_an_alignment_entry_and_a_bracketed_budget_title_are_the_campaigns(
    services: Services, tmp_path: Path
) -> None:
    assessment = services.review.assess(write(tmp_path, "e5.md", CAMPAIGN), "E5-P1")
    found = present_elements(assessment, "campagne_web")
    assert any("de 35 % à 45 %" in q for q in found.get("alignement_strategie", []))
    assert any(
        "Google Shopping" in q or "Meta Ads" in q or "Photos" in q for q in found.get("budget", [])
    )


@pytest.mark.parametrize(
    ("line", "name_ends", "label"),
    [
        ("**Budget (prévu et réalisé)**", 0, True),
        ("Calendrier éditorial (novembre à janvier)", 1, True),
        ("Budget (2 900 €)", 0, False),  # the figure is the content
        ("Budget des coffrets de Noël (prévu)", 0, False),  # more than the name
        ("Le budget a été tenu (à quelques euros près).", 1, False),
    ],
)
def test_a_name_qualified_in_brackets_titles_what_follows(
    tmp_path: Path, line: str, name_ends: int, label: bool
) -> None:
    """``name_ends``: the token where the element's name ends."""
    assert qualified_label(unit_of(tmp_path, line), name_ends) is label
