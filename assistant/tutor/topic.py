"""What a question is about: the checkpoint (and, if named, the element) it names.

A topic is found through the référentiel's own words: a checkpoint's label and cues, an
element's label and cues. Only distinctive forms count (several words, an acronym, or a word
no other checkpoint uses), so that « analyse » or « plan » alone select nothing; an element's
single-word cues (« légal ») count when its checkpoint is named too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assistant.referentiel.models import Checkpoint, Element, Referentiel
from assistant.textnorm import stems

MAX_TOPICS = 3
MIN_UNIQUE_WORD = 6  # a single-word cue shorter than this is too common to name a checkpoint


@dataclass(frozen=True)
class Topic:
    checkpoint: Checkpoint
    element: Element | None = None

    @property
    def id(self) -> str:
        return f"{self.checkpoint.id}.{self.element.id}" if self.element else self.checkpoint.id

    @property
    def label(self) -> str:
        return self.element.label if self.element else self.checkpoint.label


def find_topics(ref: Referentiel, question: str) -> list[Topic]:
    """The best-named topics of the question, most specific first (an empty list if none)."""
    words = tuple(stems(question))
    unique = _unique_words(ref)
    scored: list[tuple[float, Topic]] = []
    for checkpoint in ref.checkpoints:
        named = _score(distinctive_cues(checkpoint, unique), words)
        if named:
            scored.append((named, Topic(checkpoint)))
        for element in checkpoint.elements:
            forms = [element.label, *element.cues]
            cues = [tuple(stems(f)) for f in forms if named or len(f.split()) > 1]
            score = _score([c for c in cues if c], words)
            if score and score >= named:  # the element is named at least as precisely
                bonus = 0.5 if named else 0.0  # ... as its own checkpoint: the element wins
                scored.append((score + bonus, Topic(checkpoint, element)))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    topics = [t for score, t in scored if score == best]
    if any(t.element is None for t in topics):  # a tie: a checkpoint's own cue wins
        topics = [t for t in topics if t.element is None]
    return topics[:MAX_TOPICS]


def distinctive_cues(
    checkpoint: Checkpoint, unique: frozenset[str] = frozenset()
) -> list[tuple[str, ...]]:
    """Stems of the label and of cues that name the checkpoint alone: acronyms, several
    words, or (given ``unique``) a long word no other checkpoint uses."""
    cues = []
    for form in (checkpoint.label, *checkpoint.cues):
        stemmed = tuple(stems(form))
        several = len(form.split()) > 1
        acronym = form.isupper() and len(form) > 1
        if stemmed and (several or acronym or (len(stemmed) == 1 and stemmed[0] in unique)):
            cues.append(stemmed)
    return cues


def within(needle: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(words[i : i + n] == needle for i in range(len(words) - n + 1))


def _score(cues: list[tuple[str, ...]], words: tuple[str, ...]) -> float:
    """Words of the longest cue found in the question (0 when none is)."""
    return float(max((len(c) for c in cues if within(c, words)), default=0))


def _unique_words(ref: Referentiel) -> frozenset[str]:
    """Single-word cues (stemmed) that only one checkpoint uses, long enough to be specific."""
    counts: Counter[str] = Counter()
    for checkpoint in ref.checkpoints:
        words = {
            stemmed[0]
            for form in checkpoint.cues
            if len(form.split()) == 1 and len(form) >= MIN_UNIQUE_WORD
            for stemmed in [stems(form)]
            if len(stemmed) == 1
        }
        counts.update(words)
        counts.update({s for e in checkpoint.elements for c in e.cues for s in stems(c)})
    return frozenset(word for word, n in counts.items() if n == 1)
