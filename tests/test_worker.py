from __future__ import annotations

import asyncio
import dataclasses
import pickle
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from arq import Retry
from arq.constants import retry_key_prefix
from redis.asyncio import Redis

from assay.auth import sessions
from assay.auth.models import Session, User
from assay.runs import jobs, queue
from assay.runs.connectors import default_pool
from assay.runs.inprocess import running_worker
from assay.runs.jobs import job_id
from assay.runs.reaper import Reaped, reap
from assay.runs.routing import BROWSER_QUEUE, DEFAULT_QUEUE
from assay.settings import Settings, SettingsError, load_settings
from assay.worker import (
    WorkerGroup,
    WorkerOptions,
    deserialize,
    purge_expired_sessions,
    serialize,
)
from tests.connectors.agents import serving
from tests.connectors.browser_agent import ChatAgent, served
from tests.runs.fleet import (
    browser_connection,
    cancel_live_runs,
    finished,
    http_connection,
    plan_of,
    question,
    results_of,
    run_case_ids,
    start_run,
)
from tests.support import GraphQLClient


async def test_purge_removes_only_expired_and_revoked_sessions(database: object) -> None:
    user = await User.create(email="sessions-purge@example.com")
    live_token = await sessions.issue(user.id)
    expired = await Session.create(
        user_id=user.id, token_hash="e" * 64, expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    revoked = await Session.create(
        user_id=user.id,
        token_hash="r" * 64,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
        revoked_at=datetime.now(UTC),
    )

    now = datetime.now(UTC)
    purgeable = (
        await Session.filter(expires_at__lte=now).count()
        + await Session.filter(revoked_at__not_isnull=True).count()
    )

    removed = await purge_expired_sessions({})

    assert purgeable >= 2
    assert removed == purgeable
    remaining = await Session.filter(user_id=user.id).values_list("id", flat=True)
    assert expired.id not in remaining and revoked.id not in remaining
    assert len(remaining) == 1
    with pytest.raises(sessions.NoOrganization):  # the live session survived the purge
        await sessions.authenticate(live_token, None)


def test_jobs_are_json_and_pickle_is_refused() -> None:
    payload = {"function": "purge_expired_sessions", "args": [], "kwargs": {"org_id": "x"}}

    assert deserialize(serialize(payload)) == payload
    with pytest.raises(UnicodeDecodeError):
        deserialize(pickle.dumps(payload))


# --- queues, limits and timeouts -------------------------------------------------------------


@pytest.fixture
def local(settings: Settings) -> Settings:
    """Loopback agents allowed; a 10 s job timeout (so an 8 s conversation budget)."""
    return dataclasses.replace(settings, allow_private_targets=True, job_timeout_seconds=10)


async def test_the_workers_take_their_limits_from_the_settings(
    redis_dsn: str, settings: Settings,
) -> None:
    tuned = dataclasses.replace(settings, job_timeout_seconds=42, worker_max_jobs=7,
                                browser_worker_max_jobs=3)
    pool = default_pool(allow_private_targets=False, browser_executable=None)
    group = await WorkerGroup.open(tuned, redis_dsn, pool, WorkerOptions())
    try:
        seen = [(w.queue_name, w.max_jobs, sorted(w.functions), w.functions["run_case"].timeout_s,
                 w.in_progress_timeout_s, w._job_completion_wait, w.ctx[jobs.JOB_TIMEOUT])
                for w in group.workers]
    finally:
        await group.close()
        await pool.close()

    assert seen == [
        ("assay:default", 7, ["cron:purge_expired_sessions", "cron:reap_lost_cases",
                              "evaluation_case", "run_case", "webhook_delivery"], 42, 52, 57, 42),
        ("assay:browser", 3, ["run_case"], 42, 52, 57, 42),
    ]
    assert (jobs.conversation_budget(42), jobs.slot_wait(42)) == (33.6, 4.2)
    assert (jobs.conversation_budget(300), jobs.slot_wait(300)) == (270, 5)


@pytest.mark.parametrize(("value", "message"), [
    ("5", "ASSAY_JOB_TIMEOUT_SECONDS must be between 10 and 86400, got 5"),
    ("soon", "ASSAY_JOB_TIMEOUT_SECONDS must be a whole number, got 'soon'"),
])
def test_a_bad_job_timeout_says_what_to_set(monkeypatch: pytest.MonkeyPatch, value: str,
                                            message: str) -> None:
    monkeypatch.setenv("ASSAY_JOB_TIMEOUT_SECONDS", value)

    with pytest.raises(SettingsError) as refused:
        load_settings()

    assert str(refused.value) == message


async def test_a_slow_agent_times_out_within_the_job_timeout(
    gql: GraphQLClient, redis_dsn: str, local: Settings,
) -> None:
    async with serving() as agent:  # /slow holds each request for 10 s: the job's whole time
        fleet = await plan_of(gql, 1, http_connection(agent.url("/slow"), timeout=30))
        async with running_worker(local, redis_dsn, queues="default"):
            run_id = await start_run(gql, fleet)
            run = await finished(fleet.org, run_id)
    [row] = await results_of(fleet.org, run_id)

    deadline = re.fullmatch(r"the conversation took longer than ([0-9.]+) s in all \([0-9.]+ s\):"
                            r" raise the connection's timeout or make the agent answer faster",
                            row.error_message)
    assert (run.status, row.status, row.error_code, row.attempts) == (
        "FAILED", "TIMEOUT", "TIMEOUT", 1)
    assert deadline is not None
    assert 7 < float(deadline.group(1)) <= 8  # 10 s minus the reserve, minus what loading took


async def _drained(redis: Redis, queue_name: str, seconds: float = 5) -> None:
    for _ in range(int(seconds / 0.05)):
        if not await redis.zcard(queue_name):
            return
        await asyncio.sleep(0.05)


async def _case_jobs(redis: Redis, queue_name: str) -> list[bytes]:
    """The run-case jobs on a queue (earlier tests' webhook deliveries may wait there too)."""
    return sorted(j for j in await redis.zrange(queue_name, 0, -1) if j.startswith(b"run-case:"))


async def test_browser_cases_have_their_own_queue_and_worker(
    gql: GraphQLClient, redis_dsn: str, local: Settings,
) -> None:
    await cancel_live_runs()
    redis = Redis.from_url(redis_dsn)
    with served(ChatAgent(think_seconds=0.05, chunk_gap_seconds=0.05).app()) as base:
        web = await plan_of(gql, 3, browser_connection(base))
        api = await plan_of(gql, 2, http_connection(f"{base}/api/chat"))
        web_run, api_run = await start_run(gql, web), await start_run(gql, api)
        web_jobs = sorted(job_id(c).encode() for c in await run_case_ids(web.org, web_run))
        api_jobs = sorted(job_id(c).encode() for c in await run_case_ids(api.org, api_run))
        queued = [await _case_jobs(redis, q) for q in (BROWSER_QUEUE, DEFAULT_QUEUE)]

        await redis.flushdb()  # lost: the reaper puts each job back on its own queue
        reaped = await reap(await queue.pool(local))
        requeued = [await _case_jobs(redis, q) for q in (BROWSER_QUEUE, DEFAULT_QUEUE)]
        await redis.delete(DEFAULT_QUEUE)  # (the HTTP run is not the point here)

        async with running_worker(local, redis_dsn, queues="browser"):
            run = await finished(web.org, web_run, seconds=90)
            # arq takes a job off its queue just after the job returns, i.e. after the result
            # that finished the run was recorded: give the last one that moment
            await _drained(redis, BROWSER_QUEUE)
        rows = await results_of(web.org, web_run)
    left = [await redis.zcard(q) for q in (BROWSER_QUEUE, DEFAULT_QUEUE)]
    await redis.aclose()

    assert queued == requeued == [web_jobs, api_jobs]
    assert reaped == Reaped(runs=2, requeued=5, abandoned=0)
    assert (run.status, run.passed) == ("COMPLETED", 3)
    assert sorted(row.turns[0]["reply"] for row in rows) == [
        f'Answer 1: you said "{question(n)}".' for n in range(3)]
    assert left == [0, 0]


async def test_a_job_ahead_of_its_commit_waits_without_spending_a_try(
    redis_dsn: str, database: object,
) -> None:
    redis = Redis.from_url(redis_dsn)
    org_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())
    key = jobs.job_id(uuid.UUID(case_id))
    await redis.set(retry_key_prefix + key, 1)  # arq counted this delivery as try 1
    fresh = {"job_try": 1, "job_id": key, "redis": redis, "enqueue_time": datetime.now(UTC)}
    stale = {**fresh, "job_try": 3, "enqueue_time": datetime.now(UTC) - timedelta(minutes=1)}

    with pytest.raises(Retry) as waiting:
        await jobs.run_case(fresh, org_id, case_id)
    tries = await redis.get(retry_key_prefix + key)
    given_up = await jobs.run_case(stale, org_id, case_id)
    await redis.aclose()

    assert (waiting.value.defer_score, tries) == (500, b"0")
    assert given_up == "missing"
