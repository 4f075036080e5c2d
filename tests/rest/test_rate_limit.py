"""Fixed-window limits per API key, counted in Redis: exact countdown, 429, shared by apps."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import httpx
import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.ids import new_id
from assay.settings import Settings, SettingsError, load_settings
from tests.connectors.agents import Agent
from tests.rest.support import bearer, queued, read_key, refusal, runs_path
from tests.runs.world import build
from tests.support import GraphQLClient, make_org


@asynccontextmanager
async def app_client(database: dict[str, DatabaseUrl], settings: Settings
                     ) -> AsyncIterator[httpx.AsyncClient]:
    """Another instance of the application, with its own settings (same database and Redis)."""
    app = create_app(settings, database["app"])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as client:
        yield client


def limits(response: httpx.Response) -> tuple[int, str, str]:
    return (response.status_code, response.headers["ratelimit-limit"],
            response.headers["ratelimit-remaining"])


async def test_the_countdown_is_exact_shared_by_two_apps_and_ends_in_429(
    gql: GraphQLClient, agent: Agent, database: dict[str, DatabaseUrl], settings: Settings,
    redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    key = bearer(world.org.api_key)
    other_key = bearer(await read_key(world.org))
    missing = f"/api/v1/runs/{new_id()}"
    limited = dataclasses.replace(settings, api_rate_limit=3)

    async with app_client(database, limited) as first, app_client(database, limited) as second:
        answers = [await first.get(missing, headers=key), await second.get(missing, headers=key),
                   await first.get(missing, headers=key)]
        over = await second.post(runs_path(world.ids["plan"]), headers=key,
                                 json={"connection_id": world.ids["connection"]})
        other = await first.get(missing, headers=other_key)

    assert [limits(r) for r in answers] == [(404, "3", "2"), (404, "3", "1"), (404, "3", "0")]
    status, code, message, _ = refusal(over)
    reset = int(over.headers["ratelimit-reset"])
    assert (status, code, over.headers["ratelimit-remaining"]) == (429, "RATE_LIMITED", "0")
    assert message == (f"over 3 requests a minute for this API key: wait {reset} s "
                       "(Retry-After), then send fewer requests (poll less often)")
    assert over.headers["retry-after"] == str(reset)
    assert 1 <= reset <= 60
    assert all(1 <= int(r.headers["ratelimit-reset"]) <= 60 for r in answers)
    assert limits(other) == (404, "3", "2")
    assert "retry-after" not in other.headers
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 0
    assert await queued(redis_dsn) == 0


async def test_keyless_requests_count_against_the_address(
    database: dict[str, DatabaseUrl], settings: Settings, redis_dsn: str,
) -> None:
    limited = dataclasses.replace(settings, api_rate_limit=2)

    async with app_client(database, limited) as client:
        answers = [await client.get("/api/v1/openapi.json") for _ in range(3)]

    assert [limits(r) for r in answers] == [(200, "2", "1"), (200, "2", "0"), (429, "2", "0")]
    assert refusal(answers[2])[1] == "RATE_LIMITED"


async def test_the_default_is_600_a_minute(api: httpx.AsyncClient) -> None:
    org = await make_org("Default limit")

    response = await api.get(f"/api/v1/runs/{new_id()}", headers=bearer(org.api_key))

    assert limits(response) == (404, "600", "599")


@pytest.mark.parametrize(("raw", "expected"), [("5", 5), ("", 600), (None, 600)])
def test_the_limit_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, raw: str | None, expected: int,
) -> None:
    if raw is None:
        monkeypatch.delenv("ASSAY_API_RATE_LIMIT", raising=False)
    else:
        monkeypatch.setenv("ASSAY_API_RATE_LIMIT", raw)

    assert load_settings().api_rate_limit == expected


@pytest.mark.parametrize(("raw", "message"), [
    ("0", "ASSAY_API_RATE_LIMIT must be 1 or more, got 0"),
    ("-4", "ASSAY_API_RATE_LIMIT must be 1 or more, got -4"),
    ("lots", "ASSAY_API_RATE_LIMIT must be a whole number, got 'lots'"),
])
def test_a_bad_limit_is_a_clear_settings_error(
    monkeypatch: pytest.MonkeyPatch, raw: str, message: str,
) -> None:
    monkeypatch.setenv("ASSAY_API_RATE_LIMIT", raw)

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == message
