"""Signing in with an OpenID Connect provider (Google): authorization code flow with PKCE.

``start`` records the sign-in under the hash of a random ``state`` and hands the browser a
second random value (an HttpOnly cookie) that the state is bound to; the PKCE verifier is
derived from that cookie, so the server stores no usable secret and a callback URL opened
in another browser (login CSRF) gets nowhere. ``finish`` consumes the state once, exchanges
the code, checks the ID token (``oidc_tokens``), finds or opens the account
(``oidc_accounts``) and returns a sign-in challenge, exactly what ``logIn`` returns:
the provider replaces the password, never the TOTP step.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from authlib.oauth2.rfc6749.parameters import prepare_grant_uri  # type: ignore[import-untyped]
from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]

from assay.auth.models import OidcLogin
from assay.identity import challenges, totp
from assay.identity.login import Started
from assay.identity.oidc_accounts import SIGN_UP, account_for
from assay.identity.oidc_errors import (
    INVALID_REQUEST,
    NOT_CONFIGURED,
    PROVIDER_REFUSED,
    OidcFailed,
    state_invalid,
)
from assay.identity.oidc_metadata import metadata
from assay.identity.oidc_tokens import exchange_code, verified_claims
from assay.identity.tokens import new_token, token_hash
from assay.identity.trail import Origin, record_for_user
from assay.organizations import service as organizations
from assay.settings import OidcProvider, Settings

#: How long the person may spend at the provider before the sign-in must start again.
LIFETIME = timedelta(minutes=10)
SCOPE = "openid email profile"
INTENTS = ("login", SIGN_UP)


@dataclass(frozen=True)
class Redirect:
    """Where to send the browser, and the value of its binding cookie."""

    url: str
    browser_secret: str


def provider_named(settings: Settings, name: str) -> OidcProvider:
    provider = settings.oidc
    if provider is None or provider.name != name:
        raise OidcFailed(NOT_CONFIGURED, f"this Assay server offers no sign-in with {name!r}: "
                         "check the link, or sign in with your email and password")
    return provider


def callback_url(settings: Settings, provider: OidcProvider) -> str:
    """Registered with the provider; built from ASSAY_PUBLIC_URL, never from a request."""
    return f"{settings.public_url}/auth/oidc/{provider.name}/callback"


def return_url(settings: Settings, provider: OidcProvider) -> str:
    return provider.return_url or f"{settings.public_url}/sign-in/oidc"


def _derived(browser_secret: str, purpose: str) -> str:
    """A value only the holder of the browser's cookie can compute (43 URL-safe chars)."""
    digest = hashlib.sha256(f"assay:oidc:{purpose}|{browser_secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


async def start(
    settings: Settings, provider: OidcProvider, *, intent: str, organization_name: str
) -> Redirect:
    """Record a sign-in and the provider URL it continues at."""
    if intent not in INTENTS:
        raise OidcFailed(INVALID_REQUEST, "intent must be login or signup")
    name = ""
    if intent == SIGN_UP:
        name = organizations.check_name(organization_name, "organizationName")
    meta = await metadata(provider)
    state, browser_secret, nonce = new_token(), new_token(), new_token()
    await OidcLogin.create(
        state_hash=token_hash(state), browser_hash=token_hash(browser_secret), nonce=nonce,
        intent=intent, organization_name=name, expires_at=datetime.now(UTC) + LIFETIME)
    url: str = prepare_grant_uri(
        meta.authorization_endpoint, provider.client_id, "code",
        redirect_uri=callback_url(settings, provider), scope=SCOPE, state=state, nonce=nonce,
        code_challenge=create_s256_code_challenge(_derived(browser_secret, "pkce")),
        code_challenge_method="S256")
    return Redirect(url=url, browser_secret=browser_secret)


async def _consume(state: str, browser_secret: str) -> OidcLogin:
    """The sign-in ``state`` names, used up; only from the browser that started it."""
    if not state or not browser_secret:
        raise state_invalid()
    attempt = await OidcLogin.get_or_none(state_hash=token_hash(state))
    if attempt is None or not hmac.compare_digest(attempt.browser_hash,
                                                  token_hash(browser_secret)):
        raise state_invalid()
    now = datetime.now(UTC)
    used = await OidcLogin.filter(id=attempt.id, used_at=None, expires_at__gt=now).update(
        used_at=now)
    if not used:
        raise state_invalid()
    return attempt


async def finish(
    settings: Settings, provider: OidcProvider, *, state: str, code: str, error: str,
    browser_secret: str, origin: Origin,
) -> Started:
    """Complete the provider's half of a sign-in; the result still needs a TOTP code."""
    attempt = await _consume(state, browser_secret)
    if error or not code:
        raise OidcFailed(PROVIDER_REFUSED, "the sign-in provider did not sign you in (you may "
                         "have cancelled): start again, or sign in with your email and password")
    meta = await metadata(provider)
    id_token = await exchange_code(provider, meta, code=code,
                                   redirect_uri=callback_url(settings, provider),
                                   verifier=_derived(browser_secret, "pkce"))
    claims = await verified_claims(provider, meta, id_token, attempt.nonce)
    user = await account_for(claims, intent=attempt.intent,
                             organization_name=attempt.organization_name, origin=origin)
    factor = await totp.factor_of(user.id)
    token, challenge = await challenges.create(user.id, method="oidc", ip=origin.ip)
    await record_for_user(user.id, "auth.oidc_accepted", origin, {"issuer": provider.issuer})
    return Started(token, challenge.expires_at,
                   enrollment_required=factor is None or factor.confirmed_at is None)
