"""The per-case hot path: a fixed, small set of statements, never the run's snapshot, and the
worker process's caches (bounded, per organization, credentials expiring)."""

from __future__ import annotations

import logging
import uuid

import pytest

from assay.runs import jobs
from assay.runs.cache import Bounded, RunConnection
from assay.runs.connectors import default_pool
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.runs.world import build, results, start
from tests.support import GraphQLClient


def _statements(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage()]


async def test_a_case_job_runs_a_fixed_set_of_statements_without_the_snapshot(
    gql: GraphQLClient, agent: Agent, settings: Settings, caplog: pytest.LogCaptureFixture,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    simple, chat, wrong = started.run_case_ids
    pool = default_pool(allow_private_targets=True, browser_executable=None)
    ctx = {"job_try": 1, jobs.CONNECTORS: pool}
    org = str(world.org.id)
    try:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
            first = await jobs.run_case(ctx, org, str(simple))
        cold = _statements(caplog)
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
            warm = [await jobs.run_case(ctx, org, str(case)) for case in (wrong, chat)]
        warm_statements = _statements(caplog)
    finally:
        await pool.close()

    assert (first, warm) == ("recorded", ["recorded", "recorded"])
    assert sum("snapshot" in s for s in cold) == 1  # the run's first case in this process
    assert [s for s in warm_statements if "snapshot" in s or "credential" in s] == []
    # Per single-turn case, besides BEGIN and COMMIT: the case read; then lock, result
    # check, insert, counters; each transaction's scope setting. The conversational case
    # adds one look at the run's status (a transaction of its own) between its turns.
    assert len(warm_statements) == 2 * 7 + 2
    assert {title: row.status for title, row in (await results(world, started.run.id)).items()
            } == {"Refund window": "PASSED", "Refund chat": "PASSED",
                  "Exact greeting": "FAILED"}


def test_entries_expire_after_their_lifetime() -> None:
    now = [100.0]
    cache: Bounded[str, int] = Bounded(4, ttl_seconds=30, clock=lambda: now[0])
    cache.put("a", 1)
    now[0] += 29.9
    seen = cache.get("a")
    now[0] += 0.1

    assert (seen, cache.get("a"), len(cache)) == (1, None, 0)


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: Bounded[str, int] = Bounded(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)

    assert (cache.get("a"), cache.get("b"), cache.get("c"), len(cache)) == (1, None, 3, 2)


def test_the_run_connection_is_the_snapshots() -> None:
    connection_id = uuid.uuid4()
    snapshot = {"plan": {"name": "P"}, "suites": [{"case_ids": ["x"] * 3}],
                "connection": {"id": "c-1", "name": "Bot", "kind": "HTTP",
                               "config": {"url": "http://agent"}, "concurrency": 7}}

    assert RunConnection.of(snapshot, connection_id) == RunConnection(
        "c-1", "HTTP", {"url": "http://agent"}, 7)
    assert RunConnection.of({"connection": {"kind": "HTTP", "config": {}}},
                            connection_id) == RunConnection(str(connection_id), "HTTP", {}, 1)
