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


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Écologique' -> 'ecologique'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


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
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h", "ɡ": "g", "ɑ": "a",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
    }
)  # fmt: skip
_LUNATE = str.maketrans({"Ϲ": "C", "ϲ": "c", "Ϳ": "J"})  # NFKC would make them sigma
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "«": '"', "»": '"'})
_ANY_SPACE = re.compile(r"\s+")


def scan_fold(text: str) -> str:
    """The form in which text is scanned for instructions to a reader: NFKC, format
    characters (zero-width, bidi controls, soft hyphen) removed, lower case, Cyrillic and
    Greek look-alikes mapped to Latin, accents stripped, quotes and spaces unified."""
    text = unicodedata.normalize("NFKC", text.translate(_LUNATE))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return _ANY_SPACE.sub(" ", fold(text.lower().translate(_HOMOGLYPHS)).translate(_QUOTES))
