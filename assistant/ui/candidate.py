"""Candidat tab: drop a dossier, choose the épreuve, read what a jury will miss and where."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.assessment import Assessment, Evidence
from assistant.errors import ReviewError
from assistant.preview import excerpt, render_isolated
from assistant.ui import views
from assistant.ui.context import AppContext
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)

FILE_TYPES = [".pdf", ".docx", ".odt", ".md", ".txt"]
QUOTE_CLICK_JS = (  # on narrow screens the preview sits below the quotes: bring it into view
    "element.addEventListener('click', (event) => {"
    " const button = event.target.closest('button[data-ev]');"
    " if (!button) { return; }"
    " trigger('click', {ev: button.dataset.ev});"
    " if (window.innerWidth < 900) { setTimeout(() => document.getElementById('candidat-apercu')"
    "?.scrollIntoView({behavior: 'smooth'}), 800); } });"
)


@dataclass
class CandidateSession:
    """What one browser session holds: its folder, its dossier and its last result."""

    workspace: Workspace
    dossier: Path | None = None
    upload: str | None = None
    assessment: Assessment | None = None
    reports: list[Path] = field(default_factory=list)


def _drop_session(ctx: AppContext, session: CandidateSession | None) -> None:
    """An idle session expired: its files go, and so does what the services kept."""
    if session is not None:
        session.workspace.clear()
        if session.assessment is not None:
            ctx.forget(session.assessment.document.sha256)


class CandidateView:
    """Handlers of the Candidat tab; all work goes through the services."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _session(self, session: CandidateSession | None, request: gr.Request) -> CandidateSession:
        if session is not None:
            return session
        return CandidateSession(self.ctx.workspace(request, "candidat"))

    def _dossier(self, session: CandidateSession, upload: str | None) -> Path:
        if not upload:
            raise ReviewError("Déposez d'abord votre dossier (PDF, DOCX, ODT, MD ou TXT).")
        if Path(upload).exists():
            session.workspace.clear("dossier")
            session.dossier, session.upload = session.workspace.adopt(Path(upload)), upload
        elif session.upload != upload or session.dossier is None or not session.dossier.exists():
            raise ReviewError("Le fichier déposé n'est plus disponible : déposez-le à nouveau.")
        return session.dossier

    def assess(
        self,
        upload: str | None,
        epreuve: str,
        session: CandidateSession | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),  # noqa: B008  # Gradio injects it by default value
    ) -> tuple[Any, ...]:
        session = self._session(session, request)
        try:
            progress(0.05, desc="Lecture du dossier…")
            dossier = self._dossier(session, upload)
            progress(0.2, desc="Analyse des points de contrôle…")
            assessment = self.ctx.services.review.assess(dossier, epreuve)
            self.ctx.remember(request, assessment.document.sha256)
            progress(0.85, desc="Préparation des rapports…")
            session.workspace.clear("rapports")
            session.reports = self.ctx.write_reports(
                assessment, session.workspace.folder("rapports")
            )
        except ReviewError as err:
            log.info("candidate assessment refused: %s", err.detail or err.__cause__)
            session.assessment = None
            return (session, views.message_html(err.message, "error"), *self._hidden())
        session.assessment = assessment
        return (session, views.message_html("Analyse terminée.", "success"), *self._shown(session))

    def _shown(self, session: CandidateSession) -> tuple[Any, ...]:
        assessment = session.assessment
        assert assessment is not None
        ref = self.ctx.services.referentiel
        html, pdf, data = session.reports
        return (
            gr.update(visible=True),
            views.summary_html(assessment, ref),
            views.checkpoints_html(assessment, ref),
            views.advice_html(assessment, ref),
            views.evidence_html(assessment, ref),
            views.alerts_html(assessment),
            gr.update(value=str(html)),
            gr.update(value=str(pdf)),
            gr.update(value=str(data)),
            gr.update(value=None, visible=False),
            gr.update(value=views.PREVIEW_HINT, visible=True),
        )

    @staticmethod
    def _hidden() -> tuple[Any, ...]:
        return (gr.update(visible=False), "", "", "", "", "", None, None, None, None, "")

    def show_quote(self, session: CandidateSession | None, event: gr.EventData) -> tuple[Any, Any]:
        """The page (PDF) or the surrounding text (other formats) of the chosen quote."""
        items = views.evidence_items(session.assessment) if session and session.assessment else []
        data = event._data if isinstance(event._data, dict) else {}
        raw = str(data.get("ev", ""))
        index = int(raw) if raw.isdigit() else -1
        if session is None or session.dossier is None or not 0 <= index < len(items):
            return gr.update(visible=False), gr.update(visible=False)
        evidence = items[index][1]
        if session.dossier.suffix.lower() == ".pdf" and evidence.page:
            return self._page_image(session, evidence)
        return gr.update(value=None, visible=False), self._context_text(session, evidence)

    def _page_image(self, session: CandidateSession, evidence: Evidence) -> tuple[Any, Any]:
        """The page drawn in a limited child process, or a French message instead."""
        assert session.dossier is not None and evidence.page is not None
        target = session.workspace.folder("apercu") / f"page-{evidence.page}.png"
        preview = render_isolated(session.dossier, evidence.page, evidence.quote, target)
        if preview.image is None:
            message = views.message_html(preview.error or "", "warning")
            return gr.update(value=None, visible=False), gr.update(value=message, visible=True)
        state = "passage surligné" if preview.found else "passage non localisé sur la page"
        label = f"Page {evidence.page} du dossier ({state})"
        image = gr.update(value=str(preview.image), visible=True, label=label)
        return image, gr.update(value="", visible=False)

    def _context_text(self, session: CandidateSession, evidence: Evidence) -> Any:
        assert session.dossier is not None
        try:
            document = self.ctx.services.review.document(session.dossier)
        except ReviewError as err:
            return gr.update(value=views.message_html(err.message, "error"), visible=True)
        found = excerpt(document.text, evidence.quote)
        return gr.update(value=views.excerpt_html(found, evidence), visible=True)

    def delete(self, session: CandidateSession | None, request: gr.Request) -> tuple[Any, ...]:
        """Delete the dossier, its reports and everything the services stored about it."""
        if session is not None and session.assessment is not None:
            self.ctx.forget(session.assessment.document.sha256)
        if session is not None:
            session.workspace.clear()
        message = views.message_html(
            "Votre dossier, ses rapports et son index ont été supprimés.", "success"
        )
        return (None, message, gr.update(value=None), *self._hidden())


def build(ctx: AppContext) -> None:
    """Lay out the Candidat tab inside the current Blocks."""
    view = CandidateView(ctx)
    state = gr.State(
        None,
        time_to_live=ctx.settings.ui.session_ttl_s,
        delete_callback=lambda session: _drop_session(ctx, session),
    )
    gr.Markdown(
        "## Pré-évaluer mon dossier\n"
        "Déposez votre dossier et choisissez l'épreuve : l'outil indique, pour chaque point "
        "de contrôle du référentiel, ce que le jury trouvera, ce qui manque et où. "
        "Votre dossier reste sur cette machine."
    )
    with gr.Row():
        upload = gr.File(
            label="Votre dossier (PDF, DOCX, ODT, MD ou TXT)",
            file_types=FILE_TYPES,
            elem_id="candidat-upload",
        )
        epreuve = gr.Dropdown(
            choices=ctx.epreuve_choices(), value="E1", label="Épreuve", filterable=False
        )
    run = gr.Button("Analyser mon dossier", variant="primary")
    message = gr.HTML("", elem_id="candidat-message")
    with gr.Column(visible=False) as results:
        summary = gr.HTML()
        checkpoints = gr.HTML()
        advice = gr.HTML()
        with gr.Row(equal_height=False):
            with gr.Column(scale=1):
                evidence = gr.HTML(js_on_load=QUOTE_CLICK_JS)
            with gr.Column(scale=1, elem_classes="dr-sticky", elem_id="candidat-apercu"):
                page_image = gr.Image(
                    label="Page du dossier",
                    visible=False,
                    interactive=False,
                    type="filepath",
                    format="png",
                    alt_text="Page du dossier, passage cité surligné en jaune",
                    elem_id="candidat-page",
                )
                page_text = gr.HTML(views.PREVIEW_HINT, elem_id="candidat-passage")
        alerts = gr.HTML()
        gr.Markdown("### Télécharger")
        with gr.Row():
            html_btn = gr.DownloadButton("Rapport HTML")
            pdf_btn = gr.DownloadButton("Rapport PDF")
            json_btn = gr.DownloadButton("Données JSON")
        gr.Markdown(
            "### Mes données\nVotre dossier et ses rapports sont supprimés à la fermeture de la "
            "page ; vous pouvez aussi les supprimer tout de suite."
        )
        delete = gr.Button("Supprimer mon dossier", variant="stop", size="md")

    shown = [results, summary, checkpoints, advice, evidence, alerts]
    shown += [html_btn, pdf_btn, json_btn, page_image, page_text]
    run.click(
        view.assess, [upload, epreuve, state], [state, message, *shown], api_visibility="private"
    )
    evidence.click(view.show_quote, [state], [page_image, page_text], api_visibility="private")
    delete.click(view.delete, [state], [state, message, upload, *shown], api_visibility="private")
