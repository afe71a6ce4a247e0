"""Child process that parses one dossier: ``python -m assistant.ingest.worker``.

Reads a JSON request on stdin, limits its own address space and CPU time, parses, and writes
one JSON answer on stdout: ``{"document": {...}}`` or ``{"error": class, "message", "detail"}``.
Anything else the libraries print goes to stderr."""

from __future__ import annotations

import json
import logging
import os
import sys
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


def main(stdin: TextIO = sys.stdin) -> int:
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # stray prints from libraries must not corrupt the answer
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    request = json.loads(stdin.read())
    limits = request["limits"]
    limit_resources(int(limits["parse_memory_mb"]), float(limits["parse_timeout_s"]) + 5)
    result = answer(request)
    try:
        text = json.dumps(result, ensure_ascii=False)
    except MemoryError:
        text = json.dumps({"error": "MemoryError", "message": "", "detail": "answer too big"})
    out.write(text)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
