"""Helpers to attack the running app over HTTP as a script would: Gradio's own routes
(``/gradio_api/upload``, ``/gradio_api/queue/join`` + the ``queue/data`` event stream,
``/gradio_api/file=``), no gradio_client, no handler called directly.

A route renamed by a Gradio upgrade makes these helpers fail loudly, so the attack tests fail
instead of passing for the wrong reason.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.browser import AppServer

API = "gradio_api"
CANARY_TEXT = (
    "# Dossier confidentiel\n\n## Analyse PESTEL\n\n"
    "Politique : la région subventionne le commerce {tag}. Économique : le prix du café {tag} "
    "augmente. Socioculturel : les jeunes adultes {tag} aiment le café de spécialité. "
    "Technologique : la vente en ligne {tag} progresse.\n\n## Matrice SWOT\n\n"
    "Forces : savoir-faire {tag}. Faiblesses : site internet {tag} vieillissant.\n"
)


def canary_file(folder: Path, tag: str | None = None) -> tuple[Path, str]:
    """A Markdown dossier outside the app's folders, carrying a unique tag in every sentence."""
    tag = tag or f"CANARI{uuid.uuid4().hex[:12]}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret-serveur.md"
    path.write_text(CANARY_TEXT.format(tag=tag), encoding="utf-8")
    return path, tag


def file_data(path: str, name: str = "x.md") -> dict[str, Any]:
    return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}


@dataclass
class Event:
    """What came back for one event: every message of the stream, and the final one."""

    messages: list[dict[str, Any]]
    raw: str

    @property
    def completed(self) -> dict[str, Any] | None:
        done = [m for m in self.messages if m.get("msg") == "process_completed"]
        return done[-1] if done else None

    @property
    def success(self) -> bool:
        return bool(self.completed and self.completed.get("success"))

    @property
    def output(self) -> list[Any]:
        done = self.completed or {}
        data: list[Any] = (done.get("output") or {}).get("data") or []
        return data


@dataclass
class Session:
    """One attacker or one candidate: an HTTP client with its cookies and a session hash."""

    base: str
    prefix: str = ""  # "jury/" for the jury app
    session_hash: str = field(default_factory=lambda: uuid.uuid4().hex[:11])
    client: httpx.Client = field(init=False)
    seen: list[str] = field(default_factory=list)  # every response body, to look for leaks

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base, timeout=30, follow_redirects=False)

    def url(self, route: str) -> str:
        return f"{self.prefix}{route}"

    def get(self, route: str, **kwargs: Any) -> httpx.Response:
        response = self.client.get(self.url(route), **kwargs)
        self.seen.append(response.text)
        return response

    def config(self) -> dict[str, Any]:
        response = self.get("config")
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    def upload(self, name: str, data: bytes) -> httpx.Response:
        response = self.client.post(
            self.url(f"{API}/upload"),
            params={"upload_id": uuid.uuid4().hex[:10]},
            files=[("files", (name, data))],
        )
        self.seen.append(response.text)
        return response

    def uploaded(self, name: str, data: bytes) -> dict[str, Any]:
        """Upload a file and return the FileData a browser would send back."""
        response = self.upload(name, data)
        response.raise_for_status()
        path = response.json()[0]
        return {
            "path": path,
            "url": f"{self.base}{self.prefix}{API}/file={path}",
            "orig_name": name,
            "size": len(data),
            "meta": {"_type": "gradio.FileData"},
        }

    def join(self, fn_index: int, data: list[Any], event_data: Any = None) -> httpx.Response:
        body = {
            "data": data,
            "event_data": event_data,
            "fn_index": fn_index,
            "trigger_id": None,
            "session_hash": self.session_hash,
        }
        response = self.client.post(self.url(f"{API}/queue/join"), json=body)
        self.seen.append(response.text)
        return response

    def run(
        self, fn_index: int, data: list[Any], timeout: float = 300, event_data: Any = None
    ) -> Event:
        """Join the queue and read the event stream until the event completes."""
        response = self.join(fn_index, data, event_data)
        if response.status_code != 200:
            return Event([{"msg": "refused", "status": response.status_code}], response.text)
        messages: list[dict[str, Any]] = []
        lines: list[str] = []
        with self.client.stream(
            "GET",
            self.url(f"{API}/queue/data"),
            params={"session_hash": self.session_hash},
            timeout=timeout,
        ) as stream:
            for line in stream.iter_lines():
                lines.append(line)
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                messages.append(message)
                if message.get("msg") in ("process_completed", "close_stream"):
                    break
        raw = "\n".join(lines)
        self.seen.append(raw)
        return Event(messages, raw)

    def close(self) -> None:
        self.client.close()


def dependency(config: dict[str, Any], fn_name: str) -> int:
    """The id of the event whose function is ``fn_name`` (first declared)."""
    for dep in config["dependencies"]:
        if dep.get("api_name") == fn_name:
            return int(dep["id"])
    raise AssertionError(f"no event named {fn_name} in the app's config")


def component_id(config: dict[str, Any], **props: str) -> int:
    for comp in config["components"]:
        given = comp.get("props", {})
        if all(given.get(key) == value for key, value in props.items()):
            return int(comp["id"])
    raise AssertionError(f"no component with {props}")


def private_folders(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("dossier-review-ui-*"))


def files_under(folder: Path) -> list[Path]:
    return [Path(root) / name for root, _, names in os.walk(folder) for name in names]


def start_app(home: Path, tmp: Path, env: dict[str, str] | None = None) -> AppServer:
    """``python app.py`` whose private folder is created under ``tmp`` (its TMPDIR)."""
    tmp.mkdir(parents=True, exist_ok=True)
    settings = {"TMPDIR": str(tmp), "DOSSIER_REVIEW_UI__CONCURRENCY": "2", **(env or {})}
    return AppServer(home=home, env=settings).start(timeout=120)
