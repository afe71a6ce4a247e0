"""Results kept per browser across a reload: deleted after the grace period, at once on
discard, never while a page came back."""

from __future__ import annotations

import time

from assistant.ui.keeper import ResultKeeper


def test_a_reload_within_the_grace_period_keeps_the_results() -> None:
    dropped: list[str] = []
    keeper = ResultKeeper(grace_s=0.2)
    keeper.keep("b1", "résultats", lambda: dropped.append("b1"))
    keeper.release("b1")  # the page closed (a reload)
    assert keeper.get("b1") == "résultats"  # the new page came back in time
    time.sleep(0.4)
    assert keeper.get("b1") == "résultats" and dropped == []


def test_results_are_deleted_after_the_grace_period_or_at_once() -> None:
    dropped: list[str] = []
    keeper = ResultKeeper(grace_s=0.1)
    keeper.keep("b1", "un", lambda: dropped.append("b1"))
    keeper.keep("b2", "deux", lambda: dropped.append("b2"))
    keeper.release("b1")
    time.sleep(0.3)
    assert keeper.get("b1") is None and dropped == ["b1"]
    keeper.discard("b2")
    assert keeper.get("b2") is None and dropped == ["b1", "b2"]
    keeper.discard("b2")  # twice: nothing more
    assert dropped == ["b1", "b2"]


def test_new_results_replace_and_delete_the_old_ones() -> None:
    dropped: list[str] = []
    keeper = ResultKeeper(grace_s=10)
    keeper.keep("b1", "ancien", lambda: dropped.append("ancien"))
    keeper.keep("b1", "nouveau", lambda: dropped.append("nouveau"))
    assert dropped == ["ancien"] and keeper.get("b1") == "nouveau"
