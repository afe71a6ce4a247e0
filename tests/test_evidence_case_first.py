# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Evidence is quoted from what the dossier says of its own case first: a course sentence that
the definition rules do not catch (no « est un outil », no « consiste à ») is not quoted while a
sentence about the company, its figures or « nous » treats the same point (failure mode 2).
Where only such a sentence exists, it is still shown, so a status never loses its quote. Real
Markdown dossier assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings

DOSSIER = """\
# Dossier E3 — Fournil des Remparts

## Présentation

Le Fournil des Remparts est une boulangerie artisanale de Langres reprise en 2021 par deux associés ; elle emploie cinq personnes et vend pain, viennoiseries et traiteur.

## Seuil de rentabilité

Le seuil de rentabilité représente le niveau d'activité à partir duquel les ventes couvrent toutes les charges de la période et où le résultat devient positif.

Les charges fixes restent identiques quel que soit le volume vendu sur la période : loyer, assurances, abonnements, salaires du personnel permanent.

Les charges variables suivent au contraire les quantités produites : farine, beurre, emballages, énergie des fours.

Au Fournil, nos charges fixes comprennent le loyer du local (21 600 €), les deux salaires permanents (62 400 €) et les assurances et abonnements (12 000 €) ; nos charges variables (farine, beurre, emballages, énergie) représentent 40 % du chiffre d'affaires.

Pour le Fournil, les charges fixes s'élèvent à 96 000 € par an et la marge sur coûts variables à 60 % du chiffre d'affaires : le seuil de rentabilité est donc de 96 000 / 0,60 = 160 000 €, atteint fin août pour un chiffre d'affaires annuel de 240 000 €.
"""

COURSE = ("représente le niveau d'activité", "quel que soit le volume", "suivent au contraire")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_the_case_sentence_is_quoted_not_the_course_sentence(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "fournil.md"
    path.write_text(DOSSIER, encoding="utf-8")
    result = next(
        c for c in services.review.assess(path, "E3").checkpoints if c.id == "seuil_rentabilite"
    )
    assert result.status == "present"
    quotes = [e.quote for e in result.evidence]
    assert quotes and any("160 000" in q for q in quotes)
    assert not [q for q in quotes if any(c in q for c in COURSE)]
    costs = next(
        c for c in services.review.assess(path, "E3").checkpoints if c.id == "structure_couts"
    )
    for element in costs.elements:
        element_quotes = [e.quote for e in element.evidence]
        assert not [q for q in element_quotes if any(c in q for c in COURSE)], element.id
