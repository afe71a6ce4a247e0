"""« Qu'attend le jury pour X ? »: the expectation for X only, with its référentiel criterion."""

from __future__ import annotations

from assistant.referentiel.models import Checkpoint, Criterion, Referentiel
from assistant.tutor.models import TutorSource
from assistant.tutor.topic import Topic

MAX_CRITERIA = 2


def criteria_of(ref: Referentiel, checkpoint: Checkpoint, epreuve: str | None) -> list[Criterion]:
    """The référentiel criteria behind a checkpoint, in the épreuve when one is given."""
    epreuves = {epreuve} if epreuve in checkpoint.epreuves else set(checkpoint.epreuves)
    found = [
        c
        for c in ref.criteria
        if set(c.competencies) & set(checkpoint.competencies) and set(c.epreuves) & epreuves
    ]
    return found[:MAX_CRITERIA]


def expectation_text(ref: Referentiel, topic: Topic, epreuve: str | None) -> str:
    checkpoint, element = topic.checkpoint, topic.element
    where = f" en {epreuve}" if epreuve in checkpoint.epreuves else ""
    if element is not None:
        lines = [
            f"Pour le « {element.label} » de « {checkpoint.label} » ({topic.id}){where}, "
            f"le jury attend : {element.description or checkpoint.description}",
            f"Il s'inscrit dans ce point de contrôle : {checkpoint.description}",
        ]
    else:
        lines = [f"Pour « {checkpoint.label} » ({checkpoint.id}){where}, le jury attend : "]
        lines[0] += checkpoint.description
        if checkpoint.elements:
            labels = ", ".join(e.label for e in checkpoint.elements)
            lines.append(f"Éléments attendus : {labels}.")
    if epreuve and epreuve not in checkpoint.epreuves:
        lines.append(
            f"Ce point n'est pas évalué en {epreuve} ; il l'est en "
            f"{', '.join(checkpoint.epreuves)}."
        )
    lines += [
        f"Critère du référentiel [{c.id}] : {c.text}" for c in criteria_of(ref, checkpoint, epreuve)
    ]
    return "\n".join(lines)


def expectation_sources(ref: Referentiel, topic: Topic, epreuve: str | None) -> list[TutorSource]:
    checkpoint = topic.checkpoint
    sources = [TutorSource(kind="checkpoint", id=checkpoint.id, text=checkpoint.description)]
    if topic.element is not None:
        text = topic.element.description or topic.element.label
        sources.append(TutorSource(kind="element", id=topic.id, text=text))
    sources += [
        TutorSource(kind="criterion", id=c.id, text=c.text)
        for c in criteria_of(ref, checkpoint, epreuve)
    ]
    return sources
