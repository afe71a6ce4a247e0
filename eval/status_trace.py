"""Each checkpoint's status, stage by stage, beside its label (development sets only).

    python -m eval.status_trace --set styles-dev [--set styles-train ...] --out trace.jsonl
    python -m eval.status_trace --read trace.jsonl [--wrong partial:present]

Each dossier is read as the engine reads it (``eval.engine_steps.detected``), then every
checkpoint goes through the stages of ``detect_checkpoints`` in turn: the cue rules
(``rules``), the learned completeness of a topic (``complete``), the second look at a topic
left absent (``again``), the dossier-level decision and the attribution (``judged``), a
target's own place (``final``). One JSON line per checkpoint holds the label, each stage's
status, the elements (label and final status) and the units the final status quotes, so that
a wrong status can be put down to the stage that made it and to the passage it rests on.
``--read`` prints the confusion of final statuses and, for one kind of error, each case with
its stages and quotes. Held-out sets are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.detect import _names_index, detect_outcomes
from assistant.detect.announced import only_announced
from assistant.detect.attribution import load_attribution
from assistant.detect.checkpoint import CheckpointOutcome, Finding
from assistant.detect.completeness import decide_topic, load_completeness
from assistant.detect.done_work import only_planned
from assistant.detect.fact_sheet import fact_sheet
from assistant.detect.judgment import judge, load_judgment
from assistant.detect.own_place import taken_back
from assistant.detect.topics import context_of, load_topics, look_again
from assistant.services import build_services
from eval.engine_steps import detected
from eval.labels import load_labels
from eval.run import SETS

DEV = (
    "styles-dev", "styles-dev2", "styles-dev3", "styles-train", "styles-train2", "styles-tidy",
    "styles-figures",
    "styles-figures2", "styles-figures3", "styles-figures4", "devset",
)  # fmt: skip
STATUSES = ("present", "partial", "absent")


def quotes(outcome: CheckpointOutcome) -> list[str]:
    """The text of the units a status rests on: a topic's substantive findings (else its
    first), or each present element's best."""
    tagged: list[tuple[str, Finding]] = []
    if outcome.elements:
        for e in outcome.elements:
            good = [f for f in e.findings if f.substantive]
            tagged += [(f"[{e.element.id}] ", f) for f in good[:1]]
    else:
        good = [f for f in outcome.findings if f.substantive] or outcome.findings[:1]
        tagged += [("", f) for f in good[:2]]
    return [tag + " | ".join(u.text for u in f.units)[:400] for tag, f in tagged]


def anchors(outcome: CheckpointOutcome) -> list[str]:
    """What each substantive finding of a topic hangs on: the anchor's kind and first words."""
    if outcome.elements:
        return []
    return [f"{f.anchor.kind}: {f.anchor.text[:70]}" for f in outcome.findings if f.substantive]


def trace(set_name: str) -> Iterator[dict[str, Any]]:
    if set_name not in DEV:
        raise SystemExit(f"{set_name}: not a development set")
    services = build_services()
    model, complete = load_judgment(), load_completeness()
    attribution, topics = load_attribution(), load_topics()
    for label in load_labels(SETS[set_name]):
        d = detected(services, SETS[set_name] / label.file, label.epreuve)
        context = context_of(d.outcomes)
        names = _names_index(tuple((o.checkpoint.id, tuple(o.checkpoint.cues)) for o in d.outcomes))
        scan = d.reading.scan if d.reading is not None else None
        checkpoints = [o.checkpoint for o in d.outcomes]
        background = [c for c in services.referentiel.checkpoints if c.background]
        alone = detect_outcomes(checkpoints, d.layout, None, background)
        plain = {o.checkpoint.id: o for o in alone}
        for o in d.outcomes:
            want = label.checkpoints.get(o.checkpoint.id)
            if want is None:
                continue
            topic = decide_topic(o, d.layout, complete)
            again, topic2 = look_again(o, topic, scan, d.layout, topics, complete, context)
            judged = judge(again, d.reading, model, topic=topic2, attribution=attribution)
            final = fact_sheet(
                only_announced(
                    only_planned(taken_back(judged, d.layout, names), d.layout), d.layout
                ),
                d.layout,
            )
            yield {
                "set": set_name,
                "file": label.file,
                "style": label.style,
                "author": label.author,
                "checkpoint": o.checkpoint.id,
                "topic": not o.elements,
                "label": want.status,
                "note": want.note,
                "mention_only": want.mention_only,
                "rules": o.status,
                "rules_alone": plain[o.checkpoint.id].status,
                "anchors": anchors(final),
                "complete": topic,
                "again": topic2,
                "judged": judged.status,
                "final": final.status,
                "elements": {
                    e.element.id: [want.elements.get(e.element.id), r.status, e.status]
                    for r, e in zip(o.elements, final.elements, strict=True)
                },
                "quotes": quotes(final),
            }


def read(path: Path, wrong: str | None) -> None:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    for kind in ("topic", "elements", "all"):
        pick = [r for r in rows if kind == "all" or r["topic"] == (kind == "topic")]
        m = Counter((r["label"], r["final"]) for r in pick)
        print(f"{kind} ({len(pick)}): rows expected, columns predicted present/partial/absent")
        for s in STATUSES:
            print(f"  {s:8} " + " ".join(f"{m[(s, t)]:5d}" for t in STATUSES))
    if wrong is None:
        return
    want, got = wrong.split(":")
    cases = [r for r in rows if r["label"] == want and r["final"] == got]
    for r in cases:
        stages = " > ".join(str(r[k]) for k in ("rules", "complete", "again", "judged", "final"))
        print(f"\n{r['set']} {r['file']} {r['checkpoint']} ({r['style']}, {r['author']}) {stages}")
        if r["note"]:
            print(f"  note: {r['note']}")
        for e, (lab, rule, fin) in r["elements"].items():
            if lab != fin:
                print(f"  element {e}: label {lab}, rules {rule}, final {fin}")
        print(f"  rules without the passage model: {r.get('rules_alone')}")
        for a in r.get("anchors", []):
            print(f"  anchor {a}")
        for q in r["quotes"]:
            print(f"  quote: {q}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.status_trace")
    parser.add_argument("--set", dest="sets", action="append", choices=DEV)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--read", type=Path)
    parser.add_argument("--wrong", help="label:final, e.g. partial:present")
    args = parser.parse_args(argv)
    if args.read:
        read(args.read, args.wrong)
        return 0
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for name in args.sets or ["styles-dev"]:
        for row in trace(name):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
