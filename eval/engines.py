"""The assessors the runner compares: the project's engine (through the composition root)
and the keyword baseline. Both turn a dossier into an ``Assessment``; each dossier is also
ingested once by the project's ingestion, whose text is what evidence quotes are checked
against."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.assessment import Assessment
from assistant.document import Document
from assistant.referentiel.models import Referentiel
from eval import baseline
from eval.labels import DossierLabel
from eval.metrics import Case

log = logging.getLogger(__name__)

AssessFn = Callable[[Path, Document, str], Assessment]
IngestFn = Callable[[Path], Document]


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

    def assess(path: Path, document: Document, epreuve: str) -> Assessment:
        result: Assessment = review.assess(path, epreuve)
        return result

    return assess


def baseline_assess(ref: Referentiel) -> AssessFn:
    def assess(path: Path, document: Document, epreuve: str) -> Assessment:
        return baseline.assess(document, epreuve, ref)

    return assess


def run(
    name: str,
    assess: AssessFn,
    ingest: IngestFn,
    dossiers: Sequence[tuple[DossierLabel, Path]],
) -> Run:
    """Assess every (label, document path); failures are recorded, never fatal."""
    cases, errors = [], {}
    started = time.perf_counter()
    for label, path in dossiers:
        assessment: Assessment | None = None
        text = ""
        try:
            document = ingest(path)
            text = document.text
            assessment = assess(path, document, label.epreuve)
        except Exception as exc:  # one failing dossier must not stop the evaluation
            log.exception("%s failed on %s", name, label.file)
            errors[label.file] = f"{type(exc).__name__}: {exc}"
        cases.append(Case(label, assessment, text))
    seconds = time.perf_counter() - started
    return Run(name, cases, errors, seconds, llm_quote_counts(cases))


def llm_quote_counts(cases: Sequence[Case]) -> tuple[int, int] | None:
    """LLM quotes the engine rejected after verification, out of how many (LLM runs only)."""
    engines = [c.assessment.engine for c in cases if c.assessment is not None]
    llm_runs = [e for e in engines if e.mode == "llm" or e.llm_quotes_total]
    if not llm_runs:
        return None
    return (
        sum(e.llm_quotes_rejected for e in llm_runs),
        sum(e.llm_quotes_total for e in llm_runs),
    )
