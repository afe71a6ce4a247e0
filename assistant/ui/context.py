"""What every tab receives: the services, the settings and the private sessions folder."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import gradio as gr

from assistant.assessment import Assessment
from assistant.services import Services
from assistant.settings import Settings
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)
_PARENTHESIS = re.compile(r"\s*\(évaluation certificative[^)]*\)")


@dataclass(frozen=True)
class AppContext:
    services: Services
    sessions_dir: Path
    # session hash -> sha256 of every dossier the session had read (cache text, index)
    ledger: dict[str, set[str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

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
