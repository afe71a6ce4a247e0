"""Completeness of a checkpoint without elements (a topic): present, partial or absent.

A topic is present when it is handled with what the référentiel asks of it (a break-even with
its computed threshold, an accessibility check with an audit or a measured conformity, a
schedule with dated tasks, indicators with target values), partial when it is only named, given
a vague line or announced, absent when nothing of it is said (or only that it was not done).

The cue rules find where a topic is treated (``checkpoint``'s findings); this module reads the
whole region they point at (a finding's units, the body of a section the topic titles) and sums
up what it holds: how much it says of the case, what share of it is taken back, announced or
hypothetical, defined or generic, whether the checkpoint's requirements hold there, and which
kinds of specifics it carries (figures, dates, targets, results, people, causes). Those
features, beside the rules' own status, feed a multinomial logistic regression trained on
dossier labels by ``python -m eval.train_completeness`` (the rules' status unpenalised: the
region's features only move a status where that paid on every author left out). Weights:
``model/completeness.json`` (numbers only); without them, the dossier-level decision stands.
The passage model's reading (``judgment``'s features) was tried beside them and did not pay.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.assessment import Status
from assistant.detect.checkpoint import CheckpointOutcome
from assistant.detect.claims import case_anchored, void_reason
from assistant.detect.judgment import TOPIC_CLASSES, Matrix
from assistant.detect.requirements import meets
from assistant.detect.scope import Layout
from assistant.detect.substance import unit_substance
from assistant.detect.units import Unit
from assistant.referentiel.models import Requirement

MODEL = Path(__file__).with_name("model") / "completeness.json"
REGION_SPAN = 40  # units of a section read at most: a long chapter says enough in 40
SPECIFICS: tuple[Requirement, ...] = (
    "figures", "schedule", "targets", "result", "people", "explanation", "audit",
)  # fmt: skip
VOIDS = ("negated", "announce", "hypothetical", "definition", "generic")

REGION_FEATURES = (
    "region_units",
    "region_content",
    "region_figures",
    "region_section",
    "region_case_share",
    "region_quotable_share",
    *(f"void_{name}" for name in VOIDS),
    "requires_known",
    "requires_share",
    "requires_all",
    *(f"has_{name}" for name in SPECIFICS),
)
FEATURES = ("bias", "rule_present", "rule_partial", *REGION_FEATURES)


@dataclass(frozen=True)
class CompletenessModel:
    mean: Matrix
    std: Matrix
    weights: Matrix  # (features, 3): present, partial, absent

    def probabilities(self, features: Matrix) -> Matrix:
        z = ((features - self.mean) / self.std) @ self.weights
        z = z - z.max()
        e = np.exp(z)
        out: Matrix = (e / e.sum()).astype(np.float32)
        return out

    def decide(self, features: Matrix) -> Status:
        return TOPIC_CLASSES[int(np.argmax(self.probabilities(features)))]


@lru_cache(maxsize=2)
def load_completeness(path: Path = MODEL) -> CompletenessModel | None:
    """The trained decision, or None (not trained, or for other features)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        return None
    return CompletenessModel(
        np.asarray(data["mean"], dtype=np.float32),
        np.asarray(data["std"], dtype=np.float32),
        np.asarray(data["weights"], dtype=np.float32),
    )


def topic_features(outcome: CheckpointOutcome, layout: Layout) -> Matrix:
    """``FEATURES`` of a checkpoint without elements: the rules' status and its region's."""
    rule = [1.0, float(outcome.status == "present"), float(outcome.status == "partial")]
    row = rule + _region_features(_region(outcome, layout), outcome)
    return np.asarray(row, dtype=np.float32)


def _region(outcome: CheckpointOutcome, layout: Layout) -> list[Unit]:
    """The units where the rules found the topic: the body of a section it titles, else the
    finding's own units; in reading order, each once."""
    seen: dict[int, Unit] = {}
    for finding in outcome.findings:
        units = finding.units
        if finding.anchor.kind == "heading":
            units = [finding.anchor, *layout.heading_body(finding.anchor)[:REGION_SPAN]]
        for unit in units:
            seen.setdefault(unit.index, unit)
    return [seen[i] for i in sorted(seen)]


def _region_features(region: Sequence[Unit], outcome: CheckpointOutcome) -> list[float]:
    body = [u for u in region if u.kind != "heading"]
    reasons = [void_reason(u) for u in body]
    kept = [u for u, r in zip(body, reasons, strict=True) if r is None]
    content = sum(unit_substance(u, frozenset()).content for u in kept)
    figures = sum(unit_substance(u, frozenset()).figures for u in kept)
    section = any(f.anchor.kind == "heading" for f in outcome.findings)
    share = 1.0 / max(1, len(body))
    requires = outcome.checkpoint.requires
    held = [meets([r], kept) for r in requires]
    return [
        math.log1p(len(body)),
        math.log1p(content),
        math.log1p(figures),
        float(section),
        sum(case_anchored(u) for u in kept) * share,
        len(kept) * share,
        *(sum(r == name for r in reasons) * share for name in VOIDS),
        float(bool(requires)),
        sum(held) / len(held) if held else 1.0,
        float(all(held)) if kept else 0.0,
        *(float(bool(kept) and meets([name], kept)) for name in SPECIFICS),
    ]


def decide_topic(
    outcome: CheckpointOutcome, layout: Layout | None, model: CompletenessModel | None
) -> Status | None:
    """The learned status of a topic, or None (no model, no layout, or not a topic)."""
    if model is None or layout is None or outcome.elements:
        return None
    return model.decide(topic_features(outcome, layout))
