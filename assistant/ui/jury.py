"""Jury tab: a batch where each dossier has its own épreuve, a table that sorts on any header
and opens a dossier on a click, the dossier view with the AI's result beside the jury's
decisions, sign-off, and the agreement between the jury and the tool. Everything shown comes
from the jury's store of record (``services.jury``), so it survives a reload and a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.errors import ReviewError
from assistant.jury.export import agreement_json_bytes, agreement_markdown
from assistant.jury.service import Assessed, JuryService
from assistant.textnorm import fold
from assistant.ui import jury_dossier, jury_views, views
from assistant.ui.candidate import FILE_TYPES
from assistant.ui.context import AppContext
from assistant.ui.jury_dossier import DossierPanel, JurySession, drop_session

log = logging.getLogger(__name__)

PLAN_COLUMNS = ["Fichier", "Épreuve"]


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


def logout_html(href: str) -> str:
    return f'<p class="dr-logout"><a href="{href}" id="jury-logout">Se déconnecter</a></p>'


def build(ctx: AppContext, logout_href: str | None = None) -> None:
    """Lay out the Jury tab inside the current Blocks."""
    view = JuryView(ctx)
    state = gr.State(None, time_to_live=ctx.settings.ui.session_ttl_s, delete_callback=drop_session)
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
    panel = jury_dossier.layout(DossierPanel(ctx, view.batch_table, view.agreement))
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
    export.click(view.export, [state], [state, json_file, md_file], **private)
    panel.wire(opened, state, table, agreement)
