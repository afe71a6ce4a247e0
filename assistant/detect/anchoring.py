"""Case anchoring: is a passage about this case, or generic?

A passage is about the studied case when it names the company (its name is found on the cover
and by frequency), speaks for it (« notre », « nos », « nous »), or carries its facts: figures,
dates, places and other proper names. A textbook sentence has none of these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.detect.lexicon import STOPWORDS
from assistant.detect.units import Unit

_FIRST_PERSON = frozenset({"notre", "nos", "nous", "je", "mon", "ma", "mes", "j"})
_NOT_NAMES = frozenset(
    [
        "pestel",
        "pestle",
        "swot",
        "porter",
        "peso",
        "smart",
        "gantt",
        "rgaa",
        "kpi",
        "kpis",
        "bcg",
        "ansoff",
        "mckinsey",
        "ffom",
        "france",
        "paris",
        "europe",
        "instagram",
        "facebook",
        "tiktok",
        "linkedin",
        "google",
        "youtube",
        "internet",
        "web",
        "the",
        "and",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "dossier",
        "partie",
        "analyse",
        "bloc",
        "annexe",
    ]
)
COVER_UNITS = 12  # the dossier's first units: its title and the company's presentation
NAME_MIN_COUNT = 3  # a name must recur to be the company's


@dataclass(frozen=True)
class Case:
    """What identifies the studied case in a dossier."""

    names: frozenset[str]  # folded words of the company's (brand's) name

    def anchored(self, units: Sequence[Unit]) -> bool:
        """The units speak about this case: its name, « notre/nos », figures or dates,
        places and other proper names."""
        return any(self.anchor_count(u) for u in units)

    def anchor_count(self, unit: Unit) -> int:
        count = 0
        for i, tok in enumerate(unit.tokens):
            if (
                tok.folded in self.names
                or tok.folded in _FIRST_PERSON
                or any(ch.isdigit() for ch in tok.text)
                or (i > 0 and tok.text[:1].isupper() and tok.folded not in STOPWORDS)
            ):
                count += 1
        return count

    def names_case(self, unit: Unit) -> bool:
        """The unit names the company or speaks for it."""
        return any(t.folded in self.names or t.folded in _FIRST_PERSON for t in unit.tokens)


def find_case(units: Sequence[Unit]) -> Case:
    """The company's name: capitalised words (inside a sentence, not tool names) that recur
    in the dossier, preferring those on its cover."""
    counts: Counter[str] = Counter()
    for unit in units:
        for i, tok in enumerate(unit.tokens):
            if _name_like(tok.text, tok.folded, i, unit.kind):
                counts[tok.folded] += 1
    cover = {
        t.folded
        for u in units[:COVER_UNITS]
        for i, t in enumerate(u.tokens)
        if _name_like(t.text, t.folded, i, "heading")
    }
    ranked = [w for w, n in counts.most_common() if n >= NAME_MIN_COUNT]
    on_cover = [w for w in ranked if w in cover][:2]
    names = on_cover or ranked[:1]
    return Case(frozenset(names))


def _name_like(text: str, folded: str, position: int, kind: str) -> bool:
    if len(folded) < 3 or folded in STOPWORDS or folded in _NOT_NAMES:
        return False
    if not text[:1].isupper() or (text.isupper() and len(text) <= 3):
        return False
    return position > 0 or kind == "heading" or bool(re.match(r"[A-Z][a-z]+[A-Z]", text))
