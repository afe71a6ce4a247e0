# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Mentions that are not treatment, read by the cue rules on real Markdown dossiers.

- A kick-off meeting on one date (« le 3 février 2026 ») is one date, not two: its month and
  its year do not make a rhythm of meetings or a dated schedule.
- A topic named as one item of an enumeration of course tools (« les méthodes du cursus :
  SWOT, PESTEL, storytelling, persona, BCG ») is only named there, whatever else the
  sentence holds.
- A name right after « pas de » or « aucun » is what the dossier says there is none of
  (« pas de relations presse cette saison ») and is no evidence of it.
- A past participle is no inflection of a noun cue: « le stand a été écarté » names no
  variance (« écarts »), while a long derived word still matches (« ont participé »,
  « participants »).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect import detect_outcomes, layout_of, tool_enumerations
from assistant.detect.cues import CueIndex, compile_cue
from assistant.detect.negation import denied_name
from assistant.detect.requirements import meets
from assistant.services import Services, build_services
from assistant.settings import Settings
from tests.dossiers import checkpoints, evidence_quotes, ingest, status_of, unit_of, write

COVER = """\
# Dossier — Fruitière des Aravis, fromages d'alpage

## Présentation

La Fruitière des Aravis est une coopérative laitière de Thônes créée en 1962 : 38 producteurs, 14 salariés, 6,2 millions d'euros de chiffre d'affaires en 2024, du reblochon fermier vendu en crèmerie, en grande surface régionale et dans sa boutique.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


# ---- one date is one date ----


@pytest.mark.parametrize(
    "text",
    [
        "La réunion de démarrage s'est tenue le 3 février 2026 dans la salle d'affinage, avec le président et la responsable qualité.",
        "Le comité de pilotage s'est réuni une fois, le 15/09/2025, pour valider le cahier des charges de l'étiquette.",
    ],
)
def test_a_single_dated_meeting_is_neither_a_rhythm_nor_a_schedule(
    tmp_path: Path, text: str
) -> None:
    unit = unit_of(tmp_path, text)
    assert not meets(["rhythm"], [unit])
    assert not meets(["schedule"], [unit])


def test_two_dated_meetings_are_still_a_rhythm(tmp_path: Path) -> None:
    unit = unit_of(
        tmp_path,
        "Nous avons fait le point avec le président le 3 février 2026, puis le 17 mars 2026 pour arbitrer les visuels.",
    )
    assert meets(["rhythm"], [unit])
    assert meets(["schedule"], [unit])


MEETING = """\
## Organisation du projet

Le lancement du projet a eu lieu le 3 février 2026 lors d'une réunion avec le président de la coopérative, la responsable qualité et le chef fromager, qui ont validé le budget de 9 400 € et le choix d'une agence annecienne pour les visuels.
"""


def test_one_kick_off_meeting_is_no_follow_up_of_meetings(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "meeting.md", COVER, MEETING)))
    (outcome,) = detect_outcomes(checkpoints("reunions_suivi"), layout)
    assert outcome.status != "present"


# ---- a list of course tools names each of them ----

TOOLS = """\
## Bilan

Ce stage m'a permis de mobiliser beaucoup de méthodes vues pendant le cursus : SWOT, PESTEL, Porter, matrice BCG, storytelling, persona, design thinking, 4P.
"""

STORY = """\
## Storytelling

Le récit de la marque part de Marius Collomb, berger qui montait ses vaches au col des Annes en 1962 et qui a convaincu onze voisins de mettre leur lait en commun : la vidéo de 90 secondes tournée à l'alpage suit sa petite-fille, aujourd'hui fromagère, pendant une journée de traite et de moulage, et finit sur la promesse « le même geste depuis soixante ans ».
"""


def test_a_topic_named_in_a_list_of_course_tools_is_only_mentioned(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "tools.md", COVER, TOOLS))
    layout = layout_of(doc)
    every = checkpoints(
        "swot", "pestel", "porter", "diagnostic_interne", "storytelling", "scenarios_ux"
    )
    listed = tool_enumerations(layout, every)
    assert any("méthodes vues pendant le cursus" in layout.units[i].text for i in listed)
    outcomes = {o.checkpoint.id: o for o in detect_outcomes(every, layout)}
    for topic in ("storytelling", "scenarios_ux", "diagnostic_interne"):
        assert outcomes[topic].status == "partial", topic
        assert not any(f.substantive for f in outcomes[topic].findings), topic


def test_a_story_told_in_its_own_section_is_still_present(tmp_path: Path) -> None:
    layout = layout_of(ingest(write(tmp_path, "story.md", COVER, TOOLS, STORY)))
    every = checkpoints("swot", "pestel", "porter", "diagnostic_interne", "storytelling")
    outcomes = {o.checkpoint.id: o for o in detect_outcomes(every, layout)}
    assert outcomes["storytelling"].status == "present"


def test_a_sentence_analysing_several_tools_is_no_enumeration(tmp_path: Path) -> None:
    text = """\
## Diagnostic

Le PESTEL montre que la hausse du prix du lait pèse sur nos marges, le SWOT fait ressortir la notoriété de l'AOP comme première force, et l'analyse de Porter confirme que les grandes surfaces régionales ont un fort pouvoir de négociation.
"""
    layout = layout_of(ingest(write(tmp_path, "diag.md", COVER, text)))
    assert not tool_enumerations(layout, checkpoints("swot", "pestel", "porter"))


# ---- « pas de X »: none of it ----

NO_PRESS = """\
## Ce qui a moins bien marché

Le salon de Chambéry a surtout apporté des contacts de particuliers, et pas de relations presse du tout alors que l'anniversaire des soixante ans aurait intéressé Le Dauphiné libéré.
"""


def test_press_relations_said_to_be_none_are_absent_and_unquoted(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "nopress.md", COVER, NO_PRESS)
    assessment = services.review.assess(path, "E2")
    assert status_of(assessment, "relations_presse") == "absent"
    assert not any("pas de relations presse" in q for q in evidence_quotes(assessment))


@pytest.mark.parametrize(
    ("text", "name", "denied"),
    [
        (
            "Cette année, pas de communiqué de presse : la coopérative a préféré l'affichage.",
            "communiqué",
            True,
        ),
        ("Aucun KPI n'a été fixé pour la boutique en ligne.", "KPI", True),
        (
            "Nous avons envoyé un communiqué de presse à 14 rédactions savoyardes le 2 mai.",
            "communiqué",
            False,
        ),
        (
            "Il n'y avait pas de souci de stock, et le communiqué de presse est parti le 2 mai.",
            "communiqué",
            False,
        ),
    ],
)
def test_a_name_after_a_word_of_none_is_denied(
    tmp_path: Path, text: str, name: str, denied: bool
) -> None:
    unit = unit_of(tmp_path, text)
    first = next(i for i, t in enumerate(unit.tokens) if t.text == name)
    assert denied_name(unit, first) is denied


# ---- a past participle is no noun ----


def test_a_past_participle_does_not_match_a_noun_cue(tmp_path: Path) -> None:
    index = CueIndex([compile_cue("checkpoint", "écarts")])
    rejected = unit_of(
        tmp_path, "Le stand à la foire de Rumilly a été écarté, trop cher pour le budget."
    )
    assert not index.find(rejected)
    variance = unit_of(
        tmp_path, "Les écarts entre le prévu et le réalisé tiennent au prix des bocaux."
    )
    assert index.find(variance)


def test_a_long_derived_word_still_matches(tmp_path: Path) -> None:
    index = CueIndex([compile_cue("checkpoint", "participants")])
    unit = unit_of(tmp_path, "Deux cents familles ont participé à la fête de l'alpage en juillet.")
    assert index.find(unit)
