"""The events Assay emits itself, driven for real: a run that finishes (or is cancelled) and
an evaluation that finishes post signed events through the process's real workers."""

from __future__ import annotations

import json
import uuid
from typing import Any

from assay.db.transactions import tenant_transaction
from assay.evaluations.models import Evaluation
from assay.ids import encode_id
from assay.runs.connectors import default_pool
from assay.runs.models import Run
from assay.runs.routing import DEFAULT_QUEUE
from assay.settings import Settings
from assay.webhooks import hooks, service
from assay.webhooks.models import DeliveryStatus
from assay.webhooks.signing import verify_signature
from assay.worker import WorkerGroup, WorkerOptions
from tests.connectors.agents import Agent
from tests.runs import world as runs
from tests.support import GraphQLClient, make_org, owner
from tests.webhooks.receiver import Receiver, Seen, as_json
from tests.webhooks.rows import write_webhook_rows
from tests.webhooks.support import create, deliveries, drain, pk

_CANCEL = "mutation($id: ID!) { cancelRun(id: $id) { __typename } }"
_JUDGE = """mutation($input: ConfigureJudgeInput!) { configureJudge(input: $input) {
  __typename } }"""
_ENABLE = """mutation($input: EnableEvaluatorInput!) { enableEvaluator(input: $input) {
  __typename } }"""
OVERRIDE = "Reviewed by hand for the webhook tests."
_EVALUATE = """mutation($input: EvaluateRunInput!) { evaluateRun(input: $input) {
  __typename ... on EvaluateRunSuccess { evaluation { id } } } }"""


async def _workers(redis_dsn: str, settings: Settings) -> None:
    """The process's real workers (assay.worker) in burst mode on the default queue."""
    connectors = default_pool(allow_private_targets=settings.allow_private_targets,
                              browser_executable=None)
    options = WorkerOptions(queues=(DEFAULT_QUEUE,), burst=True, max_jobs=4, crons=False,
                            poll_delay=0.05)
    group = await WorkerGroup.open(settings, redis_dsn, connectors, options)
    try:
        await group.run()
    finally:
        await group.close()
        await connectors.close()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _run_data(run: Run, world: runs.RunWorld) -> dict[str, Any]:
    rate = round(run.passed / run.total, 4)
    return {"run": {
        "id": encode_id("Run", run.id), "status": run.status.value,
        "project": {"id": world.org.project_gid, "name": "Default"},
        "plan": {"id": world.ids["plan"], "name": "Release"},
        "connection": {"id": world.ids["connection"], "name": "Echo bot", "kind": "HTTP"},
        "total": run.total, "passed": run.passed, "failed": run.failed,
        "errored": run.errored, "timed_out": run.timed_out, "cancelled": run.cancelled,
        "pass_rate": rate, "created_at": _iso(run.created_at),
        "started_at": _iso(run.started_at), "finished_at": _iso(run.finished_at)}}


def _verified(seen: Seen, secret: str) -> bool:
    return verify_signature(secret, seen.header("Assay-Webhook-Timestamp"), seen.body,
                            seen.header("Assay-Webhook-Signature"))


async def test_run_finished_is_posted_when_a_real_run_finishes(
    private_gql: GraphQLClient, agent: Agent, receiver: Receiver, redis_dsn: str,
    private_settings: Settings
) -> None:
    world = await runs.build(private_gql, agent)
    created = await create(private_gql, world.owner, receiver.url())
    started = await runs.start(world, private_settings)

    await _workers(redis_dsn, private_settings)

    run = await runs.get_run(world, started.run.id)
    [row] = await deliveries(world.org.id)
    [seen] = receiver.requests
    body = as_json(seen)
    assert (run.status.value, run.total, run.passed, run.failed) == ("COMPLETED", 3, 2, 1)
    assert (row.event_type, row.status, row.attempts) == ("run.finished",
                                                         DeliveryStatus.SUCCEEDED, 1)
    assert body == {"id": str(row.event_id), "type": "run.finished",
                    "created_at": row.payload["created_at"], "data": _run_data(run, world)}
    assert body["data"]["run"]["pass_rate"] == 0.6667
    assert _verified(seen, created["secret"]) is True
    assert runs.TOKEN.encode() not in seen.body


async def test_run_finished_is_posted_when_a_run_is_cancelled(
    private_gql: GraphQLClient, agent: Agent, receiver: Receiver, redis_dsn: str,
    private_settings: Settings
) -> None:
    world = await runs.build(private_gql, agent)
    await create(private_gql, world.owner, receiver.url())
    async with tenant_transaction(world.org.id):
        started = await runs.service.start_run(plan_id=world.pk("plan"),
                                               connection_id=world.pk("connection"),
                                               idempotency_key=None)

    cancelled = await private_gql.data(_CANCEL, {"id": encode_id("Run", started.run.id)},
                                       world.owner)
    await drain(redis_dsn, private_settings)

    run = await runs.get_run(world, started.run.id)
    [seen] = receiver.requests
    assert cancelled["cancelRun"]["__typename"] == "CancelRunSuccess"
    assert as_json(seen)["data"] == _run_data(run, world)
    assert (run.status.value, run.cancelled, run.total) == ("CANCELLED", 3, 3)


async def test_evaluation_finished_is_posted_when_an_evaluation_finishes(
    private_gql: GraphQLClient, agent: Agent, receiver: Receiver, redis_dsn: str,
    private_settings: Settings
) -> None:
    world = await runs.build(private_gql, agent)
    created = await create(private_gql, world.owner, receiver.url(), ["evaluation.finished"])
    async with tenant_transaction(world.org.id):
        started = await runs.service.start_run(plan_id=world.pk("plan"),
                                               connection_id=world.pk("connection"),
                                               idempotency_key=None)
    run_gid = encode_id("Run", started.run.id)
    await private_gql.data(_CANCEL, {"id": run_gid}, world.owner)
    # Never called: a case that did not run is not judged.
    await private_gql.data(_JUDGE, {"input": {"name": "Judge", "provider": "openai",
                                              "model": "m-1",
                                              "baseUrl": "http://127.0.0.1:9/v1"}}, world.owner)
    await private_gql.data(_ENABLE, {"input": {"evaluator": "relevance", "judge": "openai",
                                               "model": "m-1", "overrideReason": OVERRIDE}},
                           world.owner)
    evaluated = await private_gql.data(_EVALUATE, {"input": {
        "runId": run_gid, "evaluators": ["relevance"]}}, world.owner)
    evaluation_gid = evaluated["evaluateRun"]["evaluation"]["id"]
    evaluation_id = pk(evaluation_gid)

    await _workers(redis_dsn, private_settings)  # evaluation jobs, then the webhook's

    async with tenant_transaction(world.org.id):
        finished = await Evaluation.get(id=evaluation_id)
    [row] = await deliveries(world.org.id)
    [seen] = receiver.requests
    data = as_json(seen)["data"]["evaluation"]
    assert (row.event_type, row.status) == ("evaluation.finished", DeliveryStatus.SUCCEEDED)
    assert (finished.status.value, finished.total) == ("COMPLETED", 3)
    assert {k: data[k] for k in ("id", "status", "run_id", "project", "total", "passed",
                                 "failed", "errored", "pii_leaks", "pass_rate",
                                 "overall_score", "judge", "finished_at")} == {
        "id": evaluation_gid, "status": "COMPLETED", "run_id": run_gid,
        "project": {"id": world.org.project_gid, "name": "Default"},
        "total": 3, "passed": finished.passed, "failed": finished.failed,
        "errored": finished.errored, "pii_leaks": finished.pii_leaks,
        "pass_rate": finished.pass_rate, "overall_score": finished.overall_score,
        "judge": {"provider": "openai", "model": "m-1"},
        "finished_at": _iso(finished.finished_at)}
    assert [(e["slug"], e["threshold"]) for e in data["evaluators"]] == [
        ("relevance", finished.evaluators[0]["threshold"])]
    assert "127.0.0.1:9" not in seen.body.decode()
    assert _verified(seen, created["secret"]) is True


async def test_a_regression_found_by_a_comparison_is_posted_as_given(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    await create(private_gql, await owner(org), receiver.url(), ["comparison.regression"])
    data = {"report": {"id": "UmVwb3J0OjE", "title": "Release 7"},
            "regressions": [{"test_case_id": "VGVzdENhc2U6MQ", "title": "Refund window",
                             "before": {"passed": True, "score": 0.9},
                             "after": {"passed": False, "score": 0.4}}]}

    async with tenant_transaction(org.id):
        made = await service.emit("comparison.regression", data)
        quiet = await service.emit("run.finished", {"run": {}})
    await drain(redis_dsn, private_settings)

    [seen] = receiver.requests
    assert (made, quiet) == (1, 0)
    assert json.loads(seen.body)["data"] == data
    assert seen.header("Assay-Webhook-Event") == "comparison.regression"


async def test_a_failing_emit_never_breaks_what_finished() -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        await write_webhook_rows()  # subscribed to run.finished

    async with tenant_transaction(org.id):
        made = await hooks.run_finished(uuid.uuid4())  # no such run: building fails
        still_usable = await Run.all().count()

    assert (made, still_usable) == (0, 0)
    assert len(await deliveries(org.id)) == 1
