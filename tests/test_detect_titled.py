# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""An element titled in the student's own words (failure mode 3: a real analysis missed when it
does not use the usual names): « Les nouveaux venus. » leading a paragraph on the brands that
just came in, or a heading « Les nouveaux venus » over it, is the threat of new entrants even
though neither « entrants » nor « Porter » is written. The title is read by meaning (its
embedding against the labels of the épreuve), so it must be plainly one element's and no
other's; the content it leads must be about the case (a figure or a name). A general remark
under such a title, or a title that names the whole tool rather than one of its parts, gives
nothing. Real Markdown dossiers assessed through the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect.titled import _entry, title_text
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import present_elements, unit_of, write

SOAP = """\
# Dossier E5 — Savonnerie des Dunes, Le Touquet

## 1. L'entreprise

La Savonnerie des Dunes fabrique depuis 2011 des savons saponifiés à froid dans un atelier de 180 m² au Touquet. Elle emploie 5 salariés et a réalisé 420 000 € de chiffre d'affaires en 2024, dont 60 % dans sa boutique du front de mer et 25 % sur son site.

## 2. Autour de la savonnerie

{part}

## 3. Ce que nous retenons

La savonnerie doit défendre sa fabrication locale face aux prix bas : c'est l'axe du plan d'actions qui suit.
"""

LEAD = "Les nouveaux venus. Depuis 2023, deux marques en ligne, Mousse & Co et Savons Perchés, font fabriquer leurs savons en Espagne et les vendent 30 % moins cher que nous sur Amazon ; ouvrir une boutique sur la côte d'Opale demande pourtant 60 000 € d'agencement, ce qui freine les artisans."
HEADING = "### Les nouveaux venus\n\nDepuis 2023, deux marques en ligne, Mousse & Co et Savons Perchés, font fabriquer leurs savons en Espagne et les vendent 30 % moins cher que nous sur Amazon ; ouvrir une boutique sur la côte d'Opale demande pourtant 60 000 € d'agencement, ce qui freine les artisans."
VAGUE = "Les nouveaux venus. Il y en aura sûrement d'autres un jour, parce que c'est un métier qui attire beaucoup de monde et que tout le monde aime les belles choses faites à la main."


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def porter(assessment: Assessment) -> dict[str, list[str]]:
    return present_elements(assessment, "porter")


@pytest.mark.parametrize("part", [LEAD, HEADING], ids=["lead phrase", "heading"])
def test_a_title_in_other_words_opens_its_elements_analysis(
    services: Services, tmp_path: Path, part: str
) -> None:
    path = write(tmp_path, "dunes.md", SOAP.format(part=part))
    found = porter(services.review.assess(path, "E5-P1"))
    assert "nouveaux_entrants" in found, found
    assert any("Mousse & Co" in q for q in found["nouveaux_entrants"])


def test_a_general_remark_under_such_a_title_is_no_analysis(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "dunes.md", SOAP.format(part=VAGUE))
    assert "nouveaux_entrants" not in porter(services.review.assess(path, "E5-P1"))


def test_a_titles_words_leave_its_numbering_and_an_entry_is_a_short_label(tmp_path: Path) -> None:
    assert title_text(unit_of(tmp_path, "2.3 Les nouveaux venus")) == "Les nouveaux venus"
    assert (
        title_text(unit_of(tmp_path, "IV) Les solutions de rechange :"))
        == "Les solutions de rechange"
    )
    assert _entry(
        unit_of(tmp_path, "nos propres médias : site, lettre mensuelle et page Instagram")
    ) == ("nos propres médias")
    assert _entry(unit_of(tmp_path, "Il faut le dire : la boutique vend surtout l'été.")) == ""
    assert _entry(unit_of(tmp_path, "Le 3 mars : réunion avec le maire et les commerçants.")) == ""


ACTION_PLAN = """\
# Dossier E1 — Savonnerie des Dunes, Le Touquet

## 1. L'entreprise

La Savonnerie des Dunes fabrique depuis 2011 des savons saponifiés à froid dans un atelier de 180 m² au Touquet. Elle emploie 5 salariés et a réalisé 420 000 € de chiffre d'affaires en 2024, dont 60 % dans sa boutique du front de mer et 25 % sur son site.

## 5. Plan d'actions

En mars 2026, la savonnerie ouvrira un corner chez trois hôtels de Berck et du Touquet ; le 14 avril, Claire Fauquet lancera l'atelier « fabrique ton savon » du samedi ; en juin, l'équipe reprendra la gamme pour les comités d'entreprise de la Côte d'Opale.
"""


def test_a_title_that_names_another_checkpoint_titles_none_of_this_ones_elements(
    services: Services, tmp_path: Path
) -> None:
    """« Plan d'actions » reads close to the communication plan's planning by meaning, but it
    is the name of the action plan, a checkpoint of its own."""
    path = write(tmp_path, "dunes.md", ACTION_PLAN)
    result = services.review.assess(path, "E1")
    plan = next(c for c in result.checkpoints if c.id == "plan_communication")
    assert {e.id: e.status for e in plan.elements}["planning"] == "absent"


COVER = """\
# Dossier E5 — Savonnerie des Dunes, Le Touquet

Candidat : Jeanne Marchal – Bachelor RPMC – Alternance chez la Savonnerie des Dunes, Le Touquet

## 1. L'entreprise

La Savonnerie des Dunes fabrique depuis 2011 des savons saponifiés à froid dans un atelier de 180 m² au Touquet. Elle emploie 5 salariés et a réalisé 420 000 € de chiffre d'affaires en 2024.

## 2. La concurrence

La concurrence, étudiée avec la matrice de Porter, est vive sur la côte.
"""


def test_a_lone_word_or_the_tools_name_under_a_title_gives_nothing(
    services: Services, tmp_path: Path
) -> None:
    """A cover page's « Candidat : » is one word whose vector falls near unrelated labels;
    a line under « La concurrence » that only names the tool says nothing of the rivals."""
    result = services.review.assess(write(tmp_path, "dunes.md", COVER), "E5-P2")
    statuses = {f"{c.id}.{e.id}": e.status for c in result.checkpoints for e in c.elements}
    assert statuses["swot.menaces"] == "absent"
    assert statuses["porter.rivalite"] == "absent"
