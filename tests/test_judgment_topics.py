# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""The topics' second look (``detect.topics``): a checkpoint without elements that the cue
rules miss can still be found from the passage that treats it, quoted from that passage's
case-specific sentences, its status decided by ``completeness`` on the section; a denial or a
definition is never quoted. Real Markdown files, the shipped embedder and weights."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.detect import detect_outcomes, layout_of
from assistant.detect.claims import case_anchored, void_reason
from assistant.detect.completeness import load_completeness
from assistant.detect.meaning import MeaningScan, load_model, scan_meaning, targets_of
from assistant.detect.results import to_result
from assistant.detect.scope import Layout
from assistant.detect.topics import (
    FEATURES,
    MODEL,
    context_of,
    load_topics,
    look_again,
    revisit,
)
from assistant.document import Document
from assistant.index.embedding import UseEmbedder
from assistant.referentiel.models import Checkpoint
from assistant.services import Services, build_services
from assistant.settings import Settings
from eval import train_topics
from tests.dossiers import checkpoints, ingest, write

TOPICS = ("presentation_entreprise", "problematique", "fcs", "diagnostic_interne", "preconisations")

# the company presented under a heading no cue names: founding year, staff, sales, outlets
UNUSUAL_HEADING = """\
# Dossier E5 — Fromagerie Brunet

## D'où nous partons

La Fromagerie Brunet a été fondée en 1987 à Poligny par Henri Brunet ; elle emploie aujourd'hui 23 salariés et affine chaque année 410 tonnes de comté.

Son chiffre d'affaires a atteint 6,8 millions d'euros en 2024, dont 62 % réalisés auprès des crémeries indépendantes, 25 % en grande distribution et 13 % dans nos deux boutiques du Jura.

Nous achetons le lait de 41 exploitations situées à moins de 25 km, et la cave d'affinage de Poligny accueille 48 000 meules.

## Notre campagne

Nous avons lancé en mars 2025 une campagne Instagram autour de l'affinage, suivie par 3 200 nouveaux abonnés en six semaines.
"""

# recommendations only denied or defined: nothing to quote for them
DENIED = """\
# Dossier E5 — Fromagerie Brunet

## Suites à donner

Une préconisation est une recommandation argumentée que l'on adresse à une organisation pour améliorer sa situation.

Faute de temps, nous n'avons formulé aucune recommandation à la direction de la fromagerie à l'issue de la mission.

## Notre campagne

Nous avons lancé en mars 2025 une campagne Instagram autour de l'affinage, suivie par 3 200 nouveaux abonnés en six semaines.
"""


@pytest.fixture(scope="module")
def embedder() -> Iterator[UseEmbedder]:
    yield UseEmbedder()


def scanned(
    path: Path, embedder: UseEmbedder
) -> tuple[Document, Layout, MeaningScan, list[Checkpoint]]:
    doc = ingest(path)
    layout = layout_of(doc)
    cps = checkpoints(*TOPICS)
    model = load_model()
    assert model is not None
    vectors = embedder.embed_queries([t.text for t in targets_of(cps)])
    found = scan_meaning(layout, cps, embedder.embed_documents, vectors, model)
    assert found is not None
    return doc, layout, found, cps


def test_the_shipped_weights_match_their_features_and_hold_no_text() -> None:
    model = load_topics()
    assert model is not None
    assert model.weights.shape == (len(FEATURES),)
    assert model.directions.shape[1] == 513  # USE dimension, then the bias
    assert "presentation_entreprise" in model.keys
    assert all("." not in k for k in model.keys)  # one direction per topic, not per element
    assert 0.5 <= model.threshold <= 1.0
    with np.load(MODEL, allow_pickle=False) as data:
        assert set(data.files) == {"keys", "directions", "mean", "std", "weights", "meta"}
        assert "heldout" not in str(data["meta"])
    assert MODEL.stat().st_size < 100_000


def test_a_presentation_under_an_unnamed_heading_is_found_in_its_section(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """The presentation's best passage is in « D'où nous partons »; the finding reads that
    section and is quoted only from its case-specific sentences, verbatim."""
    doc, layout, scan, cps = scanned(write(tmp_path, "brunet.md", UNUSUAL_HEADING), embedder)
    outcomes = detect_outcomes(cps, layout)
    outcome = next(o for o in outcomes if o.checkpoint.id == "presentation_entreprise")
    model, complete = load_topics(), load_completeness()
    assert model is not None and complete is not None
    seen = revisit(outcome, scan, layout, model, complete, context_of(outcomes))
    assert seen is not None
    probability, revised, status = seen
    assert 0.0 <= probability <= 1.0
    assert status in ("present", "partial")
    finding = revised.findings[0]
    assert finding.anchor.kind == "heading" and "partons" in finding.anchor.text
    assert all(case_anchored(u) and void_reason(u) is None for u in finding.units)
    assert not any("Instagram" in u.text for u in finding.units)
    result = to_result(dataclasses.replace(revised, status=status), doc.text)
    assert result.evidence and all(e.quote in doc.text for e in result.evidence)


def test_a_topic_already_decided_is_left_as_it_is(tmp_path: Path, embedder: UseEmbedder) -> None:
    _doc, layout, scan, cps = scanned(write(tmp_path, "brunet.md", UNUSUAL_HEADING), embedder)
    outcomes = detect_outcomes(cps, layout)
    outcome = next(o for o in outcomes if o.checkpoint.id == "presentation_entreprise")
    eager = dataclasses.replace(load_topics(), threshold=0.0)  # type: ignore[arg-type]
    for decided in ("present", "partial", None):
        kept = look_again(
            outcome, decided, scan, layout, eager, load_completeness(), context_of(outcomes)
        )
        assert kept == (outcome, decided)


def test_a_denied_or_defined_topic_is_never_quoted_even_with_no_threshold(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    doc, layout, scan, cps = scanned(write(tmp_path, "brunet.md", DENIED), embedder)
    outcomes = detect_outcomes(cps, layout)
    eager = dataclasses.replace(load_topics(), threshold=0.0)  # type: ignore[arg-type]
    context = context_of(outcomes)
    for outcome in outcomes:
        revised, status = look_again(
            outcome, "absent", scan, layout, eager, load_completeness(), context
        )
        result = to_result(dataclasses.replace(revised, status=status or "absent"), doc.text)
        quotes = " ".join(e.quote for e in result.evidence)
        assert "Faute de temps" not in quotes and "recommandation argumentée" not in quotes


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def test_through_the_service_every_topic_quote_is_the_dossiers_own_text(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "brunet.md", UNUSUAL_HEADING)
    assessment = services.review.assess(path, "E5-P1")
    text = " ".join(path.read_text(encoding="utf-8").split())
    for checkpoint in assessment.checkpoints:
        assert all(" ".join(ev.quote.split()) in text for ev in checkpoint.evidence)


def test_siblings_share_an_epreuve_and_the_trainer_refuses_held_out_data(
    services: Services,
) -> None:
    siblings = train_topics.topic_siblings(services)
    assert "gantt" in siblings["feuille_de_route"]  # both in E2, E4 and E5-P2
    assert "seuil_rentabilite" not in siblings["presentation_entreprise"]  # E3 only
    with pytest.raises(SystemExit):
        train_topics.main(["--train", "eval/styles/heldout3", "--no-write"])
    with pytest.raises(SystemExit):
        train_topics.main(["--passages", "eval/passages/heldout-w4.jsonl", "--no-write"])
