# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Parallel titles in the student's own words (failure mode 3): a brewer writes the forces of
the market as a run of short bold lead phrases, one paragraph each, never naming Porter nor
the forces' usual names. One title is plainly one force's alone (« Les nouveaux venus »);
others could be two things read alone (« L'influence des cafés acheteurs » reads almost as
near the economic factor as the customers' power; « Les bières qui remplacent la nôtre »
nearer the new entrants than the substitutes). Read as a series, they title the parts of one
tool, each a different part: the run is the forces', and each ambiguous title is given the
closest force its neighbours left. A run of titles that are not the
parts of a tool (three actions of a plan) gives no force; a series only gives what its
content analyses. Real Markdown dossiers assessed through the review service, as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import present_elements, write

BREWERY = """\
# Dossier E5 — Brasserie du Pilat, Pélussin

## 1. La brasserie

La Brasserie du Pilat brasse depuis 2016 des bières de garde dans une ancienne grange de Pélussin (Loire). Elle emploie 4 personnes et a vendu 1 800 hectolitres en 2024 pour 610 000 € de chiffre d'affaires, dont 55 % auprès des cafés et restaurants de la vallée du Rhône.

## 2. Les rapports de force autour de la brasserie

{part}

## 3. Ce que nous en retenons

La brasserie doit garder ses cafés fidèles et sécuriser son malt : c'est l'objet du plan d'actions.
"""

FORCES = """\
**La bataille entre brasseurs.** Onze microbrasseries vendent dans un rayon de 40 km, dont la Brasserie des Monts et Ferme-Bière qui ont baissé leurs fûts de 30 litres à 95 € en 2025 ; chaque café ne garde que deux ou trois pressions artisanales.

**Les nouveaux venus.** Deux projets de brasserie sont annoncés à Annonay et à Condrieu pour 2026 ; le matériel d'occasion coûte moins de 80 000 €, mais se faire une place chez les cafés prend des années.

**Les bières qui remplacent la nôtre.** Les bières de grandes marques à 3 € le demi, les cidres et les vins du Pilat attirent la même clientèle l'été ; le hard seltzer gagne les 20-30 ans.

**L’influence des cafés acheteurs.** Le Café du Marché et Le Comptoir de Condrieu représentent à eux deux 22 % de nos ventes et obtiennent 8 % de remise en échange de l'exclusivité de la pression.

**L'influence des malteries.** La Malterie Rhodanienne fournit 70 % de notre malt ; elle a augmenté ses prix de 12 % en 2024 et impose des commandes de 5 tonnes."""

ACTIONS = """\
**Soirées à la grange.** Le premier vendredi de chaque mois, de mai à septembre 2026, la brasserie ouvre sa grange avec un concert et une visite ; 120 entrées sont attendues à chaque fois.

**Le club des cafés.** Les 25 cafés clients reçoivent une ardoise peinte et deux fûts de dégustation par an ; Léa Morel les visite chaque trimestre.

**Les coffrets de Noël.** 600 coffrets de six bières sont vendus 29 € dans les caves de Saint-Étienne et sur le site, du 15 novembre au 24 décembre 2026."""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def porter(assessment: Assessment) -> dict[str, list[str]]:
    return present_elements(assessment, "porter")


def test_a_title_ambiguous_alone_is_given_the_part_its_series_leaves(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "pilat.md", BREWERY.format(part=FORCES))
    found = porter(services.review.assess(path, "E5-P1"))
    assert "pouvoir_clients" in found, found
    assert any("Café du Marché" in q for q in found["pouvoir_clients"]), found
    assert not any("Malterie" in q for q in found["pouvoir_clients"])


def test_a_run_of_action_titles_gives_no_force(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "pilat.md", BREWERY.format(part=ACTIONS))
    assert porter(services.review.assess(path, "E5-P1")) == {}


FORM = """\
# Dossier E5 — Brasserie du Pilat, Pélussin

## 1. La brasserie

La Brasserie du Pilat brasse depuis 2016 des bières de garde dans une ancienne grange de Pélussin (Loire). Elle emploie 4 personnes et a vendu 1 800 hectolitres en 2024.

## 2. La fête de la bière du Pilat

Date : samedi 19 septembre 2026, de 14 h à minuit, dans la cour de la brasserie.

Lieu : la grange et le pré voisin, 600 places, parking chez M. Favre.

Tarif : 8 € l'entrée avec un verre gravé, gratuit pour les moins de 12 ans.

Animations : trois groupes de la vallée, un food truck Le Camion Gourmand, visites du brassage.

Objectif : 900 entrées et 45 hectolitres servis sur la journée.
"""


def test_the_fields_of_an_event_sheet_are_no_series(services: Services, tmp_path: Path) -> None:
    """« Date : », « Lieu : », « Tarif : » are the fields of a form: each lies near some
    label of the épreuve by chance, and together they are no tool's parts."""
    result = services.review.assess(write(tmp_path, "fete.md", FORM), "E5-P2")
    present = {
        f"{c.id}.{e.id}"
        for c in result.checkpoints
        if c.id in ("swot", "porter", "pestel")
        for e in c.elements
        if e.status == "present"
    }
    assert present == set(), present
