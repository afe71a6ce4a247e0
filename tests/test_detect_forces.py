# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Porter's forces analysed in prose, without the tool's name or the forces' names: each
paragraph on the competitors, the offers that replace the case's, the customers' weight and
the suppliers' hold is read as that force; the checkpoint follows (here partial, the new
entrants being left out). An introduction that names the forces, a textbook account of them
and a statement that they were not studied stay absent, and a price hike from a supplier
told as economic context is no bargaining power. Real Markdown dossiers assessed through the
review service, as the CLI does, and the rule read alone on their layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import layout_of
from assistant.detect.forces import FRAMES, force_units, in_analysis
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import ingest, present_elements, status_of, write

HEAD = """\
# Verrerie Castagne : faire connaître le verre soufflé de Biot au-delà des touristes

Dossier E1 — Bachelor Responsable de projet marketing et communication

## 1. L'atelier

La Verrerie Castagne, installée à Biot depuis 1987, emploie neuf souffleurs et vend chaque année près de 14 000 pièces (verres, carafes, luminaires). Son chiffre d'affaires atteint 820 000 € en 2024, dont 60 % dans la boutique de l'atelier, 25 % auprès d'hôtels et de restaurants de la Côte d'Azur et 15 % en ligne.

"""

PROSE = """\
## 2. Autour de l'atelier

Trois autres verreries soufflent à Biot même, dont une qui vend ses verres 30 % moins cher que nous, et deux ateliers de Vallauris visent les mêmes boutiques de décoration. Face à eux, la concurrence se joue surtout sur le prix pour les pièces simples.

Beaucoup d'acheteurs ne comparent pas nos verres à ceux d'autres souffleurs mais à la vaisselle design des grandes enseignes : pour un cadeau, ils se tournent vers une carafe en céramique ou un coffret de vins, vendus au même prix.

Les hôtels ne sont que douze à nous commander, mais ils pèsent lourd : deux palaces de Cannes représentent à eux seuls 18 % des ventes et renégocient leurs prix chaque hiver en mettant plusieurs ateliers en concurrence.

Du côté des fournisseurs, le sable et le calcin viennent de deux négociants seulement. L'atelier dépend surtout d'un seul livreur de gaz, qui a imposé une hausse de 40 % en 2023 sans que nous puissions discuter.

"""

INTRO = """\
## 2. Méthode

Le modèle des cinq forces de Porter étudie la rivalité entre concurrents, la menace des nouveaux entrants, la menace des produits de substitution, le pouvoir de négociation des clients et celui des fournisseurs.

En général, les fournisseurs ont du pouvoir quand ils sont peu nombreux, et les clients pèsent sur les prix quand ils achètent en grande quantité ; un produit de substitution répond au même besoin par une autre technologie.

Faute de temps, nous n'avons pas étudié les concurrents de l'atelier ni le poids de ses clients et de ses fournisseurs.

"""

TAIL = """\
## 3. La question

Comment la Verrerie Castagne peut-elle vendre davantage en ligne auprès d'amateurs de décoration qui ne viennent pas à Biot ?
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_forces_written_as_prose_paragraphs_are_read_force_by_force(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "castagne.md", HEAD, PROSE, TAIL)
    result = services.review.assess(path, "E1")
    found = present_elements(result, "porter")
    assert {"rivalite", "substituts", "pouvoir_clients", "pouvoir_fournisseurs"} <= set(found)
    assert "nouveaux_entrants" not in found
    assert status_of(result, "porter") == "partial"
    assert any("deux palaces de Cannes" in q for q in found["pouvoir_clients"])
    assert any("livreur de gaz" in q for q in found["pouvoir_fournisseurs"])


def test_an_introduction_a_textbook_account_and_a_denial_show_no_force(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "castagne.md", HEAD, INTRO, TAIL)
    result = services.review.assess(path, "E1")
    assert present_elements(result, "porter") == {}
    assert status_of(result, "porter") != "present"


def _forces(tmp_path: Path, *parts: str) -> dict[str, list[str]]:
    layout = layout_of(ingest(write(tmp_path, "d.md", *parts)))
    found = force_units(layout, FRAMES["porter"])
    return {
        t: [" ".join(u.text for u in p) for p in passages if in_analysis(p[0], t, found, [])]
        for t, passages in found.items()
    }


def test_a_paragraph_leading_on_the_suppliers_states_their_hold_in_a_later_sentence(
    tmp_path: Path,
) -> None:
    found = _forces(tmp_path, HEAD, PROSE)
    (passage,) = found["pouvoir_fournisseurs"]
    assert passage.startswith("Du côté des fournisseurs") and "dépend" in passage


def test_a_supplier_price_hike_told_as_context_is_no_bargaining_power(tmp_path: Path) -> None:
    context = """\
## 2. Le contexte économique

Le prix du gaz facturé par notre fournisseur a augmenté de 40 % en 2023, comme partout en France, et la fréquentation touristique de Biot a baissé de 6 % la même année.
"""
    found = _forces(tmp_path, HEAD, context)
    assert found["pouvoir_fournisseurs"] == []


def test_a_lone_mention_of_competitors_outside_any_analysis_of_the_market_is_not_rivalry(
    tmp_path: Path,
) -> None:
    event = """\
## 2. La journée portes ouvertes

Nous avons choisi le samedi 14 juin pour ne pas tomber le même jour que le marché des potiers de Vallauris, un événement concurrent qui attire 3 000 visiteurs.
"""
    found = _forces(tmp_path, HEAD, event)
    assert found["rivalite"] == []


SWOT_PROSE = """\
## 2. Où en est l'atelier

La Verrerie Castagne a pour elle un savoir-faire rare (le titre de Maître d'art obtenu en 2019 par son fondateur), une boutique sur la place de Biot qui reçoit 40 000 visiteurs par an et des pièces uniques que les hôtels redemandent.

Elle souffre en revanche d'une présence en ligne presque nulle : le site n'a pas été refait depuis 2014, il ne vend rien, et le compte Instagram ne compte que 700 abonnés.

Le marché lui ouvre des portes : les acheteurs de décoration recherchent des objets faits main, et les concept-stores de Nice et de Marseille cherchent des créateurs locaux.

Mais l'atelier doit faire face à des risques réels : la hausse du prix de l'énergie pour les fours, la concurrence du verre soufflé importé vendu moitié moins cher, et le départ à la retraite de deux souffleurs en 2027.

"""

SWOT_COURSE = """\
## 2. Méthode

La matrice SWOT croise le diagnostic interne et le diagnostic externe d'une entreprise.

Les forces et les faiblesses sont des facteurs internes, tandis que les opportunités et les menaces viennent de l'environnement ; il faut les formuler de façon précise.

"""


def test_swot_quadrants_told_in_prose_are_each_read(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "castagne.md", HEAD, SWOT_PROSE, TAIL)
    result = services.review.assess(path, "E1")
    found = present_elements(result, "swot")
    assert set(found) == {"forces", "faiblesses", "opportunites", "menaces"}
    assert status_of(result, "swot") == "present"
    assert any("ouvre des portes" in q for q in found["opportunites"])


def test_a_course_account_of_the_swot_shows_no_quadrant(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "d.md", HEAD, SWOT_COURSE, TAIL)))
    assert all(passages == [] for passages in force_units(layout, FRAMES["swot"]).values())
