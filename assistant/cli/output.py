"""Where a command's result goes: standard output, or a file written atomically.

While the engine runs, anything written to file descriptor 1 (a library's print, a native
warning) is sent to standard error instead, so that ``--format json`` keeps standard output
for the one JSON document.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

from assistant.atomic import write_atomic


@contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send everything written to standard output to standard error, until exit."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real file descriptor 1 (embedded interpreter): Python level only
        with redirect_stdout(sys.stderr):
            yield
        return
    os.dup2(2, 1)
    try:
        with redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def emit(data: bytes, out: Path | None) -> None:
    """Write ``data`` to ``out`` (atomically) or, without ``out``, to standard output."""
    if out is not None:
        write_atomic(out, data)
        return
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (tests capturing output)
        stream.write(data.decode())
        stream.flush()
