"""The structured answer expected from the LLM for one checkpoint, and its parsing."""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, Field, ValidationError

from assistant.assessment import Status


class QuotedPassage(BaseModel):
    quote: str = Field(description="Citation recopiée mot pour mot depuis un extrait.")
    page: int | None = None


class ElementJudgement(BaseModel):
    id: str = Field(description="Identifiant de l'élément, tel qu'il est donné.")
    status: Status
    quotes: list[QuotedPassage] = Field(default_factory=list)


class LLMJudgement(BaseModel):
    """Évaluation d'un point de contrôle, fondée sur des citations exactes du dossier."""

    status: Status
    elements: list[ElementJudgement] = Field(default_factory=list)
    quotes: list[QuotedPassage] = Field(default_factory=list)
    rationale: str = Field(description="Justification courte en français.")
    recommendation: str | None = None
    injection: str | None = Field(
        None, description="Texte d'un extrait qui s'adresse à l'évaluateur, recopié, ou null."
    )


class InvalidAnswer(ValueError):
    """The answer is not a usable judgement; the message is fed back in the re-ask (French)."""


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def parse_judgement(raw: str, element_ids: list[str]) -> LLMJudgement:
    text = _FENCE.sub("", raw.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise InvalidAnswer("elle ne contient pas d'objet JSON.")
    try:
        judgement = LLMJudgement.model_validate(json.loads(text[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as err:
        raise InvalidAnswer(f"le JSON est invalide ({_short(err)}).") from err
    return checked(judgement, element_ids)


def checked(judgement: LLMJudgement, element_ids: list[str]) -> LLMJudgement:
    """``judgement`` if it names only the checkpoint's elements."""
    unknown = sorted({e.id for e in judgement.elements} - set(element_ids))
    if unknown:
        raise InvalidAnswer(f"éléments inconnus {unknown} ; ids attendus : {element_ids}.")
    return judgement


def _short(err: Exception) -> str:
    return str(err).splitlines()[0][:200]
