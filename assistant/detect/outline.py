"""A passage that is an outline: the titles of a dossier's parts, with nothing under them.

Read alone (an LLM's quote, a published extract), a table of contents does not always say
« Sommaire »: it is a run of numbered titles (« 1. Présentation 2. Analyse externe 2.1
PESTEL »), one per line or inline, often with page numbers. Each title is a few words; an
analysis written as a numbered list says much more under each number.
"""

from __future__ import annotations

import re

from assistant.textnorm import fold

_NUMBER = (
    r"(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]|[IVX]{1,5}[.)-]|[A-H][.)]|(?:partie|chapitre|part)\s+"
    r"(?:\d{1,2}|[ivx]{1,4}|un|deux|trois|une?)\b\s*[:.–—-]?)"
)
_MARKER = re.compile(rf"(?:^|(?<=\s))(?:{_NUMBER})\s+(?=[^\W\d_])", re.IGNORECASE)
_PAGE = re.compile(r"(?:\.{2,}|…+|_{2,}|\s{2,}|\t|\s[-–—]\s|\bp(?:age)?\.?\s?)\s*\d{1,3}\s*$")
_PARTS = re.compile(
    r"^(?:introduction|conclusion|annexes?|bibliographie|sources|remerciements|glossaire"
    r"|sommaire|table des matieres|webographie|resume|abstract)\b"
)
_FIGURES = re.compile(r"%|€|\d[\d  ]*(?:,\d+)?\s?(?:k€|m€|eur|euros?)")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
TITLE_WORDS = 9  # a title of a part is short
MIN_TITLES = 3
SHARE = 0.7


def reads_as_contents(text: str) -> bool:
    """``text`` is a run of part titles (numbered, or ending in page numbers), one per line
    or inline, with no sentence of content: a table of contents read alone."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) >= MIN_TITLES and _titles_share(lines) >= SHARE:
        return True
    return _inline_titles(text)


def _titles_share(lines: list[str]) -> float:
    titles = 0
    for line in lines:
        bare = re.sub(r"^[-–—•*▪]\s*", "", line)
        paged = bool(_PAGE.search(bare))
        body = _PAGE.sub("", bare)
        numbered = bool(_MARKER.match(body))
        body = _MARKER.sub("", body, count=1) if numbered else body
        words = _WORD.findall(body)
        short = 0 < len(words) <= TITLE_WORDS and not body.rstrip().endswith((".", ";"))
        part = bool(_PARTS.match(fold(body)))
        titles += (short and (numbered or paged or part)) and not _FIGURES.search(body)
    return titles / len(lines)


def inline_items(text: str) -> list[str]:
    """The titles of an outline run together on one line (« 1) la structure des coûts, 2) la
    démarche RSE, ... »), whatever precedes the first one; empty when ``text`` is not such a
    run (see ``_inline_titles``, without its limit on the words before the list)."""
    marks = list(_MARKER.finditer(text))
    if len(marks) < MIN_TITLES + 1 or _FIGURES.search(text):
        return []
    segments = [
        text[m.end() : (marks[k + 1].start() if k + 1 < len(marks) else len(text))]
        for k, m in enumerate(marks)
    ]
    sizes = [len(_WORD.findall(s)) for s in segments]
    if max(sizes) > TITLE_WORDS or sum(sizes) / len(sizes) > TITLE_WORDS * 0.6:
        return []
    return segments


def _inline_titles(text: str) -> bool:
    """« 1. Présentation 2. Veille 3. PESTEL 4. Porter »: three numbered titles or more on
    one line, each of a few words, and nothing else."""
    marks = list(_MARKER.finditer(text))
    if len(marks) < MIN_TITLES + 1 or _FIGURES.search(text):
        return False
    head = text[: marks[0].start()]
    if len(_WORD.findall(head)) > 4:  # a sentence before the list
        return False
    segments = [
        text[m.end() : (marks[k + 1].start() if k + 1 < len(marks) else len(text))]
        for k, m in enumerate(marks)
    ]
    sizes = [len(_WORD.findall(s)) for s in segments]
    return max(sizes) <= TITLE_WORDS and sum(sizes) / len(sizes) <= TITLE_WORDS * 0.6
