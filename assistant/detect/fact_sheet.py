"""The company's fact sheet: a section that gives when it was founded, how many people work
there and what it earns is its presentation, whatever the section is called.

Students often open a dossier on the company's identity in short lines under a heading of its
own name or of a plain word (« 1. Le domaine », « Bois-Joli en bref », « Structure ») and never
write « présentation de l'entreprise »: founded in 1952, 22 employees, a turnover of 2.4 M€
split by channel. The référentiel flags the checkpoint such a section treats (``fact_sheet:
true``). A topic so flagged that the other stages leave short of present, with a section whose
body holds the three kinds of identity facts (``FOUNDED``, ``STAFF``, ``TURNOVER``), is present,
quoted at those lines. Applied after the learned decisions: it reads no weight and feeds none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.detect.checkpoint import CheckpointOutcome, Finding
from assistant.detect.claims import quotable
from assistant.detect.scope import Layout
from assistant.detect.substance import Weigher
from assistant.detect.units import Unit
from assistant.textnorm import fold_apostrophes

SHEET_SPAN = 30  # units of a section read at most: a fact sheet is short
# a fact sheet is a section of its own with a short title (« 1. Le domaine », « X en bref »); a
# long heading (« Présentation des enjeux marketing de la saison ») titles another subject
SHEET_TITLE_WORDS = 6
_TITLE_WORD = re.compile(r"[^\W\d_]+")
_YEAR = r"(?:18|19|20)\d\d\b"
FOUNDED = re.compile(
    rf"\b(?:fondee?s?|creee?s?|nee?s?|depuis|ouverte?s?|reprise?s?|installee?s?)\b[^.;]{{0,25}}?"
    rf"\b(?:en )?{_YEAR}|\b\d+ ?(?:e|eme|ere)? generation\b"
)
STAFF = re.compile(
    r"\b\d+ (?:[a-z]+ )?(?:salariee?s?|employee?s?|collaborat(?:eur|rice)s?|etp|permanents?"
    r"|personnes|benevoles|agents)\b|\beffectifs? ?:? ?\d"
)
TURNOVER = re.compile(
    r"\b(?:ca|chiffre d'affaires|budget annuel|budget de fonctionnement)\b[^.;]{0,30}\d"
    r"|\d ?(?:m€|k€|meur\b|millions? d'euros|millions? €)"
)
_KINDS = (FOUNDED, STAFF, TURNOVER)


def sheet_units(layout: Layout, heading: Unit) -> list[Unit]:
    """The lines of ``heading``'s own body (before any sub-heading) that give an identity
    fact, when the heading is short and its body gives all three kinds; else none."""
    if len(_TITLE_WORD.findall(heading.text)) > SHEET_TITLE_WORDS:
        return []
    body: list[Unit] = []
    for unit in layout.heading_body(heading)[:SHEET_SPAN]:
        if unit.kind == "heading":
            break
        body.append(unit)
    facts = [u for u in body if quotable(u) and _kinds(u)]
    kinds = set().union(*(_kinds(u) for u in facts)) if facts else set()
    return facts if len(kinds) == len(_KINDS) else []


def _kinds(unit: Unit) -> set[int]:
    text = fold_apostrophes(unit.text)
    return {i for i, kind in enumerate(_KINDS) if kind.search(text)}


def fact_sheet(outcome: CheckpointOutcome, layout: Layout) -> CheckpointOutcome:
    """``outcome`` made present at the dossier's first fact sheet, when its checkpoint is the
    company's presentation (``fact_sheet``) and nothing else made it present."""
    checkpoint = outcome.checkpoint
    if not checkpoint.fact_sheet or checkpoint.elements or outcome.status == "present":
        return outcome
    for heading in (u for u in layout.units if u.kind == "heading"):
        facts = sheet_units(layout, heading)
        if facts:
            return replace(outcome, status="present", findings=[_finding(heading, facts)])
    return outcome


def _finding(heading: Unit, facts: Sequence[Unit]) -> Finding:
    units = list(facts[:3])
    weigher = Weigher(frozenset(), {})
    return Finding(heading, units, weigher.passage(units), topic=True, verdict=True)
