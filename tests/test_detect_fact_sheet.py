# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Two topics students treat without naming them. The company's presentation written as a
fact sheet under a plain heading (« 1. L'atelier », « Marée Haute en bref »): founded in a
year, a headcount, a turnover; the dossier never writes « présentation de l'entreprise ». And
the personal review written as what the student learnt (« J'ai appris à… », « Ce stage m'a
appris… ») with no « bilan » in it. Real Markdown dossiers assessed through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.fact_sheet import sheet_units
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, write

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


REVIEW = """\
## 6. Pour finir

En arrivant chez La Cordée, je pensais que le marketing produit se jouait sur l'emballage. J'ai appris à partir des retours des salles : j'ai mené 14 entretiens avec des gérants de salles en Savoie, et c'est l'un d'eux qui m'a donné l'idée du retour des cordes usagées. J'ai eu du mal à tenir le calendrier quand le fournisseur de fil a livré avec cinq semaines de retard ; j'ai appris à prévenir tôt et à proposer un plan de repli. Je sais maintenant que je suis plus à l'aise sur le terrain qu'en analyse de chiffres, sur lesquels je dois progresser.
"""


def test_a_review_told_as_what_was_learnt_is_found_by_the_rules(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "dossier.md", SHEET, REVIEW)))
    (outcome,) = detect_outcomes(checkpoints("bilan_personnel"), layout)
    assert outcome.status != "absent"
    assert any("J'ai appris" in u.text for f in outcome.findings for u in f.units)


def test_a_review_told_as_what_was_learnt_is_found(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "dossier.md", SHEET, REVIEW)
    assessment = services.review.assess(path, "E5-P3")
    assert status_of(assessment, "bilan_personnel") != "absent"
