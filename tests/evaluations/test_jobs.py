"""The evaluation job: written once whatever the deliveries, retried, and never left unfinished."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from arq import Retry

from assay.db.transactions import tenant_transaction
from assay.evaluations import jobs, recording
from assay.evaluations.models import Evaluation
from assay.evaluations.recording import CaseRecord
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    EvalWorld,
    add_judge,
    build,
    enable,
    evaluate,
    finished_run,
    pk,
    stored,
)
from tests.llm_server import ScriptedLLM
from tests.support import GraphQLClient


async def _queued(gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
                  llm: ScriptedLLM) -> tuple[EvalWorld, uuid.UUID]:
    world = await build(gql, agent, cases=("refund", "open"))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, llm)
    await enable(gql, world, "relevance")
    created = await evaluate(gql, world, ["relevance"])
    return world, pk(created["evaluation"]["id"])


def _ctx(settings: Settings, job_try: int = 1, **extra: object) -> dict[str, object]:
    return {jobs.SETTINGS: settings, "job_try": job_try, **extra}


async def test_a_redelivered_job_writes_and_counts_nothing_twice(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, evaluation_id = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    org, case = str(world.org.id), str(world.run_cases["refund"])

    first = await jobs.evaluation_case(_ctx(worker_settings), org, str(evaluation_id), case)
    again = await jobs.evaluation_case(_ctx(worker_settings), org, str(evaluation_id), case)

    evaluation, cases = await stored(world, evaluation_id)
    assert (first, again) == ("recorded", "skipped")
    assert (evaluation.status, evaluation.done, evaluation.passed, evaluation.judge_calls) == (
        "RUNNING", 1, 1, 1)
    assert list(cases) == ["refund"]
    assert len(scripted_llm.requests) == 1


async def test_two_writers_of_one_case_insert_one_row_and_count_it_once(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    scripted_llm: ScriptedLLM,
) -> None:
    world, evaluation_id = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    async with tenant_transaction(world.org.id):
        evaluation = await Evaluation.get(id=evaluation_id)
    record = CaseRecord(evaluation_id=evaluation_id, run_case_id=world.run_cases["refund"],
                        project_id=evaluation.project_id, passed=True, score=1.0,
                        asserts_passed=True, pii_leak=False,
                        scores=[{"slug": "relevance", "version": "1.0.0", "status": "SCORED",
                                 "score": 1.0, "passed": True, "threshold": 0.7,
                                 "weight": 1.0}],
                        usage={"judge_calls": 1})
    changed = replace(record, passed=False, score=0.0)

    async with tenant_transaction(world.org.id):
        written = await recording.record(record)
    async with tenant_transaction(world.org.id):
        rewritten = await recording.record(changed)

    evaluation, cases = await stored(world, evaluation_id)
    assert (written.written, rewritten.written) == (True, False)
    assert (evaluation.done, evaluation.passed, evaluation.failed, evaluation.judge_calls) == (
        1, 1, 0, 1)
    assert (cases["refund"].passed, cases["refund"].score) == (True, 1.0)


async def test_a_failing_job_is_retried_then_records_the_case_as_errored(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, evaluation_id = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    org, case = str(world.org.id), str(world.run_cases["refund"])
    broken = {jobs.JOB_TIMEOUT: "soon"}  # a misconfigured worker: every try raises

    with pytest.raises(Retry):
        await jobs.evaluation_case(_ctx(worker_settings, 1, **broken), org,
                                   str(evaluation_id), case)
    with pytest.raises(Retry):
        await jobs.evaluation_case(_ctx(worker_settings, 2, **broken), org,
                                   str(evaluation_id), case)
    last = await jobs.evaluation_case(_ctx(worker_settings, jobs.MAX_TRIES, **broken), org,
                                      str(evaluation_id), case)
    done = await jobs.evaluation_case(_ctx(worker_settings), org, str(evaluation_id),
                                      str(world.run_cases["open"]))

    evaluation, cases = await stored(world, evaluation_id)
    [score] = cases["refund"].scores
    assert (last, done) == ("recorded", "recorded")
    assert (score["status"], score["error_code"]) == ("ERROR", "JOB_FAILED")
    assert score["reason"] == (
        "the worker failed 3 times scoring this case; the last failure: ValueError: could not "
        "convert string to float: 'soon'. Evaluate the run again once the cause is fixed")
    assert (cases["refund"].passed, cases["refund"].asserts_passed) == (False, True)
    assert (evaluation.status, evaluation.done, evaluation.passed, evaluation.errored) == (
        "COMPLETED", 2, 1, 1)
    assert evaluation.pass_rate == 0.5


async def test_a_job_queued_before_its_evaluation_committed_waits_for_it(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, _ = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    from datetime import UTC, datetime

    missing = str(uuid.uuid4())
    with pytest.raises(Retry):  # just queued: the commit may still come
        await jobs.evaluation_case(_ctx(worker_settings, enqueue_time=datetime.now(UTC)),
                                   str(world.org.id), missing, str(world.run_cases["refund"]))
    gave_up = await jobs.evaluation_case(_ctx(worker_settings, jobs.MAX_TRIES),
                                         str(world.org.id), missing,
                                         str(world.run_cases["refund"]))

    assert gave_up == "missing"
