"""Words a dossier takes back: what it says was not done, or would be done with hindsight.

"Nous n'avons pas établi de plan de trésorerie" names the cash-flow plan only to say it is
missing; "si je devais refaire cette mission, je fixerais des objectifs chiffrés" names KPIs
that were never set; "on pourrait parler du digital, mais ce n'est pas notre sujet" names a
topic only to set it aside. Cue occurrences in such a clause (a denial) or sentence (a hypothetical)
are neither evidence nor mention.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from assistant.detect.lexicon import DENIED_BACK, DISMISSED, HYPOTHETICAL, NOT_DONE, WISH
from assistant.detect.units import Unit
from assistant.textnorm import fold_apostrophes

_CLAUSE_MARKS = ",;:"
_REASON = re.compile(r"(?:car|parce qu|faute d|puisqu|etant donne)")
_TOPIC = re.compile(
    r"\W*(?:pour ce qui est (?:de|du|des|d')|en ce qui concerne|concernant|quant (?:a|au|aux)"
    r"|cote|s'agissant (?:de|du|des|d')|pour (?:la|le|les|l'))\b"
)
_TAKEN_BACK = re.compile(r"\b(?:cela|ce|ca|ceci) (?:n'|ne s')")  # what DENIED_BACK opens on
_CLAUSE_WORDS = frozenset({"mais", "alors", "tandis", "cependant", "pourtant"})


@lru_cache(maxsize=4096)
def denied_tokens(unit: Unit) -> frozenset[int]:
    """Indices of ``unit``'s tokens that a denial or a hypothetical takes back (cached: the
    same immutable unit is asked about by several detectors)."""
    folded = fold_apostrophes(unit.text)
    if HYPOTHETICAL.search(folded) or DISMISSED.search(folded):
        return frozenset(range(len(unit.tokens)))
    if not NOT_DONE.search(folded) and not _TAKEN_BACK.search(folded):
        return frozenset()  # no denial in the whole sentence: none in any of its clauses
    denied: set[int] = set()
    after_denial = False
    parts = clauses(unit)
    for first, last in parts:
        start = unit.tokens[first].start - unit.start
        clause = fold_apostrophes(unit.text[start : _end(unit, last)])
        if DENIED_BACK.search(clause):  # « ..., mais cela n'a pas été fait »
            return frozenset(range(len(unit.tokens)))
        # « n'a pas été traité, car personne n'était concerné » : the reason is no content
        if NOT_DONE.search(clause) or (after_denial and _REASON.match(clause)):
            denied.update(range(first, last + 1))
            after_denial = True
        else:
            after_denial = False
    if len(parts) > 1:
        denied |= _denials_across_clauses(unit, parts)
        if _explained(unit, parts, denied):
            return frozenset(range(len(unit.tokens)))
    if not denied:
        return frozenset()
    if WISH.search(folded):  # « J'aimerais..., mais rien n'est fait »
        return frozenset(range(len(unit.tokens)))
    return frozenset(_with_topic(unit, parts, denied))


def _explained(unit: Unit, parts: list[tuple[int, int]], denied: set[int]) -> bool:
    """A sentence that opens on a denial and explains it after a colon (« Le plan n'a pas été
    fait : nous attendons les devis », « Pas réalisé : ... hors du périmètre de ma mission »):
    what follows the colon is why it was not done, or when it will be, not a part of it."""
    first, last = parts[0]
    if not all(i in denied for i in range(first, last + 1)):
        return False
    gap = unit.text[_end(unit, last) : unit.tokens[parts[1][0]].start - unit.start]
    return ":" in gap


def _denials_across_clauses(unit: Unit, parts: list[tuple[int, int]]) -> set[int]:
    """Tokens of a denial that runs over a list (« aucun séminaire, formation collective ou
    moment d'équipe n'a été mis en place »): the clauses from its subject to its verb."""
    out: set[int] = set()
    text = fold_apostrophes(unit.text)
    offsets = [unit.tokens[first].start - unit.start for first, _ in parts]
    for match in NOT_DONE.finditer(text):
        covered = [
            i for i, (first, last) in enumerate(parts)
            if offsets[i] < match.end() and match.start() < _end(unit, last)
        ]  # fmt: skip
        if len(covered) > 1:
            for i in covered:
                out.update(range(parts[i][0], parts[i][1] + 1))
    return out


def _with_topic(unit: Unit, parts: list[tuple[int, int]], denied: set[int]) -> set[int]:
    """A clause that only names the topic of the denial after it (« Pour ce qui est de fédérer
    l'équipe, je n'ai rien pu organiser ») is taken back with it."""
    out = set(denied)
    for (first, last), (after, _) in pairwise(parts):
        if after in denied and first not in denied:
            start = unit.tokens[first].start - unit.start
            if _TOPIC.match(fold_apostrophes(unit.text[start : _end(unit, last)])):
                out.update(range(first, last + 1))
    return out


def clauses(unit: Unit) -> list[tuple[int, int]]:
    """(first, last) token indices of the unit's clauses: cut at commas, semicolons and
    colons outside brackets, and before "mais", "alors que"..."""
    tokens = unit.tokens
    if not tokens:
        return []
    out: list[tuple[int, int]] = []
    first, depth = 0, 0
    for i in range(1, len(tokens)):
        gap = unit.text[_end(unit, i - 1) : tokens[i].start - unit.start]
        depth = max(0, depth + gap.count("(") - gap.count(")"))
        cut = depth == 0 and any(mark in gap for mark in _CLAUSE_MARKS)
        if cut or tokens[i].folded in _CLAUSE_WORDS:
            out.append((first, i - 1))
            first = i
    out.append((first, len(tokens) - 1))
    return out


def _end(unit: Unit, i: int) -> int:
    token = unit.tokens[i]
    return token.start - unit.start + len(token.text)


# « pas de relations presse du tout », « aucun KPI », « zéro tableau de bord »: a name right
# after a word that says there is none of it
_NONE_BEFORE = re.compile(r"(?:\bpas|\bjamais) (?:de|d'|du|des)\s*$|\baucune?\s+$|\bzero\s+$")


def denied_name(unit: Unit, first: int) -> bool:
    """The name that opens at token ``first`` is what the sentence says there is none of
    (« pas de relations presse », « aucun indicateur »): named only to be denied."""
    start = unit.tokens[first].start - unit.start
    before = fold_apostrophes(unit.text[max(0, start - 12) : start])
    return _NONE_BEFORE.search(before) is not None
