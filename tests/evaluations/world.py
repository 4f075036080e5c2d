"""A finished run to evaluate, built and run for real; a judge on loopback; a burst worker.

The run: four SIMPLE/CONVERSATIONAL cases against the loopback echo agent (see
tests/connectors/agents.py), executed by a real arq worker, so every evaluation test
scores what the run engine recorded. The judge: the organization's judge configured
through the API with the scripted LLM server's OpenAI-compatible URL, and the evaluators a
test uses enabled through the gate with an owner's written override (no calibration report
is stored: the scripted server's numbers are never a calibration).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from assay.db.transactions import tenant_transaction
from assay.evaluations.models import Evaluation, EvaluationCaseResult
from assay.graphql.relay import decode_id
from assay.runs import service as runs
from assay.runs.connectors import default_pool
from assay.runs.models import Run, RunCase
from assay.runs.routing import DEFAULT_QUEUE
from assay.settings import Settings
from assay.worker import WorkerGroup, WorkerOptions
from assay_evaluators.comparison import ComparisonEvaluator
from assay_evaluators.relevance import RelevanceEvaluator
from assay_sdk.llm import data_block
from tests.connectors.agents import Agent
from tests.llm_server import Reply, ScriptedLLM, SeenRequest
from tests.runs.world import add_connection, drain, http_agent
from tests.support import Caller, GraphQLClient, Org, make_org, owner

#: The judge's API key: it must reach the provider and nothing else.
JUDGE_KEY = "sk-judge-secret-0123456789abcdef"

REFUND = {"title": "Refund window", "mode": "SIMPLE", "input": "How long do refunds take?",
          "expectedOutput": "Thirty days.", "category": "billing", "tags": ["refunds"],
          "asserts": [{"type": "contains", "value": "refunds take"}]}
CHAT = {"title": "Refund chat", "mode": "CONVERSATIONAL", "turns": ["Hi", "I want a refund"],
        "expectedOutput": "Asks for the order number.",
        "asserts": [{"type": "contains", "value": "refund"}]}
WRONG = {"title": "Exact greeting", "mode": "SIMPLE", "input": "Say hello",
         "expectedOutput": "Hello!", "asserts": [{"type": "equals", "value": "Hello!"}]}
OPEN = {"title": "Open question", "mode": "SIMPLE", "input": "Tell me about you"}
CASES: dict[str, dict[str, Any]] = {"refund": REFUND, "chat": CHAT, "wrong": WRONG,
                                   "open": OPEN}
#: What the echo agent answers each case (its last reply).
ANSWERS = {"refund": "echo: How long do refunds take?", "chat": "echo: I want a refund",
           "wrong": "echo: Say hello", "open": "echo: Tell me about you"}

_CASE = """mutation($input: CreateTestCaseInput!) { createTestCase(input: $input) {
  __typename ... on CreateTestCaseSuccess { testCase { id } } } }"""
_SUITE = """mutation($input: CreateSuiteInput!) { createSuite(input: $input) {
  __typename ... on CreateSuiteSuccess { suite { id } } } }"""
_ADD = """mutation($input: AddTestCasesToSuiteInput!) { addTestCasesToSuite(input: $input) {
  __typename } }"""
_PLAN = """mutation($input: CreatePlanInput!) { createPlan(input: $input) {
  __typename ... on CreatePlanSuccess { plan { id } } } }"""
_STATUS = """mutation($input: SetPlanStatusInput!) { setPlanStatus(input: $input) {
  __typename } }"""
_JUDGE = """mutation($input: ConfigureJudgeInput!) { configureJudge(input: $input) {
  __typename ... on ConfigureJudgeSuccess { judge { id } } } }"""
_ENABLE = """mutation($input: EnableEvaluatorInput!) { enableEvaluator(input: $input) {
  __typename } }"""
OVERRIDE = "Scripted loopback judge in tests: no calibration is claimed."

EVALUATE = """
mutation($input: EvaluateRunInput!) { evaluateRun(input: $input) {
  __typename
  ... on EvaluateRunSuccess { created evaluation { id status counts { total done } } }
  ... on MutationError { code message }
  ... on ValidationError { issues { path message code } }
} }
"""


async def ok(gql: GraphQLClient, query: str, variables: dict[str, Any],
             caller: Caller) -> dict[str, Any]:
    data = await gql.data(query, variables, caller)
    result: dict[str, Any] = next(iter(data.values()))
    assert result["__typename"].endswith("Success"), result
    return result


def pk(global_id: str) -> uuid.UUID:
    decoded = decode_id(global_id)
    assert decoded is not None
    return decoded[1]


@dataclass
class EvalWorld:
    org: Org
    owner: Caller
    #: Global ids: the case names of CASES, "plan", "connection", "judge".
    ids: dict[str, str] = field(default_factory=dict)
    run_id: uuid.UUID | None = None
    #: Run case ids by case name.
    run_cases: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def run_gid(self) -> str:
        from assay.graphql.relay import encode_id

        assert self.run_id is not None
        return encode_id("Run", self.run_id)


async def build(gql: GraphQLClient, agent: Agent, *, cases: tuple[str, ...] = tuple(CASES)
                ) -> EvalWorld:
    """An organization with a READY plan of ``cases`` and a connection to ``agent``."""
    org = await make_org("Evaluations")
    world = EvalWorld(org, await owner(org))
    for name in cases:
        created = await ok(gql, _CASE, {"input": {"projectId": org.project_gid,
                                                  **CASES[name]}}, world.owner)
        world.ids[name] = created["testCase"]["id"]
    suite = await ok(gql, _SUITE, {"input": {"projectId": org.project_gid, "name": "All"}},
                     world.owner)
    await ok(gql, _ADD, {"input": {"suiteId": suite["suite"]["id"],
                                   "testCaseIds": [world.ids[n] for n in cases]}}, world.owner)
    plan = await ok(gql, _PLAN, {"input": {"projectId": org.project_gid, "name": "Release",
                                           "suiteIds": [suite["suite"]["id"]]}}, world.owner)
    world.ids["plan"] = plan["plan"]["id"]
    await ok(gql, _STATUS, {"input": {"planId": world.ids["plan"], "status": "READY"}},
             world.owner)
    world.ids["connection"] = await add_connection(
        gql, _as_run_world(world), "Echo bot", http_agent(agent))
    return world


def _as_run_world(world: EvalWorld) -> Any:
    from tests.runs.world import RunWorld

    return RunWorld(world.org, world.owner, world.ids)


async def start_run(world: EvalWorld) -> runs.StartedRun:
    """Start the run (not executed yet)."""
    async with tenant_transaction(world.org.id):
        started = await runs.start_run(plan_id=pk(world.ids["plan"]),
                                       connection_id=pk(world.ids["connection"]))
        cases = await RunCase.filter(run_id=started.run.id)
    titles = {case["title"]: name for name, case in CASES.items()}
    world.run_id = started.run.id
    world.run_cases = {titles[case.title]: case.id for case in cases}
    return started


async def finished_run(world: EvalWorld, settings: Settings, redis_dsn: str) -> Run:
    """Start the run, execute it with a real burst worker, and return it finished."""
    from assay.runs import queue

    started = await start_run(world)
    await queue.enqueue_cases(settings, world.org.id, started.run_case_ids)
    await drain(redis_dsn)
    async with tenant_transaction(world.org.id):
        return await Run.get(id=started.run.id)


async def add_judge(gql: GraphQLClient, world: EvalWorld, llm: ScriptedLLM,
                    *, name: str = "Loopback", model: str = "judge-model",
                    key: str = JUDGE_KEY) -> str:
    judge = await ok(gql, _JUDGE, {"input": {
        "name": name, "provider": "openai", "model": model, "baseUrl": llm.openai_base_url,
        "apiKey": key}}, world.owner)
    gid: str = judge["judge"]["id"]
    world.ids.setdefault("judge", gid)
    return gid


async def enable(gql: GraphQLClient, world: EvalWorld, *slugs: str,
                 model: str = "judge-model") -> None:
    for slug in slugs:
        await ok(gql, _ENABLE, {"input": {"evaluator": slug, "judge": "openai", "model": model,
                                          "overrideReason": OVERRIDE}}, world.owner)


async def evaluate(gql: GraphQLClient, world: EvalWorld, evaluators: list[str],
                   **extra: Any) -> dict[str, Any]:
    """evaluateRun on the world's run: the result member as the API answered it."""
    data = await gql.data(EVALUATE, {"input": {"runId": world.run_gid,
                                               "evaluators": evaluators, **extra}}, world.owner)
    result: dict[str, Any] = data["evaluateRun"]
    return result


async def drain_evaluations(redis_dsn: str, settings: Settings) -> None:
    """The process's real workers (assay.worker) in burst mode on the default queue: they
    run every queued job, evaluation jobs included, then return."""
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


def evaluator_of(seen: SeenRequest) -> str:
    """Which evaluator asked: its rubric is in the prompt."""
    for plugin in (RelevanceEvaluator, ComparisonEvaluator):
        if plugin.rubric in seen.prompt:
            return plugin.name
    raise AssertionError(f"no known rubric in the prompt: {seen.prompt[:200]}")


def case_of(seen: SeenRequest) -> str:
    """Which case is judged: its answer is in the prompt."""
    found = [name for name, answer in ANSWERS.items()
             if data_block("answer", answer) in seen.prompt]
    assert len(found) == 1, seen.prompt
    return found[0]


def scripted(scores: dict[tuple[str, str], float]) -> Callable[[SeenRequest], Reply]:
    """A judge answering ``scores[(evaluator, case)]``, with 10 input and 5 output tokens."""

    def answer(seen: SeenRequest) -> Reply:
        evaluator, case = evaluator_of(seen), case_of(seen)
        text = json.dumps({"score": scores[(evaluator, case)],
                           "explanation": f"{evaluator} of {case}"})
        return Reply(text=text, input_tokens=10, output_tokens=5)

    return answer


async def stored(world: EvalWorld, evaluation_id: uuid.UUID
                 ) -> tuple[Evaluation, dict[str, EvaluationCaseResult]]:
    """The evaluation and its case results by case name, as stored."""
    names = {case_id: name for name, case_id in world.run_cases.items()}
    async with tenant_transaction(world.org.id):
        evaluation = await Evaluation.get(id=evaluation_id)
        rows = await EvaluationCaseResult.filter(evaluation_id=evaluation_id)
    return evaluation, {names[row.run_case_id]: row for row in rows}


async def counts(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> tuple[int, int, int]:
    """Evaluations, case results and audit events of the organization (as the owner)."""
    row = await owner_db.fetchrow(
        "SELECT (SELECT count(*) FROM evaluations WHERE organization_id = $1) AS e, "
        "(SELECT count(*) FROM evaluation_case_results WHERE organization_id = $1) AS r, "
        "(SELECT count(*) FROM audit_events WHERE organization_id = $1) AS a", org_id)
    return int(row["e"]), int(row["r"]), int(row["a"])
