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
