"""TOTP codes are accepted once: replays and parallel requests with one code yield at most one
session; the current and the previous step are accepted, nothing older or newer."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from tests.identity.flows import (
    BEGIN,
    CONFIRM,
    VERIFY_TOTP,
    Browser,
    challenge,
    code_at,
    early_in_a_step,
    enrolled,
    verified_account,
)
from tests.identity.test_login import BAD_CODE


async def user_actions(owner_db: asyncpg.Connection, email: str, *prefixes: str) -> list[str]:
    rows = await owner_db.fetch(
        "SELECT e.action FROM audit_events e JOIN memberships m "
        "ON m.organization_id = e.organization_id JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1 ORDER BY e.seq", email)
    return [r["action"] for r in rows if r["action"].startswith(prefixes)]


async def sessions_of(owner_db: asyncpg.Connection, email: str) -> tuple[int, int]:
    """(sessions ever issued, sessions still live) for the user."""
    row = await owner_db.fetchrow(
        "SELECT count(*) AS issued, count(*) FILTER (WHERE s.revoked_at IS NULL) AS live "
        "FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1", email)
    return row["issued"], row["live"]


async def test_a_replayed_code_is_refused_audited_and_reported(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)  # confirmed with the previous step's code
    await early_in_a_step(12)
    current, previous = code_at(user.secret), code_at(user.secret, 1)
    first = await browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(browser, user.account))["challenge"], "code": current})

    replayed = await browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(browser, user.account))["challenge"], "code": current})
    older = await browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(browser, user.account))["challenge"], "code": previous})

    assert first["__typename"] == "VerifyTotpSuccess"
    assert replayed == older == BAD_CODE
    assert await user_actions(owner_db, user.account.email, "auth.totp", "auth.login") == [
        "auth.totp_enrollment_started", "auth.totp_enrolled", "auth.login", "auth.login",
        "auth.totp_replayed", "auth.totp_replayed"]
    notices = [m for m in browser.mailbox.to(user.account.email)
               if m.message["Subject"] == "An Assay sign-in code of yours was used twice"]
    assert len(notices) == 2
    # Enrollment's session, then this sign-in's, which replaced it in the same browser.
    assert await sessions_of(owner_db, user.account.email) == (2, 1)


async def test_codes_outside_the_window_are_wrong(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    await early_in_a_step()
    started = await challenge(browser, user.account)

    too_old = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                 "code": code_at(user.secret, 2)})
    too_new = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                 "code": code_at(user.secret, -1)})
    malformed = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                   "code": "12a456"})
    current = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                 "code": f" {code_at(user.secret)[:3]} "
                                                         f"{code_at(user.secret)[3:]}"})

    assert too_old == too_new == malformed == BAD_CODE
    assert current["__typename"] == "VerifyTotpSuccess"
    assert await user_actions(owner_db, user.account.email, "auth.login_failed") == [
        "auth.login_failed"] * 3


async def test_parallel_requests_with_one_code_and_one_challenge_give_one_session(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    await early_in_a_step()
    started = await challenge(browser, user.account)
    variables = {"challenge": started["challenge"], "code": code_at(user.secret)}

    answers = await asyncio.gather(*(browser.result(VERIFY_TOTP, variables) for _ in range(2)))

    assert sorted(a["__typename"] for a in answers) == ["AuthError", "VerifyTotpSuccess"]
    assert await sessions_of(owner_db, user.account.email) == (2, 1)


async def test_parallel_requests_with_one_code_from_two_sign_ins_give_one_session(
    browser: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    await early_in_a_step()
    one = await challenge(browser, user.account)
    two = await challenge(second_browser, user.account)
    code = code_at(user.secret)

    answers: list[dict[str, Any]] = list(await asyncio.gather(
        browser.result(VERIFY_TOTP, {"challenge": one["challenge"], "code": code}),
        second_browser.result(VERIFY_TOTP, {"challenge": two["challenge"], "code": code})))

    assert sorted(a["__typename"] for a in answers) == ["AuthError", "VerifyTotpSuccess"]
    assert [a for a in answers if a["__typename"] == "AuthError"] == [BAD_CODE]
    # The first browser's new session would replace its enrollment session; the second's not.
    won_first = answers[0]["__typename"] == "VerifyTotpSuccess"
    assert await sessions_of(owner_db, user.account.email) == (2, 1 if won_first else 2)
    assert await user_actions(owner_db, user.account.email, "auth.totp_replayed") == [
        "auth.totp_replayed"]


async def test_starting_enrollment_again_replaces_the_unconfirmed_secret(
    browser: Browser
) -> None:
    account = await verified_account(browser)
    started = await challenge(browser, account)
    first = await browser.result(BEGIN, {"challenge": started["challenge"]})
    second = await browser.result(BEGIN, {"challenge": started["challenge"]})
    await early_in_a_step()

    stale = await browser.result(CONFIRM, {"challenge": started["challenge"],
                                           "code": code_at(first["secret"])})
    confirmed = await browser.result(CONFIRM, {"challenge": started["challenge"],
                                               "code": code_at(second["secret"])})

    assert first["secret"] != second["secret"]
    assert stale == BAD_CODE
    assert confirmed["__typename"] == "ConfirmTotpEnrollmentSuccess"


async def test_the_secret_is_stored_sealed(browser: Browser, owner_db: asyncpg.Connection
                                           ) -> None:
    user = await enrolled(browser)

    row = await owner_db.fetchrow(
        "SELECT f.ciphertext, f.nonce, f.key_version, f.confirmed_at IS NOT NULL AS confirmed, "
        "k.kek_id FROM totp_factors f JOIN users u ON u.id = f.user_id "
        "JOIN user_data_keys k ON k.user_id = u.id WHERE u.email = $1", user.account.email)

    assert (row["key_version"], row["confirmed"], row["kek_id"]) == (1, True, "test-1")
    assert len(row["nonce"]) == 12
    assert user.secret.encode() not in bytes(row["ciphertext"])
    assert len(row["ciphertext"]) == len(user.secret) + 16  # AES-GCM: same length + tag
