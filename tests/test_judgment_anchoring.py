# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Case anchoring: course material copied under a heading is no analysis and no mention, an
announcement or a reference elsewhere names nothing, while the same topic written about the
studied case counts. Real Markdown files, through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.services import Services, build_services
from assistant.settings import Settings

COVER = """\
# Dossier — Les Jardins d'Orval

## Présentation

Les Jardins d'Orval est une pépinière familiale de Bourges qui vend 40 000 arbustes par an à des particuliers et à douze paysagistes ; elle réalise 780 000 € de chiffre d'affaires avec neuf salariés.
"""

COURSE = """\
## 4. Le suivi budgétaire

Le contrôle budgétaire permet de comparer les prévisions et les réalisations afin d'en analyser les causes et de décider des actions correctives.

Un écart est favorable lorsqu'il améliore le résultat, défavorable dans le cas contraire ; il convient de distinguer l'écart sur quantité et l'écart sur prix.
"""

CASE = """\
## 4. Le suivi budgétaire

| Poste | Budget | Réalisé | Écart |
|---|---|---|---|
| Plants et semences | 96 000 € | 104 500 € | +8 500 € |
| Transport | 18 000 € | 16 200 € | –1 800 € |

Les plants ont coûté 8 500 € de plus que prévu car la sécheresse de 2023 a fait monter de 9 % les prix de notre fournisseur angevin ; le transport a baissé grâce à la mutualisation des livraisons avec deux paysagistes.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, name: str, body: str, epreuve: str) -> Assessment:
    path = tmp_path / name
    path.write_text(COVER + "\n" + body, encoding="utf-8")
    return services.review.assess(path, epreuve)


def checkpoint(assessment: Assessment, cid: str) -> tuple[str, list[str]]:
    cp = next(c for c in assessment.checkpoints if c.id == cid)
    return cp.status, [e.quote for e in cp.evidence]


def test_course_material_under_a_heading_is_neither_analysis_nor_mention(
    services: Services, tmp_path: Path
) -> None:
    status, quotes = checkpoint(
        assess(services, tmp_path, "course.md", COURSE, "E3"), "suivi_ecarts"
    )
    assert status == "absent"
    assert quotes == []


def test_the_same_topic_written_about_the_case_is_present(
    services: Services, tmp_path: Path
) -> None:
    status, quotes = checkpoint(assess(services, tmp_path, "case.md", CASE, "E3"), "suivi_ecarts")
    assert status == "present"
    assert quotes


ANNOUNCED = """\
## 3. Trésorerie

Le plan de trésorerie de la pépinière sera établi avec notre comptable à l'automne, quand le prêt pour la serre sera accordé.
"""


def test_a_plan_announced_for_later_is_absent(services: Services, tmp_path: Path) -> None:
    status, quotes = checkpoint(
        assess(services, tmp_path, "later.md", ANNOUNCED, "E3"), "plan_tresorerie"
    )
    assert status == "absent"
    assert quotes == []


REFERENCE = """\
## Diagnostic

Diagnostic interne : voir la partie 2.
"""


def test_a_reference_elsewhere_is_no_treatment(services: Services, tmp_path: Path) -> None:
    status, _ = checkpoint(
        assess(services, tmp_path, "ref.md", REFERENCE, "E5-P1"), "diagnostic_interne"
    )
    assert status == "absent"
