"""eval.embedding_probe: the AUC it reports, and what it refuses to read."""

from __future__ import annotations

import math

import pytest

from eval.embedding_probe import auc, main


def test_auc_is_the_share_of_present_absent_pairs_ranked_right_ties_half() -> None:
    assert auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert auc([0.1, 0.2, 0.9], [True, True, False]) == 0.0
    assert auc([0.5, 0.5, 0.7, 0.1], [True, False, True, False]) == pytest.approx(0.875)
    assert math.isnan(auc([0.3, 0.4], [True, True]))


@pytest.mark.parametrize(
    "argv",
    [
        ["--passages", "eval/passages/heldout-w3.jsonl"],
        ["--measure", "eval/passages/heldout-w3.jsonl"],
        ["--measure", "eval/real/passages-real.jsonl"],
        ["--passages", "eval/real/passages-dev.jsonl"],
    ],
)
def test_held_out_files_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--backends", "use", *argv])
