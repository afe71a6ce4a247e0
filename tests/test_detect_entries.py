# ruff: noqa: E501  (dossier prose: one line per entry, as candidates write slides and lists)
"""Lines that open on an element's name followed by a colon are that element's entry
(failure mode 5, content credited to the wrong element): an empty entry (« Earned : »
followed by the other media, « Légal : — ») is not filled by the lines below it, and a
sibling's name inside another entry's value (« Sécurité : ..., un poste de secours ») is not
an analysis of that sibling. Real Markdown files, the rules as the engine runs them."""

from __future__ import annotations

from pathlib import Path

from assistant.assessment import CheckpointResult
from assistant.detect import detect_checkpoints
from tests.dossiers import checkpoints, ingest, write

BACKGROUND = checkpoints("presentation_entreprise", "bilan_personnel", "projet_professionnel")

COMPANY = """\
# Dossier de projet — Fromagerie du Col

## Présentation

La Fromagerie du Col affine 40 tonnes de tomme par an à Bonneval-sur-Arc et vend en ligne depuis 2021 à 2 100 clients fidèles.
"""


def result(tmp_path: Path, body: str, checkpoint: str) -> CheckpointResult:
    doc = ingest(write(tmp_path, "dossier.md", COMPANY, body))
    return detect_checkpoints(doc, checkpoints(checkpoint), background=BACKGROUND)[0]


def statuses(result: CheckpointResult) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def quotes(result: CheckpointResult, element: str) -> list[str]:
    found = next(e for e in result.elements if e.id == element)
    return [ev.quote for ev in found.evidence]


MEDIA_WITH_AN_EMPTY_LINE = """\
## Notre dispositif PESO

- Paid : 600 € de publicités Meta ciblées sur les randonneurs de Savoie en juin
- Earned :
- Shared : 380 partages de la vidéo d'affinage par les randonneurs, 45 avis Google laissés en mars
- Owned : boutique en ligne refaite en avril, lettre mensuelle aux 2 100 clients, compte Instagram de la cave
"""


def test_an_empty_entry_is_not_filled_by_the_next_media_lines(tmp_path: Path) -> None:
    found = result(tmp_path, MEDIA_WITH_AN_EMPTY_LINE, "peso")
    assert statuses(found) == {
        "paid": "present",
        "earned": "absent",
        "shared": "present",
        "owned": "present",
    }
    assert quotes(found, "earned") == []
    assert all(q.startswith("Owned") for q in quotes(found, "owned"))


FACTORS_WITH_A_VOID_LEGAL_LINE = """\
## Environnement de la fromagerie

- Économique : le prix du lait de vache tarine a pris 11 % depuis 2023, ce qui réduit notre marge sur la tomme de 2 points.
- Écologique : les étés secs de 2022 et 2023 ont raccourci l'estive de trois semaines et la production d'herbe d'alpage.
- Légal : —
- Concurrents directs : deux coopératives de Maurienne vendent une tomme AOP 15 % moins chère dans les mêmes supérettes.
- Produits de substitution : les fromages industriels au rayon libre-service, achetés par les vacanciers pressés.
"""


def test_a_factor_said_to_be_empty_takes_nothing_from_the_lines_below(tmp_path: Path) -> None:
    found = result(tmp_path, FACTORS_WITH_A_VOID_LEGAL_LINE, "pestel")
    elements = statuses(found)
    assert elements["legal"] == "absent", quotes(found, "legal")
    assert elements["economique"] == "present"
    assert elements["ecologique"] == "present"


CONSTRAINTS_BY_ENTRY = """\
## Contraintes réglementaires de la fête de l'alpage

- Administratives : autorisation d'occupation du parking communal demandée à la mairie de Bonneval le 4 mars, accordée le 2 avril.
- Sécurité : jauge limitée à 600 personnes, deux agents de sécurité à l'entrée du chapiteau, issues de secours balisées et un poste de secours près de la buvette.
"""


def test_a_word_of_a_sibling_inside_an_entry_stays_in_that_entry(tmp_path: Path) -> None:
    found = result(tmp_path, CONSTRAINTS_BY_ENTRY, "contraintes_reglementaires")
    assert statuses(found) == {
        "administratives": "present",
        "sanitaires": "absent",
        "securitaires": "present",
    }
    assert quotes(found, "sanitaires") == []


GRID_ON_ONE_LINE = """\
## SWOT de la fromagerie

Forces : une tomme primée au Salon de l'agriculture 2024, un affineur formé chez Androuët
Faiblesses : aucune vente en grande surface, une cave trop petite pour passer 50 tonnes
"""


def test_two_entries_run_together_on_one_line_are_two_entries(tmp_path: Path) -> None:
    elements = statuses(result(tmp_path, GRID_ON_ONE_LINE, "swot"))
    assert elements["forces"] == "present"
    assert elements["faiblesses"] == "present"


FACTORS_THEN_A_THIN_PLAN = """\
## Plan de communication de l'été

Rappel du contexte :

- Économique : le budget moyen des ménages savoyards pour les produits du terroir a baissé de 6 % en 2024, l'inflation pèse sur les achats plaisir.
- Socioculturel : les randonneurs achètent de plus en plus local et veulent rencontrer le producteur.
- Technologique : la vente en ligne de fromage au lait cru demande des colis isothermes, que nous testons depuis janvier avec La Poste.

Objectif : faire connaître la boutique en ligne auprès des randonneurs de l'été.
"""


def test_a_factor_entry_is_not_another_tool_s_element(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "dossier.md", COMPANY, FACTORS_THEN_A_THIN_PLAN))
    found = detect_checkpoints(
        doc, checkpoints("pestel", "plan_communication"), background=BACKGROUND
    )
    pestel, plan = found
    assert statuses(pestel)["economique"] == "present"
    assert statuses(plan)["budget"] == "absent", quotes(plan, "budget")


TERSE_MEDIA = """\
## Dispositif PESO de la fête de l'alpage

- Paid : bannière Dauphiné, 90 € en juillet
- Earned : rien pour l'instant, le communiqué part en juin
- Shared : 210 partages du reel de la traite, 38 avis Google en juillet
- Owned : site refait en avril, lettre aux 2 100 clients
"""


def test_a_terse_entry_with_figures_and_names_is_enough_for_its_element(tmp_path: Path) -> None:
    found = result(tmp_path, TERSE_MEDIA, "peso")
    elements = statuses(found)
    assert elements["paid"] == "present"
    assert quotes(found, "paid") == ["Paid : bannière Dauphiné, 90 € en juillet"]
    assert elements["earned"] == "absent"


THIN_ENTRIES = """\
## Dispositif PESO de la fête de l'alpage

- Paid : la publicité
- Earned : la presse
- Shared : les réseaux
- Owned : notre site
"""


def test_entries_that_only_name_a_channel_stay_absent(tmp_path: Path) -> None:
    assert set(statuses(result(tmp_path, THIN_ENTRIES, "peso")).values()) == {"absent"}


MEDIA_IN_ONE_SENTENCE = """\
## Communication de la fête de l'alpage

Notre mix PESO : Paid = bannière Dauphiné 90 € et affiches Decaux 400 € ; Earned = reportage France 3 Alpes tourné le 12 juillet ; Shared = défi Instagram #TommeDuCol, 210 reposts ; Owned = site, lettre aux 2 100 clients.
"""


def test_each_entry_of_a_sentence_that_lists_the_media_is_read_alone(tmp_path: Path) -> None:
    found = result(tmp_path, MEDIA_IN_ONE_SENTENCE, "peso")
    assert statuses(found) == dict.fromkeys(("paid", "earned", "shared", "owned"), "present")
    assert quotes(found, "earned") == [MEDIA_IN_ONE_SENTENCE.splitlines()[2]]


NAMES_IN_ONE_SENTENCE = """\
## Communication de la fête de l'alpage

Notre mix PESO : Paid = pub ; Earned = presse ; Shared = réseaux ; Owned = site.
"""


def test_a_sentence_listing_the_media_by_name_only_credits_none(tmp_path: Path) -> None:
    found = result(tmp_path, NAMES_IN_ONE_SENTENCE, "peso")
    assert set(statuses(found).values()) == {"absent"}
