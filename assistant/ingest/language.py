"""The main language of a dossier's text: French at once by its function words, otherwise
py3langid, loaded on first use. Kept apart from assembly so that reading the language does not
load the injection lexicon."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")

# the commonest French function words: where they make a fifth of the words, the text is
# French (the devset's dossiers: 28 % on average), without loading a language model
_FRENCH_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "le la les l de des du d un une et en est sont au aux à pour par sur dans avec ce ces "
        "cette qui que qu il elle ils nous vous ne pas plus son sa ses leur leurs se s ou où",
    )
)
PLAINLY_FRENCH = 0.2
_MIN_WORDS_FOR_RATIO = 50


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language, None without enough text: 'fr' at once when
    French function words make a fifth of the words, else py3langid (loaded on first use)."""
    sample = text[:20000]
    words = _WORD.findall(sample)
    if len(words) < 3:
        return None
    if plainly_french(words):
        return "fr"
    from py3langid.langid import classify

    language, _score = classify(sample)
    return str(language)


def plainly_french(words: list[str]) -> bool:
    """True when French function words make at least ``PLAINLY_FRENCH`` of ``words``."""
    if len(words) < _MIN_WORDS_FOR_RATIO:
        return False
    hits = sum(word.lower() in _FRENCH_STOP_WORDS for word in words)
    return hits >= PLAINLY_FRENCH * len(words)
