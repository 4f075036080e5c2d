"""Building one conversation's requests: URL, body, headers, and the redacted record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from assay.connections.templates import render_body, render_url
from assay.connectors.http_redaction import SECRET, Redactor
from assay.connectors.http_response import RECORD_LIMIT
from assay.connectors.http_target import HttpTarget, config_error

#: Stands for a credential in a URL until the URL is shown ("[secret]" would be encoded).
_MARKER = "ASSAYSECRETMARKER"


@dataclass(frozen=True)
class Prepared:
    """A request ready to send: the real URL, the URL as shown (redacted), and the body."""

    url: httpx.URL
    shown_url: str
    body: str | None


@dataclass(frozen=True)
class Turn:
    """What the templates are filled with for one message."""

    message: str
    history: list[dict[str, str]]
    conversation_id: str
    session_id: str


class RequestBuilder:
    """Fills a target's templates and adds its credentials."""

    def __init__(self, target: HttpTarget, credentials: Mapping[str, str], redactor: Redactor,
                 user_agent: str) -> None:
        self.target = target
        self._credentials = dict(credentials)
        self._redactor = redactor
        self._user_agent = user_agent

    def prepare(self, turn: Turn) -> Prepared:
        """Raises ConnectorError CONFIGURATION when the filled-in URL is not valid."""
        target = self.target
        url = render_url(target.url, message=turn.message, conversation_id=turn.conversation_id,
                         session_id=turn.session_id)
        try:
            real = shown = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise config_error(f"the connection's URL is not valid once filled in ({exc}): "
                               "check the url") from None
        if target.auth_type == "API_KEY_QUERY" and target.query_param:
            real = real.copy_add_param(target.query_param, self.credential("auth"))
            shown = shown.copy_add_param(target.query_param, _MARKER)
        shown_url = self._redactor.text(str(shown)).replace(_MARKER, SECRET)
        return Prepared(url=real, shown_url=shown_url, body=self._body(turn))

    def _body(self, turn: Turn) -> str | None:
        target = self.target
        if target.body_template is None or target.method == "GET":
            return None
        conversation = [*turn.history, {"role": "user", "content": turn.message}]
        return render_body(target.body_template, message=turn.message,
                           conversation=conversation, conversation_id=turn.conversation_id,
                           session_id=turn.session_id)

    def credential(self, name: str) -> str:
        """Raises ConnectorError CONFIGURATION when the credential is not set."""
        value = self._credentials.get(name)
        if not value:
            raise config_error(f"the connection's credential '{name}' is not set: set it "
                               "on the connection, then run again")
        return value

    def headers(self, with_secrets: bool, has_body: bool) -> httpx.Headers:
        """The request headers; secret ones only when ``with_secrets`` (same origin)."""
        headers = httpx.Headers({"User-Agent": self._user_agent})
        if has_body:
            headers["Content-Type"] = "application/json"
        for name, value in self.target.headers:
            headers[name] = value
        if with_secrets:
            for name, value in self._secret_headers():
                headers[name] = value
        return headers

    def _secret_headers(self) -> list[tuple[str, str]]:
        target = self.target
        found = [(name, self.credential(f"header:{name}")) for name in target.secret_headers]
        if target.auth_type == "BEARER":
            found.append(("Authorization", f"Bearer {self.credential('auth')}"))
        elif target.auth_type == "API_KEY_HEADER" and target.auth_header:
            found.append((target.auth_header, self.credential("auth")))
        return found

    def record(self, prepared: Prepared) -> dict[str, Any]:
        """The request as an Exchange records it: redacted, the body cut at RECORD_LIMIT."""
        headers = self.headers(True, prepared.body is not None)
        body = self._redactor.text(prepared.body) if prepared.body is not None else None
        return {"method": self.target.method, "url": prepared.shown_url,
                "headers": self._redactor.headers(headers),
                "body": None if body is None else body[:RECORD_LIMIT]}
