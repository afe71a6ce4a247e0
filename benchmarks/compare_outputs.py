"""Did a speed change alter a decision? Dump, then compare, what the engine makes of files.

    python benchmarks/compare_outputs.py dump OUT FILE... [--epreuve E1]
    python benchmarks/compare_outputs.py diff BEFORE AFTER

``dump`` writes, for each file, one JSON holding the ingested Document (parsed in its
isolated child, as in production) and the offline assessment made from it, or the French
error the file gives. Run it with the code before a change and with the code after, on the
same files (the PDFs and DOCX the tests build, the evaluation dossiers rendered as PDF and
DOCX), then ``diff`` names every file whose Document or assessment differs, and exits 1 if
any does. Use a new ``DOSSIER_REVIEW_HOME`` for each dump.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dump(out: Path, files: list[Path], epreuve: str) -> None:
    from assistant.errors import ReviewError
    from assistant.ingest.pipeline import ingest_file
    from assistant.services import build_services

    services = build_services()
    out.mkdir(parents=True, exist_ok=True)
    for path in files:
        result: dict[str, Any]
        try:
            document = ingest_file(path, services.settings.limits)
            assessment = services.review.assess_document(document, epreuve)
            result = {
                "document": document.model_dump(mode="json"),
                "assessment": assessment.model_dump(mode="json"),
            }
        except ReviewError as err:
            result = {"error": type(err).__name__, "message": err.message}
        text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True)
        (out / f"{path.name}.json").write_text(text, encoding="utf-8")


def diff(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    changed = 0
    for name in names:
        old, new = before / name, after / name
        if not old.is_file() or not new.is_file():
            print(f"{name}: only in {'after' if new.is_file() else 'before'}")
            changed += 1
            continue
        a, b = json.loads(old.read_text("utf-8")), json.loads(new.read_text("utf-8"))
        for part in ("document", "assessment", "error", "message"):
            if a.get(part) != b.get(part):
                print(f"{name}: {part} differs")
                changed += 1
    print(f"{len(names)} files compared, {changed} differences")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("files", type=Path, nargs="+")
    dumping.add_argument("--epreuve", default="E1")
    diffing = commands.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.files, args.epreuve)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
