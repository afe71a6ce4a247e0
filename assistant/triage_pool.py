"""Triage over every core: dossiers assessed in a pool of processes, rows in input order.

Each process builds its own services from the settings once (``build_services``), assesses
up to ``settings.triage_tasks_per_worker`` dossiers, then is replaced by a fresh one, so that
a long batch cannot gather memory. Processes are started with ``spawn``: nothing of the
caller (threads, open stores, a web server) is copied into them. The pool is used only on the
offline path: when the review needs the vector store (LLM, offline paraphrases), the
embedded store's one-writer lock would make the processes wait for one another.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.triage import ProgressCallback, TriageRow, TriageService

log = logging.getLogger(__name__)

_service: TriageService | None = None  # the worker process's own, built once


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pool_size(settings: Settings, files: int) -> int:
    """How many processes to triage ``files`` dossiers with (1: no pool)."""
    wanted = settings.triage_workers or usable_cores()
    return max(1, min(wanted, files))


def run_pool(
    settings: Settings,
    files: list[Path],
    epreuve: str,
    progress: ProgressCallback | None,
    failed: Callable[[Path], TriageRow],
) -> list[TriageRow]:
    """One row per file, in the order of ``files``; ``progress`` is called as each dossier
    finishes; ``failed`` gives the row of a file whose process died."""
    rows: dict[int, TriageRow] = {}
    executor = ProcessPoolExecutor(
        max_workers=pool_size(settings, len(files)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(settings,),
        max_tasks_per_child=settings.triage_tasks_per_worker,
    )
    with executor:
        pending: dict[Future[TriageRow], int] = {
            executor.submit(_assess, path, epreuve): index for index, path in enumerate(files)
        }
        for future in as_completed(pending):
            index = pending[future]
            rows[index] = _row(future, files[index], failed)
            if progress is not None:
                progress(len(rows), len(files), rows[index])
    return [rows[index] for index in range(len(files))]


def _row(future: Future[TriageRow], path: Path, failed: Callable[[Path], TriageRow]) -> TriageRow:
    try:
        return future.result()
    except BrokenProcessPool:  # the process died (killed, out of memory): this file fails
        log.exception("triage process died on %s", path.name)
        return failed(path)


def _start(settings: Settings) -> None:
    global _service
    from assistant.services import build_services

    services = build_services(settings.model_copy(update={"triage_workers": 1}))
    _service = services.triage


def _assess(path: Path, epreuve: str) -> TriageRow:
    if _service is None:  # the initializer always runs first
        raise RuntimeError("triage worker not started")
    return _service.assess_one(path, epreuve)
