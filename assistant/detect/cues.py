"""Cue matching: the référentiel's French cues found in units, on stems, stopwords skipped.

"pouvoir de négociation des clients" matches "pouvoir de négociation client"; "écologique"
matches "écologiques". An element cue is *strong* (it counts anywhere) only when it repeats at
least two significant words of the element's label ("facteurs politiques" for "Facteur
politique"); every other cue ("prix", "points de vente") is *weak*: it needs the checkpoint's
context.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.detect.lexicon import STOPWORDS
from assistant.detect.units import Token, Unit, tokenize


@dataclass(frozen=True)
class Cue:
    target: str  # "checkpoint" or an element id
    text: str
    stems: tuple[str, ...]
    strong: bool


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    unit: Unit
    first: int  # index of the first matched token in unit.tokens
    last: int  # index of the last matched token


def significant(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if t.folded not in STOPWORDS]


def compile_cue(target: str, text: str, label: str | None = None) -> Cue | None:
    """The cue as stems; strong when it holds two stems of ``label`` (None: always strong)."""
    words = significant(tokenize(text))
    if not words:
        return None
    stems = tuple(t.stem for t in words)
    if label is None:
        return Cue(target, text, stems, strong=True)
    label_stems = {t.stem for t in significant(tokenize(label))}
    return Cue(target, text, stems, strong=len(label_stems.intersection(stems)) >= 2)


class CueIndex:
    """All cues of one checkpoint, indexed by their first stem."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = list(cues)
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            self._by_first[cue.stems[0]].append(cue)
        self.vocabulary = frozenset(s for cue in cues for s in cue.stems)

    def find(self, unit: Unit) -> list[CueHit]:
        """Every cue occurrence in ``unit`` (longest cue first at a given position)."""
        words = [(i, t) for i, t in enumerate(unit.tokens) if t.folded not in STOPWORDS]
        stems = [t.stem for _, t in words]
        hits: list[CueHit] = []
        for pos, stem in enumerate(stems):
            for cue in sorted(self._by_first.get(stem, ()), key=lambda c: -len(c.stems)):
                n = len(cue.stems)
                if tuple(stems[pos : pos + n]) == cue.stems and _prefixed(
                    words[pos : pos + n], cue
                ):
                    hits.append(CueHit(cue, unit, words[pos][0], words[pos + n - 1][0]))
        return hits


def _prefixed(words: Sequence[tuple[int, Token]], cue: Cue) -> bool:
    """Stems can collide ('loyer' and 'loi'): each word must start with the cue's stem."""
    return all(t.folded.startswith(s) for (_, t), s in zip(words, cue.stems, strict=True))
