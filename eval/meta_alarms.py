"""Clean meta text read as dossiers: how many injection alarms does it raise?

    python -m eval.meta_alarms [FILE ...] [-v] [--json out.json]

By default, the project's own documentation (``README.md``, ``eval/README.md``,
``docs/*.md``) and the référentiel's source text (``shared/seeds/*.txt`` beside the
repository, or under ``DOSSIER_REVIEW_SHARED``, when present): texts that talk at length about
assessment, juries, models, alerts and instructions, and never ask their reader to act on an
assessment. Each is read by the project's ingestion (``ingest_file``, the path every dossier
takes: rules and the learned reading), and the figures are, per file, the blocks flagged as
instructions (alarms: every one is false) and the blocks marked suspect (kept out of the
evidence, no alarm). ``-v`` prints the flagged text. These texts are development data: they
are not held out, and nothing in them is trained on.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path

from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings

ROOT = Path(__file__).parent.parent


def default_files() -> list[Path]:
    """The project's documentation and the référentiel's source text, when found."""
    files = [ROOT / "README.md", ROOT / "eval" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    shared = Path(os.environ.get("DOSSIER_REVIEW_SHARED", ROOT.parent / "shared"))
    if not (shared / "seeds").is_dir():
        shared = Path("/work/shared")
    files += sorted((shared / "seeds").glob("*.txt"))
    return [f for f in files if f.is_file()]


def read(path: Path, limits: LimitsSettings) -> dict[str, object]:
    """The alarms and suspect blocks of ``path`` read as a dossier."""
    document = ingest_file(path, limits)
    alarms = [b.text for b in document.blocks if b.injection]
    suspect = [b.text for b in document.blocks if b.suspect]
    return {"file": str(path), "alarms": alarms, "suspect": suspect}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.meta_alarms", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="Clean texts (default: see above).")
    parser.add_argument("-v", "--verbose", action="store_true", help="Print the flagged text.")
    parser.add_argument("--json", type=Path, help="Write the figures as JSON to this file.")
    args = parser.parse_args(argv)
    limits = LimitsSettings()
    results = [read(path, limits) for path in args.files or default_files()]
    for result in results:
        alarms, suspect = result["alarms"], result["suspect"]
        assert isinstance(alarms, list) and isinstance(suspect, list)
        name = Path(str(result["file"])).name
        print(f"{name:<32} alarms {len(alarms):>3}   suspect {len(suspect):>3}")
        if args.verbose:
            for text in alarms:
                print(f"    [alarm] {' '.join(str(text).split())[:300]}")
            for text in suspect:
                print(f"    [suspect] {' '.join(str(text).split())[:300]}")
    total = sum(len(r["alarms"]) for r in results)  # type: ignore[arg-type]
    kept = sum(len(r["suspect"]) for r in results)  # type: ignore[arg-type]
    print(f"{'all':<32} alarms {total:>3}   suspect {kept:>3}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
