"""Triage over every core: dossiers assessed in a pool of processes, rows in input order.

Each process builds its own services from the settings once (``build_services``), keeps
one parse server (each dossier is still parsed in a new child forked from it) and the
embedding model loaded between dossiers, and assesses up to
``settings.triage_tasks_per_worker`` dossiers; a longer lot is run in batches, each by new
processes, so that it cannot gather memory. Processes are started with
``spawn``: nothing of the caller (threads, open stores, a web server) is copied into them
(``assistant/__main__.py`` therefore runs the CLI only as the main module). The pool is
used only on the offline path: when the review needs the vector store (LLM, offline
paraphrases), the embedded store's one-writer lock would make the processes wait for one another.
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
    """One row per file, in the order of ``files``; ``progress`` is called for each dossier
    in that order, as soon as it and those before it are done; ``failed`` gives the row of
    a file whose process died."""
    workers = pool_size(settings, len(files))
    batch = workers * settings.triage_tasks_per_worker
    rows: dict[int, TriageRow] = {}
    for first in range(0, len(files), batch):
        indices = range(first, min(first + batch, len(files)))
        _run_batch(settings, workers, files, indices, epreuve, rows, progress, failed)
    return [rows[index] for index in range(len(files))]


def _run_batch(
    settings: Settings,
    workers: int,
    files: list[Path],
    indices: range,
    epreuve: str,
    rows: dict[int, TriageRow],
    progress: ProgressCallback | None,
    failed: Callable[[Path], TriageRow],
) -> None:
    """Assess ``files[indices]`` in fresh processes (a new pool per batch rather than
    ``max_tasks_per_child``, which can hang on Python 3.11 when a process is replaced)."""
    executor = ProcessPoolExecutor(
        max_workers=min(workers, len(indices)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(settings,),
    )
    with executor:
        pending: dict[Future[TriageRow], int] = {
            executor.submit(_assess, files[index], epreuve): index for index in indices
        }
        shown = indices.start  # progress is told in input order, as the serial triage does
        for future in as_completed(pending):
            index = pending[future]
            rows[index] = _row(future, files[index], failed)
            while shown in rows and shown < indices.stop:
                if progress is not None:
                    progress(shown + 1, len(files), rows[shown])
                shown += 1


def _row(future: Future[TriageRow], path: Path, failed: Callable[[Path], TriageRow]) -> TriageRow:
    try:
        return future.result()
    except BrokenProcessPool:  # the process died (killed, out of memory): this file fails
        log.exception("triage process died on %s", path.name)
        return failed(path)


def _start(settings: Settings) -> None:
    """Build the worker's services once; its parse server starts first, so that the
    parsers' imports run beside this process's own."""
    global _service
    if settings.limits.isolate_parsing:
        from assistant.ingest.isolation import start_parser

        start_parser()
    from assistant.services import build_services

    services = build_services(settings.model_copy(update={"triage_workers": 1}))
    _service = services.triage


def _assess(path: Path, epreuve: str) -> TriageRow:
    if _service is None:  # the initializer always runs first
        raise RuntimeError("triage worker not started")
    return _service.assess_one(path, epreuve)
