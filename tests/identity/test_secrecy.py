"""No password, link token, challenge, code, recovery code, TOTP secret or session token
reaches a log line or the audit trail."""

from __future__ import annotations

import logging

import asyncpg
import pytest

from tests.identity.flows import (
    LOG_IN,
    VERIFY_TOTP,
    Browser,
    challenge,
    code_at,
    early_in_a_step,
    enrolled,
)


async def test_a_whole_sign_in_leaves_no_secret_behind(
    browser: Browser, owner_db: asyncpg.Connection, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    user = await enrolled(browser)
    await browser.result(LOG_IN, {"email": user.account.email, "password": "wrong password!"})
    started = await challenge(browser, user.account)
    await early_in_a_step()
    code = code_at(user.secret)
    await browser.result(VERIFY_TOTP, {"challenge": started["challenge"], "code": "000000"})
    await browser.result(VERIFY_TOTP, {"challenge": started["challenge"], "code": code})
    replay = await challenge(browser, user.account)
    await browser.result(VERIFY_TOTP, {"challenge": replay["challenge"], "code": code})
    await browser.result(VERIFY_TOTP, {"challenge": replay["challenge"],
                                       "recoveryCode": user.recovery_codes[0]})
    link_token = browser.mailbox.to(user.account.email)[0].token()
    secrets = [user.account.password, "wrong password!", link_token, started["challenge"],
               replay["challenge"], code, user.secret, *user.recovery_codes,
               browser.session_token or "no session"]

    logged = "\n".join(
        record.getMessage() for record in caplog.records if not record.name.startswith("mail."))
    trail = await owner_db.fetch(
        "SELECT e.* FROM audit_events e JOIN memberships m ON m.organization_id = "
        "e.organization_id JOIN users u ON u.id = m.user_id WHERE u.email = $1",
        user.account.email)

    assert "auth.totp_replayed" in logged  # the log did record the events
    assert len(trail) == 16
    for secret in secrets:
        assert secret not in logged
        assert secret not in str([dict(row) for row in trail])
