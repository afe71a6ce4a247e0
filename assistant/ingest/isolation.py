"""Run the parser in a child process with a wall-time limit and an address-space limit: a
pathological file cannot take the service down. The child is killed on timeout; its answer
becomes a Document or the ReviewError it reported. Each file gets a new child, forked from a
server that has imported the parsers already (``parse_server``).

Children are counted process-wide: at most ``set_worker_limit(n)`` run at once (the app sets
it to its concurrency), whichever thread, tab or endpoint asked; the others wait their turn.
Page previews run in the same kind of child (``run_child``) and take a slot too."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import assistant
from assistant import errors
from assistant.document import Document
from assistant.ingest.parse_server import (
    ServerGone,
    ServerStalled,
    parse_in_server,
    start_server,
)
from assistant.settings import LimitsSettings

logger = logging.getLogger(__name__)

_PACKAGE_ROOT = Path(assistant.__file__).resolve().parent.parent
_OUT_OF_MEMORY = ("MemoryError", "bad_alloc", "Out of memory", "out of memory", "Cannot allocate")
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


def set_worker_limit(count: int) -> None:
    """At most ``count`` child processes at once in this process (from now on)."""
    global _slots
    _slots = threading.BoundedSemaphore(max(1, count))


@contextmanager
def worker_slot() -> Iterator[None]:
    slots = _slots
    with slots:
        yield


def run_child(module: str, request: dict[str, Any], timeout: float) -> tuple[int, bytes, str]:
    """Run ``python -m module`` with ``request`` as JSON on stdin, in a worker slot.

    Returns (exit code, stdout, the end of stderr); raises ``subprocess.TimeoutExpired``
    after killing the child when it runs longer than ``timeout`` seconds."""
    with worker_slot():
        process = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_env(),
            cwd=str(_PACKAGE_ROOT),
        )
        try:
            out, err = process.communicate(json.dumps(request).encode(), timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
    return process.returncode, out, err.decode("utf-8", "replace")[-4000:]


def parse_isolated(path: Path, filename: str, kind: str, limits: LimitsSettings) -> Document:
    request = {
        "path": str(path.resolve()),
        "filename": filename,
        "kind": kind,
        "limits": limits.model_dump(mode="json"),
    }
    try:
        with worker_slot():
            returncode, out, stderr = parse_in_server(
                request, limits.parse_timeout_s, _child_env(), str(_PACKAGE_ROOT)
            )
    except ServerStalled:
        returncode, out, stderr = None, b"", ""
    except ServerGone as err:
        returncode, out, stderr = -1, b"", str(err)
    if returncode is None:
        raise errors.ParseTimeoutError(
            f"La lecture du fichier « {filename} » a dépassé {limits.parse_timeout_s:g} s et a "
            "été interrompue ; exportez-le en PDF plus simple (sans images très lourdes) "
            "et réessayez.",
            detail=f"parse timeout after {limits.parse_timeout_s} s",
        ) from None
    if stderr:
        logger.debug("parser stderr for %s: %s", filename, stderr)
    return _document(returncode, out, stderr, filename)


def start_parser() -> None:
    """Start a parse server now, so that its imports overlap the caller's own start-up."""
    start_server(_child_env(), str(_PACKAGE_ROOT))


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
    )
    env.update({name: "1" for name in _ONE_THREAD})
    return env


def _document(returncode: int, out: bytes, stderr: str, filename: str) -> Document:
    try:
        answer: dict[str, Any] = json.loads(out.decode("utf-8")) if out else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = {}
    if "document" in answer:
        return Document.model_validate(answer["document"])
    if not answer and any(sign in stderr for sign in _OUT_OF_MEMORY):
        answer = {"error": "MemoryError"}
    raise _error(answer, returncode, filename)


def _error(answer: dict[str, Any], returncode: int, filename: str) -> errors.ReviewError:
    name = str(answer.get("error", ""))
    detail = f"exit {returncode}: {answer.get('detail')}"
    known = getattr(errors, name, None)
    if isinstance(known, type) and issubclass(known, errors.ReviewError) and answer.get("message"):
        return known(str(answer["message"]), detail=str(answer.get("detail")))
    if name == "MemoryError":
        return errors.TooLargeError(
            f"Le fichier « {filename} » demande trop de mémoire pour être lu ; "
            "exportez-le en PDF plus léger (images compressées) et réessayez.",
            detail=detail,
        )
    logger.info("parser failed on %s (%s)", filename, detail)  # the French error says it
    return errors.CorruptFileError(
        f"Le fichier « {filename} » n'a pas pu être lu : il est endommagé ou trop complexe ; "
        "exportez-le de nouveau en PDF depuis votre traitement de texte.",
        detail=detail,
    )
