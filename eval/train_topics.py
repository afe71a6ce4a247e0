"""Train the topics' second look (assistant/detect/topics.py).

    python -m eval.train_topics [--passages FILE ...] [--train DIR ...] [--dev DIR ...] [--no-write]

The same two stages as ``eval.train_attribution`` (whose code this reuses), per checkpoint
without elements (a topic) instead of per element:

1. Per topic, a ridge regression over the passage embedding: positives are the labelled
   passages present for it and, in each training dossier where it is labelled present or
   partial, the passage that scores best (by the passage model, then by the ridge); negatives
   are the labelled passages absent or partial for it, the passages of the other topics of its
   épreuves that its labels leave out, and every passage of a training dossier where it is
   labelled absent.
2. A logistic regression (classes balanced) over ``topics.FEATURES`` of the topics the engine
   leaves absent and whose best passage may be quoted, each author group scored by ridges
   trained without it; its target is whether the topic is labelled present or partial.

A flip makes the topic's status the one ``completeness`` decides on the passage's region (as
at run time), so a flip can be right on treatment and wrong on the status; the threshold is
chosen on the checkpoint statuses (every checkpoint, the engine's own for the others) by
leaving one group out, no group losing with the left-out or the shipped model (1: none, the
weights are written and nothing changes). The ``--dev`` dossiers train the logistic
regression, never the shipped ridges. Held-out folders and files are refused.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.detect.attribution import load_attribution
from assistant.detect.completeness import decide_topic, load_completeness
from assistant.detect.judgment import judge, load_judgment
from assistant.detect.scope import Layout
from assistant.detect.topics import FEATURES, MODEL, Context, context_of, revisit, topic_search
from assistant.services import Services, build_services
from eval import train_attribution as ta
from eval.engine_steps import detected
from eval.labels import group_of, training_labels

log = logging.getLogger("eval.train_topics")
EVAL = Path(__file__).parent
POSITIVE = ("present", "partial")  # a dossier that treats the topic, even thinly
PASSAGE_POSITIVE = ("present",)  # with partial passages too, mean gain +0.0055 -> +0.0018
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)


@dataclass
class Dossier(ta.Dossier):
    layout: Layout | None = None
    engine: dict[str, str] = field(default_factory=dict)  # checkpoint -> the engine's status
    decided: dict[str, str] = field(default_factory=dict)  # topic -> completeness's status
    context: Context | None = None


@dataclass
class Row(ta.Row):
    status: str = "absent"  # what the topic becomes when flipped

    def flip(self) -> tuple[int, str]:
        return (self.dossier, f"{self.key}|{self.status}")


def dossiers_of(
    services: Services, folder: Path, authors: Collection[str] | None = None
) -> list[Dossier]:
    """The labelled dossiers of ``folder`` with the engine's statuses, as ``detect`` gives
    them before this second look."""
    model, complete, attribution = load_judgment(), load_completeness(), load_attribution()
    out = []
    for label in training_labels(folder, authors):
        found = detected(services, folder / label.file, label.epreuve)
        if found.scan is None:
            continue
        statuses = {c: lab.status for c, lab in label.checkpoints.items()}
        group = group_of(label, folder)
        d = Dossier(group, found.scan, found.outcomes, {}, statuses)
        d.layout, d.context = found.layout, context_of(found.outcomes)
        for o in found.outcomes:
            topic = decide_topic(o, found.layout, complete)
            judged = judge(o, found.reading, model, topic=topic, attribution=attribution)
            d.engine[o.checkpoint.id] = judged.status
            if not o.elements:
                d.decided[o.checkpoint.id] = topic or judged.status
                treated = statuses[o.checkpoint.id] in POSITIVE
                d.labels[o.checkpoint.id] = "present" if treated else "absent"
        out.append(d)
    return out


def topic_siblings(services: Services) -> dict[str, list[str]]:
    """Each topic's siblings: the other topics of the épreuves it belongs to."""
    topics = [c for c in services.referentiel.checkpoints if not c.elements]
    return {
        t.id: sorted(o.id for o in topics if o.id != t.id and set(o.epreuves) & set(t.epreuves))
        for t in topics
    }


def topic_passages(
    passages: Sequence[tuple[np.ndarray, str, dict[str, str]]], topics: dict[str, list[str]]
) -> list[tuple[np.ndarray, str, dict[str, str]]]:
    """The labelled passages with their topic targets only, partial as absent."""
    out = []
    for v, author, targets in passages:
        kept = {k: "present" if s in PASSAGE_POSITIVE else "absent" for k, s in targets.items()}
        kept = {k: s for k, s in kept.items() if k in topics}
        if kept:
            out.append((v, author, kept))
    return out


def rows_of(dossiers: Sequence[Dossier], index: Sequence[int], model: ta.Attribution) -> list[Row]:
    """One row per topic the engine leaves absent whose best passage may be quoted."""
    complete = load_completeness()
    out = []
    for i in index:
        d = dossiers[i]
        for o in d.outcomes:
            cp = o.checkpoint.id
            if o.elements or d.decided.get(cp) != "absent" or d.layout is None:
                continue
            if d.context is None or complete is None:
                continue
            found = topic_search(o, d.scan, model, d.context)
            seen = revisit(o, d.scan, d.layout, model, complete, d.context)
            if found is None or seen is None:
                continue
            row = Row(i, cp, found[0], int(d.checkpoints[cp] != "absent"), status=seen[2])
            out.append(row)
    return out


def figures(
    dossiers: Sequence[ta.Dossier], flips: set[tuple[int, str]], index: Sequence[int]
) -> tuple[float, float]:
    """Accuracy and balanced accuracy of every checkpoint of ``index``, the engine's status
    but for the flipped topics, which take the status their row found."""
    flipped = {(i, key.split("|")[0]): key.split("|")[1] for i, key in flips}
    pairs = []
    for i in index:
        d = dossiers[i]
        assert isinstance(d, Dossier)
        for cp, got in d.engine.items():
            pairs.append((d.checkpoints[cp], flipped.get((i, cp), got)))
    return ta.balanced(pairs)


def main(argv: Sequence[str] | None = None) -> int:
    args = ta.parse_args(
        argv, prog="python -m eval.train_topics", out=MODEL, not_used=ta.TOPICS_NOT_USED
    )
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    services = build_services()
    embedder = services.review.embedder.name
    siblings = topic_siblings(services)
    passages = topic_passages(ta.labelled_passages(args.passages, services), siblings)
    train = [d for f in args.train for d in dossiers_of(services, f, args.authors)]
    dev = [d for f in args.dev for d in dossiers_of(services, f, args.authors)]
    return ta.stack(
        args, passages, train, dev, siblings, embedder, rows_of, FEATURES, figures, THRESHOLDS
    )


if __name__ == "__main__":
    sys.exit(main())
