"""The chat-model seam. The only module that imports ``langchain_openai`` (and ``openai``).

Structured answers go through langchain-openai's ``with_structured_output``: first the
server's JSON-schema response format (OpenAI, vLLM, llama.cpp server, recent Ollama), then
tool calling, then plain text that the caller parses and validates itself. A server that
refuses a method (HTTP 400, 404, 422, or an answer that says it is unsupported) moves the
model to the next one for good.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, Literal, Protocol, TypedDict, TypeVar

from pydantic import BaseModel, SecretStr, ValidationError

from assistant.errors import LLMError
from assistant.settings import LLMSettings

log = logging.getLogger(__name__)

Method = Literal["json_schema", "function_calling", "prompt"]
METHODS: tuple[Method, ...] = ("json_schema", "function_calling", "prompt")
MAX_TOKENS = 1200
_REFUSED = (400, 404, 415, 422, 501)
UNREACHABLE = "Le modèle de langue est injoignable ou en erreur."
# a 400 that is about the prompt's size, not about the output format
_TOO_LONG = re.compile(r"context|too long|too many tokens|maximum.{0,40}tokens", re.IGNORECASE)

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")


class Message(TypedDict):
    role: str
    content: str


@dataclass(frozen=True)
class Structured(Generic[T]):
    """A structured answer: ``parsed`` when the server's format validated, else ``None`` and
    the caller parses ``raw`` (the text, or the tool call's arguments) itself."""

    parsed: T | None
    raw: str
    method: Method


class ChatModel(Protocol):
    """Anything that turns chat messages into the assistant's answer."""

    name: str

    def complete(self, messages: list[Message]) -> str: ...

    def structured(self, messages: list[Message], schema: type[T]) -> Structured[T]: ...


class OpenAIChatModel:
    """Any OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, Ollama, llama.cpp server)."""

    def __init__(self, settings: LLMSettings) -> None:
        if not settings.enabled:
            raise LLMError("Aucun modèle de langue n'est configuré.")
        from langchain_openai import ChatOpenAI

        key = settings.api_key.get_secret_value() if settings.api_key else "sans-cle"
        self._chat = ChatOpenAI(
            model=str(settings.model),
            base_url=settings.base_url,
            api_key=SecretStr(key),
            timeout=settings.timeout_s,
            max_retries=0,
            temperature=settings.temperature,
            max_tokens=MAX_TOKENS,
        )
        self.name = str(settings.model)
        self._method = 0  # index in METHODS of the first method the server has not refused
        self._lock = threading.Lock()

    @property
    def method(self) -> Method:
        return METHODS[self._method]

    def complete(self, messages: list[Message]) -> str:
        try:
            answer = _call(lambda: self._chat.invoke(_wire(messages)))
        except _Refused as refused:
            raise LLMError(UNREACHABLE, detail=refused.detail) from refused
        content = _text(answer.content)
        if not content:
            raise LLMError("Le modèle de langue a renvoyé une réponse vide.")
        return content

    def structured(self, messages: list[Message], schema: type[T]) -> Structured[T]:
        while True:
            method = self.method
            if method == "prompt":
                return Structured(None, self.complete(messages), method)
            runnable = self._chat.with_structured_output(
                wire_schema(schema, method), method=method, include_raw=True
            )
            try:
                out: dict[str, Any] = _call(partial(runnable.invoke, _wire(messages)))
            except _Refused as refused:
                self._give_up(method, refused.detail)
                continue
            raw = _raw_text(out.get("raw"))
            if not raw:
                raise LLMError("Le modèle de langue a renvoyé une réponse vide.")
            return Structured(_validated(schema, out.get("parsed")), raw, method)

    def _give_up(self, method: Method, detail: str) -> None:
        with self._lock:
            if METHODS[self._method] == method:
                self._method += 1
        log.info("server refused %s (%s); now using %s", method, detail, self.method)


class _Refused(Exception):
    """The server does not support the structured-output method asked for."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _call(invoke: Callable[[], R]) -> R:
    """Run one request, with tracing off (nothing leaves for LangSmith), errors in French."""
    import openai
    from langsmith import tracing_context

    try:
        with tracing_context(enabled=False):
            return invoke()
    except openai.APITimeoutError as err:
        raise LLMError("Le modèle de langue n'a pas répondu à temps.", detail=str(err)) from err
    except openai.RateLimitError as err:
        raise LLMError("Le modèle de langue refuse des appels (limite de débit).") from err
    except openai.APIStatusError as err:
        if err.status_code in _REFUSED and not _TOO_LONG.search(str(err)):
            raise _Refused(f"{err.status_code}: {str(err)[:200]}") from err
        raise LLMError(UNREACHABLE, detail=str(err)) from err
    except openai.APIError as err:
        raise LLMError(UNREACHABLE, detail=str(err)) from err


def wire_schema(schema: type[BaseModel], method: Method) -> dict[str, Any]:
    """``schema`` as the server is given it: a strict JSON schema (every property required,
    no other property, no defaults) as a response format or as a tool's parameters. The
    parsing stays ours: a server's half-valid answer is re-asked, not lost."""
    body = _strict(schema.model_json_schema())
    description = (schema.__doc__ or schema.__name__).strip()
    body.pop("description", None)
    body.pop("title", None)
    if method == "json_schema":
        return {"name": schema.__name__, "description": description, "schema": body, "strict": True}
    return {"name": schema.__name__, "description": description, "parameters": body}


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {
        k: _strict(v)
        for k, v in node.items()
        if k != "default" and not (k == "title" and isinstance(v, str))
    }
    if isinstance(out.get("properties"), dict):
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    return out


def _validated(schema: type[T], parsed: Any) -> T | None:
    if not isinstance(parsed, dict):
        return None
    try:
        return schema.model_validate(parsed)
    except ValidationError:
        return None


def _wire(messages: list[Message]) -> list[tuple[str, str]]:
    return [(m["role"], m["content"]) for m in messages]


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b if isinstance(b, str) else str(b.get("text", "")) for b in content)
    return ""


def _raw_text(message: Any) -> str:
    """The answer as text: a tool call's arguments, or the message's content."""
    if message is None:
        return ""
    for call in getattr(message, "tool_calls", None) or []:
        return json.dumps(call.get("args", {}), ensure_ascii=False)
    for call in getattr(message, "invalid_tool_calls", None) or []:
        return str(call.get("args") or "")
    return _text(message.content)
