"""Offline guarantee: with no LLM configured, an assessment needs no network at all.

In process, every connection and DNS lookup is recorded during a full assessment: none may
leave the loopback, none may resolve a name. Around the whole process tree (the parsing child
and Chroma's native code included), the CLI runs in a network namespace with no interface
(``unshare -n``, root only: skipped with the reason when not permitted).
"""

from __future__ import annotations

import ipaddress
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.services import build_services
from assistant.settings import PROJECT_ROOT, LLMSettings, Settings
from eval.docbuild import build_pdf, markdown_to_items
from tests.canaries import CanaryDossier, mixed_quotes, quotes_of
from tests.dossiers import PESTEL_FULL, PRESENTATION, PROBLEMATIQUE, SWOT_TABLE

SESSIONS = 20


def dossier_pdf(folder: Path) -> Path:
    source = "\n\n".join((PRESENTATION, PESTEL_FULL, SWOT_TABLE, PROBLEMATIQUE))
    return build_pdf(markdown_to_items(source), folder / "dossier.pdf")


def offline_env(home: Path) -> dict[str, str]:
    """This environment without any LLM or embedding endpoint, with its own home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_REVIEW_")}
    return {**env, "DOSSIER_REVIEW_HOME": str(home)}


class NetworkLog:
    """Records connection targets and name lookups made through Python's socket module."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.connections: list[Any] = []
        self.lookups: list[Any] = []
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_create = socket.create_connection

        def connect(sock: socket.socket, address: Any) -> None:
            self.connections.append(address)
            real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            self.connections.append(address)
            return real_connect_ex(sock, address)

        def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            self.connections.append(address)
            return real_create(address, *args, **kwargs)

        def getaddrinfo(*args: Any, **kwargs: Any) -> Any:
            self.lookups.append(args[:2])
            raise OSError("name lookups are forbidden in this test")

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def leaving(self) -> list[Any]:
        """Targets that are neither loopback addresses nor Unix sockets."""
        return [a for a in self.connections if not _loopback(a)]


def _loopback(address: Any) -> bool:
    if isinstance(address, str | bytes):
        return True  # a Unix socket path
    try:
        return ipaddress.ip_address(str(address[0])).is_loopback
    except ValueError:
        return False  # a host name


def test_assessment_opens_no_connection_and_resolves_no_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    network = NetworkLog(monkeypatch)
    services = build_services(Settings(home=tmp_path / "home", llm=LLMSettings()))
    assessment = services.review.assess(dossier_pdf(tmp_path), "E1")
    assert {c.id: c.status for c in assessment.checkpoints}["pestel"] == "present"
    assert network.leaving() == []
    assert network.lookups == []


@pytest.mark.network_probe
def test_the_recorder_sees_a_connection_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patched functions are the ones libraries call (so the test above can fail)."""
    import urllib.error
    import urllib.request

    network = NetworkLog(monkeypatch)
    with pytest.raises((urllib.error.URLError, OSError)):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert network.lookups
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 9), timeout=0.01)
    assert network.leaving() == [("example.invalid", 80), ("192.0.2.1", 9)]


def namespace_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30)
    return done.returncode == 0


needs_namespace = pytest.mark.skipif(
    not namespace_available(),
    reason="'unshare -n' is not permitted here (needs root or user namespaces)",
)


@needs_namespace
def test_cli_assessment_runs_without_any_network_interface(tmp_path: Path) -> None:
    path = dossier_pdf(tmp_path)
    command = ["unshare", "-n", sys.executable, "-m", "assistant", "assess", str(path)]
    done = subprocess.run(
        [*command, "--epreuve", "E1", "--format", "json"],
        capture_output=True,
        env=offline_env(tmp_path / "home"),
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    result = json.loads(done.stdout)
    assert result["document"]["filename"] == "dossier.pdf"
    assert {c["id"]: c["status"] for c in result["checkpoints"]}["pestel"] == "present"
    probe = subprocess.run(
        [
            "unshare",
            "-n",
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('1.1.1.1', 53), timeout=2)",
        ],
        capture_output=True,
        timeout=60,
    )
    assert probe.returncode != 0 and b"unreachable" in probe.stderr  # really no network


@pytest.mark.slow
@needs_namespace
@pytest.mark.skipif(shutil.which("ip") is None, reason="'ip' (iproute2) is needed to bring lo up")
def test_app_serves_its_page_and_concurrent_assessments_without_network(tmp_path: Path) -> None:
    """``python app.py`` in a namespace with only the loopback: its page loads and 20
    concurrent ``/assess`` calls (gradio_client) each return their own dossier's result."""
    home, folder = tmp_path / "home", tmp_path / "dossiers"
    folder.mkdir()
    driver = f"{shlex.quote(sys.executable)} -m tests.offline_app"
    places = f"{shlex.quote(str(home))} {shlex.quote(str(folder))}"
    script = f"ip link set lo up && exec {driver} {places} {SESSIONS}"
    done = subprocess.run(
        ["unshare", "-n", "sh", "-c", script],
        capture_output=True,
        env=offline_env(home),
        cwd=PROJECT_ROOT,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    report = json.loads(done.stdout)
    assert 'content="dossier-review — pré-évaluation' in report["page"]  # og:title
    tags = [d["tag"] for d in report["dossiers"]]
    for dossier, result in zip(report["dossiers"], report["results"], strict=True):
        own = CanaryDossier(Path(dossier["path"]), dossier["tag"])
        assert result["document"]["sha256"] == dossier["sha256"]
        assert result["document"]["filename"] == Path(dossier["path"]).name
        quotes = quotes_of(result)
        assert any(own.tag in q for q in quotes)
        assert mixed_quotes(own, quotes, tags) == []
