# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A PESTEL written down the margin as its initials (« P : ... », « E : ... », twice « E »,
one factor left out) gives each factor its line, the second « E » being the ecological one; a
line too thin to say anything stays absent; a list whose letters spell no tool gives nothing;
and a line the run gives to one factor is no evidence of another. Real Markdown dossiers
through the review service, and the rule on the cue rules' outcome."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect import detect_outcomes, layout_of
from assistant.detect.checkpoint import Finding
from assistant.detect.initials import by_initials, letter_runs
from assistant.detect.substance import unit_substance
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, ingest, write

BAKERY = """\
# Dossier E1 — Fournil des Causses, boulangerie bio à Millau

## 1. Présentation

Le Fournil des Causses est une boulangerie bio ouverte en 2017 à Millau : 6 salariés, 640 000 € de chiffre d'affaires en 2024, dont 22 % en livraison aux cantines du Sud-Aveyron.

## 2. Environnement

{margin}

## 3. Clientèle

Nos clients sont surtout des familles du centre-ville et des randonneurs du Larzac l'été.
"""

INITIALS = """\
- **P** : appel d'offres des cantines de la communauté de communes (2025) → 30 % de bio local imposé, une chance pour nos livraisons
- **E** : farine bio + 21 % en deux ans, électricité du four + 38 % ; panier moyen en boutique passé de 9,40 € à 8,70 €
- **S** : les familles achètent moins de pain mais plus de viennoiseries le week-end ; demande de pains sans gluten en hausse
- **E** : sécheresse 2022 et 2023 sur les blés du Larzac → prix du blé local instable, nous stockons deux mois de farine
- **L** : loi EGalim, 50 % de produits durables dont 20 % de bio dans la restauration collective depuis 2022"""

THIN = INITIALS.replace(
    "- **L** : loi EGalim, 50 % de produits durables dont 20 % de bio dans la restauration collective depuis 2022",
    "- **L** : lois",
)

NO_TOOL = """\
- **A** : appel d'offres des cantines de la communauté de communes (2025) → 30 % de bio local imposé
- **B** : farine bio + 21 % en deux ans, électricité du four + 38 %
- **C** : les familles achètent moins de pain mais plus de viennoiseries le week-end"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def pestel(assessment: Assessment) -> dict[str, tuple[str, list[str]]]:
    cp = next(c for c in assessment.checkpoints if c.id == "pestel")
    return {e.id: (e.status, [ev.quote for ev in e.evidence]) for e in cp.elements}


def test_a_pestel_by_its_initials_gives_each_factor_its_line(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "fournil.md", BAKERY.format(margin=INITIALS))
    found = pestel(services.review.assess(path, "E1"))
    for factor in ("politique", "economique", "socioculturel", "ecologique", "legal"):
        assert found[factor][0] == "present", factor
    assert found["technologique"][0] == "absent"
    assert any("sécheresse" in q for q in found["ecologique"][1])
    assert not any("sécheresse" in q for q in found["economique"][1])


def test_a_thin_initial_line_is_no_analysis(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "fournil.md", BAKERY.format(margin=THIN))
    found = pestel(services.review.assess(path, "E1"))
    assert found["legal"][0] == "absent"
    assert found["ecologique"][0] == "present"


def test_letters_that_spell_no_tool_give_nothing(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "fournil.md", BAKERY.format(margin=NO_TOOL)))
    layout = layout_of(doc)
    assert [letter for letter, _ in letter_runs(layout)[0]] == ["A", "B", "C"]
    outcome = detect_outcomes(checkpoints("pestel"), layout)[0]
    assert by_initials(outcome, layout) == outcome


def test_a_siblings_initial_line_is_no_evidence(tmp_path: Path) -> None:
    """The legal line credited to the ecological factor is taken back."""
    doc = ingest(write(tmp_path, "fournil.md", BAKERY.format(margin=INITIALS)))
    layout = layout_of(doc)
    outcome = detect_outcomes(checkpoints("pestel"), layout)[0]
    legal = next(u for u in layout.units if u.text.startswith("L :"))
    wrong = Finding(legal, [legal], unit_substance(legal, frozenset()), verdict=True)
    elements = [
        replace(e, status="present", findings=[wrong]) if e.element.id == "ecologique" else e
        for e in outcome.elements
    ]
    judged = by_initials(replace(outcome, elements=elements), layout)
    ecological = next(e for e in judged.elements if e.element.id == "ecologique")
    assert ecological.status == "present"  # from its own line, not from the legal one
    assert ecological.findings[0].units[0].text.startswith("E : sécheresse")
    assert not any(f.substantive and legal in f.units for f in ecological.findings)
