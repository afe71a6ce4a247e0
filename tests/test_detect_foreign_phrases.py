# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A factor's word inside another checkpoint's name is that checkpoint's (failure mode 5).

« Modèle économique » is the company's business model (the presentation), « cibles
digitales » the digital targets, « comportement numérique » a persona's habits: each holds a
word of a PESTEL factor (« économique », « digitales », « numérique ») but the référentiel gives
the whole phrase to another checkpoint. A dossier whose PESTEL leaves out the economic and the
technological factors keeps them absent, however much its other sections talk about their
business model and their digital targets; the factors it does analyse stay present.
Real files (Markdown, and a PDF built by ``eval.docbuild``) through the review service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assessment import Assessment
from assistant.detect import layout_of
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval.docbuild import build_pdf, markdown_to_items

DOSSIER = """\
# Dossier E5 — Atelier Sabline, céramique utilitaire à Nevers

## 1. Présentation de l'atelier

L'Atelier Sabline fabrique depuis 2016 de la vaisselle en grès dans un ancien garage de Nevers, avec quatre salariés et un four à gaz de 2 m³. Le modèle économique de l'atelier repose sur la vente directe en boutique et sur les marchés de potiers (62 % du chiffre d'affaires de 410 000 €), sur les commandes des restaurants de la Nièvre (27 %) et sur des cours de tournage vendus 45 € la séance (11 %).

## 2. Analyse PESTEL

Politique : le Conseil départemental de la Nièvre finance depuis 2023 la route des métiers d'art, qui a fait entrer l'atelier dans un circuit de 14 ateliers visités par 9 000 touristes l'été dernier.

Socioculturel : les 30-45 ans urbains achètent de plus en plus de vaisselle artisanale pour remplacer la porcelaine industrielle ; nos ventes aux moins de 40 ans ont pris 22 % en deux ans.

Écologique : le prix du gaz et l'empreinte carbone de la cuisson poussent l'atelier à passer à un four électrique alimenté par les panneaux solaires posés sur le toit en 2024.

Légal : la vaisselle au contact des aliments doit respecter le règlement européen 1935/2004 ; chaque nouvel émail est testé par un laboratoire de Dijon pour la migration du plomb et du cadmium.

## 3. Nos cibles digitales

Nos cibles digitales sont les couples de 28 à 40 ans qui équipent leur premier appartement : 71 % des clients du site nous ont découverts sur Instagram et Pinterest, et 48 % des commandes en ligne sont passées depuis un téléphone.

Comportement numérique : ils comparent les pièces sur les comptes de potiers, enregistrent les photos de tables dressées et attendent une livraison en moins de 5 jours.
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def assess(services: Services, tmp_path: Path, pdf: bool) -> Assessment:
    path = tmp_path / "sabline.md"
    path.write_text(DOSSIER, encoding="utf-8")
    if pdf:
        path = build_pdf(markdown_to_items(DOSSIER), tmp_path / "sabline.pdf")
    return services.review.assess(path, "E5-P1")


@pytest.mark.parametrize("pdf", [False, True], ids=["md", "pdf"])
def test_business_model_and_digital_targets_are_not_pestel_factors(
    services: Services, tmp_path: Path, pdf: bool
) -> None:
    result = next(c for c in assess(services, tmp_path, pdf).checkpoints if c.id == "pestel")
    status = {e.id: e.status for e in result.elements}
    quotes = {e.id: [q.quote for q in e.evidence] for e in result.elements}
    assert status["economique"] == "absent", quotes["economique"]
    assert status["technologique"] == "absent", quotes["technologique"]
    for factor in ("politique", "socioculturel", "ecologique", "legal"):
        assert status[factor] == "present", (factor, status)
    assert result.status == "partial"


def test_a_phrase_is_found_for_each_checkpoint_that_names_it(
    services: Services, tmp_path: Path
) -> None:
    from assistant.detect.checkpoint import cue_phrases

    checkpoints = services.referentiel.checkpoints_for("E5-P1")
    path = tmp_path / "phrase.md"
    path.write_text("# Atelier\n\nNotre modèle économique repose sur la vente directe.\n")
    phrases = cue_phrases(layout_of(services.ingest(path)), checkpoints)
    found = {
        cid: (first, last)
        for unit in phrases.values()
        for names in unit.values()
        for cid, first, last in names
    }
    # the presentation's two-word name covers the factor's one word; a name of one word
    # (the factor's « économique ») covers nothing longer than itself and is not kept
    assert found["presentation_entreprise"][1] - found["presentation_entreprise"][0] == 1
    assert "pestel" not in found


MIX = """\
# Dossier E1 — Brûlerie Vauclair, torréfacteur à Dole

## 4. Marketing mix

Produit : la brûlerie torréfie chaque semaine 14 origines de café en petits lots de 15 kg, vendues en sachets de 250 g refermables.

Prix : le sachet est vendu 9,80 €, soit 20 % au-dessus des cafés de supermarché, ce que justifient la fraîcheur et la traçabilité.

Distribution : 70 % des ventes se font dans la boutique de Dole, le reste chez six épiceries fines du Jura et sur le site marchand.

Le plan de communication de la brûlerie repose sur douze dégustations en boutique par an, un compte Instagram suivi par 3 200 personnes et des affiches dans les gares de Dole et de Besançon, pour 4 500 € par an.
"""


def test_a_name_joined_by_a_preposition_stays_the_elements_too(
    services: Services, tmp_path: Path
) -> None:
    # « plan de communication » is the communication plan's name, but its « communication »
    # (after « de ») is a thing of its own: the marketing mix's promotion told through the plan
    path = tmp_path / "vauclair.md"
    path.write_text(MIX, encoding="utf-8")
    assessment = services.review.assess(path, "E1")
    mix = next(c for c in assessment.checkpoints if c.id == "marketing_mix")
    status = {e.id: e.status for e in mix.elements}
    assert status["promotion"] == "present", status
