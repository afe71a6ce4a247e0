"""Competitive forces told in prose: who presses on the case, and how.

Students often analyse the micro-environment force by force without the tool's vocabulary:
« Du côté des fournisseurs, la dépendance est réelle : la crème vient d'une seule
coopérative », « Les restaurants clients négocient leurs tarifs chaque printemps »,
« Certains viticulteurs remplacent les barriques par des cuves en inox », « Autour de
l'exposition, la concurrence est vive ». The cue rules look for the forces' names
(« pouvoir de négociation des fournisseurs », « produits de substitution ») and find
nothing; the passage model does not single such a sentence out of a long dossier.

A force is a relation between the case and an actor: a *frame* is an actor's word (the
suppliers, the customers, the competitors, what replaces the offer) and, except for
rivalry, a word of the relation the force is about (dependence, imposed prices,
negotiation, weight; replacing, turning to something else). A sentence or a table cell
shows the force when it holds both, may be quoted (no definition, textbook generality,
denial, plan, contents line or flagged passage: ``claims.quotable``) and is anchored in
the case (« notre », a figure, a proper name: ``claims.case_anchored``). A sentence that
names the tool's forces one after the other, or three of them at once, lists them and
shows none (an introduction to the model). The suppliers' hike in prices stays the
economic context unless the sentence says the case depends on them or cannot negotiate.

Applied after the learned decisions (``detect_checkpoints``), it reads no weight and feeds
none; it only turns an absent element present, quoted from the first such sentence, and
the checkpoint then follows its elements (so a single rivalry paragraph makes Porter
partial, not absent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.detect.checkpoint import CheckpointOutcome, Finding, checkpoint_status
from assistant.detect.claims import case_anchored, quotable, voiced, void_reason
from assistant.detect.scope import Layout
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit
from assistant.textnorm import fold_apostrophes

LISTED_FORCES = 3  # a sentence holding this many forces' actors lists the model
MIN_WORDS = 6  # shorter lines are labels or list items without a case
WINDOW = 6  # units between two forces of one analysis at most
LEAD_WORDS = 5  # an actor named within the first words opens its paragraph on it


@dataclass(frozen=True)
class Frame:
    """An actor of a force and, when given, the relation the sentence must state."""

    actor: re.Pattern[str]
    relation: re.Pattern[str] | None = None


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){pattern}")


_COMPETITORS = _words(r"(?:concurren(?:ts?|tes?|ce|tiel\w*)\b|rival\w*)")
_CUSTOMERS = _words(
    r"(?:clients?|clientele|acheteurs?|centrales? d'achat|distributeurs?|enseignes"
    r"|grande distribution|gms|revendeurs?|prescripteurs?|plateformes? de reservation"
    r"|(?:nous|lui|leur) (?:command|achet)\w*|(?:achet|command)\w* en (?:gros|volume))\b"
)
_SUPPLIERS = _words(
    r"(?:fournisseurs?|prestataires?|grossistes?|matieres? premieres?|approvisionnement"
    r"|sous-traitants?|centrale d'achat)\b"
)
_POWER = _words(
    r"(?:pouvoir\b|poids\b|pes(?:e|ent|ait|aient)\b|negoci(?:e[rsz]?|ent|ation\w*|ons|ai\w*)\b|impos\w*|fix(?:e|ent)"
    r" (?:les|le|leurs?|souvent) (?:prix|tarifs?|conditions|delais)|dict\w*"
    r"|dependan\w*|depend(?:re|ent|)\b|exige\w*|pression\b|rapport de force"
    r"|remises?\b|commissions?\b|changer (?:de|facilement)|marge de negociation)"
)
_REPLACING = _words(
    r"(?:substitu\w*|remplac\w* [^.;:]{0,60}\bpar\b|produits? de remplacement"
    r"|alternatives? (?:a|au|aux)\b|se (?:tourne\w*|report\w*) (?:vers|sur)"
    r"|se detourn\w*|(?:concurrent|concurrence) (?:reel\w*|indirect\w*)"
    r"|(?:d'|les |des )autres (?:activites|loisirs|sorties|boissons|produits|solutions|offres"
    r"|pratiques|formes|moyens)\b|memes? (?:besoins?|envies?|usages?)\b)"
)
_TOOL = _words(r"(?:porter\b|(?:5|cinq) forces\b)")  # the cue rules read these
_ANALYSIS_TITLE = _words(
    r"(?:concurren\w*|rival\w*|micro-? ?environnement|rapports? de forces?|forces?\b)"
)

FRAMES: dict[str, dict[str, tuple[Frame, ...]]] = {
    "porter": {
        "rivalite": (Frame(_COMPETITORS),),
        "substituts": (Frame(_REPLACING),),
        "pouvoir_clients": (Frame(_CUSTOMERS, _POWER),),
        "pouvoir_fournisseurs": (Frame(_SUPPLIERS, _POWER),),
    }
}
_ACTORS = (_COMPETITORS, _CUSTOMERS, _SUPPLIERS, _REPLACING)
_PARTNERS = (_CUSTOMERS, _SUPPLIERS)  # the same word may buy or sell (« centrale d'achat »)


def framed(unit: Unit, frame: Frame, relation: bool = True, anchored: bool = False) -> bool:
    """``frame``'s actor is named in ``unit`` (and, with ``relation``, its relation stated
    there too); between customers and suppliers, the one the unit names first is the one it
    is about (« Côté fournisseurs, la librairie dépend des distributeurs »). A unit naming
    the actors of three forces lists the model; one naming the tool is left to the cue
    rules. A unit without a case of its own reads as a generality (« Les substituts sont
    nombreux : ... »), which it is not inside a paragraph ``anchored`` in the case."""
    if unit.kind == "heading" or len(unit.tokens) < MIN_WORDS:
        return False
    reason = void_reason(unit)
    if reason is not None and not (anchored and reason == "generic"):
        return False
    text = fold_apostrophes(unit.text)
    actor = frame.actor.search(text)
    if actor is None or _TOOL.search(text):
        return False
    if relation and frame.relation is not None and not frame.relation.search(text):
        return False
    if frame.actor in _PARTNERS:
        others = (p.search(text) for p in _PARTNERS if p is not frame.actor)
        if any(o is not None and o.start() < actor.start() for o in others):
            return False
    return sum(bool(a.search(text)) for a in _ACTORS) < LISTED_FORCES


def _anchored(units: list[Unit]) -> bool:
    """Some unit of the paragraph, other than one naming the tool (« les 5 forces »), is
    anchored in the case."""
    return any(
        (case_anchored(u) or voiced(u)) and not _TOOL.search(fold_apostrophes(u.text))
        for u in units
    )


def _leads(unit: Unit, frame: Frame) -> bool:
    """The unit opens on the actor (« Du côté des fournisseurs, », « Les clients n'ont pas
    tous le même poids. »): its paragraph is about that actor."""
    match = frame.actor.search(fold_apostrophes(unit.text))
    return match is not None and len(unit.text[: match.start()].split()) <= LEAD_WORDS


def _states(units: list[Unit], frame: Frame) -> list[Unit]:
    """The units of one paragraph that state ``frame``: a sentence with the actor and the
    relation, or the paragraph's opening sentence leading on the actor with a later
    sentence stating the relation (« Du côté des fournisseurs, il y a peu de scieries. ...
    nous n'avons pas beaucoup de poids pour négocier. »)."""
    if not _anchored(units):
        return []  # the paragraph says nothing of the case
    for unit in units:
        if framed(unit, frame, anchored=True):
            return [unit]
    first = units[0]
    lead = framed(first, frame, relation=False, anchored=True) and _leads(first, frame)
    if frame.relation is None or not lead:
        return []
    for unit in units[1:]:
        if quotable(unit) and frame.relation.search(fold_apostrophes(unit.text)):
            if sum(
                bool(a.search(fold_apostrophes(unit.text))) for a in _ACTORS if a is not frame.actor
            ):
                break  # the paragraph has moved on to another actor
            return [first, unit]
    return []


def force_units(
    layout: Layout, frames: dict[str, tuple[Frame, ...]]
) -> dict[str, list[list[Unit]]]:
    """For each force of ``frames``, the passages that state it (``_states``), each as the
    units to quote, in reading order."""
    blocks: dict[int, list[Unit]] = {}
    for unit in layout.units:
        if unit.kind != "heading":
            blocks.setdefault(unit.block, []).append(unit)
    found: dict[str, list[list[Unit]]] = {}
    for target, wanted in frames.items():
        found[target] = []
        for block in blocks.values():
            units = next((s for s in (_states(block, f) for f in wanted) if s), [])
            if units:
                found[target].append(units)
    return found


def in_analysis(
    unit: Unit, target: str, found: dict[str, list[list[Unit]]], anchors: list[Unit]
) -> bool:
    """``unit`` lies in an analysis of the forces: another force is stated in the same
    section within ``WINDOW`` units of it (in the same sentence too: « la concurrence ... ;
    le streaming reste le principal substitut »), a force the rules found present is quoted
    there (an analysis whose other forces carry their names), or its section's title is
    about competition (« 1.3 La concurrence », « Rapports de force »)."""
    if unit.section and _ANALYSIS_TITLE.search(fold_apostrophes(unit.section[-1])):
        return True
    near = [p[0] for t, passages in found.items() if t != target for p in passages] + anchors
    return any(u.section == unit.section and abs(u.index - unit.index) <= WINDOW for u in near)


def read_forces(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` with each absent element of a checkpoint ``FRAMES`` knows made present
    when a unit of an analysis of the forces (``in_analysis``) states its frame, quoted from
    the first one; the checkpoint then follows its elements."""
    frames = FRAMES.get(outcome.checkpoint.id)
    if not frames:
        return outcome
    found = force_units(layout, frames)
    anchors = [
        u
        for e in outcome.elements
        if e.status == "present"
        for f in e.findings
        if f.substantive
        for u in f.units
        if u.kind != "heading"
    ]
    weigher = Weigher(frozenset(), {})
    elements = []
    for element in outcome.elements:
        target = element.element.id
        passages = [p for p in found.get(target, []) if in_analysis(p[0], target, found, anchors)]
        if element.status != "absent" or not passages:
            elements.append(element)
            continue
        units = passages[0]
        finding = Finding(units[0], units, weigher.passage(units), verdict=True)
        findings = [finding, *(replace(f, verdict=False) for f in element.findings)]
        elements.append(replace(element, status="present", findings=findings))
    if all(a is b for a, b in zip(elements, outcome.elements, strict=True)):
        return outcome
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, outcome.findings, named)
    return replace(outcome, status=status, elements=elements)
