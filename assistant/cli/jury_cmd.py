"""``dossier-review jury grid|import|agreement``: the offline grid for jurors who work in a
spreadsheet, and the agreement between the jury and the tool (same store as the app).

Exit status: 0 on success; 1 when every dossier of a grid failed; 2 on bad input (missing
folder, unknown épreuve, an invalid grid row: nothing is then recorded).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.jury.service import Assessed

EPREUVES = "E1, E2, E3, E4, E5-P1, E5-P2 ou E5-P3"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "jury",
        help="grille hors ligne du jury et accord jury / outil",
        description="Décisions du jury : grille à remplir dans un tableur, import des "
        "décisions, accord entre le jury et l'outil.",
    )
    jury = parser.add_subparsers(dest="jury_command", required=True)
    grid = jury.add_parser(
        "grid",
        help="pré-évaluer un répertoire et écrire la grille à remplir",
        description="Pré-évalue chaque dossier du répertoire et écrit une ligne par dossier et "
        "point de contrôle (CSV UTF-8, séparateur « ; »), décision du jury à remplir.",
    )
    grid.add_argument("folder", type=Path, metavar="REPERTOIRE", help="répertoire des dossiers")
    grid.add_argument("--epreuve", required=True, metavar="EPREUVE", help=EPREUVES)
    grid.add_argument("--out", type=Path, required=True, metavar="CSV", help="grille à écrire")
    grid.set_defaults(func=run_grid)
    imp = jury.add_parser(
        "import",
        help="enregistrer les décisions d'une grille remplie",
        description="Enregistre les décisions d'une grille (présent, partiel, absent). Une "
        "seule ligne invalide refuse toute la grille.",
    )
    imp.add_argument("grid", type=Path, metavar="CSV", help="la grille remplie")
    imp.add_argument("--juror", required=True, metavar="NOM", help="nom du juré")
    imp.set_defaults(func=run_import)
    agreement = jury.add_parser(
        "agreement",
        help="accord entre le jury et l'outil",
        description="Nombre de décisions, taux d'accord, kappa de Cohen et matrice de "
        "confusion, par point de contrôle et au total.",
    )
    agreement.add_argument("--epreuve", default=None, metavar="EPREUVE", help=EPREUVES)
    agreement.add_argument("--format", choices=("json", "md"), default="md", help="format")
    agreement.add_argument("--out", type=Path, default=None, metavar="CHEMIN", help="fichier")
    agreement.set_defaults(func=run_agreement)


def show_progress(index: int, total: int, entry: Assessed) -> None:
    outcome = "ok" if entry.assessment is not None else f"erreur : {entry.error}"
    print(f"[{index}/{total}] {entry.filename} … {outcome}", file=sys.stderr, flush=True)


def run_grid(args: argparse.Namespace) -> int:
    from assistant.cli.output import emit, stdout_to_stderr
    from assistant.services import build_services
    from assistant.triage import dossier_files

    services = build_services()
    services.referentiel.epreuve(args.epreuve)  # unknown: refused before any work
    files = dossier_files(args.folder)
    with stdout_to_stderr():
        result = services.jury.grid(files, args.epreuve, progress=show_progress)
    emit(result.data, args.out)
    names = {e.assessment.document.sha256: e.filename for e in result.assessed if e.assessment}
    for pair in result.similar:
        print(
            f"Passages communs : {names[pair.first]} et {names[pair.second]} "
            f"({len(pair.passages)}).",
            file=sys.stderr,
        )
    done = sum(entry.assessment is not None for entry in result.assessed)
    print(
        f"{done}/{len(files)} dossier(s) pré-évalué(s) ; grille dans {args.out}.", file=sys.stderr
    )
    return 0 if done else 1


def run_import(args: argparse.Namespace) -> int:
    from assistant.services import build_services

    try:
        data = Path(args.grid).read_bytes()
    except OSError as err:
        raise InputError(
            f"La grille « {args.grid} » est illisible : vérifiez le chemin du fichier."
        ) from err
    result = build_services().jury.import_grid(data, args.juror)
    print(
        f"{result.decisions} décision(s) lue(s), {result.recorded} nouvelle(s) enregistrée(s).",
        file=sys.stderr,
    )
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from assistant.cli.output import emit
    from assistant.jury.export import agreement_json_bytes, agreement_markdown
    from assistant.services import build_services

    report = build_services().jury.agreement(args.epreuve)
    if args.format == "json":
        data = agreement_json_bytes(report)
    else:
        data = agreement_markdown(report, args.epreuve).encode()
    emit(data, args.out)
    return 0
