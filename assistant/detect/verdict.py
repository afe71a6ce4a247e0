"""The learned judgment of a passage read alone, for one target: present, partial or absent.

The cue rules (``support``) say whether a passage names a target and holds substance after
its name; they cannot tell a textbook paragraph full of content words from an analysis of the
case, nor an Internet paragraph filed under the socio-cultural factor from one about
society. This module weighs, with a multinomial logistic regression over one small layer of
tanh units, trained by ``python -m eval.train`` on labelled passages:

- what the passage is, whatever the target (``TEXT_FEATURES``): figures, dates, the company's
  voice (« notre », « nous »), proper names, analysis links, and the marks of what asserts
  nothing about a case (definitional syntax, advice to anyone, plans for later, denials,
  lists of tool names, table-of-contents lines), plus a learned direction of the passage's
  embedding that separates case analyses from definitions, advice and listings;
- how it relates to the target (``PAIR_FEATURES``): the similarity of its meaning to the
  target's description and to the passages labelled as treating it, measured against the
  checkpoint's other elements (the element a passage is about is the closest of its
  siblings, not any above a threshold), the cue words found, and the rules' own verdict.

Inference is numpy only and deterministic; the weights (``model/verdict.json``, ``model/
verdict.npz``) hold for the ``use`` embedder. Without them, or without that embedder, the
rules alone decide.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.assessment import Status
from assistant.detect.claims import case_anchored, void_reason
from assistant.detect.cues import CueIndex
from assistant.detect.lexicon import ANALYSIS_MARKERS, LINKS, NOT_DONE, STOPWORDS
from assistant.detect.units import Unit
from assistant.textnorm import fold_apostrophes

MODEL = Path(__file__).with_name("model") / "verdict.json"
VECTORS = MODEL.with_name("verdict.npz")
STATUSES: tuple[Status, ...] = ("present", "partial", "absent")
REFUSALS = ("thin", "denied", "passing", "unnamed", "flagged")

Matrix = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Matrix]

TEXT_FEATURES = (
    "bias",
    "words",
    "figures",
    "percent_money",
    "years",
    "first_person",
    "first_singular",
    "names",
    "anchored_share",
    "links",
    "markers",
    "definition",
    "advice",
    "future",
    "negation",
    "not_done",
    "void_share",
    "toc_lines",
    "bullets",
    "commas",
    "second_person",
    "analysis_direction",
)
PAIR_FEATURES = (
    "is_checkpoint",
    "has_elements",
    "cos",
    "sibling_margin",
    "sibling_best",
    "prototype",
    "prototype_known",
    "prototype_margin",
    "cue_hits",
    "sibling_cue_hits",
    "checkpoint_named",
    "rule_named",
    "rule_present",
    "rule_partial",
    "rule_score",
    "rule_thin",
    "rule_denied",
    "rule_passing",
    "rule_unnamed",
    "elements_present",
    "elements_partial",
    "sibling_present",
    "cos_x_anchored",
    "rule_present_x_direction",
)
FEATURES = TEXT_FEATURES + PAIR_FEATURES

_DEFINITIONAL = re.compile(
    r"\b(?:est|sont) (?:un|une|des|l'ensemble|le|la|les) (?:outil|methode|modele|matrice|analyse"
    r"|technique|demarche|document|indicateur|notion|concept|cadre|processus|strategie|etape"
    r"|element|facteur|ensemble)s?\b|\bpermet(?:tent)? (?:de |d')|\bconsist(?:e|ent) (?:a|en)\b"
    r"|\bse defini(?:t|ssent)\b|\bdesigne(?:nt)?\b|\bon (?:appelle|parle|distingue)\b"
    r"|\bc'est-a-dire\b|\bsignifie\b|\bcorrespond(?:ent)? a\b|\bregroupe(?:nt)?\b|\bsert a\b"
)
_ADVICE = re.compile(
    r"\bil (?:est|convient|faut|suffit) |\bdoi(?:t|vent) (?:etre|permettre|comporter|contenir"
    r"|presenter|identifier|analyser|prendre|tenir|fixer|definir)|\b(?:une|toute|chaque|les)"
    r" (?:entreprise|organisation|marque|structure|societe|pme)s?\b|\ben general\b"
    r"|\bgeneralement\b|\bpensez\b|\bn'oubliez\b|\bveillez\b|\bvous\b|\bvotre\b|\bvos\b"
    r"|\bon peut\b|\bpeuvent\b|\bexemple\b|\bpar exemple\b"
)
_FUTURE = re.compile(
    r"\b(?:allons|allez|va|vont) [a-z]+(?:er|ir|re)\b|\b\w+(?:erons|irons|rons|era|eront"
    r"|ira|iront)\b|\bprevo(?:yons|it|ient)\b|\benvisag\w*|\bsouhait\w*|\bprochain\w*"
    r"|\bpourr(?:a|ait|ions|aient|ons)\b|\bdevr(?:a|ait|ions|aient|ons)\b|\bobjectif\b"
)
_NEGATION = re.compile(r"\b(?:pas|aucun|aucune|jamais|rien|ni|sans|non)\b")
_SECOND = re.compile(r"\b(?:vous|votre|vos|tu|ton|ta|tes)\b")
_PERCENT_MONEY = re.compile(r"%|€|\beur(?:os?)?\b|\bk€|\bm€|\$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TOC = re.compile(r"(?:\.{3,}|…+|_{3,}|\s{2,}|\t)\s*\d{1,3}\s*$|\bp\.\s?\d{1,3}\s*$")
_BULLET = re.compile(r"^\s*(?:[-–—•*▪]|\d{1,2}[.)])\s")
_FIRST = frozenset({"notre", "nos", "nous", "je", "mon", "ma", "mes", "j"})
_SINGULAR = re.compile(r"\b(?:je|j'|m'|moi|mon|ma|mes|me)\b|\bj'")


@dataclass(frozen=True)
class Rules:
    """What the cue rules made of the passage for the target (and its checkpoint)."""

    status: Status
    refusal: str | None
    score: float
    elements: Mapping[str, Status]  # each element of the checkpoint, by the rules
    named: bool = True  # the passage itself names the target (not only a title supplied)


@dataclass(frozen=True)
class Target:
    """The target judged, with its siblings (the checkpoint's other elements)."""

    key: str  # "checkpoint" id or "checkpoint.element"
    element: str | None
    elements: tuple[str, ...]  # the checkpoint's element ids
    vector: Matrix  # the target's description
    siblings: Matrix  # (n, dim) its siblings' descriptions (other checkpoints for one without)
    cues: CueIndex
    sibling_cues: CueIndex
    named: CueIndex


@dataclass(frozen=True)
class VerdictModel:
    """A multinomial logistic regression over the standardised features or, with ``hidden``,
    over one small layer of tanh units computed from them (``weights`` then has a bias row
    followed by one row per unit)."""

    weights: Matrix  # (features, 3), or (1 + units, 3) with ``hidden``
    mean: Matrix  # standardisation
    std: Matrix
    direction: Matrix  # (dim,) the analysis direction over the passage embedding
    direction_bias: float
    prototypes: Mapping[str, tuple[Matrix, Matrix]]
    embedder: str
    hidden: Matrix | None = None  # (features, units)

    def probabilities(self, features: Matrix) -> Matrix:
        x = (features - self.mean) / self.std
        if self.hidden is not None:
            units = np.tanh(x @ self.hidden)
            x = np.concatenate([np.ones((len(units), 1), dtype=units.dtype), units], axis=1)
        z = x @ self.weights
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        out: Matrix = (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)
        return out

    def decide(self, features: Matrix) -> Status:
        return STATUSES[int(np.argmax(self.probabilities(features[None, :])[0]))]


@lru_cache(maxsize=2)
def load_verdict(path: Path = MODEL) -> VerdictModel | None:
    """The trained judgment, or None (not trained, or for other features)."""
    if not path.is_file() or not path.with_name(VECTORS.name).is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        return None
    with np.load(path.with_name(VECTORS.name), allow_pickle=False) as arrays:
        keys = [str(k) for k in arrays["keys"]]
        pos = arrays["positive"].astype(np.float32)
        neg = arrays["negative"].astype(np.float32)
        direction = arrays["direction"].astype(np.float32)
    return VerdictModel(
        np.asarray(data["weights"], dtype=np.float32),
        np.asarray(data["mean"], dtype=np.float32),
        np.asarray(data["std"], dtype=np.float32),
        direction,
        float(data["direction_bias"]),
        {k: (pos[i], neg[i]) for i, k in enumerate(keys)},
        str(data["embedder"]),
        np.asarray(data["hidden"], dtype=np.float32) if data.get("hidden") else None,
    )


def text_features(text: str, units: Sequence[Unit], direction: float) -> list[float]:
    """Features of the passage whatever the target (``TEXT_FEATURES``)."""
    tokens = [t for u in units for t in u.tokens]
    n = max(1, len(tokens))
    folded = fold_apostrophes(text)
    lines = [ln for ln in text.splitlines() if ln.strip()] or [text]
    figures = sum(any(ch.isdigit() for ch in t.text) for t in tokens)
    first = sum(t.folded in _FIRST for t in tokens)
    names = sum(
        1
        for u in units
        for i, t in enumerate(u.tokens)
        if i > 0 and t.text[:1].isupper() and t.folded not in STOPWORDS and not t.text.isupper()
    )
    links = sum(t.folded in LINKS for t in tokens) + text.count("→") + folded.count("ce qui ")
    markers = sum(t.folded in ANALYSIS_MARKERS for t in tokens)
    void = sum(void_reason(u) is not None for u in units)
    anchored = sum(case_anchored(u) for u in units)
    return [
        1.0,
        math.log1p(len(tokens)),
        math.log1p(figures),
        math.log1p(len(_PERCENT_MONEY.findall(text))),
        math.log1p(len(_YEAR.findall(text))),
        math.log1p(first),
        math.log1p(len(_SINGULAR.findall(folded))),
        math.log1p(names),
        anchored / max(1, len(units)),
        math.log1p(links),
        math.log1p(markers),
        math.log1p(len(_DEFINITIONAL.findall(folded))),
        math.log1p(len(_ADVICE.findall(folded))),
        math.log1p(len(_FUTURE.findall(folded))),
        math.log1p(len(_NEGATION.findall(folded))),
        float(bool(NOT_DONE.search(folded))),
        void / max(1, len(units)),
        sum(bool(_TOC.search(ln)) for ln in lines) / len(lines),
        sum(bool(_BULLET.match(ln)) for ln in lines) / len(lines),
        text.count(",") / n,
        math.log1p(len(_SECOND.findall(folded))),
        direction,
    ]


def pair_features(
    vector: Matrix,
    units: Sequence[Unit],
    target: Target,
    rules: Rules,
    prototypes: Mapping[str, tuple[Matrix, Matrix]],
    text: Sequence[float],
) -> list[float]:
    """Features of the (passage, target) pair (``PAIR_FEATURES``)."""
    cos = float(vector @ target.vector)
    sib = target.siblings @ vector if len(target.siblings) else np.zeros(1, dtype=np.float32)
    best = float(sib.max()) if len(target.siblings) else 0.0
    proto, known = _prototype(vector, target.key, prototypes)
    element_keys = [f"{target.key.split('.')[0]}.{e}" for e in target.elements]
    sibling_protos = [
        _prototype(vector, k, prototypes)[0]
        for k in element_keys
        if k != target.key and k in prototypes
    ]
    statuses = [rules.elements.get(e, "absent") for e in target.elements]
    siblings = [rules.elements.get(e, "absent") for e in target.elements if e != target.element]
    anchored = text[TEXT_FEATURES.index("anchored_share")]
    direction = text[TEXT_FEATURES.index("analysis_direction")]
    present = float(rules.status == "present")
    return [
        float(target.element is None),
        float(bool(target.elements)),
        cos,
        cos - best,
        float(cos >= best),
        proto,
        known,
        proto - max(sibling_protos, default=0.0),
        math.log1p(_hits(target.cues, units)),
        math.log1p(_hits(target.sibling_cues, units)),
        float(_hits(target.named, units) > 0),
        float(rules.named),
        present,
        float(rules.status == "partial"),
        math.log1p(rules.score),
        *(float(rules.refusal == r) for r in REFUSALS[:4]),
        sum(s == "present" for s in statuses) / max(1, len(statuses)),
        sum(s == "partial" for s in statuses) / max(1, len(statuses)),
        float(any(s == "present" for s in siblings)),
        cos * anchored,
        present * direction,
    ]


def _prototype(
    vector: Matrix, key: str, prototypes: Mapping[str, tuple[Matrix, Matrix]]
) -> tuple[float, float]:
    if key not in prototypes:
        return 0.0, 0.0
    pos, neg = prototypes[key]
    return float(vector @ pos - vector @ neg), 1.0


def _hits(index: CueIndex, units: Sequence[Unit]) -> int:
    return sum(len(index.find(u)) for u in units if u.kind != "heading")
