# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Checkpoints without elements (topics): a case-specific line is not enough, the référentiel's
criterion must be met (failure mode 6), and a statement that the work was not done is neither
presence nor evidence (failure mode 4). Real files (Markdown, and a DOCX built by
``eval.docbuild``), assessed through the review service as the CLI does; then the completeness
model itself: its region features and its weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.assessment import Assessment
from assistant.detect.checkpoint import detect_checkpoint
from assistant.detect.completeness import (
    FEATURES,
    MODEL,
    load_completeness,
    topic_features,
)
from assistant.detect.scope import Layout
from assistant.detect.units import build_units
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_docx, markdown_to_items

COVER = """\
# Mémoire de bachelor — Cyclofix, atelier de réparation de vélos

## L'entreprise

Cyclofix est une coopérative lilloise de réparation de vélos créée en 2020 ; ses quatre mécaniciens réparent 5 200 vélos par an dans un atelier de la rue Gambetta et vendent 300 vélos reconditionnés.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(
    services: Services, tmp_path: Path, epreuve: str, body: str, docx: bool = False
) -> Assessment:
    text = COVER + "\n" + body
    path = tmp_path / "dossier.md"
    path.write_text(text, encoding="utf-8")
    if docx:
        path = build_docx(markdown_to_items(text), tmp_path / "dossier.docx")
    return services.review.assess(path, epreuve)


def checkpoint(assessment: Assessment, cid: str):  # type: ignore[no-untyped-def]
    return next(c for c in assessment.checkpoints if c.id == cid)


# ---- failure mode 6: a case-specific mention without what the criterion asks for ----

CASH_PLAN_TOTALS = """\
## Trésorerie

La trésorerie de Cyclofix est tendue : l'atelier encaisse environ 310 000 € par an et en décaisse presque autant, et la banque nous a accordé un découvert autorisé de 15 000 €.
"""

CASH_PLAN_MONTHLY = """\
## Plan de trésorerie prévisionnel

| | Janvier | Février | Mars | Avril |
|---|---|---|---|---|
| Encaissements | 18 500 € | 19 200 € | 27 800 € | 31 400 € |
| Décaissements | 24 100 € | 23 600 € | 25 900 € | 26 300 € |
| Solde du mois | -5 600 € | -4 400 € | 1 900 € | 5 100 € |
| Trésorerie cumulée | 6 400 € | 2 000 € | 3 900 € | 9 000 € |
"""


def test_yearly_cash_totals_are_no_monthly_plan(services: Services, tmp_path: Path) -> None:
    result = checkpoint(assess(services, tmp_path, "E3", CASH_PLAN_TOTALS), "plan_tresorerie")
    assert result.status != "present"


def test_a_month_by_month_cash_plan_is_present(services: Services, tmp_path: Path) -> None:
    result = checkpoint(assess(services, tmp_path, "E3", CASH_PLAN_MONTHLY), "plan_tresorerie")
    assert result.status == "present"


INDICATORS_NO_TARGET = """\
## Indicateurs clés de performance

- nombre de réparations par semaine
- délai moyen entre le dépôt et la restitution du vélo
- part des clients qui reviennent pour l'entretien annuel
- chiffre d'affaires des vélos reconditionnés
"""

INDICATORS_TARGETS = """\
## Indicateurs clés de performance

- réparations : 120 par semaine visées en juin (95 aujourd'hui)
- délai moyen de restitution : passer de 6 jours à 3 jours d'ici la fin de l'année
- clients revenant pour l'entretien annuel : objectif 40 %
"""


def test_indicators_listed_without_values_to_reach_are_not_present(
    services: Services, tmp_path: Path
) -> None:
    result = checkpoint(assess(services, tmp_path, "E4", INDICATORS_NO_TARGET), "kpi")
    assert result.status != "present"


def test_indicators_with_values_to_reach_are_present(services: Services, tmp_path: Path) -> None:
    result = checkpoint(assess(services, tmp_path, "E4", INDICATORS_TARGETS), "kpi")
    assert result.status == "present"


BREAK_EVEN_TABLE_NO_RESULT = """\
## Point mort

| Poste | Montant annuel |
|---|---|
| Charges fixes (loyer, salaires, assurance) | 142 000 € |
| Chiffre d'affaires prévu | 310 000 € |
| Charges variables (pièces, pneus) | 93 000 € |
"""


def test_break_even_inputs_in_a_table_without_threshold_are_not_present(
    services: Services, tmp_path: Path
) -> None:
    result = checkpoint(
        assess(services, tmp_path, "E3", BREAK_EVEN_TABLE_NO_RESULT, docx=True), "seuil_rentabilite"
    )
    assert result.status != "present"


# ---- failure mode 4: what was not done is neither present nor quoted ----

NOT_DONE_TESTS = """\
## Tests utilisateurs

Faute de temps avant la fin de mon alternance, la maquette de l'application de prise de rendez-vous n'a jamais été montrée à des clients de Cyclofix, et aucun retour d'usager n'a donc pu être recueilli.
"""

NOT_DONE_TEAM = """\
## Souder l'équipe

Je n'ai pas réussi à organiser le repas d'équipe ni la sortie vélo que j'avais proposés aux mécaniciens : aucun moment commun n'a eu lieu pendant ces six mois.
"""


@pytest.mark.parametrize(
    ("epreuve", "cid", "body", "docx"),
    [
        ("E5-P3", "tests_public", NOT_DONE_TESTS, False),
        ("E4", "cohesion_equipe", NOT_DONE_TEAM, False),
        ("E4", "cohesion_equipe", NOT_DONE_TEAM, True),
    ],
)
def test_work_declared_undone_is_not_present_nor_quoted(
    services: Services, tmp_path: Path, epreuve: str, cid: str, body: str, docx: bool
) -> None:
    result = checkpoint(assess(services, tmp_path, epreuve, body, docx), cid)
    assert result.status != "present"
    denial = body.split("\n\n", 1)[1].strip()
    for evidence in result.evidence:
        assert evidence.quote not in denial and denial[:60] not in evidence.quote


# ---- the completeness model itself ----


def test_shipped_weights_are_small_numbers_for_these_features() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert MODEL.stat().st_size < 20_000
    model = load_completeness()
    assert model is not None and model.weights.shape == (len(FEATURES), 3)


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    other = tmp_path / "completeness.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    assert load_completeness(other) is None


HALF_DONE_TESTS = """\
## Tests utilisateurs

Avec les quatre mécaniciens, nous avons dessiné en mars une maquette papier de l'écran de prise de rendez-vous de Cyclofix, en trois écrans.

La maquette n'a jamais été testée auprès des clients de l'atelier.
"""


def test_region_features_see_the_section_the_topic_titles(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "dossier.md"
    path.write_text(COVER + "\n" + HALF_DONE_TESTS, encoding="utf-8")
    doc = services.ingest(path)
    layout = Layout(build_units(doc))
    cp = next(c for c in services.referentiel.checkpoints if c.id == "tests_public")
    outcome = detect_checkpoint(cp, layout)
    row = topic_features(outcome, layout)
    named = dict(zip(FEATURES, row.tolist(), strict=True))
    assert named["region_section"] == 1.0  # the section the topic titles is read whole
    assert named["void_negated"] == pytest.approx(0.5)  # one sentence of two is a denial
    assert named["has_schedule"] == 0.0 and named["has_targets"] == 0.0
    again = topic_features(outcome, layout)
    assert np.array_equal(row, again)  # deterministic


def test_a_mockup_drawn_but_never_tried_on_customers_is_partial_and_the_denial_unquoted(
    services: Services, tmp_path: Path
) -> None:
    result = checkpoint(assess(services, tmp_path, "E5-P3", HALF_DONE_TESTS), "tests_public")
    assert result.status == "partial"
    assert all("jamais" not in evidence.quote for evidence in result.evidence)
