"""GET /runs/{id}, its results page by page over a finished run, and POST /runs/{id}/cancel."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from assay.auth.models import ApiKeyScope
from assay.db.transactions import tenant_transaction
from assay.runs import events
from assay.runs.models import RunCase, RunCaseResult
from tests.connectors.agents import Agent
from tests.rest.support import bearer, pk, read_key, refusal, runs_path
from tests.runs.world import RunWorld, build, drain, get_run
from tests.security.world import snapshot
from tests.support import GraphQLClient, gid


async def _started(api: httpx.AsyncClient, world: RunWorld) -> str:
    response = await api.post(runs_path(world.ids["plan"]), headers=bearer(world.org.api_key),
                              json={"connection_id": world.ids["connection"]})
    assert response.status_code == 201, response.text
    run_id: str = response.json()["id"]
    return run_id


async def _expected_results(world: RunWorld, run_id: str) -> list[dict[str, Any]]:
    """The results as stored, in run order, shaped as the contract says (built here)."""
    async with tenant_transaction(world.org.id):
        cases = await RunCase.filter(run_id=pk(run_id)).order_by("position")
        rows = {r.run_case_id: r for r in await RunCaseResult.filter(run_id=pk(run_id))}
    expected = []
    for case in cases:
        row = rows[case.id]
        expected.append({
            "id": gid("RunCaseResult", row.id), "position": case.position,
            "test_case": {"id": gid("TestCase", case.test_case_id), "version": 1,
                          "title": case.title},
            "mode": case.mode.value, "status": row.status.value,
            "duration_ms": row.duration_ms,
            "started_at": row.started_at.isoformat() if row.started_at else None,
            "finished_at": row.finished_at.isoformat(),
            "turns": [{k: t[k] for k in ("index", "message", "reply", "latency_ms",
                                         "started_at", "attempts", "asserts")}
                      for t in row.turns],
            "asserts": row.asserts,
            "error": {"code": row.error_code, "message": row.error_message}
            if row.error_code else None,
            "content_hash": row.content_hash,
        })
    return expected


async def _next_message(subscription: PubSub) -> Any:
    """The next message published on the subscription (waiting up to 5 s for it)."""
    for _ in range(50):
        message = await subscription.get_message(ignore_subscribe_messages=True, timeout=0.1)
        if message is not None:
            return message["data"]
    return None


async def test_a_finished_run_and_its_results_page_by_page(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
) -> None:
    world = await build(gql, agent)
    run_id = await _started(api, world)
    key = await read_key(world.org, ApiKeyScope.READ)
    before = await api.get(f"/api/v1/runs/{run_id}/results", headers=bearer(key))
    await drain(redis_dsn)

    run = await api.get(f"/api/v1/runs/{run_id}", headers=bearer(key))
    first = await api.get(f"/api/v1/runs/{run_id}/results", params={"limit": 2},
                          headers=bearer(key))
    cursor = first.json()["next_cursor"]
    second = await api.get(f"/api/v1/runs/{run_id}/results",
                           params={"limit": 2, "after": cursor}, headers=bearer(key))
    everything = await api.get(f"/api/v1/runs/{run_id}/results", headers=bearer(key))

    stored = await get_run(world, pk(run_id))
    assert before.json() == {"results": [], "next_cursor": None}
    assert run.status_code == 200
    assert run.json()["status"] == "COMPLETED"
    assert run.json()["counts"] == {"total": 3, "passed": 2, "failed": 1, "errored": 0,
                                    "timed_out": 0, "cancelled": 0, "pending": 0}
    assert stored.started_at is not None and stored.finished_at is not None
    assert (run.json()["started_at"], run.json()["finished_at"]) == (
        stored.started_at.isoformat(), stored.finished_at.isoformat())
    expected = await _expected_results(world, run_id)
    assert [r["test_case"]["title"] for r in expected] == [
        "Refund window", "Refund chat", "Exact greeting"]
    assert [r["status"] for r in expected] == ["PASSED", "PASSED", "FAILED"]
    assert first.json() == {"results": expected[:2], "next_cursor": cursor}
    assert isinstance(cursor, str) and cursor
    assert second.json() == {"results": expected[2:], "next_cursor": None}
    assert everything.json() == {"results": expected, "next_cursor": None}
    chat = expected[1]
    assert [(t["message"], t["reply"]) for t in chat["turns"]] == [
        ("Hi", "echo: Hi"), ("I want a refund", "echo: I want a refund")]


async def test_results_refuse_bad_limits_and_cursors(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
) -> None:
    world = await build(gql, agent)
    run_id = await _started(api, world)
    other_run = await _started(api, world)
    await drain(redis_dsn)
    other_page = await api.get(f"/api/v1/runs/{other_run}/results", params={"limit": 1},
                               headers=bearer(world.org.api_key))
    foreign_cursor = other_page.json()["next_cursor"]

    async def ask(**params: Any) -> tuple[int, str, str, str | None]:
        return refusal(await api.get(f"/api/v1/runs/{run_id}/results", params=params,
                                     headers=bearer(world.org.api_key)))

    limit = (422, "INVALID_INPUT", "limit: give a whole number from 1 to 500", "limit")
    cursor = (422, "INVALID_INPUT", "after: not a cursor of this run: pass next_cursor of the "
              "previous page, or leave after out to start from the first result", "after")
    assert [await ask(limit=0), await ask(limit=501), await ask(limit="ten"),
            await ask(limit=-1)] == [limit] * 4
    assert [await ask(after="garbage!"), await ask(after=foreign_cursor)] == [cursor] * 2
    assert (await api.get(f"/api/v1/runs/{run_id}/results", params={"limit": 500},
                          headers=bearer(world.org.api_key))).status_code == 200


async def test_cancel_records_every_pending_case_and_then_refuses(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    run_id = await _started(api, world)
    path = f"/api/v1/runs/{run_id}/cancel"
    listener = Redis.from_url(redis_dsn)
    subscription = listener.pubsub()
    await subscription.subscribe(events.channel(pk(run_id)))

    cancelled = await api.post(path, headers=bearer(world.org.api_key))
    told = await _next_message(subscription)
    again = await api.post(path, headers=bearer(world.org.api_key))
    await subscription.aclose()
    await listener.aclose()
    results = await api.get(f"/api/v1/runs/{run_id}/results", headers=bearer(world.org.api_key))

    body = cancelled.json()
    stored = await get_run(world, pk(run_id))
    assert stored.finished_at is not None
    assert cancelled.status_code == 200
    assert (body["status"], body["finished_at"]) == ("CANCELLED", stored.finished_at.isoformat())
    assert body["counts"] == {"total": 3, "passed": 0, "failed": 0, "errored": 0,
                              "timed_out": 0, "cancelled": 3, "pending": 0}
    assert told == b"{}"  # subscribers learn the status changed once the cancel committed
    assert refusal(again) == (409, "RUN_FINISHED", "this run is already CANCELLED: only "
                              "QUEUED or RUNNING runs can be cancelled", None)
    assert [(r["position"], r["status"], r["error"], r["turns"])
            for r in results.json()["results"]] == [
        (position, "CANCELLED", {"code": "CANCELLED",
                                 "message": "the run was cancelled before this case ran"}, [])
        for position in range(3)]
    event = await owner_db.fetchrow("SELECT actor_type, request_id FROM audit_events WHERE "
                                    "action = 'run.cancel' AND target_id = $1",
                                    str(pk(run_id)))
    assert (event["actor_type"], event["request_id"]) == (
        "api_key", cancelled.headers["x-request-id"])


async def test_a_read_key_cannot_cancel(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    run_id = await _started(api, world)
    key = await read_key(world.org, ApiKeyScope.READ)
    read = await api.get(f"/api/v1/runs/{run_id}", headers=bearer(key))
    before = await snapshot(owner_db, world.org.id)

    response = await api.post(f"/api/v1/runs/{run_id}/cancel", headers=bearer(key))

    assert read.json()["status"] == "QUEUED"
    assert refusal(response) == (
        403, "FORBIDDEN", "this API key lacks the run.cancel permission: use a WRITE key of a "
        "member whose role allows it (READ keys only read)", None)
    assert await snapshot(owner_db, world.org.id) == before


async def test_unknown_runs_are_404_run_not_found(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent,
) -> None:
    world = await build(gql, agent)
    missing = gid("Run", pk(world.ids["plan"]))  # a well-formed id that names no run
    answers = []
    for method, suffix in (("GET", ""), ("GET", "/results"), ("POST", "/cancel")):
        for run_id in (missing, "not-an-id", world.ids["plan"], str(pk(world.ids["plan"]))):
            response = await api.request(method, f"/api/v1/runs/{run_id}{suffix}",
                                         headers=bearer(world.org.api_key))
            answers.append(refusal(response))

    assert answers == [(404, "RUN_NOT_FOUND",
                        "Run not found: check the id, and that you have access to it",
                        None)] * 12
