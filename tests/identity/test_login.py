"""The password step: one answer for unknown addresses and wrong passwords, a short-lived
challenge that yields at most one session, and no session from a password alone."""

from __future__ import annotations

import asyncpg

from tests.identity.flows import (
    BEGIN,
    LOG_IN,
    PASSWORD,
    VERIFY_TOTP,
    Browser,
    challenge,
    code_at,
    early_in_a_step,
    enrolled,
    new_email,
    verified_account,
)

WRONG = {"__typename": "AuthError", "code": "INVALID_CREDENTIALS",
         "message": "the email or the password is wrong: check both and try again"}
EXPIRED = {"__typename": "AuthError", "code": "CHALLENGE_INVALID", "message": (
    "this sign-in has expired or was already completed: sign in again with your password")}
BAD_CODE = {"__typename": "AuthError", "code": "INVALID_CODE", "message": (
    "the code is wrong or was already used: enter the current code from your authenticator "
    "app (or an unused recovery code)")}


async def failures(owner_db: asyncpg.Connection, email: str) -> list[object]:
    rows = await owner_db.fetch(
        "SELECT e.details FROM audit_events e JOIN memberships m "
        "ON m.organization_id = e.organization_id JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1 AND e.action = 'auth.login_failed' ORDER BY e.seq", email)
    return [row["details"] for row in rows]


async def test_unknown_address_and_wrong_password_answer_identically(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(browser)

    wrong = await browser.post(LOG_IN, {"email": account.email, "password": "not my password"})
    unknown = await browser.post(LOG_IN, {"email": new_email(), "password": "not my password"})
    malformed = await browser.post(LOG_IN, {"email": "nobody", "password": "not my password"})

    assert wrong.status_code == unknown.status_code == malformed.status_code == 200
    assert wrong.json() == unknown.json() == malformed.json() == {"data": {"logIn": WRONG}}
    assert "set-cookie" not in wrong.headers
    assert await failures(owner_db, account.email) == ['{"step": "password"}']


async def test_a_password_alone_gives_a_five_minute_challenge_and_no_session(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(browser)

    response = await browser.post(LOG_IN, {"email": account.email, "password": PASSWORD})

    answer = response.json()["data"]["logIn"]
    assert (answer["__typename"], answer["totpEnrollmentRequired"]) == ("LogInSuccess", True)
    assert "set-cookie" not in response.headers
    row = await owner_db.fetchrow(
        "SELECT c.token_hash, c.expires_at - c.created_at AS lifetime, c.method, c.ip, "
        "(SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS sessions "
        "FROM login_challenges c JOIN users u ON u.id = c.user_id WHERE u.email = $1",
        account.email)
    assert round(row["lifetime"].total_seconds()) == 300
    assert (row["method"], row["ip"], row["sessions"]) == ("password", "203.0.113.7", 0)
    assert row["token_hash"] != answer["challenge"] and len(row["token_hash"]) == 64


async def test_an_expired_challenge_is_refused(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(browser)
    started = await challenge(browser, account)
    await owner_db.execute(
        "UPDATE login_challenges SET expires_at = now() - interval '1 second' FROM users u "
        "WHERE u.id = login_challenges.user_id AND u.email = $1", account.email)

    answer = await browser.result(BEGIN, {"challenge": started["challenge"]})

    assert answer == EXPIRED


async def test_a_challenge_yields_one_session_only(browser: Browser) -> None:
    user = await enrolled(browser)
    started = await challenge(browser, user.account)
    await early_in_a_step()

    first = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                               "code": code_at(user.secret)})
    again = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                               "recoveryCode": user.recovery_codes[0]})

    assert first["__typename"] == "VerifyTotpSuccess"
    assert again == EXPIRED


async def test_five_wrong_codes_end_the_challenge(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    started = await challenge(browser, user.account)
    await early_in_a_step()
    right = code_at(user.secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    answers = [await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                  "code": wrong}) for _ in range(5)]
    after = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                               "code": right})

    assert answers == [BAD_CODE] * 5
    assert after == EXPIRED
    assert await failures(owner_db, user.account.email) == ['{"step": "totp"}'] * 5


async def test_exactly_one_of_code_and_recovery_code(browser: Browser) -> None:
    user = await enrolled(browser)
    started = await challenge(browser, user.account)

    neither = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"]})
    both = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                              "code": "123456",
                                              "recoveryCode": user.recovery_codes[0]})

    expected = {"__typename": "ValidationError", "code": "VALIDATION_FAILED", "message": (
        "code: give either code (from the authenticator app) or recoveryCode, not both and not "
        "neither")}
    assert neither == both == expected


async def test_enrollment_comes_first_and_happens_once(browser: Browser) -> None:
    account = await verified_account(browser)
    started = await challenge(browser, account)
    early = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                               "code": "123456"})
    user = await enrolled(browser)
    again = await challenge(browser, user.account)

    second_begin = await browser.result(BEGIN, {"challenge": again["challenge"]})

    assert early == {"__typename": "AuthError", "code": "ENROLLMENT_REQUIRED", "message": (
        "set up an authenticator first: beginTotpEnrollment, then confirmTotpEnrollment")}
    assert again["totpEnrollmentRequired"] is False
    assert second_begin == {"__typename": "AuthError", "code": "ALREADY_ENROLLED", "message": (
        "you already have an authenticator: sign in with a code from it (verifyTotp)")}
