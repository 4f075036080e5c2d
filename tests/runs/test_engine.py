"""Runs end to end: startRun's snapshot, one arq job per case, write-once results."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC
from typing import Any

import asyncpg
import pytest
from arq import Retry

from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, ValidationFailed
from assay.graphql.relay import expect_id
from assay.runs import jobs, queue, service
from assay.runs.connectors import default_pool
from assay.runs.hashing import stored_hash_matches
from assay.runs.models import RunCase
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.runs.world import (
    CHAT_BODIES,
    SIMPLE_BODY,
    TOKEN,
    WRONG_BODY,
    RunWorld,
    add_connection,
    build,
    drain,
    get_run,
    http_agent,
    results,
    start,
)
from tests.support import GraphQLClient, Org


def recomputed_hash(row: asyncpg.Record) -> str:
    """The content hash, recomputed here from the stored columns (independently of the code)."""
    def stamp(value: Any) -> Any:
        return None if value is None else value.astimezone(UTC).isoformat(
            timespec="microseconds")

    body = {"run_case_id": str(row["run_case_id"]), "status": row["status"],
            "turns": json.loads(row["turns"]), "asserts": json.loads(row["asserts"]),
            "error_code": row["error_code"], "error_message": row["error_message"],
            "attempts": row["attempts"], "started_at": stamp(row["started_at"]),
            "finished_at": stamp(row["finished_at"]), "duration_ms": row["duration_ms"]}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def bodies(agent: Agent) -> list[str]:
    return sorted(request.body for request in agent.received)


def turn_view(turns: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [(t["message"], t["reply"], t["attempts"]) for t in turns]


def took(turn: dict[str, Any]) -> str:
    return f"expected the response to take at most 10000 ms; it took {round(turn['latency_ms'])} ms"


async def test_a_run_executes_every_case_once_and_records_it(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)

    started = await start(world, settings)
    queued = await get_run(world, started.run.id)
    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert (queued.status, started.created, len(started.run_case_ids)) == ("QUEUED", True, 3)
    assert (run.status, run.total, run.passed, run.failed, run.errored, run.timed_out,
            run.cancelled) == ("COMPLETED", 3, 2, 1, 0, 0, 0)
    assert run.created_at <= run.started_at <= run.finished_at
    assert bodies(agent) == sorted([SIMPLE_BODY, WRONG_BODY, *CHAT_BODIES])
    assert {r.headers["authorization"] for r in agent.received} == {f"Bearer {TOKEN}"}
    assert {title: row.status for title, row in rows.items()} == {
        "Refund window": "PASSED", "Refund chat": "PASSED", "Exact greeting": "FAILED"}

    simple = rows["Refund window"]
    assert turn_view(simple.turns) == [
        ("How long do refunds take?", "echo: How long do refunds take?", 1)]
    assert simple.asserts == [
        {"index": 0, "type": "contains", "passed": True, "turn": 0,
         "reason": "expected the answer to contain 'refunds take' (case-insensitive); it does"},
        {"index": 1, "type": "max_length", "passed": True, "turn": 0,
         "reason": "expected the answer to be at most 200 characters long; it is 31 "
                   "characters long"},
        {"index": 2, "type": "response_time_ms", "passed": True, "turn": 0,
         "reason": took(simple.turns[0])},
    ]
    assert simple.turns[0]["asserts"] == [
        {key: value for key, value in verdict.items() if key != "turn"}
        for verdict in simple.asserts]

    chat = rows["Refund chat"]
    assert turn_view(chat.turns) == [("Hi", "echo: Hi", 1),
                                     ("I want a refund", "echo: I want a refund", 1)]
    assert [t["asserts"] for t in chat.turns] == [
        [{"index": 1, "type": "min_length", "passed": True,
          "reason": "expected the answer to be at least 8 characters long; it is 8 characters "
                    "long"}],
        [{"index": 0, "type": "contains", "passed": True,
          "reason": "expected the answer to contain 'refund' (case-insensitive); it does"},
         {"index": 1, "type": "min_length", "passed": True,
          "reason": "expected the answer to be at least 8 characters long; it is 21 "
                    "characters long"}],
    ]
    assert chat.asserts == [
        {"index": 0, "type": "contains", "passed": True, "turn": 1,
         "reason": "expected the answer to contain 'refund' (case-insensitive); it does"},
        {"index": 1, "type": "min_length", "passed": True, "turn": None,
         "reason": "every turn passed; the last: expected the answer to be at least 8 "
                   "characters long; it is 21 characters long"},
    ]
    first, second = chat.turns
    assert first["started_at"] < second["started_at"]
    assert 0 < first["latency_ms"] < 5000 and 0 < second["latency_ms"] < 5000

    wrong = rows["Exact greeting"]
    assert wrong.asserts == [
        {"index": 0, "type": "equals", "passed": False, "turn": 0,
         "reason": "expected the answer to equal 'Hello!' (case-insensitive, ignoring "
                   "surrounding whitespace); it is 'echo: Say hello'"}]
    assert {(r.error_code, r.error_message, r.attempts) for r in rows.values()} == {("", "", 1)}

    stored = await owner_db.fetch("SELECT * FROM run_case_results WHERE run_id = $1", run.id)
    assert sorted(recomputed_hash(row) for row in stored) == sorted(
        row["content_hash"] for row in stored)
    assert all(stored_hash_matches(row) for row in rows.values())
    everything = await owner_db.fetchval(
        "SELECT string_agg(x::text, '') FROM (SELECT r::text AS x FROM runs r WHERE id = $1 "
        "UNION ALL SELECT c::text FROM run_cases c WHERE run_id = $1 "
        "UNION ALL SELECT s::text FROM run_case_results s WHERE run_id = $1) t", run.id)
    assert TOKEN not in everything


async def test_the_snapshot_freezes_plan_suites_and_connection(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)

    started = await start(world, settings)

    snapshot = started.run.snapshot
    suites = [(s["name"], len(s["case_ids"])) for s in snapshot["suites"]]
    assert (snapshot["plan"]["name"], suites, snapshot["case_count"]) == (
        "Release", [("A", 2), ("B", 2)], 3)
    assert {k: v for k, v in snapshot["connection"].items() if k != "config"} == {
        "id": str(world.pk("connection")), "name": "Echo bot", "kind": "HTTP",
        "concurrency": 10}
    assert snapshot["connection"]["config"]["url"] == agent.url("/chat")
    assert TOKEN not in json.dumps(snapshot)
    async with tenant_transaction(world.org.id):
        cases = await RunCase.filter(run_id=started.run.id).order_by("position")
    assert [(c.position, c.title, c.version, c.mode) for c in cases] == [
        (0, "Refund window", 1, "SIMPLE"), (1, "Refund chat", 1, "CONVERSATIONAL"),
        (2, "Exact greeting", 1, "SIMPLE")]
    assert [c.id for c in cases] == started.run_case_ids


ARCHIVE_CASE = """mutation($input: ArchiveTestCaseInput!) { archiveTestCase(input: $input) {
  __typename } }"""


async def archive(gql: GraphQLClient, world: RunWorld, *names: str) -> None:
    for name in names:
        archived = await gql.data(ARCHIVE_CASE, {"input": {"id": world.ids[name]}},
                                  world.owner)
        assert archived == {"archiveTestCase": {"__typename": "ArchiveTestCaseSuccess"}}


async def test_an_archived_case_does_not_run(
    gql: GraphQLClient, agent: Agent, settings: Settings,
) -> None:
    world = await build(gql, agent)
    await archive(gql, world, "chat")

    started = await start(world, settings)

    suites = [(s["name"], s["case_ids"]) for s in started.run.snapshot["suites"]]
    assert suites == [("A", [str(world.pk("simple"))]),
                      ("B", [str(world.pk("simple")), str(world.pk("wrong"))])]
    assert (started.run.total, started.run.snapshot["case_count"]) == (2, 2)
    async with tenant_transaction(world.org.id):
        cases = await RunCase.filter(run_id=started.run.id).order_by("position")
    assert [(c.position, c.title) for c in cases] == [(0, "Refund window"),
                                                      (1, "Exact greeting")]


async def test_a_plan_whose_cases_are_all_archived_is_refused(
    gql: GraphQLClient, agent: Agent, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    await archive(gql, world, "simple", "chat", "wrong")

    with pytest.raises(Conflict) as refused:
        async with tenant_transaction(world.org.id):
            await service.start_run(plan_id=world.pk("plan"),
                                    connection_id=world.pk("connection"))

    assert (refused.value.code, refused.value.message) == (
        "PLAN_EMPTY", "this plan has no test case to run: every case of its suites is "
        "archived; add a live case to one of its suites")
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 0


async def test_running_a_job_again_writes_and_sends_nothing(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    await drain(redis_dsn)
    before = await owner_db.fetch("SELECT * FROM run_case_results WHERE run_id = $1 ORDER BY id",
                                  started.run.id)
    sent = len(agent.received)

    await queue.enqueue_cases(settings, world.org.id, started.run_case_ids)
    await drain(redis_dsn)
    again = [await jobs.run_case({"job_try": 1}, str(world.org.id), str(case_id))
             for case_id in started.run_case_ids]

    assert again == ["skipped", "skipped", "skipped"]
    assert len(agent.received) == sent == 4
    assert await owner_db.fetch("SELECT * FROM run_case_results WHERE run_id = $1 ORDER BY id",
                                started.run.id) == before


async def test_a_draft_plan_is_refused(
    gql: GraphQLClient, agent: Agent, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent, ready=False)

    with pytest.raises(Conflict) as refused:
        async with tenant_transaction(world.org.id):
            await service.start_run(plan_id=world.pk("plan"),
                                    connection_id=world.pk("connection"))

    assert refused.value.code == "PLAN_NOT_READY"
    assert refused.value.message == (
        "this plan is DRAFT: only READY plans run; set it READY with setPlanStatus, then "
        "start the run")
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 0


async def test_the_idempotency_key_returns_the_same_run(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)

    first = await start(world, settings, key="ci-build-42")
    second = await start(world, settings, key="ci-build-42")

    assert (second.run.id, second.created, second.run_case_ids) == (
        first.run.id, False, first.run_case_ids)
    assert await owner_db.fetchval("SELECT count(*) FROM run_cases WHERE organization_id = $1",
                                   world.org.id) == 3
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 1


async def test_a_key_reused_for_another_connection_is_refused(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    await start(world, settings, key="ci-build-43")
    other = await add_connection(gql, world, "Other bot", http_agent(agent))
    world.ids["connection"] = other

    with pytest.raises(Conflict) as refused:
        await start(world, settings, key="ci-build-43")

    assert refused.value.code == "IDEMPOTENCY_KEY_REUSED"
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 1


UPDATE_CASE = """mutation($input: UpdateTestCaseInput!) { updateTestCase(input: $input) {
  __typename ... on UpdateTestCaseSuccess { testCase { version input } } } }"""


async def test_editing_a_case_after_start_does_not_change_what_runs(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    edited = await gql.data(UPDATE_CASE, {"input": {
        "id": world.ids["simple"], "input": "Changed question?"}}, world.owner)
    await drain(redis_dsn)

    assert edited["updateTestCase"]["testCase"] == {"version": 2, "input": "Changed question?"}
    rows = await results(world, started.run.id)
    assert rows["Refund window"].turns[0]["message"] == "How long do refunds take?"
    assert SIMPLE_BODY in bodies(agent)
    assert all("Changed question" not in body for body in bodies(agent))


async def test_cancel_records_every_pending_case_and_sends_nothing(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    async with tenant_transaction(world.org.id):
        cancelled = await service.cancel_run(run_id=started.run.id)
    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert (cancelled.status, run.status, run.cancelled, run.passed) == (
        "CANCELLED", "CANCELLED", 3, 0)
    assert run.finished_at is not None
    assert {(r.status, r.error_code, r.error_message, r.attempts) for r in rows.values()} == {
        ("CANCELLED", "CANCELLED", "the run was cancelled before this case ran", 0)}
    assert all(stored_hash_matches(row) for row in rows.values())
    assert agent.received == []
    with pytest.raises(Conflict) as again:
        async with tenant_transaction(world.org.id):
            await service.cancel_run(run_id=run.id)
    assert (again.value.code, again.value.message) == (
        "RUN_FINISHED", "this run is already CANCELLED: only QUEUED or RUNNING runs can be "
        "cancelled")


async def test_cancel_keeps_recorded_results_and_cancels_the_rest(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    pool = default_pool(allow_private_targets=True, browser_executable=None)
    try:
        first = await jobs.run_case({jobs.CONNECTORS: pool, "job_try": 1}, str(world.org.id),
                                    str(started.run_case_ids[0]))
    finally:
        await pool.close()

    async with tenant_transaction(world.org.id):
        await service.cancel_run(run_id=started.run.id)
    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert first == "recorded"
    assert (run.status, run.passed, run.cancelled, run.total) == ("CANCELLED", 1, 2, 3)
    assert {title: (r.status, r.attempts) for title, r in rows.items()} == {
        "Refund window": ("PASSED", 1), "Refund chat": ("CANCELLED", 0),
        "Exact greeting": ("CANCELLED", 0)}
    assert bodies(agent) == [SIMPLE_BODY]


async def test_a_job_that_keeps_failing_records_error_on_its_last_try(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    case_id = str(started.run_case_ids[0])
    no_connectors: dict[str, Any] = {}  # a worker without connectors: every try fails

    with pytest.raises(Retry):
        await jobs.run_case({**no_connectors, "job_try": 1}, str(world.org.id), case_id)
    outcome = await jobs.run_case({**no_connectors, "job_try": 3}, str(world.org.id), case_id)

    rows = await results(world, started.run.id)
    run = await get_run(world, started.run.id)
    assert outcome == "recorded"
    assert [(r.status, r.error_code, r.error_message, r.attempts) for r in rows.values()] == [
        ("ERROR", "JOB_FAILED", "the worker failed 3 times running this case; the last "
         "failure: KeyError: 'connectors'. Start a new run once the cause is fixed", 3)]
    assert (run.status, run.errored) == ("RUNNING", 1)
    assert agent.received == []


async def test_a_job_for_an_uncommitted_case_waits_then_gives_up(database: object) -> None:
    org_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())

    with pytest.raises(Retry):
        await jobs.run_case({"job_try": 1}, org_id, case_id)

    assert await jobs.run_case({"job_try": 3}, org_id, case_id) == "missing"


CREATE_PROJECT = """mutation($input: CreateProjectInput!) { createProject(input: $input) {
  __typename ... on CreateProjectSuccess { project { id } } } }"""


async def test_a_connection_of_another_project_is_refused(
    gql: GraphQLClient, agent: Agent, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    created = await gql.data(CREATE_PROJECT, {"input": {"name": "Elsewhere"}}, world.owner)
    project_id = expect_id(created["createProject"]["project"]["id"], "Project", "id")
    other = RunWorld(Org(world.org.id, world.org.owner_id, project_id, world.org.api_key),
                     world.owner, {})
    world.ids["connection"] = await add_connection(gql, other, "Elsewhere bot", http_agent(agent))

    with pytest.raises(ValidationFailed) as refused:
        async with tenant_transaction(world.org.id):
            await service.start_run(plan_id=world.pk("plan"),
                                    connection_id=world.pk("connection"))

    assert [(i.path, i.code) for i in refused.value.issues] == [
        (("input", "connectionId"), "WRONG_PROJECT")]
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   world.org.id) == 0


@pytest.mark.parametrize("key", ["", "   ", "k" * 201])
async def test_a_bad_idempotency_key_is_refused(database: object, key: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await service.start_run(plan_id=uuid.uuid4(), connection_id=uuid.uuid4(),
                                idempotency_key=key)

    assert [(i.path, i.message) for i in refused.value.issues] == [
        (("input", "idempotencyKey"), "give 1 to 200 characters, or leave the key out")]
