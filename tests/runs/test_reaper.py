"""The reaper: cases whose job Redis lost are queued again, once; a case lost too often ends."""

from __future__ import annotations

import uuid

import asyncpg
import pytest
from arq import ArqRedis
from arq.constants import job_key_prefix

from assay.db.transactions import tenant_transaction
from assay.runs import queue, service
from assay.runs.jobs import job_id
from assay.runs.reaper import (
    REAP_LIMIT,
    Reaped,
    _Pending,
    _reap_run,
    losses_key,
    reap,
    reap_lost_cases,
)
from assay.runs.routing import DEFAULT_QUEUE
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.runs.fleet import cancel_live_runs
from tests.runs.world import (
    CHAT_BODIES,
    SIMPLE_BODY,
    WRONG_BODY,
    build,
    drain,
    get_run,
    results,
    start,
)
from tests.support import GraphQLClient, make_org


@pytest.fixture
async def redis(redis_dsn: str, settings: Settings, database: object) -> ArqRedis:
    """The job queue's Redis, with no run of an earlier test left live in the database."""
    await cancel_live_runs()
    return await queue.pool(settings)


async def _lose(redis: ArqRedis, case_ids: list[uuid.UUID]) -> None:
    """What a Redis that forgot the jobs looks like (the loss counters survive)."""
    await redis.delete(*(job_key_prefix + job_id(case_id) for case_id in case_ids))
    await redis.zrem(DEFAULT_QUEUE, *(job_id(case_id) for case_id in case_ids))


async def test_a_flushed_queue_is_refilled_and_every_case_runs_once(
    gql: GraphQLClient, agent: Agent, redis: ArqRedis, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    await redis.flushdb()  # Redis restarted without its data

    first = await reap(redis)
    queued = await redis.zrange(DEFAULT_QUEUE, 0, -1)
    second = await reap_lost_cases({"redis": redis})
    await drain(redis_dsn)
    after = await reap(redis)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert first == Reaped(runs=1, requeued=3, abandoned=0)
    assert sorted(queued) == sorted(job_id(c).encode() for c in started.run_case_ids)
    assert second == "1 live runs, 0 lost cases queued again, 0 given up"
    assert after == Reaped(runs=0, requeued=0, abandoned=0)
    assert (run.status, run.passed, run.failed, run.total) == ("COMPLETED", 2, 1, 3)
    assert sorted((title, row.attempts) for title, row in rows.items()) == [
        ("Exact greeting", 1), ("Refund chat", 1), ("Refund window", 1)]
    assert sorted(r.body for r in agent.received) == sorted(
        [SIMPLE_BODY, WRONG_BODY, *CHAT_BODIES])


async def test_a_case_lost_too_often_is_recorded_as_an_error(
    gql: GraphQLClient, agent: Agent, redis: ArqRedis, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    cases = started.run_case_ids

    passes = []
    for _ in range(REAP_LIMIT + 1):
        await _lose(redis, cases)
        passes.append(await reap(redis))

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert passes == [Reaped(runs=1, requeued=3, abandoned=0)] * REAP_LIMIT + [
        Reaped(runs=1, requeued=0, abandoned=3)]
    assert (run.status, run.errored, run.total) == ("FAILED", 3, 3)
    assert {(r.status, r.error_code, r.attempts, r.error_message) for r in rows.values()} == {
        ("ERROR", "JOB_LOST", REAP_LIMIT + 1,
         f"this case's job was lost {REAP_LIMIT + 1} times (its worker died, or the job queue "
         "lost it) and was given up: look at the workers' logs, then start a new run")}
    assert agent.received == []


async def test_the_runtime_role_sees_only_ids_of_live_runs_across_organizations(
    gql: GraphQLClient, agent: Agent, redis: ArqRedis, settings: Settings,
    app_db: asyncpg.Connection, owner_db: asyncpg.Connection,
) -> None:
    live_a = await start(await build(gql, agent), settings)
    world_b = await build(gql, agent)
    live_b = await start(world_b, settings)
    done = await start(world_b, settings)
    async with tenant_transaction(world_b.org.id):
        await service.cancel_run(run_id=done.run.id)
    await make_org("Bystander")

    pairs = await app_db.fetch("SELECT * FROM assay_live_runs()")
    visible = await app_db.fetchval("SELECT count(*) FROM runs")
    definer = await owner_db.fetchrow(
        "SELECT prosecdef, pg_get_userbyid(proowner) = current_user AS owned, "
        "has_function_privilege('public', oid, 'EXECUTE') AS public "
        "FROM pg_proc WHERE proname = 'assay_live_runs'")

    assert sorted((row["org_id"], row["run_id"]) for row in pairs) == sorted([
        (live_a.run.organization_id, live_a.run.id), (world_b.org.id, live_b.run.id)])
    assert list(pairs[0].keys()) == ["org_id", "run_id"]
    assert visible == 0  # outside the function, row-level security still applies
    assert dict(definer) == {"prosecdef": True, "owned": True, "public": False}


async def test_a_case_that_finished_while_the_reaper_looked_is_not_lost(
    gql: GraphQLClient, agent: Agent, redis: ArqRedis, redis_dsn: str, settings: Settings,
) -> None:
    """The reaper read the cases without a result, then the jobs finished (results written,
    arq's job keys gone) before it looked at Redis: nothing is queued again or counted."""
    world = await build(gql, agent)
    started = await start(world, settings)
    stale = _Pending(world.org.id, "HTTP", list(started.run_case_ids))
    await drain(redis_dsn)
    reaped = Reaped()

    await _reap_run(redis, stale, reaped)

    assert reaped == Reaped(runs=0, requeued=0, abandoned=0)
    assert await redis.zrange(DEFAULT_QUEUE, 0, -1) == []
    assert await redis.exists(*(losses_key(c) for c in started.run_case_ids)) == 0
    assert sorted(r.body for r in agent.received) == sorted(
        [SIMPLE_BODY, WRONG_BODY, *CHAT_BODIES])
