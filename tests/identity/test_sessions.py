"""Sessions: the cookie's flags, rotation at sign-in, listing, revoking, signing out, and the
idle and absolute timeouts."""

from __future__ import annotations

import uuid
from http.cookies import SimpleCookie
from pathlib import Path

import asyncpg
import httpx

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.ids import decode_id
from tests.identity.conftest import identity_settings
from tests.identity.flows import (
    LOG_OUT,
    REVOKE,
    SESSIONS,
    VERIFY_TOTP,
    VIEWER,
    Browser,
    Enrolled,
    browser_for,
    challenge,
    code_at,
    early_in_a_step,
    enrolled,
)
from tests.mail.smtp_server import SmtpServer
from tests.support import gid

ENDED = (401, [("your session has ended: sign in again", "UNAUTHENTICATED")])


def refusal(response: httpx.Response) -> tuple[int, list[tuple[str, str]]]:
    return response.status_code, [(e["message"], e["extensions"]["code"])
                                  for e in response.json()["errors"]]


def session_cookie(response: httpx.Response) -> dict[str, str]:
    """The Set-Cookie attributes of assay_session, as the browser receives them."""
    [header] = [h for h in response.headers.get_list("set-cookie")
                if h.startswith("assay_session=")]
    morsel = SimpleCookie(header)["assay_session"]
    return {"value": morsel.value, **{k: str(v) for k, v in morsel.items() if v}}


async def with_cookie(browser: Browser, token: str, query: str = VIEWER) -> httpx.Response:
    """A request carrying ``token`` as the session cookie, whatever the browser holds."""
    return await browser.http.post("/graphql", json={"query": query},
                                   headers={"cookie": f"assay_session={token}",
                                            "x-assay-csrf": "1"})


async def sign_in_again(browser: Browser, user: Enrolled) -> httpx.Response:
    started = await challenge(browser, user.account)
    await early_in_a_step()
    return await browser.post(VERIFY_TOTP, {"challenge": started["challenge"],
                                            "code": code_at(user.secret)})


async def test_the_cookie_is_httponly_samesite_lax_and_secure(browser: Browser) -> None:
    user = await enrolled(browser)

    response = await sign_in_again(browser, user)

    cookie = session_cookie(response)
    assert len(cookie.pop("value")) == 43
    assert cookie == {"httponly": "True", "max-age": "43200", "path": "/", "samesite": "lax",
                      "secure": "True"}


async def test_in_development_the_cookie_is_not_secure(
    database: dict[str, DatabaseUrl], mailbox: SmtpServer, data_dir: Path
) -> None:
    app = create_app(identity_settings(data_dir, mailbox, environment="development"),
                     database["app"])
    async with browser_for(app, mailbox) as browser:
        user = await enrolled(browser)
        response = await sign_in_again(browser, user)

    cookie = session_cookie(response)
    cookie.pop("value")
    assert cookie == {"httponly": "True", "max-age": "43200", "path": "/", "samesite": "lax"}


async def test_signing_in_again_rotates_the_session(browser: Browser) -> None:
    user = await enrolled(browser)
    old = browser.session_token
    assert old is not None

    await sign_in_again(browser, user)
    stale = await with_cookie(browser, old)

    assert browser.session_token not in (None, old)
    assert refusal(stale) == ENDED
    assert (await browser.result(VIEWER))["kind"] == "USER"


async def test_sessions_lists_the_live_ones_and_marks_this_one(
    browser: Browser, second_browser: Browser
) -> None:
    user = await enrolled(browser)
    await sign_in_again(second_browser, user)

    listed = (await browser.result(SESSIONS, csrf=False))

    assert sorted(s["current"] for s in listed) == [False, True]
    assert {(s["ip"], s["userAgent"]) for s in listed} == {("203.0.113.7", "Firefox/140 (test)")}
    [mine] = [s for s in listed if s["current"]]
    assert mine["id"] == user.session_id


async def test_revoking_a_session_ends_it_at_once(
    browser: Browser, second_browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    await sign_in_again(second_browser, user)
    [other] = [s for s in await browser.result(SESSIONS) if not s["current"]]

    revoked = await browser.result(REVOKE, {"id": other["id"]})
    refused = await second_browser.post(VIEWER)
    listed = await browser.result(SESSIONS)

    assert revoked == {"__typename": "RevokeSessionSuccess",
                       "session": {"id": other["id"], "current": False}}
    assert refusal(refused) == ENDED
    assert [s["id"] for s in listed] == [user.session_id]
    details = await owner_db.fetchval(
        "SELECT e.details FROM audit_events e JOIN memberships m ON m.organization_id = "
        "e.organization_id JOIN users u ON u.id = m.user_id WHERE u.email = $1 "
        "AND e.action = 'auth.session_revoked'", user.account.email)
    assert details == f'{{"session_id": "{_uuid(other["id"])}"}}'


def _uuid(global_id: str) -> str:
    decoded = decode_id(global_id)
    assert decoded is not None
    return str(decoded[1])


async def test_another_persons_session_cannot_be_revoked(
    browser: Browser, second_browser: Browser
) -> None:
    mine = await enrolled(browser)
    theirs = await enrolled(second_browser)

    answer = await browser.result(REVOKE, {"id": theirs.session_id})
    unknown = await browser.result(REVOKE, {"id": gid("Session", uuid.uuid4())})

    assert answer == unknown == {"__typename": "NotFoundError", "code": "NOT_FOUND", "message":
                                 "Session not found: check the id, and that you have access to "
                                 "it"}
    assert (await second_browser.result(VIEWER))["kind"] == "USER"
    assert mine.session_id != theirs.session_id


async def test_logging_out_ends_the_session_and_clears_the_cookie(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    token = browser.session_token
    assert token is not None

    response = await browser.post(LOG_OUT)
    after = await with_cookie(browser, token)

    assert response.json() == {"data": {"logOut": {"signedOut": True}}}
    cleared = session_cookie(response)
    assert (cleared["value"], cleared["max-age"]) == ("", "0")
    assert browser.session_token is None
    assert refusal(after) == ENDED
    actions = await owner_db.fetch(
        "SELECT e.action FROM audit_events e JOIN memberships m ON m.organization_id = "
        "e.organization_id JOIN users u ON u.id = m.user_id WHERE u.email = $1 "
        "ORDER BY e.seq DESC LIMIT 1", user.account.email)
    assert [a["action"] for a in actions] == ["auth.logout"]


async def test_an_idle_session_ends(browser: Browser, owner_db: asyncpg.Connection) -> None:
    user = await enrolled(browser)
    session = _uuid(user.session_id)
    await owner_db.execute("UPDATE sessions SET last_seen_at = now() - interval '59 minutes' "
                           "WHERE id = $1::uuid", session)
    still = await browser.post(VIEWER)
    await owner_db.execute("UPDATE sessions SET last_seen_at = now() - interval '61 minutes' "
                           "WHERE id = $1::uuid", session)

    idle = await browser.post(VIEWER)

    assert still.status_code == 200
    assert refusal(idle) == ENDED


async def test_a_session_ends_at_its_absolute_expiry(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    user = await enrolled(browser)
    lifetime = await owner_db.fetchval(
        "SELECT expires_at - created_at FROM sessions WHERE id = $1::uuid",
        _uuid(user.session_id))
    await owner_db.execute("UPDATE sessions SET expires_at = now() - interval '1 second' "
                           "WHERE id = $1::uuid", _uuid(user.session_id))

    expired = await browser.post(VIEWER)

    assert round(lifetime.total_seconds()) == 12 * 3600
    assert refusal(expired) == ENDED
