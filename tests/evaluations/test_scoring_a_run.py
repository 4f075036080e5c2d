"""Evaluations end to end: a run executed by a real worker, evaluated by real evaluation jobs
calling the scripted judge on loopback through the real OpenAI judge plugin."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import asyncpg
import pytest

from assay.evaluations.recording import stored_hash_matches
from assay.graphql.relay import encode_id
from assay.settings import Settings
from assay_evaluators.relevance import RelevanceEvaluator
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    JUDGE_KEY,
    add_judge,
    build,
    drain_evaluations,
    enable,
    evaluate,
    finished_run,
    pk,
    scripted,
    stored,
)
from tests.llm_server import Reply, ScriptedLLM
from tests.support import GraphQLClient

#: (evaluator, case) -> the judge's score.
SCORES = {
    ("relevance", "refund"): 0.9, ("comparison", "refund"): 0.75,
    ("relevance", "chat"): 0.6, ("comparison", "chat"): 1.0,
    ("relevance", "wrong"): 0.8, ("comparison", "wrong"): 0.8,
    ("relevance", "open"): 1.0,
}
THRESHOLDS = [{"evaluator": "relevance", "value": 0.65},
              {"evaluator": "comparison", "value": 0.6}]
WEIGHTS = [{"evaluator": "relevance", "value": 2.0}]
SKIP_REASON = "the case has no expected output, which comparison needs"

EVALUATION = """
query($id: ID!) { evaluation(id: $id) {
  id status overallScore passRate judgeCalls cacheHits inputTokens outputTokens
  counts { total done passed failed errored piiLeaks pending }
  evaluators { slug version title threshold weight usesJudge promptHash }
  judge { judgeId name provider model temperature samples }
  summary { slug mean passed failed skipped errored }
  run { id status }
  cases { totalCount edges { node {
    passed score assertsPassed piiLeak judgeCalls cacheHits
    runCase { title }
    scores { slug version status score passed threshold weight explanation reason errorCode }
  } } }
} }
"""


def entry(slug: str, status: str, *, score: float | None = None, passed: bool | None = None,
          threshold: float, weight: float = 1.0, explanation: str = "", reason: str = "",
          code: str = "") -> dict[str, Any]:
    return {"slug": slug, "version": "1.0.0", "status": status, "score": score,
            "passed": passed, "threshold": threshold, "weight": weight,
            "explanation": explanation, "reason": reason or None, "errorCode": code or None}


def relevance(case: str, passed: bool) -> dict[str, Any]:
    return entry("relevance", "SCORED", score=SCORES[("relevance", case)], passed=passed,
                 threshold=0.65, weight=2.0, explanation=f"relevance of {case}")


def comparison(case: str, passed: bool) -> dict[str, Any]:
    return entry("comparison", "SCORED", score=SCORES[("comparison", case)], passed=passed,
                 threshold=0.6, explanation=f"comparison of {case}")


async def test_a_run_is_scored_per_case_with_thresholds_and_weights(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world = await build(gql, agent)
    run = await finished_run(world, settings, redis_dsn)
    judge = await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance", "comparison")
    scripted_llm.respond_with(scripted(SCORES))

    created = await evaluate(gql, world, ["relevance", "comparison"],
                             thresholds=THRESHOLDS, weights=WEIGHTS)
    await drain_evaluations(redis_dsn, worker_settings)

    assert created["__typename"] == "EvaluateRunSuccess", created
    assert (created["created"], created["evaluation"]["status"],
            created["evaluation"]["counts"]) == (True, "QUEUED", {"total": 4, "done": 0})
    data = await gql.data(EVALUATION, {"id": created["evaluation"]["id"]}, world.owner)
    evaluation = data["evaluation"]
    cases = {edge["node"]["runCase"]["title"]: edge["node"]
             for edge in evaluation["cases"]["edges"]}
    assert cases["Refund window"] == {
        "passed": True, "score": pytest.approx((0.9 * 2 + 0.75) / 3), "assertsPassed": True,
        "piiLeak": False, "judgeCalls": 2, "cacheHits": 0, "runCase": {"title": "Refund window"},
        "scores": [relevance("refund", True), comparison("refund", True)]}
    assert cases["Refund chat"] == {
        "passed": False, "score": pytest.approx((0.6 * 2 + 1.0) / 3), "assertsPassed": True,
        "piiLeak": False, "judgeCalls": 2, "cacheHits": 0, "runCase": {"title": "Refund chat"},
        "scores": [relevance("chat", False), comparison("chat", True)]}
    assert cases["Exact greeting"] == {
        "passed": False, "score": pytest.approx(0.8), "assertsPassed": False,
        "piiLeak": False, "judgeCalls": 2, "cacheHits": 0,
        "runCase": {"title": "Exact greeting"},
        "scores": [relevance("wrong", True), comparison("wrong", True)]}
    assert cases["Open question"] == {
        "passed": True, "score": 1.0, "assertsPassed": True, "piiLeak": False,
        "judgeCalls": 1, "cacheHits": 0, "runCase": {"title": "Open question"},
        "scores": [relevance("open", True),
                   entry("comparison", "SKIPPED", threshold=0.6, reason=SKIP_REASON)]}
    overall = ((0.9 * 2 + 0.75) / 3 + (0.6 * 2 + 1.0) / 3 + 0.8 + 1.0) / 4
    assert {k: v for k, v in evaluation.items() if k != "cases"} == {
        "id": created["evaluation"]["id"], "status": "COMPLETED",
        "overallScore": pytest.approx(overall), "passRate": 0.5, "judgeCalls": 7,
        "cacheHits": 0, "inputTokens": 70, "outputTokens": 35,
        "counts": {"total": 4, "done": 4, "passed": 2, "failed": 2, "errored": 0,
                   "piiLeaks": 0, "pending": 0},
        "evaluators": [
            {"slug": "relevance", "version": "1.0.0", "title": "Relevance", "threshold": 0.65,
             "weight": 2.0, "usesJudge": True, "promptHash": RelevanceEvaluator.prompt_hash()},
            {"slug": "comparison", "version": "1.0.0", "title": "Comparison",
             "threshold": 0.6, "weight": 1.0, "usesJudge": True,
             "promptHash": evaluation["evaluators"][1]["promptHash"]}],
        "judge": {"judgeId": judge, "name": "Loopback", "provider": "openai",
                  "model": "judge-model", "temperature": 0.0, "samples": 1},
        "summary": [
            {"slug": "relevance", "mean": pytest.approx(0.825), "passed": 3, "failed": 1,
             "skipped": 0, "errored": 0},
            {"slug": "comparison", "mean": pytest.approx(0.85), "passed": 3, "failed": 0,
             "skipped": 1, "errored": 0}],
        "run": {"id": encode_id("Run", run.id), "status": "COMPLETED"},
    }
    assert evaluation["cases"]["totalCount"] == 4
    assert len(scripted_llm.requests) == 7
    assert {r.headers["authorization"] for r in scripted_llm.requests} == {
        f"Bearer {JUDGE_KEY}"}


async def test_a_second_evaluation_of_the_same_run_asks_the_judge_nothing(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world = await build(gql, agent)
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance", "comparison")
    scripted_llm.respond_with(scripted(SCORES))
    first = await evaluate(gql, world, ["relevance", "comparison"])
    await drain_evaluations(redis_dsn, worker_settings)
    asked = len(scripted_llm.requests)

    second = await evaluate(gql, world, ["relevance", "comparison"])
    await drain_evaluations(redis_dsn, worker_settings)

    one, one_cases = await stored(world, pk(first["evaluation"]["id"]))
    two, two_cases = await stored(world, pk(second["evaluation"]["id"]))
    assert asked == 7
    assert len(scripted_llm.requests) == asked
    assert (one.judge_calls, one.cache_hits, one.input_tokens) == (7, 0, 70)
    assert (two.status, two.judge_calls, two.cache_hits, two.input_tokens,
            two.output_tokens) == ("COMPLETED", 0, 7, 0, 0)
    assert (two.overall_score, two.pass_rate, two.summary) == (
        one.overall_score, one.pass_rate, one.summary)
    for name, row in two_cases.items():
        assert [(s["score"], s["explanation"]) for s in row.scores] == [
            (s["score"], s["explanation"]) for s in one_cases[name].scores]
        assert [s["details"]["cached"] for s in row.scores if s["status"] == "SCORED"] == [
            True] * len([s for s in row.scores if s["status"] == "SCORED"])


async def test_a_judge_that_refuses_the_key_errors_every_case_and_the_evaluation_completes(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world = await build(gql, agent)
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance")
    scripted_llm.respond_with(lambda seen: Reply(status=401, text="Incorrect API key provided."))

    created = await evaluate(gql, world, ["relevance"])
    await drain_evaluations(redis_dsn, worker_settings)

    evaluation, cases = await stored(world, pk(created["evaluation"]["id"]))
    assert (evaluation.status, evaluation.done, evaluation.passed, evaluation.failed,
            evaluation.errored, evaluation.overall_score, evaluation.pass_rate) == (
        "COMPLETED", 4, 0, 1, 3, None, 0.0)
    assert evaluation.judge_calls == 4
    for name, row in cases.items():
        [score] = row.scores
        assert (score["status"], score["error_code"], score["score"]) == (
            "ERROR", "AUTHENTICATION", None), name
        assert JUDGE_KEY not in score["reason"]
        assert (row.passed, row.score) == (False, None)
    assert cases["wrong"].asserts_passed is False
    assert evaluation.summary == {"relevance": {"mean": None, "passed": 0, "failed": 0,
                                                "skipped": 0, "errored": 4}}


async def test_a_case_that_did_not_run_skips_every_evaluator_and_fails(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world = await build(gql, agent, cases=("refund", "wrong"))
    from assay.db.transactions import tenant_transaction
    from assay.runs import service as runs
    from tests.evaluations.world import start_run

    started = await start_run(world)
    async with tenant_transaction(world.org.id):  # cancelled before any case ran
        await runs.cancel_run(run_id=started.run.id)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance")

    created = await evaluate(gql, world, ["relevance"])
    await drain_evaluations(redis_dsn, worker_settings)

    evaluation, cases = await stored(world, pk(created["evaluation"]["id"]))
    reason = "the case did not run: CANCELLED the run was cancelled before this case ran"
    assert scripted_llm.requests == []
    assert (evaluation.status, evaluation.passed, evaluation.failed, evaluation.errored,
            evaluation.overall_score, evaluation.pass_rate) == ("COMPLETED", 0, 2, 0, None,
                                                                0.0)
    for row in cases.values():
        assert [(s["status"], s["reason"]) for s in row.scores] == [("SKIPPED", reason)]
        assert (row.passed, row.asserts_passed, row.score) == (False, False, None)


async def test_each_case_result_carries_a_content_hash_of_what_it_recorded(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent, cases=("refund",))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance")

    created = await evaluate(gql, world, ["relevance"])
    await drain_evaluations(redis_dsn, worker_settings)

    _, cases = await stored(world, pk(created["evaluation"]["id"]))
    row = cases["refund"]
    raw = await owner_db.fetchrow("SELECT * FROM evaluation_case_results WHERE id = $1", row.id)
    recomputed = {"evaluation_id": str(raw["evaluation_id"]),
                  "run_case_id": str(raw["run_case_id"]),
                  "passed": raw["passed"], "score": raw["score"],
                  "asserts_passed": raw["asserts_passed"], "pii_leak": raw["pii_leak"],
                  "pii_findings": json.loads(raw["pii_findings"]),
                  "scores": json.loads(raw["scores"]), "judge_calls": raw["judge_calls"],
                  "cache_hits": raw["cache_hits"], "input_tokens": raw["input_tokens"],
                  "output_tokens": raw["output_tokens"]}
    text = json.dumps(recomputed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert raw["content_hash"] == hashlib.sha256(text.encode()).hexdigest()
    assert stored_hash_matches(row)
    assert (row.score, row.passed) == (1.0, True)
