"""Finding the reply and the session id in an agent's decoded answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from assay.connections.templates import extract
from assay_sdk.connectors import ConnectorError


@dataclass(frozen=True)
class Answer:
    """What one exchange produced: the reply text, the session id and the response record."""

    reply: str
    session_id: str | None
    response: dict[str, Any]


def clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else f"{text[:limit]}…"


def show(value: Any) -> str:
    """``value`` as short JSON, for an error message."""
    return clip(json.dumps(value, ensure_ascii=False))


def with_record(error: ConnectorError, record: dict[str, Any]) -> ConnectorError:
    return ConnectorError(error.code, error.message, response=record)


def as_text(value: Any, path: str) -> str:
    """The answer at ``path`` as text: strings as they are, numbers and booleans rendered.

    Raises:
        ConnectorError: BAD_RESPONSE for null, an object or a list, showing what is there.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    kind = "an object" if isinstance(value, dict) else "a list" if isinstance(value, list) \
        else "null"
    raise ConnectorError("BAD_RESPONSE", f"the response has {kind} at '{path}', not text: "
                         f"{show(value)}. Point responsePath at the text inside it")


def reply_at(document: Any, path: str, record: dict[str, Any]) -> str:
    """The reply text at ``path``; BAD_RESPONSE (with ``record``) when it is not there."""
    try:
        return as_text(extract(document, path), path)
    except LookupError as exc:
        raise ConnectorError("BAD_RESPONSE", f"{exc}; the response is {show(document)}:"
                             " check responsePath", response=record) from None
    except ConnectorError as exc:
        raise with_record(exc, record) from None


def session_at(document: Any, path: str | None) -> str | None:
    """The session id at ``path``: None when there is no path or nothing there.

    Raises:
        ConnectorError: BAD_RESPONSE when the value there is not text or a number.
    """
    if path is None:
        return None
    try:
        value = extract(document, path)
    except LookupError:
        return None
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    raise ConnectorError("BAD_RESPONSE", f"the session id at '{path}' should be text or a "
                         f"number, the response has {show(value)}: check sessionIdPath")


def require_session(path: str | None, found: str | None, had_one: bool,
                    record: dict[str, Any]) -> None:
    """A configured session id must come with the first answer (later ones may omit it)."""
    if path and found is None and not had_one:
        raise ConnectorError("BAD_RESPONSE", f"the response has no session id at '{path}'"
                             ": check sessionIdPath", response=record)
