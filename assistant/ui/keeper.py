"""Candidate results kept server-side per browser, so that a reload of the page shows them.

A browser is known by the gateway's HttpOnly session cookie (``dr_client``, gone when the
browser closes). When its last page closes, the results are kept ``grace_s`` seconds more (a
reload comes back well within that) and then deleted with everything they hold; an idle
expiry or « Supprimer mon dossier » deletes them at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    value: object
    drop: Callable[[], None]
    timer: threading.Timer | None = None


class ResultKeeper:
    def __init__(self, grace_s: float) -> None:
        self.grace_s = grace_s
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def keep(self, browser: str, value: object, drop: Callable[[], None]) -> None:
        """Keep ``value`` for the browser; ``drop`` deletes what it holds."""
        with self._lock:
            old = self._entries.pop(browser, None)
            self._entries[browser] = _Entry(value, drop)
        if old is not None and old.value is not value:
            self._run(old)

    def get(self, browser: str) -> object | None:
        """The browser's kept value (a page came back: a pending deletion is cancelled)."""
        with self._lock:
            entry = self._entries.get(browser)
            if entry is not None and entry.timer is not None:
                entry.timer.cancel()
                entry.timer = None
        return entry.value if entry else None

    def release(self, browser: str) -> None:
        """A page of the browser closed: delete its results after the grace period."""
        with self._lock:
            entry = self._entries.get(browser)
            if entry is None:
                return
            if entry.timer is not None:
                entry.timer.cancel()
            entry.timer = threading.Timer(self.grace_s, self._expire, (browser, entry))
            entry.timer.daemon = True
            entry.timer.start()

    def discard(self, browser: str) -> None:
        """Delete the browser's results now."""
        with self._lock:
            entry = self._entries.pop(browser, None)
        if entry is not None:
            if entry.timer is not None:
                entry.timer.cancel()
            self._run(entry)

    def _expire(self, browser: str, entry: _Entry) -> None:
        with self._lock:
            if self._entries.get(browser) is not entry or entry.timer is None:
                return  # a page came back, or something newer is kept
            del self._entries[browser]
        self._run(entry)

    @staticmethod
    def _run(entry: _Entry) -> None:
        try:
            entry.drop()
        except Exception:  # deletion must not break the page; the error is logged
            log.exception("could not delete kept results")
