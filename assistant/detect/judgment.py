"""The dossier-level decision: each element's and each topic's status, learned on dossiers.

The cue rules (``checkpoint``) say whether a target is named and followed by substance; the
passage model (``meaning``) says which passages are about it. Neither alone is the juror's
verdict: the rules credit a definition full of content words and miss an analysis written
without the usual names, the passage model does not know whether its best passage is thin.
``target_features`` sums up, for one target of one dossier, what both found (the rules'
status, how many findings and how substantive, whether the best one is a heading only, its
case anchoring; the passage model's best probability, how many passages it attributes, how
much closer the best one is to this target than to its siblings, whether it reads as a case
analysis), and a multinomial logistic regression trained by ``python -m eval.train_dossier``
on dossier labels turns that into a status: present or absent for an element, present,
partial or absent for a checkpoint without elements (a topic). A checkpoint with elements
still follows the labelling rules from its elements and whether it is named.

The statuses it gives keep their evidence consistent: a target it makes present is quoted
from a unit that may be evidence (never a contents line, a denial, a definition, a hidden or
flagged passage: those are no unit or no quotable one), and a target with no such unit stays
as the rules left it. Weights: ``model/dossier.json`` (numbers only); without them, or
without the passage model's reading, the rules decide alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.assessment import Status
from assistant.detect.attribution import Attribution, attribute
from assistant.detect.checkpoint import (
    CheckpointOutcome,
    ElementOutcome,
    Finding,
    checkpoint_status,
)
from assistant.detect.claims import quotable
from assistant.detect.meaning import FEATURES as MEANING_FEATURES
from assistant.detect.meaning import MeaningScan
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit

MODEL = Path(__file__).with_name("model") / "dossier.json"
ELEMENT_CLASSES: tuple[Status, ...] = ("present", "absent")
TOPIC_CLASSES: tuple[Status, ...] = ("present", "partial", "absent")
CHECKPOINT = "checkpoint"
NEUTRAL_DIRECTION = 0.5  # the analysis direction of a passage the model did not read
_BEST = ("content", "figures", "names_case", "anchors", "void_share", "prototype")
_BEST_AT = tuple(MEANING_FEATURES.index(name) for name in _BEST)

FEATURES = (
    "bias",
    "rule_present",
    "rule_partial",
    "named",
    "checkpoint_named",
    "findings",
    "substantive",
    "best_score",
    "meets",
    "required",
    "passing",
    "heading_only",
    "quotable_share",
    "siblings_present",
    "elements",
    "rule_known",
    "rule_prob",
    "rule_direction",
    "rule_margin",
    "meaning_prob",
    "meaning_logit",
    "meaning_count",
    "meaning_strong",
    "meaning_cos",
    "meaning_margin",
    "meaning_direction",
    *(f"best_{name}" for name in _BEST),
    "labelled",
    "labelled_margin",
    "labelled_direction",
    "labelled_rule",
)

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Reading:
    """The passage model's reading of the dossier, with the analysis direction of each
    passage (``verdict``'s learned direction over its embedding)."""

    scan: MeaningScan
    directions: Matrix  # (passages,)
    labelled: Matrix  # (passages, targets): closeness to the passages labelled for the target
    known: Matrix  # (targets,): 1 where there are such passages


def reading_of(scan: MeaningScan | None) -> Reading | None:
    """The reading, with each passage's analysis direction and closeness to the passages
    labelled for each target (neutral without the verdict model)."""
    if scan is None:
        return None
    from assistant.detect.verdict import load_verdict

    verdict = load_verdict()
    shape = (len(scan.passages), len(scan.targets))
    labelled = np.zeros(shape, dtype=np.float32)
    known = np.zeros(len(scan.targets), dtype=np.float32)
    if verdict is None or verdict.direction.shape[0] != scan.vectors.shape[1]:
        directions = np.full(len(scan.passages), NEUTRAL_DIRECTION, dtype=np.float32)
        return Reading(scan, directions, labelled, known)
    z = scan.vectors @ verdict.direction + verdict.direction_bias
    directions = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
    for j, target in enumerate(scan.targets):
        if target.key in verdict.prototypes:
            pos, neg = verdict.prototypes[target.key]
            labelled[:, j] = scan.vectors @ pos - scan.vectors @ neg
            known[j] = 1.0
    return Reading(scan, directions, labelled, known)


@dataclass(frozen=True)
class DossierModel:
    mean: Matrix  # standardisation of FEATURES
    std: Matrix
    element: Matrix  # (features, 2): present, absent
    topic: Matrix  # (features, 3): present, partial, absent

    def probabilities(self, features: Matrix, topic: bool) -> Matrix:
        z = ((features - self.mean) / self.std) @ (self.topic if topic else self.element)
        z = z - z.max()
        e = np.exp(z)
        out: Matrix = (e / e.sum()).astype(np.float32)
        return out

    def decide(self, features: Matrix, topic: bool) -> Status:
        classes = TOPIC_CLASSES if topic else ELEMENT_CLASSES
        return classes[int(np.argmax(self.probabilities(features, topic)))]


@lru_cache(maxsize=2)
def load_judgment(path: Path = MODEL) -> DossierModel | None:
    """The trained decision, or None (not trained, or for other features)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        return None
    return DossierModel(
        np.asarray(data["mean"], dtype=np.float32),
        np.asarray(data["std"], dtype=np.float32),
        np.asarray(data["element"], dtype=np.float32),
        np.asarray(data["topic"], dtype=np.float32),
    )


def target_features(
    outcome: CheckpointOutcome, element: ElementOutcome | None, reading: Reading | None
) -> Matrix:
    """``FEATURES`` of one target: an element of ``outcome``, or (None) the checkpoint
    itself when it has no elements."""
    findings = element.findings if element is not None else outcome.findings
    status = element.status if element is not None else outcome.status
    named = element.mentioned if element is not None else outcome.mentioned
    siblings = [e for e in outcome.elements if e is not element]
    rule = _rule_features(findings)
    target = element.element.id if element is not None else CHECKPOINT
    meaning = _meaning_features(outcome.checkpoint.id, target, findings, reading)
    row = [
        1.0,
        float(status == "present"),
        float(status == "partial"),
        float(named),
        float(outcome.mentioned),
        *rule,
        sum(e.status == "present" for e in siblings) / max(1, len(siblings)),
        math.log1p(len(outcome.elements)),
        *meaning,
    ]
    return np.asarray(row, dtype=np.float32)


def _rule_features(findings: Sequence[Finding]) -> list[float]:
    """findings, substantive, best_score, meets, required, passing, heading_only,
    quotable_share."""
    units = [u for f in findings for u in f.units]
    best = max(findings, key=lambda f: f.substance.score, default=None)
    heading_only = best is not None and all(u.kind == "heading" for u in best.units)
    return [
        math.log1p(len(findings)),
        math.log1p(sum(f.substantive for f in findings)),
        math.log1p(best.substance.score) if best is not None else 0.0,
        float(any(f.meets for f in findings)),
        float(any(f.required for f in findings)),
        float(any(f.passing for f in findings)),
        float(heading_only),
        sum(quotable(u) and u.kind != "heading" for u in units) / max(1, len(units)),
    ]


def _meaning_features(
    checkpoint: str, target: str, findings: Sequence[Finding], reading: Reading | None
) -> list[float]:
    """rule_known ... best_*: the passage model on the rules' best finding and on its own
    best passage for the target."""
    empty = [0.0, 0.0, NEUTRAL_DIRECTION, 0.0, 0.0, -4.0, 0.0, 0.0, 0.0, 0.0, NEUTRAL_DIRECTION]
    empty += [0.0] * len(_BEST) + [0.0, 0.0, NEUTRAL_DIRECTION, 0.0]
    if reading is None:
        return empty
    scan = reading.scan
    j = scan.column(checkpoint, target)
    if j is None:
        return empty
    siblings = [k for k, t in enumerate(scan.targets) if t.checkpoint == checkpoint and k != j]
    if not siblings:
        siblings = [k for k in range(len(scan.targets)) if k != j]

    def margin(i: int) -> float:
        other = float(scan.sims[i, siblings].max()) if siblings else 0.0
        return float(scan.sims[i, j]) - other

    rule_row = _rule_row(scan, findings)
    probs = scan.probs[:, j]
    best = int(np.argmax(probs))
    top = int(np.argmax(scan.sims[:, j]))
    p = float(probs[best])
    clipped = min(max(p, 1e-4), 1 - 1e-4)
    return [
        float(rule_row is not None),
        float(probs[rule_row]) if rule_row is not None else 0.0,
        float(reading.directions[rule_row]) if rule_row is not None else NEUTRAL_DIRECTION,
        margin(rule_row) if rule_row is not None else 0.0,
        p,
        math.log(clipped / (1 - clipped)),
        math.log1p(int((probs >= 0.5).sum())),
        math.log1p(int((probs >= scan.threshold).sum())),
        float(scan.sims[top, j]),
        margin(best),
        float(reading.directions[best]),
        *(float(scan.features[best, j, k]) for k in _BEST_AT),
        *_labelled(reading, j, siblings, rule_row),
    ]


def _rule_row(scan: MeaningScan, findings: Sequence[Finding]) -> int | None:
    """The passage of the rules' best substantive finding."""
    best = max(
        (f for f in findings if f.substantive), key=lambda f: f.substance.score, default=None
    )
    if best is None:
        return None
    rows = [r for r in (scan.passage_of(u) for u in best.units) if r is not None]
    return rows[0] if rows else None


def _labelled(
    reading: Reading, j: int, siblings: Sequence[int], rule_row: int | None
) -> list[float]:
    """labelled, labelled_margin, labelled_direction, labelled_rule: the passage closest to
    the passages labelled as treating the target (``verdict``'s prototypes), how much closer
    it is to them than to those of the target's siblings, whether it reads as an analysis;
    and the closeness of the rules' best finding."""
    if not reading.known[j]:
        return [0.0, 0.0, NEUTRAL_DIRECTION, 0.0]
    column = reading.labelled[:, j]
    best = int(np.argmax(column))
    others = [k for k in siblings if reading.known[k]]
    other = float(reading.labelled[best, others].max()) if others else 0.0
    rule = float(column[rule_row]) if rule_row is not None else 0.0
    return [float(column[best]), float(column[best]) - other, float(reading.directions[best]), rule]


def judge(
    outcome: CheckpointOutcome,
    reading: Reading | None,
    model: DossierModel | None,
    *,
    topic: Status | None = None,
    attribution: Attribution | None = None,
) -> CheckpointOutcome:
    """``outcome`` with the learned statuses (the rules' own without model or reading);
    ``topic``, for a checkpoint without elements, is the status ``completeness`` decided; with
    ``attribution``, an element left absent may still be found analysed (``attribution``)."""
    if model is None or reading is None:
        return outcome
    if not outcome.elements:
        wanted = topic or model.decide(target_features(outcome, None, reading), topic=True)
        findings = _evidenced(outcome.findings, wanted, outcome.checkpoint.id, CHECKPOINT, reading)
        if findings is None:
            return outcome
        return replace(outcome, status=wanted, findings=findings)
    elements = []
    for element in outcome.elements:
        wanted = model.decide(target_features(outcome, element, reading), topic=False)
        findings = _evidenced(
            element.findings, wanted, outcome.checkpoint.id, element.element.id, reading
        )
        if findings is None:
            elements.append(element)
        else:
            elements.append(replace(element, status=wanted, findings=findings))
    elements = attribute(outcome, elements, reading.scan, attribution)
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, outcome.findings, named)
    return replace(outcome, status=status, elements=elements)


def _evidenced(
    findings: list[Finding], wanted: Status, checkpoint: str, target: str, reading: Reading
) -> list[Finding] | None:
    """The findings that back ``wanted``, or None when none can. A present status needs one
    that may be quoted, from the rules' findings or else the model's likeliest passage; a
    partial one (a topic) is shown where it is named or, unnamed, at that passage; an absent
    one keeps its findings, none of them substantive."""
    if wanted == "absent":
        return [replace(f, verdict=False) for f in findings]
    if wanted == "partial":
        if any(_quotable(f.units) for f in findings):
            return [replace(f, verdict=False) for f in findings]
    elif any(f.substantive and _quotable(f.units) for f in findings):
        return findings
    else:
        candidates = [f for f in findings if _quotable(f.units)]
        if candidates:
            best = max(candidates, key=lambda f: f.substance.score)
            return [replace(best, verdict=True), *(f for f in findings if f is not best)]
    passage = _model_passage(checkpoint, target, reading)
    if not passage:
        return None
    weigher = Weigher(frozenset(), {})
    finding = Finding(passage[0], passage, weigher.passage(passage), verdict=wanted == "present")
    return [finding, *(replace(f, verdict=False) for f in findings)]


def _model_passage(checkpoint: str, target: str, reading: Reading) -> list[Unit]:
    """The quotable units of the passage the model finds likeliest for the target."""
    scan = reading.scan
    j = scan.column(checkpoint, target)
    if j is None:
        return []
    best = int(np.argmax(scan.probs[:, j]))
    if scan.probs[best, j] <= 0:
        return []
    units = list(scan.passages[best].units)
    return units if _quotable(units) else []


def _quotable(units: Sequence[Unit]) -> bool:
    return any(u.kind != "heading" and quotable(u) for u in units)
