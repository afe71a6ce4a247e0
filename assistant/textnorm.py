"""French text normalisation shared by lexical search and detection: Unicode repair, accent
folding, tokenising and Snowball stemming."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def nfkc(text: str) -> str:
    """NFKC-normalise (splits ligatures such as 'ﬁ') and unify spaces, keeping line breaks."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text))


class _Marks(dict[int, int | None]):
    """``str.translate`` table that drops combining marks: code point -> None for a mark,
    itself otherwise, looked up as characters are met (kept for the first planes only, so
    that a flood of rare characters cannot grow it)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        if code < _KEPT_CODES:
            self[code] = value
        return value


_KEPT_CODES = 0x3000
_MARKS = _Marks()


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Écologique' -> 'ecologique'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    if decomposed.isascii():  # nothing to strip (detection folds mostly plain words)
        return decomposed
    return decomposed.translate(_MARKS).replace("œ", "oe")


def fold_apostrophes(text: str) -> str:
    """``fold``, with the typographic apostrophe read as a straight one (« n’a » -> "n'a"),
    as the detection's patterns are written."""
    return fold(text).replace("’", "'")


def tokens(text: str) -> list[str]:
    """Folded word tokens with French elisions removed ("l'analyse" -> "analyse")."""
    out = []
    for raw in _WORD.findall(fold(text)):
        word = _ELISION.sub("", raw.replace("’", "'")).strip("'-")
        if word:
            out.append(word)
    return out


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("french")


def stem(words: list[str]) -> list[str]:
    """French Snowball stems of already folded tokens."""
    stems: list[str] = _stemmer().stemWords(words)  # type: ignore[attr-defined]  # C extension
    return stems


def stems(text: str) -> list[str]:
    """Folded, stemmed tokens of ``text``."""
    return stem(tokens(text))


# Latin look-alikes of Cyrillic and Greek letters (after lower-casing), used to defeat
# "homoglyph" spellings such as Cyrillic 'о' in "mоdèle".
LOOK_ALIKES: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h", "ɡ": "g", "ɑ": "a",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
}  # fmt: skip
_HOMOGLYPHS = str.maketrans(LOOK_ALIKES)
_LUNATE = str.maketrans({"Ϲ": "C", "ϲ": "c", "Ϳ": "J"})  # NFKC would make them sigma
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "«": '"', "»": '"'})
_ANY_SPACE = re.compile(r"\s+")
# format characters (Unicode category Cf): soft hyphen, zero-width, bidi controls, BOM...
_FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U0001bca0-\U0001bca3"
    "\U000110cd\U00013430-\U0001343f\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def scan_fold(text: str) -> str:
    """The form in which text is scanned for instructions to a reader: NFKC, format
    characters (zero-width, bidi controls, soft hyphen) removed, lower case, Cyrillic and
    Greek look-alikes mapped to Latin, accents stripped, quotes and spaces unified."""
    text = _FORMAT_CHARS.sub("", unicodedata.normalize("NFKC", text.translate(_LUNATE)))
    folded = unicodedata.normalize("NFKD", text.lower().translate(_HOMOGLYPHS))
    folded = _COMBINING.sub("", folded).replace("œ", "oe")
    return _ANY_SPACE.sub(" ", folded.translate(_QUOTES))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` without its leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
