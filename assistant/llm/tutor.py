"""The tutor with an LLM: the offline tutor reads the intent and finds the sources (the
référentiel's texts, the engine's verdict and its quotes), the model writes the answer from them,
and every citation and every quote is checked against those sources. A request to write the
dossier is refused by the offline tutor, without calling the model."""

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
from assistant.textnorm import fold
from assistant.tutor import REFUSAL, IndexedDossier, Tutor, TutorAnswer, TutorSource

log = logging.getLogger(__name__)

_CITATION = re.compile(r"\[([^\[\]]{1,40})\]")
_QUOTE = re.compile(r"«\s*([^«»]{3,}?)\s*»|“([^“”]{3,}?)”|\"([^\"]{3,})\"")
UNAVAILABLE = (
    "(Le modèle de langue est indisponible : voici la réponse construite directement à partir "
    "du référentiel.)"
)
GHOSTWRITING = REFUSAL


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
        if not grounded.found or grounded.intent == "ghostwriting" or grounded.needs_dossier:
            return grounded
        text = dossier.document.text if dossier else ""
        masker = Pseudonymiser.for_text(f"{text}\n\n{question}")  # names asked about too
        sent = grounded
        if dossier is not None:  # flagged text never reaches the model, whatever the sources
            flagged = flagged_spans(dossier.document)
            sent = grounded.model_copy(
                update={
                    "sources": [
                        s.model_copy(
                            update={"text": without_flagged(s.text, dossier.document, flagged)}
                        )
                        if s.kind == "passage"
                        else s
                        for s in grounded.sources
                    ]
                }
            )
        try:
            raw = self.model.complete(self._messages(question, sent, masker))
        except LLMError as err:
            log.warning("tutor LLM failed: %s", err.detail or err.message)
            return grounded.model_copy(update={"text": f"{UNAVAILABLE}\n\n{grounded.text}"})
        text = _keep_known_citations(masker.unmask(raw).strip(), grounded.sources)
        text = _keep_verified_quotes(text, grounded.sources)
        if grounded.verdict is not None:  # the engine's verdict leads, the model explains
            text = f"{grounded.text.splitlines()[0]}\n\n{text}"
        return grounded.model_copy(update={"text": text, "engine": self.model.name})

    def _messages(
        self, question: str, grounded: TutorAnswer, masker: Pseudonymiser
    ) -> list[Message]:
        sources = grounded.sources
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
            verdict=grounded.text.splitlines()[0] if grounded.verdict else "",
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


def _keep_verified_quotes(text: str, sources: list[TutorSource]) -> str:
    """Remove quotations that occur in no source, word for word (spaces and case aside)."""
    corpus = [_plain(s.text) for s in sources]

    def check(match: re.Match[str]) -> str:
        quoted = next(g for g in match.groups() if g is not None)
        if any(_plain(quoted) in text for text in corpus):
            return match.group(0)
        log.warning("tutor LLM quote not found in its sources: dropped")
        return "(citation retirée : introuvable dans les sources)"

    return _QUOTE.sub(check, text)


def _plain(text: str) -> str:
    return " ".join(fold(text).replace("…", " ").split()).strip(" .")
