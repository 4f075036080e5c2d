"""`assay run --server`: a real `assay serve` and a real `assay worker`, the CLI as a process."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from assay.auth.models import ApiKey
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from tests.connectors.agents import Agent, serving
from tests.runner.cli import assay_run, by_title, duration, elapsed, read_json
from tests.runs.world import RunWorld, add_connection, build, http_agent
from tests.server_process import REPO, environment, free_port
from tests.server_process import serving as assay_serving
from tests.support import GraphQLClient

#: Redis database (of the session's Redis) of this module's server and worker.
REDIS_DB = 8
WRONG_REASON = ("expected the answer to equal 'Hello!' (case-insensitive, ignoring surrounding "
                "whitespace); it is 'echo: Say hello'")


@dataclass
class Served:
    client: httpx.AsyncClient
    url: str
    env: dict[str, str]
    world: RunWorld
    agent: Agent


@pytest.fixture(scope="module")
async def served(database: dict[str, DatabaseUrl], job_queue: str, gql: GraphQLClient,
                 tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    env = environment(database, tmp_path_factory.mktemp("remote-data"),
                      REDIS_URL=f"{job_queue}?db={REDIS_DB}", ASSAY_ALLOW_PRIVATE_TARGETS="true")
    async with serving() as agent:
        world = await build(gql, agent)
        worker = subprocess.Popen([sys.executable, "-m", "assay.cli", "worker"], env=env,
                                  cwd=REPO)
        try:
            async with assay_serving(env) as client:
                yield Served(client, str(client.base_url), env, world, agent)
        finally:
            agent.release.set()
            worker.terminate()
            try:
                await asyncio.to_thread(worker.wait, 30)
            finally:
                worker.kill()


def cli_env(served: Served, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in served.env.items()
           if key not in ("DATABASE_URL", "DATABASE_OWNER_URL", "REDIS_URL")}
    return {**env, "ASSAY_API_KEY": served.world.org.api_key, **extra}


async def all_results(served: Served, run_id: str) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {served.world.org.api_key}"}
    response = await served.client.get(f"/api/v1/runs/{run_id}/results", headers=headers,
                                       params={"limit": 500})
    results: list[dict[str, Any]] = response.json()["results"]
    return results


async def test_a_server_run_is_followed_to_its_end_and_a_key_replays_it(
        served: Served, tmp_path: Path) -> None:
    report, junit = tmp_path / "run.json", tmp_path / "junit.xml"
    arguments = ("--server", served.url, "--plan", served.world.ids["plan"], "--connection",
                 served.world.ids["connection"], "--idempotency-key", "ci-build-17",
                 "--poll-interval", "0.2")

    done = await assay_run(*arguments, "--json", str(report), "--junit", str(junit),
                           env=cli_env(served))

    assert done.returncode == 1, done.stderr
    document = read_json(report)
    run, results = document["run"], by_title(document)
    assert done.stdout == (
        "CASE            STATUS     DURATION  FAILED ASSERTS / ERROR\n"
        f"Refund window   PASSED     {duration(results['Refund window']['duration_ms']):>8}\n"
        f"Refund chat     PASSED     {duration(results['Refund chat']['duration_ms']):>8}\n"
        f"Exact greeting  FAILED     {duration(results['Exact greeting']['duration_ms']):>8}  "
        f"[0] equals: {WRONG_REASON}\n"
        "\n"
        "3 cases: 2 passed, 1 failed, 0 errors, 0 timed out, 0 cancelled. Run COMPLETED in "
        f"{elapsed(run)}.\n")
    assert done.stderr.splitlines()[0] == (
        f"run {run['id']} of 'Release' (on {served.url}): 3 cases")
    assert len(done.stderr.splitlines()) == 4
    assert document["results"] == await all_results(served, run["id"])
    assert run["counts"] == {"total": 3, "passed": 2, "failed": 1, "errored": 0,
                             "timed_out": 0, "cancelled": 0, "pending": 0}
    assert '<testsuite name="Release" tests="3" failures="1" errors="0" skipped="0"' in (
        junit.read_text())
    sent = len(served.agent.received)

    again = await assay_run(*arguments, "--json", str(report), env=cli_env(served))

    assert again.returncode == 1, again.stderr
    assert read_json(report) == document
    assert len(served.agent.received) == sent


async def test_the_results_of_many_cases_finishing_out_of_order_are_all_read(
        served: Served, gql: GraphQLClient, tmp_path: Path) -> None:
    connection = await add_connection(gql, served.world, "Flaky bot",
                                      http_agent(served.agent, "/flaky/2"))

    done = await assay_run("--server", served.url, "--plan", served.world.ids["plan"],
                           "--connection", connection, "--poll-interval", "0.05",
                           "--json", str(tmp_path / "run.json"), env=cli_env(served))

    document = read_json(tmp_path / "run.json")
    assert done.returncode == 1, done.stderr
    assert [r["position"] for r in document["results"]] == [0, 1, 2]
    assert document["results"] == await all_results(served, document["run"]["id"])
    assert sorted(line.split("]")[0] for line in done.stderr.splitlines()[1:]) == [
        "[1/3", "[2/3", "[3/3"]


def _refusal(stderr: str, message: str, code: str, status: int, hint: str = "") -> None:
    pattern = (re.escape(f"assay run: {message} ({code}, HTTP {status}, request ")
               + r"[0-9a-f]+" + re.escape(f"){hint}\n"))
    assert re.fullmatch(pattern, stderr), stderr


async def test_refusals_exit_2_with_what_to_fix(served: Served) -> None:
    ids = served.world.ids
    base = ("--server", served.url, "--connection", ids["connection"])

    bad_key = await assay_run(*base, "--plan", ids["plan"], "--api-key", "assay_nope",
                              env=cli_env(served))
    unknown_plan = await assay_run(*base, "--plan", ids["connection"], env=cli_env(served))
    bad_url = await assay_run("--server", "ftp://assay.example.com", "--plan", ids["plan"],
                              "--connection", ids["connection"], env=cli_env(served))
    no_key = await assay_run(*base, "--plan", ids["plan"],
                             env={**cli_env(served), "ASSAY_API_KEY": ""})

    assert [r.returncode for r in (bad_key, unknown_plan, bad_url, no_key)] == [2, 2, 2, 2]
    assert [r.stdout for r in (bad_key, unknown_plan, bad_url, no_key)] == ["", "", "", ""]
    _refusal(bad_key.stderr, "the server refused to start the run: the API key is invalid, "
             "expired or revoked",
             "UNAUTHENTICATED", 401, ": check --api-key or ASSAY_API_KEY")
    _refusal(unknown_plan.stderr, "the server refused to start the run: Plan not found: check "
             "the id, and that you have access to it", "PLAN_NOT_FOUND", 404)
    assert bad_url.stderr == (
        "assay run: --server 'ftp://assay.example.com' is not a server URL: give the address "
        "Assay is served at, like https://assay.example.com\n")
    assert no_key.stderr == "assay run: a run on a server needs --api-key (or ASSAY_API_KEY)\n"


async def test_a_server_that_does_not_answer_exits_2(served: Served) -> None:
    url = f"http://127.0.0.1:{free_port()}"

    done = await assay_run("--server", url, "--plan", "p", "--connection", "c",
                           env=cli_env(served))

    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"assay run: cannot reach the server at {url} (ConnectError: All connection attempts "
        "failed): check --server and the network\n")


async def test_ctrl_c_cancels_the_run_on_the_server(served: Served, gql: GraphQLClient,
                                                    tmp_path: Path) -> None:
    connection = await add_connection(gql, served.world, "Slow bot",
                                      http_agent(served.agent, "/slow", timeout=30))
    received = len(served.agent.received)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "assay.cli", "run", "--server", served.url, "--plan",
        served.world.ids["plan"], "--connection", connection, "--poll-interval", "0.1",
        "--json", str(tmp_path / "run.json"), env=cli_env(served), cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    for _ in range(600):
        if len(served.agent.received) > received:
            break
        await asyncio.sleep(0.05)

    process.send_signal(signal.SIGINT)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)

    assert process.returncode == 130, stderr.decode()
    document: dict[str, Any] = json.loads((tmp_path / "run.json").read_text())
    assert document["run"]["status"] == "CANCELLED"
    assert document["run"]["counts"]["cancelled"] == 3
    assert [r["status"] for r in document["results"]] == ["CANCELLED"] * 3
    headers = {"Authorization": f"Bearer {served.world.org.api_key}"}
    server_view = await served.client.get(f"/api/v1/runs/{document['run']['id']}",
                                          headers=headers)
    assert server_view.json()["status"] == "CANCELLED"


async def test_a_rate_limited_key_waits_as_retry_after_asks(
        served: Served, job_queue: str, tmp_path: Path) -> None:
    async with tenant_transaction(served.world.org.id):
        key = await ApiKey.filter(revoked_at__isnull=True).first()
    assert key is not None
    redis = Redis.from_url(f"{job_queue}?db={REDIS_DB}")
    await redis.set(f"assay:ratelimit:key:{key.id}", 10**6, px=15_000)  # used up for 15 s
    await redis.aclose()

    done = await assay_run("--server", served.url, "--plan", served.world.ids["plan"],
                           "--connection", served.world.ids["connection"],
                           "--json", str(tmp_path / "run.json"), env=cli_env(served))

    assert done.returncode == 1, done.stderr
    notes = [line for line in done.stderr.splitlines() if "rate limiting" in line]
    assert len(notes) == 1
    assert re.fullmatch(r"the server is rate limiting this API key: waiting ([1-9]|1[0-5]) s, "
                        r"as its Retry-After asks", notes[0]), notes
    assert read_json(tmp_path / "run.json")["run"]["counts"]["total"] == 3
