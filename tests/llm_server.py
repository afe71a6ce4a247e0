"""A scripted OpenAI-compatible chat server on 127.0.0.1, for tests: the edge of the system.

``ScriptedLLM(responder)`` answers POST /v1/chat/completions with whatever ``responder(request)``
returns: a string (the assistant's content), or a ``Reply`` (status code, raw body, delay).
Like a compliant server, it answers a request that forces a tool call with that tool call, its
arguments being the responder's string. Every request is recorded (``requests``, and the raw
bodies in ``bodies``)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    content: str | None = None
    status: int = 200
    raw: str | None = None
    delay_s: float = 0.0


Responder = Callable[[dict[str, Any]], "str | Reply"]


class ScriptedLLM:
    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.requests: list[dict[str, Any]] = []
        self.bodies: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def user_prompts(self) -> list[str]:
        return [r["messages"][-1]["content"] for r in self.requests]

    def log(self) -> str:
        """Every request body as sent, decoded (JSON escapes undone), one per line."""
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in self.requests)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                body = json.loads(raw)
                outer.bodies.append(raw.decode("utf-8"))
                outer.requests.append(body)
                reply = outer.responder(body)
                if isinstance(reply, str):
                    reply = Reply(content=reply)
                time.sleep(reply.delay_s)
                payload = (
                    reply.raw if reply.raw is not None else json.dumps(_completion(reply, body))
                )
                data = payload.encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        return Handler


def _completion(reply: Reply, request: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.content}
    forced = request.get("tool_choice")
    if isinstance(forced, dict) and reply.content is not None:
        name = forced.get("function", {}).get("name", "answer")
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": name, "arguments": reply.content},
                }
            ],
        }
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "scripted",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": message,
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
