"""Evaluate the engine (and the keyword baseline) on a labelled set: dev or held-out.

    python -m eval.run [--set devset|heldout] [--engine offline|baseline|both]
                       [--format md|pdf|docx|odt|txt] [--only E3] [--json out.json] [-v]

The engine is reached through the composition root, ``build_services(settings)
.review.assess(path, epreuve)``; LLM settings come from the usual environment
(``DOSSIER_REVIEW_LLM__*``). With ``--format`` other than ``md`` each Markdown dossier is first
rendered to a real document (eval/docbuild.py) so ingestion is measured too. ``--set heldout``
runs the held-out set, which nobody tunes the engine on (eval/README.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.referentiel.models import Referentiel
from assistant.services import Services, build_services
from eval import docbuild
from eval.engines import Run, baseline_assess, engine_assess, run
from eval.labels import DossierLabel, load_labels, validate
from eval.printout import as_json, confusion_table, details, summary_table

DEVSET = Path(__file__).with_name("devset")
STYLES = Path(__file__).with_name("styles")
SETS = {
    "devset": DEVSET,
    "heldout": Path(__file__).with_name("heldout"),
    "styles-train": STYLES / "train",
    "styles-train2": STYLES / "train2",
    "styles-dev": STYLES / "dev",
    "styles-dev2": STYLES / "dev2",
    "styles-dev3": STYLES / "dev3",
    "styles-heldout": STYLES / "heldout",
    "styles-heldout2": STYLES / "heldout2",
    "styles-heldout3": STYLES / "heldout3",
    "styles-heldout4": STYLES / "heldout4",
    "styles-heldout5": STYLES / "heldout5",
    "styles-heldout6": STYLES / "heldout6",
    "styles-heldout7": STYLES / "heldout7",
    "styles-heldout8": STYLES / "heldout8",
    "styles-heldout9": STYLES / "heldout9",
    "styles-heldout10": STYLES / "heldout10",
    "styles-heldout11": STYLES / "heldout11",
    "styles-heldout12": STYLES / "heldout12",
    "styles-heldout13": STYLES / "heldout13",
    "styles-figures": STYLES / "figures",
    "styles-tidy": STYLES / "tidy",
    "styles-figures2": STYLES / "figures2",
    "styles-figures3": STYLES / "figures3",
    "styles-figures4": STYLES / "figures4",
    "styles-figures5": STYLES / "figures5",
}
BUILDERS = {"pdf": docbuild.build_pdf, "docx": docbuild.build_docx, "odt": docbuild.build_odt}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["offline", "baseline", "both"], default="both")
    parser.add_argument("--format", choices=["md", "pdf", "docx", "odt", "txt"], default="md")
    parser.add_argument("--only", help="Only this épreuve (E1..E5-P3) or file name part.")
    parser.add_argument("--json", type=Path, help="Write the results as JSON to this file.")
    parser.add_argument(
        "--set", dest="set_name", choices=sorted(SETS), default="devset",
        help="Labelled set: devset, styles-train, styles-train2, styles-dev, styles-dev2, "
        "styles-dev3, styles-figures, styles-figures2..5, styles-tidy (tuned on) "
        "or heldout, styles-heldout, "
        "styles-heldout2..13 "
        "(measure only, never tune on them).",
    )  # fmt: skip
    parser.add_argument("--devset", type=Path, help="Folder of dossiers+labels (overrides --set).")
    parser.add_argument("-v", "--verbose", action="store_true", help="Per-dossier errors.")
    args = parser.parse_args(argv)
    if args.devset is None:
        args.devset = SETS[args.set_name]
    return args


def select(labels: list[DossierLabel], only: str | None) -> list[DossierLabel]:
    if not only:
        return labels
    return [lb for lb in labels if lb.epreuve == only or only in lb.file]


def checked_labels(devset: Path, ref: Referentiel) -> list[DossierLabel]:
    try:
        labels = load_labels(devset)
    except ValueError as exc:
        raise SystemExit(f"Invalid labels: {exc}") from exc
    problems = [p for label in labels for p in validate(label, ref, devset)]
    if problems:
        raise SystemExit("Invalid labels:\n" + "\n".join(problems))
    return labels


def render(source: Path, fmt: str, out_dir: Path) -> Path:
    """The dossier as a real file of format ``fmt`` (the Markdown itself for 'md')."""
    if fmt == "md":
        return source
    items = docbuild.markdown_to_items(source.read_text(encoding="utf-8"))
    target = out_dir / f"{source.stem}.{fmt}"
    if fmt == "txt":
        return docbuild.write_text(items, target)
    return BUILDERS[fmt](items, target)


def evaluate(args: argparse.Namespace, services: Services) -> list[Run]:
    ref = services.referentiel
    labels = select(checked_labels(args.devset, ref), args.only)
    if not labels:
        raise SystemExit(f"No dossier matches --only {args.only}.")
    runs = []
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as tmp:
        dossiers = [(lb, render(args.devset / lb.file, args.format, Path(tmp))) for lb in labels]
        if args.engine in ("offline", "both"):
            try:
                runs.append(run("engine", engine_assess(services), services.ingest, dossiers))
            except AttributeError as exc:
                if args.engine == "offline":
                    raise SystemExit(f"The engine is not available: {exc}") from exc
                print(f"warning: engine not available ({exc}); baseline only", file=sys.stderr)
        if args.engine in ("baseline", "both"):
            runs.append(run("baseline", baseline_assess(ref), services.ingest, dossiers))
    where = f"format {args.format}, référentiel {ref.version}, set {args.devset.name}"
    print(f"{len(labels)} dossiers, {where}")
    return runs


def report(runs: list[Run], args: argparse.Namespace) -> None:
    print(summary_table(runs))
    for r in runs:
        print()
        print(confusion_table(r))
        if r.llm_quotes:
            rejected, total = r.llm_quotes
            share = f" ({rejected / total:.1%})" if total else ""
            print(f"{r.name}: LLM quotes rejected by verification: {rejected}/{total}{share}")
        if r.errors:
            print(f"{r.name}: {len(r.errors)} dossier(s) failed: {', '.join(sorted(r.errors))}")
    if args.verbose:
        for r in runs:
            print()
            print(details(r))
    if args.json:
        args.json.write_text(json.dumps(as_json(runs), indent=2, ensure_ascii=False), "utf-8")
        print(f"\nJSON written to {args.json}")


def measuring(services: Services | None) -> Services:
    """``services`` (``build_services()`` by default) with the result cache switched off:
    measure the engine, never assessments kept by a run before."""
    services = services if services is not None else build_services()
    review = getattr(services, "review", None)
    if review is not None:
        review.results = None
    return services


def main(argv: Sequence[str] | None = None, services: Services | None = None) -> int:
    """Run the evaluation; ``services`` defaults to ``build_services()`` (tests pass theirs)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    runs = evaluate(args, measuring(services))
    report(runs, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
