"""The per-case hot path: a fixed, small set of statements, never the run's snapshot, the
worker process's caches (bounded, per organization, credentials expiring), the result row
written by one prepared statement, slot leases renewed by one task per process, and the
SSRF pre-check remembered per host (while every connection is still checked)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime

import httpcore
import httpx
import pytest
from redis.asyncio import Redis

from assay.case_worker import _no_case_job_lines
from assay.connectors.http_guard import CheckedHosts
from assay.connectors.http_socket import SocketStream
from assay.connectors.network import NetworkPolicy
from assay.db.transactions import tenant_transaction
from assay.runs import hot_path, jobs
from assay.runs.cache import Bounded, RunConnection
from assay.runs.connectors import default_pool
from assay.runs.models import RunCaseResult
from assay.runs.recording import result_intact
from assay.runs.slots import Slots, slots_key
from assay.settings import Settings
from assay.tenancy.scope import TenantScopeMissing
from assay_sdk.connectors import ConnectorError
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
    # Per single-turn case, besides BEGIN and COMMIT: the case read; then the lock, and the
    # result inserted with the counters in one statement; each transaction's scope setting.
    # The conversational case adds one look at the run's status (a transaction of its own)
    # between its turns. The case that finishes the run looks once for webhooks subscribed
    # to run.finished.
    assert len(warm_statements) == 2 * 5 + 2 + 1
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


async def test_a_result_row_written_by_the_prepared_insert_reads_back_whole(
    gql: GraphQLClient, agent: Agent, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    simple = started.run_case_ids[0]
    pool = default_pool(allow_private_targets=True, browser_executable=None)
    before = datetime.now(UTC)
    try:
        outcome = await jobs.run_case({"job_try": 2, jobs.CONNECTORS: pool},
                                      str(world.org.id), str(simple))
    finally:
        await pool.close()
    async with tenant_transaction(world.org.id):
        row = await RunCaseResult.get(run_case_id=simple)
        intact = await result_intact(row)

    assert outcome == "recorded"
    assert (row.organization_id, row.project_id, row.run_id) == (
        world.org.id, world.org.project_id, started.run.id)
    assert (row.status, row.attempts, row.error_code, row.error_message, row.evidence_note) == (
        "PASSED", 2, "", "", "")
    assert [(a["type"], a["passed"]) for a in row.asserts] == [
        ("contains", True), ("max_length", True), ("response_time_ms", True)]
    assert row.turns[0]["message"] == "How long do refunds take?"
    assert before <= row.created_at <= datetime.now(UTC)
    assert intact is True


async def test_the_prepared_insert_refuses_a_project_outside_the_scope(
    gql: GraphQLClient, agent: Agent, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    simple = started.run_case_ids[0]
    now = datetime.now(UTC)
    with pytest.raises(TenantScopeMissing, match="project outside the scope"):
        async with tenant_transaction(world.org.id, project_ids=frozenset({uuid.uuid4()})):
            await hot_path.insert_result(project_id=world.org.project_id,
                                         run_id=started.run.id, run_case_id=simple,
                                         status="PASSED", finished_at=now, content_hash="0")
    with pytest.raises(TenantScopeMissing, match="another organization"):
        async with tenant_transaction(world.org.id):
            await hot_path.insert_result(organization_id=uuid.uuid4(),
                                         project_id=world.org.project_id,
                                         run_id=started.run.id, run_case_id=simple,
                                         status="PASSED", finished_at=now, content_hash="0")

    assert await results(world, started.run.id) == {}


async def test_one_task_renews_every_lease_of_a_process_and_never_revives_a_released_one(
    redis_dsn: str,
) -> None:
    redis = Redis.from_url(redis_dsn)
    mine = Slots(redis, lease_seconds=0.5, renew_seconds=0.1, poll_seconds=0.05)
    other = Slots(redis, lease_seconds=0.5, renew_seconds=0.1, poll_seconds=0.05)
    names = [f"conn-{uuid.uuid4().hex}" for _ in range(3)]
    try:
        leases = [await mine.acquire(name, 1, wait_seconds=0) for name in names]
        async with mine.holding(names[0], 1, leases[0] or ""), \
                mine.holding(names[1], 1, leases[1] or ""):
            async with mine.holding(names[2], 1, leases[2] or ""):
                renewers = [t for t in asyncio.all_tasks() if _renews_for(t, mine)]
                await asyncio.sleep(0.3)
            await asyncio.sleep(1.2)  # more than two lease lifetimes after the release
            held = [await other.acquire(name, 1, wait_seconds=0) for name in names]
            released = await redis.zrange(slots_key(names[2]), 0, -1)
        await asyncio.sleep(0.3)  # the renewer stops once nothing is held
        stopped = [t for t in renewers if t.done()]
    finally:
        await redis.aclose()

    assert None not in leases
    assert len(renewers) == 1
    assert [lease is None for lease in held] == [True, True, False]
    assert released == [str(held[2]).encode()]  # only the new lease: the old one stayed gone
    assert stopped == renewers


def _renews_for(task: asyncio.Task[object], slots: Slots) -> bool:
    """Whether the task is the renewer of ``slots`` (other tests' workers may have theirs)."""
    coro = task.get_coro()
    frame = getattr(coro, "cr_frame", None)
    return (getattr(coro, "__qualname__", "") == "Slots._renew_held" and frame is not None
            and frame.f_locals.get("self") is slots)


class _CountingGuard(NetworkPolicy):
    """The real policy, counting the checks that reach it."""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__(allow_private=allow_private)
        self.checked: list[str] = []

    async def check_url(self, url: str) -> None:
        self.checked.append(url)
        await super().check_url(url)


async def test_an_allowed_host_is_checked_again_only_after_the_ttl() -> None:
    now = [0.0]
    guard = _CountingGuard(allow_private=True)
    hosts = CheckedHosts(guard, ttl_seconds=10, clock=lambda: now[0])
    for path in ("/a", "/b", "/c"):
        await hosts.check(httpx.URL(f"http://127.0.0.1:9/chat{path}"))
    await hosts.check(httpx.URL("http://127.0.0.2:9/chat"))
    now[0] = 10.0
    await hosts.check(httpx.URL("http://127.0.0.1:9/chat"))

    assert guard.checked == ["http://127.0.0.1:9/chat/a", "http://127.0.0.2:9/chat",
                             "http://127.0.0.1:9/chat"]


async def test_a_refused_host_is_refused_on_every_request() -> None:
    guard = _CountingGuard(allow_private=False)
    hosts = CheckedHosts(guard)
    codes = []
    for _ in range(3):
        with pytest.raises(ConnectorError) as refused:
            await hosts.check(httpx.URL("http://127.0.0.1:9/chat"))
        codes.append(refused.value.code)

    assert codes == ["SSRF_REFUSED"] * 3
    assert len(guard.checked) == 3


async def test_pooled_sockets_report_data_and_closed_peers_as_readable() -> None:
    peers: list[asyncio.StreamWriter] = []

    async def accept(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peers.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    backend = httpcore.AnyIOBackend()
    streams = [SocketStream(await backend.connect_tcp("127.0.0.1", port)) for _ in range(3)]
    try:
        while len(peers) < 3:
            await asyncio.sleep(0.01)
        before = [s.get_extra_info("is_readable") for s in streams]
        peers[1].write(b"unexpected")
        await peers[1].drain()
        peers[2].close()
        await asyncio.sleep(0.2)
        after = [s.get_extra_info("is_readable") for s in streams]
        await streams[0].aclose()
        closed = streams[0].get_extra_info("is_readable")
    finally:
        for stream in streams[1:]:
            await stream.aclose()
        for peer in peers:
            peer.close()
        server.close()
        await server.wait_closed()

    assert (before, after, closed) == ([False, False, False], [False, True, True], True)


def test_the_worker_log_drops_only_the_per_case_job_lines() -> None:
    def line(msg: str, *args: object) -> logging.LogRecord:
        return logging.LogRecord("arq.worker", logging.INFO, "worker.py", 1, msg, args, None)

    kept = [_no_case_job_lines.filter(record) for record in (
        line("%6.2fs → %s(%s)%s", 0.01, "run-case:1:run_case", "'o', 'c'", ""),
        line("%6.2fs ← %s ● %s", 0.02, "run-case:1:run_case", "'recorded'"),
        line("%6.2fs ← %s ● %s", 0.02, "cron:reap_lost_cases", "0"),
        line("%6.2fs ↻ %s retrying job in %0.2fs", 1.0, "run-case:1:run_case", 1.0),
        line("Starting worker for %d functions: %s", 1, "run_case"),
    )]

    assert kept == [False, False, True, True, True]
