"""Does a quoted passage support an element? The offline judgment, run on the passage alone.

An LLM may raise an element only with a quote that this judgment accepts: the passage (whole
sentences, under its section's headings) must name the element, affirm it, and analyse it for
the case, exactly as detection demands of the dossier itself. A listing of tools, a
definition, a denial, an intention, a table-of-contents line or a sentence about something
else supports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.assessment import Status
from assistant.detect.checkpoint import (
    CHECKPOINT,
    CheckpointOutcome,
    Finding,
    checkpoint_cues,
    detect_checkpoint,
    section_owners,
)
from assistant.detect.claims import (
    case_anchored,
    invented_case,
    quotable,
    voiced,
    void_reason,
)
from assistant.detect.cues import CueIndex
from assistant.detect.outline import reads_as_contents
from assistant.detect.scope import Layout
from assistant.detect.sentences import sentence_spans
from assistant.detect.toc import opens_contents
from assistant.detect.units import Unit, tokenize
from assistant.detect.verdict import Rules
from assistant.referentiel.models import Checkpoint
from assistant.textnorm import fold_apostrophes

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
    list of tools (and whose background sections hold topics named in passing).

    The cue rules read the passage first. A passage read alone (no ``section``) is then
    judged by the learned model (``verdict``, when trained), which weighs the rules' reading
    with what the passage is (case analysis or definition, advice, listing...) and how close
    its meaning is to the target and to its siblings."""
    if opens_contents(passage) or reads_as_contents(passage):
        return Support("absent", 0.0, "thin")  # a table of contents says where, not what
    from assistant.injection import is_injection  # it imports detection through ingest

    if is_injection(passage):
        return Support("absent", 0.0, "flagged")
    reading = read_passage(passage, checkpoint, section, others)
    ruled, rules = reading.of(element)
    units = reading.units
    invented = invented_case(units, examples=not section)
    real = [u for u in units if u.index not in invented and void_reason(u) is None]
    if invented and not any(case_anchored(u) for u in real):
        # a method illustrated on a made-up business (« supposons une crêperie… ») and nothing
        # of any other case around it: the passage analyses no case
        return Support("absent", 0.0, "thin")
    if section or not units or all(void_reason(u) is not None for u in units):
        # under headings the rules read context the model never saw (it learned passages
        # alone); definitions, denials, plans and contents lines: the rules' word is final
        return ruled
    if keyword_list(passage) and lists_names(passage):
        # tools, labels, partners by their names: what exists, nothing said of a case
        return Support("absent", 0.0, "thin")
    from assistant.detect.judged import passage_judge  # the embedder: loaded on first use

    judge = passage_judge(passage, units)
    if judge is None:
        return ruled
    if speaks_of_no_case(units, judge.analysis):
        return Support("absent", 0.0, "thin")
    if element is None and checkpoint.elements:
        # a checkpoint with elements is what its elements are: all present, present; some
        # present or partial (or the checkpoint only named), partial; none, absent
        found = [judge(checkpoint, e.id, others, reading.of(e.id)[1]) for e in checkpoint.elements]
        if all(f == "present" for f in found):
            status: Status = "present"
        elif any(f != "absent" for f in found) or ruled.status != "absent":
            status = "partial"
        else:
            status = "absent"
    else:
        status = judge(checkpoint, element, others, rules)
    if status == "present" and keyword_list(passage):
        status = "partial"  # items named in a few words each: named, not analysed
    if status == ruled.status:
        return ruled
    if status == "present":
        return Support("present", ruled.score)
    return Support(status, ruled.score, ruled.refusal or "thin")


NO_CASE = 0.45  # below it, the embedding reads the passage as no case analysis, with a margin


def speaks_of_no_case(units: Sequence[Unit], analysis: float) -> bool:
    """A passage read alone that speaks for nobody: several sentences, none in the voice of a
    candidate or a company (« nous », « notre », « j'ai »), and a meaning the embedding reads as
    no case analysis (``analysis``: its probability of one, ``Judge.analysis``). Course pages,
    method sheets, checklists for any organiser, definitions and tool lists read so, and they
    analyse no case whatever element they name. One sentence is too little to tell (« Budget de
    la campagne : 5 000 € » is a student's line about the case). A passage that reports a
    measured result (``reports_measure``) speaks of what was measured: published audits,
    surveys and studies are written so, in nobody's voice."""
    return (
        len(units) >= 2
        and analysis < NO_CASE
        and not any(voiced(u) for u in units)
        and not any(reports_measure(u) for u in units)
    )


# a result read off a measure: « le sondage révèle que 62 % des clients… », « le comptage
# montre que 9 % des visiteurs… », « la part des retours s'élève à 4 % »
_REPORTED = re.compile(
    r"\b(?:revel(?:e|ent|ait|aient)|montr(?:e|ent|ait|aient)|indiqu(?:e|ent|ait|aient)"
    r"|fai(?:t|saient|sait) apparaitre|ressort(?:ait)?|s'elev(?:e|ent|ait|aient) a"
    r"|atteign(?:ent|ait|aient)|atteint)\b"
)
_SHARE = re.compile(r"\d(?:[\d\s.,]*\d)?\s?%")


def reports_measure(unit: Unit) -> bool:
    """The sentence gives a measured share as the result of something read or counted (a
    percentage after « révèle », « montre », « indique », « s'élève à », « ressort »…): a
    finding about what was measured, not a definition of the measure."""
    folded = fold_apostrophes(unit.text)
    found = _REPORTED.search(folded)
    return found is not None and bool(_SHARE.search(folded, found.end()))


KEYWORD_ITEMS = 4  # fewer items are a short enumeration inside a sentence
KEYWORD_WORDS = 6  # an item of at most this many words, with no figure, only names a thing
KEYWORD_SHARE = 0.7
_ITEM = re.compile(r"[•▪◦●]|\n\s*[-–—*]\s")


def keyword_list(passage: str) -> bool:
    """The passage is a list of keywords: items (after bullets or dashes) most of which are a
    few words with no figure (« Flotte récente », « Tarifs lisibles »). It
    names what it lists without analysing it: whatever it lists is at most partial. Items with
    figures are facts of a case, and a table (cells between bars) is read by its cells."""
    if "|" in passage:
        return False
    items = [i.strip(" \t;.,") for i in _ITEM.split(passage)[1:]]
    items = [i for i in items if i]
    if len(items) < KEYWORD_ITEMS:
        return False
    short = [i for i in items if len(i.split()) <= KEYWORD_WORDS and not _DIGIT.search(i)]
    return len(short) >= KEYWORD_SHARE * len(items)


_DIGIT = re.compile(r"\d")
NAMES_SHARE = 0.7
NAMES_MIN = 3


def lists_names(passage: str) -> bool:
    """The listed items are names (« Google Alerts », « NF Environnement », « Ville de
    Saint-Brieuc », « GOTS »): a word after the first capitalised, or an acronym. A list of
    tools, labels or partners says what exists, not what a case did with it; a keyword
    grid of a case's traits (« Flotte récente », « Position de leader ») is no such list.
    An item of one plain word (« Feedly », « Qualité ») cannot tell a name from a trait and
    is not counted; what an item says in brackets is left out."""
    names = plain = 0
    for item in _ITEM.split(passage)[1:]:
        words = re.sub(r"\([^)]*\)?", " ", item).split()
        if not words:
            continue
        if any(_acronym(w) for w in words) or any(w[:1].isupper() for w in words[1:]):
            names += 1
        elif len(words) > 1:
            plain += 1
    return names >= NAMES_MIN and names >= NAMES_SHARE * (names + plain)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Reading:
    """What the cue rules make of a passage for one checkpoint and each of its elements."""

    checkpoint: Checkpoint
    layout: Layout
    outcome: CheckpointOutcome
    implied: bool  # read under the checkpoint's title, which the passage did not write

    @property
    def units(self) -> list[Unit]:
        """The passage's units, headings aside."""
        return [u for u in self.layout.units if u.kind != "heading"]

    def of(self, element: str | None) -> tuple[Support, Rules]:
        """The rules' verdict for ``element`` (the checkpoint when None)."""
        if element is None:
            findings, status = self.outcome.findings, self.outcome.status
        else:
            found = next(e for e in self.outcome.elements if e.element.id == element)
            findings, status = found.findings, found.status
        score = max((f.substance.score for f in findings if f.substantive), default=0.0)
        titled = self.implied and all(_only_title(f) for f in findings)
        if titled and status == "partial":
            status = "absent"  # thin content found only through the title we supplied
        if status == "present":
            ruled = Support(status, score)
        else:
            refusal = _refusal(self.checkpoint, element, self.layout, bool(findings))
            ruled = Support(status, score, refusal)
        elements = {e.element.id: e.status for e in self.outcome.elements}
        # found only through the title supplied for a passage read alone: never named by it
        supplied = self.implied and all(f.anchor.kind == "heading" for f in findings)
        named = ruled.refusal != "unnamed" and not (findings and supplied)
        return ruled, Rules(ruled.status, ruled.refusal, ruled.score, elements, named)


def read_passage(
    passage: str,
    checkpoint: Checkpoint,
    section: Sequence[str] = (),
    others: Sequence[Checkpoint] = (),
) -> Reading:
    """The cue rules' reading of ``passage`` for ``checkpoint``, under ``section``."""
    from assistant.detect import tool_enumerations, tool_listings  # the package imports this

    # a quote judged for a checkpoint, with no heading of its own, is read under that
    # checkpoint's title; that title alone, which the passage did not write, proves nothing
    layout = Layout(passage_units(passage, section or (checkpoint.label,)))
    everyone = [checkpoint, *(o for o in others if o.id != checkpoint.id)]
    listings = tool_listings(layout, everyone)
    enumerations = tool_enumerations(layout, everyone)
    owners = section_owners(layout, [c for c in everyone if c.background])
    outcome = detect_checkpoint(
        checkpoint, layout, None, listings, owners, None, None, enumerations
    )
    return Reading(checkpoint, layout, outcome, not section)


def read_by_rules(
    passage: str,
    checkpoint: Checkpoint,
    element: str | None = None,
    section: Sequence[str] = (),
    others: Sequence[Checkpoint] = (),
) -> tuple[Support, Rules, list[Unit]]:
    """The cue rules' verdict for the target, what they make of every element of its
    checkpoint, and the passage's units (headings aside)."""
    reading = read_passage(passage, checkpoint, section, others)
    return (*reading.of(element), reading.units)


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


_CUE_INDEXES: dict[tuple[str, str, tuple[str, ...]], CueIndex] = {}


def _cue_index(checkpoint: Checkpoint, target: str) -> CueIndex:
    """The cues of one target of ``checkpoint``, compiled once per process."""
    key = (checkpoint.id, target, tuple(checkpoint.cues))
    if key not in _CUE_INDEXES:
        cues = [c for c in checkpoint_cues(checkpoint) if c.target == target]
        _CUE_INDEXES[key] = CueIndex(cues)
    return _CUE_INDEXES[key]


def _refusal(checkpoint: Checkpoint, element: str | None, layout: Layout, found: bool) -> Refusal:
    if found:
        return "thin"
    index = _cue_index(checkpoint, element or CHECKPOINT)
    hits = [h for u in layout.units if u.kind != "heading" for h in index.find(u)]
    if not hits:
        return "unnamed"
    if not any(layout.affirms(h) for h in hits):
        return "denied"
    # named under a title of the checkpoint, yet no finding: named without analysis
    titles = _cue_index(checkpoint, CHECKPOINT)
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
