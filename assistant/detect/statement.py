"""Elements that are qualities of one statement: the case's own objective shows them.

Some checkpoints are the qualities of a statement rather than parts of an analysis: an
objective is SMART when it says what is aimed at, is figured and is dated. A student who
writes « Objectif : vendre 1 500 matelas entre le 1er mars et le 31 décembre 2026 » under
« Objectifs SMART », or « Notre objectif est de vendre 10 000 sachets la première année (de
mars 2026 à février 2027) », has stated a specific, measurable and dated objective without
writing « spécifique », « mesurable » or « temporel »: the cue rules, which look for those
names, find nothing.

The référentiel says which checkpoints work so (``Checkpoint.statement_cues``, the nouns that
name the statement) and which of their elements a statement shows by itself
(``Element.of_statement``; whether it is attainable or realistic needs an argument, and no
statement shows it). A statement is a line of the dossier that opens on one of those nouns
(after a possessive or an article at most, and a word or two: « Objectif SMART : »,
« Notre objectif principal est de ») followed by a colon or « est de »; it counts only when
it may be quoted (no definition, denial, contents line or flagged passage), holds figures
(a statement without a figure says what is wished, not what is aimed at) and meets the
element's own requirements (dates for the deadline). A definition of the method (« Un
objectif SMART est un objectif spécifique, mesurable... ») is no statement of the case.

Applied after the learned decisions (``detect_checkpoints``), it reads no weight and feeds
none; it only turns an absent element present, quoted from the statement.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.detect.checkpoint import CheckpointOutcome, Finding, checkpoint_status
from assistant.detect.claims import quotable
from assistant.detect.requirements import meets
from assistant.detect.scope import Layout
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit
from assistant.textnorm import fold, fold_apostrophes

HEADING_WORDS = 5
"""A heading longer than this titles more than the statement (« Objectifs et expérience
utilisateur du parcours en boutique »)."""
_FIXED = r"(?:(?:nous nous sommes|je me suis|on s'est|nous avons|j'ai|on a) fixee?s? (?:comme )?)?"
_LEAD = (
    rf"{_FIXED}(?:(?:notre|nos|mon|mes|votre|vos|ses|son|sa|l'|le|les|un|une|des|leur|leurs)\s*)?"
)
_DIGIT = re.compile(r"\d")
_AFTER = r"[^:.;!?]{0,30}?(?::|\b(?:est|sont|etait|etaient|sera|seront) d[e'])"


@lru_cache(maxsize=32)
def _opening(cues: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(fold(c)) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"^\W*{_LEAD}(?:{names})\b{_AFTER}")


@lru_cache(maxsize=32)
def _titling(cues: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(fold(c)) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"^[\W\d_]*{_LEAD}(?:{names})\b")


def statements(layout: Layout, cues: tuple[str, ...]) -> list[Unit]:
    """The units that state the case's ``cues`` noun (« Objectif : ... »), in reading order:
    the first unit of each statement (``statement_groups``)."""
    return [group[0] for group in statement_groups(layout, cues)]


def statement_groups(layout: Layout, cues: tuple[str, ...]) -> list[list[Unit]]:
    """The statements of the case's ``cues`` noun, each as its units: a line that opens on
    the noun (« Objectif : ... », « Nous nous sommes fixé un objectif : ... »), or the first
    paragraph under a short heading that opens on it (« 3.2 Objectif de la campagne », « Des
    objectifs ambitieux »); a statement whose last line introduces a list (« Avec la
    gérante, on a fixé : ») holds the list's items too (« vendre 300 paires » / « avant Noël
    2026 »). Each unit may be quoted, and the statement holds figures."""
    if not cues:
        return []
    opening = _opening(cues)
    titled = _titled_first(layout, _titling(cues))
    groups: list[list[Unit]] = []
    taken: set[int] = set()
    for u in layout.units:
        if u.kind == "heading" or u.index in taken:
            continue
        if u.index in titled:
            lead = [v for v in layout.block_units(u.block) if v.index >= u.index]
        elif opening.match(fold_apostrophes(u.text)):
            lead = [u]
        else:
            continue
        group = [v for v in [*lead, *_listed_after(layout, lead[-1])] if quotable(v)]
        if group and group[0] is u and meets(["figures"], group):
            groups.append(group)
            taken.update(v.index for v in group)
    return groups


def _listed_after(layout: Layout, unit: Unit) -> list[Unit]:
    """The items of the list a line ending on a colon introduces (nothing otherwise)."""
    if not unit.text.rstrip(" *_").endswith(":"):
        return []
    return [v for v in layout.label_body(unit, frozenset()) if v.kind == "sentence"]


def _titled_first(layout: Layout, titling: re.Pattern[str]) -> set[int]:
    """The first unit under each short heading ``titling`` matches."""
    first = set()
    for u in layout.units:
        words = [t for t in u.tokens if not t.folded.isdigit()]
        if u.kind != "heading" or len(words) > HEADING_WORDS:
            continue
        if not titling.match(fold_apostrophes(u.text)):
            continue
        body = layout.heading_body(u)
        if body and body[0].kind != "heading":
            first.add(body[0].index)
    return first


def stated(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` with each absent element its checkpoint marks ``of_statement`` made present
    when a statement of the case (``statements``) meets the element's requirements, quoted
    from the first such statement; the checkpoint then follows its elements."""
    checkpoint = outcome.checkpoint
    marked = {id(e) for e in outcome.elements if e.element.of_statement and e.status == "absent"}
    if not marked:
        return outcome
    found = statement_groups(layout, tuple(checkpoint.statement_cues))
    if not found:
        return outcome
    weigher = Weigher(frozenset(), {})
    elements = []
    for element in outcome.elements:
        groups = [g for g in found if meets(element.element.requires, g)]
        if id(element) not in marked or not groups:
            elements.append(element)
            continue
        units = groups[0]
        quoted = [u for u in units if _DIGIT.search(u.text)][:2]
        quoted = quoted or units[:1]
        finding = Finding(quoted[0], quoted, weigher.passage(units), verdict=True)
        findings = [finding, *(replace(f, verdict=False) for f in element.findings)]
        elements.append(replace(element, status="present", findings=findings))
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, outcome.findings, named)
    return replace(outcome, status=status, elements=elements)
