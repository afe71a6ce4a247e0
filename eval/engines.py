"""The assessors the runner compares: the project's engine (through the composition root)
and the keyword baseline. Both turn a dossier into an ``Assessment``."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.assessment import Assessment
from eval import baseline
from eval.catalogue import Catalogue
from eval.labels import DossierLabel
from eval.metrics import Case
from eval.sourcetext import plain_text

log = logging.getLogger(__name__)

# Best effort: a French notice such as "3 citations LLM écartées sur 20".
_LLM_QUOTES = re.compile(
    r"(\d+)\s+citations?\b[^.\d]*?(?:non vérifiées?|écartées?|rejetées?)(?:[^.\d]*?sur\s+(\d+))?",
    re.IGNORECASE,
)

AssessFn = Callable[[Path, Path, str], Assessment]


@dataclass
class Run:
    name: str
    cases: list[Case]
    errors: dict[str, str]  # file -> message, for dossiers the assessor failed on
    seconds: float
    llm_quotes: tuple[int, int] | None  # (rejected, total) when the engine reports it


def engine_assess(services: Any) -> AssessFn:
    """The project's engine: ``services.review.assess(path, epreuve) -> Assessment``."""
    review = services.review  # AttributeError while the review service does not exist

    def assess(document: Path, source: Path, epreuve: str) -> Assessment:
        result: Assessment = review.assess(document, epreuve)
        return result

    return assess


def baseline_assess(catalogue: Catalogue) -> AssessFn:
    def assess(document: Path, source: Path, epreuve: str) -> Assessment:
        return baseline.assess(source, epreuve, catalogue)

    return assess


def run(
    name: str,
    assess: AssessFn,
    dossiers: Sequence[tuple[DossierLabel, Path, Path]],
) -> Run:
    """Assess every (label, source Markdown, rendered document); failures are recorded."""
    cases, errors = [], {}
    started = time.perf_counter()
    for label, source, document in dossiers:
        assessment: Assessment | None = None
        try:
            assessment = assess(document, source, label.epreuve)
        except Exception as exc:  # one failing dossier must not stop the evaluation
            log.exception("%s failed on %s", name, label.file)
            errors[label.file] = f"{type(exc).__name__}: {exc}"
        cases.append(Case(label, assessment, plain_text(source)))
    seconds = time.perf_counter() - started
    return Run(name, cases, errors, seconds, llm_quote_counts(cases))


def llm_quote_counts(cases: Sequence[Case]) -> tuple[int, int] | None:
    """Sum of LLM quotes the engine says it rejected (and out of how many), if it says so."""
    rejected = total = 0
    reported = False
    for case in cases:
        notices = case.assessment.engine.notices if case.assessment else []
        for notice in notices:
            if match := _LLM_QUOTES.search(notice):
                reported = True
                rejected += int(match.group(1))
                total += int(match.group(2) or 0)
    return (rejected, total) if reported else None
