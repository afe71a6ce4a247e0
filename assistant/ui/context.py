"""What every tab receives: the services, the settings and the private sessions folder."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import gradio as gr

from assistant.assessment import Assessment
from assistant.services import Services
from assistant.settings import Settings
from assistant.ui.keeper import ResultKeeper
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)
_PARENTHESIS = re.compile(r"\s*\(évaluation certificative[^)]*\)")
BROWSER_COOKIE = "dr_client"  # set by the gateway, HttpOnly, gone when the browser closes


@dataclass(frozen=True)
class AppContext:
    services: Services
    sessions_dir: Path
    # session hash -> sha256 of every dossier the session had read (cache text, index)
    ledger: dict[str, set[str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    keeper: ResultKeeper = field(init=False)

    def __post_init__(self) -> None:
        grace = self.services.settings.ui.reload_grace_s
        object.__setattr__(self, "keeper", ResultKeeper(grace))

    @staticmethod
    def browser_key(request: gr.Request | None) -> str:
        """The browser behind a request (its session cookie), else the page's session."""
        cookie = _cookie(request) if request is not None else None
        session = request.session_hash if request is not None else None
        return f"browser-{cookie}" if cookie else (session or "anonymous")

    def browser_workspace(self, request: gr.Request | None, audience: str) -> Workspace:
        """A workspace that outlives the page (a reload) but not the browser's session."""
        max_bytes = int(self.settings.ui.max_file_mb * 1024 * 1024)
        key = self.browser_key(request)
        return Workspace.for_session(self.sessions_dir, key, audience, max_bytes)

    def remember(self, request: gr.Request | None, sha256: str) -> None:
        """Note that the session of ``request`` made the services keep this dossier."""
        session = (request.session_hash if request is not None else None) or "anonymous"
        with self._lock:
            self.ledger.setdefault(session, set()).add(sha256)

    def forget(self, sha256: str) -> None:
        """Erase one dossier everywhere the services keep it (cache text, index, reports)."""
        with self._lock:
            for known in self.ledger.values():
                known.discard(sha256)
        try:
            self.services.purge.purge_dossier(sha256)
        except Exception:  # erasure must not break the page; the error is logged
            log.exception("could not purge dossier %s", sha256[:16])

    def forget_session(self, session_hash: str) -> None:
        """Erase every dossier the session had read (called when its page is closed)."""
        with self._lock:
            known = self.ledger.pop(session_hash, set())
        for sha in sorted(known):
            self.forget(sha)

    @property
    def settings(self) -> Settings:
        return self.services.settings

    def workspace(self, request: gr.Request | None, audience: str) -> Workspace:
        session = (request.session_hash if request is not None else None) or "anonymous"
        max_bytes = int(self.settings.ui.max_file_mb * 1024 * 1024)
        return Workspace.for_session(self.sessions_dir, session, audience, max_bytes)

    def epreuve_choices(self) -> list[tuple[str, str]]:
        return [
            (f"{e.id} — {_PARENTHESIS.sub('', e.title)}", e.id)
            for e in self.services.referentiel.epreuves
        ]

    def write_reports(self, assessment: Assessment, folder: Path) -> list[Path]:
        """The HTML report, the PDF report and the JSON document, written in ``folder``."""
        from assistant.report import render

        stem = Path(assessment.document.filename).stem or "dossier"
        paths = []
        for fmt in ("html", "pdf", "json"):
            path = folder / f"pre-evaluation-{stem}.{fmt}"
            path.write_bytes(render(assessment, self.services.referentiel, fmt))
            paths.append(path)
        return paths


def _cookie(request: gr.Request) -> str | None:
    """The browser cookie, read from the HTTP request itself (``gr.Request.cookies`` turns it
    into an object without ``get``), or from what Gradio kept of it."""
    raw = request.request
    cookies = getattr(raw, "cookies", None) if raw is not None else request.kwargs.get("cookies")
    value = cookies.get(BROWSER_COOKIE) if isinstance(cookies, Mapping) else None
    return value if isinstance(value, str) and value else None
