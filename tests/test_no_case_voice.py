"""A passage read alone that speaks for nobody — several sentences, no « nous », no « notre », no
« j'ai » — and whose meaning the embedding reads as no case analysis is a course page, a method
sheet, a checklist for any organiser or a list of tools: it supports no element, whatever it
names. The voice of a candidate or a company keeps a passage, and so does a single line (a
student's « Budget : 5 000 € » is about the case)."""

from __future__ import annotations

import importlib

import pytest

from assistant.detect import support
from assistant.detect.judged import analysis_direction, passage_judge
from assistant.detect.support import passage_units, speaks_of_no_case
from assistant.detect.verdict import load_verdict
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)
# the module (``assistant.detect.support`` is also the name of its function in the package)
support_module = importlib.import_module("assistant.detect.support")

# a documentation page on where market information comes from: nobody's study
COURSE = (
    "Les sources d'information d'une étude documentaire sont nombreuses : statistiques "
    "publiques, études sectorielles, presse spécialisée, annuaires professionnels. Les sources "
    "internes regroupent les documents commerciaux, les données comptables et les retours du "
    "service client. Chacune a ses limites de fraîcheur et de coût. Les salons et les sites des "
    "concurrents complètent ces informations. Il est utile de croiser au moins deux sources "
    "pour chaque chiffre retenu."
)

# the same facts told by the team that gathered them
VOICED = (
    "Nos sources d'information ont été nombreuses : statistiques publiques, études "
    "sectorielles, presse spécialisée, annuaires professionnels. Nous avons aussi repris nos "
    "documents commerciaux, nos données comptables et les retours de notre service client. "
    "Chacune avait ses limites de fraîcheur et de coût. Les salons et les sites des concurrents "
    "ont complété ces informations. Nous avons croisé au moins deux sources pour chaque chiffre "
    "retenu."
)

FIRST_PERSON_SINGULAR = (
    "J'ai relevé les prix de cinq concurrents sur leurs sites. "
    "Les écarts vont de 12 à 30 % sur les formules d'entrée de gamme."
)


def test_several_sentences_in_nobody_s_voice_read_as_no_analysis_speak_of_no_case() -> None:
    units = passage_units(COURSE)
    assert speaks_of_no_case(units, 0.30)


def test_a_meaning_read_as_analysis_is_kept() -> None:
    assert not speaks_of_no_case(passage_units(COURSE), 0.70)


def test_the_voice_of_a_team_or_a_candidate_keeps_a_passage() -> None:
    assert not speaks_of_no_case(passage_units(VOICED), 0.30)
    assert not speaks_of_no_case(passage_units(FIRST_PERSON_SINGULAR), 0.30)  # « J'ai »


def test_one_line_is_too_little_to_tell() -> None:
    line = passage_units("Budget de la campagne : 5 000 € répartis entre affichage et radio.")
    assert len(line) == 1
    assert not speaks_of_no_case(line, 0.30)


def test_the_judge_tells_the_embedding_s_reading_of_the_passage() -> None:
    judge = passage_judge(COURSE, passage_units(COURSE))
    model = load_verdict()
    if judge is None or model is None:
        pytest.skip("no trained judgment or no local embedder")
    assert 0.0 < judge.analysis < 1.0
    # the course page reads as less of a case analysis than the team's own account
    voiced = passage_judge(VOICED, passage_units(VOICED))
    assert voiced is not None and judge.analysis < voiced.analysis
    assert judge.analysis == pytest.approx(
        analysis_direction(judge._vector, model.direction, model.direction_bias)
    )


def test_support_refuses_a_passage_that_speaks_of_no_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if load_verdict() is None or passage_judge(COURSE, passage_units(COURSE)) is None:
        pytest.skip("no trained judgment or no local embedder")
    veille = REF.checkpoint("veille")
    # a threshold above every reading: only the voice and the length decide
    monkeypatch.setattr(support_module, "NO_CASE", 1.01)
    found = support(COURSE, veille, "sources", others=OTHERS)
    assert (found.status, found.refusal) == ("absent", "thin")
    assert support(VOICED, veille, "sources", others=OTHERS).status != "absent"
    # under a dossier's headings the rules read the passage in context: no gate there
    section = ("Étude de marché", "Sources")
    kept = support(COURSE, veille, "sources", section=section, others=OTHERS)
    monkeypatch.setattr(support_module, "NO_CASE", 0.0)
    assert kept == support(COURSE, veille, "sources", section=section, others=OTHERS)
