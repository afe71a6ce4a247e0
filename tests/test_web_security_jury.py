"""The jury's side of the web surface, over HTTP against ``python app.py`` with jury accounts:
login throttling, logout, the /jury address, the login page's title, and the jury's files
(uploads, CSV export) served only behind the jury login (issue 11, items 5 and 6)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from assistant.ui.throttle import LoginThrottle
from tests.browser import AppServer
from tests.small_dossier import SMALL_E1
from tests.websec import API, Session, dependency, start_app

pytestmark = pytest.mark.timeout(600)
ACCOUNTS = "jury1:motdepasse-long,jury2:autre-secret,jury3:troisieme-secret"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    root = tmp_path_factory.mktemp("websec-jury")
    app = start_app(root / "home", root / "tmp", {"DOSSIER_REVIEW_UI__JURY_USERS": ACCOUNTS})
    yield app
    app.stop()


def _login(client: httpx.Client, user: str, password: str) -> httpx.Response:
    return client.post("jury/login", data={"username": user, "password": password})


def _jury(server: AppServer, user: str, password: str) -> Session:
    session = Session(server.url, prefix="jury/")
    session.get("")
    assert _login(session.client, user, password).status_code == 200
    return session


def test_jury_without_slash_leads_to_the_jury_page(server: AppServer) -> None:
    response = httpx.get(server.url + "jury", timeout=10)
    assert response.status_code in (301, 302, 307, 308)
    assert response.headers["location"].endswith("/jury/")


def test_the_login_page_has_a_title(server: AppServer) -> None:
    page = httpx.get(server.url + "jury/", timeout=10).text
    assert "<title>" in page and "dossier-review" in page.split("<title>", 1)[1].split("<")[0]


def test_wrong_passwords_slow_down_then_lock_the_account(server: AppServer) -> None:
    client = httpx.Client(base_url=server.url, timeout=60)
    started = time.monotonic()
    codes = [_login(client, "jury1", f"faux-{n}").status_code for n in range(8)]
    elapsed = time.monotonic() - started
    assert codes[:5] == [400] * 5 and codes[5:] == [429] * 3, codes
    assert elapsed >= 3.5  # 0 + 0.25 + 0.5 + 1 + 2 s of waiting before the lockout
    locked = _login(client, "jury1", "motdepasse-long")  # even the right password, for now
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.json()["detail"]
    assert _login(client, "jury2", "autre-secret").status_code == 200  # other accounts work


def test_logout_ends_the_jury_session(server: AppServer) -> None:
    session = _jury(server, "jury2", "autre-secret")
    assert session.get("config").status_code == 200
    out = session.get("logout")
    assert out.status_code in (302, 303, 307) and out.headers["location"].endswith("/jury/")
    assert session.get("config").status_code == 401
    session.close()


def test_jury_files_are_served_only_behind_the_jury_login(server: AppServer) -> None:
    session = _jury(server, "jury3", "troisieme-secret")
    upload = session.uploaded("dossier-jury.md", SMALL_E1.encode())
    token = upload["path"]
    assert session.get(f"{API}/file={token}").status_code == 200
    public = Session(server.url)
    public.get("")
    assert public.get(f"{API}/file={token}").status_code == 404  # not through the public app
    stranger = Session(server.url, prefix="jury/")
    assert stranger.get(f"{API}/file={token}").status_code in (401, 404)

    config = session.config()
    plan = {"headers": ["Fichier", "Épreuve"], "data": [["dossier-jury.md", "E1"]]}
    event = session.run(dependency(config, "assess"), [[upload], "E1", None, plan], timeout=400)
    assert event.success, event.raw[-2000:]
    urls = [u for u in _urls(event.output) if u.endswith(".csv")]
    assert urls, json.dumps(event.output)[:2000]
    assert "dossier-review-ui" not in event.raw
    csv_route = urls[0].split("/gradio_api/", 1)[1]
    assert session.get(f"{API}/{csv_route}").status_code == 200
    assert public.get(f"{API}/{csv_route}").status_code == 404
    assert stranger.get(f"{API}/{csv_route}").status_code in (401, 404)
    session.get("logout")
    assert session.get(f"{API}/{csv_route}").status_code in (401, 404)
    for client in (session, public, stranger):
        client.close()


def _urls(data: Any) -> list[str]:
    if isinstance(data, dict):
        found = [str(data["url"])] if isinstance(data.get("url"), str) else []
        return found + [u for value in data.values() for u in _urls(value)]
    if isinstance(data, list):
        return [u for value in data for u in _urls(value)]
    return []


# --------------------------------------------------------------------------- the policy


def test_delay_grows_with_failures_and_a_success_clears_the_account() -> None:
    throttle = LoginThrottle()
    delays = []
    for n in range(4):
        delays.append(throttle.delay("anne", "10.0.0.1", now=100.0 + n))
        throttle.failed("anne", "10.0.0.1", now=100.0 + n)
    assert delays == [0.0, 0.25, 0.5, 1.0]
    throttle.succeeded("anne", "10.0.0.1")
    assert throttle.delay("anne", "10.0.0.2", now=110.0) == 0.0


def test_lockout_ends_after_its_window() -> None:
    throttle = LoginThrottle(max_failures=3, lockout_s=60.0)
    for n in range(3):
        throttle.failed("paul", "10.0.0.1", now=float(n))
    assert throttle.locked_for("paul", "10.0.0.9", now=10.0) > 0
    assert throttle.locked_for("paul", "10.0.0.9", now=63.0) == 0


def test_one_address_trying_many_accounts_is_locked() -> None:
    throttle = LoginThrottle(max_failures=5, max_client_failures=20)
    for n in range(20):
        throttle.failed(f"compte{n}", "10.0.0.7", now=float(n))
    assert throttle.locked_for("nouveau", "10.0.0.7", now=25.0) > 0
    assert throttle.locked_for("nouveau", "10.0.0.8", now=25.0) == 0
    assert throttle.delay("nouveau", "10.0.0.7", now=25.0) > 0
