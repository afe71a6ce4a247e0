"""The sentences worth a second, learned reading (``learned``), chosen at ingestion where
the rules' cues are at hand: a cheap pre-filter keeps a sentence that speaks to a reader or
asks something (an addressee, an order to ignore, a claim, a loan-word address, a graded
object with its outcome, a request in the second person or a polite form). Each is kept
alone and with each of its neighbours: an address alone ("Note pour l'outil d'analyse.")
and its request, a claim and the request before or after it. Each window carries its
cues."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.document import Block, ReadingWindow
from assistant.injection.learned import CUE_NAMES, SECOND_PERSON_RE
from assistant.injection.meaning import Cues, cues
from assistant.injection.spans import scan_spans

Span = tuple[int, int]
# letters outside the Latin, Cyrillic and Greek ranges that ``scan_fold`` maps: Arabic, CJK...
_OTHER_SCRIPT_RE = re.compile(r"[^\W\d_a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_RECORD_RE = re.compile(r"\{\s*\"")  # a JSON object in the text: a verdict written for a machine
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
MIN_FOREIGN_WORDS = 6


def cue_value(cue: Cues, name: str) -> bool:
    """One of ``CUE_NAMES`` for one sentence."""
    if name == "machine_address":
        return cue.addressee == 2
    if name == "jury_address":
        return cue.addressee == 1
    if name == "second_person":
        return SECOND_PERSON_RE.search(cue.text) is not None
    return bool(getattr(cue, name))


def cue_row(sentences: Sequence[Cues]) -> list[float]:
    """The cues of a window of sentences: each one present in any of them."""
    return [float(any(cue_value(c, name) for c in sentences)) for name in CUE_NAMES]


def window_cues(text: str) -> list[Cues]:
    """The cues of each sentence of ``text``."""
    return [cues(text[s:e]) for s, e in scan_spans(text)] or [cues(text)]


def is_candidate(cue: Cues) -> bool:
    """Worth a second reading: something in the sentence speaks to a reader, asks, or
    states a graded object's outcome; an assessment object with an outcome or a request; a
    record written for a machine; or it is in a script the lexicon does not read, or in a
    language other than the dossier's (French): an English or German sentence in a French
    dossier is rare, and one that speaks to its reader needs no French cue to be read."""
    return bool(
        cue.addressee
        or cue.foreign_address
        or cue.ignore
        or cue.claim
        or cue.override
        or cue.stop_review
        or (cue.outcome and cue.graded_object)
        or (cue.graded_object and cue.graded_outcome)
        or (cue.command and SECOND_PERSON_RE.search(cue.text))
        or _OTHER_SCRIPT_RE.search(cue.text)
        or (cue.has_object and (cue.outcome or cue.command or cue.graded_outcome))
        or _RECORD_RE.search(cue.text)
        or (len(_WORD_RE.findall(cue.text)) >= MIN_FOREIGN_WORDS and cue.language != "fr")
    )


def reading_windows(text: str, blocks: Sequence[Block]) -> list[ReadingWindow]:
    """The windows around every candidate sentence of the blocks not already flagged: the
    sentence alone, and with each of its neighbours (across paragraphs), so that a claim
    ("les tests ont déjà été validés") is read with the request before or after it. A
    sentence the rules flagged stays a neighbour (the claim beside a flagged request is read
    with it) and is read alone only to weigh such a pair."""
    sentences = [
        (span, block.index, block.injection)
        for block in blocks
        for span in scan_spans(block.text, block.start)
    ]
    hidden_blocks = {block.index for block in blocks if block.hidden}
    hidden = [index in hidden_blocks for _, index, _ in sentences]
    sentence_cues = [cues(text[s:e]) for (s, e), _, _ in sentences]
    seen: set[Span] = set()
    out: list[ReadingWindow] = []
    for i, cue in enumerate(sentence_cues):
        if sentences[i][2]:  # flagged: read alone only to weigh a pair that holds it
            shapes = [(i, i)] if _beside_candidate(sentence_cues, sentences, hidden, i) else []
        elif not is_candidate(cue):
            continue
        else:
            shapes = [(i, i)]
            # a neighbour, but never across what the reader sees and what is hidden: hidden
            # text is flagged on its own, the visible sentence beside it is the dossier's
            if i > 0 and hidden[i - 1] == hidden[i]:
                shapes.append((i - 1, i))
            if i + 1 < len(sentences) and hidden[i + 1] == hidden[i]:
                shapes.append((i, i + 1))
        for first, last in shapes:
            if (first, last) in seen:
                continue
            seen.add((first, last))
            part = sentences[first : last + 1]
            out.append(
                ReadingWindow(
                    spans=[span for span, _, _ in part],
                    blocks=sorted({index for _, index, _ in part}),
                    cues=cue_row(sentence_cues[first : last + 1]),
                )
            )
    return out


def _beside_candidate(
    sentence_cues: Sequence[Cues],
    sentences: Sequence[tuple[Span, int, bool]],
    hidden: Sequence[bool],
    i: int,
) -> bool:
    return any(
        0 <= j < len(sentences)
        and not sentences[j][2]
        and hidden[j] == hidden[i]
        and is_candidate(sentence_cues[j])
        for j in (i - 1, i + 1)
    )
