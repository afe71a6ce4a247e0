"""The chat-model seam: one method. The only module that imports ``openai``."""

from __future__ import annotations

import logging
from typing import Protocol, TypedDict

from assistant.errors import LLMError
from assistant.settings import LLMSettings

log = logging.getLogger(__name__)


class Message(TypedDict):
    role: str
    content: str


class ChatModel(Protocol):
    """Anything that turns chat messages into the assistant's text answer."""

    name: str

    def complete(self, messages: list[Message], *, max_tokens: int = 1200) -> str: ...


class OpenAIChatModel:
    """Any OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, Ollama, llama.cpp server).

    No ``response_format`` is sent: several local servers reject JSON schemas; answers are
    validated by the caller instead.
    """

    def __init__(self, settings: LLMSettings) -> None:
        if not settings.enabled:
            raise LLMError("Aucun modèle de langue n'est configuré.")
        from openai import OpenAI

        key = settings.api_key.get_secret_value() if settings.api_key else "sans-cle"
        self._client = OpenAI(
            base_url=settings.base_url, api_key=key, timeout=settings.timeout_s, max_retries=0
        )
        self._settings = settings
        self.name = str(settings.model)

    def complete(self, messages: list[Message], *, max_tokens: int = 1200) -> str:
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.name,
                messages=messages,  # type: ignore[arg-type]  # TypedDict matches the wire format
                temperature=self._settings.temperature,
                max_tokens=max_tokens,
            )
        except openai.APITimeoutError as err:
            raise LLMError("Le modèle de langue n'a pas répondu à temps.", detail=str(err)) from err
        except openai.RateLimitError as err:
            raise LLMError("Le modèle de langue refuse des appels (limite de débit).") from err
        except openai.APIError as err:
            raise LLMError(
                "Le modèle de langue est injoignable ou en erreur.", detail=str(err)
            ) from err
        content = response.choices[0].message.content if response.choices else None
        if not content:
            raise LLMError("Le modèle de langue a renvoyé une réponse vide.")
        return content
