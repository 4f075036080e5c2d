"""Fixtures: one fresh PostgreSQL database per test session, migrated with the real migrations.

The tests use the machine's PostgreSQL service when it answers on 127.0.0.1:5432, and the
embedded PostgreSQL otherwise. The application connects as the non-owner runtime role, so
row-level security applies to every test exactly as in production.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis
from tortoise import Tortoise

from assay.app import create_app
from assay.crypto import envelope
from assay.crypto.keys import KekRing
from assay.db import migrate
from assay.db.config import DatabaseUrl, tortoise_config
from assay.db.embedded import start_redis
from assay.runs import queue
from assay.settings import Secret, Settings
from tests.support import (
    APP_ROLE,
    TEST_KEK,
    GraphQLClient,
    embedded_postgres,
    service_postgres,
)

pytest_plugins = ["tests.conftest_llm"]


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("assay-data")


@pytest.fixture(scope="session")
async def database(data_dir: Path) -> AsyncIterator[dict[str, DatabaseUrl]]:
    server = service_postgres() or embedded_postgres(Path("/tmp/assay-test-embedded"))
    name = f"assay_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(**server.credentials())
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    owner = server.with_database(name)
    await migrate.upgrade(owner, app_role=APP_ROLE, app_password="")
    app_url = owner.with_user(APP_ROLE)
    await Tortoise.init(config=tortoise_config(app_url))
    envelope.configure(KekRing.parse(TEST_KEK))
    yield {"owner": owner, "app": app_url}
    await Tortoise.close_connections()
    admin = await asyncpg.connect(**server.credentials())
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return Settings(environment="test", data_dir=data_dir, kek=Secret(TEST_KEK))


@pytest.fixture(scope="session")
async def gql(database: dict[str, DatabaseUrl], settings: Settings) -> AsyncIterator[GraphQLClient]:
    app = create_app(settings, database["app"])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)


@pytest.fixture
async def owner_db(database: dict[str, DatabaseUrl]) -> AsyncIterator[asyncpg.Connection]:
    """A raw connection as the table owner (for tampering behind the application's back)."""
    conn = await asyncpg.connect(**database["owner"].credentials())
    yield conn
    await conn.close()


@pytest.fixture
async def app_db(database: dict[str, DatabaseUrl]) -> AsyncIterator[asyncpg.Connection]:
    """A raw connection as the application's runtime role."""
    conn = await asyncpg.connect(**database["app"].credentials())
    yield conn
    await conn.close()


@pytest.fixture(scope="session", autouse=True)
async def job_queue(data_dir: Path) -> AsyncIterator[str]:
    """This session's own Redis, which runs are queued into during tests.

    Each session gets a private embedded Redis under its data directory, as it gets its own
    PostgreSQL database: sessions running side by side (engineers, CI jobs) share neither the
    queue nor arq's job, retry and in-progress keys, so no session flushes, steals or re-runs
    another's jobs.
    """
    dsn = start_redis(data_dir)
    queue.configure(dsn)
    yield dsn
    await queue.close()


@pytest.fixture
async def redis_dsn(job_queue: str) -> AsyncIterator[str]:
    """The job queue, empty before and after the test."""
    client = Redis.from_url(job_queue)
    await client.flushdb()
    yield job_queue
    await queue.close()
    await client.flushdb()
    await client.aclose()
