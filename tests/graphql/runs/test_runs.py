"""startRun, cancelRun, runs, run and node(id) for runs, through the GraphQL API."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import asyncpg
import pytest

from assay.graphql import schema
from assay.graphql.relay import encode_id, expect_id
from assay.graphql.runs.queries import RunQuery
from assay.organizations.models import Role
from tests.connectors.agents import Agent
from tests.runs.world import RunWorld, build, drain
from tests.support import GraphQLClient, error_codes, member

pytestmark = pytest.mark.skipif(
    RunQuery not in schema.QUERIES,
    reason="assay.graphql.runs is not wired into assay.graphql.schema.DOMAINS yet")

ERRORS = "... on MutationError { code message } ... on ValidationError { issues { path code } }"
RUN_FIELDS = """
id status planName idempotencyKey startedAt finishedAt
counts { total passed failed errored timedOut cancelled pending }
suites { name caseCount } connection { name kind concurrency } project { name }
plan { name status }
"""
CASE_FIELDS = """
position title mode input turns version status
result { status attempts contentHash error { code message }
         turns { message reply attempts asserts { index type passed } }
         asserts { index type passed turn reason } }
"""
START = f"""
mutation($input: StartRunInput!) {{ startRun(input: $input) {{ __typename
  ... on StartRunSuccess {{ created run {{ {RUN_FIELDS} }} }} {ERRORS} }} }}
"""
CANCEL = f"""
mutation($id: ID!) {{ cancelRun(id: $id) {{ __typename
  ... on CancelRunSuccess {{ run {{ status counts {{ cancelled pending }} }} }} {ERRORS} }} }}
"""
RUN = f"""
query($id: ID!) {{ run(id: $id) {{ {RUN_FIELDS}
  cases(first: 10) {{ totalCount edges {{ node {{ {CASE_FIELDS} }} }} }} }} }}
"""
RUNS = """
query($projectId: ID, $status: RunStatus) { runs(projectId: $projectId, status: $status) {
  totalCount edges { node { id status } } } }
"""
NODE = "query($id: ID!) { node(id: $id) { __typename ... on Run { status planName } } }"


def start_input(world: RunWorld, key: str | None = None) -> dict[str, Any]:
    return {"input": {"planId": world.ids["plan"], "connectionId": world.ids["connection"],
                      "idempotencyKey": key}}


async def audit_actions(owner_db: asyncpg.Connection, world: RunWorld) -> list[str]:
    rows = await owner_db.fetch("SELECT action FROM audit_events WHERE organization_id = $1 "
                                "AND action LIKE 'run.%' ORDER BY seq", world.org.id)
    return [row["action"] for row in rows]


async def test_start_then_read_a_finished_run(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)

    started = (await gql.data(START, start_input(world, "ci-1"), world.owner))["startRun"]
    await drain(redis_dsn)
    body = await gql.data(RUN, {"id": started["run"]["id"]}, world.owner)

    assert started["__typename"] == "StartRunSuccess"
    assert started["created"] is True
    assert {k: started["run"][k] for k in ("status", "counts", "startedAt", "finishedAt")} == {
        "status": "QUEUED", "startedAt": None, "finishedAt": None,
        "counts": {"total": 3, "passed": 0, "failed": 0, "errored": 0, "timedOut": 0,
                   "cancelled": 0, "pending": 3}}
    run = body["run"]
    assert (run["status"], run["planName"], run["idempotencyKey"]) == (
        "COMPLETED", "Release", "ci-1")
    assert run["counts"] == {"total": 3, "passed": 2, "failed": 1, "errored": 0, "timedOut": 0,
                             "cancelled": 0, "pending": 0}
    assert run["suites"] == [{"name": "A", "caseCount": 2}, {"name": "B", "caseCount": 2}]
    assert run["connection"] == {"name": "Echo bot", "kind": "HTTP", "concurrency": 10}
    assert (run["plan"], run["project"]) == ({"name": "Release", "status": "READY"},
                                             {"name": "Default"})
    cases = [edge["node"] for edge in run["cases"]["edges"]]
    assert run["cases"]["totalCount"] == 3
    assert [(c["position"], c["title"], c["mode"], c["version"], c["status"]) for c in cases] == [
        (0, "Refund window", "SIMPLE", 1, "PASSED"),
        (1, "Refund chat", "CONVERSATIONAL", 1, "PASSED"),
        (2, "Exact greeting", "SIMPLE", 1, "FAILED")]
    chat = cases[1]["result"]
    assert chat["turns"] == [
        {"message": "Hi", "reply": "echo: Hi", "attempts": 1,
         "asserts": [{"index": 1, "type": "min_length", "passed": True}]},
        {"message": "I want a refund", "reply": "echo: I want a refund", "attempts": 1,
         "asserts": [{"index": 0, "type": "contains", "passed": True},
                     {"index": 1, "type": "min_length", "passed": True}]}]
    stored_hash = await owner_db.fetchval(
        "SELECT r.content_hash FROM run_case_results r JOIN run_cases c ON c.id = r.run_case_id "
        "WHERE c.run_id = $1 AND c.position = 1", expect_id(started["run"]["id"], "Run", "id"))
    assert (chat["status"], chat["attempts"], chat["error"], chat["contentHash"]) == (
        "PASSED", 1, None, stored_hash)
    assert cases[2]["result"]["asserts"] == [
        {"index": 0, "type": "equals", "passed": False, "turn": 0,
         "reason": "expected the answer to equal 'Hello!' (case-insensitive, ignoring "
                   "surrounding whitespace); it is 'echo: Say hello'"}]
    assert await audit_actions(owner_db, world) == ["run.start"]


async def test_the_same_key_returns_the_same_run(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)

    first = (await gql.data(START, start_input(world, "ci-2"), world.owner))["startRun"]
    second = (await gql.data(START, start_input(world, "ci-2"), world.owner))["startRun"]

    assert (second["created"], second["run"]["id"]) == (False, first["run"]["id"])
    assert await audit_actions(owner_db, world) == ["run.start"]


async def test_a_draft_plan_is_a_typed_conflict(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent, ready=False)

    result = (await gql.data(START, start_input(world), world.owner))["startRun"]

    assert result == {"__typename": "ConflictError", "code": "PLAN_NOT_READY",
                      "message": "this plan is DRAFT: only READY plans run; set it READY "
                                 "with setPlanStatus, then start the run"}
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 0
    assert await audit_actions(owner_db, world) == []


async def test_a_bad_id_names_the_field(
    gql: GraphQLClient, agent: Agent, redis_dsn: str,
) -> None:
    world = await build(gql, agent)
    variables = start_input(world)
    variables["input"]["connectionId"] = world.ids["plan"]

    result = (await gql.data(START, variables, world.owner))["startRun"]

    assert (result["__typename"], result["issues"]) == (
        "ValidationError", [{"path": ["input", "connectionId"], "code": "INVALID_ID"}])


async def test_a_viewer_reads_runs_but_cannot_start_or_cancel_one(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    viewer = await member(world.org, Role.VIEWER)
    started = (await gql.data(START, start_input(world), world.owner))["startRun"]
    run_id = started["run"]["id"]

    denied_start = await gql.post(START, start_input(world), viewer)
    denied_cancel = await gql.post(CANCEL, {"id": run_id}, viewer)
    listed = await gql.data(RUNS, {"projectId": world.org.project_gid}, viewer)
    node = await gql.data(NODE, {"id": run_id}, viewer)

    assert error_codes(denied_start) == error_codes(denied_cancel) == ["FORBIDDEN"]
    assert listed["runs"] == {"totalCount": 1,
                              "edges": [{"node": {"id": run_id, "status": "QUEUED"}}]}
    assert node["node"] == {"__typename": "Run", "status": "QUEUED", "planName": "Release"}
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 1
    assert await audit_actions(owner_db, world) == ["run.start"]


async def test_cancel_through_the_api(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    started = (await gql.data(START, start_input(world), world.owner))["startRun"]

    cancelled = (await gql.data(CANCEL, {"id": started["run"]["id"]}, world.owner))["cancelRun"]
    again = (await gql.data(CANCEL, {"id": started["run"]["id"]}, world.owner))["cancelRun"]
    await drain(redis_dsn)
    listed = await gql.data(RUNS, {"status": "CANCELLED"}, world.owner)

    assert cancelled == {"__typename": "CancelRunSuccess",
                         "run": {"status": "CANCELLED",
                                 "counts": {"cancelled": 3, "pending": 0}}}
    assert (again["__typename"], again["code"]) == ("ConflictError", "RUN_FINISHED")
    assert listed["runs"] == {"totalCount": 1, "edges": [
        {"node": {"id": started["run"]["id"], "status": "CANCELLED"}}]}
    assert agent.received == []
    assert await audit_actions(owner_db, world) == ["run.start", "run.cancel"]


async def test_an_unknown_run_is_not_found(gql: GraphQLClient, agent: Agent) -> None:
    world = await build(gql, agent)
    unknown = encode_id("Run", uuid.uuid4())

    body = await gql.post(RUN, {"id": unknown}, world.owner)
    cancel = (await gql.data(CANCEL, {"id": unknown}, world.owner))["cancelRun"]

    assert (error_codes(body), body["data"]) == (["NOT_FOUND"], {"run": None})
    assert cancel == {"__typename": "NotFoundError", "code": "NOT_FOUND",
                      "message": "Run not found: check the id, and that you have access to it"}


LIST_WITH_CASES = """
{ runs(first: 50) { edges { node { status counts { total } project { name }
    cases(first: 5) { totalCount edges { node { title status result { status } } } } } } } }
"""


async def _statements(gql: GraphQLClient, world: RunWorld,
                      caplog: pytest.LogCaptureFixture) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        await gql.data(LIST_WITH_CASES, caller=world.owner)
    return sum(1 for r in caplog.records
               if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage())


async def test_listing_runs_with_their_cases_uses_constant_statements(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, caplog: pytest.LogCaptureFixture,
) -> None:
    small, large = await build(gql, agent), await build(gql, agent)
    await gql.data(START, start_input(small), small.owner)
    for n in range(6):
        await gql.data(START, start_input(large, f"k{n}"), large.owner)

    counts = (await _statements(gql, small, caplog), await _statements(gql, large, caplog))

    assert counts[0] == counts[1]
    print(json.dumps({"statements": counts}))
