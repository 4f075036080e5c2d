"""An application configured to mail through a loopback SMTP server, and browsers for it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Secret, Settings
from tests.identity.flows import Browser, browser_for
from tests.identity.member_flows import mail_gql  # noqa: F401 (a fixture)
from tests.identity.oidc_flows import app_with_google, google, guest  # noqa: F401 (fixtures)
from tests.mail.smtp_server import SmtpServer, smtp_server
from tests.support import TEST_KEK


@pytest.fixture(scope="session")
def mailbox() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def identity_settings(data_dir: Path, smtp: SmtpServer, **changes: object) -> Settings:
    base: dict[str, object] = {
        "environment": "test", "data_dir": data_dir, "kek": Secret(TEST_KEK),
        "smtp_url": Secret(smtp.url), "mail_from": "Assay <no-reply@assay.example>",
        "public_url": "https://assay.example.com",
        # The cheapest cost ASVS accepts: the tests hash many passwords.
        "argon2_time_cost": 2, "argon2_memory_kib": 19456, "argon2_parallelism": 1,
    }
    return Settings(**{**base, **changes})  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings_with_mail(data_dir: Path, mailbox: SmtpServer) -> Settings:
    # The shared app's browsers all come from one address (flows.browser_for), so its
    # failures would add up across the suite; test_throttling checks the address limit
    # with apps and addresses of its own.
    return identity_settings(data_dir, mailbox, login_address_free_failures=100_000)


@pytest.fixture(scope="session")
def identity_app(database: dict[str, DatabaseUrl], settings_with_mail: Settings) -> Starlette:
    return create_app(settings_with_mail, database["app"])


@pytest.fixture
async def browser(identity_app: Starlette, mailbox: SmtpServer) -> AsyncIterator[Browser]:
    async with browser_for(identity_app, mailbox) as opened:
        yield opened


@pytest.fixture
async def second_browser(identity_app: Starlette, mailbox: SmtpServer
                         ) -> AsyncIterator[Browser]:
    async with browser_for(identity_app, mailbox) as opened:
        yield opened
