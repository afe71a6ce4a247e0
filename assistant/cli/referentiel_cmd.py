"""``dossier-review referentiel``: show an épreuve in French, or export the whole référentiel."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.referentiel.describe import describe_epreuve
from assistant.services import build_services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "referentiel",
        help="consulter le référentiel (épreuves, compétences, critères, points de contrôle)",
        description="Consulter le référentiel de la certification.",
    )
    commands = parser.add_subparsers(dest="referentiel_command", required=True)
    show = commands.add_parser(
        "show",
        help="décrire une épreuve : compétences, critères et points de contrôle",
        description="Décrit une épreuve en français : ses compétences, leurs critères "
        "d'évaluation et les points de contrôle vérifiés dans le dossier.",
    )
    show.add_argument("epreuve", metavar="EPREUVE", help="l'épreuve, par exemple E1 ou E5-P2")
    show.set_defaults(func=_show)
    export = commands.add_parser(
        "export",
        help="exporter tout le référentiel (JSON sur la sortie standard)",
        description="Écrit tout le référentiel en JSON sur la sortie standard, pour d'autres "
        "outils : version, empreinte, blocs, compétences, épreuves, critères, points de "
        "contrôle et leurs éléments.",
    )
    export.add_argument("--format", choices=["json"], default="json", help="format (json)")
    export.set_defaults(func=_export)


def _show(args: argparse.Namespace) -> int:
    referentiel = build_services().referentiel
    sys.stdout.write(describe_epreuve(referentiel, args.epreuve))
    return 0


def _export(args: argparse.Namespace) -> int:
    referentiel = build_services().referentiel
    sys.stdout.write(json.dumps(referentiel.export(), ensure_ascii=False, indent=2) + "\n")
    return 0
