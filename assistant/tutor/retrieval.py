"""The tutor's retrieval answer, for questions of no more precise intent.

It answers by retrieval only: ids named in the question ("C14", "CP2-3", "E3",
"seuil_rentabilite") select their competency, criteria, checkpoints or épreuve; otherwise the
référentiel collection is searched by meaning. Passages of the dossier come from the hybrid
retriever, verbatim, with their page. The answer is assembled from those texts and never
invents anything. Passages flagged as injection or hidden text are never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from assistant.referentiel.models import Checkpoint, Competency, Epreuve, Referentiel
from assistant.textnorm import stems
from assistant.tutor.models import IndexedDossier, TutorAnswer, TutorSource

ID_PATTERN = re.compile(r"\b(CP\s?\d-\d|C\d{1,2}|E\s?[1-5](?:\s?-\s?P[1-3])?)\b", re.IGNORECASE)
MAX_REF_HITS = 3
MAX_PASSAGES = 3
QUOTE_CHARS = 280


class ReferentielSearch(Protocol):
    """Finds référentiel entry ids for a query (the vector store fits)."""

    def search_referentiel(
        self, ref: Referentiel, query: str, k: int
    ) -> list[tuple[str, float]]: ...


@dataclass(frozen=True)
class _Selection:
    competencies: list[Competency]
    checkpoints: list[Checkpoint]
    epreuves: list[Epreuve]

    def __bool__(self) -> bool:
        return bool(self.competencies or self.checkpoints or self.epreuves)


def named_ids(question: str) -> list[str]:
    """Competency and épreuve ids written in the question, normalised ('cp2-3' -> 'CP2-3')."""
    found = [re.sub(r"\s", "", m.group(1)).upper() for m in ID_PATTERN.finditer(question)]
    return list(dict.fromkeys(found))


def _shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class RetrievalTutor:
    """Answers by retrieval over the référentiel; ``store`` may be None (no semantic search)."""

    def __init__(self, referentiel: Referentiel, store: ReferentielSearch | None) -> None:
        self.ref = referentiel
        self.store = store

    def answer(self, question: str, dossier: IndexedDossier | None = None) -> TutorAnswer:
        question = question.strip()
        selection = self._explicit(question) or self._by_cues(question) or self._semantic(question)
        sources = self._ref_sources(selection)
        parts = [self._explain(selection)] if selection else []
        if dossier is not None:
            passages = self._passages(question, selection, dossier)
            sources += passages
            parts.append(_dossier_part(passages))
        if not parts or not sources:
            return TutorAnswer(question=question, text=_NOT_FOUND, found=False)
        return TutorAnswer(question=question, text="\n\n".join(parts), sources=sources, found=True)

    # ------------------------------------------------------------ what the question is about

    def _explicit(self, question: str) -> _Selection:
        ids = named_ids(question)
        folded = question.lower()
        return _Selection(
            competencies=[c for c in self.ref.competencies if c.id in ids],
            checkpoints=[c for c in self.ref.checkpoints if _names_checkpoint(folded, c.id)],
            epreuves=[e for e in self.ref.epreuves if e.id in ids],
        )

    def _by_cues(self, question: str) -> _Selection:
        """Checkpoints whose distinctive cues ('RSE', 'seuil de rentabilité') the question uses."""
        words = tuple(stems(question))
        scored = []
        for checkpoint in self.ref.checkpoints:
            score = max(
                (len(c) for c in _distinctive_cues(checkpoint) if _within(c, words)), default=0
            )
            if score:
                scored.append((score, checkpoint))
        best = [c for _, c in sorted(scored, key=lambda pair: -pair[0])[:MAX_REF_HITS]]
        return _Selection([], best, [])

    def _semantic(self, question: str) -> _Selection:
        if self.store is None or not question:
            return _Selection([], [], [])
        hits = self.store.search_referentiel(self.ref, question, k=MAX_REF_HITS * 2)
        wanted = {hit_id.split(".")[0] for hit_id, _ in hits}
        criteria = {c.id: c.competencies for c in self.ref.criteria}
        competency_ids = {cid for hit_id in wanted for cid in criteria.get(hit_id, [])}
        checkpoints = [c for c in self.ref.checkpoints if c.id in wanted][:MAX_REF_HITS]
        competencies = [c for c in self.ref.competencies if c.id in competency_ids]
        return _Selection(competencies[:MAX_REF_HITS], checkpoints, [])

    # ------------------------------------------------------------ what the référentiel says

    def _checkpoints_of(self, competency: str) -> list[Checkpoint]:
        return [c for c in self.ref.checkpoints if competency in c.competencies]

    def _explain(self, selection: _Selection) -> str:
        parts = [self._explain_epreuve(e) for e in selection.epreuves]
        parts += [self._explain_competency(c) for c in selection.competencies]
        shown = {cp.id for c in selection.competencies for cp in self._checkpoints_of(c.id)}
        parts += [_explain_checkpoint(c) for c in selection.checkpoints if c.id not in shown]
        return "\n\n".join(parts)

    def _explain_competency(self, competency: Competency) -> str:
        criteria = [c.text for c in self.ref.criteria if competency.id in c.competencies]
        lines = [
            f"Pour {competency.id} ({competency.title}), le référentiel dit : {competency.text}"
        ]
        if criteria:
            lines.append("Le jury attend : " + " ".join(criteria))
        checkpoints = self._checkpoints_of(competency.id)
        if checkpoints:
            lines.append("Points de contrôle :")
            lines += [f"- {c.label} ({c.id}) : {c.description}" for c in checkpoints]
        return "\n".join(lines)

    def _explain_epreuve(self, epreuve: Epreuve) -> str:
        checkpoints = [c for c in self.ref.checkpoints if epreuve.id in c.epreuves]
        lines = [
            f"Épreuve {epreuve.id} — {epreuve.title}.",
            f"Modalité : {epreuve.modality}",
            f"Livrable : {epreuve.deliverable}",
            "Compétences évaluées : " + ", ".join(epreuve.competencies) + ".",
        ]
        if checkpoints:
            lines.append("Points de contrôle : " + "; ".join(c.label for c in checkpoints) + ".")
        return "\n".join(lines)

    def _ref_sources(self, selection: _Selection) -> list[TutorSource]:
        sources = [TutorSource(kind="epreuve", id=e.id, text=e.title) for e in selection.epreuves]
        for comp in selection.competencies:
            sources.append(TutorSource(kind="competency", id=comp.id, text=comp.text))
            sources += [
                TutorSource(kind="criterion", id=c.id, text=c.text)
                for c in self.ref.criteria
                if comp.id in c.competencies
            ]
        checkpoints = list(selection.checkpoints)
        checkpoints += [cp for c in selection.competencies for cp in self._checkpoints_of(c.id)]
        sources += [
            TutorSource(kind="checkpoint", id=c.id, text=c.label) for c in _unique(checkpoints)
        ]
        return sources

    # ------------------------------------------------------------ what the dossier says

    def _passages(
        self, question: str, selection: _Selection, dossier: IndexedDossier
    ) -> list[TutorSource]:
        """Passages naming the selected checkpoints (label or cues), else near the question."""
        checkpoints = list(selection.checkpoints)
        checkpoints += [cp for c in selection.competencies for cp in self._checkpoints_of(c.id)]
        terms = [t for c in _unique(checkpoints) for t in (c.label, *c.cues)]
        hits = dossier.search.search(" ".join(terms) if terms else question, k=MAX_PASSAGES)
        if terms:  # the référentiel's words must occur, not merely something alike
            hits = [h for h in hits if h.lexical is not None]
        return [
            TutorSource(kind="passage", id=h.chunk.id, text=h.chunk.text, page=h.chunk.page)
            for h in hits
            if dossier.quotable(h.chunk.start, h.chunk.end)
        ]


_NOT_FOUND = (
    "Je n'ai rien trouvé dans le référentiel sur cette question. Citez une compétence "
    "(par exemple C14 ou CP2-3), une épreuve (E1 à E5) ou un outil (PESTEL, SWOT, GANTT…)."
)


def _names_checkpoint(folded_question: str, checkpoint_id: str) -> bool:
    spaced = checkpoint_id.replace("_", " ")
    return any(
        re.search(rf"\b{re.escape(form)}\b", folded_question) for form in {checkpoint_id, spaced}
    )


def _distinctive_cues(checkpoint: Checkpoint) -> list[tuple[str, ...]]:
    """Stems of the label and of cues that name the checkpoint alone: acronyms, several words."""
    forms = [checkpoint.label, *checkpoint.cues]
    cues = [tuple(stems(f)) for f in forms if len(f.split()) > 1 or (f.isupper() and len(f) > 1)]
    return [c for c in cues if c]


def _within(needle: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(words[i : i + n] == needle for i in range(len(words) - n + 1))


def _explain_checkpoint(checkpoint: Checkpoint) -> str:
    lines = [f"{checkpoint.label} ({checkpoint.id}) : {checkpoint.description}"]
    if checkpoint.elements:
        lines.append("Éléments attendus : " + ", ".join(e.label for e in checkpoint.elements) + ".")
    if checkpoint.competencies:
        lines.append("Compétences concernées : " + ", ".join(checkpoint.competencies) + ".")
    return "\n".join(lines)


def _dossier_part(passages: list[TutorSource]) -> str:
    if not passages:
        return "Dans votre dossier : aucun passage ne traite de cette question."
    lines = ["Dans votre dossier, les passages les plus proches :"]
    lines += [
        f"- {'p. ' + str(p.page) if p.page else 'passage'} « {_shorten(p.text)} »" for p in passages
    ]
    return "\n".join(lines)


def _unique(items: Iterable[Checkpoint]) -> list[Checkpoint]:
    return list({c.id: c for c in items}.values())
