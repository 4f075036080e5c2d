"""Fixtures of the webhook tests: a receiver on loopback, and an API that may reach it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Secret, Settings
from tests.connectors.agents import Agent, serving
from tests.support import TEST_KEK, GraphQLClient
from tests.webhooks.receiver import Receiver


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    """The loopback echo agent runs are made against."""
    async with serving() as running:
        yield running


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with Receiver() as running:
        yield running


@pytest.fixture
def private_settings(tmp_path: Path) -> Settings:
    """An operator who allows loopback targets (as the demo and tests do)."""
    return Settings(environment="test", data_dir=tmp_path, kek=Secret(TEST_KEK),
                    allow_private_targets=True)


@pytest.fixture
async def private_gql(database: dict[str, DatabaseUrl], private_settings: Settings
                      ) -> AsyncIterator[GraphQLClient]:
    transport = httpx.ASGITransport(app=create_app(private_settings, database["app"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)
