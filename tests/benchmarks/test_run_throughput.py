"""Benchmark: the run engine end to end, with real `assay worker` processes.

Prints, for a zero-latency agent (tests/benchmarks/fast_agent.py, its own process):
cases per second from start_run to the last result recorded, for 1,000 and 10,000
single-turn cases with four asserts each, with 1 and 2 worker processes, and each worker's
peak RSS (VmHWM), which must not grow with the run. For a 200 ms agent at connection
concurrency 50: the ideal wall time (cases x 0.2 s / 50) over the actual one (target >=
0.9). For browser runs against the demo's chat page: cases per minute per worker.

Each figure also shows where the time went: start_run (freezing the cases), enqueueing,
and the CPU seconds used by the workers, PostgreSQL and the agent during the run.

Run: .venv/bin/pytest -m benchmark -s tests/benchmarks/test_run_throughput.py
Profile: with ASSAY_BENCH_PYSPY=DIR, each run's workers are sampled by py-spy (on CPU; with
ASSAY_BENCH_PYSPY_IDLE=1 waiting too) into DIR/<label>-<pid>.txt, collapsed stacks.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from assay.demo import agent as demo_agent
from assay.runs import queue, service
from assay.runs.models import FINAL_RUN_STATUSES, Run, RunCaseResult
from assay.settings import Settings
from assay.testing.importing import import_cases
from tests.server_process import REPO, environment
from tests.support import Caller, GraphQLClient, Org, make_org, owner

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

#: Four asserts every case passes against the echo agent.
ASSERTS: list[dict[str, Any]] = [
    {"type": "contains", "value": "echo: Question"},
    {"type": "regex", "pattern": r"Question \d+"},
    {"type": "max_length", "max": 500},
    {"type": "response_time_ms", "max": 10000},
]
#: Four asserts the demo assistant's answer to "how long do refunds take?" passes.
BROWSER_ASSERTS: list[dict[str, Any]] = [
    {"type": "contains", "value": "refund"},
    {"type": "regex", "pattern": r"\b30 days\b"},
    {"type": "max_length", "max": 500},
    {"type": "response_time_ms", "max": 10000},
]
SIZES = (1_000, 10_000)
SLOW_CASES = 2_000
SLOW_SECONDS = 0.2
CONCURRENCY = 50
BROWSER_CASES = 40
IMPORT_CHUNK = 5_000

_SUITE = """mutation($input: CreateSuiteInput!) { createSuite(input: $input) {
  __typename ... on CreateSuiteSuccess { suite { id } } } }"""
_PLAN = """mutation($input: CreatePlanInput!) { createPlan(input: $input) {
  __typename ... on CreatePlanSuccess { plan { id } } } }"""
_STATUS = """mutation($input: SetPlanStatusInput!) { setPlanStatus(input: $input) {
  __typename } }"""
_CONNECTION = """mutation($input: CreateAgentConnectionInput!) { createAgentConnection(
  input: $input) { __typename ... on CreateAgentConnectionSuccess { agentConnection { id } }
  ... on ValidationError { issues { path message } } } }"""


# --- processes and what they used -----------------------------------------------------------

def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise LookupError(field)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its waited-for children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def _postgres_cpu(database: str) -> float:
    """CPU seconds of the PostgreSQL backends serving ``database`` (other sessions' tests and
    the server's background processes are left out)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
            if f" {database} ".encode() not in (entry / "cmdline").read_bytes():
                continue
            total += _cpu_seconds(int(entry.name))
        except OSError:
            continue
    return total


@contextmanager
def agent_process(delay: float = 0.0) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The fast agent in its own process; yields its /chat URL."""
    process = subprocess.Popen([sys.executable, "-m", "tests.benchmarks.fast_agent",
                                "--delay", str(delay)], cwd=REPO, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    port = int(process.stdout.readline())
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(10)


def _worker_env(database: dict[str, DatabaseUrl], data_dir: Path, redis: str,
                max_jobs: int) -> dict[str, str]:
    return environment(database, data_dir, REDIS_URL=redis, ASSAY_ALLOW_PRIVATE_TARGETS="1",
                       ASSAY_WORKER_MAX_JOBS=str(max_jobs),
                       ASSAY_BROWSER_WORKER_MAX_JOBS=str(max_jobs))


async def _wait_for_workers(redis: Redis, processes: list[subprocess.Popen[bytes]]) -> None:
    """Until every worker polls its queue (arq writes its health check on its first poll)."""
    deadline = time.monotonic() + 60
    while not await redis.exists("assay:default:health-check"):
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"a worker exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError("the workers did not start within 60 s")
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)  # the second worker, and the start-up cron jobs


@asynccontextmanager
async def workers(count: int, env: dict[str, str], redis_dsn: str
                  ) -> AsyncIterator[list[subprocess.Popen[bytes]]]:
    """``count`` real `assay worker` processes, polling when the block starts."""
    redis = Redis.from_url(redis_dsn)
    await redis.flushdb()
    processes = [subprocess.Popen([sys.executable, "-m", "assay.cli", "worker"], env=env,
                                  cwd=REPO) for _ in range(count)]
    try:
        await _wait_for_workers(redis, processes)
        yield processes
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(60)
        await redis.flushdb()
        await redis.aclose()


@contextmanager
def profiled(label: str, processes: list[subprocess.Popen[bytes]]) -> Iterator[None]:
    """py-spy on each worker for the block, when ASSAY_BENCH_PYSPY names a directory."""
    directory = os.environ.get("ASSAY_BENCH_PYSPY")
    if not directory:
        yield
        return
    Path(directory).mkdir(parents=True, exist_ok=True)
    binary = str(Path(sys.executable).parent / "py-spy")
    idle = ["--idle"] if os.environ.get("ASSAY_BENCH_PYSPY_IDLE") else []
    spies = [subprocess.Popen([binary, "record", *idle, "--format", "raw", "--rate", "100",
                               "--pid", str(p.pid), "-o",
                               f"{directory}/{label}-{p.pid}.txt"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for p in processes]
    try:
        yield
    finally:
        for spy in spies:
            spy.send_signal(signal.SIGINT)
        for spy in spies:
            spy.wait(60)


# --- the world ------------------------------------------------------------------------------

@dataclass
class Bench:
    org: Org
    owner: Caller
    #: Plan global ids by name ("1000", "10000", "slow", "browser").
    plans: dict[str, str]
    #: The test database's name (to find its PostgreSQL backends).
    database: str


def _pk(gid: str) -> Any:
    from assay.graphql.relay import decode_id

    decoded = decode_id(gid)
    assert decoded is not None
    return decoded[1]


async def _ok(gql: GraphQLClient, query: str, variables: dict[str, Any],
              caller: Caller) -> dict[str, Any]:
    data = await gql.data(query, variables, caller)
    result: dict[str, Any] = next(iter(data.values()))
    assert result["__typename"].endswith("Success"), result
    return result


def _document(start: int, count: int, asserts: list[dict[str, Any]]) -> str:
    return json.dumps([{"title": f"Case {i}", "mode": "SIMPLE",
                        "input": f"Question {i}: how long do refunds take?",
                        "expectedOutput": "Thirty days.", "asserts": asserts}
                       for i in range(start, start + count)])


async def _suite_of(gql: GraphQLClient, bench: Bench, name: str, count: int,
                    asserts: list[dict[str, Any]] = ASSERTS) -> str:
    """A suite holding the first ``count`` benchmark cases (imported once, shared)."""
    suite = await _ok(gql, _SUITE, {"input": {"projectId": bench.org.project_gid,
                                              "name": name}}, bench.owner)
    suite_id = suite["suite"]["id"]
    for start in range(0, count, IMPORT_CHUNK):
        async with tenant_transaction(bench.org.id):
            await import_cases(project_id=bench.org.project_id, fmt="JSON",
                               content=_document(start, min(IMPORT_CHUNK, count - start), asserts),
                               idempotency_key=f"{name}-{start}", suite_id=_pk(suite_id))
    return str(suite_id)


async def _plan(gql: GraphQLClient, bench: Bench, name: str, suite_id: str) -> str:
    plan = await _ok(gql, _PLAN, {"input": {"projectId": bench.org.project_gid, "name": name,
                                            "suiteIds": [suite_id]}}, bench.owner)
    await _ok(gql, _STATUS, {"input": {"planId": plan["plan"]["id"], "status": "READY"}},
              bench.owner)
    gid: str = plan["plan"]["id"]
    return gid


async def _connection(gql: GraphQLClient, bench: Bench, name: str, **spec: Any) -> str:
    made = await _ok(gql, _CONNECTION, {"input": {"projectId": bench.org.project_gid,
                                                  "name": name, **spec}}, bench.owner)
    gid: str = made["agentConnection"]["id"]
    return gid


def _http(url: str) -> dict[str, Any]:
    return {"http": {"url": f"{url}/chat", "method": "POST",
                     "responsePath": "choices.0.message.content",
                     "bodyTemplate": '{"messages": {{conversation}}}', "timeoutSeconds": 30},
            "concurrency": CONCURRENCY}


@pytest.fixture(scope="module")
async def bench(gql: GraphQLClient, database: dict[str, DatabaseUrl]) -> Bench:
    org = await make_org("Run benchmark")
    world = Bench(org, await owner(org), {}, database["app"].database)
    began = time.monotonic()
    for size in SIZES:
        world.plans[str(size)] = await _plan(gql, world, f"{size} cases",
                                             await _suite_of(gql, world, f"s{size}", size))
    world.plans["slow"] = await _plan(gql, world, "slow",
                                      await _suite_of(gql, world, "slow", SLOW_CASES))
    world.plans["browser"] = await _plan(gql, world, "browser", await _suite_of(
        gql, world, "browser", BROWSER_CASES, BROWSER_ASSERTS))
    print(f"\n[setup] {sum(SIZES) + SLOW_CASES + BROWSER_CASES:,} cases imported in "
          f"{time.monotonic() - began:.1f} s")
    return world


# --- measuring one run ----------------------------------------------------------------------

@dataclass
class Figures:
    cases: int
    wall_seconds: float
    start_run_seconds: float
    enqueue_seconds: float
    worker_cpu: float
    postgres_cpu: float
    agent_cpu: float
    peak_rss_kib: list[int]
    statuses: dict[str, int]

    @property
    def per_second(self) -> float:
        return self.cases / self.wall_seconds

    def line(self) -> str:
        rss = ", ".join(f"{kib / 1024:.0f} MiB" for kib in self.peak_rss_kib)
        return (f"{self.cases:>6,} cases in {self.wall_seconds:6.1f} s = "
                f"{self.per_second:6.1f} cases/s | start_run {self.start_run_seconds:.2f} s, "
                f"enqueue {self.enqueue_seconds:.2f} s | CPU s: workers {self.worker_cpu:.1f} "
                f"({self.worker_cpu / self.cases * 1000:.1f} ms/case), "
                f"postgres {self.postgres_cpu:.1f}, agent {self.agent_cpu:.1f} | "
                f"worker peak RSS {rss}")


async def _wait_final(org_id: Any, run_id: Any) -> Run:
    while True:
        async with tenant_transaction(org_id):
            run = await Run.filter(id=run_id).only("id", "status", "finished_at").first()
        assert run is not None
        if run.status in FINAL_RUN_STATUSES:
            return run
        await asyncio.sleep(0.05)


async def measure(bench: Bench, settings: Settings, plan: str, connection: str,
                  processes: list[subprocess.Popen[bytes]],
                  agent: subprocess.Popen[str] | None, label: str) -> Figures:
    with profiled(label, processes):
        return await _measure(bench, settings, plan, connection, processes, agent)


async def _measure(bench: Bench, settings: Settings, plan: str, connection: str,
                   processes: list[subprocess.Popen[bytes]],
                   agent: subprocess.Popen[str] | None) -> Figures:
    cpu_before = [_cpu_seconds(p.pid) for p in processes]
    agent_before = _cpu_seconds(agent.pid) if agent else 0.0
    postgres_before = _postgres_cpu(bench.database)
    began_at, began = datetime.now(UTC), time.monotonic()
    async with tenant_transaction(bench.org.id):
        started = await service.start_run(plan_id=_pk(plan), connection_id=_pk(connection))
    frozen = time.monotonic()
    await queue.enqueue_cases(settings, bench.org.id, started.run_case_ids)
    enqueued = time.monotonic()
    run = await _wait_final(bench.org.id, started.run.id)
    assert run.finished_at is not None
    async with tenant_transaction(bench.org.id):
        rows = await RunCaseResult.filter(run_id=run.id).values_list("status", flat=True)
    statuses: dict[str, int] = {}
    for status in rows:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return Figures(
        cases=len(started.run_case_ids),
        wall_seconds=(run.finished_at - began_at).total_seconds(),
        start_run_seconds=frozen - began, enqueue_seconds=enqueued - frozen,
        worker_cpu=sum(_cpu_seconds(p.pid) for p in processes) - sum(cpu_before),
        postgres_cpu=_postgres_cpu(bench.database) - postgres_before,
        agent_cpu=(_cpu_seconds(agent.pid) - agent_before) if agent else 0.0,
        peak_rss_kib=[_status_kib(p.pid, "VmHWM") for p in processes],
        statuses=statuses)


# --- the benchmarks -------------------------------------------------------------------------

async def test_zero_latency_agent_cases_per_second_and_worker_memory(
        gql: GraphQLClient, bench: Bench, settings: Settings, job_queue: str,
        database: dict[str, DatabaseUrl], tmp_path: Path) -> None:
    print(f"\n[zero-latency agent] connection concurrency {CONCURRENCY}, real `assay worker` "
          f"processes with {CONCURRENCY} jobs each, a fresh process per run")
    with agent_process() as (url, agent):
        connection = await _connection(gql, bench, "fast agent", **_http(url))
        for count in (1, 2):
            env = _worker_env(database, tmp_path, job_queue, CONCURRENCY)
            for size in SIZES:
                async with workers(count, env, job_queue) as processes:
                    figures = await measure(bench, settings, bench.plans[str(size)],
                                            connection, processes, agent,
                                            f"fast-{count}w-{size}")
                print(f"  {count} worker(s): {figures.line()}")
                assert figures.statuses == {"PASSED": size}


async def test_slow_agent_reaches_the_ideal_wall_time(
        gql: GraphQLClient, bench: Bench, settings: Settings, job_queue: str,
        database: dict[str, DatabaseUrl], tmp_path: Path) -> None:
    ideal = SLOW_CASES * SLOW_SECONDS / CONCURRENCY
    with agent_process(SLOW_SECONDS) as (url, agent):
        connection = await _connection(gql, bench, "slow agent", **_http(url))
        for count in (1, 2):
            env = _worker_env(database, tmp_path, job_queue, CONCURRENCY)
            async with workers(count, env, job_queue) as processes:
                figures = await measure(bench, settings, bench.plans["slow"], connection,
                                        processes, agent, f"slow-{count}w")
            async with httpx.AsyncClient() as client:
                stats = (await client.get(f"{url}/stats")).json()
                await client.post(f"{url}/reset")
            print(f"\n[{SLOW_SECONDS * 1000:.0f} ms agent, concurrency {CONCURRENCY}, "
                  f"{count} worker(s)] ideal {ideal:.1f} s, actual "
                  f"{figures.wall_seconds:.1f} s: ideal/actual = "
                  f"{ideal / figures.wall_seconds:.2f} (target >= 0.9); most requests in "
                  f"flight at the agent: {stats['max_in_flight']}\n  {figures.line()}")
            assert figures.statuses == {"PASSED": SLOW_CASES}
            assert stats["max_in_flight"] <= CONCURRENCY


async def test_browser_cases_per_minute_per_worker(
        gql: GraphQLClient, bench: Bench, settings: Settings, job_queue: str,
        database: dict[str, DatabaseUrl], tmp_path: Path) -> None:
    with demo_agent.serving() as url:
        for jobs in (2, 4):
            connection = await _connection(gql, bench, f"chat page x{jobs}", browser={
                "chatUrl": f"{url}/", "quietPeriodMs": 300, "responseTimeoutMs": 10000,
                "selectors": {"input": "#message", "sendButton": "#send",
                              "response": ".bubble.agent", "typingIndicator": "#typing"}},
                concurrency=jobs)
            env = _worker_env(database, tmp_path, job_queue, jobs)
            async with workers(1, env, job_queue) as processes:
                figures = await measure(bench, settings, bench.plans["browser"], connection,
                                        processes, None, f"browser-{jobs}")
            print(f"\n[browser, demo chat page, 1 worker, {jobs} conversations at once] "
                  f"{figures.cases / figures.wall_seconds * 60:.0f} cases/min per worker "
                  f"(the page 'thinks' 300 ms, quiet period 300 ms)\n  {figures.line()}")
            assert figures.statuses == {"PASSED": BROWSER_CASES}
