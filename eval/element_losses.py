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

With ``--where``, each class of a lost element also says where the attribution's best passage
for it lies (``where``): in a section titled by the element's own checkpoint, by the
company's presentation (a background checkpoint), by another checkpoint, or under no heading
that names one; and whether a sibling element scores higher on that passage. This sorts the
losses by attribution ranking (the wrong passage chosen) against confidence (the right
section, too low a probability).

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
from assistant.detect.checkpoint import checkpoint_cues
from assistant.detect.cues import CueIndex
from assistant.detect.judgment import judge, load_judgment
from assistant.detect.meaning import CHECKPOINT, MeaningScan
from assistant.detect.scope import Layout
from assistant.referentiel.models import Checkpoint
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


def section_owners(
    layout: Layout, checkpoints: Sequence[Checkpoint], scan: MeaningScan
) -> list[frozenset[str]]:
    """For each passage of ``scan``, the checkpoints named by the nearest heading over it that
    names any: by the checkpoint's own cues, and for a background checkpoint (the company's
    presentation) by its heading words too (« 1. L'entreprise »). The dossier's own title
    names no section; a heading that names an element only (« 2.1 Les clients ») is passed
    over for the heading above it."""
    indexes = {
        cp.id: CueIndex(
            [
                c
                for c in checkpoint_cues(cp)
                if c.target == CHECKPOINT and (cp.background or not c.titles_only)
            ]
        )
        for cp in checkpoints
    }
    named: dict[str, frozenset[str]] = {}
    for u in layout.units:
        if u.kind != "heading" or u.text.strip() in named:
            continue
        title = layout.titles_dossier(u)
        named[u.text.strip()] = frozenset(
            cp for cp, index in indexes.items() if not title and index.find(u)
        )
    out = []
    for p in scan.passages:
        owners: frozenset[str] = frozenset()
        for text in reversed(p.units[0].section if p.units else ()):
            owners = named.get(text.strip(), frozenset())
            if owners:
                break
        out.append(owners)
    return out


def where(owners: frozenset[str], checkpoint: str, background: frozenset[str]) -> str:
    """Where a passage lies, for an element of ``checkpoint`` (see ``section_owners``)."""
    if checkpoint in owners:
        return "own section"
    if owners & background:
        return "presentation section"
    return "another checkpoint's section" if owners else "untitled"


def classify(
    set_name: str, verbose: bool, locate: bool = False
) -> tuple[Counter[str], Counter[str], int, int]:
    services = build_services()
    model = load_judgment()
    attribution = load_attribution()
    lost: Counter[str] = Counter()
    false: Counter[str] = Counter()
    present = found = 0
    for label in load_labels(SETS[set_name]):
        d = detected(services, SETS[set_name] / label.file, label.epreuve)
        owners = None
        if locate and d.scan is not None:
            cps = services.referentiel.checkpoints_for(label.epreuve)
            background = frozenset(c.id for c in services.referentiel.checkpoints if c.background)
            owners = (section_owners(d.layout, cps, d.scan), background)
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
                    why = cause(o, rule, m, d, attribution, owners)
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


def cause(o, rule, mid, d, attribution, owners=None) -> str:  # type: ignore[no-untyped-def]
    """The class of an element labelled present that ends absent (see the module's doc);
    with ``owners`` (``section_owners`` and the background checkpoints), where the
    attribution's best passage lies."""
    if rule.status == "present" and mid.status != "present":
        return "decision"
    stage = "rules refused" if rule.findings else ("named only" if rule.mentioned else "no rule")
    if attribution is None or d.scan is None:
        return f"{stage}, unscored"
    found = element_features(o, mid, o.elements, d.scan, attribution)
    if found is None:
        return f"{stage}, unscored"
    out = f"{stage}, {bin_of(attribution.probability(found[0]))}"
    if owners is None:
        return out
    sections, background = owners
    lead = "a sibling leads" if found[0][1] < 0 else "leads its siblings"
    place = where(sections[found[1]], o.checkpoint.id, background)
    return f"{out}, best passage in {place}, {lead}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.element_losses")
    parser.add_argument("--set", dest="sets", action="append", choices=DEV)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--where", action="store_true", help="Where the attribution's best passage lies."
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for name in args.sets or ["styles-dev"]:
        lost, false, present, found = classify(name, args.verbose, args.where)
        print(f"{name}: {found}/{present} elements labelled present found")
        for why, n in sorted(lost.items(), key=lambda kv: -kv[1]):
            print(f"  lost, {why}: {n}")
        for stage, n in sorted(false.items()):
            print(f"  labelled absent, {stage}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
