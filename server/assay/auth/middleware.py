"""Authenticates each HTTP request once: API key (Bearer) or session cookie.

A presented but invalid credential is refused with 401 and a JSON error; no credential
means an anonymous request (only public fields answer it). Session timeouts come from the
settings the application was built with.
"""

from __future__ import annotations

import json
from http.cookies import SimpleCookie
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from assay.auth import api_keys, sessions
from assay.auth.principal import Principal
from assay.settings import Settings

#: Paths this middleware leaves alone: the sign-in redirects (browser navigations to and
#: from a provider) authenticate nobody, and SCIM (assay.scim.api) checks its own tokens.
OWN_AUTHENTICATION = ("/auth/oidc/", "/scim/v2")


class InvalidCredential(Exception):
    pass


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


async def authenticate(
    scope: Scope, timeouts: sessions.Timeouts | None = None
) -> Principal | None:
    headers = _headers(scope)
    request_id = scope.get("assay.request_id", "")
    ip = scope.get("assay.client_ip", "")
    authorization = headers.get("authorization")
    if authorization:
        kind, _, token = authorization.partition(" ")
        if kind.lower() != "bearer" or not token:
            raise InvalidCredential("send the API key as 'Authorization: Bearer <key>'")
        principal = await api_keys.authenticate(token.strip(), request_id=request_id, ip=ip)
        if principal is None:
            raise InvalidCredential("the API key is invalid, expired or revoked")
        return principal
    cookie = SimpleCookie(headers.get("cookie", "")).get(sessions.COOKIE)
    if cookie is not None:
        try:
            principal = await sessions.authenticate(
                cookie.value, headers.get(sessions.ORG_HEADER), timeouts
            )
        except sessions.NoOrganization as exc:
            raise InvalidCredential(str(exc)) from None
        if principal is None:
            raise InvalidCredential("your session has ended: sign in again")
        return principal
    return None


class AuthenticationMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings | None = None) -> None:
        self.app = app
        self.timeouts = sessions.Timeouts.of(settings) if settings else sessions.Timeouts()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(OWN_AUTHENTICATION):
            # Websockets authenticate at connection_init (assay.graphql.websocket): browsers
            # cannot set headers on them, and a refusal is a close code, not a 401 response.
            # The sign-in redirects (assay.identity.oidc_routes) act for nobody: a stale or
            # multi-organization cookie must not turn a browser's navigation into a 401.
            # SCIM's bearer tokens are not API keys: /scim/v2 answers its own 401s.
            await self.app(scope, receive, send)
            return
        try:
            scope["assay.principal"] = await authenticate(scope, self.timeouts)
        except InvalidCredential as exc:
            await _send_json(send, 401, {"errors": [
                {"message": str(exc), "extensions": {
                    "code": "UNAUTHENTICATED", "requestId": scope.get("assay.request_id", "")}}]})
            return
        await self.app(scope, receive, send)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})
