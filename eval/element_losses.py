"""Where the elements labelled present are lost, stage by stage (development sets only).

    python -m eval.element_losses --set styles-dev [--set styles-figures ...] [-v]

Each dossier is read as the engine reads it (``eval.engine_steps.detected``: the cue rules'
outcomes and the meaning scan), then judged as ``detect_checkpoints`` judges it (the
dossier decision, then the attribution's second look). Every element labelled present that
ends absent is put in one class, by the first stage that could have found it:

- ``rules refused``: the rules hold a finding for it, judged not substantive (or refused by
  the référentiel's requirements), and nothing later rescued it;
- ``named only``: no finding, but the element's own names occur (a mention);
- ``decision``: the rules found it present and the dossier decision made it absent;
- ``attribution <p``: nothing of the rules; the attribution's probability, in bins;
- ``unscored``: nothing of the rules and the attribution cannot read it (no ridge, no scan).

Also counted: the wrong element credited (a sibling present by attribution or rules whose
quote is the missed element's best passage), and the false « present » by the stage that made
it. Held-out sets are refused, like ``-v`` everywhere.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Sequence

from assistant.detect.attribution import element_features, load_attribution
from assistant.detect.judgment import judge, load_judgment
from assistant.services import build_services
from eval.engine_steps import detected
from eval.labels import load_labels
from eval.run import SETS

log = logging.getLogger("eval.element_losses")
DEV = ("styles-dev", "styles-dev2", "styles-dev3", "styles-figures", "styles-train", "devset")
BINS = (0.2, 0.5, 0.8, 0.9, 0.95, 1.01)


def bin_of(p: float) -> str:
    for b in BINS:
        if p < b:
            return f"attribution <{b:g}"
    return "attribution high"


def classify(set_name: str, verbose: bool) -> tuple[Counter[str], Counter[str], int, int]:
    services = build_services()
    model = load_judgment()
    attribution = load_attribution()
    lost: Counter[str] = Counter()
    false: Counter[str] = Counter()
    present = found = 0
    for label in load_labels(SETS[set_name]):
        d = detected(services, SETS[set_name] / label.file, label.epreuve)
        for o in d.outcomes:
            if not o.elements:
                continue
            mid = judge(o, d.reading, model)
            end = judge(o, d.reading, model, attribution=attribution)
            for rule, m, e in zip(o.elements, mid.elements, end.elements, strict=True):
                want = label.checkpoints[o.checkpoint.id].elements[e.element.id]
                key = f"{o.checkpoint.id}.{e.element.id}"
                if want == "present":
                    present += 1
                    if e.status == "present":
                        found += 1
                        continue
                    why = cause(o, rule, m, d, attribution)
                    lost[why] += 1
                    if verbose:
                        print(f"{set_name}\t{label.file}\t{key}\t{why}\t{label.style}")
                elif e.status != "present":
                    false[f"(right absent, {cause(o, rule, m, d, attribution)})"] += 1
                elif e.status == "present":
                    stage = (
                        "rules"
                        if rule.status == "present"
                        else ("decision" if m.status == "present" else "attribution")
                    )
                    false[f"present by {stage}"] += 1
                    if verbose:
                        print(f"{set_name}\t{label.file}\t{key}\tFALSE by {stage}\t{label.style}")
    return lost, false, present, found


def cause(o, rule, mid, d, attribution) -> str:  # type: ignore[no-untyped-def]
    """The class of an element labelled present that ends absent (see the module's doc)."""
    if rule.status == "present" and mid.status != "present":
        return "decision"
    stage = "rules refused" if rule.findings else ("named only" if rule.mentioned else "no rule")
    if attribution is None or d.scan is None:
        return f"{stage}, unscored"
    found = element_features(o, mid, o.elements, d.scan, attribution)
    if found is None:
        return f"{stage}, unscored"
    return f"{stage}, {bin_of(attribution.probability(found[0]))}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.element_losses")
    parser.add_argument("--set", dest="sets", action="append", choices=DEV)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for name in args.sets or ["styles-dev"]:
        lost, false, present, found = classify(name, args.verbose)
        print(f"{name}: {found}/{present} elements labelled present found")
        for why, n in sorted(lost.items(), key=lambda kv: -kv[1]):
            print(f"  lost, {why}: {n}")
        for stage, n in sorted(false.items()):
            print(f"  labelled absent, {stage}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
