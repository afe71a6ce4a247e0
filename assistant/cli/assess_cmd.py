"""``dossier-review assess FILE --epreuve E [--format json|md|html|pdf] [--out PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.cli import EPREUVE_HELP
from assistant.errors import InputError
from assistant.report import REPORT_FORMATS, ReportFormat

DEFAULT_FORMAT: ReportFormat = "md"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "assess",
        help="pré-évaluer un dossier pour le jury",
        description="Pré-évalue un dossier (PDF, DOCX, ODT, MD, TXT) pour une épreuve. "
        "Sans --format, le format est déduit de l'extension de --out, sinon Markdown.",
    )
    parser.add_argument("file", type=Path, metavar="FICHIER", help="le dossier à pré-évaluer")
    parser.add_argument("--epreuve", required=True, metavar="EPREUVE", help=EPREUVE_HELP)
    parser.add_argument(
        "--format", choices=REPORT_FORMATS, default=None, help="format du rapport (défaut : md)"
    )
    parser.add_argument(
        "--out", type=Path, default=None, metavar="CHEMIN", help="fichier où écrire le rapport"
    )
    parser.set_defaults(func=run)


def report_format(requested: str | None, out: Path | None) -> ReportFormat:
    """The explicit format, else the one named by ``out``'s extension, else Markdown."""
    wanted = requested or (out.suffix.lower().lstrip(".") if out else "")
    fmt = next((f for f in REPORT_FORMATS if f == wanted), DEFAULT_FORMAT)
    if fmt == "pdf" and out is None:
        raise InputError("Le format pdf s'écrit dans un fichier : ajoutez --out rapport.pdf.")
    return fmt


def run(args: argparse.Namespace) -> int:
    from assistant.cli.output import emit, stdout_to_stderr
    from assistant.report import render
    from assistant.services import build_services

    fmt = report_format(args.format, args.out)
    services = build_services()
    with stdout_to_stderr():
        assessment = services.review.assess(args.file, args.epreuve)
        data = render(assessment, services.referentiel, fmt)
    emit(data, args.out)
    if args.out is not None:
        print(f"Rapport écrit dans {args.out}.", file=sys.stderr)
    return 0
