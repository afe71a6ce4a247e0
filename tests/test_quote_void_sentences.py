# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""Sentences that assert nothing done for the case are never quoted, in Markdown and in a PDF
made by the test: a definition of the notion (« X est l'ensemble des... », a term with its
synonym in passing, a generic subject that « permet de »), a denial of having the means of a
step (« ne possède aucun logiciel »), a denial running over a list, a wish taken back. A
sentence that mixes a done action and a denial is quoted without the denial; a checkpoint
whose only sentences are void is not present."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.detect.claims import void_reason
from assistant.detect.evidence import kept_span
from assistant.detect.units import Unit, tokenize
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval import docbuild
from tests.dossiers import evidence_quotes, status_of

COVER = """\
# Dossier — Transports Ferrandon

## Présentation de l'entreprise

Transports Ferrandon livre des colis frais entre Valence et Montélimar depuis 2011 ; l'entreprise compte 23 salariés, dont 17 chauffeurs, et réalise 2,6 millions d'euros de chiffre d'affaires.
"""

TEAM = """\
## Management de l'équipe des chauffeurs

Le circuit d'information désigne l'ensemble des canaux par lesquels une consigne descend de la direction jusqu'aux salariés.

Plusieurs postures de management existent :

- le management participatif (ou délégatif) : chacun propose, le responsable tranche ;
- le management paternaliste : le dirigeant protège et décide pour le groupe.

S'agissant de la vie d'équipe, aucune sortie, aucun atelier collectif ni repas commun n'a pu être organisé cette saison, le planning des tournées étant complet.
"""

WEB = """\
## Mesure de l'audience du site

Le site de commande a été mis en ligne en janvier 2024 ; 140 restaurants y passent leurs commandes de la semaine.

Les principales mesures d'audience sont le nombre de sessions, le temps passé par page et la part de visiteurs revenant sur le site.

Aujourd'hui, la boutique en ligne ne possède aucun logiciel de statistiques ; nous n'avons donc aucun chiffre de fréquentation à présenter.

## Relations presse

Nous avons préparé un dossier de presse de 4 pages présentant les tournées réfrigérées et nos 17 chauffeurs.

Nous aimerions une interview dans le quotidien régional, mais personne n'a encore été sollicité à la rédaction.

## Accessibilité numérique

Nous avons refait les fiches produits du site en avril avec des photos prises au dépôt de Livron, mais aucun contrôle d'accessibilité n'a été conduit sur les nouvelles pages.
"""

VOID_PARTS = (
    "l'ensemble des canaux",
    "(ou délégatif)",
    "aucune sortie",
    "repas commun",
    "principales mesures d'audience",
    "aucun logiciel",
    "aucun chiffre",
    "interview",
    "aucun contrôle",
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def dossier(tmp_path: Path, fmt: str, name: str, *parts: str) -> Path:
    source = "\n".join(parts)
    if fmt == "pdf":
        return docbuild.build_pdf(docbuild.markdown_to_items(source), tmp_path / f"{name}.pdf")
    path = tmp_path / f"{name}.md"
    path.write_text(source, encoding="utf-8")
    return path


def unit(text: str) -> Unit:
    return Unit(0, "sentence", 0, len(text), 1, (), 0, tuple(tokenize(text)), text=text)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "La veille concurrentielle est l'ensemble des moyens de surveiller les offres des rivaux.",
            "generic",
        ),
        (
            "- le prix d'appel (ou prix psychologique) : un tarif bas qui attire le client ;",
            "generic",
        ),
        ("Les tableaux croisés permettent de rapprocher les ventes des dépenses.", "generic"),
        (
            "Les principales sources de trafic sont la recherche, les réseaux et les liens directs.",
            "generic",
        ),
        ("Le magasin ne dispose d'aucun outil de suivi des réclamations.", "negated"),
        ("Nous n'avons mené aucune enquête auprès des clients professionnels.", "negated"),
        (
            "Je voudrais tester un jeu-concours sur Instagram, mais rien n'est lancé à ce jour.",
            "negated",
        ),
    ],
)
def test_void_sentences_are_read_as_such(sentence: str, reason: str) -> None:
    assert void_reason(unit(sentence)) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Ces deux diagnostics permettent de dégager trois priorités pour la saison 2025.",
        "Notre magasin ne dispose d'aucun concurrent direct dans un rayon de 20 km.",
        "Les clients n'ont aucun pouvoir de négociation face à ce fournisseur unique.",
        "Si rien n'est fait, la fréquentation reculera encore l'an prochain.",
    ],
)
def test_case_sentences_stay_quotable(sentence: str) -> None:
    assert void_reason(unit(sentence)) is None


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_definitions_and_denials_of_management_are_never_quoted(
    services: Services, tmp_path: Path, fmt: str
) -> None:
    path = dossier(tmp_path, fmt, "equipe", COVER, TEAM)
    assessment = services.review.assess(path, "E4")
    quoted = " ".join(evidence_quotes(assessment))
    assert not [part for part in VOID_PARTS if part in quoted]
    assert status_of(assessment, "cohesion_equipe") == "absent"
    assert status_of(assessment, "circuit_information") == "absent"


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_missing_tool_and_a_wish_are_never_quoted(
    services: Services, tmp_path: Path, fmt: str
) -> None:
    path = dossier(tmp_path, fmt, "web", COVER, WEB)
    assessment = services.review.assess(path, "E2")
    quoted = evidence_quotes(assessment)
    assert not [part for part in VOID_PARTS if part in " ".join(quoted)]
    assert status_of(assessment, "mesure_visibilite") != "present"
    assert status_of(assessment, "relations_presse") != "present"
    assert status_of(assessment, "rgaa") != "present"


def test_a_sentence_half_denied_is_quoted_without_its_denial() -> None:
    text = (
        "Nous avons refait les fiches produits du site en avril avec des photos prises au dépôt"
        " de Livron, mais aucun contrôle d'accessibilité n'a été conduit sur les nouvelles pages."
    )
    start, end = kept_span(unit(text))
    assert text[start:end].endswith("au dépôt de Livron")
