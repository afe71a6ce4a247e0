"""Accuracy of pre-assessments against the dev set labels: pure functions, no I/O.

A checkpoint the assessment does not list counts as predicted ``absent`` (and is counted in
``missing_checkpoints``); an element it does not list counts as not present.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from assistant.assessment import Alert, Assessment, CheckpointResult
from eval.labels import CalcErrorLabel, DossierLabel, InjectionLabel, collapse

STATUSES = ("present", "partial", "absent")
Confusion = dict[str, dict[str, int]]

_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Case:
    """One dossier: its labels, the assessment produced, and the document's extracted text."""

    label: DossierLabel
    assessment: Assessment | None
    text: str


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


# --------------------------------------------------------------------------- checkpoints


def confusion(pairs: Iterable[tuple[str, str]]) -> Confusion:
    """3x3 counts, ``matrix[expected][predicted]``."""
    matrix = {e: dict.fromkeys(STATUSES, 0) for e in STATUSES}
    for expected, predicted in pairs:
        matrix[expected][predicted] += 1
    return matrix


def accuracy(matrix: Confusion) -> float | None:
    total = sum(sum(row.values()) for row in matrix.values())
    return sum(matrix[s][s] for s in STATUSES) / total if total else None


def recall(matrix: Confusion, status: str) -> float | None:
    support = sum(matrix[status].values())
    return matrix[status][status] / support if support else None


def precision(matrix: Confusion, status: str) -> float | None:
    predicted = sum(matrix[e][status] for e in STATUSES)
    return matrix[status][status] / predicted if predicted else None


def balanced_accuracy(matrix: Confusion) -> float | None:
    """Mean recall over the statuses that occur in the labels."""
    recalls = [r for s in STATUSES if (r := recall(matrix, s)) is not None]
    return sum(recalls) / len(recalls) if recalls else None


def predicted_checkpoints(assessment: Assessment | None) -> dict[str, CheckpointResult]:
    return {c.id: c for c in assessment.checkpoints} if assessment else {}


def status_pairs(cases: Sequence[Case]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for case in cases:
        got = predicted_checkpoints(case.assessment)
        for cid, expected in case.label.checkpoints.items():
            pairs.append((expected.status, got[cid].status if cid in got else "absent"))
    return pairs


def missing_checkpoints(cases: Sequence[Case]) -> int:
    return sum(
        1
        for case in cases
        for cid in case.label.checkpoints
        if cid not in predicted_checkpoints(case.assessment)
    )


# --------------------------------------------------------------------------- elements


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


def element_prf(cases: Sequence[Case]) -> PRF:
    """Positive = element present."""
    tp = fp = fn = 0
    for case in cases:
        got = predicted_checkpoints(case.assessment)
        for cid, expected in case.label.checkpoints.items():
            found = {e.id: e.status for e in got[cid].elements} if cid in got else {}
            for eid, status in expected.elements.items():
                truth, pred = status == "present", found.get(eid) == "present"
                tp += truth and pred
                fp += pred and not truth
                fn += truth and not pred
    return PRF(tp, fp, fn)


def mention_only_false_present(cases: Sequence[Case]) -> Ratio:
    """Checkpoints only named in the dossier that the assessment calls present."""
    hits = total = 0
    for case in cases:
        got = predicted_checkpoints(case.assessment)
        for cid, expected in case.label.checkpoints.items():
            if expected.mention_only:
                total += 1
                hits += cid in got and got[cid].status == "present"
    return Ratio(hits, total)


# --------------------------------------------------------------------------- alerts


def quotes_overlap(a: str, b: str, min_chars: int = 25) -> bool:
    """True when the two quotes share a passage (or one contains the other)."""
    x, y = collapse(a).casefold(), collapse(b).casefold()
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    match = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return match.size >= min(min_chars, len(x), len(y))


def alerts_of(assessment: Assessment | None, kind: str) -> list[Alert]:
    return [a for a in assessment.alerts if a.kind == kind] if assessment else []


@dataclass(frozen=True)
class AlertScore:
    found: Ratio
    false_alarms: int
    flagged_clean_dossiers: Ratio = field(default_factory=lambda: Ratio(0, 0))


def injection_score(cases: Sequence[Case]) -> AlertScore:
    found = total = false_alarms = 0
    for case in cases:
        alerts = alerts_of(case.assessment, "prompt_injection")
        total += len(case.label.injections)
        found += sum(1 for inj in case.label.injections if _injection_found(inj, alerts))
        false_alarms += sum(
            1
            for a in alerts
            if not any(quotes_overlap(a.quote, i.quote) for i in case.label.injections)
        )
    return AlertScore(Ratio(found, total), false_alarms)


def _injection_found(injection: InjectionLabel, alerts: list[Alert]) -> bool:
    return any(quotes_overlap(a.quote, injection.quote) for a in alerts)


def parse_numbers(text: str) -> list[float]:
    """French-written numbers: '186 666,67' -> 186666.67, '45 %' -> 45."""
    out = []
    for raw in _NUMBER.findall(text):
        cleaned = re.sub(r"[ \u00a0\u202f]", "", raw)
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
            cleaned = cleaned.replace(".", "")
        out.append(float(cleaned.replace(",", ".")))
    return out


def alert_matches_error(alert: Alert, error: CalcErrorLabel) -> bool:
    """The alert points at the wrong figure: in its quote, message or details."""
    numbers = parse_numbers(alert.quote) + parse_numbers(alert.message)
    for value in (alert.details or {}).values():
        if isinstance(value, int | float):
            numbers.append(float(value))
        elif isinstance(value, str):
            numbers += parse_numbers(value)
    tolerance = max(abs(error.value) * 0.005, 0.01)
    return any(abs(n - error.value) <= tolerance for n in numbers)


def calculation_score(cases: Sequence[Case]) -> AlertScore:
    found = total = false_alarms = flagged = clean = 0
    for case in cases:
        alerts = alerts_of(case.assessment, "calculation_error")
        errors = case.label.calculation_errors
        total += len(errors)
        found += sum(1 for e in errors if any(alert_matches_error(a, e) for a in alerts))
        false_alarms += sum(1 for a in alerts if not any(alert_matches_error(a, e) for e in errors))
        if not errors:
            clean += 1
            flagged += bool(alerts)
    return AlertScore(Ratio(found, total), false_alarms, Ratio(flagged, clean))


# --------------------------------------------------------------------------- quotes


def evidence_quotes(assessment: Assessment | None) -> list[str]:
    if assessment is None:
        return []
    quotes = []
    for checkpoint in assessment.checkpoints:
        quotes += [e.quote for e in checkpoint.evidence]
        for element in checkpoint.elements:
            quotes += [e.quote for e in element.evidence]
    return quotes


def quote_verification(cases: Sequence[Case]) -> Ratio:
    """Evidence quotes found verbatim (whitespace-normalised) in the extracted text."""
    hits = total = 0
    for case in cases:
        text = collapse(case.text)
        for quote in evidence_quotes(case.assessment):
            total += 1
            hits += bool(collapse(quote)) and collapse(quote) in text
    return Ratio(hits, total)


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class Scores:
    dossiers: int
    failures: int
    matrix: Confusion
    accuracy: float | None
    balanced_accuracy: float | None
    recall: dict[str, float | None]
    precision: dict[str, float | None]
    missing_checkpoints: int
    elements: PRF
    mention_only_false_present: Ratio
    injections: AlertScore
    calculations: AlertScore
    quotes: Ratio


def score(cases: Sequence[Case]) -> Scores:
    matrix = confusion(status_pairs(cases))
    return Scores(
        dossiers=len(cases),
        failures=sum(1 for c in cases if c.assessment is None),
        matrix=matrix,
        accuracy=accuracy(matrix),
        balanced_accuracy=balanced_accuracy(matrix),
        recall={s: recall(matrix, s) for s in STATUSES},
        precision={s: precision(matrix, s) for s in STATUSES},
        missing_checkpoints=missing_checkpoints(cases),
        elements=element_prf(cases),
        mention_only_false_present=mention_only_false_present(cases),
        injections=injection_score(cases),
        calculations=calculation_score(cases),
        quotes=quote_verification(cases),
    )


# --------------------------------------------------------------------------- debugging


@dataclass(frozen=True)
class CheckpointError:
    checkpoint: str
    expected: str
    got: str
    elements: list[tuple[str, str, str]]  # (element, expected, got) where they differ


def checkpoint_errors(case: Case) -> list[CheckpointError]:
    """Checkpoints whose status or elements differ from the labels, in label order."""
    got = predicted_checkpoints(case.assessment)
    errors = []
    for cid, expected in case.label.checkpoints.items():
        result = got.get(cid)
        status = result.status if result else "missing"
        found = {e.id: e.status for e in result.elements} if result else {}
        diffs: list[tuple[str, str, str]] = [
            (eid, want, found.get(eid, "missing"))
            for eid, want in expected.elements.items()
            if (want == "present") != (found.get(eid) == "present")
        ]
        if status != expected.status or diffs:
            errors.append(CheckpointError(cid, expected.status, status, diffs))
    return errors
