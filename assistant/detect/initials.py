"""A tool written as its initials: « P : ... », « E : ... », « S : ... », one line per element.

Students who write in fragments (slides, bullet lists) often spell the tool's name down the
margin: a PESTEL as six lines opening on « P : », « E : », « S : », « T : », « E : », « L : »,
the SMART criteria as « S : », « M : », « A : », « R : », « T : ». No cue names the element
there (a letter alone names nothing), so the cue rules find none of them, and a letter « E »
could be the economic or the ecological factor: only its place in the run says which.

The référentiel gives each such tool its initials (``Checkpoint.initials``, one letter per
element in the order of its elements). A run is three lines or more, close together in one
section, each opening on a capital letter alone followed by a colon, a dash or « = »; its
letters, read in order, must spell the initials with one letter left out at most (« P E S E L »
is a PESTEL whose technological line is missing). Each line is then its element's entry,
counted like an entry line of the cue rules: it needs terse content (``Substance.terse``), to
be quotable, and to meet the element's requirements (figures, dates). A run that spells the
initials less well, or lines that open on letters of no tool, give nothing.

Where the run gives a line to one element, it is no evidence of another: a present element
quoted only from siblings' lines (« L : loi Evin... » as the ecological factor) is absent.
Applied after the learned decisions (``detect_checkpoints``), it reads no weight and feeds
none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.detect.checkpoint import (
    CheckpointOutcome,
    ElementOutcome,
    Finding,
    checkpoint_status,
)
from assistant.detect.claims import quotable
from assistant.detect.requirements import meets
from assistant.detect.scope import Layout
from assistant.detect.substance import unit_substance
from assistant.detect.units import Unit
from assistant.referentiel.models import Element

_LETTER = re.compile(r"^\W{0,4}([A-Z])\W{0,2}\s*(?::|=|—|–|-(?=\s))\s*\w")
MIN_RUN = 3  # lines in a run
GAP = 2  # units between two lines of a run at most


def letter_runs(layout: Layout) -> list[list[tuple[str, Unit]]]:
    """Runs of lines that open on one capital letter (« P : ... »), each line with its letter."""
    runs: list[list[tuple[str, Unit]]] = []
    for unit in layout.units:
        m = _LETTER.match(unit.text) if unit.kind != "heading" else None
        if m is None:
            continue
        run = runs[-1] if runs else None
        if run and run[-1][1].section == unit.section and unit.index - run[-1][1].index <= GAP:
            run.append((m.group(1), unit))
        else:
            runs.append([(m.group(1), unit)])
    return [r for r in runs if len(r) >= MIN_RUN]


def spelt(run: Sequence[tuple[str, Unit]], word: str) -> list[tuple[int, Unit]] | None:
    """Each line of ``run`` with the position of its letter in ``word``, read in order (one
    letter of ``word`` may be missing); None when the run does not spell ``word`` so."""
    out, at = [], 0
    for letter, unit in run:
        while at < len(word) and word[at] != letter:
            at += 1
        if at == len(word):
            return None
        out.append((at, unit))
        at += 1
    return out if len(out) >= max(MIN_RUN, len(word) - 1) else None


def by_initials(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` with each element quoted only from its siblings' initial lines made absent,
    and each absent element whose own line (``spelt``) holds terse, quotable content meeting
    its requirements made present, quoted from that line."""
    checkpoint = outcome.checkpoint
    words = [w.upper() for w in checkpoint.initials if len(w) == len(checkpoint.elements)]
    if not words:
        return outcome
    lines: dict[int, Unit] = {}
    for run in letter_runs(layout):
        for word in words:
            found = spelt(run, word)
            if found is not None:
                for at, unit in found:
                    lines.setdefault(at, unit)
                break
    if not lines:
        return outcome
    elements = []
    for at, element in enumerate(outcome.elements):
        own = lines.get(at)
        element = _taken(element, at, lines) if element.status == "present" else element
        if element.status == "absent" and own is not None and _holds(own, element.element):
            substance = unit_substance(own, frozenset())
            finding = Finding(own, [own], substance, verdict=True, entry=True)
            findings = [finding, *(replace(f, verdict=False) for f in element.findings)]
            elements.append(replace(element, status="present", findings=findings))
        else:
            elements.append(element)
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, outcome.findings, named)
    return replace(outcome, status=status, elements=elements)


def _taken(element: ElementOutcome, at: int, lines: dict[int, Unit]) -> ElementOutcome:
    """A present element whose every quoted unit is a sibling's initial line (« L : loi Evin »
    credited to the ecological factor) was read in another element's place: absent."""
    others = {u.index for k, u in lines.items() if k != at}
    quoted = {u.index for f in element.findings if f.substantive for u in f.units}
    if not quoted or not quoted <= others:
        return element
    return replace(
        element, status="absent", findings=[replace(f, verdict=False) for f in element.findings]
    )


def _holds(unit: Unit, element: Element) -> bool:
    """The line may be quoted, says something in few words and meets the requirements."""
    terse = unit_substance(unit, frozenset()).terse
    return quotable(unit) and terse and meets(element.requires, [unit])
