"""Train the learned reading of instructions to the reader (assistant/injection/learned.py).

    python -m eval.train_injection [--cases FILE.jsonl ...] [--out PATH]
    python -m eval.train_injection --cross      # leave one round out, print its figures

Writes the first reading (``model/injection.json``) and its confirmation
(``model/confirm.json``, ``assistant/injection/confirm.py``).

Examples, never the held-out sets (a path naming "heldout" is refused):
- positives: the instructions of every round in ``tests/injection_cases.py``, the injections
  of the case files given (``eval/injections/dev-*.jsonl`` by default), the passages of kind
  "injection" of ``eval/passages/train-*.jsonl`` and the injections labelled in the dossiers
  of ``eval/devset``, ``eval/styles/train`` and ``eval/styles/dev``;
- negatives: the clean passages of the same rounds and files, and every other sentence of
  those passages and dossiers, alone and with the next one (the windows the model reads).

A row is [USE embedding, ``learned.cue_row``]; a logistic regression (classes balanced, L2,
Newton's method from zeros: deterministic) separates them; the threshold is the highest
score of a negative plus ``MARGIN``, so that no clean sentence it has seen is flagged. The
suspicion level (below it, never evidence, no alarm) is the score that only a share
``SUSPECT_SHARE`` of the clean texts exceed: ``--cross`` prints what it keeps out, unseen.

The confirmation (second stage) is trained on the hard cases of the first reading only: the
windows (whole text, a sentence, two) of the instructions and the clean windows that the
first reading scores above the level a share ``HARD_SHARE`` of the clean texts exceed. A row
is [window vector, ``confirm.lexical_rows``]; the same logistic regression; an alarm needs a
confirmation score above ``CONFIRM_LEVEL`` (chosen by ``--cross``: each round left out, its
instructions found by both stages).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

from assistant.document import Document
from assistant.index.embedding import UseEmbedder
from assistant.ingest.assemble import assemble
from assistant.ingest.md_reader import read_md
from assistant.injection.confirm import CONFIRM_PATH, ConfirmModel, lexical_rows
from assistant.injection.learned import (
    EMBEDDER,
    MODEL_PATH,
    Embed,
    InjectionModel,
    Matrix,
    window_vectors,
)
from assistant.injection.masking import reading_form
from assistant.injection.spans import scan_spans
from assistant.injection.windows import cue_row, is_candidate, window_cues
from assistant.textnorm import scan_fold
from eval.injections import FRAME, load_cases

EVAL = Path(__file__).parent
ROOT = EVAL.parent
DOSSIER_SETS = ("devset", "styles/train", "styles/dev")
L2 = 1.0
NEWTON_STEPS = 30
CONVERGED = 1e-9
"""Newton's method stops when no weight moves by more than this (session 11: the fits ran
their 30 steps however early they converged)."""
MARGIN = 0.5
SUSPECT_SHARE = 0.005  # 0.002 until session 7 (eval/README, session 7)
HARD_SHARE = 0.03  # the clean windows the confirmation learns from
CONFIRM_L2 = 1.0
CONFIRM_LEVEL = -1.0  # session 10: the highest level that costs no instruction in --cross-confirm
CONFIRM_ONLY = ("dev-inj10", "dev-w31")
"""Case files only the confirmation reads (session 10: clean text about tools, grading and
procedures, and instructions): in the first reading, such clean text raises the threshold
above instructions (session 9, inj8; session 10: 4.57 -> 4.95 with dev-inj10, 4.90 with its
instructions only, both costing in-sample recall), so the first reading stays as it was."""
DOCSTRING_ROOT = ROOT / "assistant"
EMBED_DIM = 512
_HIDDEN = re.compile(r"<!--\s*hidden:\w+\s+(.*?)-->", re.S)


@dataclass
class Examples:
    """Texts by label, and the round each came from (for ``--cross``)."""

    texts: list[str] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    rounds: list[str] = field(default_factory=list)
    first: list[bool] = field(default_factory=list)
    """Read by the first reading too (else by the confirmation only)."""

    def add(self, text: str, label: bool, round_name: str, *, first: bool = True) -> None:
        text = text.strip()
        if text:
            self.texts.append(text)
            self.labels.append(label)
            self.rounds.append(round_name)
            self.first.append(first)


def refuse_heldout(paths: Sequence[Path]) -> None:
    for path in paths:
        if "heldout" in str(path).lower():
            raise SystemExit(f"refused: {path} is a held-out set, never training data")


def windows(text: str, *, flagged: bool = False) -> list[str]:
    """Every sentence, alone and with the next one (across blocks, as ``windows`` reads a
    dossier), of the blocks ingestion makes of ``text`` read as Markdown (``read_md`` then
    ``assemble``: paragraphs, list items without their marker, headings, tables as 'cell |
    cell' lines, sentences cut by ``scan_spans``). Hidden blocks (HTML comments, invisible
    elements) and the blocks the rules flag are left out, as the learned reading never
    scores them; ``flagged`` keeps them (the windows of an instruction)."""
    sentences = [
        document.text[s:e]
        for document in [ingested(text)]
        for block in document.blocks
        if flagged or not (block.hidden or block.injection)
        for s, e in scan_spans(block.text, block.start)
    ]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(sentences)]
    return sentences + pairs


def ingested(text: str) -> Document:
    """``text`` read as a Markdown dossier is at ingestion (without the learned reading)."""
    raw = read_md(text.encode("utf-8"), "texte.md")
    return assemble(raw, filename="texte.md", sha256="")


def framed(text: str) -> str:
    """A clean case as ``eval.injections`` reads it: between the frame's two paragraphs."""
    return "\n\n".join([FRAME[0], text, FRAME[1]])


def round_examples(examples: Examples) -> None:
    from tests import injection_cases as cases

    rounds = {
        "r1": (cases.INSTRUCTIONS, cases.CLEAN),
        "r2": (cases.WIDE_INSTRUCTIONS + cases.FOREIGN_INSTRUCTIONS, cases.WIDE_CLEAN),
        "r3": (cases.THIRD_INSTRUCTIONS, cases.THIRD_CLEAN),
        "r3b": (cases.BOARD_INSTRUCTIONS, cases.BOARD_CLEAN),
        "r4": (cases.FOURTH_INSTRUCTIONS, cases.FOURTH_CLEAN),
        "r5": (cases.FIFTH_INSTRUCTIONS, cases.FIFTH_CLEAN),
        "r6": (cases.SIXTH_INSTRUCTIONS, cases.SIXTH_CLEAN),
    }
    for name, (instructions, clean) in rounds.items():
        for text in instructions:
            examples.add(text, True, name)
        for text in clean:
            examples.add(text, False, name)
            for part in windows(framed(text)):
                examples.add(part, False, name)


def case_file_examples(examples: Examples, paths: Sequence[Path]) -> None:
    """The cases of ``paths``; those of ``CONFIRM_ONLY`` files are read by the confirmation
    only."""
    for path in paths:
        first = path.stem not in CONFIRM_ONLY
        for case in load_cases(path):
            examples.add(case.text, case.injection, path.stem, first=first)
            if not case.injection:
                for part in windows(framed(case.text)):
                    examples.add(part, False, path.stem, first=first)


def docstring_examples(examples: Examples) -> None:
    """The docstrings of the package (``DOCSTRING_ROOT``; not the modules that quote
    instructions to a model: ``assistant/injection``, ``assistant/llm``) as clean text for
    the confirmation only: technical prose about assessment, criteria, juries and models, in
    the third person, that asks its reader nothing."""
    import ast

    for path in sorted(DOCSTRING_ROOT.rglob("*.py")):
        if {"injection", "llm"} & set(path.relative_to(DOCSTRING_ROOT).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                text = ast.get_docstring(node)
                for part in windows(" ".join((text or "").split())):
                    examples.add(part, False, "docstrings", first=False)


# training passages whose effect on this model was not measured (their clean text would lift
# the alarm, see inj8 and inj10 in eval/README.md): w18 (session 7), w37 and w38 (session 12)
NOT_MEASURED = frozenset({"train-w18", "train-w37", "train-w38"})


def passage_examples(examples: Examples) -> None:
    import json

    for path in sorted((EVAL / "passages").glob("train-*.jsonl")):
        if path.stem in NOT_MEASURED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            passage = json.loads(line)
            if passage.get("kind") == "injection":
                examples.add(passage["text"], True, "passages")
            else:
                for part in windows(passage["text"]):
                    examples.add(part, False, "passages")


def dossier_examples(examples: Examples) -> None:
    for folder in DOSSIER_SETS:
        for path in sorted((EVAL / folder).glob("*.md")):
            label = path.with_suffix(".yaml")
            quotes = _labelled_injections(label) if label.is_file() else []
            text = path.read_text(encoding="utf-8")
            for quote in quotes + _HIDDEN.findall(text):
                examples.add(quote, True, "dossiers")
            folded = [scan_fold(q) for q in quotes]
            for part in windows(text):
                if not _overlaps(scan_fold(part), folded):
                    examples.add(part, False, "dossiers")


def _labelled_injections(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(i["quote"]) for i in data.get("injections") or [] if i.get("quote")]


def _overlaps(part: str, quotes: Sequence[str]) -> bool:
    return any(part in q or q[:40] in part or part[:40] in q for q in quotes)


def features(texts: Sequence[str], embed: Embed) -> Matrix:
    """[window vector, cue row] of each text, its sentences embedded one by one as
    ``learned.flag_learned`` does (in their ``reading_form``)."""
    sentences = [[t[s:e] for s, e in scan_spans(t)] or [t] for t in texts]
    unique = list(dict.fromkeys(s for parts in sentences for s in parts))
    position = {s: i for i, s in enumerate(unique)}
    vectors = embed([reading_form(s) for s in unique])
    members = [[position[s] for s in parts] for parts in sentences]
    cue_rows = np.asarray([cue_row(window_cues(t)) for t in texts], dtype=np.float64)
    out: Matrix = np.hstack([window_vectors(vectors, members), cue_rows])
    return out


def read_at_run_time(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """Whether ingestion would score each text with the learned reading: one of its
    sentences is a candidate (``windows.is_candidate``; a window holds a candidate sentence
    and its neighbour). A clean text no window ever holds cannot raise an alarm, so it does
    not set the alarm level (it still teaches the weights)."""
    return np.asarray([any(is_candidate(c) for c in window_cues(t)) for t in texts], dtype=bool)


def use_embed(cache: Path | None) -> Embed:
    """USE vectors of sentences, in batches, kept in ``cache`` (an .npz) between runs."""
    embedder = UseEmbedder()
    known: dict[str, npt.NDArray[np.float32]] = {}
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))

    def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        missing = [t for t in texts if t not in known]
        for i in range(0, len(missing), 256):
            batch = missing[i : i + 256]
            known.update(zip(batch, embedder.embed_documents(batch), strict=True))
        if cache is not None and missing:
            np.savez(cache, texts=np.array(list(known)), vectors=np.array(list(known.values())))
        return np.asarray([known[t] for t in texts], dtype=np.float32)

    return embed


def fit(x: Matrix, y: Matrix, l2: float = L2) -> tuple[Matrix, float]:
    """Logistic regression, classes balanced, L2 on the weights: Newton's method from zeros,
    until no weight moves (``CONVERGED``) or ``NEWTON_STEPS``."""
    rows = np.hstack([x, np.ones((len(x), 1))])
    positives = max(float(y.sum()), 1.0)
    sample = np.where(y == 1, (len(y) - positives) / positives, 1.0)
    ridge = l2 * np.eye(rows.shape[1])
    ridge[-1, -1] = 0.0
    w = np.zeros(rows.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(rows @ w)))
        gradient = rows.T @ ((p - y) * sample) + ridge @ w
        hessian = (rows * (sample * p * (1 - p))[:, None]).T @ rows + ridge
        step = np.linalg.solve(hessian, gradient)
        w = w - step
        if np.abs(step).max() < CONVERGED:  # the written weights (6 decimals) no longer move
            break
    return w[:-1], float(w[-1])


def train(
    x: Matrix,
    y: Matrix,
    l2: float = L2,
    margin: float = MARGIN,
    share: float = SUSPECT_SHARE,
    read: npt.NDArray[np.bool_] | None = None,
) -> InjectionModel:
    """The first reading: its weights, the alarm above every clean text that ingestion
    would read (``read``, see ``read_at_run_time``; every clean text when not given) plus
    ``margin``, and the suspicion level that a ``share`` of all the clean texts exceed."""
    weights, bias = fit(x, y, l2)
    negative = x[y == 0] @ weights + bias
    scored = negative if read is None else negative[read[y == 0]]
    threshold = float(scored.max() if len(scored) else negative.max()) + margin
    suspect = min(float(np.quantile(negative, 1.0 - share)), threshold)
    return InjectionModel(
        weights=weights, bias=bias, threshold=threshold, embedder=EMBEDDER, suspect=suspect
    )


@dataclass(frozen=True)
class Pieces:
    """The windows (a sentence, or two) of every instruction of several sentences: ingestion
    reads a dossier by such windows, not by whole cases. ``owners`` are example indices."""

    rows: Matrix
    owners: npt.NDArray[np.int_]
    texts: tuple[str, ...] = ()

    def best(self, x: Matrix, model: InjectionModel) -> Matrix:
        """Each example's score: the highest of its whole text and of its windows."""
        scores = x @ model.weights + model.bias
        if not len(self.owners):
            return scores
        np.maximum.at(scores, self.owners, self.rows @ model.weights + model.bias)
        return scores

    def subset(self, keep: npt.NDArray[np.bool_]) -> Pieces:
        """The windows of the kept examples, owners renumbered among them."""
        new_index = np.cumsum(keep) - 1
        mask = keep[self.owners]
        texts = tuple(t for t, m in zip(self.texts, mask, strict=True) if m) if self.texts else ()
        return Pieces(self.rows[mask], new_index[self.owners[mask]], texts)


def pieces(examples: Examples, embed: Embed) -> Pieces:
    """The windows of every instruction of several sentences, with their owners."""
    texts: list[str] = []
    owners: list[int] = []
    for index, (text, label) in enumerate(zip(examples.texts, examples.labels, strict=True)):
        parts = windows(text, flagged=True) if label else []
        if len(parts) > 1:
            texts += parts
            owners += [index] * len(parts)
    rows = features(texts, embed) if texts else np.zeros((0, 0))
    return Pieces(rows, np.asarray(owners, dtype=int), tuple(texts))


@dataclass(frozen=True)
class Windows:
    """Every window the readings score, as ingestion reads a dossier: each clean text, each
    single-window instruction, and the windows of the longer instructions. ``owners`` are
    example indices."""

    rows: Matrix
    texts: tuple[str, ...]
    owners: npt.NDArray[np.int_]

    @classmethod
    def of(cls, x: Matrix, examples: Examples, parts: Pieces) -> Windows:
        whole = np.setdiff1d(np.arange(len(x)), parts.owners)
        rows = np.vstack([x[whole], parts.rows]) if len(parts.owners) else x[whole]
        texts = tuple(examples.texts[i] for i in whole) + parts.texts
        return cls(rows, texts, np.concatenate([whole, parts.owners]).astype(int))

    def subset(self, keep: npt.NDArray[np.bool_]) -> Windows:
        """The windows of the kept examples, owners renumbered among them."""
        new_index = np.cumsum(keep) - 1
        mask = keep[self.owners]
        texts = tuple(t for t, m in zip(self.texts, mask, strict=True) if m)
        return Windows(self.rows[mask], texts, new_index[self.owners[mask]])


def train_confirm(
    windows: Windows,
    y: Matrix,
    model: InjectionModel,
    share: float = HARD_SHARE,
    l2: float = CONFIRM_L2,
) -> ConfirmModel:
    """The confirmation, learned on the hard cases of ``model``: the windows of the
    instructions that it flags, and each instruction's best window (when above the hard
    level), against the clean windows above the hard level (the score a ``share`` of the
    clean windows exceed)."""
    first = windows.rows @ model.weights + model.bias
    labels = y[windows.owners] == 1
    level = float(np.quantile(first[~labels], 1.0 - share))
    best = np.full(len(y), -np.inf)
    np.maximum.at(best, windows.owners, first)
    is_best = labels & (first == best[windows.owners])
    keep = np.where(labels, (first > model.threshold) | is_best, True) & (first > level)
    rows = confirm_rows(windows, keep)
    weights, bias = fit(rows, labels[keep].astype(np.float64), l2)
    return ConfirmModel(weights=weights, bias=bias, threshold=CONFIRM_LEVEL)


def confirm_rows(windows: Windows, keep: npt.NDArray[np.bool_]) -> Matrix:
    """[window vector, hashed lexical row] of the kept windows."""
    texts = [t for t, k in zip(windows.texts, keep, strict=True) if k]
    return np.hstack([windows.rows[keep][:, :EMBED_DIM], lexical_rows(texts)])


def cross_confirm(
    x: Matrix,
    y: Matrix,
    rounds: Sequence[str],
    windows: Windows,
    levels: Sequence[float],
    options: tuple[float, float, float],
    first: npt.NDArray[np.bool_],
    confirm_options: tuple[float, float] = (HARD_SHARE, CONFIRM_L2),
    models: Path | None = None,
    only: Sequence[str] = (),
    read: npt.NDArray[np.bool_] | None = None,
) -> None:
    """Each round left out in turn: instructions found and clean windows flagged by the
    first reading alone (read by the windows ingestion reads) and with the confirmation at
    each of ``levels``; and the clean windows above the suspicion level the confirmation
    would confirm (the closest to a false alarm)."""
    names = only or sorted({r for r in rounds if r not in ("passages", "dossiers", "docstrings")})
    total = np.zeros((len(levels) + 1, 3), dtype=int)
    counts = np.zeros(3, dtype=int)
    for name in names:
        out = np.array([r == name for r in rounds])
        keep = ~out & first
        model = _round_model(
            x[keep], y[keep], options, models, name, None if read is None else read[keep]
        )
        confirm = train_confirm(windows.subset(~out), y[~out], model, *confirm_options)
        held = windows.subset(out)
        score = held.rows @ model.weights + model.bias
        labels = y[out][held.owners] == 1
        near = score > model.suspect_level
        second = np.full(len(score), -np.inf)
        second[near] = confirm_rows(held, near) @ confirm.weights + confirm.bias
        row = []
        for level in (-np.inf, *levels):
            alarm = (score > model.threshold) & (second > level)
            found = np.zeros(int(out.sum()), dtype=bool)
            found[held.owners[alarm & labels]] = True
            row.append(
                [found.sum(), (alarm & ~labels).sum(), (near & ~labels & (second > level)).sum()]
            )
        total += np.array(row)
        count = np.array([(y[out] == 1).sum(), (~labels).sum(), (near & ~labels).sum()])
        counts += count
        _print_confirm(name, count, row, levels)
    _print_confirm("all", counts, total.tolist(), levels)


def _round_model(
    x: Matrix,
    y: Matrix,
    options: tuple[float, float, float],
    folder: Path | None,
    name: str,
    read: npt.NDArray[np.bool_] | None = None,
) -> InjectionModel:
    """The first reading trained without round ``name``, kept in ``folder`` (when given)
    under a key of its examples and options, so that several confirmations are compared
    without training it again."""
    key = f"{name}-{len(y)}-{int(y.sum())}-{float(x.sum()):.6e}-{'-'.join(map(str, options))}"
    key += "" if read is None else f"-read{int(read.sum())}"
    path = folder / f"{key}.json" if folder is not None else None
    if path is not None and path.is_file():
        return InjectionModel.from_json(path.read_text(encoding="utf-8"))
    model = train(x, y, *options, read=read)
    if path is not None:
        folder.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        path.write_text(model.to_json(), encoding="utf-8")
    return model


def _print_confirm(
    name: str,
    counts: npt.NDArray[np.int_],
    row: Sequence[Sequence[int]],
    levels: Sequence[float],
) -> None:
    positives, clean, near = (int(c) for c in counts)
    cells = [f"first only {row[0][0]}/{positives} FA {row[0][1]}"]
    cells += [
        f"@{level:g}: {r[0]} FA {r[1]} near {r[2]}/{near}"
        for level, r in zip(levels, row[1:], strict=True)
    ]
    print(f"{name:<9} clean {clean:<5} " + "   ".join(cells))


def cross(
    x: Matrix,
    y: Matrix,
    rounds: Sequence[str],
    parts: Pieces,
    options: tuple[float, float, float],
    other_shares: Sequence[float] = (),
    read: npt.NDArray[np.bool_] | None = None,
) -> None:
    """Each round of cases left out in turn: its recall and false alarms, unseen (an
    instruction is found when its whole text or one of its windows is), and what the
    suspicion level keeps out of the evidence (injections, clean texts), and what the level
    of each of ``other_shares`` would."""
    l2, margin, share = options
    names = sorted({r for r in rounds if r not in ("passages", "dossiers")})
    total = np.zeros(6, dtype=int)
    other = np.zeros((len(other_shares), 2), dtype=int)
    for name in names:
        out = np.array([r == name for r in rounds])
        model = train(x[~out], y[~out], l2, margin, share, None if read is None else read[~out])
        scores = parts.subset(out).best(x[out], model)
        labels = y[out] == 1
        flagged, kept_out = scores > model.threshold, scores > model.suspect_level
        row = np.array(
            [
                *((flagged & labels).sum(), labels.sum()),
                *((flagged & ~labels).sum(), (~labels).sum()),
                *((kept_out & labels).sum(), (kept_out & ~labels).sum()),
            ]
        )
        total += row
        _print_round(name, row)
        negative = x[~out][y[~out] == 0] @ model.weights + model.bias
        for i, level in enumerate(np.quantile(negative, [1.0 - s for s in other_shares])):
            other[i] += [(scores > level)[labels].sum(), (scores > level)[~labels].sum()]
    _print_round("all", total)
    for s, (kept, kept_clean) in zip(other_shares, other, strict=True):
        print(f"share {s:g}: kept out of evidence {kept}/{total[1]}, clean {kept_clean}/{total[3]}")


def _print_round(name: str, row: npt.NDArray[np.int_]) -> None:
    found, positives, alarms, negatives, kept, kept_clean = (int(v) for v in row)
    print(
        f"{name:<8} found {found}/{positives}   false alarms {alarms}/{negatives}"
        f"   kept out of evidence {kept}/{positives}, clean {kept_clean}/{negatives}"
    )


def show_negatives(examples: Examples, scores: Matrix, count: int) -> None:
    clean = [i for i, label in enumerate(examples.labels) if not label]
    for i in sorted(clean, key=lambda i: -scores[i])[:count]:
        print(f"{scores[i]:7.2f} [{examples.rounds[i]}] {examples.texts[i][:160]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_injection", description=__doc__)
    parser.add_argument("--cases", nargs="*", type=Path, help="Case files (.jsonl).")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="Where to write the model.")
    parser.add_argument("--cross", action="store_true", help="Leave one round out, measure.")
    parser.add_argument("--cache", type=Path, help="Keep sentence vectors in this .npz.")
    parser.add_argument("--l2", type=float, default=L2, help="L2 weight of the fit.")
    parser.add_argument("--margin", type=float, default=MARGIN, help="Above the top clean.")
    parser.add_argument("--share", type=float, default=SUSPECT_SHARE, help="Clean share "
                        "above the suspicion level.")  # fmt: skip
    parser.add_argument("--compare", type=float, nargs="*", default=(), help="With --cross: "
                        "what these other clean shares would keep out.")  # fmt: skip
    parser.add_argument("--show", type=int, default=0, help="Print the N top clean texts.")
    parser.add_argument("--cross-confirm", type=float, nargs="*", default=None, help="Leave "
                        "one round out: both stages, at these confirmation levels.")  # fmt: skip
    parser.add_argument("--hard-share", type=float, default=HARD_SHARE, help="Clean share "
                        "the confirmation learns from.")  # fmt: skip
    parser.add_argument("--confirm-l2", type=float, default=CONFIRM_L2, help="L2 weight of "
                        "the confirmation.")  # fmt: skip
    parser.add_argument("--rounds", nargs="*", default=(), help="With --cross-confirm: "
                        "leave out only these rounds.")  # fmt: skip
    parser.add_argument("--round-models", type=Path, help="With --cross-confirm: keep the "
                        "first reading of each round in this folder.")  # fmt: skip
    parser.add_argument("--alarm-over-all", action="store_true", help="The alarm above every "
                        "clean text, read at run time or not (before session 11).")  # fmt: skip
    parser.add_argument("--leave-out", nargs="*", default=(), help="Rounds (file stems): for "
                        "each, both stages trained without it, under --out-dir.")  # fmt: skip
    parser.add_argument("--out-dir", type=Path, help="With --leave-out: ROUND/injection.json "
                        "and ROUND/confirm.json are written there.")  # fmt: skip
    parser.add_argument("--confirm-out", type=Path, default=CONFIRM_PATH, help="Where to "
                        "write the confirmation model.")  # fmt: skip
    args = parser.parse_args(argv)
    paths = (
        args.cases if args.cases is not None else sorted((EVAL / "injections").glob("dev-*.jsonl"))
    )
    refuse_heldout(paths)
    examples = Examples()
    round_examples(examples)
    case_file_examples(examples, paths)
    passage_examples(examples)
    dossier_examples(examples)
    docstring_examples(examples)
    y = np.asarray(examples.labels, dtype=np.float64)
    print(f"{int(y.sum())} instructions, {int(len(y) - y.sum())} clean texts", file=sys.stderr)
    embed = use_embed(args.cache)
    x = features(examples.texts, embed)
    options = (args.l2, args.margin, args.share)
    parts = pieces(examples, embed)
    read = None if args.alarm_over_all else read_at_run_time(examples.texts)
    if args.cross_confirm is not None:
        all_windows = Windows.of(x, examples, parts)
        levels = args.cross_confirm or [CONFIRM_LEVEL]
        confirm_options = (args.hard_share, args.confirm_l2)
        first = np.asarray(examples.first)
        cross_confirm(
            x,
            y,
            examples.rounds,
            all_windows,
            levels,
            options,
            first,
            confirm_options,
            args.round_models,
            args.rounds,
            read,
        )
        return 0
    if args.cross:
        keep = np.asarray(examples.first)
        rounds = [r for r, k in zip(examples.rounds, keep, strict=True) if k]
        kept_read = None if read is None else read[keep]
        cross(x[keep], y[keep], rounds, parts.subset(keep), options, args.compare, kept_read)
        return 0
    first = np.asarray(examples.first)
    all_windows = Windows.of(x, examples, parts)
    for name in args.leave_out:
        keep = np.array([r != name for r in examples.rounds])
        use = keep & first
        kept_read = None if read is None else read[use]
        model = train(x[use], y[use], args.l2, args.margin, args.share, kept_read)
        confirm = train_confirm(
            all_windows.subset(keep), y[keep], model, args.hard_share, args.confirm_l2
        )
        folder = (args.out_dir or Path(".")) / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "injection.json").write_text(model.to_json() + "\n", encoding="utf-8")
        (folder / "confirm.json").write_text(confirm.to_json() + "\n", encoding="utf-8")
        print(f"wrote {folder} (threshold {model.threshold:.3f})", file=sys.stderr)
    if args.leave_out:
        return 0
    model = train(
        x[first], y[first], args.l2, args.margin, args.share, None if read is None else read[first]
    )
    confirm = train_confirm(all_windows, y, model, args.hard_share, args.confirm_l2)
    if args.show:
        show_negatives(examples, x @ model.weights + model.bias, args.show)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    args.confirm_out.write_text(confirm.to_json() + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} (threshold {model.threshold:.3f}, suspect {model.suspect_level:.3f})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
