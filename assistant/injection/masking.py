"""What a reader sees in letters written to escape a word list: letters spaced out
("i g n o r e z") joined again, digits written for letters ("1GN0R3Z") read as letters. Its
own module, without the lexicon, so that the learned confirmation (``confirm``) reads text as
the rules do without compiling the lexicon (about 0.4 s) in the process that embeds."""

from __future__ import annotations

import re

# four or more single characters in a row ("i g n o r e z   l a"): letters spaced out
_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W_] +){3,}[^\W_](?!\S)")
# a word of letters with digits standing for letters ("1GN0R3Z", "v4lid3z")
_LEET_RE = re.compile(r"\b(?=(?:\w*[^\W\d_]){2})(?=\w*[013457])[^\W_]{3,}\b")
_LEET = str.maketrans("013457", "oieast")


def unmask(text: str) -> str:
    """``text`` with letters spaced out joined again (a wider gap stays a word break) and
    digits written for letters inside words read as letters: what a reader sees in it."""
    text = _SPACED_RE.sub(lambda m: re.sub(r" {2,}|(?<=\S) (?=\S)", _gap, m.group()), text)
    return _LEET_RE.sub(lambda m: m.group().translate(_LEET), text)


def _gap(match: re.Match[str]) -> str:
    return " " if len(match.group()) > 1 else ""
