"""Quote verification: a quote counts only when it occurs verbatim (after whitespace
normalisation) in the dossier's evidence text. Its page is taken from the dossier, never from
the model, and the quote is replaced by the dossier's own text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.assessment import Evidence
from assistant.document import Document

_WS = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def _normalise(text: str) -> str:
    return _WS.sub(" ", text.translate(_APOSTROPHES)).strip()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    page: int | None
    section: str | None


class QuoteLocator:
    """Finds quotes in the evidence blocks of one document (never hidden or boilerplate text,
    never the excluded spans, e.g. injected instructions)."""

    def __init__(self, doc: Document, excluded: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]  # tuple default is immutable
        self._doc = doc
        self._excluded = list(excluded)
        self._blocks = [
            (b, _normalise(b.text))
            for b in doc.evidence_blocks()
            if not self._is_excluded(b.start, b.end)
        ]

    def _is_excluded(self, start: int, end: int) -> bool:
        return any(start < e_end and s < end for s, e_end in self._excluded)

    def locate(self, quote: str) -> Evidence | None:
        needle = _normalise(quote).strip(" .…\"'")
        if len(needle) < 12:
            return None
        for block, normalised in self._blocks:
            at = normalised.find(needle)
            if at < 0:
                continue
            start, end = _original_span(block.text, at, len(needle))
            return Evidence.at(
                self._doc.text, block.start + start, block.start + end, block.page, block.section
            )
        return None


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
