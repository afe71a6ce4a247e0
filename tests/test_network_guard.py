"""The suite-wide guard (tests/conftest.py): no test reaches beyond the loopback."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.conftest import NetworkBlocked


@pytest.mark.network_probe
def test_leaving_the_loopback_or_resolving_a_name_is_refused() -> None:
    with pytest.raises(NetworkBlocked, match=r"192\.0\.2\.1"):
        socket.create_connection(("192.0.2.1", 9), timeout=0.5)
    with pytest.raises(NetworkBlocked, match=r"example\.com"):
        socket.getaddrinfo("example.com", 443)
    with socket.socket() as sock, pytest.raises(NetworkBlocked):
        sock.connect_ex(("2001:db8::1", 9))


def test_the_loopback_stays_open() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        accepted = threading.Thread(target=lambda: server.accept()[0].close(), daemon=True)
        accepted.start()
        with socket.create_connection(server.getsockname()[:2], timeout=5):
            pass
        accepted.join(timeout=5)
    assert socket.getaddrinfo("localhost", 80)
