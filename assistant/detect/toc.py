"""Tables of contents: blocks that list the dossier's headings, never evidence of anything.

A table of contents names every tool the dossier uses ("2.1 Analyse PESTEL ........ 6"): it
says where a topic is, not that it is treated. Three signs, any one is enough: the block sits
under a heading such as « Sommaire » or « Table des matières » (or starts with that word); most
of its lines end with a page number after dot leaders, spacing or « p. »; most of its lines
repeat the dossier's own headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.detect.outline import inline_items, reads_as_contents
from assistant.document import Block, Document
from assistant.textnorm import fold

_TITLE = re.compile(
    r"^\W*(?:sommaire|table des matieres|plan du dossier|plan|contents|table of contents)\W*$"
)
_OPENS = re.compile(r"^\W*(?:sommaire|table des matieres|table of contents)\b")
_PAGE_END = re.compile(
    r"(?:\.{3,}|…+|_{3,}|\s{2,}|\t|\s[-–—]\s|\bp(?:age)?\.?\s?)\s*\d{1,3}\s*$"
    r"|^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|partie \d)\s+[^.!?]{3,80}\s\d{1,3}\s*$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-h])[.)]?\s+|[-–—•*▪]\s*)")
_TRAILING_PAGE = re.compile(r"[\s.…_\t-]*(?:p(?:age)?\.?\s?)?\d{1,3}\s*$")
MAX_LINE_WORDS = 14  # a table of contents line is short
LIST_ITEM_WORDS = 8  # ... or a run of short titles
SHARE = 0.6  # share of lines that must look like contents lines
FOLLOWING_BLOCKS = 40  # one-line blocks after a « Sommaire » line, in a PDF


_LABELLED = re.compile(
    r"^\W*(?:sommaire|table des matieres|table of contents|contents|plan du (?:dossier|memoire"
    r"|rapport))\s*(?::|\n)"
)


def opens_contents(text: str) -> bool:
    """``text`` is a table of contents by its own label (« Sommaire : 1. ... », « Plan du
    mémoire : » over a list), as when a passage is read alone."""
    return bool(_OPENS.match(fold(text)) or _LABELLED.match(fold(text)))


def toc_blocks(doc: Document) -> frozenset[int]:
    """Indices of the blocks of ``doc`` that belong to a table of contents."""
    headings = {_bare(b.text) for b in doc.blocks if b.kind == "heading"}
    headings.discard("")
    found: set[int] = set()
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            if _TITLE.match(fold(block.text)):
                found.add(block.index)
                found |= _run_after(blocks, i, headings, stop_at_heading=True)
            continue
        if _OPENS.match(fold(block.text)):
            found.add(block.index)
            found |= _run_after(blocks, i, headings, stop_at_heading=False)
        elif _is_contents(_lines(block), headings) or _announces_parts(block.text, headings):
            found.add(block.index)
    return frozenset(found)


ECHO_SHARE = 0.6  # share of an inline outline's items that must be the dossier's headings
_SMALL = frozenset({"les", "des", "du", "de", "la", "le", "et", "en", "au", "aux", "d", "l"})


def _announces_parts(text: str, headings: set[str]) -> bool:
    """A sentence that announces the dossier's parts in a numbered run (« Ce dossier présente :
    1) la structure des coûts, 2) la démarche RSE, ... 7) le suivi des écarts. »): most of its
    items are the dossier's own headings, said in fewer words. It says where each topic is,
    like a table of contents, not that it is treated."""
    items = inline_items(text)
    if not items:
        return False
    titles = [set(h.split()) for h in headings]
    echoed = 0
    for item in items:
        words = set(re.sub(r"[^\w]+", " ", fold(item)).split()) - _SMALL
        echoed += bool(words) and any(words <= title for title in titles)
    return echoed >= max(MIN_ECHOES, ECHO_SHARE * len(items))


MIN_ECHOES = 3


def _run_after(
    blocks: Sequence[Block], i: int, headings: set[str], stop_at_heading: bool
) -> set[int]:
    """The blocks after a contents title: its short lines up to the next heading (a real
    heading title), or the following contents-like lines (a title read as a plain line); a
    block that reads as an outline alone (numbered titles run together) belongs to it too."""
    out: set[int] = set()
    for block in blocks[i + 1 : i + 1 + FOLLOWING_BLOCKS]:
        lines = _lines(block)
        if block.kind == "heading":
            if stop_at_heading or not _PAGE_END.search(block.text):
                break
        elif reads_as_contents(block.text):
            pass  # a run of numbered titles joined into one paragraph, as a PDF may give it
        elif not all(_contents_line(line) for line in lines) or not (
            stop_at_heading
            or _is_contents(lines, headings, share=SHARE)
            or all(_bare(line) in headings for line in lines)  # « 6. Stratégie » under it
        ):
            break
        out.add(block.index)
    return out


def _contents_line(line: str) -> bool:
    """A line a table of contents may hold: short, or a run of short titles separated by
    commas (« Partie 1 : Présentation de l'entreprise, PESTEL, Porter, SWOT »), not a
    sentence."""
    if len(line.split()) <= MAX_LINE_WORDS:
        return True
    if line.rstrip().endswith((".", "!", "?")):
        return False
    items = re.split(r"[,;:]", line)
    return len(items) >= 3 and all(len(item.split()) <= LIST_ITEM_WORDS for item in items)


def _lines(block: Block) -> list[str]:
    if block.rows:
        return [" ".join(cell for cell in row if cell.strip()) for row in block.rows]
    return [line for line in block.text.split("\n") if line.strip()]


def _is_contents(lines: Sequence[str], headings: set[str], share: float = SHARE) -> bool:
    """Most lines are short and end with a page number, or repeat one of the headings; a
    single line counts only when it has dot leaders (« Analyse PESTEL ....... 6 »)."""
    if not lines or any(len(line.split()) > MAX_LINE_WORDS for line in lines):
        return False
    if len(lines) == 1:
        line = lines[0]
        return bool(re.search(r"(?:\.{4,}|…{2,}|_{4,})\s*\d{1,3}\s*$", line)) or (
            _bare(line) in headings and bool(_TRAILING_PAGE.search(line))
        )
    paged = sum(bool(_PAGE_END.search(line)) for line in lines)
    echoed = sum(_bare(line) in headings for line in lines)
    needed = max(2, share * len(lines))
    return paged >= needed or echoed >= needed


def _bare(line: str) -> str:
    """A heading or contents line without numbering, page number and punctuation."""
    text = fold(line).strip()
    text = _NUMBERING.sub("", text)
    text = _TRAILING_PAGE.sub("", text)
    return re.sub(r"[^\w]+", " ", text).strip()
