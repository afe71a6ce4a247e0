# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Checkpoints without elements are present only when the référentiel's criterion is met in
full: a break-even with its computed threshold, KPIs with target values, a schedule with dated
tasks, accessibility with an audit or a measured conformity. The inputs alone make them
partial. Real Markdown files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import Services, build_services
from assistant.settings import Settings

COVER = """\
# Dossier — Crêperie Ty Breizh

## Présentation

Ty Breizh est une crêperie de 48 couverts ouverte à Rennes en 2019 par deux associés ; elle sert 32 000 repas par an et emploie six salariés.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def status_of(services: Services, tmp_path: Path, epreuve: str, checkpoint: str, body: str) -> str:
    path = tmp_path / f"{checkpoint}.md"
    path.write_text(COVER + "\n" + body, encoding="utf-8")
    assessment = services.review.assess(path, epreuve)
    return next(c.status for c in assessment.checkpoints if c.id == checkpoint)


BREAK_EVEN_INPUTS = """\
## Seuil de rentabilité

Pour l'année 2025, les charges fixes de Ty Breizh (loyer, salaires, assurances) représentent 168 000 € et le ticket moyen d'un repas est de 19 €, dont 7 € de matières premières et d'emballages, ce qui laisse une marge sur coût variable confortable pour la crêperie.
"""

BREAK_EVEN_RESULT = """\
## Seuil de rentabilité

Pour l'année 2025, les charges fixes de Ty Breizh représentent 168 000 € et la marge sur coût variable d'un repas est de 12 € pour un ticket moyen de 19 €, soit un taux de marge de 63 %. Le seuil de rentabilité = 168 000 / 0,63 = 266 667 € de chiffre d'affaires, soit environ 14 000 repas : le point mort sera atteint fin mai.
"""


def test_break_even_inputs_without_the_threshold_are_partial(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(services, tmp_path, "E3", "seuil_rentabilite", BREAK_EVEN_INPUTS) == "partial"


def test_a_computed_threshold_makes_the_break_even_present(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(services, tmp_path, "E3", "seuil_rentabilite", BREAK_EVEN_RESULT) == "present"


KPI_NAMES = """\
## Indicateurs de performance

Pour piloter la nouvelle carte, Ty Breizh suivra plusieurs KPI : la fréquentation du midi, le nombre d'avis Google, le taux de retour des clients fidèles et le panier moyen par table, relevés par le gérant dans son tableau de bord.
"""

KPI_TARGETS = """\
## Indicateurs de performance

Pour piloter la nouvelle carte, Ty Breizh suivra plusieurs KPI : la fréquentation du midi, avec un objectif de 70 couverts par service d'ici juin, la note Google à porter au moins à 4,6, et le panier moyen par table, visé à 41 € contre 36 € aujourd'hui.
"""


def test_kpis_without_target_values_are_partial(services: Services, tmp_path: Path) -> None:
    assert status_of(services, tmp_path, "E3", "kpi", KPI_NAMES) == "partial"


def test_kpis_with_target_values_are_present(services: Services, tmp_path: Path) -> None:
    assert status_of(services, tmp_path, "E3", "kpi", KPI_TARGETS) == "present"


SCHEDULE_UNDATED = """\
## Rétroplanning de la soirée des 5 ans

Les étapes de la soirée anniversaire de Ty Breizh s'enchaînent ainsi : réservation du groupe de musique bretonne, commande du cidre auprès du producteur de Fougères, envoi des invitations aux clients fidèles, décoration de la salle puis accueil des 120 invités.
"""

SCHEDULE_DATED = """\
## Rétroplanning de la soirée des 5 ans

| Échéance | Tâche | Responsable |
|---|---|---|
| J-60 | Réservation du groupe de musique bretonne | Gérant |
| S-6 | Commande du cidre auprès du producteur de Fougères | Second de cuisine |
| 3 semaines avant | Envoi des invitations aux 120 clients fidèles | Serveuse |
| La veille | Décoration de la salle | Toute l'équipe |
"""


def test_a_schedule_without_dates_is_partial(services: Services, tmp_path: Path) -> None:
    assert status_of(services, tmp_path, "E2", "gantt", SCHEDULE_UNDATED) == "partial"


def test_a_reverse_schedule_with_relative_dates_is_present(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(services, tmp_path, "E2", "gantt", SCHEDULE_DATED) == "present"


ACCESSIBILITY_INTENT = """\
## Accessibilité du site de réservation

Le nouveau site de réservation de Ty Breizh respectera les règles du RGAA : nous veillerons à ce que les personnes malvoyantes puissent réserver une table sans difficulté, ce qui est important pour une clientèle âgée.
"""

ACCESSIBILITY_AUDIT = """\
## Accessibilité du site de réservation

L'audit RGAA du site de réservation de Ty Breizh, mené en mars avec l'extension WAVE et le lecteur d'écran NVDA, donne un taux de conformité de 58 % : 14 critères sont non conformes, dont les images sans texte alternatif et le contraste du bouton « Réserver ».
"""


def test_an_accessibility_intention_is_not_an_audit(services: Services, tmp_path: Path) -> None:
    assert status_of(services, tmp_path, "E2", "rgaa", ACCESSIBILITY_INTENT) == "partial"


def test_a_measured_conformity_makes_accessibility_present(
    services: Services, tmp_path: Path
) -> None:
    assert status_of(services, tmp_path, "E2", "rgaa", ACCESSIBILITY_AUDIT) == "present"
