"""POST /api/v1/plans/{plan_id}/runs: a queued run, idempotency, and every refusal."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from assay.auth.models import ApiKeyScope
from assay.ids import new_id
from tests.connectors.agents import Agent
from tests.rest.support import bearer, pk, queued, read_key, refusal, runs_path
from tests.runs.world import TOKEN, RunWorld, add_connection, build, get_run, http_agent
from tests.security.world import snapshot
from tests.support import GraphQLClient, gid


async def _start(api: httpx.AsyncClient, world: RunWorld, key: str | None = None,
                 connection: str | None = None, headers: dict[str, str] | None = None
                 ) -> httpx.Response:
    extra = {"idempotency-key": key} if key is not None else {}
    return await api.post(runs_path(world.ids["plan"]),
                          json={"connection_id": connection or world.ids["connection"]},
                          headers={**bearer(world.org.api_key), **extra, **(headers or {})})


async def _runs(owner_db: asyncpg.Connection, world: RunWorld) -> int:
    count: int = await owner_db.fetchval("SELECT count(*) FROM runs WHERE plan_id = $1",
                                         world.pk("plan"))
    return count


async def test_start_answers_201_with_the_run_and_queues_one_job_per_case(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)

    response = await _start(api, world)

    body = response.json()
    run = await get_run(world, pk(body["id"]))
    run_gid = gid("Run", run.id)
    assert response.status_code == 201
    assert response.headers["location"] == f"/api/v1/runs/{run_gid}"
    assert body == {
        "id": run_gid, "status": "QUEUED",
        "plan": {"id": world.ids["plan"], "name": "Release"},
        "connection": {"id": world.ids["connection"], "name": "Echo bot", "kind": "HTTP"},
        "created_at": run.created_at.isoformat(), "started_at": None, "finished_at": None,
        "counts": {"total": 3, "passed": 0, "failed": 0, "errored": 0, "timed_out": 0,
                   "cancelled": 0, "pending": 3},
        "links": {"self": f"/api/v1/runs/{run_gid}",
                  "results": f"/api/v1/runs/{run_gid}/results"},
    }
    assert await queued(redis_dsn) == 3
    assert (response.headers["ratelimit-limit"], response.headers["ratelimit-remaining"]) == (
        "600", "599")
    assert 1 <= int(response.headers["ratelimit-reset"]) <= 60
    assert len(response.headers["x-request-id"]) == 16
    event = await owner_db.fetchrow(
        "SELECT actor_type, actor_id, request_id, details FROM audit_events "
        "WHERE action = 'run.start' AND target_id = $1", str(run.id))
    key_id = await owner_db.fetchval(
        "SELECT id FROM api_keys WHERE organization_id = $1 AND name = 'bootstrap'",
        world.org.id)
    assert (event["actor_type"], event["actor_id"], event["request_id"]) == (
        "api_key", str(key_id), response.headers["x-request-id"])


async def test_the_same_idempotency_key_answers_200_with_the_same_run_and_queues_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    first = await _start(api, world, key="ci-build-41")
    after_first = await queued(redis_dsn)

    again = await _start(api, world, key="ci-build-41")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert "location" not in again.headers
    assert (after_first, await queued(redis_dsn)) == (3, 3)
    assert await _runs(owner_db, world) == 1
    assert await owner_db.fetchval(
        "SELECT count(*) FROM audit_events WHERE action = 'run.start' AND organization_id = $1",
        world.org.id) == 1


async def test_a_key_reused_for_another_connection_is_409_and_starts_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    other = await add_connection(gql, world, "Second bot", http_agent(agent))
    await _start(api, world, key="nightly")
    before = await snapshot(owner_db, world.org.id)

    response = await _start(api, world, key="nightly", connection=other)

    assert refusal(response) == (
        409, "IDEMPOTENCY_KEY_REUSED", "this idempotency key already started a run of another "
        "plan or connection: use a new key for a different run", None)
    assert await snapshot(owner_db, world.org.id) == before
    assert await queued(redis_dsn) == 3


async def test_a_read_key_cannot_start_a_run(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    key = await read_key(world.org, ApiKeyScope.READ)
    warm = await api.get("/api/v1/runs/00000000-0000-0000-0000-000000000000",
                         headers=bearer(key))  # the key's first use is recorded: do it first
    before = await snapshot(owner_db, world.org.id)

    response = await api.post(runs_path(world.ids["plan"]), headers=bearer(key),
                              json={"connection_id": world.ids["connection"]})

    assert warm.status_code == 404
    assert refusal(response) == (
        403, "FORBIDDEN", "this API key lacks the run.create permission: use a WRITE key of a "
        "member whose role allows it (READ keys only read)", None)
    assert await snapshot(owner_db, world.org.id) == before
    assert await queued(redis_dsn) == 0


async def test_a_draft_plan_is_409_plan_not_ready(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent, ready=False)

    response = await _start(api, world)

    assert refusal(response) == (
        409, "PLAN_NOT_READY", "this plan is DRAFT: only READY plans run; set it READY with "
        "setPlanStatus, then start the run", None)
    assert (await _runs(owner_db, world), await queued(redis_dsn)) == (0, 0)


async def test_raw_uuids_are_accepted_for_the_plan_and_the_connection(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
) -> None:
    world = await build(gql, agent)

    response = await api.post(runs_path(str(world.pk("plan"))), headers=bearer(world.org.api_key),
                              json={"connection_id": str(world.pk("connection"))})

    assert response.status_code == 201
    assert (response.json()["plan"]["id"], response.json()["connection"]["id"]) == (
        world.ids["plan"], world.ids["connection"])


async def _invalid(api: httpx.AsyncClient, world: RunWorld, body: Any,
                   headers: dict[str, str] | None = None) -> tuple[int, str, str, str | None]:
    response = await api.post(runs_path(world.ids["plan"]), json=body,
                              headers={**bearer(world.org.api_key), **(headers or {})})
    return refusal(response)


async def test_bad_input_is_422_with_the_field_and_starts_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    connection = {"connection_id": world.ids["connection"]}
    wrong_id = ("connection_id: not a valid AgentConnection id: pass the id the API shows for "
                "it, or its UUID")

    answers = [
        await _invalid(api, world, {}),
        await _invalid(api, world, {"connection_id": world.ids["plan"]}),
        await _invalid(api, world, {"connection_id": 7}),
        await _invalid(api, world, {**connection, "connectionId": "x"}),
        await _invalid(api, world, ["not", "an", "object"]),
        await _invalid(api, world, connection, {"idempotency-key": "k" * 201}),
    ]

    assert answers == [
        (422, "INVALID_INPUT", "connection_id: required: give the AgentConnection's id",
         "connection_id"),
        (422, "INVALID_INPUT", wrong_id, "connection_id"),
        (422, "INVALID_INPUT", wrong_id, "connection_id"),
        (422, "INVALID_INPUT", "connectionId: unknown field: the body takes only "
         "connection_id", "connectionId"),
        (422, "INVALID_INPUT", 'body: send a JSON object, e.g. {"connection_id": "..."}',
         "body"),
        (422, "INVALID_INPUT", "Idempotency-Key: give 1 to 200 characters, or leave the key "
         "out", "Idempotency-Key"),
    ]
    assert (await _runs(owner_db, world), await queued(redis_dsn)) == (0, 0)


async def test_unknown_plan_and_connection_are_404_with_their_codes(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
) -> None:
    world = await build(gql, agent)
    unknown = str(new_id())

    no_plan = await api.post(runs_path(gid("Plan", new_id())),
                             json={"connection_id": world.ids["connection"]},
                             headers=bearer(world.org.api_key))
    garbage = await api.post(runs_path("not-an-id"), json={"connection_id": unknown},
                             headers=bearer(world.org.api_key))
    no_connection = await api.post(runs_path(world.ids["plan"]),
                                   json={"connection_id": unknown},
                                   headers=bearer(world.org.api_key))

    plan_missing = (404, "PLAN_NOT_FOUND",
                    "Plan not found: check the id, and that you have access to it", None)
    assert refusal(no_plan) == plan_missing
    assert refusal(garbage) == plan_missing
    assert refusal(no_connection) == (
        404, "CONNECTION_NOT_FOUND",
        "AgentConnection not found: check the id, and that you have access to it", None)
    assert await queued(redis_dsn) == 0


async def test_a_connection_of_another_project_is_not_visible_to_the_plans_key(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    project = await gql.data("""mutation { createProject(input: {name: "Other"}) {
      ... on CreateProjectSuccess { project { id } } } }""", caller=world.owner)
    elsewhere = await gql.data("""mutation($input: CreateAgentConnectionInput!) {
      createAgentConnection(input: $input) { ... on CreateAgentConnectionSuccess {
      agentConnection { id } } } }""", {"input": {
        "projectId": project["createProject"]["project"]["id"], "name": "Elsewhere",
        "http": http_agent(agent), "credentials": [{"name": "auth", "value": TOKEN}]}},
        world.owner)
    other = elsewhere["createAgentConnection"]["agentConnection"]["id"]

    response = await _start(api, world, connection=other)

    assert refusal(response) == (
        404, "CONNECTION_NOT_FOUND",
        "AgentConnection not found: check the id, and that you have access to it", None)
    assert (await _runs(owner_db, world), await queued(redis_dsn)) == (0, 0)
