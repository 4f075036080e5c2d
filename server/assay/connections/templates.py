"""Placeholders and response paths: what a stored connection config means to the run engine."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

#: ``{{ name }}``; whitespace inside the braces is allowed.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
#: ``credentials.NAME`` inside a placeholder of a browser step value.
CREDENTIAL_REF = re.compile(r"credentials\.(.+)")
BODY_PLACEHOLDERS = ("message", "conversation", "conversation_id", "session_id")
URL_PLACEHOLDERS = ("message", "conversation_id", "session_id")
#: Filled with the session id the agent's previous answer carried at the session id path.
SESSION_PLACEHOLDER = "session_id"


def placeholders(text: str) -> Iterator[str]:
    """The names of the placeholders in ``text``, in order."""
    for match in PLACEHOLDER.finditer(text):
        yield match.group(1)


def credential_refs(text: str) -> Iterator[str | None]:
    """For each placeholder: the credential it references, or None when it references none."""
    for name in placeholders(text):
        ref = CREDENTIAL_REF.fullmatch(name)
        yield ref.group(1) if ref else None


def render_body(
    template: str, *, message: str, conversation: list[dict[str, str]], conversation_id: str,
    session_id: str = "",
) -> str:
    """The request body.

    {{message}}, {{conversation_id}} and {{session_id}} become JSON string content (they sit
    inside quotes); {{conversation}} becomes a JSON array of OpenAI-format messages (it sits
    bare). ``session_id`` is empty until the agent has given one.
    """
    values = {
        "message": _json_text(message),
        "conversation_id": _json_text(conversation_id),
        "session_id": _json_text(session_id),
        "conversation": json.dumps(conversation),
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def render_url(url: str, *, message: str, conversation_id: str, session_id: str = "") -> str:
    """The request URL with {{message}}, {{conversation_id}} and {{session_id}}
    percent-encoded (``session_id`` is empty until the agent has given one)."""
    values = {
        "message": quote(message, safe=""),
        "conversation_id": quote(conversation_id, safe=""),
        "session_id": quote(session_id, safe=""),
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), url)


def _json_text(value: str) -> str:
    """``value`` as the content of a JSON string, without the quotes."""
    return json.dumps(value)[1:-1]


def fill_step_value(value: str, credentials: dict[str, str]) -> str:
    """A browser step value with each {{credentials.NAME}} replaced by that secret."""

    def replace(match: re.Match[str]) -> str:
        ref = CREDENTIAL_REF.fullmatch(match.group(1))
        return credentials[ref.group(1)] if ref else match.group(0)

    return PLACEHOLDER.sub(replace, value)


def extract(document: Any, path: str) -> Any:
    """The value at a response path: dict keys and list indices (negative from the end).

    Raises LookupError naming the first segment that is not there.
    """
    current = document
    for segment in path.split("."):
        if isinstance(current, dict) and segment in current:
            current = current[segment]
        elif isinstance(current, list) and _index(segment, len(current)) is not None:
            current = current[int(segment)]
        else:
            raise LookupError(f"the response has nothing at '{segment}' of '{path}'")
    return current


def _index(segment: str, length: int) -> int | None:
    if not re.fullmatch(r"-?\d+", segment):
        return None
    index = int(segment)
    return index if -length <= index < length else None
