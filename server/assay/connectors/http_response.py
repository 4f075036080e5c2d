"""Reading an agent's HTTP response: status, JSON or event stream, size limits, records."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from assay.connectors.http_answer import (
    Answer,
    clip,
    reply_at,
    require_session,
    session_at,
    with_record,
)
from assay.connectors.http_redaction import Redactor
from assay.connectors.http_stream import OPENAI_DELTA, collect
from assay.connectors.http_target import HttpTarget
from assay_sdk.connectors import ConnectorError

#: A larger answer is refused (BAD_RESPONSE) rather than held in memory.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
#: How much of a request or response body an Exchange records.
RECORD_LIMIT = 64 * 1024


class ResponseReader:
    """Turns one conversation's responses into answers, or errors with a redacted record."""

    def __init__(self, target: HttpTarget, redactor: Redactor) -> None:
        self.target = target
        self._redactor = redactor

    def record(self, response: httpx.Response, body: str,
               truncated: bool = False) -> dict[str, Any]:
        """The response as an Exchange records it: redacted, the body cut at RECORD_LIMIT."""
        text = self._redactor.text(body)
        return {"status": response.status_code,
                "url": self._redactor.text(str(response.url)),
                "headers": self._redactor.headers(response.headers),
                "body": text[:RECORD_LIMIT], "truncated": truncated or len(text) > RECORD_LIMIT}

    async def status_error(self, response: httpx.Response) -> ConnectorError:
        """HTTP_STATUS for a response that is not 2xx, with a hint on what to check."""
        text, truncated = await _read_limited(response, RECORD_LIMIT)
        status = f"{response.status_code} {response.reason_phrase}".strip()
        return ConnectorError("HTTP_STATUS", f"the agent answered {status}: "
                              f"{status_hint(response.status_code)}",
                              response=self.record(response, text, truncated))

    async def answer(self, response: httpx.Response, *, had_session: bool) -> Answer:
        """The answer of a 2xx response; ``had_session``: an earlier answer gave a session
        id, so this one may omit it."""
        if response.headers.get("content-type", "").startswith("text/event-stream"):
            return await self._read_stream(response, had_session)
        return await self._read_json(response, had_session)

    async def _read_json(self, response: httpx.Response, had_session: bool) -> Answer:
        text, too_big = await _read_limited(response, MAX_RESPONSE_BYTES)
        record = self.record(response, text)
        if too_big:
            raise _too_big(record)
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise ConnectorError("BAD_RESPONSE", f"the response is not JSON ({exc}); it "
                                 f"begins {clip(text, 200)!r}: the agent must answer JSON "
                                 "with the reply at responsePath", response=record) from None
        reply = reply_at(document, self.target.response_path, record)
        return Answer(reply, self._session(document, had_session, record), record)

    def _session(self, document: Any, had_session: bool, record: dict[str, Any]) -> str | None:
        path = self.target.session_id_path
        try:
            found = session_at(document, path)
        except ConnectorError as exc:
            raise with_record(exc, record) from None
        require_session(path, found, had_session, record)
        return found

    async def _read_stream(self, response: httpx.Response, had_session: bool) -> Answer:
        raw: list[str] = []
        target = self.target
        try:
            streamed = await collect(self._stream_lines(response, raw), target.response_path,
                                     target.session_id_path)
        except ConnectorError as exc:
            raise with_record(exc, self.record(response, "\n".join(raw))) from None
        record = self.record(response, "\n".join(raw))
        if not streamed.parts:
            raise ConnectorError("BAD_RESPONSE", f"the event stream had {streamed.events} "
                                 f"events and none carried text at '{target.response_path}' "
                                 f"or '{OPENAI_DELTA}': check responsePath", response=record)
        require_session(target.session_id_path, streamed.session_id, had_session, record)
        return Answer("".join(streamed.parts), streamed.session_id, record)

    async def _stream_lines(self, response: httpx.Response,
                            raw: list[str]) -> AsyncIterator[str]:
        size = 0
        async for line in response.aiter_lines():
            size += len(line) + 1
            if size > MAX_RESPONSE_BYTES:
                raise _too_big(self.record(response, "\n".join(raw)))
            if size <= RECORD_LIMIT + 1:
                raw.append(line)
            yield line


async def _read_limited(response: httpx.Response, limit: int) -> tuple[str, bool]:
    """The body (at most ``limit`` bytes are kept) and whether it was longer."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    data = b"".join(chunks)
    return data[:limit].decode(response.encoding or "utf-8", "replace"), size > limit


def _too_big(record: dict[str, Any]) -> ConnectorError:
    return ConnectorError("BAD_RESPONSE", f"the response is larger than "
                          f"{MAX_RESPONSE_BYTES // (1024 * 1024)} MiB: the agent must answer "
                          "with less", response=record)


def status_hint(status: int) -> str:
    """What to check when the agent answered ``status``."""
    hints = {
        400: "the agent refused the request: check the body template",
        401: "check the connection's credential and auth type",
        403: "check the connection's credential and auth type",
        404: "check the URL",
        405: "check the method",
        408: "the agent timed out: retry later or raise its timeout",
        413: "the request is too large for the agent: shorten the message or the template",
        422: "the agent refused the request: check the body template",
        429: "the agent is rate limiting: lower the connection's concurrency",
    }
    if status >= 500:
        return "the agent failed: see the response body, and the agent's logs"
    return hints.get(status, "see the response body")
