"""The tutor: answers questions about the référentiel and, optionally, one dossier.

It reads the question's intent first (``intent.classify_intent``) and what it is about
(``topic.find_topics``), then answers:

- « Qu'attend le jury pour X ? » → the expectation for X only, with its criterion and id;
- « Mon dossier traite-t-il X ? » → the engine's verdict for X on the loaded dossier (oui /
  en partie / non), its quotes and pages, what is missing; no dossier → says so;
- « Écris-moi ma conclusion » → a polite refusal that points to what to work on;
- anything else → the retrieval answer (``retrieval.RetrievalTutor``).

Everything is assembled from the référentiel's and the dossier's own texts, offline. The LLM
tutor (``assistant.llm.tutor``) routes through this same ``Tutor.answer``.
"""

from __future__ import annotations

from assistant.referentiel.models import Referentiel
from assistant.tutor.coverage import NO_DOSSIER, coverage_text, epreuve_for
from assistant.tutor.expectation import expectation_sources, expectation_text
from assistant.tutor.intent import classify_intent
from assistant.tutor.models import (
    CoverageVerdict,
    IndexedDossier,
    Intent,
    PassageSearch,
    TutorAnswer,
    TutorSource,
)
from assistant.tutor.retrieval import ReferentielSearch, RetrievalTutor, named_ids
from assistant.tutor.topic import Topic, find_topics

__all__ = [
    "REFUSAL",
    "CoverageVerdict",
    "IndexedDossier",
    "Intent",
    "PassageSearch",
    "ReferentielSearch",
    "Tutor",
    "TutorAnswer",
    "TutorSource",
    "named_ids",
]

REFUSAL = (
    "Je ne rédige pas votre dossier, ni aucune de ses parties : c'est votre propre travail "
    "que le jury évalue, et un texte écrit à votre place ne montrerait pas vos compétences "
    "(il pourrait même être considéré comme une fraude)."
)
REFUSAL_HELP = (
    "Je peux en revanche vous dire ce qu'attend le jury pour une partie (« Qu'attend le jury "
    "pour la SWOT ? ») ou si votre dossier la traite déjà (« Mon dossier traite-t-il le "
    "RGAA ? »)."
)
MAX_TO_WORK_ON = 5


class Tutor:
    """Offline tutor over the référentiel; ``store`` may be None (no semantic search)."""

    def __init__(self, referentiel: Referentiel, store: ReferentielSearch | None) -> None:
        self.ref = referentiel
        self.store = store
        self.retrieval = RetrievalTutor(referentiel, store)

    def answer(self, question: str, dossier: IndexedDossier | None = None) -> TutorAnswer:
        question = question.strip()
        intent = classify_intent(question)
        topics = find_topics(self.ref, question)
        epreuve = self._named_epreuve(question)
        if intent == "ghostwriting":
            return self._refusal(question, topics, epreuve, dossier)
        if intent == "coverage" and topics:
            if dossier is None or dossier.assess is None:
                return self._no_dossier(question, topics[0], epreuve)
            return self._coverage(question, topics[0], epreuve, dossier)
        if intent == "expectation" and topics:
            return self._expectation(question, topics, epreuve)
        answer = self.retrieval.answer(question, dossier)
        needs = intent == "coverage" and dossier is None
        return answer.model_copy(update={"intent": intent, "needs_dossier": needs})

    def _named_epreuve(self, question: str) -> str | None:
        known = {e.id for e in self.ref.epreuves}
        return next((i for i in named_ids(question) if i in known), None)

    def _expectation(self, question: str, topics: list[Topic], epreuve: str | None) -> TutorAnswer:
        text = "\n\n".join(expectation_text(self.ref, t, epreuve) for t in topics)
        sources = [s for t in topics for s in expectation_sources(self.ref, t, epreuve)]
        return TutorAnswer(
            question=question, text=text, sources=sources, found=True, intent="expectation"
        )

    def _no_dossier(self, question: str, topic: Topic, epreuve: str | None) -> TutorAnswer:
        text = NO_DOSSIER.format(label=topic.label)
        text += "\n\n" + expectation_text(self.ref, topic, epreuve)
        return TutorAnswer(
            question=question,
            text=text,
            sources=expectation_sources(self.ref, topic, epreuve),
            found=True,
            intent="coverage",
            needs_dossier=True,
        )

    def _coverage(
        self, question: str, topic: Topic, epreuve: str | None, dossier: IndexedDossier
    ) -> TutorAnswer:
        assert dossier.assess is not None  # checked by the caller
        assessment = dossier.assess(epreuve_for(topic, epreuve, dossier))
        text, verdict, sources = coverage_text(self.ref, assessment, topic, dossier)
        return TutorAnswer(
            question=question,
            text=text,
            sources=sources,
            found=True,
            intent="coverage",
            verdict=verdict,
        )

    def _refusal(
        self,
        question: str,
        topics: list[Topic],
        epreuve: str | None,
        dossier: IndexedDossier | None,
    ) -> TutorAnswer:
        parts, sources = [REFUSAL], []
        if topics:
            parts.append("Voici ce qu'attend le jury, pour que vous l'écriviez vous-même :")
            parts += [expectation_text(self.ref, t, epreuve) for t in topics]
            sources = [s for t in topics for s in expectation_sources(self.ref, t, epreuve)]
        else:
            parts.append(REFUSAL_HELP)
            to_work_on = self._to_work_on(dossier, epreuve)
            if to_work_on:
                parts.append("Dans votre dossier, travaillez d'abord : " + to_work_on)
        return TutorAnswer(
            question=question,
            text="\n\n".join(parts),
            sources=sources,
            found=True,
            intent="ghostwriting",
        )

    def _to_work_on(self, dossier: IndexedDossier | None, epreuve: str | None) -> str:
        """The checkpoints the engine finds absent or partial in the dossier's épreuve."""
        chosen = epreuve or (dossier.epreuve if dossier else None)
        if dossier is None or dossier.assess is None or chosen is None:
            return ""
        weak = [r for r in dossier.assess(chosen).checkpoints if r.status != "present"]
        labels = [
            f"{r.label or r.id} ({'partiel' if r.status == 'partial' else 'absent'})"
            for r in weak[:MAX_TO_WORK_ON]
        ]
        return "; ".join(labels) + "." if labels else ""
