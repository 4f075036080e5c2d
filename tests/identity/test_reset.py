"""Password recovery over HTTP, with the mail read from loopback SMTP: one answer for every
address, a single-use 30-minute link stored as a hash, older links dead, every session
ended, no session issued, TOTP still needed, the owner told; a few links an hour at most."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from redis.asyncio import Redis
from starlette.applications import Starlette

from assay.identity import deliveries, throttle
from assay.identity.purge import purge_expired_proofs
from tests.identity.flows import (
    LOG_IN,
    PASSWORD,
    VERIFY_TOTP,
    VIEWER,
    Browser,
    challenge,
    code_at,
    early_in_a_step,
    enrolled,
    new_email,
    verified_account,
)
from tests.identity.test_login import WRONG
from tests.identity.test_sessions import ENDED, refusal, with_cookie
from tests.identity.test_throttling import browser_at
from tests.mail.smtp_server import Received, SmtpServer

REQUEST = """
mutation($email: String!) { requestPasswordReset(email: $email) {
  __typename
  ... on RequestPasswordResetSuccess { message }
  ... on ValidationError { code message issues { path code } }
  ... on TooManyAttemptsError { code message retryAfterSeconds }
  ... on AuthError { code message }
} }
"""
RESET = """
mutation($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) {
    __typename
    ... on ResetPasswordSuccess { email message }
    ... on ValidationError { code message issues { path code } }
    ... on AuthError { code message }
  }
}
"""
SENT = {"__typename": "RequestPasswordResetSuccess", "message": (
    "if an account uses this address, we sent it a link to choose a new password: open it "
    "within 30 minutes. Nothing arrived? Check the address and your spam folder.")}
DEAD_LINK = {"__typename": "AuthError", "code": "TOKEN_INVALID", "message": (
    "this reset link is invalid, was already used, was replaced by a newer one, or has expired "
    "(links work for 30 minutes): ask for a new one with requestPasswordReset")}
NEW_PASSWORD = "a brand new passphrase for Assay"
RESET_SUBJECT = "Reset your Assay password"
CHANGED_SUBJECT = "Your Assay password was changed"


@pytest.fixture
async def anonymous(identity_app: Starlette, mailbox: SmtpServer) -> AsyncIterator[Browser]:
    """A browser with no session, from an address of its own."""
    async with browser_at(identity_app, mailbox) as opened:
        yield opened


def done(email: str) -> dict[str, Any]:
    return {"__typename": "ResetPasswordSuccess", "email": email, "message": (
        "your password was changed and every session of yours was ended: sign in with the new "
        "password and a code from your authenticator app")}


async def reset_mails(mailbox: SmtpServer, email: str, subject: str = RESET_SUBJECT
                      ) -> list[Received]:
    await deliveries.delivered()
    return [m for m in mailbox.to(email) if m.message["Subject"] == subject]


async def request_link(browser: Browser, email: str) -> str:
    assert await browser.result(REQUEST, {"email": email}) == SENT
    return (await reset_mails(browser.mailbox, email))[-1].token()


async def reset_rows(owner_db: asyncpg.Connection, email: str) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await owner_db.fetch(
        "SELECT t.token_hash, t.email, t.used_at, t.expires_at - t.created_at AS lifetime "
        "FROM user_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE u.email = $1 AND t.purpose = 'RESET_PASSWORD' ORDER BY t.created_at", email)
    return rows


async def trail(owner_db: asyncpg.Connection, email: str, prefix: str) -> list[Any]:
    rows = await owner_db.fetch(
        "SELECT e.action, e.details FROM audit_events e JOIN memberships m "
        "ON m.organization_id = e.organization_id JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1 AND e.action LIKE $2 ORDER BY e.seq", email, prefix + "%")
    return [(row["action"], row["details"]) for row in rows]


async def test_a_reset_ends_every_session_issues_none_and_still_needs_totp(
    browser: Browser, second_browser: Browser, anonymous: Browser,
    owner_db: asyncpg.Connection,
) -> None:
    user = await enrolled(browser)  # signed in in browser
    email = user.account.email
    second = await challenge(second_browser, user.account)
    signed_in_too = await second_browser.result(VERIFY_TOTP, {
        "challenge": second["challenge"], "recoveryCode": user.recovery_codes[0]})
    pending = await challenge(anonymous, user.account)  # a sign-in under way
    cookies = [browser.session_token or "", second_browser.session_token or ""]

    token = await request_link(anonymous, email)
    [link] = await reset_mails(anonymous.mailbox, email)
    response = await anonymous.post(RESET, {"token": token, "password": NEW_PASSWORD})
    [changed] = await reset_mails(anonymous.mailbox, email, CHANGED_SUBJECT)

    assert signed_in_too["__typename"] == "VerifyTotpSuccess"
    assert response.json() == {"data": {"resetPassword": done(email)}}
    assert f"https://assay.example.com/reset-password#token={token}" in link.text
    assert "every session of yours was ended (2)" in changed.text
    for cookie in cookies:
        assert refusal(await with_cookie(anonymous, cookie)) == ENDED
    assert anonymous.session_token is None
    assert await owner_db.fetchval(
        "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE u.email = $1 AND s.revoked_at IS NULL", email) == 0
    assert await anonymous.result("mutation($c: String!) { beginTotpEnrollment(challenge: $c) "
                                  "{ __typename ... on AuthError { code } } }",
                                  {"c": pending["challenge"]}) == {
        "__typename": "AuthError", "code": "CHALLENGE_INVALID"}
    assert await trail(owner_db, email, "auth.password_reset") == [
        ("auth.password_reset_requested", '{}'),
        ("auth.password_reset", '{"sessions_revoked": 2}')]

    old = await anonymous.result(LOG_IN, {"email": email, "password": PASSWORD})
    started = await anonymous.post(LOG_IN, {"email": email, "password": NEW_PASSWORD})
    answer = started.json()["data"]["logIn"]
    viewer = await anonymous.result(VIEWER)
    await early_in_a_step()
    totp = await anonymous.result(VERIFY_TOTP, {"challenge": answer["challenge"],
                                                "code": code_at(user.secret)})

    assert old == WRONG
    assert (answer["__typename"], answer["totpEnrollmentRequired"]) == ("LogInSuccess", False)
    assert "set-cookie" not in started.headers and viewer is None
    assert totp["__typename"] == "VerifyTotpSuccess"


async def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    unknown = new_email()
    tokens_before = await owner_db.fetchval("SELECT count(*) FROM user_tokens")

    answers = [(await anonymous.post(REQUEST, {"email": address})).json()
               for address in (unknown, account.email, unknown.upper())]
    await deliveries.delivered()

    assert answers == [{"data": {"requestPasswordReset": SENT}}] * 3
    assert anonymous.mailbox.to(unknown) == []
    assert len(await reset_mails(anonymous.mailbox, account.email)) == 1
    assert await owner_db.fetchval("SELECT count(*) FROM user_tokens") == tokens_before + 1


async def test_the_link_is_stored_as_a_hash_and_works_once(
    anonymous: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    token = await request_link(anonymous, account.email)
    [row] = await reset_rows(owner_db, account.email)

    first = await anonymous.result(RESET, {"token": token, "password": NEW_PASSWORD})
    again = await second_browser.result(RESET, {"token": token, "password": "yet another "
                                                "passphrase here"})

    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest() != token
    assert (row["email"], round(row["lifetime"].total_seconds())) == (account.email, 1800)
    assert first == done(account.email)
    assert again == DEAD_LINK
    assert (await anonymous.result(LOG_IN, {"email": account.email, "password": NEW_PASSWORD})
            )["__typename"] == "LogInSuccess"


async def test_two_redemptions_at_once_change_the_password_once(
    anonymous: Browser, second_browser: Browser
) -> None:
    account = await verified_account(anonymous)
    token = await request_link(anonymous, account.email)

    answers = await asyncio.gather(
        anonymous.result(RESET, {"token": token, "password": NEW_PASSWORD}),
        second_browser.result(RESET, {"token": token, "password": "the other new passphrase"}))

    assert sorted(a["__typename"] for a in answers) == ["AuthError", "ResetPasswordSuccess"]
    winner = NEW_PASSWORD if answers[0]["__typename"] == "ResetPasswordSuccess" else (
        "the other new passphrase")
    assert (await anonymous.result(LOG_IN, {"email": account.email, "password": winner})
            )["__typename"] == "LogInSuccess"


async def test_an_expired_link_is_refused_and_the_password_stays(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    token = await request_link(anonymous, account.email)
    await owner_db.execute(
        "UPDATE user_tokens SET expires_at = now() - interval '1 second' FROM users u "
        "WHERE u.id = user_tokens.user_id AND u.email = $1 AND purpose = 'RESET_PASSWORD'",
        account.email)

    answer = await anonymous.result(RESET, {"token": token, "password": NEW_PASSWORD})

    assert answer == DEAD_LINK
    assert [row["used_at"] for row in await reset_rows(owner_db, account.email)] == [None]
    assert (await anonymous.result(LOG_IN, {"email": account.email, "password": PASSWORD})
            )["__typename"] == "LogInSuccess"


async def test_a_newer_link_kills_the_older_ones(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    older = await request_link(anonymous, account.email)
    newer = await request_link(anonymous, account.email)

    stale = await anonymous.result(RESET, {"token": older, "password": NEW_PASSWORD})
    fresh = await anonymous.result(RESET, {"token": newer, "password": NEW_PASSWORD})

    assert older != newer
    assert stale == DEAD_LINK
    assert fresh == done(account.email)
    assert len(await reset_rows(owner_db, account.email)) == 2


async def test_the_new_password_follows_the_sign_up_rules_and_keeps_the_link(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    token = await request_link(anonymous, account.email)

    short = await anonymous.result(RESET, {"token": token, "password": "short"})
    common = await anonymous.result(RESET, {"token": token, "password": "password123"})
    own_address = await anonymous.result(RESET, {"token": token, "password": account.email})
    good = await anonymous.result(RESET, {"token": token, "password": NEW_PASSWORD})

    assert [(a["code"], a["issues"]) for a in (short, common, own_address)] == [
        ("VALIDATION_FAILED", [{"path": ["newPassword"], "code": "LENGTH"}]),
        ("VALIDATION_FAILED", [{"path": ["newPassword"], "code": "COMMON_PASSWORD"}]),
        ("VALIDATION_FAILED", [{"path": ["newPassword"], "code": "COMMON_PASSWORD"}])]
    assert good == done(account.email)
    assert await trail(owner_db, account.email, "auth.password_reset") == [
        ("auth.password_reset_requested", '{}'), ("auth.password_reset",
                                                  '{"sessions_revoked": 0}')]


async def test_a_malformed_address_is_a_validation_error(anonymous: Browser) -> None:
    answer = await anonymous.result(REQUEST, {"email": "not an address"})

    assert answer == {"__typename": "ValidationError", "code": "VALIDATION_FAILED",
                      "message": "email: give a valid email address, like ada@example.com",
                      "issues": [{"path": ["email"], "code": "INVALID"}]}


async def test_an_address_gets_five_links_an_hour_known_or_not(
    anonymous: Browser, job_queue: str
) -> None:
    account = await verified_account(anonymous)
    unknown = new_email()
    redis = Redis.from_url(job_queue)

    answers: dict[str, list[Any]] = {}
    for address in (account.email, unknown):
        answers[address] = [await anonymous.result(REQUEST, {"email": address})
                            for _ in range(5)]
        await redis.pexpire(throttle.reset_links_key(address), 600_000)  # 10 minutes left
        answers[address].append(await anonymous.result(REQUEST, {"email": address}))
    await redis.aclose()

    refused = {"__typename": "TooManyAttemptsError", "code": "TOO_MANY_ATTEMPTS",
               "retryAfterSeconds": 600, "message": (
                   "5 reset links were already sent to this address in the last hour: use the "
                   "latest one, or ask again in 600 s")}
    assert answers[account.email] == answers[unknown] == [SENT] * 5 + [refused]
    assert len(await reset_mails(anonymous.mailbox, account.email)) == 5


async def test_a_reset_link_proves_the_address(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    email = new_email()
    await anonymous.result("mutation($e: String!, $p: String!) { signUp(email: $e, "
                           "password: $p, organizationName: \"Acme QA\") { __typename } }",
                           {"e": email, "p": PASSWORD})
    token = await request_link(anonymous, email)

    answer = await anonymous.result(RESET, {"token": token, "password": NEW_PASSWORD})
    started = await anonymous.result(LOG_IN, {"email": email, "password": NEW_PASSWORD})

    assert answer == done(email)
    assert (started["__typename"], started["totpEnrollmentRequired"]) == ("LogInSuccess", True)


async def test_expired_links_and_challenges_are_purged(
    anonymous: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(anonymous)
    await request_link(anonymous, account.email)
    live = await request_link(anonymous, account.email)
    await challenge(anonymous, account)
    live_hash = hashlib.sha256(live.encode()).hexdigest()
    await owner_db.execute(  # the verification link and the first reset link expire
        "UPDATE user_tokens SET expires_at = now() - interval '1 second' FROM users u "
        "WHERE u.id = user_tokens.user_id AND u.email = $1 AND token_hash <> $2",
        account.email, live_hash)
    await owner_db.execute(
        "UPDATE login_challenges SET expires_at = now() - interval '1 second' FROM users u "
        "WHERE u.id = login_challenges.user_id AND u.email = $1", account.email)

    challenges, tokens = await purge_expired_proofs()
    left = await owner_db.fetch(
        "SELECT t.token_hash FROM user_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE u.email = $1", account.email)
    challenges_left = await owner_db.fetchval(
        "SELECT count(*) FROM login_challenges c JOIN users u ON u.id = c.user_id "
        "WHERE u.email = $1", account.email)

    assert challenges >= 1 and tokens >= 2
    assert [row["token_hash"] for row in left] == [live_hash]
    assert challenges_left == 0
