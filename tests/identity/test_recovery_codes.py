"""Recovery codes: ten shown once, stored as hashes, each good for one sign-in."""

from __future__ import annotations

import asyncio
import re

import asyncpg

from tests.identity.flows import VERIFY_TOTP, Browser, challenge, enrolled
from tests.identity.test_login import BAD_CODE
from tests.identity.test_totp import user_actions


async def test_ten_distinct_codes_stored_only_as_hashes(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)

    stored = await owner_db.fetch(
        "SELECT r.code_hash FROM recovery_codes r JOIN users u ON u.id = r.user_id "
        "WHERE u.email = $1", user.account.email)

    assert len(set(user.recovery_codes)) == 10
    assert all(re.fullmatch(r"[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}", c)
               for c in user.recovery_codes)
    assert len(stored) == 10
    text = str([dict(row) for row in stored])
    assert not any(c in text or c.replace("-", "") in text for c in user.recovery_codes)


async def test_a_recovery_code_signs_in_once(
    browser: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    code = user.recovery_codes[3]

    first = await second_browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(second_browser, user.account))["challenge"],
        "recoveryCode": code.lower().replace("-", " ")})
    again = await second_browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(second_browser, user.account))["challenge"],
        "recoveryCode": code})
    other = await second_browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(second_browser, user.account))["challenge"],
        "recoveryCode": user.recovery_codes[4]})

    assert (first["__typename"], first["recoveryCodesLeft"]) == ("VerifyTotpSuccess", 9)
    assert again == BAD_CODE
    assert (other["__typename"], other["recoveryCodesLeft"]) == ("VerifyTotpSuccess", 8)
    assert await user_actions(owner_db, user.account.email, "auth.recovery", "auth.login_f") == [
        "auth.recovery_code_used", "auth.login_failed", "auth.recovery_code_used"]


async def test_one_recovery_code_used_twice_at_once_signs_in_once(
    browser: Browser, second_browser: Browser
) -> None:
    user = await enrolled(browser)
    one = await challenge(browser, user.account)
    two = await challenge(second_browser, user.account)
    code = user.recovery_codes[0]

    answers = await asyncio.gather(
        browser.result(VERIFY_TOTP, {"challenge": one["challenge"], "recoveryCode": code}),
        second_browser.result(VERIFY_TOTP, {"challenge": two["challenge"], "recoveryCode": code}))

    assert sorted(a["__typename"] for a in answers) == ["AuthError", "VerifyTotpSuccess"]


async def test_another_users_code_does_not_work(browser: Browser, second_browser: Browser
                                                ) -> None:
    mine = await enrolled(browser)
    theirs = await enrolled(second_browser)

    answer = await browser.result(VERIFY_TOTP, {
        "challenge": (await challenge(browser, mine.account))["challenge"],
        "recoveryCode": theirs.recovery_codes[0]})

    assert answer == BAD_CODE
