"""The gate every HTTP request crosses before Gradio sees it (a plain ASGI middleware).

Gradio, mounted with ``mount_gradio_app``, trusts the ``path`` of any FileData a client sends
and serves any file of its cache to anyone who knows its path. This gate closes both:

- file names never cross the wire: an upload answers with an opaque name (``u-<random>``),
  outputs (reports, page images) are renamed ``o-<random>/<name>`` in the event streams, and
  ``/gradio_api/file=`` only serves such names, to the browser (cookie) and the mounted app
  (public or jury) that received them; anything else is "404", known or not;
- a request body may only name files by those opaque names: any other ``path`` (a server
  file, a FIFO, ``/dev/zero``, another session's upload, a URL) refuses the whole request with
  a French sentence, before Gradio reads or copies anything; a name is bound to the first
  session that uses it, and the file is checked by ``jail.inspect`` (regular, inside the
  private folder, under the size limit);
- responses carry a Content-Security-Policy suited to Gradio (its own inline scripts and
  styles, nothing from elsewhere), frame-ancestors 'none', nosniff and no referrer; CORS
  headers are removed, so no other origin may read an answer;
- the jury login is throttled (``throttle``), and the login page has a title.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import time
import urllib.parse
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from assistant.errors import ReviewError
from assistant.ui import jail
from assistant.ui.throttle import LoginThrottle

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "dr_client"
API = "/gradio_api/"
MAX_BODY = 2 * 1024 * 1024  # event bodies carry names and short texts, never files
MAX_ENTRIES = 20_000
CSP = "; ".join(
    [
        "default-src 'self'",
        # Gradio's page runs its own inline bootstrap and evaluates js_on_load snippets
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "frame-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
TOO_MANY = (
    "Trop de tentatives de connexion : attendez {minutes} minute(s) avant de réessayer, ou "
    "demandez votre mot de passe à l'établissement."
)
_FILE_ROUTE = re.compile(r"^(?P<mount>.*?)/gradio_api/(?:file=|file/)(?P<name>.*)$")
_TOKEN = re.compile(r"^(?:u-[0-9a-f]{32}|o-[0-9a-f]{32}/[^/]+)$")
_BLOCKED = ("proxy=", "stream/", "vibe-", "undo-vibe", "process_recording", "dev/")


class Refused(Exception):
    """A request names a file it may not use; ``message`` is the French sentence to show."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.message = message


@dataclass
class Entry:
    real: Path
    owner: str | None  # the browser cookie that received the name (None: an API client)
    mount: str  # "" for the public app, "/jury" for the jury app
    session: str | None = None  # the Gradio session that first used it


class FileNames:
    """Opaque names of the files a client may see, and the real files behind them."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()

    def add(self, real: Path, owner: str | None, mount: str, *, output: bool) -> str:
        suffix = secrets.token_hex(16)
        name = f"o-{suffix}/{real.name}" if output else f"u-{suffix}"
        self._entries[name] = Entry(real, owner, mount)
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)
        return name

    def get(self, name: str) -> Entry | None:
        return self._entries.get(name) if _TOKEN.match(name) else None

    def forget_folder(self, folder: Path) -> None:
        for name, entry in list(self._entries.items()):
            if entry.real.is_relative_to(folder):
                del self._entries[name]


class Gateway:
    """ASGI middleware in front of the FastAPI app that mounts the Gradio apps."""

    def __init__(
        self,
        app: ASGIApp,
        private_dir: Path,
        max_file_bytes: int,
        *,
        page_title: str,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.app = app
        self.private_dir = private_dir.resolve()
        self.max_file_bytes = max_file_bytes
        self.page_title = page_title
        self.names = FileNames()
        self.throttle = throttle or LoginThrottle()

    # ------------------------------------------------------------------ entry point

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cookie = _cookie(scope)
        fresh = None if cookie else secrets.token_hex(16)
        send = self._headers(send, fresh)
        cross_site = _cross_site(scope)
        scope = _without(scope, b"accept-encoding", b"origin")  # no gzip, no CORS
        if scope["method"] == "OPTIONS":
            await _respond(send, 204, b"")
            return
        if any(f"{API}{part}" in path for part in _BLOCKED):
            await _respond(send, 404, b"Not Found")
            return
        match = _FILE_ROUTE.match(path)
        if match:
            await self._file(scope, receive, send, match["mount"], match["name"], cookie)
            return
        if scope["method"] not in ("GET", "HEAD") and cross_site:
            await _respond(send, 403, b"Cross-site request refused")
            return
        if scope["method"] == "POST" and path.rstrip("/").endswith("/login"):
            await self._login(scope, receive, send)
            return
        if scope["method"] == "POST" and API in path:
            await self._post(scope, receive, send, cookie)
            return
        if API in path:
            await self.app(scope, receive, self._outputs(send, _mount(path), cookie))
            return
        await self.app(scope, receive, self._pages(send))

    # ------------------------------------------------------------------ files

    async def _file(
        self, scope: Scope, receive: Receive, send: Send, mount: str, name: str, cookie: str | None
    ) -> None:
        entry = self.names.get(urllib.parse.unquote(name))
        allowed = (
            entry is not None
            and entry.mount == mount
            and (entry.owner is None or entry.owner == cookie)
            and entry.real.is_file()
            and not entry.real.is_symlink()
        )
        if not allowed or entry is None:
            await _respond(send, 404, b"Not Found")
            return
        target = f"{mount}/gradio_api/file={entry.real}"
        scope = {**scope, "path": target, "raw_path": urllib.parse.quote(target).encode()}
        await self.app(scope, receive, send)

    async def _post(self, scope: Scope, receive: Receive, send: Send, cookie: str | None) -> None:
        path: str = scope["path"]
        mount = _mount(path)
        if path.rstrip("/").endswith("/gradio_api/upload"):
            await self.app(scope, receive, self._upload(send, mount, cookie))
            return
        body = await _read_body(receive, MAX_BODY)
        if body is None:
            await _respond(send, 413, b"Request too large")
            return
        try:
            data = json.loads(body) if body.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if data is not None:
            try:
                session = data.get("session_hash") if isinstance(data, dict) else None
                data = self._inputs(data, mount, cookie, str(session) if session else None)
            except Refused as refused:
                log.warning("refused a request naming a file: %s", refused)
                payload = json.dumps({"detail": refused.message, "error": refused.message})
                await _respond(send, 403, payload.encode(), b"application/json")
                return
            body = json.dumps(data).encode()
        scope = _with_length(scope, len(body))
        await self.app(scope, _replay(body, receive), self._outputs(send, mount, cookie))

    def _inputs(self, data: Any, mount: str, cookie: str | None, session: str | None) -> Any:
        """``data`` with every opaque file name replaced by its checked real path."""
        if isinstance(data, list):
            return [self._inputs(item, mount, cookie, session) for item in data]
        if not isinstance(data, dict):
            return data
        out = {key: self._inputs(value, mount, cookie, session) for key, value in data.items()}
        if "path" in data:
            out["path"] = str(self._resolve(data["path"], mount, cookie, session))
            out.pop("url", None)
        return out

    def _resolve(self, name: Any, mount: str, cookie: str | None, session: str | None) -> Path:
        entry = self.names.get(name) if isinstance(name, str) else None
        if entry is None or entry.mount != mount:
            raise Refused(jail.REFUSED, f"unknown file name {str(name)[:200]!r}")
        if entry.owner is not None and entry.owner != cookie:
            raise Refused(jail.REFUSED, "file name of another browser")
        if session is not None:
            if entry.session not in (None, session):
                raise Refused(jail.REFUSED, "file name of another session")
            entry.session = session
        if entry.real.exists() or entry.real.is_symlink():
            try:
                jail.inspect(entry.real, self.private_dir, self.max_file_bytes)
            except ReviewError as err:
                raise Refused(err.message, str(err.detail)) from err
        return entry.real

    def _upload(self, send: Send, mount: str, cookie: str | None) -> Send:
        """Answer an upload with opaque names instead of the private paths."""
        state: dict[str, Any] = {"start": None, "chunks": []}

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["start"] = message
                return
            state["chunks"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            start, body = state["start"], b"".join(state["chunks"])
            if start["status"] == 200:
                body = self._rename_uploads(body, mount, cookie)
            await send(_sized(start, len(body)))
            await send({"type": "http.response.body", "body": body})

        return wrapped

    def _rename_uploads(self, body: bytes, mount: str, cookie: str | None) -> bytes:
        try:
            paths = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            return b"[]"
        if not isinstance(paths, list):
            return b"[]"
        names = []
        for item in paths:
            real = Path(str(item))
            if real.resolve().is_relative_to(self.private_dir):
                names.append(self.names.add(real, cookie, mount, output=False))
        return json.dumps(names).encode()

    def _outputs(self, send: Send, mount: str, cookie: str | None) -> Send:
        """Rename the files named in JSON answers and event streams."""
        state: dict[str, Any] = {"kind": None, "start": None, "buffer": b"", "chunks": []}

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                kind = _content_type(message)
                state["kind"] = kind
                if kind.startswith("text/event-stream"):
                    await send(message)
                elif kind.startswith("application/json"):
                    state["start"] = message
                else:
                    await send(message)
                return
            kind = state["kind"] or ""
            if kind.startswith("text/event-stream"):
                buffer = state["buffer"] + message.get("body", b"")
                more = bool(message.get("more_body"))
                cut = buffer.rfind(b"\n\n") + 2 if more else len(buffer)
                done, state["buffer"] = buffer[:cut], buffer[cut:]
                body = self._rename_stream(done, mount, cookie) if done else b""
                await send({"type": "http.response.body", "body": body, "more_body": more})
            elif kind.startswith("application/json"):
                state["chunks"].append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(state["chunks"])
                try:
                    data = json.loads(body)
                    body = json.dumps(self._rename_outputs(data, mount, cookie)).encode()
                except (UnicodeDecodeError, json.JSONDecodeError):
                    pass
                await send(_sized(state["start"], len(body)))
                await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        return wrapped

    def _rename_stream(self, chunk: bytes, mount: str, cookie: str | None) -> bytes:
        lines = []
        for line in chunk.split(b"\n"):
            if line.startswith(b"data:"):
                try:
                    data = json.loads(line[5:])
                    renamed = self._rename_outputs(data, mount, cookie)
                    line = b"data: " + json.dumps(renamed).encode()
                except (UnicodeDecodeError, json.JSONDecodeError):
                    pass
            lines.append(line)
        return b"\n".join(lines)

    def _rename_outputs(self, data: Any, mount: str, cookie: str | None) -> Any:
        if isinstance(data, list):
            return [self._rename_outputs(item, mount, cookie) for item in data]
        if not isinstance(data, dict):
            return data
        out = {key: self._rename_outputs(value, mount, cookie) for key, value in data.items()}
        path = data.get("path")
        if isinstance(path, str) and not _TOKEN.match(path):
            real = Path(path)
            if real.is_absolute() and real.resolve().is_relative_to(self.private_dir):
                name = self.names.add(real, cookie, mount, output=True)
                out["path"] = name
                url = data.get("url")
                if isinstance(url, str) and "/file=" in url:
                    out["url"] = url[: url.index("/file=") + 6] + urllib.parse.quote(name)
            else:
                out["path"], out["url"] = None, None
        return out

    # ------------------------------------------------------------------ login

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive, 64 * 1024)
        if body is None:
            await _respond(send, 413, b"Request too large")
            return
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        account = (form.get("username") or [""])[0].strip().lower()
        client = str((scope.get("client") or ("?",))[0])
        wait = self.throttle.locked_for(account, client)
        if wait > 0:
            minutes = max(1, round(wait / 60))
            message = json.dumps({"detail": TOO_MANY.format(minutes=minutes)}).encode()
            await _respond(send, 429, message, b"application/json")
            return
        await self.throttle.pause(account, client)
        status: dict[str, int] = {}

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        await self.app(_with_length(scope, len(body)), _replay(body, receive), wrapped)
        if status.get("code") == 200:
            self.throttle.succeeded(account, client)
        else:
            self.throttle.failed(account, client, time.monotonic())

    # ------------------------------------------------------------------ pages and headers

    def _pages(self, send: Send) -> Send:
        """Give HTML pages (the login page included) a title and a French language."""
        state: dict[str, Any] = {"start": None, "chunks": []}

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                if _content_type(message).startswith("text/html"):
                    state["start"] = message
                    return
                await send(message)
                return
            if state["start"] is None:
                await send(message)
                return
            state["chunks"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(state["chunks"]).replace(b'lang="en"', b'lang="fr"', 1)
            if b"<title" not in body:
                title = f"<title>{self.page_title}</title>".encode()
                body = body.replace(b"<head>", b"<head>" + title, 1)
            await send(_sized(state["start"], len(body)))
            await send({"type": "http.response.body", "body": body})

        return wrapped

    @staticmethod
    def _headers(send: Send, fresh_cookie: str | None) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not k.lower().startswith(b"access-control-")
                    and k.lower() not in {h for h, _ in SECURITY_HEADERS}
                ]
                headers += SECURITY_HEADERS
                if fresh_cookie:
                    value = f"{COOKIE}={fresh_cookie}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        return wrapped


# ---------------------------------------------------------------------- ASGI helpers


def _cookie(scope: Scope) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no cookie
                continue
            if COOKIE in jar and re.fullmatch(r"[0-9a-f]{32}", jar[COOKIE].value):
                return jar[COOKIE].value
    return None


def _cross_site(scope: Scope) -> bool:
    """A request sent by a page of another origin (its Origin names another host)."""
    headers: dict[bytes, str] = {
        k.lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
    }
    origin = headers.get(b"origin")
    if not origin:
        return False
    # behind a reverse proxy that rewrites Host, the public name is in X-Forwarded-Host
    ours = {headers.get(b"host", ""), headers.get(b"x-forwarded-host", "").split(",")[0].strip()}
    return urllib.parse.urlsplit(origin).netloc not in ours - {""}


def _mount(path: str) -> str:
    return path.split(API, 1)[0] if API in path else ""


def _without(scope: Scope, *names: bytes) -> Scope:
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in names]
    return {**scope, "headers": headers}


def _with_length(scope: Scope, length: int) -> Scope:
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
    headers.append((b"content-length", str(length).encode()))
    return {**scope, "headers": headers}


def _content_type(message: Message) -> str:
    for key, value in message.get("headers", []):
        if key.lower() == b"content-type":
            return str(value.decode("latin-1").lower())
    return ""


def _sized(start: Message, length: int) -> Message:
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
    headers.append((b"content-length", str(length).encode()))
    return {**start, "headers": headers}


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes, then: Receive) -> Receive:
    """The body already read, then the client's own messages (its disconnection)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return receive


async def _respond(send: Send, status: int, body: bytes, kind: bytes = b"text/plain") -> None:
    headers = [(b"content-type", kind + b"; charset=utf-8"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
