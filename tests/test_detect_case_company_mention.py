# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""« une entreprise » in the candidate's own voice is a partner of the case, not course copy.

A textbook subject (« pour une entreprise, ... », « une entreprise doit ... ») makes a sentence
a definition (failure mode 2); but « nous confions nos bâches usagées à une entreprise de
recyclage » is the case speaking about one of its partners. A PESTEL factor written that way
is analysed (failure mode 3), while the same subject without the case's voice or names stays
unquotable. Real files through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.claims import quotable
from assistant.detect.units import build_units
from assistant.services import Services, build_services
from assistant.settings import Settings

DOSSIER = """\
# Mémoire E1 — Toiles du Ponant, Brest

## 1. L'entreprise

Toiles du Ponant coud des tauds et des bâches de bateau à Brest depuis 2009 : huit salariés, 640 000 € de chiffre d'affaires en 2024.

## 2. Analyse PESTEL

- **Économique** : les ventes de bateaux d'occasion ont baissé de 12 % en Bretagne en 2024, mais les propriétaires font réparer leurs tauds au lieu de les changer ; notre atelier de réparation a pris 18 %.
- **Socioculturel** : l'âge moyen de nos clients plaisanciers est de 61 ans et les jeunes louent plutôt qu'ils n'achètent, ce qui réduit notre clientèle directe.
- **Écologique** : les toiles acryliques usagées ne sont pas recyclées en France ; depuis 2023, nous confions nos chutes à une entreprise de maroquinerie de Morlaix qui en a repris 900 kg l'an dernier.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def sentence(services: Services, tmp_path: Path, text: str) -> bool:
    path = tmp_path / "one.md"
    path.write_text(f"# Dossier\n\n{text}\n", encoding="utf-8")
    units = [u for u in build_units(services.ingest(path), ()) if u.kind == "sentence"]
    assert units
    return quotable(units[0])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Depuis 2024, nous livrons nos fûts pour une entreprise de transport de Cognac.", True),
        ("Nos stagiaires viennent d'une entreprise d'insertion, Ateliers du Léon.", True),
        ("Pour une entreprise, le cadre légal pèse sur chaque décision commerciale.", False),
        ("Une entreprise doit suivre l'inflation et le pouvoir d'achat de ses clients.", False),
        ("De manière générale, les consommateurs veulent des produits durables.", False),
    ],
)
def test_a_company_named_by_the_case_is_no_textbook_subject(
    services: Services, tmp_path: Path, text: str, kept: bool
) -> None:
    assert sentence(services, tmp_path, text) is kept


def test_a_factor_about_a_partner_company_is_analysed(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ponant.md"
    path.write_text(DOSSIER, encoding="utf-8")
    result = next(c for c in services.review.assess(path, "E1").checkpoints if c.id == "pestel")
    status = {e.id: e.status for e in result.elements}
    assert status["ecologique"] == "present", status
    assert status["economique"] == "present", status
    assert status["socioculturel"] == "present", status
    for factor in ("politique", "technologique", "legal"):
        assert status[factor] == "absent", (factor, status)
    ecological = next(e for e in result.elements if e.id == "ecologique")
    assert any("Morlaix" in q.quote or "recyclées" in q.quote for q in ecological.evidence)
