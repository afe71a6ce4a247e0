"""One process at a time on an embedded Chroma store.

Chroma's ``PersistentClient`` is not process-safe: two processes writing the same folder can
lose or corrupt data. The first process that opens the store takes an exclusive advisory lock
(``flock``) on ``<store>/.writer.lock`` and keeps it until it closes the store or exits (the
kernel releases it even after a SIGKILL). Inside one process, every VectorStore on the same
folder shares the lock (Chroma shares its client there too). Another process waits a little,
then gets a French error saying what to do. Several workers need a Chroma server instead
(``store_url``).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from assistant.errors import StoreBusyError

LOCK_FILE = ".writer.lock"
POLL_S = 0.1

_held: dict[Path, tuple[int, int]] = {}  # folder -> (file descriptor, users in this process)
_guard = threading.Lock()


def acquire(folder: Path, timeout_s: float) -> None:
    """Take the store's lock for this process (shared by its users), waiting ``timeout_s``."""
    key = folder.resolve()
    with _guard:
        if key in _held:
            fd, users = _held[key]
            _held[key] = (fd, users + 1)
            return
        _held[key] = (_lock(key, timeout_s), 1)


def release(folder: Path) -> None:
    """Give back one use of the lock; the last user of this process unlocks the file."""
    key = folder.resolve()
    with _guard:
        if key not in _held:
            return
        fd, users = _held.pop(key)
        if users > 1:
            _held[key] = (fd, users - 1)
        else:
            os.close(fd)  # closing the descriptor releases the flock


def _lock(folder: Path, timeout_s: float) -> int:
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise _busy(folder) from None
            time.sleep(POLL_S)


def _busy(folder: Path) -> StoreBusyError:
    return StoreBusyError(
        f"Le magasin de vecteurs ({folder}) est déjà utilisé par un autre processus, "
        "probablement l'application ; arrêtez-la avant cette commande, ou faites l'opération "
        "depuis l'application.",
        detail=f"flock held on {folder / LOCK_FILE}",
    )
