"""Detection of one checkpoint and its elements, driven by the référentiel's cues.

An element is present when a cue of it (or a paraphrase found by retrieval) comes with
substantive content about the case: in the same sentence, under it as a label or heading, or
in its table row or column. A weak cue (one common word) only counts inside the checkpoint's
context: where the checkpoint is named, or where several of its elements cluster.

The référentiel may ask more of the content (``requires``: figures, dates, people...), and a
checkpoint without elements (a whole topic) is not treated by a sentence that names it in
passing inside a section about something else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.assessment import Status
from assistant.detect.claims import about_case, planned, quotable, void_reason
from assistant.detect.cues import Cue, CueHit, CueIndex, compile_cue
from assistant.detect.lexicon import EMPTY_VALUES
from assistant.detect.negation import denied_tokens
from assistant.detect.requirements import meets
from assistant.detect.scope import Layout, cluster_region, table_region
from assistant.detect.substance import TOPIC_SCORE, Substance, Weigher, unit_substance
from assistant.detect.units import Unit
from assistant.referentiel.models import Checkpoint, Element, Requirement
from assistant.textnorm import fold, fold_apostrophes

CHECKPOINT = "checkpoint"
INSTANCE = "instance"
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
HEADING_CUE_EXTRA = 2  # words a heading may hold beside a heading cue
BODY_SPAN = 12  # units of a heading's body weighed for substance (a cell: a quarter)
LEAD_WORDS = 4  # a cue within the first words of a paragraph opens it
LISTED_ELEMENTS = 3  # a sentence naming this many elements lists them, analyses none
JOIN_GAP = 2  # units between two findings of a topic read together
ENTRY_MARKS = (":", "— ", "– ", "- ", "= ")  # what follows the name an entry line opens on
LIST_ITEMS = 4  # an enumeration of names holds this many items at least
LIST_ITEM_WORDS = 3  # ... each a few words (a name), the first aside
TITLE_TOKENS = 6  # a line this short may title what follows
# requirements read over the finding's whole section, and over the dossier's assertions
SECTION_WIDE: frozenset[Requirement] = frozenset({"fixes", "balance", "budget"})
DOSSIER_WIDE: frozenset[Requirement] = frozenset({"survey"})
SUBJECTS = frozenset({"je", "j", "nous", "on", "il", "elle", "ils", "elles"})  # a clause


@dataclass
class Finding:
    """Content attached to one cue occurrence (or paraphrase): its units and substance."""

    anchor: Unit
    units: list[Unit]  # the best units, quoted as evidence
    substance: Substance
    topic: bool = False  # a checkpoint without elements: a whole topic needs more
    meets: bool = True  # the référentiel's requirements hold in the content
    required: bool = False  # ... and there were some
    passing: bool = False  # a topic named in passing in a section about something else
    verdict: bool | None = None  # the dossier-level decision (``judgment``), when it overrides
    entry: bool = False  # the element's own entry line (« Paid : Meta Ads 150 € »)

    @property
    def substantive(self) -> bool:
        if self.verdict is not None:
            return self.verdict
        if not self.meets or (self.topic and self.passing):
            return False
        if self.topic and self.required:  # what the référentiel asks for is there
            return self.substance.treats_topic(specific=True) or (
                self.substance.substantive and self.substance.score >= TOPIC_SCORE
            )
        if self.topic:
            return self.substance.treats_topic()
        return self.substance.terse if self.required or self.entry else self.substance.substantive


@dataclass
class ElementOutcome:
    element: Element
    status: Status
    findings: list[Finding] = field(default_factory=list)
    mentioned: bool = False


@dataclass
class CheckpointOutcome:
    checkpoint: Checkpoint
    status: Status
    elements: list[ElementOutcome]
    findings: list[Finding]
    mentioned: bool


def checkpoint_cues(checkpoint: Checkpoint) -> list[Cue]:
    """The checkpoint's cues and heading cues, then each element's cues and label."""
    raw: list[tuple[str, str, str | None, bool]] = [
        (CHECKPOINT, t, None, False) for t in checkpoint.cues
    ]
    raw += [(CHECKPOINT, t, None, True) for t in checkpoint.heading_cues]
    for element in checkpoint.elements:
        raw.extend((element.id, t, element.label, False) for t in [element.label, *element.cues])
    cues = [compile_cue(target, text, label, titles) for target, text, label, titles in raw]
    return [c for c in cues if c is not None]


def detect_checkpoint(
    checkpoint: Checkpoint,
    layout: Layout,
    paraphrases: Mapping[str, Sequence[Unit]] | None = None,
    listings: frozenset[int] = frozenset(),
    owners: Mapping[int, frozenset[str]] | None = None,
    semantic: Mapping[str, Sequence[Unit]] | None = None,
    entries: Mapping[int, frozenset[str]] | None = None,
    enumerations: frozenset[int] = frozenset(),
    titles: Mapping[int, frozenset[str]] | None = None,
    phrases: Phrases | None = None,
    claimed: Mapping[str, frozenset[int]] | None = None,
) -> CheckpointOutcome:
    """Status of ``checkpoint`` and its elements in the dossier laid out by ``layout``.

    ``paraphrases`` maps a target (an element id, or ``"checkpoint"``) to units that retrieval
    found close in meaning; they count like cue occurrences inside a section that deals with
    the checkpoint. ``listings`` are units that name several checkpoints ("nous avons utilisé
    PESTEL, Porter et SWOT"): a list of tools introduces none of them. ``owners`` maps a unit
    to the checkpoints whose heading titles its section (see ``section_owners``).
    ``semantic`` maps a target to units of passages the passage model attributes to it.
    ``entries`` maps a line to the elements (``checkpoint.element``, any checkpoint) whose
    name opens it as an entry (see ``entry_names``). ``enumerations`` are sentences that name
    several checkpoints as items of one list: a topic named there is only mentioned.
    ``titles`` maps a heading or a short line to the elements (any checkpoint) it names (see
    ``title_names``). ``phrases`` are the cue occurrences of every checkpoint of the épreuve
    (``cue_phrases``): an element's word inside a longer name of another checkpoint is that
    checkpoint's (see ``_Scan``). ``claimed`` maps an element (``checkpoint.element``) to the
    units of sections another checkpoint's heading claims for a name they share (see
    ``other_titles.claimed_elsewhere``): a cue there is the other checkpoint's.
    """
    scan = _Scan(
        checkpoint, layout, listings, owners or {}, entries or {}, titles, enumerations, phrases
    )
    para = paraphrases or {}
    meant = semantic or {}
    elements = []
    for element in checkpoint.elements:
        away = (claimed or {}).get(f"{checkpoint.id}.{element.id}", frozenset())
        found = scan.findings(element.id, element.requires, para.get(element.id, ()))
        found = [f for f in found if f.anchor.index not in away]
        found += scan.meant(element.id, element.requires, meant.get(element.id, ()))
        found += scan.instances(element)
        present = any(f.substantive for f in found)
        mentioned = any(h.cue.target == element.id for h in scan.usable)
        elements.append(
            ElementOutcome(element, "present" if present else "absent", found, mentioned)
        )
    own = scan.findings(CHECKPOINT, checkpoint.requires, para.get(CHECKPOINT, ()))
    own += scan.meant(CHECKPOINT, checkpoint.requires, meant.get(CHECKPOINT, ()))
    if not checkpoint.elements and not any(f.substantive for f in own):
        joined = scan.joined(own, checkpoint.requires)
        own = [joined, *own] if joined is not None else own
    # a section title such as "Le contexte" may hold a PESTEL, but does not name the tool
    mentioned = any(
        h.cue.target == CHECKPOINT and not (h.cue.titles_only and checkpoint.elements)
        for h in [*scan.hits, *scan.named_only]
    )
    status = checkpoint_status(elements, own, mentioned or any(e.mentioned for e in elements))
    if (
        status == "partial"
        and not elements
        and not scan.named_only
        and not _written(scan.hits, own)
    ):
        status = "absent"  # only a title over plans or denials
    return CheckpointOutcome(checkpoint, status, elements, own, mentioned)


def _written(hits: Sequence[CueHit], own: Sequence[Finding]) -> bool:
    """Something of the topic is said in the text, not only in a title: a sentence naming it,
    or a sentence under its title that asserts something (not a plan, denial or definition)."""
    if any(h.cue.target == CHECKPOINT and h.unit.kind != "heading" for h in hits):
        return True
    return any(u.kind != "heading" and quotable(u) for f in own for u in f.units)


def checkpoint_status(
    elements: Sequence[ElementOutcome], own: Sequence[Finding], mentioned: bool
) -> Status:
    """The labelling rules: all elements present, present; some, or only named, partial."""
    if elements:
        present = sum(e.status == "present" for e in elements)
        if present == len(elements):
            return "present"
        return "partial" if present or mentioned else "absent"
    if any(f.substantive for f in own):
        return "present"
    return "partial" if mentioned or own else "absent"


class _Scan:
    """The cue occurrences of one checkpoint in a dossier, and what they introduce."""

    def __init__(
        self,
        checkpoint: Checkpoint,
        layout: Layout,
        listings: frozenset[int],
        owners: Mapping[int, frozenset[str]],
        entries: Mapping[int, frozenset[str]],
        named: Mapping[int, frozenset[str]] | None = None,
        enumerations: frozenset[int] = frozenset(),
        phrases: Phrases | None = None,
    ) -> None:
        self.checkpoint = checkpoint
        self._asserted: list[Unit] | None = None
        own = {f"{checkpoint.id}.{e.id}" for e in checkpoint.elements}
        self.foreign = frozenset(i for i, keys in entries.items() if not keys & own)
        # lines whose names another checkpoint's elements share (« La cible », « Médias
        # sociaux : »): they title nothing of this checkpoint's own
        self.shared = frozenset(
            i for names in (entries, named or {}) for i, keys in names.items() if keys - own
        )
        self.layout = layout
        self.listings = listings | enumerations  # a list of tools introduces none of them
        self.owners = owners
        self.enumerations = enumerations  # a topic named there is no finding (``_listed``)
        cues = checkpoint_cues(checkpoint)
        index = CueIndex(cues)
        terms = (compile_cue(CHECKPOINT, t) for t in checkpoint.requires_terms)
        self.terms = CueIndex([c for c in terms if c is not None])
        about: dict[int, bool] = {}  # a heading whose body says something of the case
        found = [
            h
            for u in layout.units
            for h in index.find(u)
            if layout.affirms(h) and not layout.titles_dossier(u)
        ]
        if phrases is not None:
            found = [h for h in found if not _within_other(h, checkpoint.id, phrases)]
        hits = [h for h in found if layout.says_something(h.unit)]
        hits = [h for h in hits if _heads_case(layout, h.unit, about)]
        # the checkpoint named by a heading whose body says nothing of the case (bare items,
        # a vague line): named, so mentioned, though nothing there treats it
        self.named_only = [
            h
            for h in found
            if h.cue.target == CHECKPOINT
            and h.unit.index not in listings | enumerations
            and _names_only(layout, h.unit, about)
        ]
        self.names = cue_names(cues)
        by_unit: dict[int, list[CueHit]] = {}
        for hit in hits:
            by_unit.setdefault(hit.unit.index, []).append(hit)
        weighers: dict[int, Weigher] = {}  # one per unit: a long line holds many cues
        self.hits = [h for h in hits if not h.cue.titles_only or self._titles(h, by_unit, weighers)]
        self.weigher = Weigher(self.names, _matched(self.hits))
        self.targets = _targets(self.hits)
        self.entries = _entries(self.hits)
        self.lists = frozenset(
            i
            for i, targets in self.targets.items()
            if len(targets - {CHECKPOINT}) >= LISTED_ELEMENTS and layout.units[i].kind == "sentence"
        )
        self.heads = _heads(self.hits, self.targets)
        self.labels = frozenset(
            h.unit.index
            for h in self.hits
            if self.weigher.is_label(h.unit, h.last)
            and (len(self.targets[h.unit.index] - {CHECKPOINT}) < 2 or h.unit.index in self.heads)
        )
        titles = frozenset(h.unit.index for h in self.hits if self.weigher.is_title(h.unit))
        context, self.sections = _context(
            checkpoint, layout, self.hits, self.labels, listings | titles
        )
        if checkpoint.element_sections:
            context |= _element_sections(layout, self.hits, self.weigher, self.targets)
        self.context = frozenset(context)
        self.usable = [
            h
            for h in self.hits
            if h.cue.strong
            or h.unit.index in context
            or self._titles_own(h)
            or (checkpoint.whole_dossier and _dated_event(h.unit))
        ]

    def _titles_own(self, hit: CueHit) -> bool:
        """An element's common name that titles what follows, the line naming that element
        alone: a heading made of its name and nothing else (« 2.1 Les cibles »), a short noun
        phrase leading its paragraph (« La conjoncture économique. »), or a line opening on it
        before a colon or a dash (« Coûts : », « Segmentation : trois segments... »). Students
        write the element's name there to say what the content is, even where the tool itself
        is never named; a name other checkpoints' elements share on that line, or a clause
        with a subject (« Je construis le dispositif. »), titles nothing."""
        unit, target = hit.unit, hit.cue.target
        if target == CHECKPOINT or self.targets[unit.index] - {CHECKPOINT} != {target}:
            return False
        if unit.index in self.listings or unit.index in self.shared:
            return False
        if unit.kind == "heading":
            return self.weigher.extra_words(unit) == 0
        if unit.kind != "sentence":
            return False
        if hit.first <= 1 and names_entry(hit):
            return True
        if unit.index not in self.labels or unit.text.rstrip().endswith(":"):
            return False
        return not any(t.folded in SUBJECTS for t in unit.tokens)

    def findings(
        self, target: str, requires: Sequence[Requirement], paraphrases: Sequence[Unit]
    ) -> list[Finding]:
        """What the cues of ``target`` (and its paraphrases inside the checkpoint's sections)
        introduce, best first."""
        topic = target == CHECKPOINT and not self.checkpoint.elements
        found = []
        for hit in self.usable:
            if hit.cue.target == target and hit.unit.index in self.lists:
                clause = self._entry_clause(hit, requires)
                found += [clause] if clause is not None else []
            elif hit.cue.target == target:
                if self._in_other_entry(hit) or (topic and self._listed(hit)):
                    continue
                finding, scope = self._finding(hit)
                # the line's name says what its few words are about: terse is enough
                finding.entry = target != CHECKPOINT and hit.first <= 1 and names_entry(hit)
                finding.meets = self._meets(target, requires, scope)
                finding.required = bool(requires)
                finding.passing = topic and self._passing(hit)
                found.append(finding)
        for unit in paraphrases:
            # a sentence naming another element is about that one ("pouvoir de négociation
            # des clients" is close to the suppliers' power, and not about it)
            if self.targets.get(unit.index, {target}) - {target, CHECKPOINT}:
                continue
            if unit.index in self.sections:
                meets_all = self._meets(target, requires, [unit])
                found.append(Finding(unit, [unit], self.weigher.unit(unit), meets=meets_all))
        for finding in found:
            finding.topic = topic
        # a sentence about this target alone first: « aide à l'innovation » in the political
        # factor's sentence is not the technological analysis that follows it
        return sorted(found, key=lambda f: (self._shared(f.anchor, target), -f.substance.score))

    def joined(self, found: Sequence[Finding], requires: Sequence[Requirement]) -> Finding | None:
        """A topic told in several short findings next to each other (« L'an dernier, 420
        visiteurs. », « Objectif : 500. », « Il y en a eu 550. »), weighed together: each
        distinct unit once, runs of units at most ``JOIN_GAP`` apart in one section; None
        when no run holds two findings."""
        units = {u.index: u for f in found if not f.passing for u in f.units if u.kind != "heading"}
        runs: list[list[Unit]] = []
        for i in sorted(units):
            unit = units[i]
            run = runs[-1] if runs else None
            if run and unit.section == run[-1].section and i - run[-1].index <= JOIN_GAP:
                run.append(unit)
            else:
                runs.append([unit])
        kept = [frozenset(u.index for u in f.units) for f in found if not f.passing]
        # two findings of one unit are one finding, not a topic told in parts
        shared = [
            run for run in runs
            if len(run) >= 2 and sum(bool(f & {u.index for u in run}) for f in kept) >= 2
        ]  # fmt: skip
        if not shared:
            return None
        best = max(shared, key=lambda run: self.weigher.passage(run).score)
        units_ = self.weigher.best(best, 3) or best[:1]
        finding = Finding(best[0], units_, self.weigher.passage(best), topic=True)
        finding.meets = self._meets(CHECKPOINT, requires, best)
        finding.required = bool(requires)
        return finding

    def _listed(self, hit: CueHit) -> bool:
        """The topic's name is one item of a list of tools (``enumerations``): a mention."""
        return hit.unit.index in self.enumerations and listed_name(hit)

    def _shared(self, unit: Unit, target: str) -> bool:
        return bool(self.targets.get(unit.index, set()) - {target, CHECKPOINT})

    def meant(
        self, target: str, requires: Sequence[Requirement], units: Sequence[Unit]
    ) -> list[Finding]:
        """Findings of the passages the passage model attributes to ``target`` (one per
        paragraph), wherever they are; a sentence naming another element stays that one's."""
        blocks: dict[int, list[Unit]] = {}
        for unit in units:
            if self.targets.get(unit.index, {target}) - {target, CHECKPOINT}:
                continue
            blocks.setdefault(unit.block, []).append(unit)
        found = []
        for passage in blocks.values():
            best = self.weigher.best(passage, 3)
            if not best:
                continue
            finding = Finding(best[0], best, self.weigher.passage(passage))
            finding.meets = self._meets(target, requires, passage)
            finding.required = bool(requires)
            finding.topic = target == CHECKPOINT and not self.checkpoint.elements
            found.append(finding)
        return found

    def instances(self, element: Element) -> list[Finding]:
        """The runs of the checkpoint's context (a paragraph, a list's items, a table's cells,
        at most ``INSTANCE_GAP`` units apart in one section) that name ``INSTANCES`` distinct
        things of the element's kind (« des flyers..., une publication Facebook..., un spot
        sur la radio locale »): the element told by its instances, one finding per run. A
        unit naming another element stays that one's."""
        if not element.instances:
            return []
        index = _instance_index(tuple(element.instances))
        runs: list[tuple[list[Unit], set[str]]] = []
        for unit in self.layout.units:
            if unit.index not in self.context or unit.kind == "heading":
                continue
            if self.targets.get(unit.index, {element.id}) - {element.id, CHECKPOINT}:
                continue
            words = {" ".join(h.cue.stems) for h in index.find(unit)}
            if not words:
                continue
            last = runs[-1][0][-1] if runs else None
            if (
                last is None
                or unit.index - last.index > INSTANCE_GAP
                or unit.section != last.section
            ):
                runs.append(([], set()))
            runs[-1][0].append(unit)
            runs[-1][1].update(words)
        found = []
        for units, words in runs:
            if len(words) < INSTANCES:
                continue
            best = self.weigher.best(units, 3) or units[:1]
            finding = Finding(best[0], best, self.weigher.passage(units))
            finding.meets = self._meets(element.id, element.requires, units)
            finding.required = bool(element.requires)
            found.append(finding)
        return found

    def _meets(self, target: str, requires: Sequence[Requirement], scope: list[Unit]) -> bool:
        """The référentiel's requirements hold in ``scope``, and for the checkpoint itself
        one of its required terms occurs there."""
        near = [r for r in requires if r not in SECTION_WIDE | DOSSIER_WIDE]
        wide = [r for r in requires if r in SECTION_WIDE]
        whole = [r for r in requires if r in DOSSIER_WIDE]
        if not meets(near, scope) or (wide and not meets(wide, self._sections_of(scope))):
            return False
        if whole and not meets(whole, self._asserting()):
            return False
        if target != CHECKPOINT or not self.terms.cues:
            return True
        return any(self._asserts_term(u) for u in scope)

    def _asserting(self) -> list[Unit]:
        """The dossier's units that assert something (a survey planned or denied is none)."""
        if self._asserted is None:
            self._asserted = [u for u in self.layout.units if quotable(u)]
        return self._asserted

    def _sections_of(self, scope: Sequence[Unit]) -> list[Unit]:
        """Every unit of the sections ``scope`` lies in: corrections are often proposed a
        few lines after the audit or the journey they follow (a list, the next paragraph)."""
        sections = {u.section for u in scope}
        return [u for u in self.layout.units if u.section in sections]

    def _asserts_term(self, unit: Unit) -> bool:
        """One of the checkpoint's required terms is asserted in ``unit``: not in a unit that
        asserts nothing (an announcement, a definition), nor in a clause a denial takes back
        (« le questionnaire à chaud n'a pas été fait » holds no survey)."""
        if not quotable(unit):
            return False
        denied = denied_tokens(unit)
        return any(
            not denied.intersection(range(h.first, h.last + 1)) for h in self.terms.find(unit)
        )

    def _finding(self, hit: CueHit) -> tuple[Finding, list[Unit]]:
        """The content a cue occurrence introduces (its table row or column, the body under a
        label or heading, the rest of a paragraph it opens, or its own sentence), and all the
        units it covers."""
        unit, weigher = hit.unit, self.weigher
        own = weigher.unit(unit)
        if unit.kind == "cell":
            mine = self.targets[unit.index]
            others = frozenset(i for i, t in self.targets.items() if t - mine)
            content = self.layout.table_content(unit, self.labels, self.labels & others)
            units = ([unit] if own.score else []) + weigher.best(content, 3)
            scope = [unit, *self.layout.table_header(unit), *content]
            return Finding(unit, units or [unit], own + weigher.passage(content)), scope
        if unit.index in self.labels and self.heads.get(unit.index, hit.cue.target) in (
            hit.cue.target,
            CHECKPOINT,
        ):
            scope = self._label_body(hit)
            body = _weighed_span(scope)
            return Finding(unit, weigher.best(body, 3) or [unit], weigher.passage(body)), scope
        opens = unit.first_in_block and unit.index not in self.listings
        enough = own.substantive  # alone, without the rest
        if _refers_back(hit):
            return Finding(unit, [unit], own), [unit]
        if not enough and opens and unit.text.rstrip().endswith(":"):
            # "Pour souder l'équipe, plusieurs moments ont été organisés :" and its list
            body = self.layout.label_body(unit, self.labels - {unit.index})
            best = [unit, *weigher.best(body, 2)]
            return Finding(unit, best, own + weigher.passage(body)), [unit, *body]
        if not enough and opens and len(self.targets[unit.index]) == 1:
            rest = self._paragraph_rest(unit)
            if rest:
                best = [unit, *weigher.best(rest, 2)]
                return Finding(unit, best, own + weigher.passage(rest)), [unit, *rest]
        return Finding(unit, [unit], own), [unit]

    def _label_body(self, hit: CueHit) -> list[Unit]:
        """The units under a label or heading; a part's title whose sub-sections include one
        titled by the same target (« Partie 3 : bilan personnel et projet professionnel »
        over « 3.2 Projet professionnel ») keeps only its introduction. A label whose value
        says the entry is empty (« Paid : – ») heads nothing, and a body ends at the next line
        that opens on a sibling element's name (« Earned : » over « Owned : site, lettre »)."""
        if empty_entry(hit.unit):
            return []
        stop = (self.labels - {hit.unit.index}) | self._entries_of_others(hit.cue.target)
        body = self.layout.label_body(hit.unit, stop)
        headings = [i for i, u in enumerate(body) if u.kind == "heading"]
        if any(hit.cue.target in self.targets.get(body[i].index, ()) for i in headings):
            return body[: headings[0]]
        return body

    def _entry_clause(self, hit: CueHit, requires: Sequence[Requirement]) -> Finding | None:
        """In a sentence that lists the elements, an element's clause that opens on its name
        as an entry (« Paid = Meta Ads 3 000 € ; Earned = Dauphiné, France 3 ; ... ») is
        its content, weighed alone and quoted by its sentence (None: no such clause)."""
        if hit.cue.target == CHECKPOINT:
            return None
        unit = hit.unit
        begin = unit.tokens[hit.first].start - unit.start
        gloss = _gloss_end(unit, hit)
        if gloss is not None:  # « exécution (création, achats, RP, 12 février-16 mai) »
            end = gloss
        elif names_entry(hit):
            end = unit.text.find(";", begin)
            end = len(unit.text) if end < 0 else end
        else:
            return None
        tokens = tuple(t for t in unit.tokens[hit.first :] if t.start - unit.start < end)
        clause = replace(unit, tokens=tokens, text=unit.text[begin:end])
        substance = unit_substance(clause, self.weigher.ignored(unit))
        finding = Finding(unit, [unit], substance, entry=True)
        finding.meets = self._meets(hit.cue.target, requires, [clause])
        finding.required = bool(requires)
        return finding

    def _entries_of_others(self, target: str) -> frozenset[int]:
        """Lines that open on the name of an element other than ``target``."""
        return frozenset(i for i, t in self.entries.items() if t - {target, CHECKPOINT})

    def _in_other_entry(self, hit: CueHit) -> bool:
        """An element's name inside the value of a sibling's entry (« Sécuritaires : ...,
        poste de secours ») belongs to that sibling's line, not to an analysis of its own."""
        if hit.cue.target == CHECKPOINT:
            return False
        opened = self.entries.get(hit.unit.index, set())
        if hit.cue.target in opened or names_entry(hit):  # « Forces : ... Faiblesses : ... »
            return False
        return bool(opened - {hit.cue.target, CHECKPOINT}) or hit.unit.index in self.foreign

    def _paragraph_rest(self, unit: Unit) -> list[Unit]:
        """The sentences after a paragraph's opening one, up to one about another target."""
        mine = self.targets[unit.index]
        rest = []
        for other in self.layout.block_units(unit.block):
            if other.index <= unit.index:
                continue
            if self.targets.get(other.index, mine) - mine:
                break
            rest.append(other)
        return rest

    def _passing(self, hit: CueHit) -> bool:
        """A sentence that names the topic inside a background section titled by another
        checkpoint (« Présentation de l'entreprise »), without opening its paragraph."""
        unit = hit.unit
        if unit.kind != "sentence" or unit.index in self.labels or unit.index in self.sections:
            return False
        owners = self.owners.get(unit.index, frozenset())
        if not owners or self.checkpoint.id in owners:
            return False
        return not _leads(hit, self.layout, self.labels)

    def _titles(
        self, hit: CueHit, by_unit: Mapping[int, list[CueHit]], weighers: dict[int, Weigher]
    ) -> bool:
        """A heading cue stands as a title: a heading, a table's row or column label, or a
        short label line."""
        unit = hit.unit
        if self.layout.is_table_label(unit):
            return True
        weigher = weighers.get(unit.index)
        if weigher is None:
            weigher = weighers[unit.index] = Weigher(self.names, _matched(by_unit[unit.index]))
        if unit.kind == "heading":  # « Présentation de l'agence », not « La stratégie de ... »
            return weigher.extra_words(unit) <= HEADING_CUE_EXTRA
        return unit.kind == "sentence" and weigher.is_label(unit, hit.last)


def section_owners(layout: Layout, checkpoints: Sequence[Checkpoint]) -> dict[int, frozenset[str]]:
    """For each unit, the background checkpoints whose name titles the heading just above it."""
    owners: dict[int, set[str]] = {}
    headings = [u for u in layout.units if u.kind == "heading"]
    for checkpoint in checkpoints:
        if not checkpoint.background:
            continue
        cues = [c for c in checkpoint_cues(checkpoint) if c.target == CHECKPOINT]
        index = CueIndex(cues)
        weigher = Weigher(cue_names(cues), {})
        for heading in headings:
            if index.find(heading) and not weigher.is_title(heading):
                for unit in layout.units[heading.index + 1 :]:
                    if unit.kind == "heading":
                        break  # a part's title leaves its sub-sections to their own titles
                    owners.setdefault(unit.index, set()).add(checkpoint.id)
    return {k: frozenset(v) for k, v in owners.items()}


def entry_names(layout: Layout, checkpoints: Sequence[Checkpoint]) -> dict[int, frozenset[str]]:
    """For each line that opens on an element's name followed by a colon or a dash, the
    elements so named (``checkpoint.element``): « Économique : budget moyen d'un mariage » is
    the economic factor's entry, not a communication budget."""
    names = tuple(
        (f"{cp.id}.{e.id}", (e.label, *e.cues)) for cp in checkpoints for e in cp.elements
    )
    index = _entry_index(names)
    out: dict[int, set[str]] = {}
    for unit in layout.units:
        if unit.kind != "sentence" or not any(m in unit.text[:80] for m in ENTRY_MARKS):
            continue
        for hit in index.find(unit):
            if hit.first <= 1 and names_entry(hit):
                out.setdefault(unit.index, set()).add(hit.cue.target)
    return {k: frozenset(v) for k, v in out.items()}


def title_names(layout: Layout, checkpoints: Sequence[Checkpoint]) -> dict[int, frozenset[str]]:
    """For each heading or short line (a label, at most ``TITLE_TOKENS`` words), the elements
    (``checkpoint.element``) whose names it holds: « La cible » names the positioning's
    target and the communication plan's targets alike."""
    names = tuple(
        (f"{cp.id}.{e.id}", (e.label, *e.cues)) for cp in checkpoints for e in cp.elements
    )
    index = _entry_index(names)
    out: dict[int, frozenset[str]] = {}
    for unit in layout.units:
        if unit.kind == "heading" or (unit.kind == "sentence" and len(unit.tokens) <= TITLE_TOKENS):
            keys = frozenset(hit.cue.target for hit in index.find(unit))
            if keys:
                out[unit.index] = keys
    return out


Phrases = Mapping[int, Mapping[int, Sequence[tuple[str, int, int]]]]
"""Unit index -> token index -> the names of several words of every checkpoint that cover
that token there: (checkpoint id, first token, last token)."""


def cue_phrases(layout: Layout, checkpoints: Sequence[Checkpoint]) -> Phrases:
    """Where each checkpoint's names of several words (its own cues and its elements') occur,
    unit by unit and token by token (see ``_within_other``)."""
    index = _phrase_index(
        tuple(
            (
                cp.id,
                (*cp.cues, *cp.heading_cues, *(t for e in cp.elements for t in (e.label, *e.cues))),
            )
            for cp in checkpoints
        )
    )
    out: dict[int, dict[int, list[tuple[str, int, int]]]] = {}
    for unit in layout.units:
        for hit in index.find(unit):
            if hit.last > hit.first:
                at = out.setdefault(unit.index, {})
                for i in range(hit.first, hit.last + 1):
                    at.setdefault(i, []).append((hit.cue.target, hit.first, hit.last))
    return out


@lru_cache(maxsize=16)
def _phrase_index(names: tuple[tuple[str, tuple[str, ...]], ...]) -> CueIndex:
    """Every name (cue, heading cue, element label or cue) of each checkpoint (id, names),
    targeting the checkpoint's id; compiled once per set of checkpoints."""
    cues = [compile_cue(cid, text) for cid, texts in names for text in texts]
    return CueIndex([c for c in cues if c is not None])


_JOINS = frozenset({"de", "d", "du", "des", "a", "au", "aux", "en", "pour", "of", "for"})


def _within_other(hit: CueHit, checkpoint: str, phrases: Phrases) -> bool:
    """An element's name that lies inside a longer name of another checkpoint, longer than
    any of this checkpoint's own names there: « modèle économique » is the company's business
    model, « cibles digitales » the digital targets, « accessibilité numérique » the
    accessibility audit, not the economic or technological factor of a PESTEL. The référentiel
    gives each of those phrases to its checkpoint; the one word they share with an element
    does not make them that element's. A word joined to the longer name by a preposition
    (« plan de communication ») is a thing of its own there, the element's as much as the
    other checkpoint's: only a word that opens the name or qualifies its noun directly is
    taken."""
    if hit.cue.target == CHECKPOINT:
        return False
    here = phrases.get(hit.unit.index, {}).get(hit.first, ())
    joined = hit.first > 0 and hit.unit.tokens[hit.first - 1].folded in _JOINS
    covering = [
        (cid, last - first)
        for cid, first, last in here
        if hit.last <= last and (first == hit.first or not joined)
    ]
    own = max((n for cid, n in covering if cid == checkpoint), default=hit.last - hit.first)
    other = max((n for cid, n in covering if cid != checkpoint), default=-1)
    return other > own


def _gloss_end(unit: Unit, hit: CueHit) -> int | None:
    """Where the bracket that follows a name right away closes (« contrôle (tableau de bord
    hebdomadaire, revues, correctifs) »), as an offset in the unit's text: in a sentence
    listing the elements, each one's gloss is its content. None without such a bracket."""
    last = unit.tokens[hit.last]
    after = last.start - unit.start + len(last.text)
    rest = unit.text[after:]
    if not rest.lstrip(" ").startswith("("):
        return None
    close = unit.text.find(")", after)
    return None if close < 0 else close + 1


def _dated_event(unit: Unit) -> bool:
    """A sentence that tells something of the case as it happened, on a date or at a
    rhythm (« La clôture a eu lieu le 20 juin », « lors d'une réunion de lancement le 14
    octobre », « nous avons suivi les inscriptions chaque semaine »): where the whole dossier
    tells a checkpoint (``whole_dossier``), such a sentence names its element anywhere; a
    wish, a plan or a role without a date (« prévoir une réunion de clôture », « suivi du
    dispositif ») does not, nor a sentence that denies anything or tells the work as planned
    (« le projet n'est pas encore clôturé, bilan prévu le 6 juin »): a date there is a plan's."""
    if unit.kind != "sentence" or not quotable(unit) or denied_tokens(unit):
        return False
    if planned(unit):
        return False
    return meets(["dates"], [unit]) or meets(["frequency"], [unit])


INSTANCES = 3  # distinct things of an element's kind that tell it without its name
INSTANCE_GAP = 2  # units between two units of one run of instances at most


@lru_cache(maxsize=64)
def _instance_index(instances: tuple[str, ...]) -> CueIndex:
    """An element's instances as cues, compiled once."""
    cues = (compile_cue(INSTANCE, text) for text in instances)
    return CueIndex([c for c in cues if c is not None])


@lru_cache(maxsize=16)
def _entry_index(names: tuple[tuple[str, tuple[str, ...]], ...]) -> CueIndex:
    """The elements' names (key, cues), compiled once per set of checkpoints."""
    cues = [compile_cue(key, text) for key, texts in names for text in texts]
    return CueIndex([c for c in cues if c is not None])


def _context(
    checkpoint: Checkpoint,
    layout: Layout,
    hits: Sequence[CueHit],
    labels: frozenset[int],
    listings: frozenset[int],
) -> tuple[set[int], set[int]]:
    """Units where the checkpoint is dealt with (after its name, or where its elements head
    several neighbouring paragraphs, headings or table rows: an unnamed tool), and among them
    the sections given to it (under a heading naming it, or such a cluster)."""
    context: set[int] = set()
    sections: set[int] = set()
    for hit in hits:
        if hit.cue.target != CHECKPOINT:
            continue
        if hit.unit.index in listings:
            context.add(hit.unit.index)
            continue
        region = {u.index for u in layout.mention_region(hit.unit)}
        context |= region
        if hit.unit.kind == "heading":
            sections |= region
    element_hits = [
        h
        for h in hits
        if h.cue.target != CHECKPOINT and (_leads(h, layout, labels) or _opens_sentence(h))
    ]
    if checkpoint.elements:
        needed = max(2, min(3, len(checkpoint.elements)))
        sections |= cluster_region(layout, element_hits, needed)
        sections |= table_region(layout, element_hits, 2)
        sections |= _entry_run(layout, element_hits)
    return context | sections, sections


ENTRY_GAP = 1  # units between two entry lines of one run at most


def _entry_run(layout: Layout, hits: Sequence[CueHit]) -> set[int]:
    """Lines that open on the names of two elements or more, one after the other (« Rivalité :
    ... » then « Substituts : ... »): an unnamed tool written entry by entry, even where fewer
    of its elements are named than a cluster of passing mentions needs."""
    entries = sorted(
        (h for h in hits if h.first <= 1 and h.unit.kind != "heading" and names_entry(h)),
        key=lambda h: h.unit.index,
    )
    region: set[int] = set()
    run: list[CueHit] = []
    for hit in entries:
        if run and (
            hit.unit.index - run[-1].unit.index > ENTRY_GAP + 1
            or hit.unit.section != run[-1].unit.section
        ):
            run = []
        run.append(hit)
        if len({h.cue.target for h in run}) >= 2:
            region.update(range(run[0].unit.index, hit.unit.index + 1))
    return region


def _element_sections(
    layout: Layout, hits: Sequence[CueHit], weigher: Weigher, targets: dict[int, set[str]]
) -> set[int]:
    """Sections titled by one element ("2. La concurrence", "L'échelonnement des dépenses"):
    the heading says what its body is about, even where the checkpoint is not named."""
    region: set[int] = set()
    for hit in hits:
        unit = hit.unit
        if hit.cue.target == CHECKPOINT or unit.kind != "heading" or len(targets[unit.index]) > 1:
            continue
        if weigher.extra_words(unit) <= 1:  # « L'échelonnement des dépenses »
            region |= {u.index for u in layout.mention_region(unit)}
    return region


def _weighed_span(body: Sequence[Unit]) -> list[Unit]:
    """The first ``BODY_SPAN`` units of a body, a table's cells counting a quarter each (a
    small table and the sentence commenting it are read together)."""
    out: list[Unit] = []
    weight = 0.0
    for unit in body:
        weight += 0.25 if unit.kind == "cell" else 1.0
        if weight > BODY_SPAN:
            break
        out.append(unit)
    return out


# what makes a heading over a body that says nothing of the case no mention of its topic:
# the body says it is not done, planned, supposed or left to fill in, or copies the course
# (a definition or its textbook sequel never counts, not even as a mention)
_TAKEN_BACK: frozenset[str | None] = frozenset(
    {"negated", "announce", "hypothetical", "toc", "unasserted", "definition", "generic"}
)
_PENDING = re.compile(
    r"\b(?:ne|n'|pas|aucune?|jamais|rien|personne|not|no|none)\b"  # a denial
    r"|\b(?:sera|seront|serons|ferons|feront|fera|pourra|pourront|devra|devront|irons)\b"
    r"|\b\w{3,}(?:erons|eront|irons|iront)\b"  # the future
    r"|\bto be\b|\btbd\b|\bplus tard\b|\bprevue?s?\b|\ba (?:completer|faire|voir|definir"
    r"|determiner|preciser|venir|ajouter|fixer|chiffrer|rediger)\b"  # planned or left blank
)


def _names_only(layout: Layout, unit: Unit, about: dict[int, bool]) -> bool:
    """``unit`` is a heading naming the checkpoint over a body that says nothing of the case
    (bare items, a vague line) and does not say it is not done, planned or left blank, nor
    copy a course definition: the checkpoint is named, so mentioned, though nothing there
    treats it. The labelling
    convention calls a checkpoint only named, or handled in a vague line, partial; one said
    not done, or only announced, absent."""
    if unit.kind != "heading":
        return False
    if layout.says_something(unit) and _heads_case(layout, unit, about):
        return False  # a heading over the case: its hits are the checkpoint's own
    body = [u for u in layout.heading_body(unit) if u.kind != "heading"]
    reasons = [void_reason(u) for u in body]
    if None not in reasons or set(reasons) & _TAKEN_BACK:
        return False
    return not any(_PENDING.search(fold_apostrophes(u.text)) for u in body)


def _heads_case(layout: Layout, unit: Unit, about: dict[int, bool]) -> bool:
    """A heading names a topic the dossier treats only when its body says something of the
    case (« 1.3 Les facteurs clés de succès » over a course definition names nothing)."""
    if unit.kind != "heading":
        return True
    if unit.index not in about:
        about[unit.index] = about_case(layout.heading_body(unit))
    return about[unit.index]


def _refers_back(hit: CueHit) -> bool:
    """« Pour répondre à cette problématique, ... » points at a topic treated elsewhere: the
    sentence's sequel is not about it."""
    return hit.first > 0 and hit.unit.tokens[hit.first - 1].folded in DEMONSTRATIVES


COMPLEMENT = frozenset({"de", "des", "du", "d"})
"""Small words that open a noun's complement (« échelonnement des charges fixes »)."""


def _heads(hits: Sequence[CueHit], targets: Mapping[int, set[str]]) -> dict[int, str]:
    """Lines naming several elements where the first name heads the others: each later
    name is the complement of the one before it (« Échelonnement des charges fixes dans le
    temps » is the schedule, of the fixed costs; « Forces et faiblesses » names two). The
    line then titles its first element only."""
    by_unit: dict[int, list[CueHit]] = {}
    for hit in hits:
        if hit.cue.target != CHECKPOINT:
            by_unit.setdefault(hit.unit.index, []).append(hit)
    out: dict[int, str] = {}
    for index, found in by_unit.items():
        if len(targets[index] - {CHECKPOINT}) < 2:
            continue
        ordered = sorted(found, key=lambda h: (h.first, -h.last))
        head = ordered[0]
        others = [h for h in ordered if h.cue.target != head.cue.target]
        if not others or any(h.first <= head.first for h in others):
            continue
        unit = head.unit
        if all(h.first > 0 and unit.tokens[h.first - 1].folded in COMPLEMENT for h in others):
            out[index] = head.cue.target
    return out


def _targets(hits: Sequence[CueHit]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for hit in hits:
        out.setdefault(hit.unit.index, set()).add(hit.cue.target)
    return out


def _entries(hits: Sequence[CueHit]) -> dict[int, set[str]]:
    """For each line that opens on a name followed by a colon or a dash (« Owned : site
    refait », « Légal — loi AGEC »), the targets so named: the line is their entry."""
    out: dict[int, set[str]] = {}
    for hit in hits:
        if hit.unit.kind == "sentence" and hit.first <= 1 and names_entry(hit):
            out.setdefault(hit.unit.index, set()).add(hit.cue.target)
    return out


def listed_name(hit: CueHit) -> bool:
    """The cue stands in one short item of an enumeration of names (« les outils vus en cours :
    PESTEL, Porter, matrice BCG, SWOT, persona, storytelling »): the sentence names the topic
    among others and analyses none of them. The enumeration runs from the last colon or
    semicolon before the cue to the next one; after its first item, every item is a few
    words, and so is the cue's."""
    unit = hit.unit
    if unit.kind != "sentence":
        return False
    text = unit.text
    begin = unit.tokens[hit.first].start - unit.start
    end = unit.tokens[hit.last].start - unit.start + len(unit.tokens[hit.last].text)
    left = max(text.rfind(":", 0, begin), text.rfind(";", 0, begin)) + 1
    stops = [i for i in (text.find(":", end), text.find(";", end)) if i >= 0]
    right = min(stops, default=len(text))
    items = [i.strip(' .…*_()«»"') for i in _LIST_SPLIT.split(text[left:right])]
    items = [i for i in items if i and fold(i) not in ("etc", "...")]
    if len(items) < LIST_ITEMS or any(len(i.split()) > LIST_ITEM_WORDS for i in items[1:]):
        return False
    # the item that holds the cue: from the separator before it to the one after it
    cuts = [m.end() for m in _LIST_SPLIT.finditer(text, left, begin)]
    after = _LIST_SPLIT.search(text, end, right)
    item = text[cuts[-1] if cuts else left : after.start() if after else right]
    return len(item.split()) <= LIST_ITEM_WORDS


_LIST_SPLIT = re.compile(r",|\bet\b|\bou\b|/|\+")


def names_entry(hit: CueHit) -> bool:
    """The cue is followed by a colon or a dash: it names the entry that follows it."""
    unit = hit.unit
    last = unit.tokens[hit.last]
    after = unit.text[last.start - unit.start + len(last.text) :].lstrip(" *_»")
    return after.startswith(ENTRY_MARKS)


def empty_entry(unit: Unit) -> bool:
    """A labelled line whose value says there is nothing: a dash or a slash alone, or a word
    for an empty field (« Paid : – », « Earned : pas encore. », « Légal : néant »)."""
    if unit.kind == "heading":
        return False
    _, colon, value = unit.text.partition(":")
    if not colon:
        return False
    folded = fold(value).strip().rstrip(".!…").strip()
    if not folded:
        return False  # « Earned : » heads the lines below it
    return not any(c.isalnum() for c in folded) or folded in EMPTY_VALUES


def _leads(hit: CueHit, layout: Layout, labels: frozenset[int]) -> bool:
    """The cue heads something: a heading, a label, a table's row or column, a paragraph."""
    unit = hit.unit
    if unit.kind == "heading" or unit.index in labels or layout.is_table_label(unit, labels):
        return True
    return unit.first_in_block and hit.first <= LEAD_WORDS


def _opens_sentence(hit: CueHit) -> bool:
    """The cue opens a sentence inside a paragraph (« Sur le plan légal, les planches… »): a
    paragraph whose sentences open on several elements in turn is an analysis by element."""
    return hit.unit.kind == "sentence" and hit.first <= LEAD_WORDS


def cue_names(cues: Sequence[Cue]) -> frozenset[str]:
    """Stems of the checkpoint's own names (tool names): never content."""
    return frozenset(s for c in cues if c.target == CHECKPOINT for s in c.stems)


def _matched(hits: Sequence[CueHit]) -> dict[int, frozenset[str]]:
    out: dict[int, set[str]] = {}
    for hit in hits:
        out.setdefault(hit.unit.index, set()).update(hit.cue.stems)
    return {k: frozenset(v) for k, v in out.items()}
