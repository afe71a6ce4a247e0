"""Command line: a thin layer over the services. ``dossier-review --help``.

Each sub-command lives in its own module and registers itself through ``register(sub)``;
heavy imports (Chroma, embeddings, Gradio) happen inside the command, never here.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from assistant.errors import ReviewError

EPREUVE_HELP = "l'épreuve, par exemple E1 ou E5-P2 (toutes : dossier-review referentiel export)"
"""Help of an --epreuve option (the épreuves themselves are the référentiel's data)."""

COMMAND_MODULES = (
    "referentiel_cmd",
    "assess_cmd",
    "triage_cmd",
    "purge_cmd",
    "sample_cmd",
    "jury_cmd",
)


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors in one French sentence with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's NoReturn
        self.exit(2, f"Erreur : arguments invalides ({message}). Voir « {self.prog} --help ».\n")


def build_parser() -> argparse.ArgumentParser:
    from importlib import import_module
    from importlib.util import find_spec

    parser = FrenchArgumentParser(
        prog="dossier-review",
        description="Pré-évaluation hors ligne de dossiers de certification, pour le jury.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="journal détaillé")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=FrenchArgumentParser)
    for name in COMMAND_MODULES:
        if find_spec(f"assistant.cli.{name}") is None:
            continue  # a command not built yet
        import_module(f"assistant.cli.{name}").register(sub)
    return parser


class QuietLibraries(logging.Filter):
    """Without ``-v``: our own warnings, and only errors from libraries (pypdf, bm25s...),
    so that a refused file leaves one French sentence on standard error."""

    def filter(self, record: logging.LogRecord) -> bool:
        ours = record.name == "assistant" or record.name.startswith("assistant.")
        return record.levelno >= (logging.WARNING if ours else logging.ERROR)


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if not verbose:
        handler.addFilter(QuietLibraries())
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler])


def _private_home() -> None:
    """Folders 0700 and files 0600 in the data folder (see ``assistant.home``)."""
    from assistant.home import secure_home
    from assistant.settings import Settings

    try:
        home = Settings().home
    except Exception:  # bad settings: the command itself reports them in French
        return
    secure_home(home)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        _private_home()
        code: int = args.func(args)
    except ReviewError as err:
        logging.getLogger("assistant").debug("cause: %s", err.detail or err.__cause__)
        print(err.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    return code
