"""``dossier-review triage FOLDER --epreuve E --out results.csv``.

Exit status: 0 when at least one dossier was assessed, 1 when every file failed (the CSV is
still written, each row with its error), 2 when nothing could start (missing or empty
folder, unknown épreuve, bad arguments).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli import EPREUVE_HELP

if TYPE_CHECKING:
    from assistant.triage import TriageRow


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "triage",
        help="pré-évaluer tous les dossiers d'un répertoire (tableau CSV)",
        description="Pré-évalue chaque fichier PDF, DOCX, ODT, MD ou TXT d'un répertoire et "
        "écrit une ligne par dossier dans un CSV (UTF-8, séparateur « ; »).",
    )
    parser.add_argument("folder", type=Path, metavar="REPERTOIRE", help="répertoire des dossiers")
    parser.add_argument("--epreuve", required=True, metavar="EPREUVE", help=EPREUVE_HELP)
    parser.add_argument(
        "--out", type=Path, required=True, metavar="CSV", help="fichier CSV des résultats"
    )
    parser.set_defaults(func=run)


def show_progress(index: int, total: int, row: TriageRow) -> None:
    outcome = "ok" if row.status == "ok" else f"erreur : {row.error}"
    print(f"[{index}/{total}] {row.filename} … {outcome}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from assistant.cli.output import emit, stdout_to_stderr
    from assistant.services import build_services
    from assistant.triage import rows_to_csv

    services = build_services()
    with stdout_to_stderr():
        rows = services.triage.run(args.folder, args.epreuve, progress=show_progress)
    emit(rows_to_csv(rows), args.out)
    done = sum(row.status == "ok" for row in rows)
    print(
        f"{done}/{len(rows)} dossier(s) pré-évalué(s) ; résultats dans {args.out}.", file=sys.stderr
    )
    return 0 if done else 1
