"""A target's own place: the heading or entry line the dossier gives an element or a topic, and
whether what stands there takes it back.

A student who titles a part « Étude qualitative » or opens a line on « Qualitative : » shows
there what was done for it. When what stands under that title (or
after that colon) asserts nothing and says it was not done or will be done later (« Non
réalisée faute de temps », « à définir », « – »), the dossier has said in its own words that
the element is not treated: a word of the element met elsewhere (« l'atelier d'entretien »
for interviews) is about something else, and the element is absent. For a whole topic only an
explicit denial under its own title counts so (« Le tableau de suivi n'a pas été réalisé »):
an announcement still tells its intent (partial); and a line of its own section that names one
of its parts and leaves it empty (« Budget prévisionnel : non communiqué ») makes it partial,
the dossier saying itself that part of what the criterion asks is missing.

A place that sends the reader elsewhere (« voir la partie 6 ») is no verdict, nor is a title
over sub-sections or over nothing, a place holding only a definition or a quoted hypothetical
(a verbatim), or a title that also names another checkpoint of the épreuve (« Accessibilité
numérique » is the RGAA's); a target with any place of its own that says something keeps its
status. Applied after the learned decisions (``detect_checkpoints``), it reads no weight and
feeds none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.detect.checkpoint import (
    CHECKPOINT,
    HEADING_CUE_EXTRA,
    CheckpointOutcome,
    checkpoint_cues,
    checkpoint_status,
    cue_names,
    empty_entry,
    names_entry,
)
from assistant.detect.claims import void_reason
from assistant.detect.cues import CueHit, CueIndex
from assistant.detect.scope import Layout
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit
from assistant.referentiel.models import Checkpoint
from assistant.textnorm import fold_apostrophes

_NO_VERDICT = frozenset({"reference", "toc"})  # content is elsewhere, or this is no place


def taken_back(
    outcome: CheckpointOutcome, layout: Layout, others: CueIndex | None = None
) -> CheckpointOutcome:
    """``outcome`` with every element (or the topic) whose own places all take it back made
    absent, its findings no evidence; a checkpoint with elements follows its elements.
    ``others`` holds the names of the épreuve's checkpoints: a title that names another one
    (« Accessibilité numérique » is the RGAA's as much as inclusion's) is no own place."""
    checkpoint = outcome.checkpoint
    if not checkpoint.elements:
        if outcome.status == "absent":
            return outcome
        if disowned(checkpoint, layout, CHECKPOINT, others):
            findings = [replace(f, verdict=False) for f in outcome.findings]
            return replace(outcome, status="absent", findings=findings)
        if outcome.status == "present" and part_left_empty(checkpoint, layout, others):
            findings = [replace(f, verdict=False) for f in outcome.findings]
            return replace(outcome, status="partial", findings=findings)
        return outcome
    elements = [
        replace(e, status="absent", findings=[replace(f, verdict=False) for f in e.findings])
        if e.status == "present" and disowned(checkpoint, layout, e.element.id, others)
        else e
        for e in outcome.elements
    ]
    if all(a is b for a, b in zip(elements, outcome.elements, strict=True)):
        return outcome
    # what backed a taken-back element is no evidence of the checkpoint either
    gone = {
        u.index
        for a, b in zip(elements, outcome.elements, strict=True)
        if a is not b
        for f in b.findings
        for u in f.units
    }
    findings = [
        replace(f, verdict=False) if {u.index for u in f.units} <= gone else f
        for f in outcome.findings
    ]
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, findings, named)
    return replace(outcome, status=status, elements=elements, findings=findings)


def disowned(
    checkpoint: Checkpoint, layout: Layout, target: str, others: CueIndex | None = None
) -> bool:
    """``target`` (an element id, or ``"checkpoint"`` for a topic) has a place of its own in
    the dossier, and every such place takes it back (see the module's docstring)."""
    index, names = _index(checkpoint)
    verdicts = [_verdict(checkpoint, layout, unit, hits, names, target) for unit, hits in
                _places(layout, index, target, checkpoint.id, others)]  # fmt: skip
    verdicts = [v for v in verdicts if v is not None]
    return bool(verdicts) and all(verdicts)


def part_left_empty(checkpoint: Checkpoint, layout: Layout, others: CueIndex | None = None) -> bool:
    """Under a title of the topic's own, a line names one of its parts (a word of the
    criterion: its label or description) and says it is empty (« Budget prévisionnel : non
    communiqué », « Échéance : à définir »): the dossier says itself that part of what the
    criterion asks is missing. A line about something else (« Opportunités : à compléter »
    under the company's presentation) is not one of its parts."""
    index, names = _index(checkpoint)
    criterion = set(_WORD.findall(fold_apostrophes(f"{checkpoint.label} {checkpoint.description}")))
    for unit, hits in _places(layout, index, CHECKPOINT, checkpoint.id, others):
        if unit.kind != "heading" or _title_words(unit, hits, names) > HEADING_CUE_EXTRA:
            continue
        if any(_empty_part(u, criterion) for u in layout.heading_body(unit)):
            return True
    return False


PART_WORDS = 4  # the name of a part before its colon is short
# « non communiqué », « pas encore fixé », « à définir », « à arrêter avec le client »
_EMPTY_VALUE = re.compile(
    r"^(?:non|pas encore|pas) (?:encore )?(?:communique|defini|fixe|chiffre|precise|renseigne"
    r"|arrete|valide|connu|determine|decide|etabli)e?s?\b"
    r"|^a (?:encore )?(?!partir\b|venir chercher\b)(?:[a-z]+(?:er|ir)|faire|construire|ecrire)\b"
    r"|^inconnue?s?\b"
)


def _empty_part(unit: Unit, criterion: set[str]) -> bool:
    """A line « Part : <nothing> »: a short name, a colon, and a value that says it is empty
    (a dash, « à définir », « non communiqué par le client »); « aucun » opens content as well
    (« Concurrents : aucun dans le quartier ») and counts only alone."""
    if unit.kind != "sentence" or ":" not in unit.text[:80]:
        return False
    name, _, value = unit.text.partition(":")
    if not 0 < len(name.split()) <= PART_WORDS:
        return False
    if not set(_WORD.findall(fold_apostrophes(name))) & criterion:  # a part the criterion names
        return False
    if empty_entry(unit):
        return True
    folded = fold_apostrophes(value).strip(" *_").rstrip(".!…").strip()
    return bool(_EMPTY_VALUE.match(folded)) and len(folded.split()) <= 2 * PART_WORDS


_WORD = re.compile(r"[a-z]{4,}")  # a content word of a part's name, folded


def _title_words(unit: Unit, hits: Sequence[CueHit], names: frozenset[str]) -> int:
    weigher = Weigher(names, {unit.index: frozenset(s for h in hits for s in h.cue.stems)})
    return weigher.extra_words(unit)


def _index(checkpoint: Checkpoint) -> tuple[CueIndex, frozenset[str]]:
    cues = checkpoint_cues(checkpoint)
    return CueIndex(cues), cue_names(cues)


def _places(
    layout: Layout, index: CueIndex, target: str, owner: str, others: CueIndex | None
) -> list[tuple[Unit, Sequence[CueHit]]]:
    """Headings and lines that name ``target`` (and no sibling, nor another checkpoint of
    ``others``) as a title or an entry."""
    out: list[tuple[Unit, Sequence[CueHit]]] = []
    for unit in layout.units:
        if unit.kind not in ("heading", "sentence"):
            continue
        hits = index.find(unit)
        mine = [h for h in hits if h.cue.target == target]
        if not mine or {h.cue.target for h in hits} - {target, CHECKPOINT}:
            continue
        if others is not None and {h.cue.target for h in others.find(unit)} - {owner}:
            continue
        out.append((unit, mine))
    return out


def _verdict(
    checkpoint: Checkpoint,
    layout: Layout,
    unit: Unit,
    hits: Sequence[CueHit],
    names: frozenset[str],
    target: str,
) -> bool | None:
    """True: this place takes the target back; False: it says something of it; None: it is
    no place of the target's own (a sentence naming it in passing, a part's title)."""
    topic = target == CHECKPOINT and not checkpoint.elements
    if unit.kind == "heading":
        if _title_words(unit, hits, names) > HEADING_CUE_EXTRA:
            return None
        body = layout.heading_body(unit)
        if not body or any(u.kind == "heading" for u in body):
            return None
        return _takes_back([void_reason(u) for u in body], topic)
    if not any(h.first <= 1 and names_entry(h) for h in hits):
        return None
    if empty_entry(unit):
        return True
    # one line may announce and still hold content (« Distribution : nos 85 revendeurs, et on
    # veut démarcher ... »): only a denial takes an entry back
    return True if void_reason(unit) == "negated" else None


def _takes_back(reasons: Sequence[str | None], topic: bool) -> bool | None:
    """Nothing there asserts anything, and something says it was not done (or, for an
    element, that it will be done later); a place holding only a definition or a quoted
    hypothetical (« J'aurais aimé un devis en ligne », a verbatim) decides nothing."""
    if any(r in _NO_VERDICT for r in reasons):
        return None
    if any(r is None for r in reasons):
        return False
    if "negated" in reasons or (not topic and "announce" in reasons):
        return True
    return None
