"""What an OpenID Connect provider publishes: its discovery document and its signing keys.

Both are fetched over HTTP from the configured issuer and kept for an hour. The discovery
document must name exactly the configured issuer (OpenID Connect Discovery §4.3), or a
look-alike document could point the sign-in at someone else's endpoints. The keys are
fetched again at once when an ID token names a key id the cached set lacks (the provider
rotated its keys).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from assay.identity.oidc_errors import PROVIDER_UNAVAILABLE, OidcFailed
from assay.settings import OidcProvider

log = logging.getLogger("assay.identity")

CACHE_SECONDS = 3600
HTTP_TIMEOUT_SECONDS = 10
#: Signature algorithms accepted on ID tokens (never "none", never a shared-secret HMAC).
ALGORITHMS = ("RS256", "ES256", "PS256")


@dataclass(frozen=True)
class Metadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    #: "client_secret_basic" or "client_secret_post", as the provider supports.
    token_auth_method: str
    algorithms: tuple[str, ...]


_documents: dict[str, tuple[float, Metadata]] = {}
_key_sets: dict[str, tuple[float, KeySet]] = {}


def unavailable(detail: str) -> OidcFailed:
    log.warning("the OpenID Connect provider is unusable: %s", detail)
    return OidcFailed(PROVIDER_UNAVAILABLE, "the sign-in provider could not be reached or "
                      "answered wrongly: try again in a few minutes, and tell your Assay "
                      "operator if it keeps failing")


def _endpoint(document: dict[str, Any], name: str, issuer: str) -> str:
    """An endpoint URL over https (or plain http to a loopback issuer's own host)."""
    value = document.get(name)
    parts = urlsplit(value) if isinstance(value, str) else None
    issuer_parts = urlsplit(issuer)
    if parts is None or not parts.hostname:
        raise unavailable(f"the discovery document lacks {name}")
    if parts.scheme != "https" and not (
        parts.scheme == "http" and issuer_parts.scheme == "http"
        and parts.hostname == issuer_parts.hostname
    ):
        raise unavailable(f"{name} is not an https URL")
    return str(value)


def _metadata(document: dict[str, Any], provider: OidcProvider) -> Metadata:
    if document.get("issuer") != provider.issuer:
        raise unavailable("the discovery document names another issuer")
    challenge_methods = document.get("code_challenge_methods_supported")
    if isinstance(challenge_methods, list) and "S256" not in challenge_methods:
        raise unavailable("the provider does not support PKCE with S256")
    auth_methods = document.get("token_endpoint_auth_methods_supported")
    if not isinstance(auth_methods, list):
        auth_methods = ["client_secret_basic"]
    if "client_secret_basic" in auth_methods:
        method = "client_secret_basic"
    elif "client_secret_post" in auth_methods:
        method = "client_secret_post"
    else:
        raise unavailable("the token endpoint takes neither client_secret_basic nor _post")
    offered = document.get("id_token_signing_alg_values_supported")
    algorithms = tuple(a for a in ALGORITHMS if not isinstance(offered, list) or a in offered)
    if not algorithms:
        raise unavailable("the provider signs ID tokens with no algorithm Assay accepts")
    return Metadata(
        issuer=provider.issuer,
        authorization_endpoint=_endpoint(document, "authorization_endpoint", provider.issuer),
        token_endpoint=_endpoint(document, "token_endpoint", provider.issuer),
        jwks_uri=_endpoint(document, "jwks_uri", provider.issuer),
        token_auth_method=method,
        algorithms=algorithms,
    )


async def _get_json(url: str) -> dict[str, Any]:
    try:
        async with httpx.AsyncClient(timeout=HTTP_TIMEOUT_SECONDS) as client:
            response = await client.get(url, headers={"accept": "application/json"})
    except httpx.HTTPError as exc:
        raise unavailable(f"GET {url} failed: {type(exc).__name__}") from None
    if response.status_code != 200:
        raise unavailable(f"GET {url} answered {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise unavailable(f"GET {url} did not answer JSON") from None
    if not isinstance(body, dict):
        raise unavailable(f"GET {url} did not answer a JSON object")
    return body


async def metadata(provider: OidcProvider) -> Metadata:
    """The provider's endpoints, from its discovery document (cached for an hour)."""
    cached = _documents.get(provider.issuer)
    if cached is not None and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
    found = _metadata(await _get_json(url), provider)
    _documents[provider.issuer] = (time.monotonic(), found)
    return found


def _has_key(key_set: KeySet, kid: str | None) -> bool:
    return kid is None or any(key.kid == kid for key in key_set.keys)


async def signing_keys(meta: Metadata, kid: str | None) -> KeySet:
    """The provider's public keys; fetched again if none has the key id ``kid``."""
    cached = _key_sets.get(meta.jwks_uri)
    fresh = cached is not None and time.monotonic() - cached[0] < CACHE_SECONDS
    if cached is not None and fresh and _has_key(cached[1], kid):
        return cached[1]
    try:
        key_set = KeySet.import_key_set(await _get_json(meta.jwks_uri))  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError, KeyError):
        raise unavailable("the JWKS document holds no usable keys") from None
    _key_sets[meta.jwks_uri] = (time.monotonic(), key_set)
    return key_set


def forget() -> None:
    """Drop the cached documents and keys (a provider changed under a running process)."""
    _documents.clear()
    _key_sets.clear()
