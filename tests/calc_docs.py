"""Real dossiers for the arithmetic-check tests: Markdown written by the test, rendered as a
PDF, DOCX, ODT or Markdown file by eval/docbuild.py, and read back by the real ingestion."""

from __future__ import annotations

import textwrap
from pathlib import Path

from assistant.calc import CalcReport, check_document
from assistant.document import Document
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings
from eval.docbuild import build_docx, build_odt, build_pdf, markdown_to_items, write_markdown

BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt, "md": write_markdown}


def dossier(md: str, tmp_path: Path, fmt: str = "md") -> Document:
    """The Document ingested from a real ``fmt`` file holding the Markdown ``md``."""
    items = markdown_to_items(textwrap.dedent(md).strip() + "\n")
    path = tmp_path / f"dossier.{fmt}"
    BUILDERS[fmt](items, path)
    # parsed in this process: the child-process sandbox is ingestion's concern, tested there
    return ingest_file(path, LimitsSettings(isolate_parsing=False))


def report_of(md: str, tmp_path: Path, fmt: str = "md") -> CalcReport:
    return check_document(dossier(md, tmp_path, fmt))


def plain(text: str) -> str:
    """Message text with non-breaking spaces made plain, for assertions."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")
