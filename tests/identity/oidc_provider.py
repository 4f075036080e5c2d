"""An OpenID Connect provider on loopback for the tests: discovery, JWKS, authorize, token.

It behaves like a real provider (Google's endpoints do the same things): the authorization
endpoint checks the client, the redirect URI, the scope and the PKCE challenge, "signs in"
the person the test chose and redirects back with a single-use code bound to that person,
the nonce and the challenge; the token endpoint authenticates the client (HTTP Basic or
form parameters), redeems the code once, checks the PKCE verifier and returns an ID token
signed with RS256 under the key it publishes at ``/jwks``. Tests can make it misbehave:
change claims of the ID tokens it issues, or sign them with a key it does not publish.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urlencode

from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.graphql_ws import serving

CLIENT_ID = "assay-test-client"
CLIENT_SECRET = "assay-test-secret: not a real one"
KEY_ID = "test-key-1"
#: A claim override with this value removes the claim from the ID token.
REMOVE = object()


@dataclass
class Person:
    """Who is signed in at the provider."""

    subject: str
    email: str
    email_verified: bool = True
    name: str = "Ada Lovelace"


@dataclass
class _Grant:
    person: Person
    redirect_uri: str
    nonce: str | None
    challenge: str


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass
class OidcProvider:
    redirect_uris: list[str]
    issuer: str = ""
    #: The person the next authorization signs in; None = the person cancels (access_denied).
    person: Person | None = None
    #: Claims to change in the ID tokens issued (``REMOVE`` drops one).
    overrides: dict[str, Any] = field(default_factory=dict)
    #: Sign ID tokens with a key that is not published (same key id).
    stranger_signs: bool = False
    #: Sign ID tokens with HS256 under the client secret (which OIDC permits, Assay not).
    shared_secret_signs: bool = False
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    issued: list[dict[str, Any]] = field(default_factory=list)
    _codes: dict[str, _Grant] = field(default_factory=dict)
    _key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(
        2048, parameters={"kid": KEY_ID, "use": "sig", "alg": "RS256"}))
    _stranger: RSAKey = field(default_factory=lambda: RSAKey.generate_key(
        2048, parameters={"kid": KEY_ID}))

    def reset(self) -> None:
        """Back to good behaviour, nobody signed in."""
        self.person, self.overrides = None, {}
        self.stranger_signs = self.shared_secret_signs = False

    # --- endpoints ------------------------------------------------------------------

    async def discovery(self, request: Request) -> Response:
        return JSONResponse({
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                      "client_secret_post"],
            "code_challenge_methods_supported": ["plain", "S256"],
            "claims_supported": ["sub", "email", "email_verified", "name", "nonce"],
        })

    async def jwks(self, request: Request) -> Response:
        return JSONResponse(KeySet([self._key]).as_dict(private=False))

    async def authorize(self, request: Request) -> Response:
        query = dict(request.query_params)
        self.authorize_requests.append(query)
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != CLIENT_ID or redirect_uri not in self.redirect_uris:
            return JSONResponse({"error": "invalid_client"}, status_code=400)
        back = {"state": query["state"]} if "state" in query else {}
        problem = None
        if query.get("response_type") != "code" or "openid" not in query.get("scope", "") or (
            query.get("code_challenge_method") != "S256" or not query.get("code_challenge")
        ):
            problem = "invalid_request"
        elif self.person is None:
            problem = "access_denied"
        if problem is not None:
            return RedirectResponse(f"{redirect_uri}?{urlencode({'error': problem, **back})}",
                                    status_code=302)
        assert self.person is not None
        code = secrets.token_urlsafe(24)
        self._codes[code] = _Grant(self.person, redirect_uri, query.get("nonce"),
                                   query["code_challenge"])
        return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, **back})}",
                                status_code=302)

    def _client_authenticated(self, request: Request, form: dict[str, str]) -> bool:
        header = request.headers.get("authorization", "")
        if header.startswith("Basic "):
            raw = base64.b64decode(header.removeprefix("Basic ")).decode()
            client_id, _, secret = raw.partition(":")
            return (unquote_plus(client_id), unquote_plus(secret)) == (CLIENT_ID,
                                                                       CLIENT_SECRET)
        return (form.get("client_id"), form.get("client_secret")) == (CLIENT_ID, CLIENT_SECRET)

    async def token(self, request: Request) -> Response:
        if request.headers.get("content-type") != "application/x-www-form-urlencoded":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        self.token_requests.append(form)
        if not self._client_authenticated(request, form):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = self._codes.pop(form.get("code", ""), None)  # a code is redeemed once
        if (
            form.get("grant_type") != "authorization_code" or grant is None
            or form.get("redirect_uri") != grant.redirect_uri
            or s256(form.get("code_verifier", "")) != grant.challenge
        ):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        return JSONResponse({"access_token": secrets.token_urlsafe(24), "token_type": "Bearer",
                             "expires_in": 3600, "scope": "openid email profile",
                             "id_token": self._id_token(grant)})

    def _id_token(self, grant: _Grant) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer, "sub": grant.person.subject, "aud": CLIENT_ID, "iat": now,
            "exp": now + 300, "email": grant.person.email,
            "email_verified": grant.person.email_verified, "name": grant.person.name,
        }
        if grant.nonce is not None:
            claims["nonce"] = grant.nonce
        for name, value in self.overrides.items():
            if value is REMOVE:
                claims.pop(name, None)
            else:
                claims[name] = value
        self.issued.append(claims)
        if self.shared_secret_signs:
            return jwt.encode({"alg": "HS256"}, claims, OctKey.import_key(CLIENT_SECRET))
        key = self._stranger if self.stranger_signs else self._key
        return jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, key)

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/.well-known/openid-configuration", self.discovery),
            Route("/jwks", self.jwks),
            Route("/authorize", self.authorize),
            Route("/token", self.token, methods=["POST"]),
        ])


@asynccontextmanager
async def running_provider(redirect_uris: list[str]) -> AsyncIterator[OidcProvider]:
    """The provider served over HTTP on a loopback port until the block ends."""
    provider = OidcProvider(redirect_uris=redirect_uris)
    async with serving(provider.app()) as address:
        provider.issuer = f"http://{address}"
        yield provider
