"""Does a quoted passage support an element? The offline judgment, run on the passage alone.

An LLM may raise an element only with a quote that this judgment accepts: the passage (whole
sentences, under its section's headings) must name the element, affirm it, and analyse it for
the case, exactly as detection demands of the dossier itself. A listing of tools, a
definition, a denial, an intention, a table-of-contents line or a sentence about something
else supports nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.assessment import Status
from assistant.detect.checkpoint import (
    CHECKPOINT,
    Finding,
    checkpoint_cues,
    detect_checkpoint,
    section_owners,
)
from assistant.detect.claims import case_anchored, quotable
from assistant.detect.cues import CueIndex
from assistant.detect.scope import Layout
from assistant.detect.sentences import sentence_spans
from assistant.detect.toc import opens_contents
from assistant.detect.units import Unit, tokenize
from assistant.referentiel.models import Checkpoint

# thin: named without analysis of the case; denied: named only to be denied or hypothesised;
# passing: a common word, outside a part given to the checkpoint; unnamed: not about it;
# flagged: an instruction to the dossier's reader (an injection), never evidence
Refusal = Literal["thin", "denied", "passing", "unnamed", "flagged"]


@dataclass(frozen=True)
class Support:
    """What detection makes of a passage for one target (an element, or the checkpoint)."""

    status: Status
    score: float = 0.0  # substance of the best finding (to rank passages)
    refusal: Refusal | None = None  # why not "present"


def support(
    passage: str,
    checkpoint: Checkpoint,
    element: str | None = None,
    section: Sequence[str] = (),
    others: Sequence[Checkpoint] = (),
) -> Support:
    """Detection of ``element`` (or of the checkpoint, when None) in ``passage`` alone, under
    the headings ``section``; ``others`` are the checkpoints whose names make a sentence a
    list of tools (and whose background sections hold topics named in passing)."""
    from assistant.detect import tool_listings  # the package imports this module

    # a quote judged for a checkpoint, with no heading of its own, is read under that
    # checkpoint's title; that title alone, which the passage did not write, proves nothing
    implied = not section
    layout = Layout(passage_units(passage, section or (checkpoint.label,)))
    everyone = [checkpoint, *(o for o in others if o.id != checkpoint.id)]
    listings = tool_listings(layout, everyone)
    owners = section_owners(layout, [c for c in everyone if c.background])
    outcome = detect_checkpoint(checkpoint, layout, None, listings, owners)
    if element is None:
        findings, status = outcome.findings, outcome.status
    else:
        found = next(e for e in outcome.elements if e.element.id == element)
        findings, status = found.findings, found.status
    score = max((f.substance.score for f in findings if f.substantive), default=0.0)
    if implied and status == "partial" and all(_only_title(f) for f in findings):
        status = "absent"  # thin content found only through the title we supplied
    if opens_contents(passage):
        return Support("absent", 0.0, "thin")  # a table of contents says where, not what
    from assistant.injection import is_injection  # it imports detection through ingest

    if is_injection(passage):
        return Support("absent", 0.0, "flagged")
    if status == "present":
        return Support(status, score)
    return Support(status, score, _refusal(checkpoint, element, layout, bool(findings)))


def supports(
    passage: str,
    checkpoint: Checkpoint,
    element: str | None = None,
    section: Sequence[str] = (),
    others: Sequence[Checkpoint] = (),
) -> bool:
    """``passage`` is, by itself, case-anchored analysis of ``element`` (see ``support``)."""
    return support(passage, checkpoint, element, section, others).status == "present"


def _only_title(finding: Finding) -> bool:
    """Found through the supplied title, with nothing quotable about the case under it."""
    if finding.anchor.kind != "heading" or finding.substantive:
        return False
    content = [u for u in finding.units if u.kind != "heading"]
    return not any(quotable(u) and case_anchored(u) for u in content)


def _refusal(checkpoint: Checkpoint, element: str | None, layout: Layout, found: bool) -> Refusal:
    if found:
        return "thin"
    target = element or CHECKPOINT
    index = CueIndex([c for c in checkpoint_cues(checkpoint) if c.target == target])
    hits = [h for u in layout.units if u.kind != "heading" for h in index.find(u)]
    if not hits:
        return "unnamed"
    if not any(layout.affirms(h) for h in hits):
        return "denied"
    # named under a title of the checkpoint, yet no finding: named without analysis
    titles = CueIndex([c for c in checkpoint_cues(checkpoint) if c.target == CHECKPOINT])
    own_part = any(titles.find(u) for u in layout.units if u.kind == "heading")
    return "thin" if own_part else "passing"


def passage_units(passage: str, section: Sequence[str] = ()) -> list[Unit]:
    """The passage's sentences, after one heading unit per title of ``section``."""
    units: list[Unit] = []
    offset = 0
    for depth, title in enumerate(section, start=1):
        units.append(_unit(units, "heading", title, offset, tuple(section[:depth]), True))
        offset += len(title) + 1
    block = len(units)
    for n, (start, end) in enumerate(sentence_spans(passage, offset)):
        text = passage[start - offset : end - offset]
        units.append(_unit(units, "sentence", text, start, tuple(section), n == 0, block))
    return units


def _unit(
    units: list[Unit],
    kind: Literal["heading", "sentence"],
    text: str,
    start: int,
    section: tuple[str, ...],
    first: bool,
    block: int | None = None,
) -> Unit:
    return Unit(
        index=len(units),
        kind=kind,
        start=start,
        end=start + len(text),
        page=None,
        section=section,
        block=len(units) if block is None else block,
        tokens=tuple(tokenize(text, start)),
        first_in_block=first,
        text=text,
    )
