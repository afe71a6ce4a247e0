"""Heading heuristics for formats without heading markup (plain text, PDF lines)."""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+(\S.*)$")
_ROMAN = re.compile(r"^([IVX]{1,5})[.)\-–]\s*(\S.*)$")
_NAMED = re.compile(r"^(partie|chapitre|annexe|section)\s+(\d{1,2}|[IVX]{1,5}|[A-Z])\b", re.I)
_MAX_HEADING_CHARS = 120


def numbered_heading_level(line: str) -> int | None:
    """Outline level of a numbered heading line ('2.3 Analyse PESTEL' -> 2), else None.

    Years, amounts and sentences are not headings: the number has at most two digits per
    part, the title starts with a capital letter and does not end like a sentence."""
    line = line.strip()
    if not line or len(line) > _MAX_HEADING_CHARS or "\n" in line:
        return None
    if _NAMED.match(line):
        return 1
    numbered = _NUMBERED.match(line)
    if numbered and _looks_like_title(numbered.group(2)):
        return numbered.group(1).rstrip(".").count(".") + 1
    roman = _ROMAN.match(line)
    if roman and _looks_like_title(roman.group(2)):
        return 1
    return None


def _looks_like_title(title: str) -> bool:
    first = title[0]
    if not (first.isalpha() and first.isupper()):
        return False
    return not title.rstrip().endswith((".", ";", ",", ":")) or len(title.split()) <= 3


def is_caps_heading(line: str) -> bool:
    """A short line written in capitals ('INTRODUCTION', 'ANALYSE DU MARCHÉ')."""
    line = line.strip()
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and len(line) <= 80 and all(c.isupper() for c in letters)
