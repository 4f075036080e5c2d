"""Fixtures of the judging tests: an API that may reach the loopback LLM server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Secret, Settings
from tests.support import TEST_KEK, GraphQLClient


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
