"""Signing in with the loopback OpenID Connect provider the way a browser does.

The browser (an httpx client on the Assay application, keeping cookies) opens
``/auth/oidc/google/start``, follows the redirect to the provider over real HTTP, and
brings the provider's redirect back to ``/auth/oidc/google/callback``; the outcome is in
the fragment of the URL the callback redirects to.

The fixtures here (``google``, ``app_with_google``, ``guest``) reach tests through
``tests/identity/conftest.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import OidcProvider as OidcSettings
from assay.settings import Secret, Settings
from tests.identity.flows import Browser, browser_for
from tests.identity.oidc_provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    OidcProvider,
    Person,
    running_provider,
)
from tests.mail.smtp_server import SmtpServer

PUBLIC_URL = "https://assay.example.com"
CALLBACK = f"{PUBLIC_URL}/auth/oidc/google/callback"
RETURN_URL = f"{PUBLIC_URL}/sign-in/oidc"


@pytest.fixture(scope="session")
async def google() -> AsyncIterator[OidcProvider]:
    async with running_provider([CALLBACK]) as provider:
        yield provider


def google_settings(data_dir: Path, mailbox: SmtpServer, provider: OidcProvider) -> Settings:
    from tests.identity.conftest import identity_settings  # it imports this module's fixtures

    return identity_settings(data_dir, mailbox, oidc=OidcSettings(
        name="google", issuer=provider.issuer, client_id=CLIENT_ID,
        client_secret=Secret(CLIENT_SECRET)))


@pytest.fixture(scope="session")
def app_with_google(database: dict[str, DatabaseUrl], data_dir: Path, mailbox: SmtpServer,
                    google: OidcProvider) -> Starlette:
    return create_app(google_settings(data_dir, mailbox, google), database["app"])


@pytest.fixture
async def guest(app_with_google: Starlette, mailbox: SmtpServer, google: OidcProvider
                ) -> AsyncIterator[Browser]:
    """A browser on the application that offers Google sign-in (the provider well-behaved,
    nobody signed in there yet)."""
    google.reset()
    async with browser_for(app_with_google, mailbox) as opened:
        yield opened


def new_person(**changes: object) -> Person:
    person = Person(subject=f"1{uuid.uuid4().int % 10**20:020d}",
                    email=f"grace-{uuid.uuid4().hex[:12]}@gmail.example")
    for name, value in changes.items():
        setattr(person, name, value)
    return person


def fragment(location: str) -> dict[str, str]:
    """The parameters in the fragment of a redirect to the sign-in page."""
    url, _, rest = location.partition("#")
    assert url == RETURN_URL, location
    return dict(parse_qsl(rest))


@dataclass
class Trip:
    """The three stops of one sign-in."""

    start: httpx.Response
    provider: httpx.Response | None = None
    callback: httpx.Response | None = None

    @property
    def outcome(self) -> dict[str, str]:
        last = self.callback or self.start
        assert last.status_code == 303, (last.status_code, last.text)
        return fragment(last.headers["location"])

    @property
    def callback_path(self) -> str:
        """The provider's redirect back to Assay, as a path with its query."""
        assert self.provider is not None
        parts = urlsplit(self.provider.headers["location"])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == CALLBACK
        return f"{parts.path}?{parts.query}"


async def to_provider(browser: Browser, query: str = "") -> Trip:
    """Start signing in and let the provider answer (its redirect is not followed yet)."""
    start = await browser.http.get(f"/auth/oidc/google/start{query}")
    trip = Trip(start=start)
    if start.status_code != 302:
        return trip
    async with httpx.AsyncClient() as provider_side:
        trip.provider = await provider_side.get(start.headers["location"])
    assert trip.provider.status_code == 302, trip.provider.text
    return trip


async def sign_in_with_google(browser: Browser, query: str = "") -> Trip:
    """The whole round trip: start, provider, callback."""
    trip = await to_provider(browser, query)
    if trip.provider is not None:
        trip.callback = await browser.http.get(trip.callback_path)
    return trip


def signup_query(organization: str = "Grace's Lab") -> str:
    return "?" + urlencode({"intent": "signup", "organizationName": organization})


def refusal(outcome: dict[str, str]) -> tuple[str, str]:
    assert set(outcome) == {"error", "message"}, outcome
    return outcome["error"], outcome["message"]


async def traces(owner_db: asyncpg.Connection, email: str) -> dict[str, int]:
    """What a sign-in for ``email`` left behind: users, identities, challenges."""
    row = await owner_db.fetchrow(
        "SELECT (SELECT count(*) FROM users WHERE email = $1) AS users,"
        " (SELECT count(*) FROM oidc_identities i JOIN users u ON u.id = i.user_id"
        "  WHERE u.email = $1) AS identities,"
        " (SELECT count(*) FROM login_challenges c JOIN users u ON u.id = c.user_id"
        "  WHERE u.email = $1) AS challenges", email)
    return dict(row)
