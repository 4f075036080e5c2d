"""A scripted LLM provider on loopback: a real HTTP server speaking two providers' protocols.

Tests of judges and LLM evaluators talk to it exactly as production talks to OpenAI or
Anthropic, so the HTTP client, headers, JSON bodies, status handling and retries are all
exercised for real. Routes:

- ``POST /v1/chat/completions``: OpenAI chat completions (``n`` choices, usage, the OpenAI
  error shape; 400 when ``response_format`` is sent to a server made with
  ``json_mode=False``);
- ``POST /v1/messages``: Anthropic messages (``anthropic-version`` and ``max_tokens``
  required, the Anthropic error shape, 529 overloaded).

What it answers is scripted: replies given to :meth:`ScriptedLLM.enqueue` are used first, in
order, then the function given to :meth:`ScriptedLLM.respond_with`, and otherwise
``{"score": 1.0, "explanation": "scripted"}``. Every request is recorded as a
:class:`SeenRequest`.

Token counts are whitespace-separated words unless the :class:`Reply` gives them: the input
is every text the request carried (the system prompt and every message), the output is the
reply text (summed over the choices when ``n`` > 1).
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.loopback_server import LoopbackServer

#: What the server answers when nothing was scripted: a valid, perfect verdict.
DEFAULT_TEXT = '{"score": 1.0, "explanation": "scripted"}'

_OPENAI_ERRORS = {400: "invalid_request_error", 401: "invalid_request_error",
                  403: "permission_denied", 404: "invalid_request_error",
                  429: "rate_limit_exceeded", 500: "server_error", 503: "server_error"}
_ANTHROPIC_ERRORS = {400: "invalid_request_error", 401: "authentication_error",
                     403: "permission_error", 404: "not_found_error", 413: "request_too_large",
                     429: "rate_limit_error", 500: "api_error", 529: "overloaded_error"}


@dataclass(frozen=True, kw_only=True)
class Reply:
    """One scripted answer.

    With ``status`` 200 the server answers a completion carrying ``text``; with any other
    status it answers the provider's error shape with ``text`` as the error message.
    """

    text: str = DEFAULT_TEXT
    status: int = 200
    #: Sent as the ``Retry-After`` header (seconds, or an HTTP date given as a string).
    retry_after: float | str | None = None
    #: None: counted as words.
    input_tokens: int | None = None
    output_tokens: int | None = None
    #: Seconds to wait before answering (to make a client time out).
    delay: float = 0.0
    #: The raw response body, sent as is instead of the protocol's JSON (e.g. broken JSON).
    raw: str | None = None
    #: The model named in the response; None: the requested model.
    model: str | None = None
    #: OpenAI's ``finish_reason`` / Anthropic's ``stop_reason``; None: the normal one.
    stop: str | None = None


Script = Callable[["SeenRequest"], "Reply | str"]


@dataclass(frozen=True)
class SeenRequest:
    """One request as the server received it."""

    #: "openai" or "anthropic".
    provider: str
    path: str
    #: Header names lower-cased.
    headers: dict[str, str]
    #: The parsed body; None when it was not a JSON object.
    json: dict[str, Any] | None
    #: The raw body text.
    body: str
    #: The text of the last user message ("" when there is none).
    prompt: str
    #: The system prompt (OpenAI: the system messages joined; Anthropic: ``system``).
    system: str

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.json or {}).get("messages") or [])


def message_text(content: Any) -> str:
    """The text of a message's ``content``: a string, or a list of text parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content
                       if isinstance(part, dict) and part.get("type") == "text")
    return ""


def words(text: str) -> int:
    return len(text.split())


def _seen(provider: str, request: Request, body: str) -> SeenRequest:
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    data = parsed if isinstance(parsed, dict) else None
    messages = [m for m in (data or {}).get("messages") or [] if isinstance(m, dict)]
    users = [message_text(m.get("content")) for m in messages if m.get("role") == "user"]
    if provider == "openai":
        system = "\n".join(message_text(m.get("content")) for m in messages
                           if m.get("role") in ("system", "developer"))
    else:
        system = message_text((data or {}).get("system", ""))
    headers = {name.lower(): value for name, value in request.headers.items()}
    return SeenRequest(provider, request.url.path, headers, data, body,
                       users[-1] if users else "", system)


def _input_words(seen: SeenRequest) -> int:
    texts = [message_text(m.get("content")) for m in seen.messages]
    if seen.provider == "anthropic":
        texts.append(seen.system)
    return sum(words(text) for text in texts)


def _retry_header(reply: Reply) -> dict[str, str]:
    value = reply.retry_after
    if value is None:
        return {}
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"retry-after": str(value)}


class ScriptedLLM(LoopbackServer):
    """The server; an async context manager that listens on 127.0.0.1 at a free port.

    ``api_key``: when given, requests must carry it (``Authorization: Bearer`` or
    ``x-api-key``) or get 401. ``json_mode``: False makes the OpenAI route refuse
    ``response_format`` with a 400, as some compatible servers do.
    """

    def __init__(self, *, api_key: str | None = None, json_mode: bool = True) -> None:
        super().__init__()
        self.api_key = api_key
        self.json_mode = json_mode
        self.requests: list[SeenRequest] = []
        self._queue: deque[Reply] = deque()
        self._script: Script | None = None

    # -- scripting -------------------------------------------------------------------------

    @property
    def openai_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def respond_with(self, fn: Script | None) -> None:
        """Answer with ``fn(request)`` once the queue is empty (None: the default again)."""
        self._script = fn

    def enqueue(self, *replies: Reply | str) -> None:
        """Replies used first, one per completion, in order (a string is a reply's text)."""
        self._queue.extend(_as_reply(r) for r in replies)

    def next_reply(self, seen: SeenRequest) -> Reply:
        if self._queue:
            return self._queue.popleft()
        if self._script is not None:
            return _as_reply(self._script(seen))
        return Reply()

    # -- lifecycle -------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/v1/chat/completions", self._openai, methods=["POST"]),
            Route("/v1/messages", self._anthropic, methods=["POST"]),
        ])

    # -- OpenAI ----------------------------------------------------------------------------

    async def _openai(self, request: Request) -> Response:
        seen = _seen("openai", request, (await request.body()).decode("utf-8", "replace"))
        self.requests.append(seen)
        refusal = self._openai_refusal(seen)
        if refusal is not None:
            return refusal
        body = seen.json or {}
        count = body.get("n") or 1
        replies = [self.next_reply(seen) for _ in range(int(count))]
        await asyncio.sleep(max(r.delay for r in replies))
        failed = next((r for r in replies if r.status != 200 or r.raw is not None), None)
        if failed is not None:
            return _raw(failed) if failed.raw is not None else _openai_error(failed)
        first = replies[0]
        completion = sum(r.output_tokens if r.output_tokens is not None else words(r.text)
                         for r in replies)
        prompt = (first.input_tokens if first.input_tokens is not None
                  else _input_words(seen))
        return JSONResponse({
            "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion",
            "created": 1_700_000_000, "model": first.model or str(body.get("model")),
            "choices": [{"index": i, "finish_reason": r.stop or "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": r.text}}
                        for i, r in enumerate(replies)],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                      "total_tokens": prompt + completion},
        })

    def _openai_refusal(self, seen: SeenRequest) -> Response | None:
        if self.api_key is not None and (
                seen.headers.get("authorization") != f"Bearer {self.api_key}"):
            return _openai_error(Reply(status=401, text="Incorrect API key provided."),
                                 code="invalid_api_key")
        body = seen.json
        if body is None:
            return _openai_error(Reply(status=400, text=(
                "We could not parse the JSON body of your request. (HINT: This likely means "
                "you aren't using your HTTP library correctly.)")))
        if not isinstance(body.get("model"), str) or not isinstance(body.get("messages"), list):
            return _openai_error(Reply(status=400, text="'model' and 'messages' are required"))
        if "response_format" in body and not self.json_mode:
            return _openai_error(Reply(status=400, text=(
                "Invalid parameter: 'response_format' of type 'json_object' is not supported "
                "with this model.")), param="response_format")
        return None

    # -- Anthropic -------------------------------------------------------------------------

    async def _anthropic(self, request: Request) -> Response:
        seen = _seen("anthropic", request, (await request.body()).decode("utf-8", "replace"))
        self.requests.append(seen)
        refusal = self._anthropic_refusal(seen)
        if refusal is not None:
            return refusal
        reply = self.next_reply(seen)
        await asyncio.sleep(reply.delay)
        if reply.raw is not None:
            return _raw(reply)
        if reply.status != 200:
            return _anthropic_error(reply)
        body = seen.json or {}
        return JSONResponse({
            "id": f"msg_{len(self.requests)}", "type": "message", "role": "assistant",
            "model": reply.model or str(body.get("model")),
            "content": [{"type": "text", "text": reply.text}],
            "stop_reason": reply.stop or "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": (reply.input_tokens if reply.input_tokens is not None
                                       else _input_words(seen)),
                      "output_tokens": (reply.output_tokens if reply.output_tokens is not None
                                        else words(reply.text))},
        })

    def _anthropic_refusal(self, seen: SeenRequest) -> Response | None:
        if self.api_key is not None and seen.headers.get("x-api-key") != self.api_key:
            return _anthropic_error(Reply(status=401, text="invalid x-api-key"))
        if "anthropic-version" not in seen.headers:
            return _anthropic_error(Reply(status=400,
                                          text="anthropic-version: header is required"))
        body = seen.json
        if body is None:
            return _anthropic_error(Reply(status=400, text="There was an issue with the "
                                          "formatting of your request: invalid JSON"))
        for name, kind in (("model", str), ("messages", list), ("max_tokens", int)):
            if not isinstance(body.get(name), kind):
                return _anthropic_error(Reply(status=400, text=f"{name}: Field required"))
        return None


def _as_reply(reply: Reply | str) -> Reply:
    return Reply(text=reply) if isinstance(reply, str) else reply


def _raw(reply: Reply) -> Response:
    return Response(reply.raw, status_code=reply.status, media_type="application/json",
                    headers=_retry_header(reply))


def _openai_error(reply: Reply, *, code: str | None = None, param: str | None = None
                  ) -> Response:
    kind = _OPENAI_ERRORS.get(reply.status, "server_error")
    error = {"message": reply.text, "type": kind, "param": param,
             "code": code or (kind if reply.status == 429 else None)}
    return JSONResponse({"error": error}, status_code=reply.status,
                        headers=_retry_header(reply))


def _anthropic_error(reply: Reply) -> Response:
    kind = _ANTHROPIC_ERRORS.get(reply.status, "api_error")
    return JSONResponse({"type": "error", "error": {"type": kind, "message": reply.text}},
                        status_code=reply.status, headers=_retry_header(reply))

