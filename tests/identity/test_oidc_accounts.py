"""Which account a Google sign-in reaches: the same issuer and subject always the same
account; a verified address links (audited); an unverified one never does; nothing is
opened without an explicit sign-up; TOTP is asked for every time."""

from __future__ import annotations

import json

import asyncpg

from tests.identity.flows import (
    LOG_IN,
    VERIFY_EMAIL,
    VERIFY_TOTP,
    VIEWER,
    Browser,
    code_at,
    early_in_a_step,
    enrolled,
    sign_up,
)
from tests.identity.oidc_flows import (
    new_person,
    refusal,
    sign_in_with_google,
    signup_query,
    traces,
)
from tests.identity.oidc_provider import OidcProvider

NO_ACCOUNT = ("NO_ACCOUNT", "no Assay account is linked to this Google account: sign in with "
              "your email and password, or sign up with Google (naming your organization) or "
              "with your email address")
NOT_VERIFIED = ("EMAIL_NOT_VERIFIED", "the sign-in provider has not verified this email "
                "address, so Assay cannot use it: verify it with the provider first, or sign "
                "up with your email address and a password")


async def finish_with_totp(browser: Browser, challenge: str, secret: str) -> dict[str, str]:
    await early_in_a_step()
    answer = await browser.result(VERIFY_TOTP, {"challenge": challenge,
                                                "code": code_at(secret)})
    assert answer["__typename"] == "VerifyTotpSuccess", answer
    viewer: dict[str, str] = await browser.result(VIEWER)
    return viewer


async def user_id(owner_db: asyncpg.Connection, email: str) -> str:
    return str(await owner_db.fetchval("SELECT id FROM users WHERE email = $1", email))


async def test_the_same_issuer_and_subject_reach_the_same_account_whatever_the_email(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()
    first = await sign_in_with_google(guest, signup_query())
    owner = await user_id(owner_db, person.email)
    google.person = new_person(subject=person.subject)  # same person, a new address

    again = await sign_in_with_google(guest)  # a plain sign-in this time
    signup_again = await sign_in_with_google(guest, signup_query("Another Org"))

    challenged = await owner_db.fetch(
        "SELECT user_id FROM login_challenges WHERE user_id = $1", owner)
    assert "challenge" in first.outcome
    assert again.outcome["totpEnrollmentRequired"] == "true"
    assert "challenge" in signup_again.outcome
    assert len(challenged) == 3
    assert await owner_db.fetchval("SELECT count(*) FROM users WHERE email = $1",
                                   google.person.email) == 0
    assert await owner_db.fetchval(
        "SELECT count(*) FROM memberships WHERE user_id = $1::uuid", owner) == 1
    assert await owner_db.fetchval(
        "SELECT email FROM oidc_identities WHERE subject = $1", person.subject
    ) == google.person.email


async def test_a_verified_address_links_the_existing_account_and_totp_is_still_asked(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(guest)
    guest.http.cookies.clear()
    google.person = new_person(email=user.account.email)

    trip = await sign_in_with_google(guest)

    assert trip.outcome["totpEnrollmentRequired"] == "false"
    assert guest.session_token is None
    viewer = await finish_with_totp(guest, trip.outcome["challenge"], user.secret)
    assert (viewer["kind"], viewer["role"]) == ("USER", "OWNER")
    owner = await user_id(owner_db, user.account.email)
    linked = await owner_db.fetchrow(
        "SELECT details FROM audit_events WHERE action = 'auth.oidc_linked' AND "
        "target_id = $1", owner)
    assert json.loads(linked["details"]) == {"issuer": google.issuer, "password_cleared": False}
    password_still_works = await guest.result(LOG_IN, {"email": user.account.email,
                                                       "password": user.account.password})
    assert password_still_works["__typename"] == "LogInSuccess"


async def test_an_unverified_address_never_links_nor_opens_an_account(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(guest)
    guest.http.cookies.clear()
    google.person = new_person(email=user.account.email, email_verified=False)
    before = await traces(owner_db, user.account.email)

    as_sign_in = await sign_in_with_google(guest)
    as_sign_up = await sign_in_with_google(guest, signup_query())
    google.person = new_person(email_verified=False)
    newcomer = await sign_in_with_google(guest, signup_query())

    assert refusal(as_sign_in.outcome) == NO_ACCOUNT
    assert refusal(as_sign_up.outcome) == NOT_VERIFIED
    assert refusal(newcomer.outcome) == NOT_VERIFIED
    assert await traces(owner_db, user.account.email) == before == {
        "users": 1, "identities": 0, "challenges": 1}
    assert await traces(owner_db, google.person.email) == {
        "users": 0, "identities": 0, "challenges": 0}


async def test_without_a_sign_up_an_unknown_person_gets_no_account(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person()

    trip = await sign_in_with_google(guest)

    assert refusal(trip.outcome) == NO_ACCOUNT
    assert await traces(owner_db, person.email) == {"users": 0, "identities": 0,
                                                    "challenges": 0}


async def test_an_account_squatted_before_verification_is_taken_back(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    """Someone signed up with the victim's address (never verified, their password); the
    victim's verified Google sign-in takes the account over and the squatter's password
    and pending verification link stop working."""
    squatter = await sign_up(guest, password="squatter's own password 1")
    link = guest.mailbox.to(squatter.email)[-1].token()
    google.person = new_person(email=squatter.email)

    trip = await sign_in_with_google(guest)

    assert trip.outcome["totpEnrollmentRequired"] == "true"
    row = await owner_db.fetchrow(
        "SELECT password_hash, email_verified_at IS NOT NULL AS verified FROM users "
        "WHERE email = $1", squatter.email)
    assert (row["password_hash"], row["verified"]) == (None, True)
    password = await guest.result(LOG_IN, {"email": squatter.email,
                                           "password": squatter.password})
    assert password["code"] == "INVALID_CREDENTIALS"
    verification = await guest.result(VERIFY_EMAIL, {"token": link})
    assert verification["code"] == "TOKEN_INVALID"
    linked = await owner_db.fetchval(
        "SELECT details FROM audit_events WHERE action = 'auth.oidc_linked' AND "
        "target_id = $1", await user_id(owner_db, squatter.email))
    assert json.loads(linked) == {"issuer": google.issuer, "password_cleared": True}


async def test_a_sign_up_needs_an_organization_name(
    guest: Browser, google: OidcProvider
) -> None:
    google.person = new_person()
    asked_before = len(google.authorize_requests)

    trip = await sign_in_with_google(guest, signup_query("   "))

    assert refusal(trip.outcome) == (
        "INVALID_REQUEST", "organizationName: give the organization a name of 1 to 200 "
        "characters")
    assert len(google.authorize_requests) == asked_before


async def test_a_sign_up_without_an_email_claim_opens_nothing(
    guest: Browser, google: OidcProvider, owner_db: asyncpg.Connection
) -> None:
    google.person = person = new_person(email="")

    trip = await sign_in_with_google(guest, signup_query())

    assert refusal(trip.outcome) == NOT_VERIFIED
    assert await owner_db.fetchval("SELECT count(*) FROM oidc_identities WHERE subject = $1",
                                   person.subject) == 0
