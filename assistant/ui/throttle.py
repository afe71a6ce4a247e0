"""Throttling of the jury login, per account and per client address.

Each failure makes the next attempt wait longer (``base_delay_s`` doubled per failure, up to
``max_delay_s``); ``max_failures`` failures within ``window_s`` lock the account (or the
address, after ``max_client_failures``) for ``lockout_s``: attempts are then refused without
the password being checked. A success clears the account's record.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)
    locked_until: float = 0.0


@dataclass
class LoginThrottle:
    max_failures: int = 5
    max_client_failures: int = 20
    window_s: float = 900.0
    lockout_s: float = 900.0
    base_delay_s: float = 0.25
    max_delay_s: float = 8.0
    _accounts: dict[str, _Record] = field(default_factory=dict)
    _clients: dict[str, _Record] = field(default_factory=dict)

    def locked_for(self, account: str, client: str, now: float | None = None) -> float:
        """Seconds before ``account`` or ``client`` may try again (0: it may now)."""
        now = time.monotonic() if now is None else now
        records = [self._accounts.get(account), self._clients.get(client)]
        return max([r.locked_until - now for r in records if r is not None] + [0.0])

    def delay(self, account: str, client: str, now: float | None = None) -> float:
        """The wait before this attempt is checked: grows with the recent failures."""
        now = time.monotonic() if now is None else now
        recent = max(self._recent(self._accounts, account, now), self._recent_client(client, now))
        return 0.0 if recent == 0 else min(self.max_delay_s, self.base_delay_s * 2 ** (recent - 1))

    async def pause(self, account: str, client: str) -> None:
        wait = self.delay(account, client)
        if wait > 0:
            await asyncio.sleep(wait)

    def failed(self, account: str, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for table, key, limit in (
            (self._accounts, account, self.max_failures),
            (self._clients, client, self.max_client_failures),
        ):
            record = table.setdefault(key, _Record())
            record.failures = [t for t in record.failures if now - t < self.window_s] + [now]
            if len(record.failures) >= limit:
                record.locked_until = now + self.lockout_s
        self._forget_old(now)

    def succeeded(self, account: str, client: str) -> None:
        self._accounts.pop(account, None)

    def _recent(self, table: dict[str, _Record], key: str, now: float) -> int:
        record = table.get(key)
        return 0 if record is None else sum(1 for t in record.failures if now - t < self.window_s)

    def _recent_client(self, client: str, now: float) -> int:
        # an address trying many accounts slows down like one account would
        return self._recent(self._clients, client, now) // 4

    def _forget_old(self, now: float) -> None:
        for table in (self._accounts, self._clients):
            if len(table) > 10_000:
                for key, record in list(table.items()):
                    if record.locked_until < now and all(
                        now - t >= self.window_s for t in record.failures
                    ):
                        del table[key]
