"""Work the criterion asks to have been done, only planned.

The labelling convention reads what a criterion asks before it counts an intention: a plan, a
schedule, a budget or a set of target indicators is by nature forward-looking, and a concrete
plan for the case meets it; an audit, a measurement, a variance tracking, a survey, an event's
or a person's review must have been done, and « nous mesurerons chaque mois » or « un
questionnaire est prévu à la sortie » is none of it. The référentiel flags those checkpoints
(``done: true``). A topic so flagged whose every evidence sentence tells the work in the future
or as a plan (``PLANNED``, with no sign of work done: ``DONE_PAST``) is absent, its findings no
evidence; with a table in their sections (a tracking grid whose actuals are left empty), the
tool is ready and the work is not done: partial. Applied after the learned decisions
(``detect_checkpoints``): it reads no weight and feeds none.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.detect.checkpoint import CheckpointOutcome
from assistant.detect.claims import planned, void_reason
from assistant.detect.scope import Layout


def only_planned(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` made absent when its checkpoint asks for work done, it has no elements,
    and every sentence its findings rest on plans that work (or asserts nothing), one of
    them at least planning it; partial when a table stands in their sections (the tool laid
    out, the work not done)."""
    checkpoint = outcome.checkpoint
    if not checkpoint.done or checkpoint.elements or outcome.status == "absent":
        return outcome
    units = {u.index: u for f in outcome.findings for u in f.units if u.kind != "heading"}
    reasons = {i: void_reason(u) for i, u in units.items()}
    asserted = [u for i, u in units.items() if reasons[i] is None]
    if not all(planned(u) for u in asserted):
        return outcome
    # a sentence the rules already read as an announcement (« sera mis en place ») plans too
    if not asserted and "announce" not in reasons.values():
        return outcome
    findings = [replace(f, verdict=False) for f in outcome.findings]
    sections = {u.section for u in units.values()}
    if any(u.kind == "cell" and u.section in sections for u in layout.units):
        # a table laid out for the work (its columns left empty) is a tool made ready
        return replace(outcome, status="partial", findings=findings)
    return replace(outcome, status="absent", findings=findings)
