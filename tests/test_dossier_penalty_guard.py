"""The dossier-level decision's penalty is chosen by leaving one author out at a time; a
penalty whose model loses on one author left out is refused however large its mean gain, as
the completeness and attribution trainers already refuse such a choice (session 16)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eval import train_dossier
from eval.train_dossier import Dossier, Rows

# (author left out, penalty) -> (accuracy, balanced) of the model trained without that author;
# None as the penalty: the rules' own figures. The weak penalty wins on average (+0.06 on one
# author, -0.01 on another); the middle one gains a little on every author.
FIGURES: dict[tuple[str, float | None], tuple[float, float]] = {
    ("lucie", None): (0.70, 0.70),
    ("marc", None): (0.80, 0.80),
    ("nadia", None): (0.75, 0.75),
    ("lucie", 0.05): (0.76, 0.76),
    ("marc", 0.05): (0.79, 0.79),
    ("nadia", 0.05): (0.76, 0.76),
    ("lucie", 0.5): (0.71, 0.71),
    ("marc", 0.5): (0.80, 0.80),
    ("nadia", 0.5): (0.755, 0.755),
    ("lucie", 5.0): (0.70, 0.70),
    ("marc", 5.0): (0.80, 0.80),
    ("nadia", 5.0): (0.75, 0.75),
}


def dossier(author: str) -> Dossier:
    return Dossier(f"{author}.md", author, Rows(), Rows(), [])


@pytest.fixture
def figures(monkeypatch: pytest.MonkeyPatch) -> list[Dossier]:
    def train(dossiers: Sequence[Dossier], l2: float) -> float:
        return l2  # the "model" is its penalty: the figures above depend on it only

    def measure(held: Sequence[Dossier], model: float | None) -> dict[str, float]:
        (author,) = {d.group for d in held}
        accuracy, balanced = FIGURES[(author, model)]
        return {"accuracy": accuracy, "balanced": balanced, "f1": 0.0}

    monkeypatch.setattr(train_dossier, "train", train)
    monkeypatch.setattr(train_dossier, "measure", measure)
    return [dossier(a) for a in ("lucie", "lucie", "marc", "nadia")]


def test_a_penalty_that_costs_one_author_is_refused(figures: list[Dossier]) -> None:
    assert train_dossier.choose_l2(figures, (0.05, 0.5, 5.0)) == 0.5


def test_the_rules_stand_when_every_gain_costs_an_author(figures: list[Dossier]) -> None:
    assert train_dossier.choose_l2(figures, (0.05, 5.0)) == 5.0


def test_a_gain_on_every_author_is_still_taken(figures: list[Dossier]) -> None:
    assert train_dossier.choose_l2(figures, (0.5, 5.0)) == 0.5
