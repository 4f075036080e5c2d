"""evaluateRun's checks: every typed error with nothing written, idempotency, evaluations that
need no judge, and plugins that are broken or misbehave."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from assay.graphql.relay import encode_id
from assay.plugins.registry import evaluators
from assay.settings import Settings
from tests.connectors.agents import serving
from tests.evaluations.plugins import installed
from tests.evaluations.world import (
    EvalWorld,
    add_judge,
    build,
    counts,
    drain_evaluations,
    enable,
    evaluate,
    finished_run,
    pk,
    start_run,
    stored,
)
from tests.llm_server import ScriptedLLM
from tests.support import GraphQLClient


@dataclass
class Worlds:
    #: A finished run, a judge, relevance enabled for it.
    ready: EvalWorld
    #: A finished run and no judge at all.
    no_judge: EvalWorld
    #: A run that has not run yet (QUEUED), a judge, relevance enabled.
    queued: EvalWorld


@pytest.fixture(scope="module")
async def llm() -> AsyncIterator[ScriptedLLM]:
    async with ScriptedLLM() as running:
        yield running


@pytest.fixture(scope="module")
async def worlds(gql: GraphQLClient, settings: Settings, job_queue: str, llm: ScriptedLLM
                 ) -> AsyncIterator[Worlds]:
    async with serving() as agent:
        ready = await build(gql, agent, cases=("refund", "open"))
        await finished_run(ready, settings, job_queue)
        await add_judge(gql, ready, llm)
        await enable(gql, ready, "relevance")
        no_judge = await build(gql, agent, cases=("refund",))
        await finished_run(no_judge, settings, job_queue)
        queued = await build(gql, agent, cases=("refund",))
        await start_run(queued)
        await add_judge(gql, queued, llm)
        await enable(gql, queued, "relevance")
        yield Worlds(ready, no_judge, queued)


@pytest.fixture
def testkit(tmp_path: Path) -> Iterator[None]:
    with installed(tmp_path):
        yield


AVAILABLE = ", ".join(sorted(evaluators().plugins))


def issues(*found: tuple[list[str], str, str]) -> dict[str, Any]:
    return {"__typename": "ValidationError", "code": "VALIDATION_FAILED",
            "issues": [{"path": path, "code": code, "message": message}
                       for path, code, message in found]}


def message_of(result: dict[str, Any]) -> str:
    message: str = result["message"]
    return message


async def refused(gql: GraphQLClient, world: EvalWorld, owner_db: asyncpg.Connection,
                  evaluators_: list[str], **extra: Any) -> dict[str, Any]:
    """evaluateRun that must write nothing: no evaluation, no case result, no audit event."""
    before = await counts(owner_db, world.org.id)
    result = await evaluate(gql, world, evaluators_, **extra)
    assert await counts(owner_db, world.org.id) == before
    return {k: v for k, v in result.items() if k != "message" or "issues" not in result}


async def test_a_run_that_has_not_finished_is_refused(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(gql, worlds.queued, owner_db, ["relevance"])

    assert result == {"__typename": "ConflictError", "code": "RUN_NOT_FINISHED",
                      "message": "this run is QUEUED: only a finished run (COMPLETED, FAILED "
                      "or CANCELLED) can be evaluated; wait for it to finish (follow "
                      "runProgress), then evaluate it"}


async def test_unknown_and_duplicate_evaluators_are_refused_each_on_its_field(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(gql, worlds.ready, owner_db, ["relevance", "tonality", "relevance"])

    assert result == issues(
        (["input", "evaluators", "1"], "UNKNOWN_EVALUATOR",
         f"unknown evaluator 'tonality': choose among {AVAILABLE}"),
        (["input", "evaluators", "2"], "DUPLICATE_EVALUATOR",
         "'relevance' is chosen twice: name each evaluator once"))


async def test_thresholds_and_weights_out_of_range_or_for_unchosen_evaluators_are_refused(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(
        gql, worlds.ready, owner_db, ["relevance"],
        thresholds=[{"evaluator": "relevance", "value": 1.5},
                    {"evaluator": "tone", "value": 0.5}],
        weights=[{"evaluator": "relevance", "value": 0}])

    assert result == issues(
        (["input", "thresholds", "relevance"], "OUT_OF_RANGE",
         "give a threshold in [0, 1], not 1.5"),
        (["input", "thresholds", "tone"], "NOT_CHOSEN",
         "'tone' is not among the chosen evaluators: give a threshold only for an evaluator "
         "in evaluators"),
        (["input", "weights", "relevance"], "OUT_OF_RANGE",
         "give a weight in (0, 100], not 0"))


async def test_a_value_given_twice_for_one_evaluator_is_refused(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(gql, worlds.ready, owner_db, ["relevance"],
                           weights=[{"evaluator": "relevance", "value": 2},
                                    {"evaluator": "relevance", "value": 3}])

    assert result == issues((["input", "weights", "1", "evaluator"], "DUPLICATE_EVALUATOR",
                             "'relevance' is given twice: give each evaluator one value"))


async def test_without_a_judge_an_llm_evaluator_is_refused_with_how_to_configure_one(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(gql, worlds.no_judge, owner_db, ["relevance", "comparison"])

    assert result == {
        "__typename": "ConflictError", "code": "JUDGE_NOT_CONFIGURED",
        "message": "relevance, comparison need a judge (an LLM) and this organization has "
        "none: configure one with the configureJudge mutation (provider, model, API key), or "
        "choose only evaluators that need no judge"}


async def test_an_evaluator_not_enabled_for_the_judge_model_is_refused_with_how_to_enable(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    result = await refused(gql, worlds.ready, owner_db, ["relevance", "tone", "comparison"])

    assert result == {
        "__typename": "ConflictError", "code": "EVALUATOR_NOT_ENABLED",
        "message": "not enabled for openai judge-model in this organization: tone 1.0.0, "
        "comparison 1.0.0. Calibrate each with that model (`assay calibrate SLUG --judge "
        "openai --model judge-model`) and enable it with the enableEvaluator mutation (an "
        "owner may override the calibration with a written reason), or choose another judge"}


async def test_unknown_or_foreign_run_and_judge_ids_are_not_found(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection
) -> None:
    not_found = {"__typename": "NotFoundError", "code": "NOT_FOUND"}
    foreign_run = await refused(gql, worlds.ready, owner_db, ["relevance"],
                                runId=worlds.no_judge.run_gid)
    unknown_run = await refused(gql, worlds.ready, owner_db, ["relevance"],
                                runId=encode_id("Run", uuid.uuid4()))
    foreign_judge = await refused(gql, worlds.ready, owner_db, ["relevance"],
                                  judgeId=worlds.queued.ids["judge"])

    for result in (foreign_run, unknown_run, foreign_judge):
        assert {k: result[k] for k in ("__typename", "code")} == not_found
    assert message_of(foreign_run) == message_of(unknown_run) == (
        "Run not found: check the id, and that you have access to it")
    assert message_of(foreign_judge) == (
        "Judge not found: check the id, and that you have access to it")


async def test_the_same_idempotency_key_gives_the_same_evaluation_back(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection, redis_dsn: str
) -> None:
    world = worlds.ready
    first = await evaluate(gql, world, ["relevance"], idempotencyKey="ci-build-42")
    after_first = await counts(owner_db, world.org.id)

    again = await evaluate(gql, world, ["relevance"], idempotencyKey="ci-build-42")
    other = await evaluate(gql, world, ["relevance", "comparison"],
                           idempotencyKey="ci-build-42")

    assert (first["created"], again["created"]) == (True, False)
    assert again["evaluation"]["id"] == first["evaluation"]["id"]
    assert (other["__typename"], other["code"]) == ("ConflictError", "IDEMPOTENCY_KEY_REUSED")
    assert await counts(owner_db, world.org.id) == after_first


async def test_an_evaluation_without_llm_evaluators_needs_no_judge(
    gql: GraphQLClient, worlds: Worlds, redis_dsn: str, settings: Settings, testkit: None,
) -> None:
    world = worlds.no_judge

    created = await evaluate(gql, world, ["answer_length"],
                             thresholds=[{"evaluator": "answer_length", "value": 0.75}])
    await drain_evaluations(redis_dsn, settings)

    evaluation, cases = await stored(world, pk(created["evaluation"]["id"]))
    answer = "echo: How long do refunds take?"
    assert (evaluation.status, evaluation.judge, evaluation.judge_calls) == ("COMPLETED", {}, 0)
    assert evaluation.evaluators == [{
        "slug": "answer_length", "version": "0.3.0", "title": "Answer length",
        "threshold": 0.75, "weight": 1.0, "uses_judge": False, "prompt_hash": None}]
    [score] = cases["refund"].scores
    assert (score["status"], score["score"], score["passed"], score["explanation"]) == (
        "SCORED", len(answer) / 40, True, f"{len(answer)} characters")
    assert (evaluation.passed, evaluation.pass_rate, evaluation.overall_score) == (
        1, 1.0, len(answer) / 40)


async def test_a_plugin_that_raises_is_an_error_for_the_case_not_for_the_worker(
    gql: GraphQLClient, worlds: Worlds, redis_dsn: str, settings: Settings, testkit: None,
) -> None:
    world = worlds.no_judge

    created = await evaluate(gql, world, ["always_raises", "answer_length"])
    await drain_evaluations(redis_dsn, settings)

    evaluation, cases = await stored(world, pk(created["evaluation"]["id"]))
    failing, fine = cases["refund"].scores
    assert (failing["status"], failing["error_code"]) == ("ERROR", "PLUGIN_FAILED")
    assert "ZeroDivisionError" in failing["reason"]
    assert "the plugin divided by zero" in failing["reason"]
    assert fine["status"] == "SCORED"
    assert (evaluation.status, evaluation.passed, evaluation.errored) == ("COMPLETED", 0, 1)
    assert evaluation.summary["always_raises"] == {"mean": None, "passed": 0, "failed": 0,
                                                   "skipped": 0, "errored": 1}


async def test_an_evaluator_that_failed_to_load_is_unavailable_with_the_registry_reason(
    gql: GraphQLClient, worlds: Worlds, owner_db: asyncpg.Connection, testkit: None,
) -> None:
    result = await refused(gql, worlds.ready, owner_db, ["relevance", "broken_import"])

    [issue] = result["issues"]
    assert (issue["path"], issue["code"]) == (["input", "evaluators", "1"],
                                              "EVALUATOR_UNAVAILABLE")
    assert issue["message"] == (
        "the evaluator 'broken_import' is installed but unavailable (it failed to load: "
        "RuntimeError: this plugin cannot be imported): ask an operator to fix or reinstall "
        "its package, or leave it out")
