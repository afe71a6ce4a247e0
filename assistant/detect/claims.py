"""What a unit asserts about the case: nothing, when it only defines a tool, states a textbook
generality with nothing of the case in it, announces work for later, takes something back ("la
phase de test n'a pas encore pu être organisée"), sends the reader elsewhere ("voir SWOT") or
is a line of a table of contents. Such a unit brings no substance, names nothing (its cue words
are no mention) and is never quoted as evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from assistant.detect.lexicon import (
    ANNOUNCE,
    DEFINITION,
    GENERIC,
    HYPOTHETICAL,
    REFERENCE,
    STOPWORDS,
    TOC_LINE,
)
from assistant.detect.negation import denied_tokens
from assistant.detect.units import Unit
from assistant.textnorm import fold

Void = Literal["toc", "definition", "generic", "announce", "hypothetical", "negated", "reference"]
DENIED_SHARE = 0.5  # a sentence mostly taken back says nothing done


@lru_cache(maxsize=4096)
def void_reason(unit: Unit) -> Void | None:
    """Why ``unit`` asserts nothing about the case, or None when it may be evidence (cached:
    the same immutable unit is asked about by several detectors)."""
    if TOC_LINE.search(unit.text):
        return "toc"
    if unit.kind == "heading":
        return None
    folded = fold(unit.text).replace("’", "'")
    if DEFINITION.search(folded):
        return "definition"
    if GENERIC.search(folded) and not case_anchored(unit):
        return "generic"
    if REFERENCE.search(folded):
        return "reference"
    if ANNOUNCE.search(folded):
        return "announce"
    if HYPOTHETICAL.search(folded):
        return "hypothetical"
    denied = denied_tokens(unit)
    if denied and len(denied) >= DENIED_SHARE * len(unit.tokens):
        return "negated"
    return None


_FIRST_PERSON = frozenset({"notre", "nos", "nous", "je", "mon", "ma", "mes", "j"})
_TOOL_NAMES = frozenset(
    {"pestel", "pestle", "swot", "porter", "peso", "smart", "gantt", "rgaa", "kpi", "kpis"}
    | {"bcg", "ansoff", "mckinsey", "ffom", "ux", "ui", "seo", "sea", "crm", "roi"}
)


def case_anchored(unit: Unit) -> bool:
    """The unit holds something of a case: « nous », « notre », a figure, or a proper name
    inside the sentence (not a tool's)."""
    for i, tok in enumerate(unit.tokens):
        if tok.folded in _FIRST_PERSON or any(ch.isdigit() for ch in tok.text):
            return True
        proper = i > 0 and tok.text[:1].isupper() and not tok.text.isupper()
        if proper and tok.folded not in STOPWORDS and tok.folded not in _TOOL_NAMES:
            return True
    return False


def quotable(unit: Unit) -> bool:
    """The unit may be quoted as evidence."""
    return void_reason(unit) is None
