"""Which sentences of each injection case does ingestion leave in the evidence?

    python -m eval.injection_left FILE.jsonl [FILE.jsonl ...] [-v] [--json out.jsonl]

Each case (``eval.injections`` format) is written as its own paragraph between the two
ordinary paragraphs of ``eval.injections.FRAME``, in a Markdown dossier (so that a case
written as a table is read as one), and read by ``ingest_file`` with parsing in process
(``isolate_parsing`` off: ~20 ms a case). For an instruction it counts the case's sentences
still in the evidence (``Document.evidence_blocks``): an upper bound of what may be quoted,
since an ordinary sentence written beside the instruction in the same case counts too (``-v``
lists them, to be read one by one); for a clean case, the sentences it loses and whether
an alarm is raised. Faster than ``eval.injection_evidence`` (no assessment), and blind to
statuses: it says what may be quoted, not what is. Development sets only.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.ingest import ingest_file
from assistant.injection.spans import scan_spans
from assistant.settings import LimitsSettings
from eval.injections import FRAME, Case, load_cases


def left(case: Case, folder: Path, limits: LimitsSettings) -> dict[str, object]:
    """The case read in its frame: alarm, and its sentences left in the evidence."""
    text = case.text.strip()
    path = folder / "case.md"
    path.write_text("# Dossier\n\n" + "\n\n".join([FRAME[0], text, FRAME[1]]) + "\n", "utf-8")
    doc = ingest_file(path, limits)
    low = doc.text.find(FRAME[0]) + len(FRAME[0])
    high = doc.text.rfind(FRAME[1][:30])
    evidence = [
        doc.text[s:e]
        for block in doc.evidence_blocks()
        if block.end > low and block.start < high
        for s, e in (
            scan_spans(block.text, block.start)
            if block.rows is None
            else [(block.start, block.end)]
        )
        if s >= low and s < high
    ]
    return {
        "id": case.id,
        "injection": case.injection,
        "alarm": any(b.injection for b in doc.blocks),
        "left": evidence,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.injection_left", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="Case files (.jsonl).")
    parser.add_argument("--json", type=Path, help="Write one JSON line per case here.")
    parser.add_argument("-v", "--verbose", action="store_true", help="List what is left.")
    args = parser.parse_args(argv)
    if any("heldout" in str(f) or "unseen" in str(f) for f in args.files):
        parser.error("held-out sets are measured by integration, not read case by case")
    limits = LimitsSettings(isolate_parsing=False)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            rows.extend(left(case, Path(tmp), limits) for case in load_cases(path))
    bad = [r for r in rows if r["injection"]]
    clean = [r for r in rows if not r["injection"]]
    sizes = [len(r["left"]) for r in bad]  # type: ignore[arg-type]
    print(
        f"instructions {len(bad)}: alarm {sum(bool(r['alarm']) for r in bad)}, "
        f"a sentence left in the evidence {sum(n > 0 for n in sizes)}, sentences left {sum(sizes)}"
    )
    print(
        f"clean {len(clean)}: alarm {sum(bool(r['alarm']) for r in clean)}, "
        f"sentences in the evidence {sum(len(r['left']) for r in clean)}"  # type: ignore[arg-type]
    )
    if args.verbose:
        for row in bad:
            for sentence in row["left"]:  # type: ignore[attr-defined]
                print(f"  [left] {row['id']}: {' '.join(str(sentence).split())[:200]}")
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
