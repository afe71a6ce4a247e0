"""Published audits, surveys and studies speak in nobody's voice: no « nous », no « notre », the
organisation in the third person. What makes them about a case is the result they report, a
share read off what was measured (« l'enquête montre que 41 % des adhérents… »). A passage that
reports one is not a course page, whatever the embedding reads; a sentence that explains how a
share is computed reports nothing."""

from __future__ import annotations

import importlib

import pytest

from assistant.detect import support
from assistant.detect.support import passage_units, reports_measure, speaks_of_no_case
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)
support_module = importlib.import_module("assistant.detect.support")
judged_module = importlib.import_module("assistant.detect.judged")

# a third-person survey report on one club, with its measured results
SURVEY = (
    "Le club de voile de Port-Navalo a interrogé ses adhérents à la fin de la saison. "
    "Le dépouillement des 212 questionnaires montre que 41 % des adhérents jugent les créneaux "
    "du samedi trop chargés. La satisfaction globale s'élève à 78 %, en recul sur un an."
)

# how such a share is computed, for anyone: no result of anything
METHOD = (
    "Le taux de satisfaction se calcule en divisant le nombre de réponses positives par le "
    "nombre de réponses reçues. On l'exprime en pourcentage, par exemple 80 % lorsque huit "
    "répondants sur dix sont satisfaits. Il se compare d'une édition à l'autre."
)


def test_a_share_reported_after_a_reading_verb_is_a_measured_result() -> None:
    units = passage_units(SURVEY)
    assert [reports_measure(u) for u in units] == [False, True, True]


def test_a_share_in_a_worked_explanation_is_no_measured_result() -> None:
    assert not any(reports_measure(u) for u in passage_units(METHOD))
    # the verb alone, or a share before it, is not a result read off a measure
    alone = passage_units("Le tableau montre les réponses par tranche d'âge. 30 % des réponses.")
    assert not any(reports_measure(u) for u in alone)


def test_a_report_of_a_measure_does_not_speak_of_no_case() -> None:
    # however low the embedding reads it, nobody's voice reporting a result is about a case
    assert not speaks_of_no_case(passage_units(SURVEY), 0.10)
    assert speaks_of_no_case(passage_units(METHOD), 0.10)


def test_support_keeps_a_reported_measure_that_the_gate_refused_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through ``support``: with a threshold above every reading, the method page is refused
    by the gate while the survey reaches the judgment (stubbed here: it says present)."""

    class Judge:
        analysis = 0.0

        def __call__(self, *args: object) -> str:
            return "present"

    monkeypatch.setattr(judged_module, "passage_judge", lambda *a: Judge())
    monkeypatch.setattr(support_module, "NO_CASE", 1.01)
    bilan = REF.checkpoint("bilan_evenement")
    assert support(METHOD, bilan, None, others=OTHERS).status == "absent"
    assert support(SURVEY, bilan, None, others=OTHERS).status == "present"
