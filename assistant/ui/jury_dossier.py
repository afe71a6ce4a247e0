"""The jury's dossier view: the AI's result beside the jury's decisions per checkpoint and
per competency, comments, sign-off, and the page (or context) of a quote."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.assessment import Assessment, Evidence
from assistant.errors import ReviewError
from assistant.jury.models import TargetKind
from assistant.preview import excerpt, render_isolated
from assistant.ui import jury_views, views
from assistant.ui.context import AppContext
from assistant.ui.workspace import Workspace

CHECKPOINT_CHOICES = [("Présent", "present"), ("Partiel", "partial"), ("Absent", "absent")]
VERDICT_CHOICES = [
    ("Satisfait", "satisfait"),
    ("Partiellement satisfait", "partiellement_satisfait"),
    ("Non satisfait", "non_satisfait"),
    ("Non évaluable", "non_evaluable"),
]
DEFAULT_JUROR = "jury"


@dataclass
class JurySession:
    workspace: Workspace
    files: dict[str, Path] = field(default_factory=dict)  # sha256 -> file, for page previews


def drop_session(session: JurySession | None) -> None:
    if session is not None:
        session.workspace.clear()


def juror(request: gr.Request | None) -> str:
    """The logged-in jury account, or a generic name when the tab is served without login."""
    return (getattr(request, "username", None) or DEFAULT_JUROR) if request else DEFAULT_JUROR


class DossierPanel:
    """Handlers of the dossier view; ``batch_table`` and ``agreement`` re-read the batch."""

    def __init__(
        self, ctx: AppContext, batch_table: Callable[[], str], agreement: Callable[[], str]
    ) -> None:
        self.ctx = ctx
        self.batch_table = batch_table
        self.agreement = agreement

    def open_dossier(self, sha256: str) -> tuple[Any, ...]:
        state = self.ctx.services.jury.dossier(sha256) if sha256 else None
        if state is None:
            return (sha256, gr.update(visible=False), "", "", "", gr.update(), gr.update())
        ref = self.ctx.services.referentiel
        checkpoints = [
            (cp.label or ref.checkpoint(cp.id).label, cp.id) for cp in state.assessment.checkpoints
        ]
        competencies = [(c.competency, c.competency) for c in state.assessment.criteria]
        return (
            sha256,
            gr.update(visible=True),
            jury_views.dossier_html(state),
            jury_views.checkpoints_table(state, ref),
            jury_views.competencies_table(state),
            gr.update(choices=checkpoints, value=None),
            gr.update(choices=competencies, value=None),
        )

    def open_row(self, event: gr.EventData) -> tuple[Any, ...]:
        return self.open_dossier(str(getattr(event, "sha", "") or ""))

    def decide(
        self,
        sha256: str,
        kind: str,
        target: str | None,
        decision: str | None,
        comment: str,
        request: gr.Request,
    ) -> tuple[Any, ...]:
        if not sha256 or not target or not decision:
            text = "Choisissez un point (ou une compétence) et une décision avant d'enregistrer."
            return (views.message_html(text, "error"), *self._refresh(sha256))
        try:
            target_kind: TargetKind = "checkpoint" if kind == "checkpoint" else "competency"
            self.ctx.services.jury.decide(
                sha256, target_kind, target, decision, juror(request), comment
            )
        except ReviewError as err:
            return (views.message_html(err.message, "error"), *self._refresh(sha256))
        text = f"Décision enregistrée pour {target} : elle figure à côté de l'avis de l'outil."
        return (views.message_html(text, "success"), *self._refresh(sha256))

    def sign_off(self, sha256: str, comment: str, request: gr.Request) -> tuple[Any, ...]:
        if not sha256:
            text = "Ouvrez d'abord un dossier."
            return (views.message_html(text, "error"), *self._refresh(sha256))
        try:
            signed = self.ctx.services.jury.sign_off(sha256, juror(request), comment)
        except ReviewError as err:
            return (views.message_html(err.message, "error"), *self._refresh(sha256))
        text = f"Dossier signé par {signed.juror}."
        return (views.message_html(text, "success"), *self._refresh(sha256))

    def _refresh(self, sha256: str) -> tuple[Any, ...]:
        """Dossier header, both tables, the batch table and the agreement, re-read."""
        state = self.ctx.services.jury.dossier(sha256) if sha256 else None
        if state is None:
            return (gr.update(), gr.update(), gr.update(), self.batch_table(), self.agreement())
        ref = self.ctx.services.referentiel
        return (
            jury_views.dossier_html(state),
            jury_views.checkpoints_table(state, ref),
            jury_views.competencies_table(state),
            self.batch_table(),
            self.agreement(),
        )

    def show_quote(
        self, sha256: str, session: JurySession | None, event: gr.EventData
    ) -> tuple[Any, Any]:
        """The page (PDF) or the surrounding text of a quote, while the file is at hand."""
        state = self.ctx.services.jury.dossier(sha256) if sha256 else None
        evidence = _evidence_at(state.assessment if state else None, event)
        if evidence is None:
            return gr.update(value=None, visible=False), gr.update(value="", visible=False)
        path = session.files.get(sha256) if session else None
        if path is None or not path.is_file():
            text = (
                "Le fichier de ce dossier n'est plus ouvert dans cette session : déposez-le à "
                "nouveau pour voir la page citée (citation ci-dessus, avec sa page)."
            )
            return gr.update(value=None, visible=False), gr.update(
                value=views.message_html(text, "info"), visible=True
            )
        if path.suffix.lower() == ".pdf" and evidence.page and session is not None:
            target = session.workspace.folder("apercu") / f"page-{evidence.page}.png"
            preview = render_isolated(path, evidence.page, evidence.quote, target)
            if preview.image is not None:
                label = f"Page {evidence.page} du dossier"
                return gr.update(value=str(preview.image), visible=True, label=label), gr.update(
                    value="", visible=False
                )
        try:
            found = excerpt(self.ctx.services.review.document(path).text, evidence.quote)
        except ReviewError as err:
            return gr.update(value=None, visible=False), gr.update(
                value=views.message_html(err.message, "error"), visible=True
            )
        return gr.update(value=None, visible=False), gr.update(
            value=views.excerpt_html(found, evidence), visible=True
        )


def _evidence_at(assessment: Assessment | None, event: gr.EventData) -> Evidence | None:
    """The quote named ``checkpoint index:quote index`` by the clicked button."""
    data = event._data if isinstance(event._data, dict) else {}
    parts = str(data.get("ev", "")).split(":")
    if assessment is None or len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    index, quote = int(parts[0]), int(parts[1])
    if index >= len(assessment.checkpoints):
        return None
    evidence = assessment.checkpoints[index].evidence
    return evidence[quote] if quote < len(evidence) else None


@dataclass
class Layout:
    """The dossier view's components, wired by ``wire``."""

    panel: DossierPanel
    parts: dict[str, Any]

    def wire(self, opened: Any, state: Any, table: Any, agreement: Any) -> None:
        p, view = self.parts, self.panel
        private: dict[str, Any] = {"api_visibility": "private"}
        opened_outputs = [opened, p["box"], p["head"], p["checkpoints"], p["competencies"]]
        table.open_row(
            view.open_row, None, [*opened_outputs, p["cp_target"], p["comp_target"]], **private
        )
        p["checkpoints"].show_quote(
            view.show_quote, [opened, state], [p["preview"], p["context_text"]], **private
        )
        refreshed = [p["message"], p["head"], p["checkpoints"], p["competencies"], table, agreement]
        cp_kind, comp_kind = gr.State("checkpoint"), gr.State("competency")
        p["cp_save"].click(
            view.decide,
            [opened, cp_kind, p["cp_target"], p["cp_decision"], p["cp_comment"]],
            refreshed,
            **private,
        )
        p["comp_save"].click(
            view.decide,
            [opened, comp_kind, p["comp_target"], p["comp_decision"], p["comp_comment"]],
            refreshed,
            **private,
        )
        p["signoff"].click(view.sign_off, [opened, p["signoff_comment"]], refreshed, **private)


def layout(panel: DossierPanel) -> Layout:
    """Lay out the (hidden) dossier view inside the current Blocks."""
    with gr.Column(visible=False, elem_id="jury-dossier-view") as dossier_box:
        head = gr.HTML()
        checkpoints = gr.HTML(js_on_load=jury_views.SHOW_QUOTE_JS, elem_id="jury-cp-table")
        preview = gr.Image(visible=False, interactive=False, elem_id="jury-preview")
        context_text = gr.HTML(visible=False, elem_id="jury-excerpt")
        with gr.Row():
            cp_target = gr.Dropdown(label="Point de contrôle", choices=[], elem_id="jury-cp")
            cp_decision = gr.Radio(
                CHECKPOINT_CHOICES, label="Décision du jury", elem_id="jury-cp-decision"
            )
            cp_comment = gr.Textbox(
                label="Commentaire (point de contrôle)", elem_id="jury-cp-comment"
            )
        cp_save = gr.Button("Enregistrer la décision", elem_id="jury-cp-save")
        competencies = gr.HTML()
        with gr.Row():
            comp_target = gr.Dropdown(label="Compétence", choices=[], elem_id="jury-comp")
            comp_decision = gr.Radio(
                VERDICT_CHOICES, label="Verdict du jury", elem_id="jury-comp-decision"
            )
            comp_comment = gr.Textbox(label="Commentaire (compétence)")
        comp_save = gr.Button("Enregistrer le verdict", elem_id="jury-comp-save")
        signoff_comment = gr.Textbox(
            label="Commentaire de signature", lines=3, elem_id="jury-signoff-comment"
        )
        signoff = gr.Button("Signer le dossier", variant="primary", elem_id="jury-signoff")
        decision_message = gr.HTML(elem_id="jury-decision-message")
    return Layout(
        panel,
        {
            "box": dossier_box,
            "head": head,
            "checkpoints": checkpoints,
            "preview": preview,
            "context_text": context_text,
            "cp_target": cp_target,
            "cp_decision": cp_decision,
            "cp_comment": cp_comment,
            "cp_save": cp_save,
            "competencies": competencies,
            "comp_target": comp_target,
            "comp_decision": comp_decision,
            "comp_comment": comp_comment,
            "comp_save": comp_save,
            "signoff_comment": signoff_comment,
            "signoff": signoff,
            "message": decision_message,
        },
    )
