"""Fixtures for the security tests: the application on a loopback port, for subscriptions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Settings
from tests.graphql_ws import serving


@pytest.fixture(scope="session")
async def ws_address(database: dict[str, DatabaseUrl], settings: Settings
                     ) -> AsyncIterator[str]:
    """``host:port`` of the application served over real sockets (its /graphql websocket)."""
    async with serving(create_app(settings, database["app"])) as address:
        yield address
