# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A factor named only to be set aside is not analysed (failure mode 4): « on pourrait
évoquer les applications de réservation, mais cela n'est pas notre propos » says the dossier
leaves the technological factor out; it is neither present nor quoted, while the factors the
same section does analyse stay present. Real files through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import CheckpointResult
from assistant.detect.claims import quotable
from assistant.detect.units import build_units
from assistant.services import Services, build_services
from assistant.settings import Settings

DOSSIER = """\
# Mémoire E1 — Le Fournil de la Vienne, Poitiers

## 1. L'entreprise

Le Fournil de la Vienne est une boulangerie de quartier ouverte en 2011, avec neuf salariés et 780 000 € de chiffre d'affaires en 2024.

## 2. Analyse PESTEL

Économique : le prix du beurre a pris 38 % entre 2021 et 2023 et la farine 21 %, si bien que notre baguette est passée de 1,05 € à 1,25 € ; les ventes de viennoiseries ont baissé de 9 %.

Socioculturel : les clients du quartier, surtout des étudiants et des retraités, achètent moins de pain par jour mais plus de pains spéciaux au levain, qui représentent 31 % de nos ventes de pain.

Légal : l'affichage obligatoire des allergènes et la déclaration des fabrications maison nous ont obligés à refaire les 46 étiquettes de la vitrine en 2024.

On pourrait évoquer aussi la technologie, les terminaux de paiement et les applications de commande en ligne, mais cela n'est pas vraiment notre propos dans ce dossier.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def pestel(services: Services, tmp_path: Path) -> CheckpointResult:
    path = tmp_path / "fournil.md"
    path.write_text(DOSSIER, encoding="utf-8")
    return next(c for c in services.review.assess(path, "E1").checkpoints if c.id == "pestel")


def test_a_factor_set_aside_is_neither_present_nor_quoted(
    services: Services, tmp_path: Path
) -> None:
    result = pestel(services, tmp_path)
    status = {e.id: e.status for e in result.elements}
    assert status["technologique"] == "absent", status
    for factor in ("economique", "socioculturel", "legal"):
        assert status[factor] == "present", (factor, status)
    quotes = [q.quote for e in result.elements for q in e.evidence] + [
        q.quote for q in result.evidence
    ]
    assert not [q for q in quotes if "notre propos" in q or "terminaux" in q]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Nous pourrions parler du numérique, mais ce n'est pas notre sujet.", False),
        ("La question juridique sort du cadre de ce mémoire.", False),
        ("Les réservations en ligne ne sont pas notre point fort : 12 % des ventes.", True),
    ],
)
def test_a_dismissal_is_not_quotable(
    services: Services, tmp_path: Path, sentence: str, kept: bool
) -> None:
    path = tmp_path / "one.md"
    path.write_text(f"# Dossier\n\n{sentence}\n", encoding="utf-8")
    units = [u for u in build_units(services.ingest(path), ()) if u.kind == "sentence"]
    assert units and quotable(units[0]) is kept
