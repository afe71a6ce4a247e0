"""Reports of a pre-assessment for the jury: JSON (the contract), Markdown, HTML and PDF.

``render(assessment, referentiel, fmt)`` is the one entry point the CLI and the UI use; the
French content is computed once (``view.build_view``) and laid out by each renderer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from assistant.assessment import Assessment
from assistant.referentiel.models import Referentiel
from assistant.report.labels import PRE_ASSESSMENT_NOTICE
from assistant.report.view import ReportView, build_view

ReportFormat = Literal["json", "md", "html", "pdf"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
MEDIA_TYPES: dict[ReportFormat, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}

__all__ = [
    "MEDIA_TYPES",
    "PRE_ASSESSMENT_NOTICE",
    "REPORT_FORMATS",
    "ReportFormat",
    "ReportView",
    "build_view",
    "render",
    "render_json",
]


def render_json(assessment: Assessment) -> str:
    """The contract's JSON document."""
    return assessment.model_dump_json(indent=2) + "\n"


def render(
    assessment: Assessment,
    referentiel: Referentiel,
    fmt: ReportFormat,
    *,
    generated_at: datetime | None = None,
) -> bytes:
    """The report of ``assessment`` in ``fmt``, as bytes (UTF-8 for the text formats)."""
    if fmt == "json":
        return render_json(assessment).encode()
    view = build_view(assessment, referentiel, generated_at)
    if fmt == "pdf":
        from assistant.report.pdf import render_pdf

        return render_pdf(view)
    from assistant.report.markup import render_html, render_markdown

    text = render_markdown(view) if fmt == "md" else render_html(view)
    return text.encode()
