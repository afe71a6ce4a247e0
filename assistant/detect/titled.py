"""Elements titled in other words: a short title whose meaning is the element's.

Students title their analysis with words of their own: « Les nouveaux venus. » leading a
paragraph on the brands that just came in, « Ce que coûte chaque commande » over the
variable costs, « Calendrier » over the dated steps of a project. The cue rules look for the
référentiel's names, and the element attribution reads the whole passage, whose vector the
company's facts blur; the title alone says plainly what the content is about.

A title is a heading, a short line leading its paragraph (a noun phrase of at most
``TITLE_WORDS`` words, without figures or a subject pronoun, followed by more sentences), or
the short label of a line that opens on it and a colon (« nos propres médias : site,
lettre... »). Its text (numbering left out) is embedded with the labels of every element and
every checkpoint of the épreuve; it titles an element when that element's label is the
closest, by ``MIN_SIMILARITY`` at least (``MIN_SIMILARITY_ONE_WORD`` for a title of one
word), and closer by ``MIN_MARGIN`` than any other label,
the checkpoints' own included (a title that could be two elements' titles is no one's, and a
title close to the whole tool titles the tool, not one of its parts). What a title titles is
its own line (a label), the rest of its paragraph (a lead line) or the units up to the next
heading (a heading): quotable units only (no definition, denial, contents line or flagged
passage), weighed together without the tool's own names, which must be substantive, hold a
figure or a proper name (something of this case, not a general remark) and meet the
element's requirements.

Applied after the learned decisions (``detect_checkpoints``), like ``statement`` and
``initials``: it reads no weight and feeds none; it only turns an absent element present,
quoted from the content its title leads. Without a meaning scan (no embedder), nothing
changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from assistant.detect.checkpoint import (
    SUBJECTS,
    CheckpointOutcome,
    Finding,
    checkpoint_cues,
    checkpoint_status,
    cue_names,
)
from assistant.detect.claims import quotable
from assistant.detect.cues import CueIndex
from assistant.detect.meaning import MeaningScan
from assistant.detect.requirements import meets
from assistant.detect.scope import Layout
from assistant.detect.substance import Substance, Weigher
from assistant.detect.units import Unit, tokenize
from assistant.referentiel.models import Checkpoint

TITLE_WORDS = 8
"""A lead line longer than this is a sentence, not a title."""
MIN_SIMILARITY = 0.55
"""Cosine between the title and the element's label."""
MIN_SIMILARITY_ONE_WORD = 0.65
"""A title of one word has no context around it: its vector lies near labels it has nothing
to do with (a cover page's « Candidat : » near the threats of a SWOT), so it must be closer."""
MIN_MARGIN = 0.15
"""Over the closest other label of the épreuve (an element's or a checkpoint's)."""
ENTRY_WORDS = 5
"""An entry's label (before its colon) longer than this is a clause."""
BODY_UNITS = 12
"""Units read under a heading."""
SERIES_TITLES = 3
"""Parallel titles that make a series (one per part of a tool)."""
SERIES_VOTES = 2
"""Titles of a series, and at least half of them, closest to one checkpoint's elements."""
MIN_SERIES_SIMILARITY = 0.2
"""Cosine between a title of a series and the element it is given."""
SERIES_MARGIN = 0.05
"""Over the next element of the checkpoint its neighbours left."""

_NUMBERING = re.compile(
    r"^[\W_]*(?:(?:\d+(?:\.\d+)*|[IVXivx]+|[A-Za-z])\s*[.)/\-–—:]\s*|\d+(?:\.\d+)*\s+)*"
)
_DIGIT = re.compile(r"\d")
_ENTRY = re.compile(r"^[\W_]*([^\W\d_][^:;.!?\d=]{1,60}?)\s*[:=]\s+\S.{10,}", re.DOTALL)

Titled = Mapping[str, Sequence[Unit]]
"""Element key (« checkpoint.element ») -> the title units that title it."""


def title_text(unit: Unit) -> str:
    """The title's words, numbering and trailing punctuation left out."""
    return _NUMBERING.sub("", unit.text.strip()).strip().rstrip(" .:;!?").strip()


def _lead_line(layout: Layout, unit: Unit) -> bool:
    if unit.kind != "sentence" or not unit.first_in_block:
        return False
    if len(layout.block_units(unit.block)) < 2:
        return False
    if len(unit.tokens) > TITLE_WORDS or _DIGIT.search(unit.text):
        return False
    return not any(t.folded in SUBJECTS for t in unit.tokens)


def _entry(unit: Unit) -> str:
    """The label of a line that opens on a few words and a colon (« nos médias propres :
    site, page Facebook... »), or nothing."""
    if unit.kind not in ("sentence", "cell"):
        return ""
    found = _ENTRY.match(unit.text)
    if found is None or len(found.group(1).split()) > ENTRY_WORDS:
        return ""
    label = found.group(1).strip()
    words = tokenize(label)
    return "" if any(t.folded in SUBJECTS for t in words) else label


def _heading(unit: Unit) -> bool:
    return unit.kind == "heading" and 0 < len(unit.tokens) <= TITLE_WORDS


def body_of(layout: Layout, title: Unit) -> list[Unit]:
    """The quotable units a title leads: the rest of its paragraph, or what follows a
    heading up to the next heading."""
    if _entry(title):
        return [title] if quotable(title) else []
    if title.kind == "heading":
        body = []
        for u in layout.units[title.index + 1 : title.index + 1 + BODY_UNITS]:
            if u.kind == "heading":
                break
            body.append(u)
    else:
        body = [u for u in layout.block_units(title.block) if u.index > title.index]
    return [u for u in body if u.kind != "heading" and quotable(u)]


def _analyses(body: Sequence[Unit], substance: Substance) -> bool:
    """Content enough, and about this case: a figure or a proper name at least (« Et la
    concurrence ? Les grandes marques sont trop lourdes... » says nothing of a real rival)."""
    return bool(body) and substance.substantive and substance.figures + substance.entities > 0


def titled_elements(
    layout: Layout,
    checkpoints: Sequence[Checkpoint],
    scan: MeaningScan | None,
    names: CueIndex | None = None,
) -> dict[str, list[Unit]]:
    """Which titles of the dossier title which element, by meaning (see the module); a
    title that names another checkpoint of the épreuve (``names``, their own cues: « Plan
    d'actions » is the action plan's) titles none of this one's elements."""
    if scan is None or scan.embed is None:
        return {}
    titles = [u for u in layout.units if _heading(u) or _lead_line(layout, u) or _entry(u)]
    texts = [_entry(u) or title_text(u) for u in titles]
    kept = [(u, t) for u, t in zip(titles, texts, strict=True) if t]
    keys: list[str | None] = []
    labels: list[str] = []
    described: list[str] = []
    for cp in checkpoints:
        keys.append(None)  # the checkpoint's own title: the whole tool, no one element
        labels.append(cp.label)
        described.append(cp.description or cp.label)
        for el in cp.elements:
            keys.append(f"{cp.id}.{el.id}")
            labels.append(el.label)
            described.append(el.description or el.label)
    if not kept or len(labels) < 2:
        return {}
    title_vectors = scan.text_vectors([t for _, t in kept])
    label_vectors = scan.text_vectors(labels)
    if title_vectors is None or label_vectors is None:
        return {}
    sims = title_vectors @ label_vectors.T
    out: dict[str, list[Unit]] = {}
    alone: dict[int, str] = {}
    for n, ((unit, text), row) in enumerate(zip(kept, sims, strict=True)):
        order = np.argsort(-row, kind="stable")
        first, second = float(row[order[0]]), float(row[order[1]])
        key = keys[int(order[0])]
        least = MIN_SIMILARITY if len(text.split()) > 1 else MIN_SIMILARITY_ONE_WORD
        if key is None or first < least or first - second < MIN_MARGIN:
            continue
        if _names_other(unit, key, names):
            continue
        out.setdefault(key, []).append(unit)
        alone[n] = key
    description_vectors = scan.text_vectors(described)
    near = (
        sims
        if description_vectors is None
        else np.maximum(sims, title_vectors @ description_vectors.T)
    )
    for n, key in _in_series(kept, sims, near, keys, alone, names).items():
        out.setdefault(key, []).append(kept[n][0])
    return out


def _names_other(unit: Unit, key: str, names: CueIndex | None) -> bool:
    owner = key.split(".", 1)[0]
    return names is not None and any(h.cue.target != owner for h in names.find(unit))


def _in_series(
    kept: Sequence[tuple[Unit, str]],
    sims: np.ndarray,
    near: np.ndarray,
    keys: Sequence[str | None],
    alone: Mapping[int, str],
    names: CueIndex | None,
) -> dict[int, str]:
    """Titles that a series of parallel titles assigns to the elements of one checkpoint.

    Students title the parts of one tool the same way, one after the other (« Les
    nouveaux arrivants. », « Le poids des clients. », « Le poids des fournisseurs. »): the
    series is one checkpoint's when most of its titles lie closest to that checkpoint's
    elements and one of them at least titles one of its elements alone, and each of its
    titles then names a different one of them. Only lead lines make a series: the fields of
    a form (« Date : », « Lieu : », « Tarif : ») lie near whatever label is nearest, and the
    headings of a part of the dossier (« Le projet », « Cibles », « Communication »,
    « Budget ») are its outline, not one tool's parts. A title of the
    series too ambiguous alone (« Le poids des clients » lies as near the positioning's
    target as the customers' power) is given, among the checkpoint's elements its
    neighbours have not taken, the closest (``near``: by its label or its description, « Les
    habitudes de consommation » being one of the socio-cultural factor's), when it is close
    enough and clearly closer than the next free element."""
    series: dict[tuple[str, ...], list[int]] = {}  # the lead lines of each section
    for n, (unit, _) in enumerate(kept):
        if unit.kind != "heading" and not _entry(unit):
            series.setdefault(unit.section, []).append(n)
    owner_of = [k.split(".", 1)[0] if k else None for k in keys]
    out: dict[int, str] = {}
    for members in series.values():
        if len(members) < SERIES_TITLES:
            continue
        votes: dict[str, int] = {}
        for n in members:
            closest = owner_of[int(np.argmax(sims[n]))]
            if closest is not None:
                votes[closest] = votes.get(closest, 0) + 1
        if not votes:
            continue
        owner = max(votes, key=lambda o: votes[o])
        if votes[owner] < SERIES_VOTES or 2 * votes[owner] < len(members):
            continue
        taken = {alone[n] for n in members if n in alone}
        if not any(k.split(".", 1)[0] == owner for k in taken):
            continue  # one title of the series at least is plainly one of the tool's parts
        free = [
            j
            for j, k in enumerate(keys)
            if k is not None and owner_of[j] == owner and k not in taken
        ]
        for n in members:
            if n in alone or len(free) < 1:
                continue
            ranked = sorted(free, key=lambda j: (-float(near[n][j]), j))
            best = float(near[n][ranked[0]])
            runner = float(near[n][ranked[1]]) if len(ranked) > 1 else 0.0
            key = keys[ranked[0]]
            if key is None or best < MIN_SERIES_SIMILARITY or best - runner < SERIES_MARGIN:
                continue
            if not _names_other(kept[n][0], key, names):
                out[n] = key
    return out


def by_title(outcome: CheckpointOutcome, layout: Layout, titled: Titled) -> CheckpointOutcome:
    """``outcome`` with each absent element that a title of the dossier titles
    (``titled_elements``) made present, when the content the title leads is substantive
    and meets the element's requirements; the checkpoint then follows its elements."""
    checkpoint = outcome.checkpoint
    # the tool's own names are no content (« La concurrence, vue avec la matrice de Porter,
    # est forte. » says nothing of the rivals)
    weigher = Weigher(cue_names(checkpoint_cues(checkpoint)), {})
    changed = False
    elements = []
    for element in outcome.elements:
        key = f"{checkpoint.id}.{element.element.id}"
        finding = None
        if element.status == "absent" and not element.findings:
            # only where the rules found nothing: where they met the element's own name
            # and weighed its content, their refusal stands
            for title in titled.get(key, ()):
                body = body_of(layout, title)
                substance = weigher.passage(body)
                if _analyses(body, substance) and meets(element.element.requires, body):
                    best = weigher.best(body, 3) or body[:1]
                    finding = Finding(body[0], best, substance, verdict=True)
                    break
        if finding is None:
            elements.append(element)
            continue
        changed = True
        findings = [finding, *(replace(f, verdict=False) for f in element.findings)]
        elements.append(replace(element, status="present", findings=findings))
    if not changed:
        return outcome
    named = outcome.mentioned or any(e.mentioned for e in elements)
    status = checkpoint_status(elements, outcome.findings, named)
    return replace(outcome, status=status, elements=elements)
