# ruff: noqa: E501  (published prose)
"""The passage judgment on published text: long passages composed for training (off by
default), a long method page is no analysis, and the training command runs from any worktree.
(Features counted per sentence were tried in session 10 and not shipped: eval/README.)"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.detect import support
from assistant.fakes import HashEmbedder
from assistant.referentiel.loader import load_referentiel
from assistant.settings import Settings
from eval.passages import Passage

REF = load_referentiel(Settings().referentiel_dir)
OTHERS = list(REF.checkpoints)

COURSE = (
    "Le prix psychologique est celui que la majorité des acheteurs jugent acceptable. "
    "On l'estime en demandant à un échantillon à partir de quel montant le produit paraîtrait "
    "trop cher, et en dessous duquel il semblerait de mauvaise qualité."
)


def test_held_out_sets_are_named_inside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval import passages

    root = tmp_path / "realite-checkout"  # a checkout whose folder starts with "real"
    monkeypatch.setattr(passages, "PROJECT_ROOT", root)
    assert not passages.held_out(root / "eval" / "passages" / "train-w1.jsonl")
    assert passages.held_out(root / "eval" / "real" / "passages-dev.jsonl")
    assert passages.held_out(root / "eval" / "passages" / "heldout-w3.jsonl")
    assert passages.held_out(root / "eval" / "styles" / "heldout4")
    # outside the repository, every folder of the path counts
    assert passages.held_out(tmp_path / "real-pages" / "x.jsonl")


def _item(n: int, kind: str, targets: dict[str, str]) -> Passage:
    text = f"Phrase numéro {n} du corpus d'essai."
    return Passage.model_validate({"id": f"c-{n}", "text": text, "kind": kind, "targets": targets})


def _items() -> list[Passage]:
    out = []
    for n in range(40):
        if n % 2:
            out.append(_item(n, "definition", {"kpi": "absent", "tableau_de_bord": "absent"}))
        elif n % 4 == 0:
            out.append(_item(n, "thin", {"kpi": "partial", "tableau_de_bord": "absent"}))
        else:
            out.append(_item(n, "analysis", {"kpi": "present"}))
    return out


def test_compositions_keep_to_one_fold_and_are_always_the_same() -> None:
    from eval.train_verdict import FILLER_KINDS, FOLDS, compositions

    items = _items()
    groups = compositions(items)
    assert groups == compositions(items)
    assert groups and all(len(g) >= 2 for g in groups)
    for group in groups:
        assert len({n % FOLDS for n in group}) == 1
        cores = [n for n in group if items[n].kind not in FILLER_KINDS]
        assert len(cores) <= 1
    thin = [n for n, p in enumerate(items) if p.kind == "thin"]
    assert all(any(n in g for g in groups) for n in thin)


def test_a_composed_passage_keeps_the_best_status_of_its_parts() -> None:
    from eval.train_verdict import Corpus, compose, prototypes, read_rows

    items = _items()
    rows: list[tuple[int, str, int]] = []
    rules: list[object] = []
    for n, item in enumerate(items):
        read_rows(n, item, REF, True, rows, rules)
    embedder = HashEmbedder()
    vectors = np.asarray(embedder.embed_documents([p.text for p in items]), dtype=np.float32)
    corpus = compose(Corpus(items, vectors, rows, rules), REF, embedder, siblings=True)
    assert corpus.labelled == len(items) and len(corpus.items) > len(items)
    for n, group in corpus.parts.items():
        made = corpus.items[n]
        assert made.text == " ".join(items[m].text for m in group)
        kinds = {items[m].kind for m in group}
        expected = {"analysis": "present", "thin": "partial"}.get(
            next(iter(kinds - {"definition"}), ""), "absent"
        )
        assert made.targets["kpi"] == expected
        assert made.targets["tableau_de_bord"] == "absent"
        assert corpus.fold(n) == group[0] % 5
    # compositions never feed the prototypes: they repeat their parts
    plain = Corpus(items, vectors, rows, rules)
    for key, (pos, neg) in prototypes(plain).items():
        assert np.allclose(prototypes(corpus)[key][0], pos)
        assert np.allclose(prototypes(corpus)[key][1], neg)


def test_a_long_method_page_with_an_invented_example_is_no_analysis() -> None:
    # a guard: the verdict before this session held it too
    text = (
        "Pour calculer son point mort, une entreprise additionne d'abord ses charges fixes de l'année. "
        "Supposons une crêperie fictive dont le loyer, les salaires et les assurances atteignent 60 000 €. "
        "Si chaque crêpe est vendue 6 € et coûte 2 € en matières, la marge unitaire est de 4 €. "
        "Il faudrait alors vendre 15 000 crêpes pour couvrir les charges. "
        "Chacun peut refaire ce calcul avec ses propres chiffres avant de fixer ses prix."
    )
    found = support(text, REF.checkpoint("seuil_rentabilite"), others=OTHERS)
    assert found.status != "present"
