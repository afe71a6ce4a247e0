"""« Mon dossier traite-t-il X ? »: the engine's verdict for X on the loaded dossier.

The verdict, the quotes and their pages come from the review service's assessment of the
dossier (never from a passage flagged as injection or hidden text); what is missing comes from
the checkpoint's elements and the engine's comment.
"""

from __future__ import annotations

from assistant.assessment import Assessment, Evidence, Status
from assistant.referentiel.models import Referentiel
from assistant.tutor.expectation import expectation_sources, expectation_text
from assistant.tutor.models import CoverageVerdict, IndexedDossier, TutorSource
from assistant.tutor.topic import Topic

MAX_QUOTES = 3
QUOTE_CHARS = 280
VERDICTS: dict[Status, CoverageVerdict] = {
    "present": "oui",
    "partial": "en_partie",
    "absent": "non",
}
VERDICT_WORDS: dict[CoverageVerdict, str] = {"oui": "Oui", "en_partie": "En partie", "non": "Non"}
NO_DOSSIER = (
    "Aucun dossier n'est chargé : je ne peux pas dire si votre dossier traite « {label} ». "
    "Déposez votre dossier dans « Dossier à interroger » (PDF, DOCX, ODT ou Markdown) puis "
    "reposez la question. En attendant, voici ce qu'attend le jury."
)
FLAGGED = (
    "Attention : ce dossier contient {n} passage(s) adressé(s) au lecteur ou masqué(s) "
    "(injection, texte caché) ; ils sont écartés et jamais cités."
)


def epreuve_for(topic: Topic, named: str | None, dossier: IndexedDossier) -> str:
    """The épreuve to assess: the one named in the question, else the dossier's, when they
    check the topic; else the first épreuve that checks it."""
    for candidate in (named, dossier.epreuve):
        if candidate in topic.checkpoint.epreuves:
            return candidate
    return topic.checkpoint.epreuves[0]


def coverage(
    assessment: Assessment, topic: Topic, dossier: IndexedDossier
) -> tuple[CoverageVerdict, list[Evidence], list[str]]:
    """The verdict for the topic, its quotable quotes and the labels of what is missing."""
    result = next(r for r in assessment.checkpoints if r.id == topic.checkpoint.id)
    labels = {e.id: e.label for e in topic.checkpoint.elements}
    if topic.element is not None:
        element = next((e for e in result.elements if e.id == topic.element.id), None)
        status: Status = element.status if element else "absent"
        evidence = element.evidence if element else []
        missing = [] if status == "present" else [topic.element.label]
    else:
        status, evidence = result.status, list(result.evidence)
        evidence += [ev for e in result.elements for ev in e.evidence]
        missing = [labels.get(e.id, e.id) for e in result.elements if e.status != "present"]
    quotes = [ev for ev in evidence if _quotable(ev, dossier)]
    return VERDICTS[status], _unique(quotes)[:MAX_QUOTES], missing


def coverage_text(
    ref: Referentiel,
    assessment: Assessment,
    topic: Topic,
    dossier: IndexedDossier,
) -> tuple[str, CoverageVerdict, list[TutorSource]]:
    verdict, quotes, missing = coverage(assessment, topic, dossier)
    result = next(r for r in assessment.checkpoints if r.id == topic.checkpoint.id)
    lines = [
        f"Votre dossier traite-t-il « {topic.label} » ? {VERDICT_WORDS[verdict]}, "
        f"d'après le moteur (épreuve {assessment.epreuve})."
    ]
    if quotes:
        lines.append("Passages retenus :")
        lines += [f"- {_where(q)} « {shorten(q.quote)} »" for q in quotes]
    else:
        lines.append(f"Aucun passage de votre dossier ne traite « {topic.label} ».")
    if missing:
        lines.append("Ce qui manque : " + ", ".join(missing) + ".")
    if verdict != "oui":
        lines.append(expectation_text(ref, topic, assessment.epreuve))
        advice = result.recommendation or topic.checkpoint.recommendation
        if advice:
            lines.append(f"Conseil : {advice}")
    flagged = [a for a in assessment.alerts if a.kind in ("prompt_injection", "hidden_text")]
    if flagged:
        lines.append(FLAGGED.format(n=len(flagged)))
    sources = expectation_sources(ref, topic, assessment.epreuve)
    sources += [
        TutorSource(kind="passage", id=f"preuve-{i}", text=q.quote, page=q.page)
        for i, q in enumerate(quotes, 1)
    ]
    return "\n".join(lines), verdict, sources


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text on one line, cut at a word boundary when longer than ``limit``."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _where(evidence: Evidence) -> str:
    return f"p. {evidence.page}" if evidence.page else "passage"


def _quotable(evidence: Evidence, dossier: IndexedDossier) -> bool:
    """A quote is kept unless it lies in an injection or hidden span of the dossier."""
    start = dossier.document.text.find(evidence.quote)
    return start < 0 or dossier.quotable(start, start + len(evidence.quote))


def _unique(quotes: list[Evidence]) -> list[Evidence]:
    return list({(q.quote, q.page): q for q in quotes}.values())
