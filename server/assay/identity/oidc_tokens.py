"""The authorization-code exchange and the ID token's checks (OpenID Connect Core §3.1.3).

The code is exchanged at the token endpoint with the PKCE verifier and the client's
secret; the ID token that comes back is accepted only if its signature verifies with one
of the provider's published keys (RS256/ES256/PS256 only), ``iss`` is the configured
issuer, ``aud`` holds the client id (``azp`` too when there are several audiences),
``exp``/``iat``/``nbf`` hold with a minute of clock skew, and ``nonce`` is the one this
sign-in sent.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

import httpx
from authlib.oauth2.rfc6749.parameters import (  # type: ignore[import-untyped]
    prepare_token_request,
)
from joserfc import jws, jwt
from joserfc.errors import JoseError

from assay.identity.oidc_errors import CODE_REJECTED, OidcFailed, id_token_invalid
from assay.identity.oidc_metadata import HTTP_TIMEOUT_SECONDS, Metadata, signing_keys, unavailable
from assay.settings import OidcProvider

log = logging.getLogger("assay.identity")

CLOCK_SKEW_SECONDS = 60
MAX_SUBJECT_LENGTH = 255


@dataclass(frozen=True)
class IdentityClaims:
    """What Assay takes from a verified ID token."""

    issuer: str
    subject: str
    email: str
    email_verified: bool
    name: str


def _client_auth(provider: OidcProvider, meta: Metadata
                 ) -> tuple[httpx.BasicAuth | None, str]:
    """HTTP Basic (id and secret form-encoded first, RFC 6749 §2.3.1) or body parameters."""
    secret = provider.client_secret.reveal()
    if meta.token_auth_method == "client_secret_basic":
        return httpx.BasicAuth(quote_plus(provider.client_id), quote_plus(secret)), ""
    return None, urlencode({"client_id": provider.client_id, "client_secret": secret})


async def exchange_code(
    provider: OidcProvider, meta: Metadata, *, code: str, redirect_uri: str, verifier: str
) -> str:
    """The ID token the token endpoint gives for ``code`` (raw, not yet checked)."""
    body: str = prepare_token_request("authorization_code", code=code,
                                      redirect_uri=redirect_uri, code_verifier=verifier)
    auth, extra = _client_auth(provider, meta)
    if extra:
        body = f"{body}&{extra}"
    try:
        async with httpx.AsyncClient(timeout=HTTP_TIMEOUT_SECONDS, auth=auth) as client:
            response = await client.post(
                meta.token_endpoint, content=body,
                headers={"content-type": "application/x-www-form-urlencoded",
                         "accept": "application/json"})
    except httpx.HTTPError as exc:
        raise unavailable(f"the token request failed: {type(exc).__name__}") from None
    answer = _json(response)
    if response.status_code in (400, 401):
        log.info("the token endpoint refused a code: %s", str(answer.get("error", ""))[:64])
        raise OidcFailed(CODE_REJECTED, "the sign-in provider did not accept this sign-in "
                         "(it may have been used already or have expired): start again")
    if response.status_code != 200:
        raise unavailable(f"the token endpoint answered {response.status_code}")
    id_token = answer.get("id_token")
    if not isinstance(id_token, str) or not id_token:
        raise unavailable("the token endpoint gave no ID token (is the openid scope allowed?)")
    return id_token


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _refuse(reason: str) -> OidcFailed:
    log.warning("an ID token was refused: %s", reason)
    return id_token_invalid()


def _audience_ok(claims: dict[str, Any], client_id: str) -> bool:
    audience = claims.get("aud")
    audiences = [audience] if isinstance(audience, str) else audience
    if not isinstance(audiences, list) or client_id not in audiences:
        return False
    azp = claims.get("azp")
    if azp is not None or len(audiences) > 1:
        return azp == client_id
    return True


def _claims_registry(provider: OidcProvider) -> jwt.JWTClaimsRegistry:
    return jwt.JWTClaimsRegistry(
        leeway=CLOCK_SKEW_SECONDS,
        iss={"essential": True, "value": provider.issuer},
        sub={"essential": True},
        aud={"essential": True, "value": provider.client_id},
        exp={"essential": True},
        iat={"essential": True},
    )


async def verified_claims(
    provider: OidcProvider, meta: Metadata, id_token: str, nonce: str
) -> IdentityClaims:
    """The token's identity, or ID_TOKEN_INVALID (the reason goes to the log only)."""
    try:
        kid = jws.extract_compact(id_token.encode()).protected.get("kid")
    except (JoseError, ValueError):
        raise _refuse("not a compact JWS") from None
    keys = await signing_keys(meta, kid if isinstance(kid, str) else None)
    try:
        token = jwt.decode(id_token, keys, algorithms=list(meta.algorithms))
        claims: dict[str, Any] = dict(token.claims)
        _claims_registry(provider).validate(claims)
    except JoseError as exc:
        raise _refuse(f"{type(exc).__name__}: {exc.error}") from None
    if not _audience_ok(claims, provider.client_id):
        raise _refuse("the audience (or azp) is not this client")
    sent = claims.get("nonce")
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), nonce.encode()):
        raise _refuse("the nonce is not the one this sign-in sent")
    subject = claims["sub"]
    if not isinstance(subject, str) or len(subject) > MAX_SUBJECT_LENGTH:
        raise _refuse("the subject is not a string of at most 255 characters")
    email = claims.get("email")
    name = claims.get("name")
    return IdentityClaims(
        issuer=provider.issuer,
        subject=subject,
        email=email.strip().lower() if isinstance(email, str) else "",
        # Some providers send the string "true"; anything else is not a verification.
        email_verified=claims.get("email_verified") in (True, "true"),
        name=name.strip()[:200] if isinstance(name, str) else "",
    )
