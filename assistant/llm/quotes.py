"""Quote verification: a quote counts only when it occurs verbatim (after whitespace
normalisation) in the dossier's evidence text. Its page is taken from the dossier, never from
the model, and the quote is replaced by the dossier's own text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.assessment import Evidence
from assistant.detect.sentences import sentence_spans
from assistant.document import Block, Document

_WS = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def _normalise(text: str) -> str:
    return _WS.sub(" ", text.translate(_APOSTROPHES)).strip()


@dataclass(frozen=True)
class Located:
    """A verified quote: the dossier's own words, and the whole sentences they lie in (what
    detection judges), their section and their span in ``Document.text``."""

    evidence: Evidence
    passage: str
    section: tuple[str, ...]
    start: int
    end: int

    def overlaps(self, other: Located | tuple[int, int]) -> bool:
        start, end = (other.start, other.end) if isinstance(other, Located) else other
        return self.start < end and start < self.end


class QuoteLocator:
    """Finds quotes in the evidence blocks of one document (never hidden or boilerplate text,
    never the excluded spans, e.g. injected instructions)."""

    def __init__(self, doc: Document, excluded: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]  # tuple default is immutable
        self._doc = doc
        self._full: str | None = None
        self._excluded = list(excluded)
        self._blocks = [
            (b, _normalise(b.text))
            for b in doc.evidence_blocks()
            if not self._is_excluded(b.start, b.end)
        ]

    def _is_excluded(self, start: int, end: int) -> bool:
        return any(start < e_end and s < end for s, e_end in self._excluded)

    def is_flagged(self, quote: str) -> bool:
        """``quote`` is in the dossier, but only in text that can never be evidence (hidden,
        boilerplate, or an excluded span such as an injected instruction)."""
        needle = _normalise(quote).strip(" .…\"'")
        if len(needle) < 12 or self.find(quote) is not None:
            return False
        if self._full is None:
            self._full = _normalise(self._doc.text)
        return needle in self._full

    def locate(self, quote: str) -> Evidence | None:
        found = self.find(quote)
        return found.evidence if found else None

    def find(self, quote: str) -> Located | None:
        needle = _normalise(quote).strip(" .…\"'")
        if len(needle) < 12:
            return None
        for block, normalised in self._blocks:
            at = normalised.find(needle)
            if at < 0:
                continue
            start, end = _original_span(block.text, at, len(needle))
            evidence = Evidence.at(
                self._doc.text, block.start + start, block.start + end, block.page, block.section
            )
            lo, hi = _sentences(block, block.start + start, block.start + end)
            return Located(evidence, self._doc.text[lo:hi], tuple(block.section), lo, hi)
        return None


def _sentences(block: Block, start: int, end: int) -> tuple[int, int]:
    """The span of the block's whole sentences that ``start:end`` touches."""
    spans = [s for s in sentence_spans(block.text, block.start) if s[0] < end and start < s[1]]
    if not spans:
        return start, end
    return min(spans[0][0], start), max(spans[-1][1], end)


def _original_span(text: str, norm_start: int, norm_len: int) -> tuple[int, int]:
    """Map a span of ``_normalise(text)`` back onto ``text``."""
    positions: list[int] = []
    previous_space = True  # leading whitespace is stripped by _normalise
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                positions.append(index)
            previous_space = True
        else:
            positions.append(index)
            previous_space = False
    start = positions[norm_start]
    end = positions[min(norm_start + norm_len, len(positions)) - 1] + 1
    return start, end
