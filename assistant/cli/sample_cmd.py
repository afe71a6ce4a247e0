"""``dossier-review sample-path``: where the shipped sample dossier is, to try the program from
any folder: ``dossier-review assess "$(dossier-review sample-path)" --epreuve E1``."""

from __future__ import annotations

import argparse

from assistant.resources import sample_dossier


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sample-path",
        help="chemin du dossier d'exemple livré avec le programme (épreuve E1)",
        description="Affiche le chemin du dossier d'exemple fictif livré avec le programme (PDF, "
        "épreuve E1), pour l'essayer depuis n'importe quel dossier : "
        'dossier-review assess "$(dossier-review sample-path)" --epreuve E1',
    )
    parser.set_defaults(func=_sample_path)


def _sample_path(args: argparse.Namespace) -> int:
    print(sample_dossier())
    return 0
