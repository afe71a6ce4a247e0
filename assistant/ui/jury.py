"""Jury tab: assess a cohort's dossiers at once, sort and filter them, open one report."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.assessment import Assessment
from assistant.errors import ReviewError
from assistant.textnorm import fold
from assistant.triage import TriageRow, rows_to_csv
from assistant.ui import views
from assistant.ui.candidate import FILE_TYPES
from assistant.ui.context import AppContext
from assistant.ui.workspace import Workspace

log = logging.getLogger(__name__)

COLUMNS = ["Dossier", "Épreuve", "Couverture (%)", "Compétences à risque", "Alertes", "Erreur"]


@dataclass
class JurySession:
    workspace: Workspace
    assessments: dict[str, Assessment] = field(default_factory=dict)
    rows: list[TriageRow] = field(default_factory=list)

    def table(self, needle: str = "") -> list[list[Any]]:
        """Rows whose text contains ``needle`` (case and accents ignored)."""
        wanted = fold(needle.strip())
        lines = [table_row(r) for r in self.rows]
        return [line for line in lines if wanted in fold(" ".join(map(str, line)))]


def _drop_session(session: JurySession | None) -> None:
    if session is not None:
        session.workspace.clear()


def table_row(row: TriageRow) -> list[Any]:
    """One line of the results table: competencies at risk and alert count in words."""
    at_risk = row.not_satisfied + [f"{c} (partiel)" for c in row.partially_satisfied]
    coverage = None if row.coverage is None else round(100 * row.coverage)
    alerts = sum(row.alerts.values()) if row.status == "ok" else None
    return [row.filename, row.epreuve, coverage, ", ".join(at_risk), alerts, row.error]


def report_frame(title: str, report_html: str) -> str:
    """The full HTML report in a sandboxed frame (no scripts, no navigation)."""
    return (
        f'<iframe class="dr-report" title="{html.escape(title)}" sandbox '
        f'srcdoc="{html.escape(report_html, quote=True)}"></iframe>'
    )


class JuryView:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _assess_one(
        self, path: Path, epreuve: str, request: gr.Request
    ) -> tuple[TriageRow, Assessment | None]:
        try:
            assessment = self.ctx.services.review.assess(path, epreuve)
            self.ctx.remember(request, assessment.document.sha256)
        except ReviewError as err:
            log.info("%s refused: %s", path.name, err.detail or err.__cause__)
            return TriageRow(
                filename=path.name, epreuve=epreuve, status="erreur", error=err.message
            ), None
        return TriageRow.from_assessment(path.name, assessment), assessment

    def assess(
        self,
        uploads: list[str] | None,
        epreuve: str,
        session: JurySession | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),  # noqa: B008  # Gradio injects it by default value
    ) -> tuple[Any, ...]:
        session = session or JurySession(self.ctx.workspace(request, "jury"))
        if not uploads:
            message = views.message_html("Déposez d'abord les dossiers à analyser.", "error")
            return session, message, gr.update(), gr.update(), gr.update(), gr.update()
        session.workspace.clear()
        session.assessments, session.rows = {}, []
        files = []
        for upload in uploads:
            try:
                files.append(session.workspace.adopt(Path(upload), "lot"))
            except ReviewError as err:
                name = Path(upload).name
                session.rows.append(
                    TriageRow(filename=name, epreuve=epreuve, status="erreur", error=err.message)
                )
        for index, path in enumerate(files):
            progress((index, len(files)), desc=f"Analyse de {path.name} ({index + 1}/{len(files)})")
            row, assessment = self._assess_one(path, epreuve, request)
            session.rows.append(row)
            if assessment is not None:
                session.assessments[path.name] = assessment
        csv_path = session.workspace.folder("export") / "pre-evaluations.csv"
        csv_path.write_bytes(rows_to_csv(session.rows))
        return (session, self._summary(session), *self._outputs(session, csv_path))

    @staticmethod
    def _summary(session: JurySession) -> str:
        failed = sum(1 for row in session.rows if row.status != "ok")
        done = len(session.rows) - failed
        return views.message_html(
            f"{done} dossier(s) analysé(s), {failed} en erreur. {views.NOTICE}", "success"
        )

    @staticmethod
    def _outputs(session: JurySession, csv_path: Path) -> tuple[Any, ...]:
        names = sorted(session.assessments)
        return (
            gr.update(value=None),  # the files now live in the session folder only
            gr.update(value=session.table()),
            gr.update(value=str(csv_path), visible=True),
            gr.update(choices=names, value=None, visible=bool(names)),
        )

    @staticmethod
    def filter(needle: str, session: JurySession | None) -> Any:
        return gr.update(value=session.table(needle) if session else [])

    def open_report(self, name: str | None, session: JurySession | None) -> Any:
        if not name or session is None or name not in session.assessments:
            return gr.update(value="", visible=False)
        from assistant.report import render

        report = render(session.assessments[name], self.ctx.services.referentiel, "html")
        frame = report_frame(f"Rapport de pré-évaluation de {name}", report.decode())
        return gr.update(value=frame, visible=True)


def build(ctx: AppContext) -> None:
    """Lay out the Jury tab inside the current Blocks."""
    view = JuryView(ctx)
    state = gr.State(
        None, time_to_live=ctx.settings.ui.session_ttl_s, delete_callback=_drop_session
    )
    gr.Markdown(
        "## Trier les dossiers d'une promotion\n"
        "Déposez les dossiers d'une même épreuve : le tableau indique, pour chacun, la "
        "couverture des points de contrôle, les compétences à examiner et les alertes. "
        "Cliquez sur un en-tête de colonne pour trier. Un fichier illisible n'arrête pas "
        "les autres : son erreur s'affiche dans sa ligne."
    )
    with gr.Row():
        uploads = gr.File(
            label="Dossiers de la promotion",
            file_count="multiple",
            file_types=FILE_TYPES,
            elem_id="jury-upload",
        )
        epreuve = gr.Dropdown(
            choices=ctx.epreuve_choices(), value="E1", label="Épreuve", filterable=False
        )
    run = gr.Button("Analyser les dossiers", variant="primary")
    message = gr.HTML("", elem_id="jury-message")
    needle = gr.Textbox(
        label="Filtrer les dossiers",
        placeholder="Nom, compétence (C2), erreur…",
        elem_id="jury-filter",
    )
    table = gr.Dataframe(
        headers=COLUMNS,
        datatype=["str", "str", "number", "str", "number", "str"],
        interactive=False,
        label="Résultats par dossier (cliquez sur un en-tête pour trier)",
        wrap=True,
        column_widths=["200px", "70px", "120px", "260px", "80px", "400px"],  # scrolls on phones
        elem_id="jury-table",
    )
    csv_btn = gr.DownloadButton("Exporter en CSV", visible=False)
    choice = gr.Dropdown(label="Ouvrir le rapport de", choices=[], visible=False)
    report = gr.HTML(visible=False)

    run.click(
        view.assess,
        [uploads, epreuve, state],
        [state, message, uploads, table, csv_btn, choice],
        api_visibility="private",
    )
    needle.change(view.filter, [needle, state], [table], api_visibility="private")
    choice.change(view.open_report, [choice, state], [report], api_visibility="private")
