"""The job under a real arq worker: retries that end in ERROR, and a cancel mid-run."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from assay.db.transactions import tenant_transaction
from assay.runs import service
from assay.settings import Settings
from tests.connectors.agents import Agent
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
from tests.support import GraphQLClient


async def test_a_failing_job_is_retried_then_recorded_as_error(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    await drain(redis_dsn, connectors=False)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert (run.status, run.errored) == ("FAILED", 3)
    assert {(r.status, r.error_code, r.attempts, r.error_message) for r in rows.values()} == {
        ("ERROR", "JOB_FAILED", 3, "the worker failed 3 times running this case; the last "
         "failure: KeyError: 'connectors'. Start a new run once the cause is fixed")}
    assert agent.received == []


async def _until(condition: Callable[[], bool], seconds: float = 10) -> None:
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.02)


async def test_cancel_mid_run_sends_nothing_more(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent, path="/slow", timeout=30)
    started = await start(world, settings)
    worker = asyncio.create_task(drain(redis_dsn))
    await _until(lambda: len(agent.received) == 3)  # every case's first message is in flight
    running = await get_run(world, started.run.id)

    async with tenant_transaction(world.org.id):
        await service.cancel_run(run_id=started.run.id)
    agent.release.set()  # the agent answers the three messages it holds
    await worker

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert running.status == "RUNNING"
    assert (run.status, run.cancelled, run.passed, run.failed) == ("CANCELLED", 3, 0, 0)
    assert {r.status for r in rows.values()} == {"CANCELLED"}
    assert sorted(r.body for r in agent.received) == sorted(
        [SIMPLE_BODY, WRONG_BODY, CHAT_BODIES[0]])
