"""Passages shared by the dossiers of two candidates of the same batch.

Each dossier is cut into sentences (evidence blocks only: no heading, table, hidden text or
running header; quotations between quote marks and sentences that give their source are left
out, and so is the référentiel's own wording). Two detectors then compare every pair:

- copies: word 5-gram shingles; a sentence most of whose shingles occur in the other
  dossier is copied (containment, exact sets: a batch is small);
- light rewording: sentence vectors of the shipped embedding model; a sentence whose nearest
  sentence in the other dossier is closer than ``cosine`` *and* shares enough of its content
  words (``lexical``) is reworded; a sentence that sets out a computation (``=``) is left to
  the copy detector (textbook formulas read alike in every dossier). Thresholds measured on
  built pairs (``python -m eval.similarity``): cosine 0.80-0.82 finds every planted pair and
  reports nothing on 780 unrelated pairs; 0.78 already reports one.

Consecutive flagged sentences form one passage, reported with both quotes and pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal, Protocol

import numpy as np
from pydantic import BaseModel, Field

from assistant.document import Document
from assistant.referentiel.models import Referentiel

SHINGLE = 5
MIN_WORDS = 8
COPY_CONTAINMENT = 0.5
REWORD_COSINE = 0.82
REWORD_LEXICAL = 0.3
MIN_PASSAGE_WORDS = 20

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+(?=[«\"“(A-ZÀ-ÖØ-Þ0-9])")
_QUOTED = re.compile(r"«[^»]{0,400}»|“[^”]{0,400}”|\"[^\"]{0,400}\"")
_SOURCED = re.compile(
    r"\(\s*sources?\b|\bsources?\s*:|\[\d+\]|\([A-ZÀ-Ö][\w'’-]+(?: et al\.)?,? (?:19|20)\d\d\)",
    re.IGNORECASE,
)
_STOPWORD_TEXT = (
    "le la les l un une des de du d et ou en à au aux a pour par sur dans avec sans ce cet "
    "cette ces qui que qu quoi dont où il elle ils elles on nous vous je j me m se s te t "
    "son sa ses leur leurs notre nos votre vos mon ma mes est sont été être avons avez ont "
    "fait faire plus moins très aussi mais donc car ne n pas y c ça cela comme tout tous "
    "toute toutes entre"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class Embeds(Protocol):
    """The part of the embedding model used here (L2-normalised rows)."""

    def embed_documents(self, texts: Sequence[str]) -> Any: ...


class Quote(BaseModel):
    text: str
    page: int | None


class SharedPassage(BaseModel):
    kind: Literal["copie", "reformulation"]
    first: Quote = Field(description="In the first dossier of the pair.")
    second: Quote = Field(description="In the second dossier of the pair.")
    score: float = Field(description="Shingle containment (copies) or cosine (rewording).")


class SimilarPair(BaseModel):
    first: str = Field(description="Key (sha256) of the first dossier.")
    second: str
    passages: list[SharedPassage]


@dataclass
class Sentence:
    text: str
    page: int | None
    index: int
    words: list[str]
    formula: bool = False
    shingles: set[tuple[str, ...]] = field(default_factory=set)


@dataclass(frozen=True)
class Thresholds:
    containment: float = COPY_CONTAINMENT
    cosine: float = REWORD_COSINE
    lexical: float = REWORD_LEXICAL
    min_words: int = MIN_PASSAGE_WORDS


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return _WORD.findall(folded)


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def referentiel_shingles(referentiel: Referentiel) -> set[tuple[str, ...]]:
    """The référentiel's own wording: every text it holds, as shingles."""
    found: set[tuple[str, ...]] = set()
    for text in _strings(referentiel.model_dump()):
        found |= shingles(words(text))
    return found


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def sentences(doc: Document, excluded: set[tuple[str, ...]]) -> list[Sentence]:
    """The dossier's own sentences worth comparing, in reading order."""
    found: list[Sentence] = []
    for block in doc.evidence_blocks():
        if block.kind in ("heading", "table"):
            continue
        for part in _SENTENCE_END.split(block.text):
            if _SOURCED.search(part):
                continue
            tokens = words(_QUOTED.sub(" ", part))
            own = shingles(tokens) - excluded
            if len(tokens) < MIN_WORDS or len(own) < len(tokens) // 2:
                continue
            found.append(
                Sentence(
                    part.strip(), block.page, len(found), tokens, formula="=" in part, shingles=own
                )
            )
    return found


def _content(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if t not in _STOPWORDS and len(t) > 2}


def _lexical(a: Sentence, b: Sentence) -> float:
    left, right = _content(a.words), _content(b.words)
    return len(left & right) / max(1, min(len(left), len(right)))


@dataclass
class _Match:
    kind: Literal["copie", "reformulation"]
    first: Sentence
    second: Sentence
    score: float


def _copies(a: list[Sentence], b: list[Sentence], limit: float) -> dict[int, _Match]:
    owner: dict[tuple[str, ...], list[int]] = {}
    for sentence in b:
        for shingle in sentence.shingles:
            owner.setdefault(shingle, []).append(sentence.index)
    by_index = {s.index: s for s in b}
    found: dict[int, _Match] = {}
    for sentence in a:
        shared = [shingle for shingle in sentence.shingles if shingle in owner]
        if not sentence.shingles or len(shared) / len(sentence.shingles) < limit:
            continue
        best = Counter(i for shingle in shared for i in owner[shingle]).most_common(1)[0][0]
        share = len(shared) / len(sentence.shingles)
        found[sentence.index] = _Match("copie", sentence, by_index[best], share)
    return found


def _rewordings(
    a: list[Sentence], b: list[Sentence], va: Any, vb: Any, rules: Thresholds
) -> dict[int, _Match]:
    if not a or not b:
        return {}
    cosine = np.asarray(va) @ np.asarray(vb).T
    found: dict[int, _Match] = {}
    for i, row in enumerate(cosine):
        j = int(row.argmax())
        if a[i].formula or b[j].formula:
            continue  # a computation set out with the textbook formula: not a rewording
        if row[j] >= rules.cosine and _lexical(a[i], b[j]) >= rules.lexical:
            found[a[i].index] = _Match("reformulation", a[i], b[j], float(row[j]))
    return found


def _passages(matches: dict[int, _Match], min_words: int) -> list[SharedPassage]:
    """Runs of consecutive flagged sentences, each one passage with both quotes."""
    runs: list[list[_Match]] = []
    for index in sorted(matches):
        if runs and runs[-1][-1].first.index == index - 1:
            runs[-1].append(matches[index])
        else:
            runs.append([matches[index]])
    passages = []
    for run in runs:
        if sum(len(m.first.words) for m in run) < min_words:
            continue
        seconds = sorted({id(m.second): m.second for m in run}.values(), key=lambda s: s.index)
        passages.append(
            SharedPassage(
                kind="copie" if all(m.kind == "copie" for m in run) else "reformulation",
                first=Quote(text=" ".join(m.first.text for m in run), page=run[0].first.page),
                second=Quote(text=" ".join(s.text for s in seconds), page=seconds[0].page),
                score=round(min(m.score for m in run), 3),
            )
        )
    return passages


@dataclass
class Prepared:
    """The batch cut into sentences, with their vectors (None without an embedder)."""

    sentences: dict[str, list[Sentence]]
    vectors: dict[str, Any] | None


def prepare(
    dossiers: dict[str, Document], referentiel: Referentiel, embedder: Embeds | None
) -> Prepared:
    excluded = referentiel_shingles(referentiel)
    cut = {key: sentences(doc, excluded) for key, doc in dossiers.items()}
    return Prepared(cut, _vectors(cut, embedder) if embedder is not None else None)


def compare(prepared: Prepared, first: str, second: str, rules: Thresholds) -> list[SharedPassage]:
    """The passages of ``first`` shared with ``second``."""
    a, b = prepared.sentences[first], prepared.sentences[second]
    matches = _copies(a, b, rules.containment)
    if prepared.vectors is not None:
        vectors = prepared.vectors
        reworded = _rewordings(a, b, vectors[first], vectors[second], rules)
        matches = {**reworded, **matches}
    return _passages(matches, rules.min_words)


def similar_pairs(
    dossiers: dict[str, Document],
    referentiel: Referentiel,
    embedder: Embeds | None,
    rules: Thresholds | None = None,
) -> list[SimilarPair]:
    """Every pair of dossiers (keyed by sha256) that share at least one passage. Without an
    embedder only copies are found."""
    prepared = prepare(dossiers, referentiel, embedder)
    pairs: list[SimilarPair] = []
    for first, second in combinations(sorted(dossiers), 2):
        passages = compare(prepared, first, second, rules or Thresholds())
        if passages:
            pairs.append(SimilarPair(first=first, second=second, passages=passages))
    return pairs


def _vectors(cut: dict[str, list[Sentence]], embedder: Embeds) -> dict[str, Any]:
    texts = [s.text for key in sorted(cut) for s in cut[key]]
    matrix = np.asarray(embedder.embed_documents(texts)) if texts else np.zeros((0, 1))
    vectors: dict[str, Any] = {}
    start = 0
    for key in sorted(cut):
        vectors[key] = matrix[start : start + len(cut[key])]
        start += len(cut[key])
    return vectors


def shared_counts(pairs: Sequence[SimilarPair]) -> dict[str, int]:
    """Per dossier, how many passages it shares with another dossier of the batch."""
    counts: dict[str, int] = {}
    for pair in pairs:
        for key in (pair.first, pair.second):
            counts[key] = counts.get(key, 0) + len(pair.passages)
    return counts
