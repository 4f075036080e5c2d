"""Signing up: a verification mail on loopback SMTP, one answer for every address, no session
before the address is verified."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import asyncpg

from tests.identity.flows import (
    BEGIN,
    CONFIRM,
    LOG_IN,
    PASSWORD,
    SIGN_UP,
    VERIFY_EMAIL,
    VIEWER,
    Browser,
    challenge,
    code_at,
    early_in_a_step,
    new_email,
    sign_up,
    verified_account,
    verify,
)

SENT = {"__typename": "SignUpSuccess", "message": (
    "check your inbox: we sent a link to confirm the address. Open it within 24 hours, then "
    "sign in.")}
INVALID_LINK = {"__typename": "AuthError", "code": "TOKEN_INVALID", "message": (
    "this link is invalid, was already used, or has expired (links work for 24 hours): sign "
    "up again with the same address to get a new one")}


async def org_actions(owner_db: asyncpg.Connection, email: str) -> list[str]:
    rows = await owner_db.fetch(
        "SELECT e.action FROM audit_events e JOIN memberships m "
        "ON m.organization_id = e.organization_id JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1 ORDER BY e.seq", email)
    return [row["action"] for row in rows]


async def test_sign_up_verify_enroll_and_the_session_works(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    email = new_email()
    answer = await browser.result(SIGN_UP, {"email": email.upper(), "password": PASSWORD,
                                            "org": "  Acme QA  "})
    [mail] = browser.mailbox.to(email)
    before_verification = await browser.result(LOG_IN, {"email": email, "password": PASSWORD})
    token = mail.token()
    verified = await browser.result(VERIFY_EMAIL, {"token": token})
    started = await browser.result(LOG_IN, {"email": email, "password": PASSWORD})
    begun = await browser.result(BEGIN, {"challenge": started["challenge"]})
    await early_in_a_step()
    confirmed = await browser.result(CONFIRM, {"challenge": started["challenge"],
                                               "code": code_at(begun["secret"])})
    viewer = await browser.result(VIEWER)

    assert answer == SENT
    assert (mail.sender, mail.message["From"], mail.message["Subject"]) == (
        "no-reply@assay.example", "Assay <no-reply@assay.example>",
        "Confirm your email address for Assay")
    assert f"https://assay.example.com/verify-email#token={token}\n" in mail.text
    assert len(token) == 43
    assert before_verification == {"__typename": "AuthError", "code": "EMAIL_NOT_VERIFIED",
                                   "message": "confirm your email address first: open the "
                                   "link we mailed you (sign up again with the same address "
                                   "for a new one)"}
    assert verified == {"__typename": "VerifyEmailSuccess", "email": email}
    assert (started["__typename"], started["totpEnrollmentRequired"]) == ("LogInSuccess", True)
    assert len(begun["secret"]) == 32
    assert begun["otpauthUri"] == (
        f"otpauth://totp/Assay:{quote(email)}?secret={begun['secret']}&issuer=Assay")
    assert begun["qrCodeSvg"].startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert confirmed["__typename"] == "ConfirmTotpEnrollmentSuccess"
    assert confirmed["session"]["current"] is True
    assert viewer == {"kind": "USER", "role": "OWNER", "organizationId": viewer["organizationId"]}
    org = await owner_db.fetchrow(
        "SELECT o.name, m.role, (SELECT array_agg(p.name) FROM projects p "
        "WHERE p.organization_id = o.id) AS projects FROM organizations o JOIN memberships m "
        "ON m.organization_id = o.id JOIN users u ON u.id = m.user_id WHERE u.email = $1", email)
    assert tuple(org) == ("Acme QA", "OWNER", ["Default"])
    assert await org_actions(owner_db, email) == [
        "organization.create", "project.create", "user.sign_up", "user.email_verified",
        "auth.password_accepted", "auth.totp_enrollment_started", "auth.totp_enrolled",
        "auth.login"]


async def test_no_session_and_no_challenge_before_verification(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await sign_up(browser)

    answer = await browser.post(LOG_IN, {"email": account.email, "password": PASSWORD})

    assert answer.json()["data"]["logIn"]["code"] == "EMAIL_NOT_VERIFIED"
    assert "set-cookie" not in answer.headers
    counts = await owner_db.fetchrow(
        "SELECT (SELECT count(*) FROM login_challenges c WHERE c.user_id = u.id) AS challenges,"
        " (SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS sessions "
        "FROM users u WHERE u.email = $1", account.email)
    assert tuple(counts) == (0, 0)


async def test_a_taken_address_gets_the_same_answer_and_its_owner_a_notice(
    browser: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    account = await verified_account(browser)

    taken = await second_browser.post(SIGN_UP, {"email": account.email,
                                                "password": "another fine passphrase",
                                                "org": "Intruder Inc"})
    fresh = await second_browser.post(SIGN_UP, {"email": new_email(),
                                                "password": "another fine passphrase",
                                                "org": "Intruder Inc"})

    assert (taken.status_code, taken.json()) == (fresh.status_code, fresh.json())
    assert taken.json()["data"]["signUp"] == SENT
    notice = browser.mailbox.to(account.email)[-1]
    assert notice.message["Subject"] == "Someone tried to sign up to Assay with your address"
    assert notice.text == (
        "Someone just tried to create an Assay account with this email address, but you "
        "already have one, so nothing was created and nothing changed.\n\n"
        "If it was you, sign in at https://assay.example.com instead.\n"
        "If it was not you, you can ignore this message: your account is safe.\n")
    rows = await owner_db.fetch(
        "SELECT u.password_hash, (SELECT count(*) FROM memberships m WHERE m.user_id = u.id) "
        "AS orgs FROM users u WHERE u.email = $1", account.email)
    assert [row["orgs"] for row in rows] == [1]
    assert await owner_db.fetchval(
        "SELECT count(*) FROM organizations WHERE name = 'Intruder Inc'") == 1  # the fresh one
    assert (await org_actions(owner_db, account.email))[-1] == "user.sign_up_repeated"
    assert (await challenge(browser, account))["__typename"] == "LogInSuccess"


async def test_an_unverified_address_signing_up_again_gets_a_new_link(browser: Browser) -> None:
    account = await sign_up(browser)
    await sign_up(browser, email=account.email, password="a different passphrase")
    first, second = browser.mailbox.to(account.email)

    old = await browser.result(VERIFY_EMAIL, {"token": first.token()})
    await verify(browser, account)

    assert second.text.startswith("Someone (probably you) asked to sign up to Assay again")
    assert old == INVALID_LINK
    assert (await challenge(browser, account))["__typename"] == "LogInSuccess"


async def test_a_link_works_once(browser: Browser) -> None:
    account = await sign_up(browser)
    token = browser.mailbox.to(account.email)[-1].token()

    first = await browser.result(VERIFY_EMAIL, {"token": token})
    again = await browser.result(VERIFY_EMAIL, {"token": token})

    assert first == {"__typename": "VerifyEmailSuccess", "email": account.email}
    assert again == INVALID_LINK


async def test_an_expired_link_is_refused(browser: Browser, owner_db: asyncpg.Connection) -> None:
    account = await sign_up(browser)
    token = browser.mailbox.to(account.email)[-1].token()
    lifetime = await owner_db.fetchval(
        "SELECT t.expires_at - t.created_at FROM user_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE u.email = $1", account.email)
    await owner_db.execute(
        "UPDATE user_tokens SET expires_at = now() - interval '1 second' FROM users u "
        "WHERE u.id = user_tokens.user_id AND u.email = $1", account.email)

    answer = await browser.result(VERIFY_EMAIL, {"token": token})
    login = await browser.result(LOG_IN, {"email": account.email, "password": PASSWORD})

    assert round(lifetime.total_seconds()) == 24 * 3600
    assert answer == INVALID_LINK
    assert login["code"] == "EMAIL_NOT_VERIFIED"


async def test_links_are_stored_only_as_hashes(browser: Browser, owner_db: asyncpg.Connection
                                               ) -> None:
    account = await sign_up(browser)
    token = browser.mailbox.to(account.email)[-1].token()

    stored = await owner_db.fetchval(
        "SELECT t.token_hash FROM user_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE u.email = $1", account.email)

    assert stored != token and len(stored) == 64
    assert token not in str(await owner_db.fetch(
        "SELECT t.* FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1",
        account.email))


async def test_bad_input_lists_every_problem_and_creates_nothing(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    users_before = await owner_db.fetchval("SELECT count(*) FROM users")
    mails_before = len(browser.mailbox.received)

    answer = await browser.result(SIGN_UP, {"email": "not-an-address", "password": "short",
                                            "org": "   "})

    assert answer == {"__typename": "ValidationError", "code": "VALIDATION_FAILED",
                      "message": "email: give a valid email address, like ada@example.com "
                                 "(and 2 more)",
                      "issues": [
        {"path": ["email"], "message": "give a valid email address, like ada@example.com",
         "code": "INVALID"},
        {"path": ["password"], "message": "use 8 to 256 characters; a few unrelated words make "
                                          "a long password that is easy to remember",
         "code": "LENGTH"},
        {"path": ["organizationName"], "message": "give the organization a name of 1 to 200 "
                                                  "characters", "code": "INVALID"}]}
    assert await owner_db.fetchval("SELECT count(*) FROM users") == users_before
    assert len(browser.mailbox.received) == mails_before


async def test_a_common_password_is_refused_with_a_clear_message(browser: Browser) -> None:
    answer = await browser.result(SIGN_UP, {"email": new_email(), "password": "P@ssw0rd2024",
                                            "org": "Acme"})

    assert answer["issues"] == [{
        "path": ["password"], "code": "COMMON_PASSWORD",
        "message": "this password is on the list of the most common passwords that attackers "
                   "try first: choose another"}]


async def test_two_sign_ups_of_one_new_address_at_once_make_one_account(
    browser: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    email = new_email()
    variables = {"email": email, "password": PASSWORD, "org": "Race Co"}

    answers = await asyncio.gather(browser.result(SIGN_UP, variables),
                                   second_browser.result(SIGN_UP, variables))

    assert list(answers) == [SENT, SENT]
    assert await owner_db.fetchval(
        "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1", email) == 1
    mails = browser.mailbox.to(email)
    assert [m.message["Subject"] for m in mails] == ["Confirm your email address for Assay"] * 2
    outcomes = [await browser.result(VERIFY_EMAIL, {"token": m.token()}) for m in mails]
    assert sorted(o["__typename"] for o in outcomes) in (
        ["AuthError", "VerifyEmailSuccess"], ["VerifyEmailSuccess", "VerifyEmailSuccess"])
