"""Does a run of sentences speak to the dossier's reader and ask it to judge?

Each sentence is folded (``scan_fold``) and given cues: whom it addresses (an automated
reader or evaluator: strong; the jury: weak), whether it asks for something (a command on an
assessment object or outcome, an order to ignore, a claim that the work "is already
validated"), or whether it is a classic override ("ignore previous instructions"). A window of
up to ``WINDOW`` consecutive sentences, paragraph breaks included, is an instruction to the
reader when it holds an addressee and a request that fits it; no single phrase decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.injection import lexicon as lx
from assistant.textnorm import scan_fold

WINDOW = 3  # sentences: the addressee's and the two after it (one before, for a late address)


@dataclass(frozen=True)
class Cues:
    """What one sentence contributes to an instruction."""

    addressee: int  # 2: an automated reader or evaluator; 1: the jury; 0: nobody
    command: bool  # asks to mark, validate, consider, report, ignore (any object)
    target: bool  # names an assessment object or an outcome
    outcome: bool  # names an outcome (present, validated, 20/20)
    judged: bool  # states an outcome of an assessment object ("les critères sont remplis")
    ignore: bool  # asks to ignore, skip or not report something
    claim: bool  # says the work is already validated / done
    override: bool  # a classic override on its own ("ignore previous instructions")
    sweeping: bool  # all the criteria / every competency

    @property
    def request(self) -> bool:
        return (self.command and self.target) or self.claim


def cues(sentence: str) -> Cues:
    text = scan_fold(sentence)
    addressee = 2 if any(p.search(text) for p in lx.ADDRESSEE_RE) else 0
    if not addressee and any(p.search(text) for p in lx.WEAK_ADDRESSEE_RE):
        addressee = 1
    return Cues(
        addressee=addressee,
        command=bool(lx.COMMAND_RE.search(text)),
        target=bool(lx.TARGET_RE.search(text)),
        outcome=bool(lx.STATE_RE.search(text)),
        judged=bool(lx.STATE_RE.search(text) and lx.OBJECT_RE.search(text)),
        ignore=bool(lx.IGNORE_RE.search(text)),
        claim=bool(lx.CLAIM_RE.search(text)),
        override=any(p.search(text) for p in lx.JAILBREAK_RE),
        sweeping=bool(lx.SWEEP_RE.search(text)),
    )


def _asks(window: Sequence[Cues], addressee: int) -> bool:
    """The window's request fits the addressee: anything for a machine reader; for the jury
    only an outcome to record or something to ignore (thanking or guiding the jury is fine)."""
    command = any(c.command for c in window)
    target = any(c.target for c in window)
    if addressee == 2:
        return any(c.claim or c.judged for c in window) or (command and target)
    if not (command and target):
        return False
    return any(c.outcome or c.ignore or c.sweeping for c in window)


def instruction_runs(all_cues: Sequence[Cues]) -> list[tuple[int, int]]:
    """(first, last) sentence indices, inclusive, of every instruction to the reader."""
    runs: list[tuple[int, int]] = []
    for index, cue in enumerate(all_cues):
        if cue.override:
            runs.append((index, index))
            continue
        if not cue.addressee:
            continue
        run = _run_from(all_cues, index, cue.addressee)
        if run is not None:
            runs.append(run)
    return _merge(runs)


def _run_from(all_cues: Sequence[Cues], index: int, addressee: int) -> tuple[int, int] | None:
    for last in range(index, min(index + WINDOW, len(all_cues))):
        if _asks(all_cues[index : last + 1], addressee):
            return index, last
    if index > 0 and _asks(all_cues[index - 1 : index + 1], addressee):
        return index - 1, index
    return None


def _merge(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(runs):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def is_instruction(text: str, sentences: Sequence[str] | None = None) -> bool:
    """True when ``text`` (or its ``sentences``) addresses the reader with a request."""
    from assistant.detect.sentences import sentence_spans

    parts = list(sentences) if sentences else [text[s:e] for s, e in sentence_spans(text)]
    return bool(instruction_runs([cues(p) for p in parts or [text]]))
