"""Hidden text: is what a human cannot see kept out of evidence, and reported?

    python -m eval.hidden MANIFEST.jsonl [-v] [--json out.json]

A manifest is JSON Lines, one file per line, paths relative to the manifest::

    {"file": "files/x.docx", "hidden": true, "trick": "white on white",
     "hidden_text": "exact hidden text"}

Each file is read by the project's ingestion, the path every dossier takes. For a file that
hides text, the text is *kept out* when none of its word sequences reaches the blocks that may
serve as evidence, and *reported* when the document carries a hidden-text finding or an
injection flag. A file without hidden text is a *false alarm* when it carries a hidden-text
finding. A file ingestion refuses counts as kept out and not reported.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.document import Document
from assistant.errors import InputError
from assistant.ingest import ingest_file
from assistant.settings import LimitsSettings
from assistant.textnorm import fold

SHINGLE = 8  # words: a hidden text leaks when a run of this many of its words reaches evidence


class Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    file: str
    hidden: bool
    trick: str = ""
    hidden_text: str = ""


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    leaked: bool
    reported: bool
    refused: str = ""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def leaks(hidden_text: str, document: Document) -> bool:
    """True when a run of the hidden text's words stands in a block usable as evidence."""
    secret = _shingles(_words(hidden_text))
    if not secret:
        return False
    visible: set[tuple[str, ...]] = set()
    for block in document.evidence_blocks():
        visible |= _shingles(_words(block.text))
    return bool(secret & visible)


def judge(manifest: Path) -> list[Outcome]:
    limits = LimitsSettings()
    outcomes = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = Entry.model_validate_json(line)
        try:
            document = ingest_file(manifest.parent / entry.file, limits)
        except InputError as error:
            outcomes.append(Outcome(entry, leaked=False, reported=False, refused=str(error)))
            continue
        reported = bool(document.hidden) or any(b.injection for b in document.blocks)
        leaked = entry.hidden and leaks(entry.hidden_text, document)
        outcomes.append(Outcome(entry, leaked=leaked, reported=reported))
    return outcomes


def figures(outcomes: Sequence[Outcome]) -> dict[str, int]:
    tricks = [o for o in outcomes if o.entry.hidden]
    clean = [o for o in outcomes if not o.entry.hidden]
    return {
        "hidden_files": len(tricks),
        "kept_out": sum(not o.leaked for o in tricks),
        "reported": sum(o.reported for o in tricks),
        "clean_files": len(clean),
        "false_alarms": sum(o.reported for o in clean),
        "refused": sum(bool(o.refused) for o in outcomes),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.hidden", description=__doc__)
    parser.add_argument("manifest", type=Path, help="Manifest (.jsonl) beside the files.")
    parser.add_argument("--json", type=Path, help="Write the figures as JSON to this file.")
    parser.add_argument("-v", "--verbose", action="store_true", help="List every file.")
    args = parser.parse_args(argv)
    outcomes = judge(args.manifest)
    fig = figures(outcomes)
    print(
        f"hidden text kept out of evidence {fig['kept_out']}/{fig['hidden_files']}, "
        f"reported {fig['reported']}/{fig['hidden_files']}; "
        f"false alarms {fig['false_alarms']}/{fig['clean_files']}; refused {fig['refused']}"
    )
    if args.verbose:
        for o in outcomes:
            state = "clean" if not o.entry.hidden else ("LEAK" if o.leaked else "kept out")
            seen = "reported" if o.reported else "silent"
            extra = f" (refused: {o.refused})" if o.refused else ""
            print(f"  {o.entry.file:<40} {state:<9} {seen:<9} {o.entry.trick}{extra}")
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
