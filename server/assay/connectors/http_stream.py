"""Server-sent event streams: the events, and the reply text and session id they carry."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from assay.connections.templates import extract
from assay.connectors.http_answer import as_text, session_at

#: Where an OpenAI-style streaming chunk carries its text.
OPENAI_DELTA = "choices.0.delta.content"


@dataclass
class StreamedAnswer:
    """The texts of a stream's events, the last session id among them, and the event count."""

    parts: list[str] = field(default_factory=list)
    session_id: str | None = None
    events: int = 0


def _sse_field(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name, value[1:] if value.startswith(" ") else value


async def sse_events(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """The data of each server-sent event, until the stream ends or sends ``[DONE]``."""
    data: list[str] = []
    async for line in lines:
        if line:
            name, value = _sse_field(line)
            if name == "data":
                data.append(value)
            continue
        if data:
            payload, data = "\n".join(data), []
            if payload == "[DONE]":
                return
            yield payload
    if data and "\n".join(data) != "[DONE]":
        yield "\n".join(data)


def event_text(payload: str, response_path: str) -> str | None:
    """One event's text: at response_path, else an OpenAI delta, else plain-text data."""
    try:
        document = json.loads(payload)
    except ValueError:
        return payload
    if isinstance(document, str):
        return document
    for path in dict.fromkeys((response_path, OPENAI_DELTA)):
        try:
            value = extract(document, path)
        except LookupError:
            continue
        if value is not None:
            return as_text(value, path)
    return None


async def collect(lines: AsyncIterator[str], response_path: str,
                  session_id_path: str | None) -> StreamedAnswer:
    """Reads the whole stream.

    Raises:
        ConnectorError: BAD_RESPONSE when an event holds something other than text at the
            response path, or a session id that is not text or a number.
    """
    answer = StreamedAnswer()
    async for payload in sse_events(lines):
        answer.events += 1
        text = event_text(payload, response_path)
        if text is not None:
            answer.parts.append(text)
        found = session_at(_json_or_none(payload), session_id_path)
        answer.session_id = found or answer.session_id
    return answer


def _json_or_none(payload: str) -> Any:
    try:
        return json.loads(payload)
    except ValueError:
        return None
