"""Real `assay worker` processes: SIGKILL mid-run loses nothing, SIGTERM drains."""

from __future__ import annotations

import asyncio
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import pytest
from redis.asyncio import Redis

from assay.db.config import DatabaseUrl
from assay.runs.jobs import job_id
from assay.runs.routing import DEFAULT_QUEUE
from assay.runs.slots import slots_key
from assay.settings import Settings
from tests.connectors.agents import Agent, serving
from tests.runs.fleet import cancel_live_runs, finished, results_of, until
from tests.runs.world import CHAT_BODIES, SIMPLE_BODY, WRONG_BODY, build, get_run, start
from tests.server_process import REPO, environment
from tests.support import GraphQLClient

#: A killed worker's jobs are run again this long (+10 s) after they started.
JOB_TIMEOUT = 15


@pytest.fixture
def worker_env(database: dict[str, DatabaseUrl], redis_dsn: str, tmp_path: Path
               ) -> dict[str, str]:
    return environment(database, tmp_path, REDIS_URL=redis_dsn, ASSAY_LOG_LEVEL="INFO",
                       ASSAY_JOB_TIMEOUT_SECONDS=str(JOB_TIMEOUT),
                       ASSAY_ALLOW_PRIVATE_TARGETS="true")


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture(autouse=True)
async def quiet_database(database: object) -> None:
    """No run of an earlier test left live: the workers' reaper would pick it up."""
    await cancel_live_runs()


@contextmanager
def worker(env: dict[str, str], log: Path, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """An `assay worker` process (its log in ``log``), killed if the test leaves it running."""
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "assay.cli", "worker", *args],
                                   env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


async def exited(process: subprocess.Popen[bytes], seconds: float = 60) -> int:
    async with asyncio.timeout(seconds):
        while process.poll() is None:
            await asyncio.sleep(0.05)
    return process.returncode


async def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_env: dict[str, str], owner_db: asyncpg.Connection, tmp_path: Path,
) -> None:
    world = await build(gql, agent, path="/slow", timeout=30)  # /slow holds every request
    started = await start(world, settings)
    with worker(worker_env, tmp_path / "a.log", "--queue", "default") as first:
        await until(lambda: len(agent.received) == 3)  # the first worker holds every case
        with worker(worker_env, tmp_path / "b.log", "--queue", "default") as second:
            first.kill()  # SIGKILL: no chance to clean up
            killed = await exited(first)
            agent.release.set()  # from now on the agent answers at once

            run = await finished(world.org, started.run.id, seconds=90)
            second.send_signal(signal.SIGTERM)
            stopped = await exited(second)

    rows = await results_of(world.org, run.id)
    redis = Redis.from_url(redis_dsn)
    leases = await redis.zcard(slots_key(str(world.pk("connection"))))
    await redis.aclose()
    assert (killed, stopped) == (-signal.SIGKILL, 0)
    assert (run.status, run.passed, run.failed, run.total) == ("COMPLETED", 2, 1, 3)
    assert await owner_db.fetchval(
        "SELECT count(DISTINCT run_case_id) || '/' || count(*) FROM run_case_results "
        "WHERE run_id = $1", run.id) == "3/3"
    assert sorted(row.attempts for row in rows) == [2, 2, 2]  # each re-run by the second
    assert sorted(r.body for r in agent.received) == sorted(
        [SIMPLE_BODY, WRONG_BODY, CHAT_BODIES[0]] * 2 + [CHAT_BODIES[1]])
    assert leases == 0  # the dead worker's slots expired


async def test_sigterm_finishes_running_cases_takes_no_new_ones_and_exits_0(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_env: dict[str, str], tmp_path: Path,
) -> None:
    world = await build(gql, agent, path="/slow", timeout=30)
    running = await start(world, settings)
    log = tmp_path / "worker.log"
    with worker(worker_env, log) as process:
        await until(lambda: len(agent.received) == 3)  # three cases in flight
        process.send_signal(signal.SIGTERM)
        waiting = await start(world, settings)  # queued while the worker drains
        await asyncio.sleep(1)
        draining = process.poll()
        agent.release.set()
        code = await exited(process)

    run = await get_run(world, running.run.id)
    rows = await results_of(world.org, run.id)
    later = await get_run(world, waiting.run.id)
    redis = Redis.from_url(redis_dsn)
    queued = set(await redis.zrange(DEFAULT_QUEUE, 0, -1))
    await redis.aclose()
    assert (draining, code) == (None, 0)  # it waited for its cases, then exited cleanly
    assert (run.status, run.passed, run.failed) == ("COMPLETED", 2, 1)
    assert sorted(row.attempts for row in rows) == [1, 1, 1]
    assert sorted(r.body for r in agent.received) == sorted([SIMPLE_BODY, WRONG_BODY,
                                                             *CHAT_BODIES])
    assert (later.status, later.passed + later.failed + later.errored) == ("QUEUED", 0)
    assert {job_id(c).encode() for c in waiting.run_case_ids} <= queued
    assert re.search(r"draining: no new jobs; waiting for \d+ running jobs to finish",
                     log.read_text())
