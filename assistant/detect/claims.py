"""What a unit asserts about the case: nothing, when it only defines a tool, announces work
for later, takes something back ("la phase de test n'a pas encore pu être organisée") or is a
line of a table of contents. Such a unit brings no substance and is never quoted as evidence.
"""

from __future__ import annotations

from typing import Literal

from assistant.detect.lexicon import ANNOUNCE, DEFINITION, HYPOTHETICAL, TOC_LINE
from assistant.detect.negation import denied_tokens
from assistant.detect.units import Unit
from assistant.textnorm import fold

Void = Literal["toc", "definition", "announce", "hypothetical", "negated"]
DENIED_SHARE = 0.5  # a sentence mostly taken back says nothing done


def void_reason(unit: Unit) -> Void | None:
    """Why ``unit`` asserts nothing about the case, or None when it may be evidence."""
    if TOC_LINE.search(unit.text):
        return "toc"
    if unit.kind == "heading":
        return None
    folded = fold(unit.text).replace("’", "'")
    if DEFINITION.search(folded):
        return "definition"
    if ANNOUNCE.search(folded):
        return "announce"
    if HYPOTHETICAL.search(folded):
        return "hypothetical"
    denied = denied_tokens(unit)
    if denied and len(denied) >= DENIED_SHARE * len(unit.tokens):
        return "negated"
    return None


def quotable(unit: Unit) -> bool:
    """The unit may be quoted as evidence."""
    return void_reason(unit) is None
