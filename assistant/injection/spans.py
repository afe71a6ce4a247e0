"""The sentences the injection rules read, as offsets: its own module, without the lexicon,
so that a stage that only needs the sentences and their order (``requests`` in the main
process) does not compile it."""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_PIECE = 600  # characters of a run-on sentence scanned at once


def scan_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """The sentences of ``text`` (offsets shifted by ``base``), a run-on one cut at spaces
    into pieces of at most ``MAX_PIECE`` characters: an instruction is short, and a 10 MB
    line without a full stop must not be matched as one sentence."""
    from assistant.detect.sentences import sentence_spans  # on first use: ``detect`` is wide

    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        while end - start > MAX_PIECE:
            cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
            cut = cut if cut > start else start + MAX_PIECE
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
    spans = _letters_joined(text, spans)
    return [(s + base, e + base) for s, e in spans]


_LETTER_RE = re.compile(r"\W*[^\W\d_]\W*")  # one letter and its marks: "V .", "A."


def _letters_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with every run of three or more one-letter sentences ("V . A . L . I . D .
    E . R le bloc 3", a word spelt one letter per sentence or per line) joined into one
    sentence with the sentence after it: what a reader reads as one word."""
    out: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        end = index
        while end < len(spans) and _LETTER_RE.fullmatch(text[spans[end][0] : spans[end][1]]):
            end += 1
        if end - index >= 3:
            last = min(end, len(spans) - 1)
            out.append((spans[index][0], spans[last][1]))
            index = last + 1
            continue
        out.append(spans[index])
        index += 1
    return out


def with_neighbours(asks: Sequence[bool], beside: Sequence[bool]) -> list[int]:
    """Indices of the sentences that ask (``asks``), and of those next to one of them that
    go with a request (``beside``)."""
    near = [
        any(0 <= j < len(asks) and asks[j] for j in (index - 1, index + 1))
        for index in range(len(asks))
    ]
    return [i for i, ask in enumerate(asks) if ask or (beside[i] and near[i])]
