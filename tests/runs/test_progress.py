"""runProgress over a real websocket (graphql-transport-ws), served by uvicorn on loopback.

Runs execute through a real arq burst worker (or the real job function) against a loopback
agent; notifications travel through the session's Redis. The ``notified`` server polls the
database only once a minute, so what it streams within the test arrived by notification;
the ``polling`` server polls every 200 ms and is used where no notification is sent.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from redis.asyncio import Redis

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from assay.graphql.relay import encode_id
from assay.runs import events, jobs, queue
from assay.runs.connectors import default_pool
from assay.runs.models import RunCase
from assay.settings import Settings, SettingsError, load_settings
from tests import server_process
from tests.connectors.agents import Agent
from tests.graphql_ws import Closed, opened, serving, signed_in, split_caller
from tests.runs.world import RunWorld, build, drain, results, start
from tests.support import GraphQLClient, error_codes, key_caller

ALLOWED_ORIGIN = "https://app.example.com"
PROGRESS = """
subscription($runId: ID!) { runProgress(runId: $runId) {
  __typename
  ... on RunProgressSnapshot { runId status counts { ...counts } }
  ... on RunCaseFinished { runId counts { ...counts }
    case { position testCaseId title status attempts
           failedAsserts { index type passed reason turn } error { code message } } }
  ... on RunFinished { runId status counts { ...counts } }
} }
fragment counts on RunCounts { total passed failed errored timedOut cancelled pending }
"""
MINT_KEY = """
mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  ... on CreateApiKeySuccess { secret apiKey { id } } } }
"""
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }"
CANCEL = "mutation($id: ID!) { cancelRun(id: $id) { __typename } }"
COUNTER = {"PASSED": "passed", "FAILED": "failed", "ERROR": "errored", "TIMEOUT": "timedOut",
           "CANCELLED": "cancelled"}


@pytest.fixture(scope="module")
async def notified(database: dict[str, DatabaseUrl], settings: Settings
                   ) -> AsyncIterator[str]:
    """Polls once a minute: anything streamed sooner came by notification."""
    configured = replace(settings, progress_poll_ms=60_000, max_subscriptions_per_connection=2,
                         allowed_origins=(ALLOWED_ORIGIN,))
    async with serving(create_app(configured, database["app"])) as address:
        yield address


@pytest.fixture(scope="module")
async def polling(database: dict[str, DatabaseUrl], settings: Settings) -> AsyncIterator[str]:
    configured = replace(settings, progress_poll_ms=200)
    async with serving(create_app(configured, database["app"])) as address:
        yield address


def counts(total: int, statuses: list[str]) -> dict[str, int]:
    tally = Counter(COUNTER[s] for s in statuses)
    done = {name: tally[name] for name in COUNTER.values()}
    return {"total": total, **done, "pending": total - len(statuses)}


def run_gid(started: Any) -> str:
    return encode_id("Run", started.run.id)


async def expected_cases(world: RunWorld, run_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    """What runProgress must say of each finished case, read back from the database."""
    rows = await results(world, run_id)
    async with tenant_transaction(world.org.id):
        cases = {c.title: c for c in await RunCase.filter(run_id=run_id)}
    expected = {}
    for title, row in rows.items():
        error = {"code": row.error_code, "message": row.error_message} if row.error_code \
            else None
        expected[title] = {
            "position": cases[title].position,
            "testCaseId": encode_id("TestCase", cases[title].test_case_id),
            "title": title, "status": row.status.value, "attempts": row.attempts,
            "failedAsserts": [{k: a.get(k) for k in ("index", "type", "passed", "reason",
                                                     "turn")}
                              for a in row.asserts if not a["passed"]],
            "error": error}
    return expected


def payloads(messages: list[dict[str, Any]]) -> list[Any]:
    """The data of each ``next`` message, and "complete" for the end."""
    out: list[Any] = []
    for message in messages:
        if message["type"] == "next":
            assert "errors" not in message["payload"], message
            out.append(message["payload"]["data"]["runProgress"])
        else:
            out.append(message["type"])
    return out


def check_case_events(events_: list[dict[str, Any]], expected: dict[str, dict[str, Any]],
                      gid: str, total: int, before: list[str] | None = None) -> None:
    """Each case exactly once, every event's counts one more than the previous one's."""
    seen = list(before or [])
    for event in events_:
        assert event["__typename"] == "RunCaseFinished"
        seen.append(event["case"]["status"])
        assert event == {"__typename": "RunCaseFinished", "runId": gid,
                         "counts": counts(total, seen),
                         "case": expected[event["case"]["title"]]}
    titles = [event["case"]["title"] for event in events_]
    assert sorted(titles) == sorted(set(titles))


async def test_a_run_streams_each_case_once_then_finishes(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    gid = run_gid(started)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": gid})
        first = await ws.next_of("run")
        await drain(redis_dsn)
        rest = await ws.until_done("run")

    streamed = payloads([first, *rest])
    expected = await expected_cases(world, started.run.id)
    assert streamed[0] == {"__typename": "RunProgressSnapshot", "runId": gid,
                           "status": "QUEUED", "counts": counts(3, [])}
    check_case_events(streamed[1:4], expected, gid, 3)
    assert sorted(e["case"]["title"] for e in streamed[1:4]) == [
        "Exact greeting", "Refund chat", "Refund window"]
    assert streamed[4:] == [
        {"__typename": "RunFinished", "runId": gid, "status": "COMPLETED",
         "counts": counts(3, ["PASSED", "PASSED", "FAILED"])},
        "complete"]
    assert expected["Exact greeting"]["failedAsserts"][0]["type"] == "equals"


async def test_a_real_server_process_streams_what_a_worker_elsewhere_records(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    database: dict[str, DatabaseUrl], tmp_path: Path,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    gid = run_gid(started)
    env = server_process.environment(database, tmp_path, REDIS_URL=redis_dsn)

    async with server_process.serving(env) as client:
        address = client.base_url.netloc.decode()
        async with signed_in(address, key_caller(world.org.api_key)) as ws:
            await ws.subscribe("run", PROGRESS, {"runId": gid})
            first = await ws.next_of("run")
            await drain(redis_dsn)
            rest = await ws.until_done("run")

    streamed = payloads([first, *rest])
    assert streamed[0]["status"] == "QUEUED"
    check_case_events(streamed[1:4], await expected_cases(world, started.run.id), gid, 3)
    assert streamed[4:] == [
        {"__typename": "RunFinished", "runId": gid, "status": "COMPLETED",
         "counts": counts(3, ["PASSED", "PASSED", "FAILED"])},
        "complete"]


async def test_a_finished_run_gives_its_state_and_its_end(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    await drain(redis_dsn)
    gid = run_gid(started)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": gid})
        streamed = payloads(await ws.until_done("run"))

    final = counts(3, ["PASSED", "PASSED", "FAILED"])
    assert streamed == [
        {"__typename": "RunProgressSnapshot", "runId": gid, "status": "COMPLETED",
         "counts": final},
        {"__typename": "RunFinished", "runId": gid, "status": "COMPLETED", "counts": final},
        "complete"]


async def test_cancel_mid_run_streams_the_cancelled_cases_and_the_end(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    gid = run_gid(started)
    pool = default_pool(allow_private_targets=True, browser_executable=None)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": gid})
        first = await ws.next_of("run")
        try:  # the first case runs (and is announced) as a worker would run it
            ctx = {jobs.CONNECTORS: pool, "job_try": 1, jobs.REDIS: await queue.pool(settings)}
            ran = await jobs.run_case(ctx, str(world.org.id), str(started.run_case_ids[0]))
        finally:
            await pool.close()
        one = await ws.next_of("run")
        cancelled = await gql.data(CANCEL, {"id": gid}, world.owner)
        rest = await ws.until_done("run")

    streamed = payloads([first, one, *rest])
    expected = await expected_cases(world, started.run.id)
    assert ran == "recorded"
    assert cancelled == {"cancelRun": {"__typename": "CancelRunSuccess"}}
    assert streamed[0]["status"] == "QUEUED"
    assert streamed[1]["case"]["title"] == "Refund window"
    check_case_events(streamed[1:4], expected, gid, 3)
    assert [e["case"]["status"] for e in streamed[1:4]] == ["PASSED", "CANCELLED", "CANCELLED"]
    assert streamed[4:] == [
        {"__typename": "RunFinished", "runId": gid, "status": "CANCELLED",
         "counts": counts(3, ["PASSED", "CANCELLED", "CANCELLED"])},
        "complete"]


async def test_without_notifications_the_poll_still_delivers_every_case(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings, polling: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    gid = run_gid(started)
    pool = default_pool(allow_private_targets=True, browser_executable=None)

    async with signed_in(polling, world.owner) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": gid})
        first = await ws.next_of("run")
        try:  # no Redis in the job's context: nothing is published
            for case_id in started.run_case_ids:
                await jobs.run_case({jobs.CONNECTORS: pool, "job_try": 1},
                                    str(world.org.id), str(case_id))
        finally:
            await pool.close()
        rest = await ws.until_done("run")

    streamed = payloads([first, *rest])
    expected = await expected_cases(world, started.run.id)
    assert streamed[0]["counts"] == counts(3, [])
    check_case_events(streamed[1:4], expected, gid, 3)
    assert streamed[4:] == [
        {"__typename": "RunFinished", "runId": gid, "status": "COMPLETED",
         "counts": counts(3, ["PASSED", "PASSED", "FAILED"])},
        "complete"]


async def test_another_organizations_run_is_not_found_like_a_random_id(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
) -> None:
    victim = await build(gql, agent)
    started = await start(victim, settings)
    attacker = await build(gql, agent)

    async with signed_in(notified, attacker.owner) as ws:
        await ws.subscribe("foreign", PROGRESS, {"runId": run_gid(started)})
        foreign = await ws.until_done("foreign")
        await ws.subscribe("random", PROGRESS, {"runId": encode_id("Run", uuid.uuid4())})
        unknown = await ws.until_done("random")

    assert [m["type"] for m in foreign] == ["error"]
    assert foreign[0]["payload"] == unknown[0]["payload"]
    assert foreign[0]["payload"] == [{
        "message": "Run not found: check the id, and that you have access to it",
        "locations": [{"line": 2, "column": 29}], "path": ["runProgress"],
        "extensions": {"code": "NOT_FOUND"}}]


async def mint_read_key(gql: GraphQLClient, world: RunWorld) -> tuple[str, str]:
    expires = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    minted = await gql.data(MINT_KEY, {"input": {
        "projectId": world.org.project_gid, "name": f"progress {uuid.uuid4().hex[:6]}",
        "scope": "READ", "expiresAt": expires}}, world.owner)
    return minted["createApiKey"]["secret"], minted["createApiKey"]["apiKey"]["id"]


async def test_a_read_key_in_connection_init_can_subscribe_from_any_origin(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    secret, _ = await mint_read_key(gql, world)

    async with opened(notified, origin="https://elsewhere.example") as ws:
        ack = await ws.init({"authorization": f"Bearer {secret}"})
        await ws.subscribe("run", PROGRESS, {"runId": run_gid(started)})
        first = await ws.next_of("run")

    assert ack == {"type": "connection_ack"}
    assert payloads([first]) == [{"__typename": "RunProgressSnapshot",
                                  "runId": run_gid(started), "status": "QUEUED",
                                  "counts": counts(3, [])}]


async def test_revoking_the_key_ends_the_subscription_and_the_connection(
    gql: GraphQLClient, agent: Agent, settings: Settings, polling: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    secret, key_id = await mint_read_key(gql, world)

    async with signed_in(polling, key_caller(secret)) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": run_gid(started)})
        first = await ws.next_of("run")
        revoked = await gql.data(REVOKE_KEY, {"id": key_id}, world.owner)
        ended = await ws.until_done("run")
        await ws.subscribe("again", PROGRESS, {"runId": run_gid(started)})
        closed = await ws.wait_closed()

    assert first["type"] == "next"
    assert revoked == {"revokeApiKey": {"__typename": "RevokeApiKeySuccess"}}
    assert ended == [
        {"id": "run", "type": "next", "payload": {"data": None, "errors": [{
            "message": "your session ended or your API key was revoked: sign in or use a "
                       "valid key, then subscribe again",
            "extensions": {"code": "UNAUTHENTICATED"}}]}},
        {"id": "run", "type": "complete"}]
    assert closed == Closed(4403, "your session ended or your API key was revoked: connect "
                            "again with valid credentials")


@pytest.mark.parametrize(("payload", "reason"), [
    ({}, 'sign in, or send {"authorization": "Bearer <API key>"} as the connection_init '
         "payload"),
    ({"authorization": "Bearer assay_0123"}, "the API key is invalid, expired or revoked"),
    ({"authorization": "Basic abc"}, "send the API key as 'Authorization: Bearer <key>'"),
    ({"authorization": 12}, "authorization and x-assay-organization in connection_init must "
                            "be strings"),
], ids=["anonymous", "unknown key", "not bearer", "not a string"])
async def test_connection_init_without_valid_credentials_is_refused(
    notified: str, payload: dict[str, Any], reason: str,
) -> None:
    async with opened(notified) as ws:
        await ws.send({"type": "connection_init", "payload": payload})
        closed = await ws.wait_closed()

    assert closed == Closed(4403, reason)


async def test_a_cookie_header_without_the_session_cookie_is_refused(notified: str) -> None:
    async with opened(notified, headers={"cookie": "theme=dark"}) as ws:
        await ws.send({"type": "connection_init", "payload": {}})
        closed = await ws.wait_closed()

    assert closed == Closed(4403, 'sign in, or send {"authorization": "Bearer <API key>"} as '
                            "the connection_init payload")


async def test_subscribing_before_connection_init_is_refused(notified: str) -> None:
    async with opened(notified) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": encode_id("Run", uuid.uuid4())})
        closed = await ws.wait_closed()

    assert closed == Closed(4401, "Unauthorized")


@pytest.mark.parametrize("protocols", [["graphql-ws"], []], ids=["graphql-ws", "none"])
async def test_other_protocols_are_refused(notified: str, protocols: list[str]) -> None:
    async with opened(notified, protocols=protocols) as ws:
        closed = await ws.wait_closed()

    assert closed == Closed(4406, "Subprotocol not acceptable")


def host_origin(address: str) -> str:
    return f"http://{address}"


@pytest.mark.parametrize(("origin", "accepted"), [
    (None, True), ("same", True), (ALLOWED_ORIGIN, True),
    ("https://evil.example", False), ("null", False),
], ids=["no origin", "same origin", "allowed origin", "other origin", "opaque origin"])
async def test_the_session_cookie_counts_only_from_allowed_origins(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
    origin: str | None, accepted: bool,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    handshake, payload = split_caller(world.owner)
    page = host_origin(notified) if origin == "same" else origin

    async with opened(notified, headers=handshake, origin=page) as ws:
        answer = await ws.init(payload) if accepted else None
        if accepted:
            await ws.subscribe("run", PROGRESS, {"runId": run_gid(started)})
            first = await ws.next_of("run")
        else:
            await ws.send({"type": "connection_init", "payload": payload})
            closed = await ws.wait_closed()

    if accepted:
        assert answer == {"type": "connection_ack"}
        assert payloads([first])[0]["status"] == "QUEUED"
    else:
        assert closed == Closed(4403, "the session cookie is not accepted from this origin: "
                                "send an API key in connection_init or list it in "
                                "ASSAY_ALLOWED_ORIGINS")


async def test_a_connection_holds_at_most_the_configured_subscriptions(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)
    variables = {"runId": run_gid(started)}

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("a", PROGRESS, variables)
        await ws.next_of("a")
        await ws.subscribe("b", PROGRESS, variables)
        await ws.next_of("b")
        await ws.subscribe("c", PROGRESS, variables)
        refused = await ws.until_done("c")
        await ws.complete("a")
        await ws.subscribe("d", PROGRESS, variables)
        later = await ws.next_of("d")

    assert refused == [{"id": "c", "type": "error", "payload": [{
        "message": "this connection already has 2 subscriptions open: complete one, or open "
                   "another connection",
        "extensions": {"code": "TOO_MANY_SUBSCRIPTIONS"}}]}]
    assert later["type"] == "next"
    assert later["payload"]["data"]["runProgress"]["__typename"] == "RunProgressSnapshot"


async def test_subscriptions_use_the_websocket_and_everything_else_http(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    over_http = await gql.post(PROGRESS, {"runId": run_gid(started)}, world.owner)
    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("q", "{ viewer { kind } }")
        over_socket = await ws.until_done("q")

    assert error_codes(over_http) == ["WRONG_TRANSPORT"]
    assert over_http["data"] is None
    assert over_socket == [{"id": "q", "type": "error", "payload": [{
        "message": "send queries and mutations as HTTP POST requests to /graphql; the "
                   "websocket serves subscriptions only",
        "extensions": {"code": "WRONG_TRANSPORT"}}]}]


async def test_a_live_subscription_holds_no_transaction_open(
    gql: GraphQLClient, agent: Agent, settings: Settings, notified: str,
    owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("run", PROGRESS, {"runId": run_gid(started)})
        await ws.next_of("run")
        await asyncio.sleep(0.5)  # its first look is done; the next is a minute away
        settled_at = await owner_db.fetchval("SELECT clock_timestamp()")
        await asyncio.sleep(1)  # a transaction held by the subscription would still be open
        open_transactions = await owner_db.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND xact_start < $1", settled_at)

    assert open_transactions == 0


async def test_publishing_to_an_unreachable_redis_never_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/0")
    run_id = uuid.uuid4()
    try:
        await events.status_changed(dead, run_id)
    finally:
        await dead.aclose()

    logged = [r.getMessage() for r in caplog.records if str(run_id) in r.getMessage()]
    assert [message.split(":")[0] for message in logged] == [
        f"could not notify subscribers of run {run_id}"]


async def test_the_listener_reconnects_after_redis_drops_it(redis_dsn: str) -> None:
    client = Redis.from_url(redis_dsn)
    listener = events.Listener(lambda: _connected(redis_dsn))
    run_id, case_id = uuid.uuid4(), uuid.uuid4()
    try:
        async with listener.watch(run_id) as watch:
            assert await watch.ready(10)
            killed = await client.client_kill_filter(_type="pubsub")
            while True:  # publish until the listener is back (its retry pause is 1 s)
                await events.publish(client, run_id, case_id)
                await watch.wait(0.2)
                if (taken := watch.take()) == {case_id}:
                    break
    finally:
        await listener.close()
        await client.aclose()

    assert killed == 1
    assert taken == {case_id}


async def _connected(dsn: str) -> Redis:
    client: Redis = Redis.from_url(dsn)
    return client


def test_websocket_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSAY_ALLOWED_ORIGINS", "https://App.example.com, http://localhost:5173")
    monkeypatch.setenv("ASSAY_MAX_SUBSCRIPTIONS_PER_CONNECTION", "4")
    monkeypatch.setenv("ASSAY_PROGRESS_POLL_MS", "1500")

    loaded = load_settings()

    assert (loaded.allowed_origins, loaded.max_subscriptions_per_connection,
            loaded.progress_poll_ms) == (
        ("https://app.example.com", "http://localhost:5173"), 4, 1500)


@pytest.mark.parametrize(("name", "value", "message"), [
    ("ASSAY_ALLOWED_ORIGINS", "https://app.example.com/path",
     "ASSAY_ALLOWED_ORIGINS must be a comma-separated list of origins like "
     "https://app.example.com (scheme, host, optional port; no path), got "
     "'https://app.example.com/path'"),
    ("ASSAY_ALLOWED_ORIGINS", "*",
     "ASSAY_ALLOWED_ORIGINS must be a comma-separated list of origins like "
     "https://app.example.com (scheme, host, optional port; no path), got '*'"),
    ("ASSAY_MAX_SUBSCRIPTIONS_PER_CONNECTION", "0",
     "ASSAY_MAX_SUBSCRIPTIONS_PER_CONNECTION must be between 1 and 1000, got 0"),
    ("ASSAY_PROGRESS_POLL_MS", "50", "ASSAY_PROGRESS_POLL_MS must be between 100 and 60000, "
                                     "got 50"),
])
def test_bad_websocket_settings_say_what_to_set(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str,
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == message

