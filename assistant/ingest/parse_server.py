"""Fork servers that parse dossiers: ``python -m assistant.ingest.worker --serve``.

A server imports the parsers once; each file is then parsed in a NEW child forked from it,
under the same limits as before (address space, CPU time, wall time: the server kills a child
that runs too long), so one file never shares a process with another. What a server saves is
Python's start and the imports, about 0.3 s of CPU per file (triage pays it once per process
instead of once per dossier).

A thread takes an idle server (or starts one), sends one order, waits for its one-line report
and gives the server back; at most ``IDLE_SERVERS`` are kept waiting, the others are closed.
A server that stops answering is killed (the file counts as over its time); one that died
before answering is replaced and the order sent once more. Servers exit when their stdin
closes (this process ends or closes them).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

IDLE_SERVERS = 2
"""Servers kept waiting for the next file (each holds the parsers' imports, about 60 MB)."""
GRACE_S = 15.0
"""How long past the parse limit a server may take to report before it is killed."""

_idle: list[ParseServer] = []
_lock = threading.Lock()


class ServerGone(Exception):
    """The server died before it reported on the order (the order is sent once more)."""


class ServerStalled(ServerGone):
    """The server did not report in time: it is killed, and the order is not sent again."""


class ParseServer:
    """One fork server process and its private folder (0700) for the child's answer, read
    and removed at once."""

    def __init__(self, env: dict[str, str], cwd: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="dossier-review-parse-"))
        with (self.folder / "server.err").open("wb") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "assistant.ingest.worker", "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=env,
                cwd=cwd,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def parse(self, request: dict[str, Any], timeout: float) -> tuple[int | None, bytes, str]:
        """(exit code or None after a timeout, the answer's bytes, the end of stderr)."""
        answer, stderr = self.folder / "answer.json", self.folder / "stderr.txt"
        answer.unlink(missing_ok=True)
        order = {"request": request, "answer": str(answer), "stderr": str(stderr)}
        report = self._ask({**order, "timeout": timeout}, timeout + GRACE_S)
        out = answer.read_bytes() if answer.is_file() else b""
        err = stderr.read_bytes()[-4000:] if stderr.is_file() else b""
        answer.unlink(missing_ok=True)  # the dossier's text stays on disk no longer than this
        stderr.unlink(missing_ok=True)
        code = None if report.get("timeout") else int(report.get("code", 1))
        return code, out, err.decode("utf-8", "replace")

    def _ask(self, order: dict[str, Any], wait: float) -> dict[str, Any]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None  # both are pipes
        try:
            stdin.write(json.dumps(order).encode() + b"\n")
            stdin.flush()
        except OSError as err:
            raise ServerGone(str(err)) from err
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            if not selector.select(wait):
                self.process.kill()
                raise ServerStalled(f"no report within {wait:g} s")
        line = stdout.readline()
        if not line:
            raise ServerGone(f"server exited ({self.process.wait()})")
        report: dict[str, Any] = json.loads(line)
        return report

    def close(self) -> None:
        """Stop the server (kill it if it does not stop at once) and remove its folder."""
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):  # already broken: the server is gone
                self.process.stdin.close()
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def parse_in_server(
    request: dict[str, Any], timeout: float, env: dict[str, str], cwd: str
) -> tuple[int | None, bytes, str]:
    """Parse ``request`` in a child forked by an idle server (started when none waits)."""
    for attempt in (1, 2):
        server = _take(env, cwd) if attempt == 1 else ParseServer(env, cwd)  # a fresh one
        try:
            result = server.parse(request, timeout)
        except ServerStalled:
            server.close()
            raise
        except ServerGone as err:
            log.warning("parse server lost (attempt %d): %s", attempt, err)
            server.close()
            if attempt == 2:
                raise
            continue
        _give(server)
        return result
    raise AssertionError("unreachable")


def start_server(env: dict[str, str], cwd: str) -> None:
    """Start a server ahead of need (its imports then overlap the caller's own work)."""
    with _lock:
        if _idle:
            return
    _give(ParseServer(env, cwd))


def _take(env: dict[str, str], cwd: str) -> ParseServer:
    with _lock:
        while _idle:
            server = _idle.pop()
            if server.alive():
                return server
            server.close()
    return ParseServer(env, cwd)


def _give(server: ParseServer) -> None:
    with _lock:
        if server.alive() and len(_idle) < IDLE_SERVERS:
            _idle.append(server)
            return
    server.close()


def close_servers() -> None:
    """Close every idle server (and wait for it: its children's CPU time is then counted)."""
    with _lock:
        servers = list(_idle)
        _idle.clear()
    for server in servers:
        server.close()


atexit.register(close_servers)
