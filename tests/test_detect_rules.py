"""Detection rules on small real dossiers: denials and hypotheticals, the référentiel's
requirements (figures, dates, people, explanations), background sections and part titles."""

from __future__ import annotations

from pathlib import Path

from assistant.assessment import CheckpointResult
from assistant.detect import detect_checkpoints, layout_of
from tests.dossiers import checkpoints, ingest, write
from tests.dossiers_rules import (
    ACTIONS_DATED,
    ACTIONS_VAGUE,
    CALENDAR_TABLE,
    CAMPING_PRESENTATION,
    CASH_ANNOUNCED,
    CASH_DENIED,
    CONTEXT_FACTORS,
    CONTEXT_WITHOUT_FACTORS,
    COST_COLUMN,
    DEVELOPED_PROJECT,
    EVENT_REVIEW,
    EVENT_SURVEY,
    KPI_HINDSIGHT,
    KPI_IN_PRESENTATION,
    PART_TITLE,
    PART_WITH_ONE_LINE_PROJECT,
    PORTER_THREE_FORCES,
    PORTER_VERB,
    PROBLEM_REFERRED,
    SPENDING_SCHEDULE,
    TASKS_ASSIGNED,
    TASKS_UNASSIGNED,
    TEAM_MOMENTS,
    TERSE_BUDGET,
    VARIANCES_EXPLAINED,
    VARIANCES_UNEXPLAINED,
)

BACKGROUND = checkpoints("presentation_entreprise", "bilan_personnel", "projet_professionnel")


def status(tmp_path: Path, text: str, checkpoint: str) -> str:
    return result(tmp_path, text, checkpoint).status


def result(tmp_path: Path, text: str, checkpoint: str) -> CheckpointResult:
    doc = ingest(write(tmp_path, "dossier.md", text))
    return detect_checkpoints(doc, checkpoints(checkpoint), background=BACKGROUND)[0]


def test_what_the_dossier_says_it_did_not_do_is_not_even_named(tmp_path: Path) -> None:
    assert status(tmp_path, CASH_DENIED, "plan_tresorerie") == "absent"
    # announced for later: the topic is named, not treated, and a juror reads it as absent
    assert status(tmp_path, CASH_ANNOUNCED, "plan_tresorerie") == "absent"


def test_a_denial_takes_back_its_own_clause_only(tmp_path: Path) -> None:
    # "... et l'administratrice a dû demander un report de paiement" stays a real fact
    text = CASH_DENIED.replace("un report de paiement", "un découvert autorisé")
    assert status(tmp_path, text, "reequilibrage") == "partial"


def test_what_would_be_done_with_hindsight_is_not_named(tmp_path: Path) -> None:
    assert status(tmp_path, KPI_HINDSIGHT, "kpi") == "absent"


def test_a_division_of_tasks_needs_people(tmp_path: Path) -> None:
    assert status(tmp_path, TASKS_UNASSIGNED, "feuille_de_route") == "partial"
    assert status(tmp_path, TASKS_ASSIGNED, "feuille_de_route") == "present"


def test_an_action_plan_needs_figures(tmp_path: Path) -> None:
    assert status(tmp_path, ACTIONS_VAGUE, "plan_actions") == "partial"
    assert status(tmp_path, ACTIONS_DATED, "plan_actions") == "present"


def test_variances_need_an_explanation(tmp_path: Path) -> None:
    assert status(tmp_path, VARIANCES_UNEXPLAINED, "suivi_ecarts") == "partial"
    explained = result(tmp_path, VARIANCES_EXPLAINED, "suivi_ecarts")
    assert explained.status == "present"
    assert explained.evidence


def test_a_metric_named_in_the_company_presentation_is_no_kpi(tmp_path: Path) -> None:
    assert status(tmp_path, KPI_IN_PRESENTATION, "kpi") == "partial"
    # the same sentence under a heading of its own treats the topic
    own = KPI_IN_PRESENTATION.replace("## 1.1 Présentation de l'entreprise", "## Nos KPI")
    own = own.replace("restent élevés.", "restent élevés : objectif 25 € par client en 2025.")
    assert status(tmp_path, own, "kpi") == "present"


def test_a_part_title_defers_to_its_own_section(tmp_path: Path) -> None:
    # "Partie 2 : préconisations..." heads missions; "2.1 Préconisations" holds one vague line
    assert status(tmp_path, PART_TITLE, "preconisations") == "partial"


def test_a_presentation_heading_names_the_company_presentation(tmp_path: Path) -> None:
    assert status(tmp_path, CAMPING_PRESENTATION, "presentation_entreprise") == "present"


def elements_of(result: CheckpointResult) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def test_a_context_section_holds_an_unnamed_pestel_without_naming_it(tmp_path: Path) -> None:
    pestel = result(tmp_path, CONTEXT_FACTORS, "pestel")
    assert pestel.status == "partial"
    found = {k for k, v in elements_of(pestel).items() if v == "present"}
    assert found == {"economique", "socioculturel", "ecologique"}
    # a "Contexte" title alone does not name the tool
    assert status(tmp_path, CONTEXT_WITHOUT_FACTORS, "pestel") == "absent"


def test_a_label_line_heads_the_table_it_introduces(tmp_path: Path) -> None:
    web = result(tmp_path, CALENDAR_TABLE, "campagne_web")
    calendar = next(e for e in web.elements if e.id == "calendrier_editorial")
    assert calendar.status == "present"
    assert calendar.evidence


def test_a_required_figure_makes_a_short_sentence_enough(tmp_path: Path) -> None:
    web = result(tmp_path, TERSE_BUDGET, "campagne_web")
    assert elements_of(web)["budget"] == "present"
    text = TERSE_BUDGET.replace("Le budget de 1 200 € a été réparti", "Le budget a été réparti")
    text = text.replace("Facebook (800 €) et Instagram (400 €)", "Facebook et Instagram")
    assert elements_of(result(tmp_path, text, "campagne_web"))["budget"] == "absent"


def test_a_proper_noun_cue_needs_a_capital(tmp_path: Path) -> None:
    assert status(tmp_path, PORTER_VERB, "porter") == "absent"


def test_a_paraphrase_that_names_another_element_is_not_evidence(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "dossier.md", PORTER_THREE_FORCES))
    layout = layout_of(doc)
    clients = next(u for u in layout.units if u.text.startswith("Pouvoir de négociation"))
    # retrieval finds the clients' sentence close to the suppliers' power: it names clients
    paraphrases = {"porter": {"pouvoir_fournisseurs": [clients]}}
    porter = detect_checkpoints(doc, checkpoints("porter"), paraphrases=paraphrases)[0]
    assert elements_of(porter)["pouvoir_clients"] == "present"
    assert elements_of(porter)["pouvoir_fournisseurs"] == "absent"


def test_a_one_line_project_stays_partial_under_a_rich_part(tmp_path: Path) -> None:
    assert status(tmp_path, PART_WITH_ONE_LINE_PROJECT, "projet_professionnel") == "partial"
    assert status(tmp_path, PART_WITH_ONE_LINE_PROJECT, "bilan_personnel") == "present"
    assert status(tmp_path, DEVELOPED_PROJECT, "projet_professionnel") == "present"


def test_a_sentence_ending_with_a_colon_introduces_its_list(tmp_path: Path) -> None:
    assert status(tmp_path, TEAM_MOMENTS, "cohesion_equipe") == "present"


def test_a_back_reference_is_not_where_the_topic_is_treated(tmp_path: Path) -> None:
    assert status(tmp_path, PROBLEM_REFERRED, "problematique") == "partial"


def test_an_event_review_needs_its_satisfaction_survey(tmp_path: Path) -> None:
    assert status(tmp_path, EVENT_REVIEW, "bilan_evenement") == "partial"
    assert status(tmp_path, EVENT_REVIEW + EVENT_SURVEY, "bilan_evenement") == "present"


def test_a_heading_cue_titles_a_short_heading_only(tmp_path: Path) -> None:
    text = CAMPING_PRESENTATION.replace(
        "## 1. Présentation du camping",
        "## 1. Présentation des enjeux marketing et commerciaux de la saison",
    )
    text = text.replace("Le modèle économique dépend", "Le remplissage dépend")
    assert status(tmp_path, text, "presentation_entreprise") == "absent"
    assert status(tmp_path, CAMPING_PRESENTATION, "presentation_entreprise") == "present"


def test_a_section_titled_by_one_element_of_the_cost_structure_counts(tmp_path: Path) -> None:
    costs = result(tmp_path, SPENDING_SCHEDULE, "structure_couts")
    assert elements_of(costs) == {
        "couts_fixes": "absent",
        "couts_variables": "absent",
        "echelonnement": "present",
    }


def test_a_column_of_amounts_under_a_cost_header_is_a_budget(tmp_path: Path) -> None:
    plan = result(tmp_path, COST_COLUMN, "plan_communication")
    assert elements_of(plan)["budget"] == "present"
