"""How much a passage says about the case, beyond naming the tool or the factor.

Counted on the passage's tokens minus the checkpoint's own cue words: content words, figures,
named entities (capitalised words inside the sentence) and analysis markers (causal,
evaluative, quantitative words). Definitions of a tool, announcements ("nous allons
réaliser..."), hypotheticals ("si je devais refaire..."), statements of what was not done and
table-of-contents lines count for nothing (``claims.void_reason``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from assistant.detect.claims import void_reason
from assistant.detect.lexicon import ANALYSIS_MARKERS, LINKS, META_WORDS, STOPWORDS
from assistant.detect.negation import denied_tokens
from assistant.detect.units import Unit

# An element is substantive with this many content words and this score (one good sentence);
# a checkpoint without elements, a whole topic, needs a passage (about two sentences).
MIN_CONTENT = 4
MIN_SCORE = 5.5
TOPIC_CONTENT = 8
TOPIC_SCORE = 12.0
TOPIC_SPECIFIC = 1  # figures, names or analysis words: vague intentions have none
TITLE_WORDS = 4  # a heading with more words than this beside its cue is a title


@dataclass(frozen=True)
class Substance:
    content: int
    figures: int
    entities: int
    markers: int
    parts: int = 0  # units that bring content words

    @property
    def score(self) -> float:
        return self.content + 1.5 * self.figures + self.entities + self.markers

    @property
    def substantive(self) -> bool:
        return self.content >= MIN_CONTENT and self.score >= MIN_SCORE

    @property
    def terse(self) -> bool:
        """Substantive in few words: enough where the référentiel's requirement (figures,
        dates...) holds, e.g. « Le budget de 1 200 € a été réparti entre Facebook (800 €) et
        Instagram (400 €) », or a column of amounts under « Coût »."""
        return self.score >= MIN_SCORE

    def treats_topic(self, specific: bool = False) -> bool:
        """A passage long enough for a whole topic, and specific: figures, names or analysis
        words, or (``specific``) what the référentiel requires of it (a table of roles)."""
        specific = (
            specific
            or self.figures + self.entities + self.markers >= TOPIC_SPECIFIC
            or (self.content >= 2 * TOPIC_CONTENT and self.parts >= 2)  # a developed passage
        )
        return self.content >= TOPIC_CONTENT and self.score >= TOPIC_SCORE and specific

    def __add__(self, other: Substance) -> Substance:
        return Substance(
            self.content + other.content,
            self.figures + other.figures,
            self.entities + other.entities,
            self.markers + other.markers,
            self.parts + other.parts,
        )


NOTHING = Substance(0, 0, 0, 0)


def unit_substance(unit: Unit, ignored: frozenset[str]) -> Substance:
    """Substance of one unit; tokens whose stem is in ``ignored`` (cue words) do not count."""
    if unit.kind == "heading" or void_reason(unit) is not None:
        return NOTHING
    denied = denied_tokens(unit)  # a clause taken back says nothing done
    content = figures = entities = markers = 0
    for i, tok in enumerate(unit.tokens):
        if i in denied:
            continue
        if tok.folded in LINKS:
            markers += 1
            continue
        if tok.stem in ignored or tok.folded in STOPWORDS:
            continue
        if any(ch.isdigit() for ch in tok.text):
            figures += 1
            continue
        if tok.folded in META_WORDS or len(tok.folded) < 3:
            continue
        content += 1
        if tok.folded in ANALYSIS_MARKERS:
            markers += 1
        if i > 0 and tok.text[:1].isupper():
            entities += 1
    return Substance(content, figures, entities, markers, int(content > 0))


RATING_WORDS = 2
"""Words of the value a rated label gives its name (« Rivalité entre concurrents : forte »)."""
QUALIFIED_TOKENS = 8  # a name qualified in brackets (« Budget (prévu et réalisé) »)
RATED_LABEL_TOKENS = 10
"""A rated label longer than this is a sentence."""


def rated_label(unit: Unit, cue_last: int) -> bool:
    """A line that names something, then rates it in a word or two after a colon, and
    nothing else (« Menace de nouveaux entrants : moyenne », « Pouvoir des clients : très
    fort »): a title whose analysis follows it, as in a grid of constats and actions. The
    name ends before the colon; the value holds no figure (« Budget : 3 000 € » is content)
    and ends the line."""
    if unit.kind != "sentence" or not unit.first_in_block or len(unit.tokens) > RATED_LABEL_TOKENS:
        return False
    colon = unit.text.rfind(":")
    if colon < 0 or cue_last >= len(unit.tokens):
        return False
    if unit.tokens[cue_last].start - unit.start > colon:
        return False
    value = unit.text[colon + 1 :].strip(" *_.!\t")
    words = value.split()
    return 0 < len(words) <= RATING_WORDS and not any(c.isdigit() for c in value)


def qualified_label(unit: Unit, cue_last: int) -> bool:
    """A short line that names something and qualifies the name in brackets, and nothing
    else (« **Budget (prévu et réalisé)** », « Calendrier éditorial (novembre) »): a title
    over the table or list that follows. The name ends before the bracket, the bracket ends
    the line and holds no figure (« Budget (3 000 €) » is content)."""
    if unit.kind != "sentence" or not unit.first_in_block or len(unit.tokens) > QUALIFIED_TOKENS:
        return False
    text = unit.text.rstrip(" *_.:\t")
    bracket = text.rfind("(")
    if bracket <= 0 or not text.endswith(")") or cue_last >= len(unit.tokens):
        return False
    if unit.tokens[cue_last].start - unit.start > bracket:
        return False
    between = [
        t
        for t in unit.tokens[cue_last + 1 :]
        if t.start - unit.start < bracket and t.folded not in STOPWORDS
    ]
    return not between and not any(c.isdigit() for c in text[bracket:])


class Weigher:
    """Substance of units for one checkpoint: the checkpoint's own names never count, nor
    the cue words found in each unit (a list of factor names says nothing)."""

    def __init__(self, names: frozenset[str], matched: dict[int, frozenset[str]]) -> None:
        self._names = names
        self._matched = matched
        self._cache: dict[int, Substance] = {}

    def ignored(self, unit: Unit) -> frozenset[str]:
        return self._names | self._matched.get(unit.index, frozenset())

    def unit(self, unit: Unit) -> Substance:
        if unit.index not in self._cache:
            self._cache[unit.index] = unit_substance(unit, self.ignored(unit))
        return self._cache[unit.index]

    def passage(self, units: Iterable[Unit]) -> Substance:
        total = NOTHING
        for unit in units:
            total = total + self.unit(unit)
        return total

    def best(self, units: Sequence[Unit], k: int) -> list[Unit]:
        """The ``k`` most substantive units, best first."""
        scored = sorted(units, key=lambda u: -self.unit(u).score)
        return [u for u in scored[:k] if self.unit(u).score > 0]

    def is_label(self, unit: Unit, cue_last: int) -> bool:
        """A heading or a short line naming something ("Forces :", "- Politique") before
        its content."""
        ignored = self.ignored(unit)
        if unit.kind == "heading":
            return not self.is_title(unit)
        # bounded work per cue: a unit can be one 50,000-word line with thousands of cues
        colon = unit.text[-200:].rstrip().endswith(":")
        if rated_label(unit, cue_last) or qualified_label(unit, cue_last):
            return True
        if len(unit.tokens) > 4 and not colon:
            return False
        after = (unit.tokens[i] for i in range(cue_last + 1, len(unit.tokens)))
        rest = list(
            islice((t for t in after if t.folded not in STOPWORDS and t.stem not in ignored), 4)
        )
        short = len(unit.tokens) <= 4 and not rest
        return short or (colon and len(rest) <= 3)

    def extra_words(self, unit: Unit) -> int:
        """Words of the unit beyond its cue words, numbers and small words."""
        ignored = self.ignored(unit)
        return sum(
            t.folded not in STOPWORDS
            and t.folded not in META_WORDS
            and t.stem not in ignored
            and not t.folded.isdigit()
            for t in unit.tokens
        )

    def bare_name(self, unit: Unit) -> bool:
        """The unit holds cue words and nothing else (beyond numbers and small words)."""
        return self.extra_words(unit) == 0

    def is_title(self, unit: Unit) -> bool:
        """A heading that says much more than the cue it holds (a dossier's title)."""
        return unit.kind == "heading" and self.extra_words(unit) > TITLE_WORDS
