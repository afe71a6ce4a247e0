"""Attacks on the public web surface, replayed over HTTP against ``python app.py`` (issue 11).

Every request goes through Gradio's real routes: a Gradio upgrade that renames or reshapes them
makes these tests fail rather than pass for the wrong reason. The app runs with its own TMPDIR,
so that its private folder (uploads, sessions) can be inspected, and with a canary dossier and
a FIFO outside that folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser import AppServer
from tests.small_dossier import SMALL_E1
from tests.websec import (
    API,
    Session,
    canary_file,
    dependency,
    file_data,
    files_under,
    private_folders,
    start_app,
)

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppServer, Path]]:
    root = tmp_path_factory.mktemp("websec")
    server = start_app(root / "home", root / "tmp")
    yield server, root
    server.stop()


@pytest.fixture(scope="module")
def config(app: tuple[AppServer, Path]) -> dict[str, Any]:
    server, _ = app
    session = Session(server.url)
    try:
        return session.config()
    finally:
        session.close()


@pytest.fixture
def session(app: tuple[AppServer, Path]) -> Iterator[Session]:
    server, _ = app
    client = Session(server.url)
    client.get("")  # a browser loads the page first
    yield client
    client.close()


def _events(config: dict[str, Any]) -> dict[str, tuple[int, Any]]:
    """The handlers that take a file, and how each is called with a FileData."""
    return {
        "api /assess": (dependency(config, "assess"), lambda f: [f, "E1"]),
        "candidat": (dependency(config, "assess_1"), lambda f: [f, "E1", None]),
        "tuteur": (dependency(config, "ask"), lambda f: ["Où parle-t-il de PESTEL ?", f, [], None]),
    }


def _everything_written(root: Path) -> str:
    text = []
    for path in files_under(root):
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 5_000_000:
            text.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(text)


def _refused_in_french(event: Any) -> bool:
    text = event.raw.lower()
    return "fichier" in text or "dossier" in text


# --------------------------------------------------------------------------- 1. server files


@pytest.mark.parametrize("handler", ["api /assess", "candidat", "tuteur"])
def test_a_server_file_named_in_a_filedata_is_never_read(
    handler: str, app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    _, root = app
    canary, tag = canary_file(root / "outside" / handler.replace(" ", "").replace("/", ""))
    before = canary.read_bytes()
    fn_index, data = _events(config)[handler]
    event = session.run(fn_index, data(file_data(str(canary), "x.md")), timeout=120)
    assert tag not in "\n".join(session.seen)
    assert canary.exists() and canary.read_bytes() == before  # not moved, not deleted
    assert tag not in _everything_written(root / "home")  # no cached text, no index
    assert tag not in _everything_written(root / "tmp")  # not copied into the uploads
    assert _refused_in_french(event), event.raw[-500:]


def test_an_http_url_or_a_relative_path_is_refused_too(
    config: dict[str, Any], session: Session
) -> None:
    fn_index, data = _events(config)["candidat"]
    for path in ("http://127.0.0.1:9/x.md", "../../../../etc/hostname", "/proc/self/environ"):
        event = session.run(fn_index, data(file_data(path)), timeout=60)
        assert not event.success or "Analyse terminée" not in event.raw
        assert "DOSSIER_REVIEW_HOME" not in event.raw


# --------------------------------------------------------------------------- 2. FIFO freeze


def test_a_fifo_does_not_freeze_the_server(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    server, root = app
    fifo = root / "outside" / "fifo.md"
    fifo.parent.mkdir(parents=True, exist_ok=True)
    if not fifo.exists():
        os.mkfifo(fifo)
    fn_index, data = _events(config)["candidat"]
    results: list[Any] = []
    worker = threading.Thread(
        target=lambda: results.append(session.run(fn_index, data(file_data(str(fifo))), 40)),
        daemon=True,
    )
    worker.start()
    try:
        time.sleep(1.0)
        for _ in range(3):
            started = time.monotonic()
            response = httpx.get(server.url + "config", timeout=10)
            assert response.status_code == 200
            assert time.monotonic() - started < 5
        worker.join(timeout=30)
        assert results and _refused_in_french(results[0])
    finally:
        with contextlib.suppress(OSError):  # release a reader stuck on the FIFO, if any
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        worker.join(timeout=10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still where it was


# --------------------------------------------------------------------------- 3. size


def test_a_huge_server_file_is_not_copied(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    _, root = app
    big = root / "outside" / "enorme.md"
    big.parent.mkdir(parents=True, exist_ok=True)
    with big.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: costs nothing to make
    fn_index, data = _events(config)["candidat"]
    started = time.monotonic()
    event = session.run(fn_index, data(file_data(str(big))), timeout=60)
    assert time.monotonic() - started < 20
    assert _refused_in_french(event)
    copied = sum(p.stat().st_size for p in files_under(root / "tmp") if p.is_file())
    assert copied < 5 * 1024 * 1024
    assert big.exists()


def test_an_upload_over_the_limit_is_refused(session: Session) -> None:
    response = session.upload("gros.md", b"a" * (51 * 1024 * 1024))
    assert response.status_code == 413


# --------------------------------------------------------------------------- 5. other sessions


def test_uploads_are_bound_to_the_session_that_made_them(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    server, root = app
    victim = Session(server.url)
    victim.get("")
    _, tag = canary_file(root / "victim")
    secret = f"Dossier personnel {tag}.\n".encode() * 50
    response = victim.upload("dossier-victime.md", secret)
    assert response.status_code == 200
    assert "dossier-review-ui" not in response.text and str(root) not in response.text
    their = victim.uploaded("dossier-victime-2.md", secret)
    [stored] = [p for p in files_under(root / "tmp") if p.name == "dossier-victime-2.md"]

    # the attacker knows the file's real path and its public name: neither opens it
    for path in (str(stored), their["path"]):
        fetched = session.get(f"{API}/file={path}")
        assert fetched.status_code == 404 and tag not in fetched.text
    fn_index, data = _events(config)["candidat"]
    for path in (str(stored), their["path"]):
        event = session.run(fn_index, data({**their, "path": path}), timeout=60)
        assert tag not in event.raw
    assert stored.exists()  # neither moved nor deleted
    victim_copy = victim.get(f"{API}/file={their['path']}")
    assert victim_copy.status_code == 200 and tag in victim_copy.text
    victim.close()


def test_own_upload_is_assessed_and_outputs_stay_private(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    server, root = app
    upload = session.uploaded("mon-dossier.md", SMALL_E1.encode())
    fn_index, data = _events(config)["candidat"]
    event = session.run(fn_index, data(upload), timeout=400)
    assert event.success, event.raw[-2000:]
    assert "Analyse terminée" in json.dumps(event.output, ensure_ascii=False)
    assert "dossier-review-ui" not in event.raw and str(root) not in event.raw
    urls = [url for url in _urls(event.output) if "pre-evaluation" in url]
    assert urls, event.output
    url = urls[0]
    assert session.client.get(url).status_code == 200
    other = Session(server.url)
    other.get("")
    assert other.client.get(url).status_code == 404
    other.close()


def _urls(data: Any) -> list[str]:
    if isinstance(data, dict):
        found = [str(data["url"])] if isinstance(data.get("url"), str) else []
        return found + [u for value in data.values() for u in _urls(value)]
    if isinstance(data, list):
        return [u for value in data for u in _urls(value)]
    return []


# --------------------------------------------------------------------------- 4. preview


def _huge_page_dossier(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    side = 10_000.0
    pdf = canvas.Canvas(str(path), pagesize=(side, side))
    pdf.setFont("Helvetica", 12)
    y = side - 72
    for line in SMALL_E1.splitlines():
        pdf.drawString(72, y, line.lstrip("#| "))
        y -= 16
    pdf.save()
    return path


def test_a_huge_page_preview_is_refused_outside_the_app_process(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    import psutil

    server, root = app
    pdf = _huge_page_dossier(root / "immense.pdf")
    upload = session.uploaded("immense.pdf", pdf.read_bytes())
    fn_index, data = _events(config)["candidat"]
    event = session.run(fn_index, data(upload), timeout=400)
    assert event.success, event.raw[-2000:]
    assert 'data-ev="0"' in str(event.output)
    assert server.process is not None
    app_process = psutil.Process(server.process.pid)
    before = app_process.memory_info().rss
    started = time.monotonic()
    shown = session.run(dependency(config, "show_quote"), [None], 60, event_data={"ev": "0"})
    assert time.monotonic() - started < 30
    assert shown.success, shown.raw[-2000:]
    text = json.dumps(shown.output, ensure_ascii=False)
    assert "La page 1 est trop grande pour être affichée" in text
    assert app_process.memory_info().rss - before < 200 * 1024 * 1024


# --------------------------------------------------------------------------- 7. cleanup


def test_closing_the_page_deletes_the_session_files_and_cached_text(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    server, root = app
    _, tag = canary_file(root / "unload")
    text = SMALL_E1 + f"\nLe projet {tag} est suivi par un tableau de bord.\n"
    upload = session.uploaded("a-fermer.md", text.encode())
    heartbeat = httpx.Client(base_url=server.url, timeout=30, cookies=session.client.cookies)
    with heartbeat.stream("GET", f"{API}/heartbeat/{session.session_hash}") as stream:
        lines = stream.iter_lines()  # kept: dropping the iterator would close the stream
        assert next(lines) == "data: ALIVE"
        fn_index, data = _events(config)["candidat"]
        event = session.run(fn_index, data(upload), timeout=400)
        assert event.success, event.raw[-2000:]
        assert tag in _everything_written(root / "home" / "cache")
    heartbeat.close()  # the page is closed: Gradio runs the unload event
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        home_text = _everything_written(root / "home" / "cache")
        tmp_text = _everything_written(root / "tmp")
        if tag not in home_text and tag not in tmp_text:
            break
        time.sleep(1)
    assert tag not in _everything_written(root / "home" / "cache")
    assert tag not in _everything_written(root / "tmp")


def test_the_tutor_erases_its_dossier_index_and_cached_text(
    app: tuple[AppServer, Path], config: dict[str, Any], session: Session
) -> None:
    _, root = app
    _, tag = canary_file(root / "tutor")
    text = SMALL_E1 + f"\nLa démarche RSE {tag} associe les fournisseurs de café.\n"
    upload = session.uploaded("tuteur.md", text.encode())
    fn_index, _ = _events(config)["tuteur"]
    event = session.run(fn_index, ["Où parle-t-il de RSE ?", upload, [], None], timeout=400)
    assert event.success, event.raw[-2000:]
    assert tag in json.dumps(event.output, ensure_ascii=False)  # the tutor read it
    collection = f"dossier-{hashlib.sha256(text.encode()).hexdigest()[:16]}".encode()
    assert collection in (root / "home" / "chroma" / "chroma.sqlite3").read_bytes()
    erase = session.run(dependency(config, "erase"), [None], timeout=120)
    assert erase.success, erase.raw[-2000:]
    assert "effacés" in json.dumps(erase.output, ensure_ascii=False)
    assert collection not in (root / "home" / "chroma" / "chroma.sqlite3").read_bytes()
    assert tag not in _everything_written(root / "home")
    assert tag not in _everything_written(root / "tmp")


def test_sigterm_removes_uploads_and_session_folders(tmp_path: Path) -> None:
    server = start_app(tmp_path / "home", tmp_path / "tmp")
    try:
        client = Session(server.url)
        client.get("")
        client.uploaded("dossier.md", SMALL_E1.encode())
        assert private_folders(tmp_path / "tmp")
        assert server.process is not None
        # an open page keeps its heartbeat stream open: the server must not wait for it
        heartbeat = threading.Thread(target=_listen, args=(server, client), daemon=True)
        heartbeat.start()
        time.sleep(3)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=15)
    finally:
        server.stop()
    assert private_folders(tmp_path / "tmp") == []
    assert files_under(tmp_path / "tmp") == []


def _listen(server: AppServer, client: Session) -> None:
    with (
        contextlib.suppress(httpx.HTTPError),
        httpx.stream(
            "GET", f"{server.url}{API}/heartbeat/{client.session_hash}", timeout=60
        ) as stream,
    ):
        for _ in stream.iter_lines():
            pass


def test_sigint_removes_uploads_too(tmp_path: Path) -> None:
    server = start_app(tmp_path / "home", tmp_path / "tmp")
    try:
        client = Session(server.url)
        client.get("")
        client.uploaded("dossier.md", SMALL_E1.encode())
        assert server.process is not None
        time.sleep(3)
        server.process.send_signal(signal.SIGINT)
        server.process.wait(timeout=30)
    finally:
        server.stop()
    assert private_folders(tmp_path / "tmp") == []
    assert files_under(tmp_path / "tmp") == []


# --------------------------------------------------------------------------- 10. headers


def test_security_headers_and_no_cors(app: tuple[AppServer, Path]) -> None:
    server, _ = app
    page = httpx.get(server.url, headers={"Origin": "http://localhost:9999"}, timeout=10)
    headers = page.headers
    csp = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "http:" not in csp.replace("'self'", "")
    assert headers.get("x-frame-options") == "DENY"
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    assert "access-control-allow-origin" not in headers
    config = httpx.get(
        server.url + "config", headers={"Origin": "http://localhost:9999"}, timeout=10
    )
    assert "access-control-allow-origin" not in config.headers
    assert "access-control-allow-credentials" not in config.headers
    preflight = httpx.options(
        server.url + f"{API}/queue/join",
        headers={"Origin": "http://127.0.0.1:1", "Access-Control-Request-Method": "POST"},
        timeout=10,
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_a_post_from_another_origin_is_refused(app: tuple[AppServer, Path]) -> None:
    server, _ = app
    body = {"data": [None], "fn_index": 0, "session_hash": "x", "event_data": None}
    evil = httpx.post(
        server.url + f"{API}/queue/join",
        json=body,
        headers={"Origin": "http://evil.example"},
        timeout=10,
    )
    assert evil.status_code == 403
    same = httpx.post(
        server.url + f"{API}/queue/join",
        json={**body, "data": ["x", None, [], None]},
        headers={"Origin": server.url.rstrip("/")},
        timeout=10,
    )
    assert same.status_code != 403


def test_the_data_folder_is_private(app: tuple[AppServer, Path]) -> None:
    _, root = app
    home = root / "home"
    for path in [home, *files_under(home), *(p for p in home.rglob("*") if p.is_dir())]:
        if path.name == "app.log":
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
