# ruff: noqa: E501  (dossier prose: one line per paragraph, as candidates write)
"""An element's everyday name used as a title says what the content below it is about, even
where the tool is never named (failure mode 3, a real analysis missed when it does not use the
usual names): a heading made of that name alone (« Les cibles », « Budget »), a short noun
phrase leading its paragraph (« La conjoncture. »), a line opening on it before a colon. A
name that only sits inside another tool's title (« Les forces de Porter »), or that another
checkpoint's element shares on that line (« Médias sociaux : »), titles nothing of its own.
Real Markdown files, the rules as the engine runs them (no passage model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import CheckpointResult
from assistant.detect import detect_checkpoints
from tests.dossiers import checkpoints, ingest, write

BACKGROUND = checkpoints("presentation_entreprise", "bilan_personnel", "projet_professionnel")

COMPANY = """\
# Dossier — Cycles Bastille, Grenoble

## Présentation

Cycles Bastille répare et vend des vélos cargo depuis 2019 dans le quartier Championnet ; l'atelier emploie 6 personnes et a réalisé 640 000 € de chiffre d'affaires en 2025.
"""


def results(tmp_path: Path, body: str, *ids: str) -> list[CheckpointResult]:
    doc = ingest(write(tmp_path, "dossier.md", COMPANY, body))
    return detect_checkpoints(doc, checkpoints(*ids), background=BACKGROUND)


def statuses(result: CheckpointResult) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def quotes(result: CheckpointResult, element: str) -> list[str]:
    found = next(e for e in result.elements if e.id == element)
    return [ev.quote for ev in found.evidence]


TARGETS_SECTION = """\
## 3. Les cibles

Nous visons d'abord les familles grenobloises avec deux enfants qui renoncent à leur seconde voiture, environ 9 000 foyers selon l'enquête mobilité de la Métropole, puis les artisans du quartier qui livrent en centre-ville.
"""

BUDGET_SECTION = """\
## 4. Budget

Cycles Bastille consacre 4 200 € à l'opération de printemps : 1 800 € de publicités Meta, 1 500 € d'affichage sur les abribus et 900 € pour la journée d'essai du 12 avril.
"""


@pytest.mark.parametrize(
    ("body", "element", "figure"),
    [(TARGETS_SECTION, "cibles", "9 000"), (BUDGET_SECTION, "budget", "1 800 €")],
)
def test_a_heading_made_of_an_elements_name_opens_its_analysis(
    tmp_path: Path, body: str, element: str, figure: str
) -> None:
    (plan,) = results(tmp_path, body, "plan_communication")
    elements = statuses(plan)
    assert elements[element] == "present", quotes(plan, element)
    assert any(figure in q for q in quotes(plan, element))
    assert [e for e, status in elements.items() if status == "present"] == [element]
    assert plan.status == "partial"


FACTORS_LED_BY_A_SHORT_TITLE = """\
## 2. Ce qui pèse sur le marché du vélo cargo

**La conjoncture.** Le prix de l'acier et de l'aluminium a pris 18 % entre 2022 et 2024, ce qui renchérit chaque cadre de 35 € ; les ventes de vélos neufs en France ont reculé de 9 % en 2024 d'après l'Union Sport & Cycle.

**Ce que veulent les familles.** Les parents du centre-ville cherchent à déposer deux enfants à l'école sans voiture ; nos clients citent d'abord la sécurité et la place pour les sacs de courses.
"""


def test_a_short_noun_phrase_leading_a_paragraph_titles_it(tmp_path: Path) -> None:
    (pestel,) = results(tmp_path, FACTORS_LED_BY_A_SHORT_TITLE, "pestel")
    elements = statuses(pestel)
    assert elements["economique"] == "present", quotes(pestel, "economique")
    assert any("18 %" in q for q in quotes(pestel, "economique"))
    assert elements["legal"] == "absent"


ANOTHER_TOOLS_TITLE = """\
## 3. Les forces de Porter

Deux enseignes nationales vendent des vélos cargo à Grenoble à des prix 15 % inférieurs aux nôtres, et un loueur en libre-service a ouvert 40 stations en 2025.
"""


def test_an_elements_name_inside_another_tools_title_titles_nothing(tmp_path: Path) -> None:
    (swot,) = results(tmp_path, ANOTHER_TOOLS_TITLE, "swot")
    assert statuses(swot)["forces"] == "absent", quotes(swot, "forces")


A_NAME_SHARED_WITH_ANOTHER_CHECKPOINT = """\
## Notre présence en ligne

Médias sociaux : Instagram pour les familles (3 posts par semaine, 2 400 abonnés en mars), LinkedIn pour les artisans livreurs du quartier.
"""


def test_a_line_named_after_another_checkpoints_element_is_that_ones(tmp_path: Path) -> None:
    pestel, _ = results(tmp_path, A_NAME_SHARED_WITH_ANOTHER_CHECKPOINT, "pestel", "campagne_web")
    assert statuses(pestel)["socioculturel"] == "absent", quotes(pestel, "socioculturel")


A_CLAUSE_IS_NOT_A_TITLE = """\
## Mes missions

Je prépare le budget.

La boutique a reçu 1 200 visiteurs pendant la semaine d'inauguration et vendu 14 vélos cargo, contre 9 prévus.
"""


def test_a_short_clause_with_a_subject_titles_nothing(tmp_path: Path) -> None:
    (plan,) = results(tmp_path, A_CLAUSE_IS_NOT_A_TITLE, "plan_communication")
    assert statuses(plan)["budget"] == "absent", quotes(plan, "budget")


AN_ENTRY_LINE_UNDER_AN_UNRELATED_TITLE = """\
## Notre opération de printemps

L'atelier ouvre ses portes le samedi 12 avril.

Cibles : les familles grenobloises avec deux enfants, environ 9 000 foyers selon l'enquête mobilité de la Métropole, et les artisans livreurs du quartier Championnet.
"""


def test_a_line_opening_on_an_elements_name_is_its_entry(tmp_path: Path) -> None:
    (plan,) = results(tmp_path, AN_ENTRY_LINE_UNDER_AN_UNRELATED_TITLE, "plan_communication")
    assert statuses(plan)["cibles"] == "present", quotes(plan, "cibles")
    assert all(q.startswith("Cibles") for q in quotes(plan, "cibles"))
