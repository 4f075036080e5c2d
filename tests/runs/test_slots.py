"""A connection's concurrency holds across workers: Redis leases, waits that are not tries."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections import Counter

import pytest
from redis.asyncio import Redis

from assay.runs.inprocess import running_worker
from assay.runs.jobs import MAX_TRIES
from assay.runs.slots import Slots, slots_key
from assay.settings import Settings
from tests.runs.fleet import (
    finished,
    http_connection,
    paced_agent,
    plan_of,
    question,
    results_of,
    start_run,
)
from tests.support import GraphQLClient


@pytest.fixture
def local(settings: Settings) -> Settings:
    """Loopback agents allowed; a 10 s job timeout, so a job waits at most 1 s for a slot."""
    return dataclasses.replace(settings, allow_private_targets=True, job_timeout_seconds=10)


async def _run_on_two_workers(gql: GraphQLClient, redis_dsn: str, settings: Settings, *,
                              cases: int, concurrency: int, delay: float, max_jobs: int
                              ) -> tuple[int, list[int], list[tuple[str, str, int]]]:
    """(the agent's peak of requests at once, jobs each worker completed, results)."""
    async with paced_agent(delay) as agent:
        fleet = await plan_of(gql, cases, http_connection(agent.url()), concurrency=concurrency)
        async with running_worker(settings, redis_dsn, max_jobs=max_jobs, queues="default") as a, \
                running_worker(settings, redis_dsn, max_jobs=max_jobs, queues="default") as b:
            run_id = await start_run(gql, fleet)
            run = await finished(fleet.org, run_id)
            done = [a.workers[0].jobs_complete, b.workers[0].jobs_complete]
        rows = await results_of(fleet.org, run_id)
        assert (run.status, run.passed, run.total) == ("COMPLETED", cases, cases)
        assert sorted(agent.messages) == [question(n) for n in range(cases)]
    outcomes = sorted((str(row.turns[0]["message"]), str(row.status), row.attempts)
                      for row in rows)
    return agent.peak, done, outcomes


async def test_two_workers_never_exceed_a_concurrency_of_two(
    gql: GraphQLClient, redis_dsn: str, local: Settings,
) -> None:
    peak, done, outcomes = await _run_on_two_workers(gql, redis_dsn, local, cases=12,
                                                     concurrency=2, delay=0.2, max_jobs=6)

    assert peak == 2
    assert (sum(done), 0 in done) == (12, False)  # both workers ran cases
    assert outcomes == [(question(n), "PASSED", 1) for n in range(12)]


async def test_a_concurrency_of_one_runs_one_conversation_at_a_time(
    gql: GraphQLClient, redis_dsn: str, local: Settings,
) -> None:
    peak, done, outcomes = await _run_on_two_workers(gql, redis_dsn, local, cases=6,
                                                     concurrency=1, delay=0.1, max_jobs=3)

    assert peak == 1
    assert (sum(done), 0 in done) == (6, False)
    assert outcomes == [(question(n), "PASSED", 1) for n in range(6)]


async def test_waiting_for_a_slot_many_times_is_not_a_failed_try(
    gql: GraphQLClient, redis_dsn: str, local: Settings, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="arq.worker")

    # 30 cases of 0.4 s, one at a time: the last waits ~12 s, giving up its arq slot after
    # every second of waiting (the job timeout is 10 s), far more often than MAX_TRIES.
    peak, _, outcomes = await _run_on_two_workers(gql, redis_dsn, local, cases=30,
                                                  concurrency=1, delay=0.4, max_jobs=15)

    retries = Counter(re.findall(r"(run-case:[0-9a-f-]+):run_case retrying job",
                                 caplog.text))
    assert peak == 1
    assert max(retries.values()) > MAX_TRIES + 1
    assert outcomes == [(question(n), "PASSED", 1) for n in range(30)]


async def test_a_dead_workers_lease_expires_and_a_live_one_is_renewed(redis_dsn: str) -> None:
    redis = Redis.from_url(redis_dsn)
    dead, alive, other = (Slots(redis, lease_seconds=0.5, renew_seconds=0.1, poll_seconds=0.05)
                          for _ in range(3))
    try:
        taken = await dead.acquire("conn-a", 1, wait_seconds=0)
        refused = await other.acquire("conn-a", 1, wait_seconds=0)
        after_expiry = await other.acquire("conn-a", 1, wait_seconds=5)  # "dead" never renews

        held = await alive.acquire("conn-b", 1, wait_seconds=0)
        assert held is not None
        async with alive.holding("conn-b", 1, held):
            await asyncio.sleep(1.5)  # three lease lifetimes
            while_renewed = await other.acquire("conn-b", 1, wait_seconds=0)
        after_release = await other.acquire("conn-b", 1, wait_seconds=0)
        leases = await redis.zrange(slots_key("conn-b"), 0, -1)
    finally:
        await redis.aclose()

    assert (taken is not None, refused, after_expiry is not None) == (True, None, True)
    assert while_renewed is None
    assert after_release is not None
    assert leases == [after_release.encode()]
