"""Driving sign-up and sign-in over HTTP the way a browser page of Assay does.

A :class:`Browser` keeps cookies like a browser (it sends the session cookie back only
over https, since the cookie is Secure outside development) and adds the CSRF header to
its mutations, as Assay's own pages do.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pyotp
from starlette.applications import Starlette

from tests.mail.smtp_server import SmtpServer

PASSWORD = "correct horse battery staple"

SIGN_UP = """
mutation($email: String!, $password: String!, $org: String!) {
  signUp(email: $email, password: $password, organizationName: $org) {
    __typename
    ... on SignUpSuccess { message }
    ... on ValidationError { code message issues { path message code } }
    ... on AuthError { code message }
  }
}
"""
VERIFY_EMAIL = """
mutation($token: String!) { verifyEmail(token: $token) {
  __typename ... on VerifyEmailSuccess { email } ... on AuthError { code message } } }
"""
LOG_IN = """
mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) {
  __typename
  ... on LogInSuccess { challenge expiresAt totpEnrollmentRequired }
  ... on AuthError { code message }
} }
"""
BEGIN = """
mutation($challenge: String!) { beginTotpEnrollment(challenge: $challenge) {
  __typename
  ... on TotpEnrollment { secret otpauthUri qrCodeSvg }
  ... on AuthError { code message }
} }
"""
CONFIRM = """
mutation($challenge: String!, $code: String!) {
  confirmTotpEnrollment(challenge: $challenge, code: $code) {
    __typename
    ... on ConfirmTotpEnrollmentSuccess { recoveryCodes session { id current } }
    ... on AuthError { code message }
  }
}
"""
VERIFY_TOTP = """
mutation($challenge: String!, $code: String, $recoveryCode: String) {
  verifyTotp(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {
    __typename
    ... on VerifyTotpSuccess { session { id current } recoveryCodesLeft }
    ... on AuthError { code message }
    ... on ValidationError { code message }
  }
}
"""
VIEWER = "{ viewer { kind role organizationId } }"
SESSIONS = "{ sessions { id current ip userAgent createdAt lastSeenAt expiresAt } }"
LOG_OUT = "mutation { logOut { signedOut } }"
REVOKE = """
mutation($id: ID!) { revokeSession(id: $id) {
  __typename ... on RevokeSessionSuccess { session { id current } }
  ... on NotFoundError { code message } } }
"""


def new_email() -> str:
    return f"ada-{uuid.uuid4().hex[:12]}@example.com"


@dataclass
class Browser:
    http: httpx.AsyncClient
    mailbox: SmtpServer

    async def post(self, query: str, variables: dict[str, Any] | None = None, *,
                   csrf: bool = True, headers: dict[str, str] | None = None) -> httpx.Response:
        extra = {"x-assay-csrf": "1"} if csrf else {}
        return await self.http.post("/graphql", json={"query": query,
                                                       "variables": variables or {}},
                                    headers={**extra, **(headers or {})})

    async def result(self, query: str, variables: dict[str, Any] | None = None,
                     **options: Any) -> Any:
        """The one root field's value of a request that has no GraphQL errors."""
        body = (await self.post(query, variables, **options)).json()
        assert body.get("errors") is None, body
        return next(iter(body["data"].values()))

    @property
    def session_token(self) -> str | None:
        return self.http.cookies.get("assay_session")


@asynccontextmanager
async def browser_for(app: Starlette, mailbox: SmtpServer) -> AsyncIterator[Browser]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver",
                                 headers={"user-agent": "Firefox/140 (test)"}) as http:
        yield Browser(http, mailbox)


def code_at(secret: str, steps_back: int = 0) -> str:
    """The authenticator's code for the current step, or ``steps_back`` steps earlier."""
    return pyotp.TOTP(secret).at(time.time() - 30 * steps_back)


async def early_in_a_step(seconds: float = 8) -> None:
    """Wait, if needed, until at least ``seconds`` of the current 30-second step remain, so
    the codes a test computes stay current while it sends them."""
    left = 30 - time.time() % 30
    if left < seconds:
        await asyncio.sleep(left + 0.05)


@dataclass
class Account:
    email: str
    password: str
    organization: str


async def sign_up(browser: Browser, email: str | None = None, password: str = PASSWORD,
                  organization: str = "Acme QA") -> Account:
    account = Account(email or new_email(), password, organization)
    answer = await browser.result(SIGN_UP, {"email": account.email, "password": password,
                                            "org": organization})
    assert answer["__typename"] == "SignUpSuccess", answer
    return account


async def verify(browser: Browser, account: Account) -> None:
    token = browser.mailbox.to(account.email)[-1].token()
    answer = await browser.result(VERIFY_EMAIL, {"token": token})
    assert answer == {"__typename": "VerifyEmailSuccess", "email": account.email}


async def verified_account(browser: Browser, **options: Any) -> Account:
    account = await sign_up(browser, **options)
    await verify(browser, account)
    return account


async def challenge(browser: Browser, account: Account) -> dict[str, Any]:
    answer: dict[str, Any] = await browser.result(LOG_IN, {"email": account.email,
                                                           "password": account.password})
    assert answer["__typename"] == "LogInSuccess", answer
    return answer


@dataclass
class Enrolled:
    account: Account
    secret: str
    recovery_codes: list[str]
    session_id: str


async def enrolled(browser: Browser, **options: Any) -> Enrolled:
    """A verified account with an authenticator, confirmed with the previous step's code
    (so the current step's code is still unused), signed in in ``browser``."""
    account = await verified_account(browser, **options)
    started = await challenge(browser, account)
    begun = await browser.result(BEGIN, {"challenge": started["challenge"]})
    await early_in_a_step()
    confirmed = await browser.result(CONFIRM, {"challenge": started["challenge"],
                                               "code": code_at(begun["secret"], 1)})
    assert confirmed["__typename"] == "ConfirmTotpEnrollmentSuccess", confirmed
    return Enrolled(account, begun["secret"], confirmed["recoveryCodes"],
                    confirmed["session"]["id"])
