"""What every tab receives: the services, the settings and the private sessions folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from assistant.assessment import Assessment
from assistant.services import Services
from assistant.settings import Settings
from assistant.ui.workspace import Workspace

_PARENTHESIS = re.compile(r"\s*\(évaluation certificative[^)]*\)")


@dataclass(frozen=True)
class AppContext:
    services: Services
    sessions_dir: Path

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
