"""Cue matching: the référentiel's French cues found in units, on stems, stopwords skipped.

"pouvoir de négociation des clients" matches "pouvoir de négociation client"; "écologique"
matches "écologiques". An element cue is *strong* (it counts anywhere) only when it repeats at
least two significant words of the element's label ("facteurs politiques" for "Facteur
politique"); every other cue ("prix", "points de vente") is *weak*: it needs the checkpoint's
context.

A one-word cue written as a proper noun ("Porter", "Notion") only matches a capitalised word
("porter la part des femmes à 30 %" is no Porter analysis).

Stems are coarse ("persona" and "personnes", "moyens" and "moyenne", "secouristes" and
"secours" share one), so a one-word cue must also match the word itself, up to a plural or
feminine ending, or share all but its last letter with a long word ("technologie",
"technologique"). A cue whose words are mostly grammatical ("CA réalisé", "par mois", "dans
quelle mesure") is *literal*: matched word for word, small words included, since its one
significant word alone ("réalisé", "mois", "mesure") says nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.detect.lexicon import STOPWORDS
from assistant.detect.units import Token, Unit, tokenize

LONG_WORD = 8  # a one-word cue this long may match a derived word (common prefix)
DERIVED_TAIL = 1  # letters the shorter word may differ by at its end


@dataclass(frozen=True)
class Cue:
    target: str  # "checkpoint" or an element id
    text: str
    stems: tuple[str, ...]
    strong: bool
    words: tuple[str, ...]  # folded words, one per stem
    literal: bool  # matched on every word, stopwords included
    titles_only: bool = False  # counts only where it titles something (a heading cue)
    proper: bool = False  # a proper noun ("Porter", "Notion"): only a capitalised word


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    unit: Unit
    first: int  # index of the first matched token in unit.tokens
    last: int  # index of the last matched token


def significant(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if t.folded not in STOPWORDS]


@lru_cache(maxsize=16384)
def compile_cue(
    target: str, text: str, label: str | None = None, titles_only: bool = False
) -> Cue | None:
    """The cue as stems; strong when it holds two stems of ``label`` (None: always strong);
    ``titles_only`` for a heading cue. Cached: the référentiel's cues are compiled once per
    process, not at every dossier (a Cue is immutable)."""
    tokens = tokenize(text)
    words = significant(tokens)
    if not words:
        return None
    literal = len(words) == 1 and len(tokens) > 1
    kept = tokens if literal else words
    stems = tuple(t.stem for t in kept)
    folded = tuple(t.folded for t in kept)
    strong = True
    if label is not None:
        label_stems = {t.stem for t in significant(tokenize(label))}
        strong = len(label_stems.intersection(stems)) >= 2
    proper = len(kept) == 1 and kept[0].text[:1].isupper() and kept[0].text[1:].islower()
    return Cue(target, text, stems, strong, folded, literal, titles_only, proper)


def same_word(cue_word: str, word: str) -> bool:
    """``word`` is ``cue_word`` inflected (plural, feminine) or, for long words, derived."""
    return _base(cue_word) == _base(word) or derived(cue_word, word)


def derived(cue_word: str, word: str) -> bool:
    """Both words are long and differ only by their last letter or so (« technologie »,
    « technologique »)."""
    shorter = min(len(cue_word), len(word))
    common = 0
    for a, b in zip(cue_word, word, strict=False):
        if a != b:
            break
        common += 1
    return shorter >= LONG_WORD and common >= shorter - DERIVED_TAIL


def _participle(word: str) -> bool:
    """The word ends as a past participle (« écarté », « écartées »): its folded « e » is no
    mute ending, and the word is no inflection of a noun without it (a long word may still
    be derived from the cue: « participé », « participants »)."""
    return word.lower().endswith(("é", "ée", "és", "ées"))


def _base(word: str) -> str:
    """The word without a plural mark and a final mute e."""
    if word.endswith(("s", "x")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


class CueIndex:
    """All cues of one checkpoint, indexed by their first stem."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = list(cues)
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        self._literal: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            (self._literal if cue.literal else self._by_first)[cue.stems[0]].append(cue)
        self.vocabulary = frozenset(s for cue in cues for s in cue.stems)

    def find(self, unit: Unit) -> list[CueHit]:
        """Every cue occurrence in ``unit`` (longest cue first at a given position)."""
        words = [(i, t) for i, t in enumerate(unit.tokens) if t.folded not in STOPWORDS]
        hits = _find(unit, words, self._by_first)
        if self._literal:
            hits += _find(unit, list(enumerate(unit.tokens)), self._literal)
        return hits


def _find(
    unit: Unit, words: Sequence[tuple[int, Token]], by_first: dict[str, list[Cue]]
) -> list[CueHit]:
    stems = [t.stem for _, t in words]
    hits: list[CueHit] = []
    for pos, stem in enumerate(stems):
        for cue in sorted(by_first.get(stem, ()), key=lambda c: -len(c.stems)):
            n = len(cue.stems)
            if tuple(stems[pos : pos + n]) == cue.stems and _matches(words[pos : pos + n], cue):
                hits.append(CueHit(cue, unit, words[pos][0], words[pos + n - 1][0]))
    return hits


def _matches(words: Sequence[tuple[int, Token]], cue: Cue) -> bool:
    """Stems can collide ('loyer' and 'loi'): a one-word cue must be the word itself,
    inflected or derived; each word of a longer cue must start with the cue word's stem or be
    that word inflected ('concurrence' has the stem 'concurrent')."""
    pairs = zip(cue.words, cue.stems, (t.folded for _, t in words), strict=True)
    if len(cue.stems) == 1:
        if cue.proper and not words[0][1].text[:1].isupper():
            return False
        word = words[0][1]
        if _participle(word.text) and not _participle(cue.text):
            return derived(cue.words[0], word.folded)  # « écarté » is no « écart »
        return same_word(cue.words[0], word.folded)
    return all(word.startswith(stem) or same_word(cue_word, word) for cue_word, stem, word in pairs)
