"""What the element attribution's ridges learn from, and that the retrained attribution is
switched on (``eval.train_attribution``). The long published passages of author w33 blur
the per-element directions (eval/README, session 12): with them no threshold gains without a
group of training dossiers losing, and the retraining wrote a threshold of 1, an
attribution that never changes a status. Real files of the repository, the shipped weights."""

from __future__ import annotations

import json

import numpy as np

from assistant.detect.attribution import MODEL
from eval import train_attribution, train_topics
from tests.dossiers import shipped_attribution


def _stems(args: object) -> set[str]:
    return {p.stem for p in args.passages}  # type: ignore[attr-defined]


def test_the_ridges_read_the_short_passages_and_the_topics_read_them_all() -> None:
    ridges = _stems(train_attribution.parse_args(["--no-write"]))
    assert "train-w33" not in ridges and "train-w18" not in ridges
    assert {"train-w1", "train-w2", "train-w5"} <= ridges
    topics = _stems(
        train_attribution.parse_args(["--no-write"], not_used=train_attribution.TOPICS_NOT_USED)
    )
    assert "train-w33" in topics and "train-w18" not in topics
    assert train_topics.MODEL != MODEL


def test_the_shipped_attribution_changes_statuses_and_names_its_data() -> None:
    """The weights written by ``python -m eval.train_attribution`` on the default data: a
    threshold below 1 (a second look that can find an element), and the files it names as
    its training data are those the trainer reads by default, w33 not among them."""
    model = shipped_attribution()
    assert model.threshold < 1.0
    with np.load(MODEL, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    trained = {p.rsplit("/", 1)[-1] for p in meta["trained_on"] if p.endswith(".jsonl")}
    expected = {p.name for p in train_attribution.parse_args(["--no-write"]).passages}
    assert trained == expected
    assert "train-w33.jsonl" not in trained
