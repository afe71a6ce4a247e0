from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

# gradio_client builds Hugging Face headers that fetch a registry from the Hub: never in tests
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.index.embedding import Embedder, UseEmbedder
from assistant.settings import LimitsSettings

LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", "ip6-localhost"}


class NetworkBlocked(OSError):
    """Raised by the suite-wide guard instead of leaving the machine."""


def _local_target(address: Any) -> bool:
    """A loopback address, a Unix socket, or the wildcard a test server binds to."""
    if isinstance(address, str | bytes):
        return True  # a Unix socket path
    host = address[0] if isinstance(address, tuple) and address else address
    if host in LOCAL_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False  # a host name: resolving it would already have been refused
    return ip.is_loopback or ip.is_unspecified


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test runs offline: a connection to anything but the loopback, or a name lookup
    of anything but localhost, raises ``NetworkBlocked`` and fails the test (unless it is
    marked ``network_probe``: it then only checks that such attempts are seen)."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def refuse(what: str) -> NetworkBlocked:
        attempts.append(what)
        return NetworkBlocked(f"network access refused in tests: {what}")

    def connect(sock: socket.socket, address: Any) -> None:
        if not _local_target(address):
            raise refuse(f"connect {address!r}")
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        if not _local_target(address):
            raise refuse(f"connect {address!r}")
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in LOCAL_NAMES:
            try:
                ipaddress.ip_address(str(name).split("%")[0])
            except ValueError:
                raise refuse(f"name lookup {name!r}") from None
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    if attempts and request.node.get_closest_marker("network_probe") is None:
        pytest.fail(f"the test tried to reach the network: {attempts}", pytrace=False)


@pytest.fixture
def limits() -> LimitsSettings:
    """Default limits with a short parse timeout, so that a hang fails fast."""
    return LimitsSettings(parse_timeout_s=30.0)


@pytest.fixture(scope="session")
def use_embedder() -> Embedder:
    """The real default embedding model, loaded once for the whole session."""
    embedder = UseEmbedder()
    embedder.embed_documents(["chargement du modèle"])
    return embedder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium through one Playwright for the whole session: every browser
    test module shares it (two sync Playwrights alive in one process clash on the event loop)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, launch_chromium

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: scripts/install-browser.sh installs it")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No learned injection reading: what keeps a text out of the evidence is the rule under
    test."""
    from assistant.injection import learned

    monkeypatch.setattr(learned, "load_model", lambda path=None: None)
