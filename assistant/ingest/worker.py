"""Child process that parses one dossier: ``python -m assistant.ingest.worker``.

Reads a JSON request on stdin, limits its own address space and CPU time, parses, and writes
one JSON answer on stdout: ``{"document": {...}}`` or ``{"error": class, "message", "detail"}``.
Anything else the libraries print goes to stderr.

With ``--serve`` it is a fork server instead (``assistant.ingest.parse_server`` drives it): it
imports the parsers once, then for each order read on stdin (one JSON line: the request, the
answer and stderr files, the wall-time limit) forks a NEW child that limits itself and parses
as above, writing its answer to the file. Every file is still parsed in a fresh process of its
own, under its own limits, killed when it runs too long; only Python's start and the imports
(about 0.3 s a file) are paid once. The server answers each order with one JSON line:
``{"code": exit status, "timeout": bool}``."""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any, TextIO

_MB = 1024 * 1024


def limit_resources(memory_mb: int, cpu_seconds: float) -> None:
    """Cap this process's address space and CPU time (POSIX only; a no-op elsewhere)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    _lower(resource, resource.RLIMIT_AS, memory_mb * _MB)
    _lower(resource, resource.RLIMIT_CPU, int(cpu_seconds) + 1)


def _lower(resource: Any, which: int, value: int) -> None:
    """Set the soft limit to ``value`` (never above the hard limit, which stays as it is)."""
    _soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, hard))


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """Parse as ``request`` says; an answer dict, never an exception."""
    from assistant.errors import ReviewError
    from assistant.ingest.parse import parse_file
    from assistant.settings import LimitsSettings

    try:
        limits = LimitsSettings.model_validate(request["limits"])
        path, filename = Path(request["path"]), str(request["filename"])
        document = parse_file(path, filename, str(request["kind"]), limits)
        return {"document": document.model_dump(mode="json")}
    except ReviewError as err:
        return {"error": type(err).__name__, "message": err.message, "detail": err.detail}
    except MemoryError:
        return {"error": "MemoryError", "message": "", "detail": "out of memory"}
    except Exception:  # any library failure on a hostile file becomes an answer
        return {"error": "Exception", "message": "", "detail": traceback.format_exc(limit=8)}


def limited_answer(request: dict[str, Any]) -> str:
    """Under the request's memory and CPU limits, parse and return the answer as JSON text."""
    limits = request["limits"]
    limit_resources(int(limits["parse_memory_mb"]), float(limits["parse_timeout_s"]) + 5)
    result = answer(request)
    try:
        return json.dumps(result, ensure_ascii=False)
    except MemoryError:
        return json.dumps({"error": "MemoryError", "message": "", "detail": "answer too big"})


def main(stdin: TextIO = sys.stdin) -> int:
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # stray prints from libraries must not corrupt the answer
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    out.write(limited_answer(json.loads(stdin.read())))
    out.flush()
    return 0


def serve(stdin: TextIO = sys.stdin) -> int:
    """The fork server's loop: one forked, limited child per order, until stdin closes."""
    reports = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt reports
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    _preload()
    for line in stdin:
        if not line.strip():
            continue
        report = _fork_one(json.loads(line), reports.fileno())
        reports.write(json.dumps(report) + "\n")
        reports.flush()
    return 0


def _preload() -> None:
    """Import the parsing stack and the PDF reader (most dossiers) with pdfplumber's table
    finder (a dossier's first ruled table: 0.1 s of CPU in each child otherwise) now, once,
    so that the forked children start ready; the other readers are imported by the child
    that needs them."""
    import pdfplumber.table  # noqa: F401

    import assistant.ingest.parse
    import assistant.ingest.pdf_reader  # noqa: F401


def _fork_one(order: dict[str, Any], reports: int) -> dict[str, Any]:
    """Fork a child for ``order``, kill it after ``order["timeout"]`` seconds, reap it (the
    child does not keep ``reports``, the server's channel to its parent)."""
    sys.stdout.flush()
    sys.stderr.flush()
    alive, held = os.pipe()  # the child holds ``held`` open until it exits
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 70
        try:
            os.close(alive)
            os.close(reports)
            code = _child(order)
        finally:
            os._exit(code)
    os.close(held)
    timed_out = not _ended(alive, float(order["timeout"]))
    if timed_out:
        os.kill(pid, signal.SIGKILL)  # not reaped yet: the pid is still this child's
    _, status = os.waitpid(pid, 0)
    os.close(alive)
    return {"code": os.waitstatus_to_exitcode(status), "timeout": timed_out}


def _ended(alive: int, timeout: float) -> bool:
    """Whether the child closed its end of the pipe (it exited) within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        readable, _, _ = select.select([alive], [], [], remaining)
        if readable and not os.read(alive, 1):
            return True


def _child(order: dict[str, Any]) -> int:
    """In the forked child: own stdin, stdout and stderr, limits, parse, answer file."""
    err = os.open(order["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(err, 1)
    os.dup2(err, 2)
    text = limited_answer(order["request"])
    fd = os.open(order["answer"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else main())
