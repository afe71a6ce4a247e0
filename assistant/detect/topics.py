"""Where a topic the rules miss is treated, learned per topic: a second look at the checkpoints
without elements that the engine leaves absent.

``completeness`` reads only the regions the cue rules found; a student who presents the
company under « Nos chiffres clés » or lists recommendations without the usual words leaves
the topic absent. As ``attribution`` does for elements, the model holds, for every topic of
the référentiel, a linear direction over the passage embedding (a ridge regression trained by
``python -m eval.train_topics`` on the labelled passages present for the topic, the passages
of the other topics of its épreuves and absent or partial ones as negatives, and on the training
dossiers: the best passage where the topic is labelled present or partial, every passage of a
dossier where it is absent), and a small logistic regression over what it finds (its best
score, that passage's margin over the other topics, how many passages score, the passage
model's best probability, whether the rules named the topic, how much of that passage is
about the case and may be quoted) giving the probability that the topic is really treated.

Above a threshold chosen by leaving one author out, the best passage becomes a finding: its
quotable, case-anchored units (never a contents line, a denial, a definition or a flagged
passage), anchored at its section's heading when it has one so that ``completeness`` reads
the section's body; the topic's status is then that model's decision on the region (present,
partial, or still absent). Weights: ``model/topics.npz`` (numbers only); without them, or for
another embedder, nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.assessment import Status
from assistant.detect.attribution import Attribution, Matrix, best_passage, load_attribution
from assistant.detect.checkpoint import CheckpointOutcome, Finding
from assistant.detect.claims import case_anchored, quotable
from assistant.detect.completeness import CompletenessModel, topic_features
from assistant.detect.meaning import CHECKPOINT, MeaningScan
from assistant.detect.scope import Layout
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit

MODEL = Path(__file__).with_name("model") / "topics.npz"
FEATURES = (
    "score",
    "margin",
    "count",
    "meaning_logit",
    "named",
    "findings",
    "case_share",
    "claimed",
    "covered",
    "bias",
)


@dataclass(frozen=True)
class Context:
    """What the rules found in the rest of the dossier: the units of every checkpoint's
    findings, and the share of checkpoints they found present."""

    claimed: dict[str, frozenset[int]]  # checkpoint -> units of its findings
    covered: float


def context_of(outcomes: Sequence[CheckpointOutcome]) -> Context:
    claimed = {
        o.checkpoint.id: frozenset(
            u.index
            for f in [*o.findings, *(f for e in o.elements for f in e.findings)]
            for u in f.units
        )
        for o in outcomes
    }
    covered = sum(o.status == "present" for o in outcomes) / max(1, len(outcomes))
    return Context(claimed, covered)


def load_topics(path: Path = MODEL) -> Attribution | None:
    """The trained topic directions and decision, or None."""
    return load_attribution(path, FEATURES)


def topic_search(
    outcome: CheckpointOutcome, scan: MeaningScan, model: Attribution, context: Context
) -> tuple[Matrix, int] | None:
    """``FEATURES`` of the topic ``outcome`` in this dossier and the passage that scores best
    for it (None: a topic the model does not know, or nothing to read)."""
    checkpoint = outcome.checkpoint.id
    others = {t.checkpoint for t in scan.targets if t.target == CHECKPOINT} - {checkpoint}
    column = scan.column(checkpoint, CHECKPOINT)
    found = best_passage(model, scan, checkpoint, sorted(others), column)
    if found is None:
        return None
    best, read = found
    body = [u for u in scan.passages[best].units if u.kind != "heading"]
    units = frozenset(u.index for u in body)
    case = [u for u in body if quotable(u) and case_anchored(u)]
    row = [
        *read,
        float(outcome.mentioned),
        float(len(outcome.findings) > 0),
        len(case) / max(1, len(body)),
        float(any(c != checkpoint and units & context.claimed[c] for c in context.claimed)),
        context.covered,
        1.0,
    ]
    return np.asarray(row, dtype=np.float32), best


def found_finding(layout: Layout, units: tuple[Unit, ...]) -> Finding | None:
    """A finding for a passage the model found: its quotable, case-anchored units, anchored
    at its section's heading when it has one (None: nothing there may be quoted)."""
    quoted = [u for u in units if u.kind != "heading" and quotable(u) and case_anchored(u)]
    if not quoted:
        return None
    heading = _heading_of(layout, units[0])
    weigher = Weigher(frozenset(), {})
    return Finding(heading or quoted[0], quoted, weigher.passage(quoted), topic=True)


def _heading_of(layout: Layout, unit: Unit) -> Unit | None:
    """``unit`` itself when a heading, else the nearest heading before it, if any."""
    if unit.kind == "heading":
        return unit
    before = [u for u in layout.units if u.index < unit.index and u.kind == "heading"]
    return before[-1] if before else None


def revisit(
    outcome: CheckpointOutcome,
    scan: MeaningScan,
    layout: Layout,
    model: Attribution,
    completeness: CompletenessModel,
    context: Context,
    floor: float = 0.0,
) -> tuple[float, CheckpointOutcome, Status] | None:
    """The model's probability that the topic is treated, the outcome with its best passage
    as a finding and the status ``completeness`` gives that region (None: nothing to look
    at or to quote, or a probability below ``floor``)."""
    found = topic_search(outcome, scan, model, context)
    if found is None:
        return None
    probability = model.probability(found[0])
    if probability < floor:
        return None
    finding = found_finding(layout, scan.passages[found[1]].units)
    if finding is None:
        return None
    old = [replace(f, verdict=False) for f in outcome.findings]
    rules: Status = "present" if finding.substantive else "partial"  # had the rules found it
    revised = replace(outcome, status=rules, findings=[finding, *old])
    status = completeness.decide(topic_features(revised, layout))
    finding = replace(finding, verdict=status == "present")
    return probability, replace(revised, findings=[finding, *old]), status


def look_again(
    outcome: CheckpointOutcome,
    topic: Status | None,
    scan: MeaningScan | None,
    layout: Layout | None,
    model: Attribution | None,
    completeness: CompletenessModel | None,
    context: Context,
) -> tuple[CheckpointOutcome, Status | None]:
    """``outcome`` and its decided status ``topic``, revised when the topic is left absent
    and the model is confident that a passage treats it."""
    if topic != "absent" or outcome.elements:
        return outcome, topic
    if scan is None or layout is None or model is None or completeness is None:
        return outcome, topic
    if model.dimension != scan.vectors.shape[1]:
        return outcome, topic
    seen = revisit(outcome, scan, layout, model, completeness, context, model.threshold)
    if seen is None:
        return outcome, topic
    return seen[1], seen[2]
