"""Jury tab: a batch where each dossier has its own épreuve, a table that sorts on any header
and opens a dossier on a click, the dossier view with the AI's result beside the jury's
decisions, sign-off, and the agreement between the jury and the tool. Everything shown comes
from the jury's store of record (``services.jury``), so it survives a reload and a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.assessment import Assessment, Evidence
from assistant.errors import ReviewError
from assistant.jury.export import agreement_json_bytes, agreement_markdown
from assistant.jury.models import TargetKind
from assistant.jury.service import Assessed, JuryService
from assistant.preview import excerpt, render_isolated
from assistant.textnorm import fold
from assistant.ui import jury_views, views
from assistant.ui.candidate import FILE_TYPES
from assistant.ui.context import AppContext
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)

PLAN_COLUMNS = ["Fichier", "Épreuve"]
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


def _drop_session(session: JurySession | None) -> None:
    if session is not None:
        session.workspace.clear()


def juror(request: gr.Request | None) -> str:
    """The logged-in jury account, or a generic name when the tab is served without login."""
    return (getattr(request, "username", None) or DEFAULT_JUROR) if request else DEFAULT_JUROR


class JuryView:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    @property
    def service(self) -> JuryService:
        return self.ctx.services.jury

    # ------------------------------------------------------------------ batch

    @staticmethod
    def plan(uploads: list[str] | None, epreuve: str) -> Any:
        rows = [[Path(upload).name, epreuve] for upload in uploads or []]
        return gr.update(value=rows or None, visible=bool(rows))

    def batch_table(self, needle: str = "") -> str:
        wanted = fold(needle.strip())
        rows = [
            row
            for row in self.service.rows()
            if wanted in fold(" ".join(str(v) for v in row.model_dump().values()))
        ]
        return jury_views.batch_html(rows)

    def assess(
        self,
        uploads: list[str] | None,
        epreuve: str,
        session: JurySession | None,
        plan: list[list[str]] | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),  # noqa: B008  # Gradio injects it by default value
    ) -> tuple[Any, ...]:
        session = session or JurySession(self.ctx.workspace(request, "jury"))
        if not uploads:
            message = views.message_html("Déposez d'abord les dossiers à analyser.", "error")
            return session, message, gr.update(), gr.update(), gr.update(), gr.update()
        epreuves = {row[0]: str(row[1]).strip() for row in plan or [] if row and len(row) > 1}
        files, errors = self._adopt(session, uploads, epreuves, epreuve)

        def report(index: int, total: int, entry: Assessed) -> None:
            progress((index, total), desc=f"Analyse de {entry.filename} ({index}/{total})")

        progress((0, max(1, len(files))), desc="Analyse des dossiers…")
        result = self.service.analyse(files, progress=report)
        done = result.assessed
        grid = session.workspace.folder("export") / "grille-jury.csv"
        grid.write_bytes(result.data)
        for entry in done:
            if entry.assessment is not None:
                self.ctx.remember(request, entry.assessment.document.sha256)
                if entry.path is not None:
                    session.files[entry.assessment.document.sha256] = entry.path
        errors += [f"{entry.filename} : {entry.error}" for entry in done if entry.error]
        analysed = sum(entry.assessment is not None for entry in done)
        text = f"{analysed} dossier(s) analysé(s), {len(errors)} en erreur."
        message = views.message_html(text, "success" if not errors else "warning")
        if errors:
            message += "".join(views.message_html(e, "error") for e in errors)
        return (
            session,
            message,
            gr.update(value=None),
            gr.update(value=None, visible=False),
            self.batch_table(),
            gr.update(value=str(grid), visible=True),
        )

    def _adopt(
        self, session: JurySession, uploads: list[str], epreuves: dict[str, str], default: str
    ) -> tuple[list[tuple[Path, str]], list[str]]:
        """The uploads moved into the session, each with its épreuve from the plan (the
        default one when the plan does not name it)."""
        files: list[tuple[Path, str]] = []
        errors: list[str] = []
        for upload in uploads:
            name = Path(upload).name
            try:
                epreuve = self.ctx.services.referentiel.epreuve(epreuves.get(name) or default).id
                files.append((session.workspace.adopt(Path(upload), "lot"), epreuve))
            except ReviewError as err:
                errors.append(f"{name} : {err.message}")
        return files, errors

    # ------------------------------------------------------------------ dossier

    def open_dossier(self, sha256: str) -> tuple[Any, ...]:
        state = self.service.dossier(sha256) if sha256 else None
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
            self.service.decide(sha256, target_kind, target, decision, juror(request), comment)
        except ReviewError as err:
            return (views.message_html(err.message, "error"), *self._refresh(sha256))
        text = f"Décision enregistrée pour {target} : elle figure à côté de l'avis de l'outil."
        return (views.message_html(text, "success"), *self._refresh(sha256))

    def sign_off(self, sha256: str, comment: str, request: gr.Request) -> tuple[Any, ...]:
        if not sha256:
            text = "Ouvrez d'abord un dossier."
            return (views.message_html(text, "error"), *self._refresh(sha256))
        try:
            signed = self.service.sign_off(sha256, juror(request), comment)
        except ReviewError as err:
            return (views.message_html(err.message, "error"), *self._refresh(sha256))
        text = f"Dossier signé par {signed.juror}."
        return (views.message_html(text, "success"), *self._refresh(sha256))

    def _refresh(self, sha256: str) -> tuple[Any, ...]:
        """Dossier header, both tables, the batch table and the agreement, re-read."""
        state = self.service.dossier(sha256) if sha256 else None
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
        state = self.service.dossier(sha256) if sha256 else None
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

    # ------------------------------------------------------------------ agreement

    def agreement(self) -> str:
        return agreement_markdown(self.service.agreement())

    def export(self, session: JurySession | None, request: gr.Request) -> tuple[Any, ...]:
        session = session or JurySession(self.ctx.workspace(request, "jury"))
        folder = session.workspace.folder("export")
        report = self.service.agreement()
        json_path = folder / "accord-jury-outil.json"
        md_path = folder / "accord-jury-outil.md"
        json_path.write_bytes(agreement_json_bytes(report))
        md_path.write_text(agreement_markdown(report), encoding="utf-8")
        return (
            session,
            gr.update(value=str(json_path), visible=True),
            gr.update(value=str(md_path), visible=True),
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


def logout_html(href: str) -> str:
    return f'<p class="dr-logout"><a href="{href}" id="jury-logout">Se déconnecter</a></p>'


def build(ctx: AppContext, logout_href: str | None = None) -> None:
    """Lay out the Jury tab inside the current Blocks."""
    view = JuryView(ctx)
    state = gr.State(
        None, time_to_live=ctx.settings.ui.session_ttl_s, delete_callback=_drop_session
    )
    opened = gr.State("")
    if logout_href:
        gr.HTML(logout_html(logout_href))
    gr.Markdown(
        "## Espace jury\n"
        "Déposez les dossiers du lot et choisissez l'épreuve de chacun. Le tableau indique la "
        "couverture, les compétences à examiner, les alertes, une épreuve qui correspondrait "
        "mieux et les passages communs à plusieurs dossiers. Cliquez sur un en-tête pour "
        "trier, sur une ligne pour ouvrir le dossier. Vos décisions et signatures sont "
        "conservées."
    )
    with gr.Row():
        uploads = gr.File(
            label="Dossiers du lot",
            file_count="multiple",
            file_types=FILE_TYPES,
            elem_id="jury-upload",
        )
        epreuve = gr.Dropdown(
            choices=ctx.epreuve_choices(),
            value="E1",
            label="Épreuve par défaut",
            filterable=False,
        )
    plan = gr.Dataframe(
        headers=PLAN_COLUMNS,
        datatype=["str", "str"],
        type="array",
        interactive=True,
        static_columns=[0],
        label="Épreuve de chaque dossier (modifiable : E1, E2, E3, E4, E5-P1, E5-P2, E5-P3)",
        visible=False,
        elem_id="jury-plan",
    )
    run = gr.Button("Analyser les dossiers", variant="primary")
    message = gr.HTML("", elem_id="jury-message")
    grid_file = gr.DownloadButton("Télécharger la grille du lot (CSV)", visible=False)
    needle = gr.Textbox(
        label="Filtrer les dossiers",
        placeholder="Nom, compétence (C2), alerte…",
        elem_id="jury-filter",
    )
    table = gr.HTML(
        value=view.batch_table,
        js_on_load=jury_views.SORT_AND_OPEN_JS,
        elem_id="jury-table",
    )
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
    gr.Markdown("## Accord entre le jury et l'outil")
    agreement = gr.Markdown(value=view.agreement, elem_id="jury-agreement")
    export = gr.Button("Exporter l'accord (JSON et Markdown)")
    with gr.Row():
        json_file = gr.DownloadButton("Télécharger le JSON", visible=False)
        md_file = gr.DownloadButton("Télécharger le Markdown", visible=False)

    private: dict[str, Any] = {"api_visibility": "private"}
    uploads.change(view.plan, [uploads, epreuve], [plan], **private)
    run.click(
        view.assess,
        [uploads, epreuve, state, plan],
        [state, message, uploads, plan, table, grid_file],
        **private,
    )
    needle.change(view.batch_table, [needle], [table], **private)
    dossier_outputs = [opened, dossier_box, head, checkpoints, competencies, cp_target, comp_target]
    table.open_row(view.open_row, None, dossier_outputs, **private)
    checkpoints.show_quote(view.show_quote, [opened, state], [preview, context_text], **private)
    refreshed = [decision_message, head, checkpoints, competencies, table, agreement]
    cp_kind, comp_kind = gr.State("checkpoint"), gr.State("competency")
    cp_save.click(
        view.decide, [opened, cp_kind, cp_target, cp_decision, cp_comment], refreshed, **private
    )
    comp_save.click(
        view.decide,
        [opened, comp_kind, comp_target, comp_decision, comp_comment],
        refreshed,
        **private,
    )
    signoff.click(view.sign_off, [opened, signoff_comment], refreshed, **private)
    export.click(view.export, [state], [state, json_file, md_file], **private)
