"""The tutor with an LLM: the offline tutor finds the sources, the model writes the answer
from them, and every citation is checked against those sources."""

from __future__ import annotations

import logging
import re
import secrets

from assistant.errors import LLMError
from assistant.llm.client import ChatModel, Message
from assistant.llm.passages import flagged_spans, without_flagged
from assistant.llm.prompts import PromptTemplate, load_prompt
from assistant.pseudonymise import Pseudonymiser
from assistant.settings import Settings
from assistant.tutor import IndexedDossier, Tutor, TutorAnswer, TutorSource

log = logging.getLogger(__name__)

_CITATION = re.compile(r"\[([^\[\]]{1,40})\]")
_GHOSTWRITING = re.compile(
    r"\b(r[ée]dige|[ée]cri[st]|[ée]crivez|fais|faites|g[ée]n[èe]re|write|draft)\b.{0,40}"
    r"\b(mon|ma|mes|le|la|notre|my|the)\b.{0,30}"
    r"\b(dossier|partie|analyse|introduction|conclusion|swot|pestel|probl[ée]matique|"
    r"bilan|plan|report|essay)\b",
    re.IGNORECASE,
)
UNAVAILABLE = (
    "(Le modèle de langue est indisponible : voici la réponse construite directement à partir "
    "du référentiel.)"
)
GHOSTWRITING = (
    "Je ne rédige pas le dossier à la place du candidat : c'est lui que le jury évalue. "
    "Voici en revanche ce qui est attendu, pour vous aider à l'écrire vous-même."
)


class LLMTutor:
    """Same seam as ``Tutor``: ``answer(question, dossier=None) -> TutorAnswer``."""

    def __init__(self, offline: Tutor, model: ChatModel, settings: Settings) -> None:
        self.offline = offline
        self.model = model
        self.prompts: dict[str, PromptTemplate] = {
            name: load_prompt(settings.prompts_dir, name) for name in ("tutor_system", "tutor_user")
        }

    def answer(self, question: str, dossier: IndexedDossier | None = None) -> TutorAnswer:
        grounded = self.offline.answer(question, dossier)
        if not grounded.found:
            return grounded
        if _GHOSTWRITING.search(question):
            return grounded.model_copy(update={"text": f"{GHOSTWRITING}\n\n{grounded.text}"})
        text = dossier.document.text if dossier else ""
        masker = Pseudonymiser.for_text(f"{text}\n\n{question}")  # names asked about too
        sources = grounded.sources
        if dossier is not None:
            flagged = flagged_spans(dossier.document)
            sources = [
                s.model_copy(update={"text": without_flagged(s.text, dossier.document, flagged)})
                if s.kind == "passage"
                else s
                for s in sources
            ]
        try:
            raw = self.model.complete(self._messages(question, sources, masker))
        except LLMError as err:
            log.warning("tutor LLM failed: %s", err.detail or err.message)
            return grounded.model_copy(update={"text": f"{UNAVAILABLE}\n\n{grounded.text}"})
        text = _keep_known_citations(masker.unmask(raw).strip(), grounded.sources)
        return grounded.model_copy(update={"text": text, "engine": self.model.name})

    def _messages(
        self, question: str, sources: list[TutorSource], masker: Pseudonymiser
    ) -> list[Message]:
        boundary = f"extrait-{secrets.token_hex(4)}"
        passages = [
            {"ref": _ref(s), "text": masker.mask(s.text.replace(boundary, ""))}
            for s in sources
            if s.kind == "passage"
        ]
        user = self.prompts["tutor_user"].render(
            question=masker.mask(question),
            sources=[s for s in sources if s.kind != "passage"],
            passages=passages,
            boundary=boundary,
        )
        system = self.prompts["tutor_system"].render(boundary=boundary)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _ref(source: TutorSource) -> str:
    return f"p. {source.page}" if source.page else "passage"


def _keep_known_citations(text: str, sources: list[TutorSource]) -> str:
    """Remove bracketed citations that name no given source (invented ids)."""
    known = {s.id for s in sources if s.kind != "passage"} | {_ref(s) for s in sources}

    def check(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1).strip() in known else ""

    return re.sub(r" {2,}", " ", _CITATION.sub(check, text))
