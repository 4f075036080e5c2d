"""/api/v1 on a real `assay serve` process, sharing its Redis (queue and limits) with the tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import httpx

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.rest.support import bearer, queued, refusal, runs_path
from tests.runs.world import build
from tests.server_process import environment, serving
from tests.support import GraphQLClient


async def test_a_served_api_starts_and_reads_runs_and_shares_the_limit_across_processes(
    gql: GraphQLClient, agent: Agent, database: dict[str, DatabaseUrl], settings: Settings,
    redis_dsn: str, tmp_path: Path,
) -> None:
    world = await build(gql, agent)
    key = bearer(world.org.api_key)
    body = {"connection_id": world.ids["connection"]}
    env = environment(database, tmp_path, REDIS_URL=redis_dsn, ASSAY_API_RATE_LIMIT="5")
    here = create_app(dataclasses.replace(settings, api_rate_limit=5), database["app"])

    async with serving(env) as server, httpx.AsyncClient(
            transport=httpx.ASGITransport(app=here), base_url="http://testserver") as local:
        started = await server.post(runs_path(world.ids["plan"]), json=body, headers={
            **key, "idempotency-key": "pipeline-7"})
        location = started.headers["location"]
        replayed = await local.post(runs_path(world.ids["plan"]), json=body, headers={
            **key, "idempotency-key": "pipeline-7"})
        read = await server.get(location, headers=key)
        results = await local.get(f"{location}/results", headers=key)
        last = await server.get(location, headers=key)
        over = await local.get(location, headers=key)
        document = await server.get("/api/v1/openapi.json")

    assert (started.status_code, replayed.status_code) == (201, 200)
    assert location == f"/api/v1/runs/{started.json()['id']}"
    assert replayed.json() == started.json() == read.json()
    assert results.json() == {"results": [], "next_cursor": None}
    assert await queued(redis_dsn) == 3
    assert [r.headers["ratelimit-remaining"] for r in (started, replayed, read, results, last)
            ] == ["4", "3", "2", "1", "0"]
    assert refusal(over)[:2] == (429, "RATE_LIMITED")
    assert document.json()["openapi"] == "3.1.0"
    assert len(started.headers["x-request-id"]) == 16
