"""Analyses told in prose, part by part: Porter's forces and the SWOT's quadrants.

Students often analyse the micro-environment force by force, or the company's position
quadrant by quadrant, without the tool's vocabulary: « Côté fournisseurs, tout le verre
vient d'un seul négociant, qui fixe ses prix », « Les trois hôtels qui nous commandent
pèsent 40 % des ventes », « Pour un cadeau, beaucoup se tournent vers un coffret de vin »,
« L'atelier a pour lui un savoir-faire rare ; il souffre d'un site vieillissant ». The cue
rules look for the parts' names, which count only where the tool is named or where three
of them cluster; the passage model does not single such a sentence out of a long dossier.

A *frame* is an element's actor (the suppliers, the customers, the competitors, what
replaces the offer; what the company has for it, suffers from, what opens doors to it,
the risks it faces) and, for the bargaining powers, a word of the relation the force is
about (dependence, imposed prices, negotiation, weight). A paragraph states the element
when one of its sentences holds the frame, or when it opens on the actor (« Du côté des
clients, ») and a later sentence states the relation. The sentence may be quoted (no
definition, denial, plan, contents line or flagged passage: ``claims.void_reason``; a
sentence read as a textbook generality only because it holds no name or figure counts
inside a paragraph anchored in the case) and its paragraph is anchored in the case
(« notre », a figure, a proper name), or, developed, lies in a section that is. A sentence
naming the parts of three elements lists them (an introduction to the model), and one
naming the tool (« Porter », « les 5 forces », « SWOT ») is left to the cue rules. Between
customers and suppliers, the actor named first is the one the sentence is about.

A frame counts only inside an analysis of the tool (``in_analysis``): another element's
frame nearby in the same section, an element the rules found present there, or (Porter)
a section titled by competition. A lone competitor named in an event's planning, or a
supplier's price hike told as economic context, is no force.

Applied after the learned decisions (``detect_checkpoints``), it reads no weight and feeds
none (training reads the cue rules' outcomes, before it); it only turns an absent element
present, quoted from the first such passage, and the checkpoint then follows its elements
(a Porter analysis of only some forces is partial, not absent).
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
DEVELOPED = 15  # words of a paragraph that develops a point (not a label or an entry)
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
    r"(?:(?:un|le|du|de|son|leur|fort|grand|vrai|gros|ce) pouvoir\b|poids\b"
    r"|pes(?:e|ent|ait|aient)\b|negoci(?:e[rsz]?|ent|ation\w*|ons|ai\w*)\b|impos\w*|fix(?:e|ent)"
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
_TOOL = _words(r"(?:porter\b|(?:5|cinq) forces\b|swot\b|ffom\b|afom\b)")  # the cue rules read these
_ANALYSIS_TITLE = _words(
    r"(?:concurren\w*|rival\w*|micro-? ?environnement|rapports? de forces?"
    r"|forces? (?:de porter|concurrentielles?))"
)

_ENTRY = r"^\W*(?:{})s?\s*:"  # an entry line: « Force : la cave d'affinage, unique à Rodez. »
_STRENGTHS = _words(
    r"(?:atouts?\b|points? forts?\b"
    r"|ce qui (?:fait|joue|plaide) (?:pour|en (?:sa|leur|notre) faveur)"
    r"|(?:notre|nos|sa|ses|leur|leurs|la|les) forces?\b"
    r"(?! (?:de vente|de frappe|de porter|concurrentiel\w*|du marche))"
    r"|a pour (?:elle|lui|eux|elles)\b|peu(?:t|vent) s'appuyer sur|"
    + _ENTRY.format("forces?")
    + ")"
)
_WEAKNESSES = _words(
    r"(?:faiblesses?\b|points? faibles?\b|fragilites?\b|handicaps?\b|ce qui (?:joue|plaide) contre"
    r"|souffre\w* (?:en revanche |surtout |aussi )?d[e'u]|ce qui (?:nous|lui|leur) manque)"
)
_OPPORTUNITIES = _words(
    r"(?:opportunites?\b|(?:des|de vraies|autant de) chances\b|tendances? favorables?\b"
    r"|(?:joue|jouent) en (?:sa|leur|notre) faveur|ouvre\w* (?:des|de nouvelles) portes"
    r"|ce qui (?:peut|pourrait) (?:nous|l'|les|la|le) aider)"
)
_THREATS = _words(
    r"(?:(?:la|une|des|les|principales?|grandes?|vraies?|autres?|seule|nouvelles?) menaces?\b"
    r"(?! (?:des|de) (?:nouveaux|produits|substitut))|" + _ENTRY.format("menaces?") + ""
    r"|fai\w* face a (?:des|de|plusieurs) (?:risques|menaces|dangers))"
)

FRAMES: dict[str, dict[str, tuple[Frame, ...]]] = {
    "porter": {
        "rivalite": (Frame(_COMPETITORS),),
        "substituts": (Frame(_REPLACING),),
        "pouvoir_clients": (Frame(_CUSTOMERS, _POWER),),
        "pouvoir_fournisseurs": (Frame(_SUPPLIERS, _POWER),),
    },
    "swot": {
        "forces": (Frame(_STRENGTHS),),
        "faiblesses": (Frame(_WEAKNESSES),),
        "opportunites": (Frame(_OPPORTUNITIES),),
        "menaces": (Frame(_THREATS),),
    },
}
"""Each tool's elements as frames (a checkpoint whose elements are the parts of one analysis
of the case's environment or position)."""
TITLES: dict[str, re.Pattern[str]] = {"porter": _ANALYSIS_TITLE}
"""A section title that makes a unit under it part of the tool's analysis."""
_PARTNERS = (_CUSTOMERS, _SUPPLIERS)  # the same word may buy or sell (« centrale d'achat »)


Actors = tuple[re.Pattern[str], ...]


def actors_of(frames: dict[str, tuple[Frame, ...]]) -> Actors:
    return tuple(f.actor for wanted in frames.values() for f in wanted)


def framed(
    unit: Unit, frame: Frame, actors: Actors, relation: bool = True, anchored: bool = False
) -> bool:
    """``frame``'s actor is named in ``unit`` (and, with ``relation``, its relation stated
    there too); between customers and suppliers, the one the unit names first is the one it
    is about (« Côté fournisseurs, la librairie dépend des distributeurs »). A unit naming
    the ``actors`` of three elements lists the tool's parts; one naming the tool is left to
    the cue rules. A unit without a case of its own reads as a generality (« Les substituts
    sont nombreux : ... »), which it is not inside a paragraph ``anchored`` in the case."""
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
    return sum(bool(a.search(text)) for a in set(actors)) < LISTED_FORCES


def _anchored(units: list[Unit]) -> bool:
    """Some unit of the section, other than one naming the tool (« les 5 forces »), is
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


def _states(units: list[Unit], frame: Frame, actors: Actors, anchored: bool) -> list[Unit]:
    """The units of one paragraph (of a section ``anchored`` in the case) that state
    ``frame``: a sentence with the actor and the
    relation, or the paragraph's opening sentence leading on the actor with a later
    sentence stating the relation (« Du côté des fournisseurs, il y a peu de scieries. ...
    nous n'avons pas beaucoup de poids pour négocier. »)."""
    if not anchored:
        return []  # the section says nothing of the case
    for unit in units:
        if framed(unit, frame, actors, anchored=True):
            return [unit]
    first = units[0]
    lead = framed(first, frame, actors, relation=False, anchored=True) and _leads(first, frame)
    if frame.relation is None or not lead:
        return []
    for unit in units[1:]:
        text = fold_apostrophes(unit.text)
        if quotable(unit) and frame.relation.search(text):
            if any(a.search(text) for a in actors if a is not frame.actor):
                break  # the paragraph has moved on to another actor
            return [first, unit]
    return []


def force_units(
    layout: Layout, frames: dict[str, tuple[Frame, ...]]
) -> dict[str, list[list[Unit]]]:
    """For each element of ``frames``, the passages that state it (``_states``), each as the
    units to quote, in reading order."""
    actors = actors_of(frames)
    blocks: dict[int, list[Unit]] = {}
    sections: dict[tuple[str, ...], list[Unit]] = {}
    for unit in layout.units:
        if unit.kind != "heading":
            blocks.setdefault(unit.block, []).append(unit)
            sections.setdefault(unit.section, []).append(unit)
    anchored = {section: _anchored(units) for section, units in sections.items()}
    found: dict[str, list[list[Unit]]] = {}
    for target, wanted in frames.items():
        found[target] = []
        for block in blocks.values():
            # a developed paragraph of an anchored section speaks of the case (« Elle souffre
            # d'une image vieillissante »); a short line must hold the case itself
            long = sum(len(u.tokens) for u in block) >= DEVELOPED
            case = _anchored(block) or (long and anchored[block[0].section])
            units = next((s for s in (_states(block, f, actors, case) for f in wanted) if s), [])
            if units:
                found[target].append(units)
    return found


def in_analysis(
    unit: Unit,
    target: str,
    found: dict[str, list[list[Unit]]],
    anchors: list[Unit],
    title: re.Pattern[str] | None = None,
) -> bool:
    """``unit`` lies in an analysis of the tool: another element is stated in the same
    section within ``WINDOW`` units of it (in the same sentence too: « la concurrence ... ;
    le streaming reste le principal substitut »), an element the rules found present is
    quoted there (an analysis whose other parts carry their names), or its section's
    ``title`` says what it analyses (« 1.3 La concurrence », « Rapports de force »)."""
    if title is not None and unit.section and title.search(fold_apostrophes(unit.section[-1])):
        return True
    near = [p[0] for t, passages in found.items() if t != target for p in passages] + anchors
    return any(u.section == unit.section and abs(u.index - unit.index) <= WINDOW for u in near)


def read_forces(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` with each absent element of a checkpoint ``FRAMES`` knows made present
    when a unit of an analysis of the tool (``in_analysis``) states its frame, quoted from
    the first one; the checkpoint then follows its elements."""
    checkpoint = outcome.checkpoint.id
    frames = FRAMES.get(checkpoint)
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
    title = TITLES.get(checkpoint)
    weigher = Weigher(frozenset(), {})
    elements = []
    for element in outcome.elements:
        target = element.element.id
        passages = [
            p for p in found.get(target, []) if in_analysis(p[0], target, found, anchors, title)
        ]
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
