"""``dossier-review purge FICHIER | --sha SHA | --expired | --all``: erase dossiers.

Deletes the cached document, stored reports, LLM audit records and vectors of the dossiers,
and their records in the jury workspace (``--expired``: those idle for more than
``jury_retention_days``), then compacts the vector store so that nothing of them is left on
disk. Run it when the app
is stopped, or from the app itself ("Supprimer mon dossier"): the store is written by one
process at a time.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.purge import PurgeResult


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "purge",
        help="effacer un dossier, les dossiers expirés ou tous les dossiers",
        description="Efface tout ce que l'outil garde d'un dossier (texte lu, rapports, "
        "journaux d'audit, vecteurs, décisions du jury) puis compacte le magasin de vecteurs.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "file", type=Path, nargs="?", metavar="FICHIER", help="le dossier tel qu'il a été envoyé"
    )
    which.add_argument("--sha", metavar="SHA256", help="l'empreinte sha256 du dossier")
    which.add_argument(
        "--expired", action="store_true", help="les dossiers plus anciens que la durée de rétention"
    )
    which.add_argument("--all", action="store_true", help="tous les dossiers")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.services import build_services

    purge = build_services().purge
    if args.sha:
        result = purge.purge_dossier(args.sha, jury=True)
    elif args.expired:
        result = purge.purge_expired()
    elif args.all:
        result = purge.purge_all()
    else:
        result = purge.purge_file(args.file, jury=True)
    print(summary(result))
    return 0


def summary(result: PurgeResult) -> str:
    """One French sentence saying what was erased."""
    count = len(result.dossiers)
    if count == 0 and result.jury:
        return f"{result.jury} dossier(s) retiré(s) de l'espace jury."
    if count == 0:
        return "Aucun dossier à supprimer."
    what = "1 dossier supprimé" if count == 1 else f"{count} dossiers supprimés"
    files = f"{result.files} fichier{'s' if result.files != 1 else ''}"
    collections = f"{result.collections} index de vecteurs"
    compacted = " ; magasin de vecteurs compacté" if result.compaction else ""
    jury = f" ; {result.jury} dossier(s) retiré(s) de l'espace jury" if result.jury else ""
    return f"{what} ({', '.join(result.dossiers)}) : {files}, {collections}{compacted}{jury}."
