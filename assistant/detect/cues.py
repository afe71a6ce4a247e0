"""Cue matching: the référentiel's French cues found in units, on stems, stopwords skipped.

"pouvoir de négociation des clients" matches "pouvoir de négociation client"; "écologique"
matches "écologiques". A cue of one significant word is *weak* (it needs the checkpoint's
context to count); a cue of two or more significant words, or a tool name, is *strong*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.detect.lexicon import STOPWORDS
from assistant.detect.units import Token, Unit, tokenize

# Tool names and acronyms that name a checkpoint on their own.
_TOOL_MIN_LEN = 3


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


def compile_cue(target: str, text: str) -> Cue | None:
    words = significant(tokenize(text))
    if not words:
        return None
    is_tool = len(words) == 1 and text.strip().isupper() and len(text.strip()) >= _TOOL_MIN_LEN
    return Cue(target, text, tuple(t.stem for t in words), strong=len(words) > 1 or is_tool)


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
                if tuple(stems[pos : pos + n]) == cue.stems:
                    hits.append(CueHit(cue, unit, words[pos][0], words[pos + n - 1][0]))
        return hits
