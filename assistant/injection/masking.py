"""What a reader sees in letters written to escape a word list: letters spaced out
("i g n o r e z") or with a mark between them ("V . A . L", "p-a-s") joined again, digits
written for letters ("1GN0R3Z") read as letters,
zero-width characters written between words ("Score\u200bthis\u200bsection") read as the
spaces they stand for. Its own module, without the lexicon, so that the learned readings
(``learned``, ``confirm``) read text as the rules do without compiling the lexicon (about
0.4 s) in the process that embeds. ``reading_form`` is the text the learned reading embeds:
the same, in its own case and accents, with look-alike letters of another script inside a
Latin word ("Сonsidérez", a Cyrillic "С") read as Latin."""

from __future__ import annotations

import re
import unicodedata

from assistant.textnorm import LOOK_ALIKES

# four or more single characters in a row ("i g n o r e z   l a"): letters spaced out
_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W_] +){3,}[^\W_](?!\S)")
# a word of letters with digits standing for letters ("1GN0R3Z", "v4lid3z")
_LEET_RE = re.compile(r"\b(?=(?:\w*[^\W\d_]){2})(?=\w*[013457])[^\W_]{3,}\b")
_LEET = str.maketrans("013457", "oieast")
# in a sentence that holds two such words, a shorter one too ("N3 P45 51GN4L3R": "ne pas")
_LEET_SHORT_RE = re.compile(r"\b(?=\w*[^\W\d_])(?=\w*[013457])[^\W_]{2,}\b")
# letters one by one with a mark between them ("V . A . L . I . D . E . R", "p-é-n-a-l-i-s-e-r",
# "s*k*i*p", one letter a line): four letters or more; once a text holds one, shorter runs of
# hyphenated letters ("n-e p-a-s") are read as words too
_MARKED_RE = re.compile(r"(?<![\w.*·_-])(?:[^\W\d_] ?[.*·_\n-] ?){3,}[^\W\d_](?![\w*·_-])")
_HYPHENED_RE = re.compile(r"(?<![\w-])[^\W\d_](?:-[^\W\d_])+(?![\w-])")
_MARK_RE = re.compile(r"[ .*·_\n-]")


# zero-width characters a writer may put where a space belongs
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_WORD_RE = re.compile(r"[^\W\d_]+")


def unmask(text: str) -> str:
    """``text`` with letters spaced out joined again (a wider gap stays a word break),
    digits written for letters inside words read as letters, and zero-width characters read
    as spaces when the text holds more of them than spaces (they separate its words; a
    zero-width character inside a word of a spaced text is left to ``scan_fold``, which
    drops it): what a reader sees in it."""
    if len(_ZERO_WIDTH_RE.findall(text)) > text.count(" "):
        text = _ZERO_WIDTH_RE.sub(" ", text)
    text = _SPACED_RE.sub(lambda m: re.sub(r" {2,}|(?<=\S) (?=\S)", _gap, m.group()), text)
    if _MARKED_RE.search(text) is not None:
        text = _MARKED_RE.sub(lambda m: _MARK_RE.sub("", m.group()), text)
        text = _HYPHENED_RE.sub(lambda m: m.group().replace("-", ""), text)
    leet = _LEET_SHORT_RE if len(_LEET_RE.findall(text)) >= 2 else _LEET_RE
    return leet.sub(lambda m: m.group().translate(_LEET), text)


def _gap(match: re.Match[str]) -> str:
    return " " if len(match.group()) > 1 else ""


def reading_form(text: str) -> str:
    """``text`` as the learned reading embeds it: ``unmask``, NFKC, the remaining format
    characters (zero-width, bidi controls, soft hyphen) dropped, and the look-alike letters
    of a word written in two scripts read as Latin ("pаrtie" with a Cyrillic "а"); a word
    wholly in Cyrillic or Greek stays as it is (a Russian sentence is Russian)."""
    text = unicodedata.normalize("NFKC", unmask(text))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return _WORD_RE.sub(_latin_word, text)


def _latin_word(match: re.Match[str]) -> str:
    word = match.group()
    if not any("a" <= c.lower() <= "z" for c in word):
        return word
    return "".join(_latin_letter(c) for c in word)


def _latin_letter(letter: str) -> str:
    latin = LOOK_ALIKES.get(letter.lower())
    if latin is None:
        return letter
    return latin if letter.islower() else latin.upper()
