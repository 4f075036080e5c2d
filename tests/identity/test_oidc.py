"""Google (OpenID Connect) sign-in against a real provider on loopback: the happy path up to
the session (through TOTP), and every check of the protocol: state bound to the browser,
single-use state and code, PKCE, the ID token's signature, issuer, audience, expiry and
nonce."""

from __future__ import annotations

import time
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette

from tests.identity.flows import (
    BEGIN,
    CONFIRM,
    VIEWER,
    Browser,
    browser_for,
    code_at,
    early_in_a_step,
)
from tests.identity.oidc_flows import (
    CALLBACK,
    fragment,
    new_person,
    refusal,
    sign_in_with_google,
    signup_query,
    to_provider,
    traces,
)
from tests.identity.oidc_provider import CLIENT_ID, REMOVE, OidcProvider, s256
from tests.mail.smtp_server import SmtpServer

STATE_INVALID = ("STATE_INVALID", "this sign-in has expired, was already completed, or was "
                 "started in another browser: start signing in again")
ID_TOKEN_INVALID = ("ID_TOKEN_INVALID", "the sign-in provider's answer failed Assay's checks, "
                    "so nobody was signed in: start signing in again, and tell your Assay "
                    "operator if it keeps failing")


def set_cookie(response: httpx.Response, name: str) -> dict[str, str]:
    [header] = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    morsel = SimpleCookie(header)[name]
    return {"value": morsel.value, **{k: str(v) for k, v in morsel.items() if v}}


async def test_signing_up_with_google_gives_a_challenge_and_totp_then_the_session(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()

    trip = await sign_in_with_google(guest, signup_query("Grace's Lab"))

    outcome = trip.outcome
    assert sorted(outcome) == ["challenge", "expiresAt", "totpEnrollmentRequired"]
    assert (len(outcome["challenge"]), outcome["totpEnrollmentRequired"]) == (43, "true")
    assert guest.session_token is None  # the provider replaces the password, not TOTP
    user = await owner_db.fetchrow(
        "SELECT id, password_hash, email_verified_at IS NOT NULL AS verified, display_name "
        "FROM users WHERE email = $1", person.email)
    assert (user["password_hash"], user["verified"], user["display_name"]) == (
        None, True, "Ada Lovelace")
    identity = await owner_db.fetchrow(
        "SELECT issuer, subject, user_id FROM oidc_identities WHERE user_id = $1", user["id"])
    assert dict(identity) == {"issuer": google.issuer, "subject": person.subject,
                              "user_id": user["id"]}
    assert await owner_db.fetchval(
        "SELECT method FROM login_challenges WHERE user_id = $1", user["id"]) == "oidc"

    begun = await guest.result(BEGIN, {"challenge": outcome["challenge"]})
    await early_in_a_step()
    confirmed = await guest.result(CONFIRM, {"challenge": outcome["challenge"],
                                             "code": code_at(begun["secret"])})
    assert confirmed["__typename"] == "ConfirmTotpEnrollmentSuccess"
    viewer = await guest.result(VIEWER)
    assert (viewer["kind"], viewer["role"]) == ("USER", "OWNER")
    org = await owner_db.fetchrow(
        "SELECT o.id, o.name FROM organizations o JOIN memberships m ON m.organization_id = o.id"
        " WHERE m.user_id = $1", user["id"])
    assert org["name"] == "Grace's Lab"
    trail = await owner_db.fetch(
        "SELECT action, details FROM audit_events WHERE organization_id = $1 ORDER BY seq",
        org["id"])
    assert [e["action"] for e in trail] == [
        "organization.create", "project.create", "user.sign_up", "auth.oidc_accepted",
        "auth.totp_enrollment_started", "auth.totp_enrolled", "auth.login"]
    assert '"method": "oidc"' in trail[2]["details"]


async def test_the_provider_is_asked_with_state_nonce_and_pkce_s256(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = new_person()

    trip = await sign_in_with_google(guest, signup_query())

    asked, redeemed, issued = (google.authorize_requests[-1], google.token_requests[-1],
                               google.issued[-1])
    assert sorted(asked) == ["client_id", "code_challenge", "code_challenge_method", "nonce",
                             "redirect_uri", "response_type", "scope", "state"]
    assert (asked["client_id"], asked["redirect_uri"], asked["response_type"],
            asked["scope"], asked["code_challenge_method"]) == (
        CLIENT_ID, CALLBACK, "code", "openid email profile", "S256")
    assert len({asked["state"], asked["nonce"], asked["code_challenge"]}) == 3
    assert [len(asked[k]) for k in ("state", "nonce", "code_challenge")] == [43, 43, 43]
    # The secret goes in the Basic header, the verifier in the body; the nonce comes back.
    assert sorted(redeemed) == ["code", "code_verifier", "grant_type", "redirect_uri"]
    assert s256(redeemed["code_verifier"]) == asked["code_challenge"]
    assert issued["nonce"] == asked["nonce"]
    assert "challenge" in trip.outcome


async def test_the_binding_cookie_is_httponly_lax_secure_and_short_lived(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = new_person()

    trip = await sign_in_with_google(guest, signup_query())

    cookie = set_cookie(trip.start, "assay_oidc")
    assert len(cookie.pop("value")) == 43
    assert cookie == {"httponly": "True", "max-age": "600", "path": "/auth/oidc/",
                      "samesite": "lax", "secure": "True"}
    assert trip.callback is not None
    cleared = set_cookie(trip.callback, "assay_oidc")
    assert (cleared["value"], cleared["max-age"]) == ("", "0")
    for response in (trip.start, trip.callback):
        assert (response.headers["cache-control"], response.headers["referrer-policy"]) == (
            "no-store", "no-referrer")


async def test_a_wrong_state_is_refused_and_the_real_one_still_works(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    trip = await to_provider(guest, signup_query())
    real = trip.callback_path
    forged = real.replace("state=", "state=x")

    refused = await guest.http.get(forged)
    after_refusal = await traces(owner_db, person.email)
    accepted = await guest.http.get(real)

    assert refusal(dict(_fragment(refused))) == STATE_INVALID
    assert after_refusal == {"users": 0, "identities": 0, "challenges": 0}
    assert "challenge" in _fragment(accepted)


async def test_a_callback_opened_in_another_browser_is_refused(
    guest: Browser, app_with_google: Starlette, mailbox: SmtpServer, google: OidcProvider,
    owner_db: asyncpg.Connection,
) -> None:
    google.person = person = new_person()
    trip = await to_provider(guest, signup_query())

    async with browser_for(app_with_google, mailbox) as victim:  # login CSRF: a lured browser
        lured = await victim.http.get(trip.callback_path)
    after = await traces(owner_db, person.email)
    own = await guest.http.get(trip.callback_path)

    assert refusal(_fragment(lured)) == STATE_INVALID
    assert after == {"users": 0, "identities": 0, "challenges": 0}
    assert "challenge" in _fragment(own)


async def test_a_replayed_callback_is_refused(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    trip = await sign_in_with_google(guest, signup_query())
    await guest.http.get("/auth/oidc/google/start")  # the cookie is back, for a new sign-in

    replayed = await guest.http.get(trip.callback_path)

    assert "challenge" in trip.outcome
    assert refusal(_fragment(replayed)) == STATE_INVALID
    assert await traces(owner_db, person.email) == {"users": 1, "identities": 1,
                                                    "challenges": 1}


async def test_a_code_is_redeemed_once_and_only_with_its_verifier(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    first = await sign_in_with_google(guest, signup_query())
    used_code = _query(first.callback_path)["code"]
    unused = await to_provider(guest, signup_query())  # its code is never redeemed
    second = await to_provider(guest, signup_query())  # this browser's verifier is now its

    reused = await guest.http.get(_with_code(second.callback_path, used_code))
    third = await to_provider(guest, signup_query())
    foreign_verifier = await guest.http.get(
        _with_code(third.callback_path, _query(unused.callback_path)["code"]))

    rejected = ("CODE_REJECTED", "the sign-in provider did not accept this sign-in (it may "
                "have been used already or have expired): start again")
    assert refusal(_fragment(reused)) == rejected
    assert refusal(_fragment(foreign_verifier)) == rejected
    assert [r["code"] for r in google.token_requests[-2:]] == [
        used_code, _query(unused.callback_path)["code"]]
    assert await traces(owner_db, person.email) == {"users": 1, "identities": 1,
                                                    "challenges": 1}


def _now() -> int:
    return int(time.time())


BROKEN_TOKENS: dict[str, Any] = {
    "wrong audience": lambda: {"aud": "another-client"},
    "two audiences, no azp": lambda: {"aud": [CLIENT_ID, "another-client"]},
    "azp of another client": lambda: {"azp": "another-client"},
    "wrong issuer": lambda: {"iss": "https://accounts.evil.example"},
    "expired": lambda: {"exp": _now() - 120},
    "no expiry": lambda: {"exp": REMOVE},
    "issued in the future": lambda: {"iat": _now() + 600},
    "not valid yet": lambda: {"nbf": _now() + 600},
    "wrong nonce": lambda: {"nonce": "a-nonce-from-another-sign-in"},
    "no nonce": lambda: {"nonce": REMOVE},
    "no subject": lambda: {"sub": REMOVE},
}


@pytest.mark.parametrize("broken", sorted(BROKEN_TOKENS))
async def test_an_id_token_failing_a_check_signs_nobody_in(
    broken: str, guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    google.overrides = BROKEN_TOKENS[broken]()

    trip = await sign_in_with_google(guest, signup_query())

    assert refusal(trip.outcome) == ID_TOKEN_INVALID
    assert await traces(owner_db, person.email) == {"users": 0, "identities": 0,
                                                    "challenges": 0}


@pytest.mark.parametrize("signer", ["stranger_signs", "shared_secret_signs"])
async def test_an_id_token_not_signed_by_a_published_key_signs_nobody_in(
    signer: str, guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    setattr(google, signer, True)

    trip = await sign_in_with_google(guest, signup_query())

    assert refusal(trip.outcome) == ID_TOKEN_INVALID
    assert await traces(owner_db, person.email) == {"users": 0, "identities": 0,
                                                    "challenges": 0}


async def test_a_token_within_the_clock_skew_is_accepted(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = new_person()
    google.overrides = {"exp": _now() - 20, "aud": [CLIENT_ID, "other"], "azp": CLIENT_ID}

    trip = await sign_in_with_google(guest, signup_query())

    assert trip.outcome["totpEnrollmentRequired"] == "true"


async def test_a_cancelled_sign_in_at_the_provider_is_reported(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = None
    redeemed_before = len(google.token_requests)

    trip = await sign_in_with_google(guest, signup_query())

    assert refusal(trip.outcome) == (
        "PROVIDER_REFUSED", "the sign-in provider did not sign you in (you may have "
        "cancelled): start again, or sign in with your email and password")
    assert len(google.token_requests) == redeemed_before


async def test_an_unknown_provider_is_not_found(guest: Browser) -> None:
    response = await guest.http.get("/auth/oidc/github/start")

    body = response.json()
    assert response.status_code == 404
    assert body["errors"][0]["message"] == (
        "this Assay server offers no sign-in with 'github': check the link, or sign in with "
        "your email and password")
    assert body["errors"][0]["extensions"]["code"] == "OIDC_NOT_CONFIGURED"


async def test_without_configuration_google_sign_in_is_not_offered(
    browser: Browser
) -> None:
    response = await browser.http.get("/auth/oidc/google/start")

    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "OIDC_NOT_CONFIGURED"


async def test_a_stale_session_cookie_does_not_stop_a_sign_in(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = new_person()
    guest.http.cookies.set("assay_session", "an-ended-session", domain="testserver")

    trip = await sign_in_with_google(guest, signup_query())

    assert trip.start.status_code == 302
    assert "challenge" in trip.outcome


def _fragment(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 303, response.text
    return fragment(response.headers["location"])


def _query(path: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(path).query))


def _with_code(path: str, code: str) -> str:
    query = _query(path) | {"code": code}
    return f"{urlsplit(path).path}?{urlencode(query)}"
