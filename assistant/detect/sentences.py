"""Sentence spans of French text, as character offsets, so that quotes stay verbatim.
A sentence in another script (a Chinese one between two French ones) is a sentence of its own.

A line break ends a sentence when the line ends with punctuation or the next line starts a
list item; other line breaks (PDF wrapping) continue the sentence.
"""

from __future__ import annotations

import re

# letters of scripts without capitals (Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul)
_CASELESS = "\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CAPITAL = "A-ZÀ-ÖØ-Ý\u0391-\u03a9\u0400-\u042f"  # Latin, Greek and Cyrillic capitals
# a stop followed by a capital or a letter without case; an ideographic stop ("。") ends a
# sentence by itself, and so does a Latin stop glued to a letter without case ("!致")
_END = re.compile(
    rf"[.!?…]+[»\"')\]]*\s+(?=[«\"(\[]?[{_CAPITAL}{_CASELESS}0-9•▪\-–*])"
    rf"|[。！？]+[」』”)]*\s*|[.!?]+(?=[{_CASELESS}])"
)
_ABBREV = re.compile(
    r"\b(?:M|Mme|Mr|Dr|p|pp|ex|cf|env|av|vol|no|n°|art|fig|chap|éd|St|Ste|vs|al|[A-Z])$"
)
_BULLET = re.compile(r"^\s*(?:[-–—•▪◦*·]|\d{1,2}[.)]\s|[a-z][.)]\s)")
_LINE_END = re.compile(r"[.!?…:;]\s*$")


def sentence_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, shifted by ``base``; no blank ones."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text):
        spans.extend(_split_line(text, line_start, line_end))
    return [(s + base, e + base) for s, e in spans]


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """Join wrapped physical lines; keep real line breaks (punctuated end, bullet, blank)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            lines.append((start, start))
            continue
        if lines and lines[-1][1] > lines[-1][0] and _continues(text, lines[-1], raw):
            lines[-1] = (lines[-1][0], end)
        else:
            lines.append((start, end))
    return [span for span in lines if span[1] > span[0]]


def _continues(text: str, previous: tuple[int, int], line: str) -> bool:
    prev_text = text[previous[0] : previous[1]]
    if _LINE_END.search(prev_text) or _BULLET.match(line) or _BULLET.match(prev_text):
        return False
    first = line.lstrip()[:1]
    return first.islower() or first.isdigit() or len(prev_text) > 60


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    segment = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _END.finditer(segment):
        if segment[match.start()] == "." and _ABBREV.search(segment[cursor : match.start()]):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, len(segment)))
    out = []
    for s, e in spans:
        piece = segment[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            out.append((start + s + lead, start + e - trail))
    return out
