"""What a unit asserts about the case: nothing, when it only defines a tool, states a textbook
generality with nothing of the case in it, announces work for later, takes something back ("la
phase de test n'a pas encore pu être organisée"), sends the reader elsewhere ("voir SWOT") or
is a line of a table of contents. Such a unit brings no substance, names nothing (its cue words
are no mention) and is never quoted as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Literal

from assistant.detect.assertion import reads_as_void
from assistant.detect.lexicon import (
    ANNOUNCE,
    DEFINITION,
    DONE_PAST,
    EXAMPLE_OPENING,
    GENERIC,
    GENERIC_OPENING,
    GENERIC_SUBJECT,
    HYPOTHETICAL,
    INVENTED,
    LATER,
    PLANNED,
    REFERENCE,
    STOPWORDS,
    THEORIST,
    TOC_LINE,
)
from assistant.detect.negation import denied_tokens
from assistant.detect.units import Token, Unit
from assistant.textnorm import fold_apostrophes

Void = Literal[
    "toc", "definition", "generic", "announce", "hypothetical", "negated", "reference", "unasserted"
]
DENIED_SHARE = 0.5  # a sentence mostly taken back says nothing done


@lru_cache(maxsize=4096)
def void_reason(unit: Unit) -> Void | None:
    """Why ``unit`` asserts nothing about the case, or None when it may be evidence (cached:
    the same immutable unit is asked about by several detectors)."""
    if TOC_LINE.search(unit.text):
        return "toc"
    if unit.kind == "heading":
        return None
    folded = fold_apostrophes(unit.text)
    if DEFINITION.search(folded) or _formula_in_words(unit.text):
        return "definition"
    if GENERIC_SUBJECT.search(folded) and not (voiced(unit) or _named(unit)):
        return "definition"
    if THEORIST.search(unit.text) and not voiced(unit):
        return "definition"  # the course's authority retold, by nobody of the case
    generic = GENERIC.search(folded) or GENERIC_OPENING.match(folded)
    if generic and not _first_person_or_case(unit):
        return "generic"
    if REFERENCE.search(folded):
        return "reference"
    if ANNOUNCE.search(folded):
        return "announce"
    if HYPOTHETICAL.search(folded) or (INVENTED.search(folded) and not voiced(unit)):
        return "hypothetical"
    denied = denied_tokens(unit)
    if denied and len(denied) >= DENIED_SHARE * len(unit.tokens):
        return "negated"
    if LATER.search(folded):  # scheduled, postponed or left blank (a denial first)
        return "announce"
    if _learned_void(unit):
        return "unasserted"
    return None


_FORMULA = re.compile(  # word = word ... word (/ × * ÷ +) word, brackets allowed
    r"[^\W\d_]\s*\)?\s*=\s*\(?\s*[^\W\d_][^=]*?[^\W\d_]\s*\)?\s*[/×*÷+]\s*\(?\s*[^\W\d_]"
)


def _formula_in_words(text: str) -> bool:
    """A computation written in words only (« Marge = Prix de vente – Coût d'achat »): how a
    figure is obtained in general, not the case's figure (it would hold digits)."""
    return not any(ch.isdigit() for ch in text) and bool(_FORMULA.search(text))


LEARNED_MIN_WORDS = 8  # shorter sentences (« Menace des entrants : faible. ») are labels
_NEGATIVE = frozenset({"pas", "aucun", "aucune", "jamais", "rien", "ni", "plus"})
_NE = re.compile(r"\b(?:ne|n['’])", re.IGNORECASE)


def _learned_void(unit: Unit) -> bool:
    """The learned reading (``assertion``) says the sentence asserts nothing of the case, and
    the rules agree it may be so: it holds neither the candidate's voice nor a figure, or it
    is a negative sentence (what it says of the case is what is missing)."""
    if unit.kind != "sentence" or len(unit.tokens) < LEARNED_MIN_WORDS:
        return False
    if not reads_as_void(unit.text):
        return False
    return not _voiced_or_figured(unit) or _negative(unit)


def invented_case(units: Sequence[Unit], examples: bool = False) -> frozenset[int]:
    """Indices of the units about a made-up business set up to illustrate a method (« Supposons
    une crêperie fictive… », « l'entreprise ABC »): the sentence that sets it up and those that
    carry on in its block without coming back to a real case (the candidate's voice, or a
    proper name). Their figures are the example's, not the case's. With ``examples`` (a
    passage read alone, with no dossier around it), a sentence that opens on « Exemple(s) »
    without the case's voice also sets one up."""
    out: set[int] = set()
    current: int | None = None  # the block of the example being carried on
    for unit in units:
        if unit.kind == "heading":
            current = None
            continue
        folded = fold_apostrophes(unit.text)
        # « Exemple : En 2022, Ferrero a… » announces a real case's example: a name keeps it
        announced = (
            examples
            and bool(EXAMPLE_OPENING.match(folded))
            and (not _named(unit) or _title_line(unit))
        )
        opens = (bool(INVENTED.search(folded)) or announced) and not voiced(unit)
        if opens or (current == unit.block and not voiced(unit) and not _named(unit)):
            out.add(unit.index)
            current = unit.block
        else:
            current = None
    return frozenset(out)


def voiced(unit: Unit) -> bool:
    """The candidate's or the company's own voice (« nous », « notre », « J'ai »)."""
    return bool(_ELIDED_FIRST_PERSON.search(unit.text)) or any(
        t.folded in _FIRST_PERSON for t in unit.tokens
    )


def _named(unit: Unit) -> bool:
    """A proper name inside the sentence (not a tool's, nor the capital of a field's label:
    « Coûts fixes : », « Mesurable | », « • Campagne B »)."""
    return any(
        i > 0
        and _elided(t.text)[:1].isupper()
        and not _elided(t.text).isupper()
        and t.folded not in STOPWORDS
        and t.folded not in _TOOL_NAMES
        and not _label(unit, t)
        for i, t in enumerate(unit.tokens)
    )


def _title_line(unit: Unit) -> bool:
    """The unit is only a title in title case (« Exemples Pratiques », « Exemple Concret 2. »):
    after its first word, capitalised words separated by spaces, and at most an item's number
    at the end. Its capitals are a heading's, not names; a title followed by anything else
    (« Exemple Ferrero : le rappel… ») is read as written."""
    words = list(unit.tokens[1:])
    if words and words[-1].text.isdigit():
        words.pop()  # the number of the first item, run on by the sentence splitter
    previous = unit.tokens[0]
    for token in words:
        gap = unit.text[previous.start + len(previous.text) - unit.start : token.start - unit.start]
        if gap.strip() or not token.text[:1].isupper() or not token.text[1:2].islower():
            return False
        previous = token
    return bool(words)


_OPENS_LABEL = re.compile(r"(?:[:|•▪;/(–—=+×*-]|\d[.)])$")
_ENDS_LABEL = re.compile(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,2}[:|=]")


def _label(unit: Unit, token: Token) -> bool:
    """``token`` opens a field's label, a list's item or a formula's term, not a proper name:
    it comes after a separator (colon, bar, bullet, dash, item number, operator) or opens a
    short phrase that ends on a colon, a bar or an equals sign (« Prix moyen repas : 25 € »,
    « Seuil CA = »)."""
    at = token.start - unit.start
    before = unit.text[:at].rstrip()
    if not before or _OPENS_LABEL.search(before):
        return True
    return bool(_ENDS_LABEL.match(unit.text, at + len(token.text)))


def _voiced_or_figured(unit: Unit) -> bool:
    return bool(_ELIDED_FIRST_PERSON.search(unit.text)) or any(
        t.folded in _FIRST_PERSON or any(ch.isdigit() for ch in t.text) for t in unit.tokens
    )


_FIRST_PERSON = frozenset({"notre", "nos", "nous", "je", "mon", "ma", "mes", "j", "moi"})
_ELIDED_FIRST_PERSON = re.compile(r"(?<![^\W\d_])[JjMm]['’]\w")  # « J'ai », « m'a appris »
_TOOL_NAMES = frozenset(
    {"pestel", "pestle", "swot", "porter", "peso", "smart", "gantt", "rgaa", "kpi", "kpis"}
    | {"bcg", "ansoff", "mckinsey", "ffom", "ux", "ui", "seo", "sea", "crm", "roi"}
)


def case_anchored(unit: Unit) -> bool:
    """The unit holds something of a case: « nous », « notre », a figure, or a proper name
    inside the sentence (not a tool's, nor the spelt-out name of an acronym in brackets:
    « l'UX (User Experience) »)."""
    bracketed = _bracketed(unit)
    for i, tok in enumerate(unit.tokens):
        if tok.folded in _FIRST_PERSON or any(ch.isdigit() for ch in tok.text):
            return True
        word = _elided(tok.text)  # « d'Italie »
        proper = i > 0 and word[:1].isupper() and not word.isupper()
        named = proper and tok.folded not in STOPWORDS and tok.folded not in _TOOL_NAMES
        if named and i not in bracketed:
            return True
    return False


def about_case(units: Iterable[Unit]) -> bool:
    """Some unit asserts something of the case: quotable and anchored in it. A section whose
    body holds none (a course definition and its textbook sequel) treats no topic of the
    dossier, whatever its heading names. A table's cell counts: course copy is prose."""
    return any(
        u.kind != "heading" and quotable(u) and (u.kind == "cell" or _first_person_or_case(u))
        for u in units
    )


def _first_person_or_case(unit: Unit) -> bool:
    """Anchored in the case, or said by the candidate (« J'ai repéré... », « m'a appris »)."""
    return bool(_ELIDED_FIRST_PERSON.search(unit.text)) or case_anchored(unit)


def _bracketed(unit: Unit) -> frozenset[int]:
    """Indices of the tokens inside round brackets just after an acronym: its spelt-out name
    (« le RGAA (Référentiel général...) », « l'UX design (User Experience) »)."""
    inside: set[int] = set()
    depth, previous, expands = 0, 0, False
    tokens = unit.tokens
    for i, tok in enumerate(tokens):
        gap = unit.text[previous : tok.start - unit.start]
        if "(" in gap and not depth:
            expands = any(_acronym(t.text) for t in tokens[max(0, i - 2) : i])
        depth = max(0, depth + gap.count("(") - gap.count(")"))
        if depth and expands:
            inside.add(i)
        previous = tok.start - unit.start + len(tok.text)
    return frozenset(inside)


def _elided(text: str) -> str:
    """A token without its elided article or pronoun (« d'Italie » -> « Italie »)."""
    return re.split(r"['’]", text)[-1]


def _acronym(text: str) -> bool:
    word = _elided(text)
    return len(word) > 1 and word.isupper()


def quotable(unit: Unit) -> bool:
    """The unit may be quoted as evidence."""
    return void_reason(unit) is None


def _negative(unit: Unit) -> bool:
    return bool(_NE.search(unit.text)) and any(t.folded in _NEGATIVE for t in unit.tokens)


@lru_cache(maxsize=4096)
def planned(unit: Unit) -> bool:
    """``unit`` tells work in the future or as a plan, and nothing of it as done."""
    text = fold_apostrophes(unit.text)
    return PLANNED.search(text) is not None and DONE_PAST.search(text) is None
