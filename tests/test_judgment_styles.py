# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Analyses held in tables under English headings and row labels count like French ones.
Real Markdown files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings

DOSSIER = """\
# Fjord Kayak Tours — Bloc 1

### Company overview

| Item | Fjord Kayak Tours |
|---|---|
| Activity | Location de kayaks de mer et sorties guidées à Crozon depuis 2017 |
| Revenue 2023 | 412 000 € (+9 % vs 2022), 6 900 clients |

### Competitive forces

| Force | Level | Analysis |
|---|---|---|
| Rivalry | Forte | Quatre loueurs sur la presqu'île, dont Crozon Glisse qui casse ses prix à 25 € la demi-journée contre 32 € chez nous. |
| New entrants | Faible | Une licence de guide et 60 000 € de flotte : peu d'ouvertures, une seule en 2022 à Morgat. |
| Substitutes | Moyenne | Paddle, voile légère et balades en bateau à moteur attirent les mêmes touristes, surtout les familles. |
| Buyer power | Moyenne | Les comités d'entreprise, 18 % de notre CA, négocient des remises de 10 % sur les groupes. |
| Supplier power | Forte | Deux fabricants seulement livrent nos kayaks biplaces, avec des délais passés de 6 à 14 semaines. |
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_porter_forces_in_a_table_with_english_row_labels_are_present(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "kayak.md"
    path.write_text(DOSSIER, encoding="utf-8")
    assessment = services.review.assess(path, "E1")
    porter = next(c for c in assessment.checkpoints if c.id == "porter")
    assert porter.status == "present"
    buyers = next(e for e in porter.elements if e.id == "pouvoir_clients")
    assert any("18 %" in ev.quote for ev in buyers.evidence)
