# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""A sentence that asserts nothing about the case is never evidence (issue #13): a computation
written in words only, an inventory of tool names, a textbook sentence whose capitalised words
look like proper names. The learned reading (``detect/assertion.py``, trained by
``python -m eval.train_assertion``) and the formula rule, on real dossiers written here,
read by the project's ingestion and assessed through the review service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.detect import layout_of
from assistant.detect.assertion import load_assertion
from assistant.detect.claims import void_reason
from assistant.detect.support import passage_units
from assistant.detect.units import Unit
from assistant.ingest import ingest_file
from assistant.services import Services, build_services
from assistant.settings import LimitsSettings, Settings
from eval.passages import load_passages
from eval.train_assertion import fit, probabilities, sentence_rows

DOSSIER = """\
# Dossier E3 — Cidrerie Lemarchand

## Présentation

La Cidrerie Lemarchand est une exploitation familiale du pays d'Auge reprise en 2019 par Léa Lemarchand ; elle produit 48 000 bouteilles de cidre et de pommeau par an et emploie quatre salariés.

## Structure des coûts et seuil de rentabilité

Nos coûts fixes regroupent le loyer des vergers, l'amortissement du pressoir et les salaires ; nos coûts variables sont les bouteilles, les bouchons et l'énergie.

Seuil de rentabilité = Coûts fixes / Taux de marge sur coûts variables

Le seuil de rentabilité sera calculé l'an prochain avec l'expert-comptable.

## Écoute de la marque

Les logiciels d'écoute des réseaux sociaux sont légion : Mention, Brandwatch, Talkwalker, Digimind, Sprout Social.

La Cidrerie Lemarchand vend surtout en Normandie, dans des épiceries fines et sur les marchés de producteurs.

Il n'existe pas d'outil de mesure, nous ne connaissons donc pas l'audience de nos publications.

## Diagnostic

Nous avons mobilisé les grilles PESTEL, Porter et SWOT afin d'étudier le marché du cidre artisanal.
"""

FORMULA = "Seuil de rentabilité = Coûts fixes"
INVENTORY = "Les logiciels d'écoute"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dossier") / "cidrerie.md"
    path.write_text(DOSSIER, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return build_services(Settings(home=tmp_path_factory.mktemp("home")))


def _unit(path: Path, start: str) -> Unit:
    units = layout_of(ingest_file(path, LimitsSettings())).units
    return next(u for u in units if u.text.startswith(start))


def test_the_shipped_reading_is_loaded() -> None:
    model = load_assertion()
    assert model is not None and 0.0 < model.threshold < 0.5


def test_a_formula_in_words_is_a_definition(dossier: Path) -> None:
    assert void_reason(_unit(dossier, FORMULA)) == "definition"
    assert void_reason(_unit(dossier, "Nos coûts fixes")) is None


def test_an_inventory_of_tools_asserts_nothing_of_the_case(dossier: Path) -> None:
    assert void_reason(_unit(dossier, INVENTORY)) == "unasserted"
    assert void_reason(_unit(dossier, "La Cidrerie Lemarchand vend")) is None


def test_a_negative_sentence_the_reading_finds_empty_is_void_even_with_nous(
    dossier: Path,
) -> None:
    assert void_reason(_unit(dossier, "Il n'existe pas d'outil")) == "unasserted"


def test_the_candidate_s_voice_keeps_a_sentence_the_reading_alone_would_void(
    dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the learned reading is made to void every sentence (whatever weights the trainer wrote:
    # retrained with w33 in session 11, it no longer voids this one by itself)
    from assistant.detect import claims

    unit = _unit(dossier, "Nous avons mobilisé les grilles")
    monkeypatch.setattr(claims, "reads_as_void", lambda text: True)
    void_reason.cache_clear()
    try:
        assert void_reason(unit) is None  # the rules disagree: « nous », no negation
        # the same sentence without the candidate's voice is voided by that reading
        plain = passage_units(unit.text.replace("Nous avons mobilisé", "Les auteurs mobilisent"))
        assert void_reason(plain[0]) == "unasserted"
    finally:
        void_reason.cache_clear()


def test_neither_is_quoted_as_evidence(services: Services, dossier: Path) -> None:
    assessment = services.review.assess(dossier, "E3")
    quotes = [
        e.quote
        for c in assessment.checkpoints
        for e in [*c.evidence, *(q for el in c.elements for q in el.evidence)]
    ]
    assert any(q.startswith("Nos coûts fixes") for q in quotes)
    assert not [q for q in quotes if FORMULA in q or INVENTORY in q or "Il n'existe pas" in q]


def test_training_rows_and_fit_are_deterministic(tmp_path: Path) -> None:
    rows = [
        {
            "id": "t-1",
            "text": "Notre atelier a vendu 3 200 paniers en 2024, soit 18 % de plus qu'en 2023.",
            "kind": "analysis",
            "targets": {"kpi": "present"},
        },
        {
            "id": "t-2",
            "text": "Un indicateur est une mesure qui permet de suivre une action. Il doit être chiffré.",
            "kind": "definition",
            "targets": {"kpi": "absent"},
        },
        {
            "id": "t-3",
            "text": "Nous n'avons fixé aucun objectif chiffré pour le salon.",
            "kind": "intention",
            "targets": {"kpi": "absent"},
        },
    ]
    path = tmp_path / "train-t.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    got = sentence_rows(load_passages(path), "t")
    assert got.labels == [1, 0, 0]  # two definition sentences; the intention is left to the rules
    first, second = fit(got.texts, got.labels), fit(got.texts, got.labels)
    assert first[1] == second[1] and (first[0] == second[0]).all()
    p = probabilities(*first, got.texts)
    assert p[0] > 0.5 > p[1]
