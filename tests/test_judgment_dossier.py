# ruff: noqa: E501  (dossier prose: one paragraph per line, as candidates write Markdown)
"""The dossier-level decision (``detect.judgment``): shipped weights hold numbers only and
match the features; whatever it decides, a present status is quoted from a unit that may be
evidence (never a contents line, a denial or a definition) and an absent one is not quoted;
its trainer is deterministic and refuses held-out folders. Real Markdown files, the shipped
embedder and passage model."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.assessment import Status
from assistant.detect import detect_outcomes, layout_of
from assistant.detect.judgment import (
    ELEMENT_CLASSES,
    FEATURES,
    MODEL,
    TOPIC_CLASSES,
    DossierModel,
    judge,
    load_judgment,
    reading_of,
)
from assistant.detect.meaning import MeaningScan, load_model, scan_meaning, targets_of
from assistant.detect.results import to_result
from assistant.document import Document
from assistant.index.embedding import UseEmbedder
from eval import train_dossier
from tests.dossiers import checkpoints, ingest, write

# the cash-flow plan is named by a contents line, taken back by a denial and defined by a
# course sentence; the only paragraph that asserts something is about the shop
NOTHING_BUT_NAMES = """\
# Dossier E3 — La Cave à Fromages

## Sommaire

1. Présentation ........ 2
2. Plan de trésorerie ........ 4
3. Suivi des écarts ........ 6

## 1. Présentation

La Cave à Fromages est une fromagerie de Chambéry ouverte en 2019 par deux associés ; elle vend 140 références de fromages savoyards et réalise 410 000 € de chiffre d'affaires.

## 2. Plan de trésorerie

Le plan de trésorerie est un outil qui permet de prévoir les encaissements et les décaissements d'une entreprise mois par mois.

Nous n'avons pas eu le temps d'établir de plan de trésorerie pour la saison.
"""

# the legal factor written as plain prose, next to a paragraph about the economy
PROSE_FACTORS = """\
# Dossier E1 — Les Ruchers d'Aubrac

Les Ruchers d'Aubrac sont une exploitation apicole de l'Aveyron de 400 ruches qui vend son miel en épiceries fines et sur son site ; elle emploie six personnes.

Depuis 2022, l'étiquetage du miel doit indiquer chaque pays d'origine d'un mélange, ce qui nous oblige à refaire nos étiquettes et à justifier la traçabilité de chaque lot auprès de la DGCCRF.

L'inflation a fait baisser de 12 % nos ventes en épicerie fine l'an dernier, nos clients reportant leurs achats vers des miels d'importation vendus deux fois moins cher.
"""


@pytest.fixture(scope="module")
def embedder() -> Iterator[UseEmbedder]:
    yield UseEmbedder()


def forced(element: Status, topic: Status) -> DossierModel:
    """A decision that says ``element`` of every element and ``topic`` of every topic."""
    n = len(FEATURES)
    element_w = np.zeros((n, len(ELEMENT_CLASSES)), dtype=np.float32)
    topic_w = np.zeros((n, len(TOPIC_CLASSES)), dtype=np.float32)
    element_w[FEATURES.index("bias"), ELEMENT_CLASSES.index(element)] = 10.0
    topic_w[FEATURES.index("bias"), TOPIC_CLASSES.index(topic)] = 10.0
    ones = np.ones(n, dtype=np.float32)
    return DossierModel(np.zeros(n, dtype=np.float32), ones, element_w, topic_w)


def scan(path: Path, ids: tuple[str, ...], embedder: UseEmbedder) -> tuple[Document, MeaningScan]:
    doc = ingest(path)
    layout = layout_of(doc)
    cps = checkpoints(*ids)
    model = load_model()
    assert model is not None
    vectors = embedder.embed_queries([t.text for t in targets_of(cps)])
    found = scan_meaning(layout, cps, embedder.embed_documents, vectors, model)
    assert found is not None
    return doc, found


def test_the_shipped_decision_matches_its_features_and_holds_no_text() -> None:
    model = load_judgment()
    assert model is not None
    assert model.element.shape == (len(FEATURES), len(ELEMENT_CLASSES))
    assert model.topic.shape == (len(FEATURES), len(TOPIC_CLASSES))
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings.extend(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    authors = data["trained_on"].get("authors", [])
    assert all(re.fullmatch(r"[\w-]{1,20}", a) for a in authors)  # names of groups, no text
    allowed = set(FEATURES) | set(data) | set(data["trained_on"]) | set(authors)
    assert all(s in allowed or s.startswith(("eval/", "/")) for s in strings)
    assert not any("heldout" in s for s in data["trained_on"]["dossiers"])


def test_a_forced_present_never_quotes_contents_denials_or_definitions(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    path = write(tmp_path, "cave.md", NOTHING_BUT_NAMES)
    doc, found = scan(path, ("plan_tresorerie",), embedder)
    layout = layout_of(doc)
    outcome = detect_outcomes(checkpoints("plan_tresorerie"), layout)[0]
    judged = judge(outcome, reading_of(found), forced("present", "present"))
    result = to_result(judged, doc.text)
    quotes = " ".join(e.quote for e in result.evidence)
    for words in ("Sommaire", "........", "est un outil qui permet", "pas eu le temps"):
        assert words not in quotes
    # present, then, from the one paragraph that asserts something (the model's choice)
    assert result.status == "present"
    assert result.evidence and all("Chambéry" in e.quote for e in result.evidence)
    partial = to_result(judge(outcome, reading_of(found), forced("absent", "partial")), doc.text)
    assert partial.status == "partial"
    assert partial.evidence and all("Chambéry" in e.quote for e in partial.evidence)


def test_a_forced_absent_drops_every_quote_and_the_checkpoint_follows(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    path = write(tmp_path, "ruchers.md", PROSE_FACTORS)
    doc, found = scan(path, ("pestel",), embedder)
    layout = layout_of(doc)
    outcome = detect_outcomes(checkpoints("pestel"), layout)[0]
    absent = to_result(judge(outcome, reading_of(found), forced("absent", "absent")), doc.text)
    assert all(e.status == "absent" and not e.evidence for e in absent.elements)
    assert absent.status in ("absent", "partial")  # partial only where PESTEL is named
    assert absent.status == ("partial" if outcome.mentioned else "absent")


def test_a_present_element_is_quoted_from_a_passage_of_the_dossier(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    """Where the rules find nothing (no factor is named), a present decision is quoted from the
    passage the model finds likeliest: a verbatim, quotable sentence of the dossier."""
    path = write(tmp_path, "ruchers.md", PROSE_FACTORS)
    doc, found = scan(path, ("pestel",), embedder)
    layout = layout_of(doc)
    outcome = detect_outcomes(checkpoints("pestel"), layout)[0]
    present = to_result(judge(outcome, reading_of(found), forced("present", "present")), doc.text)
    assert present.status == "present"
    for element in present.elements:
        assert element.status == "present" and element.evidence
        assert all(e.quote in doc.text for e in element.evidence)


def test_without_a_reading_the_rules_decide(tmp_path: Path) -> None:
    doc = ingest(write(tmp_path, "ruchers.md", PROSE_FACTORS))
    outcome = detect_outcomes(checkpoints("pestel"), layout_of(doc))[0]
    assert judge(outcome, None, forced("present", "present")) is outcome


def test_the_trainer_is_deterministic_and_learns_a_separable_rule() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, len(FEATURES))).astype(np.float32)
    x[:, FEATURES.index("bias")] = 1.0
    y = (x[:, FEATURES.index("meaning_prob")] > 0).astype(np.int64)
    mean, std = train_dossier.standardisation(x)
    first = train_dossier.fit(x, y, 2, 0.01, mean, std)
    second = train_dossier.fit(x, y, 2, 0.01, mean, std)
    assert np.array_equal(first, second)
    predicted = np.argmax(((x - mean) / std) @ first, axis=1)
    assert (predicted == y).mean() > 0.95


def test_the_trainer_refuses_held_out_folders() -> None:
    with pytest.raises(SystemExit):
        train_dossier.parse_args(["--train", "eval/styles/heldout", "--no-write"])
    with pytest.raises(SystemExit):
        train_dossier.parse_args(["--dev", "eval/heldout"])
