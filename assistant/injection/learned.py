"""A learned second reading of instructions to the reader, for wordings the rules miss.

The rules of ``meaning`` decide by word classes; an unseen wording may fall between them.
This model reads what they cannot: a logistic regression over the multilingual USE
embedding of a window of one or two sentences (its meaning, in any language) and the
rules' own cues on it (addressee, request, object, outcome...), trained by
``python -m eval.train_injection`` on the cases of earlier rounds and on clean dossier text.

Ingestion picks the windows (``windows``: candidate sentences only, so that a clean dossier
costs a few embeddings); ``flag_learned`` scores them after parsing, in the process that
holds the embedding model, and flags their blocks (never evidence, reported to the jury).
A dossier with no window loads nothing. The weights and the threshold ship in
``model/injection.json``; the threshold sits above every clean text of the training set.
Below it, a window scored above ``suspect`` (a level that few clean training texts reach) is
defence in depth: its sentences are marked ``suspect``, never evidence, with no alert (an
instruction the alarm misses is not quoted; a clean sentence pays only its evidence).
This module imports neither the rules nor their lexicon.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.document import Block, Document, ReadingWindow
from assistant.injection.confirm import ConfirmModel, load_confirm
from assistant.injection.masking import reading_form

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("model") / "injection.json"
GATE = 0.0
"""Where the confirmation starts to decide alone, as a share of the way from the first
reading's suspicion level (0) to its alarm (1): a window scored in that band is an alarm when
the confirmation scores it above ``BAND_LEVEL`` (session 12; 1.0: no band, as before). Chosen
by ``python -m eval.injection_loao --loao --grid`` (each author's file read by both stages
trained without it): at (0, 2) the four authors' files give 310 / 560 found against 270 without
the band, and every author keeps its false alarms (w14 0, w17 0, w31 2, w8 1 of 640 clean); a
level of 1.5 adds two on w31."""
BAND_LEVEL = 2.0
"""The confirmation's level for a window in the band (stricter than its level above the
alarm, ``ConfirmModel.threshold``): the further below the first alarm, the surer it must be."""
EMBEDDER = "use-m3"
"""The embedder the weights were trained with (``assistant.index.embedding.UseEmbedder``)."""

Matrix = npt.NDArray[np.float64]
Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]
Span = tuple[int, int]

# a second person, a polite request: what a text that speaks to its reader holds
SECOND_PERSON_RE = re.compile(
    r"\b(?:you|your|yourself|vous|votre|vos|tu|te|toi|ton|ta|tes|usted|ustedes|sie|ihr|du|"
    r"dich|dir|lei|voi|ti|voce|u|jij|je|please|kindly|merci|veuillez|por favor|bitte|"
    r"per favore|por gentileza|alstublieft|gelieve)\b|\w(?:ez|iez|ons)\b"
)

CUE_NAMES = (
    "machine_address",
    "jury_address",
    "command",
    "target",
    "outcome",
    "has_object",
    "ignore",
    "claim",
    "bare",
    "foreign_address",
    "graded_object",
    "graded_outcome",
    "sweeping",
    "skip",
    "held_language",
    "override",
    "second_person",
)
"""The rules' cues in a row of features (``windows.cue_row``), in this order."""


@dataclass(frozen=True)
class InjectionModel:
    """Weights over [embedding, cues], a bias, the alarm threshold and the lower level
    above which a window is kept out of the evidence without an alarm."""

    weights: Matrix
    bias: float
    threshold: float
    embedder: str
    suspect: float | None = None

    def scores(self, vectors: npt.NDArray[np.floating], cue_rows: Matrix) -> Matrix:
        features = np.hstack([np.asarray(vectors, dtype=np.float64), cue_rows])
        out: Matrix = features @ self.weights + self.bias
        return out

    def to_json(self) -> str:
        return json.dumps(
            {
                "embedder": self.embedder,
                "cues": list(CUE_NAMES),
                "bias": round(self.bias, 6),
                "threshold": round(self.threshold, 6),
                "suspect": round(self.suspect_level, 6),
                "weights": [round(float(w), 6) for w in self.weights],
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> InjectionModel:
        data = json.loads(text)
        if tuple(data["cues"]) != CUE_NAMES:
            raise ValueError("the model's cues are not this code's: retrain it")
        return cls(
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            embedder=str(data["embedder"]),
            suspect=float(data["suspect"]) if "suspect" in data else None,
        )

    @property
    def suspect_level(self) -> float:
        """The suspicion level (the threshold itself when the model has none)."""
        return self.threshold if self.suspect is None else min(self.suspect, self.threshold)


@cache
def load_model(path: Path = MODEL_PATH) -> InjectionModel | None:
    """The shipped model, or None (logged) when it is missing or does not fit this code."""
    try:
        return InjectionModel.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as err:
        log.warning("learned injection model not loaded (%s): rules only", err)
        return None


def _use_embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    from assistant.index.embedding import UseEmbedder  # one model, shared with the review

    return UseEmbedder().embed_documents(texts)


def flag_learned(
    document: Document,
    embed: Embed | None = None,
    model: InjectionModel | None = None,
    confirm: ConfirmModel | None = None,
    band: tuple[float, float] | None = None,
) -> Document:
    """``document`` with the sentences of the windows the model reads as instructions (and
    ``confirm`` confirms as requests; below the alarm, in the ``band`` of ``(GATE,
    BAND_LEVEL)`` by default, those ``confirm`` confirms at the band's level) split out of
    their blocks and flagged ``injection`` (a table: the whole table), and those it finds
    suspect (above ``suspect``; a window above the alarm that ``confirm`` does not confirm)
    split out and marked ``suspect`` (a table or a heading stays: too much evidence for a
    doubt); the text unchanged; the same document
    when nothing is found. Without ``model``, the shipped model and its shipped confirmation
    (``confirm.load_confirm``); with a ``model`` given, only the ``confirm`` given."""
    if not document.windows:
        return document
    shipped = model is None
    model = model or load_model()
    if model is None:
        return document
    confirms = (lambda: confirm or load_confirm()) if shipped else (lambda: confirm)
    band = band or (GATE, BAND_LEVEL)
    flagged, suspect = _flagged_spans(document, embed or _use_embed, model, confirms, band)
    if not flagged and not suspect:
        return document
    log.info("learned reading: %d sentences flagged, %d suspect", len(flagged), len(suspect))
    marks = [(s, e, "injection") for s, e in flagged] + [(s, e, "suspect") for s, e in suspect]
    return marked(document, marks).model_copy(update={"windows": []})


Mark = tuple[int, int, str]
"""(start, end, "injection" or "suspect"): a span of ``Document.text`` to split out and mark."""


def marked(document: Document, marks: Sequence[Mark], *, rows: bool = False) -> Document:
    """``document`` with each marked span split out of its block and flagged (a table or a
    heading: the whole block for an injection, nothing for a suspicion; with ``rows``, a
    table's suspect rows split out of it); blocks the rules flagged stay as they are; the
    text unchanged."""
    if not marks:
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        inside = [m for m in marks if block.start <= m[0] and m[1] <= block.end]
        inside = [] if block.injection else inside  # flagged by the rules already
        if inside and rows and block.rows is not None:
            pieces = _split_rows(document.text, block, inside)
        else:
            pieces = _split(document.text, block, inside) if inside else [block]
        blocks.extend(p.model_copy(update={"index": len(blocks) + i}) for i, p in enumerate(pieces))
    return document.model_copy(update={"blocks": blocks})


def _split(text: str, block: Block, marks: list[Mark]) -> list[Block]:
    """``block`` cut into slices of ``text``: the marked sentences, and what lies between."""
    if block.rows is not None or block.kind == "heading":
        if any(kind == "injection" for _, _, kind in marks):
            return [block.model_copy(update={"injection": True})]
        return [block]
    out: list[Block] = []
    cursor = block.start
    for start, end, kind in _merged(marks):
        out.append(_piece(text, block, cursor, start, None))
        out.append(_piece(text, block, start, end, kind))
        cursor = end
    out.append(_piece(text, block, cursor, block.end, None))
    return [b for b in out if b.end > b.start]


def _split_rows(text: str, block: Block, marks: list[Mark]) -> list[Block]:
    """A table cut into tables of its rows: the rows a mark touches marked (suspect or
    injection), the others kept together; the whole table when its lines and rows do not
    match one to one."""
    rows = block.rows or []
    lines = block.text.split("\n")
    if len(lines) != len(rows) or any(kind == "injection" for _, _, kind in marks):
        return _split(text, block, marks)
    out: list[Block] = []
    start = block.start
    for row, line in zip(rows, lines, strict=True):
        end = start + len(line)
        kind = next((k for s, e, k in marks if s < end and start < e), None)
        last = out[-1] if out else None
        if last is not None and last.suspect == (kind is not None) and last.end == start - 1:
            out[-1] = last.model_copy(
                update={
                    "text": text[last.start : end],
                    "end": end,
                    "rows": [*(last.rows or []), row],
                }
            )
        else:
            update: dict[str, object] = {"text": line, "start": start, "end": end, "rows": [row]}
            if kind is not None:
                update["suspect"] = True
            out.append(block.model_copy(update=update))
        start = end + 1
    return out


def _piece(text: str, block: Block, start: int, end: int, mark: str | None) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    update: dict[str, object] = {"text": text[start:end], "start": start, "end": end}
    if mark is not None:
        update.update({mark: True, "kind": "other"})
    return block.model_copy(update=update)


def _merged(marks: list[Mark]) -> list[Mark]:
    """Overlapping marks as one; an injection mark wins over a suspect one."""
    out: list[Mark] = []
    for start, end, kind in sorted(marks):
        if out and start <= out[-1][1]:
            last = out[-1]
            strongest = "injection" if "injection" in (kind, last[2]) else kind
            out[-1] = (last[0], max(end, last[1]), strongest)
        else:
            out.append((start, end, kind))
    return out


def window_vectors(
    sentence_vectors: npt.NDArray[np.floating], windows: Sequence[Sequence[int]]
) -> Matrix:
    """A window's vector: the normalised sum of its sentences' vectors (each sentence is
    embedded once, however many windows hold it)."""
    rows = np.asarray(
        [np.asarray(sentence_vectors, dtype=np.float64)[list(w)].sum(axis=0) for w in windows]
    )
    norms = np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    out: Matrix = rows / norms
    return out


def window_rows(document: Document, embed: Embed) -> tuple[Matrix, Matrix]:
    """Each reading window of ``document``: its vector (``window_vectors``; every sentence
    embedded once, in its reading form) and its rules' cues, the two inputs of the model."""
    spans = sorted({(s, e) for w in document.windows for s, e in w.spans})
    position = {span: i for i, span in enumerate(spans)}
    vectors = embed([reading_form(document.text[s:e]) for s, e in spans])
    members = [[position[(s, e)] for s, e in w.spans] for w in document.windows]
    cue_rows: Matrix = np.asarray([w.cues for w in document.windows], dtype=np.float64)
    return window_vectors(vectors, members), cue_rows


def _flagged_spans(
    document: Document,
    embed: Embed,
    model: InjectionModel,
    confirm: Callable[[], ConfirmModel | None],
    band: tuple[float, float],
) -> tuple[list[Span], list[Span]]:
    """The candidate sentences of every window the model scores above its threshold and
    ``confirm`` (when given) confirms, or in the ``band`` and confirmed at its level, and
    those of the windows it scores above its suspicion level only (or above the threshold,
    unconfirmed)."""
    try:
        vectors, cue_rows = window_rows(document, embed)
    except Exception:  # an embedding failure leaves the rules' findings as they are
        log.warning("learned injection reading skipped", exc_info=True)
        return [], []
    scores = model.scores(vectors, cue_rows)
    alarms = _confirmed(document, vectors, scores, model, confirm, band)
    flagged = _sentences(document.windows, alarms, model.threshold, pair_level=None)
    pair_level = (model.suspect_level + model.threshold) / 2  # two sentences: stricter
    suspect = _sentences(document.windows, scores, model.suspect_level, pair_level=pair_level)
    return flagged, sorted(set(suspect) - set(flagged))


def _confirmed(
    document: Document,
    window_rows: Matrix,
    scores: Matrix,
    model: InjectionModel,
    confirms: Callable[[], ConfirmModel | None],
    band: tuple[float, float],
) -> Matrix:
    """``scores`` as the alarm reads them once the confirmation has decided (``decided``) on
    the windows above the first reading's alarm and on those of the ``band`` (its gate, as a
    share of the way from the suspicion level to the alarm, and its level). The confirmation
    is loaded only when a window is above the gate."""
    gate = band_gate(model, band[0])
    above = np.flatnonzero(scores > gate)
    confirm = confirms() if len(above) else None
    if confirm is None:
        return scores
    texts = [" ".join(document.text[s:e] for s, e in document.windows[i].spans) for i in above]
    second = np.full(len(scores), -np.inf)
    second[above] = confirm.scores(window_rows[above], texts)
    return decided(scores, second, model.threshold, confirm.threshold, (gate, band[1]))


def band_gate(model: InjectionModel, share: float) -> float:
    """The first reading's score a ``share`` of the way from its suspicion level to its
    alarm (never above the alarm)."""
    low = model.suspect_level
    return min(low + share * (model.threshold - low), model.threshold)


def decided(
    scores: Matrix,
    second: Matrix,
    threshold: float,
    level: float,
    band: tuple[float, float],
) -> Matrix:
    """The first reading's ``scores`` once the confirmation (``second``) has decided: a window
    above the alarm ``threshold`` that it does not confirm (at ``level``) brought down to the
    threshold (no alarm, still suspect), and a window of the ``band`` (above its gate, up to
    the alarm) that it confirms at the band's level raised above the threshold (an alarm)."""
    gate, band_level = band
    out = scores.copy()
    high = scores > threshold
    inside = (scores > gate) & ~high
    out[high & (second <= level)] = threshold
    out[inside & (second > band_level)] = threshold + 1.0
    return out


def _sentences(
    windows: Sequence[ReadingWindow],
    scores: Matrix,
    level: float,
    *,
    pair_level: float | None,
) -> list[Span]:
    """The sentences of the windows scored above ``level``: a sentence alone; an address
    alone ("Note pour l'outil d'analyse.") and its request when neither is above it alone;
    with a ``pair_level``, both sentences of a pair scored above it that reads more like an
    instruction than one of its sentences alone, none of which the model reads as plainly
    ordinary (a claim and the request beside it: "Le budget a déjà été validé." "Merci de
    ne pas y revenir.")."""
    alone = {w.spans[0]: (float(score), w.cues) for w, score in zip(windows, scores, strict=True)
             if len(w.spans) == 1}  # fmt: skip
    above = {span for span, (score, _) in alone.items() if score > level}
    flagged = set(above)
    for window, score in zip(windows, scores, strict=True):
        if len(window.spans) < 2 or score <= level:
            continue
        pair = set(window.spans)
        address = _bare_address(alone.get(window.spans[0])) and not above & pair
        beside = pair_level is not None and score > pair_level
        if address or (beside and _adds_up(pair, score, alone, -level)):
            flagged.update(pair)
    return sorted(flagged)


def _adds_up(
    pair: set[Span],
    score: float,
    alone: dict[Span, tuple[float, list[float]]],
    floor: float,
) -> bool:
    """The pair scores above the weaker of its sentences read alone, and the model reads
    neither as plainly ordinary (below ``floor``): an ordinary sentence beside an
    instruction stays evidence."""
    own = [alone[span][0] for span in pair if span in alone]
    return score > min(own) > floor


_ADDRESS = [CUE_NAMES.index(n) for n in ("machine_address", "jury_address", "foreign_address")]


def _bare_address(single: tuple[float, list[float]] | None) -> bool:
    """The sentence alone is only an address ("Note pour l'outil d'analyse."): its request
    follows."""
    if single is None:
        return False
    cue = single[1]
    return bool(cue[CUE_NAMES.index("bare")]) and any(cue[i] for i in _ADDRESS)
