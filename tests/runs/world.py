"""A READY plan against a loopback agent, built through the public GraphQL API; a burst worker;
starting a run and reading back what it recorded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import Worker

from assay.db.transactions import tenant_transaction
from assay.graphql.relay import decode_id
from assay.runs import jobs, queue, service
from assay.runs.connectors import default_pool
from assay.runs.models import Run, RunCase, RunCaseResult
from assay.settings import Settings
from assay.worker import QUEUE, deserialize, serialize
from tests.connectors.agents import Agent
from tests.support import Caller, GraphQLClient, Org, make_org, owner

SIMPLE = {"title": "Refund window", "mode": "SIMPLE", "input": "How long do refunds take?",
          "expectedOutput": "Thirty days.",
          "asserts": [{"type": "contains", "value": "refunds take"},
                      {"type": "max_length", "max": 200},
                      {"type": "response_time_ms", "max": 10000}]}
CHAT = {"title": "Refund chat", "mode": "CONVERSATIONAL", "turns": ["Hi", "I want a refund"],
        "expectedOutput": "Asks for the order number.",
        "asserts": [{"type": "contains", "value": "refund"},
                    {"type": "min_length", "min": 8}]}
WRONG = {"title": "Exact greeting", "mode": "SIMPLE", "input": "Say hello",
         "expectedOutput": "Hello!", "asserts": [{"type": "equals", "value": "Hello!"}]}

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
_CONNECTION = """mutation($input: CreateAgentConnectionInput!) { createAgentConnection(
  input: $input) { __typename ... on CreateAgentConnectionSuccess { agentConnection { id } }
  ... on ValidationError { issues { path message } } } }"""


@dataclass
class RunWorld:
    org: Org
    owner: Caller
    #: Global ids: "simple", "chat", "wrong", "plan", "connection".
    ids: dict[str, str]

    def pk(self, name: str) -> Any:
        decoded = decode_id(self.ids[name])
        assert decoded is not None
        return decoded[1]


async def _ok(gql: GraphQLClient, query: str, variables: dict[str, Any],
              caller: Caller) -> dict[str, Any]:
    data = await gql.data(query, variables, caller)
    result: dict[str, Any] = next(iter(data.values()))
    assert result["__typename"].endswith("Success"), result
    return result


#: The connection's bearer token: it must reach the agent and never a run's records.
TOKEN = "sk-run-secret-0123456789"


def http_agent(agent: Agent, path: str = "/chat", timeout: int = 5) -> dict[str, Any]:
    return {"url": agent.url(path), "method": "POST", "responsePath": "choices.0.message.content",
            "bodyTemplate": '{"messages": {{conversation}}}', "auth": {"type": "BEARER"},
            "timeoutSeconds": timeout}


async def add_connection(gql: GraphQLClient, world: RunWorld, name: str,
                         http: dict[str, Any]) -> str:
    created = await _ok(gql, _CONNECTION, {"input": {
        "projectId": world.org.project_gid, "name": name, "http": http,
        "credentials": [{"name": "auth", "value": TOKEN}]}}, world.owner)
    gid: str = created["agentConnection"]["id"]
    return gid


async def build(gql: GraphQLClient, agent: Agent, *, ready: bool = True,
                path: str = "/chat", timeout: int = 5) -> RunWorld:
    """Suites A = [simple, chat] and B = [simple, wrong] in one plan: three cases run."""
    org = await make_org("Runs")
    world = RunWorld(org, await owner(org), {})
    for name, case in (("simple", SIMPLE), ("chat", CHAT), ("wrong", WRONG)):
        created = await _ok(gql, _CASE, {"input": {"projectId": org.project_gid, **case}},
                            world.owner)
        world.ids[name] = created["testCase"]["id"]
    suites = []
    for name, members in (("A", ["simple", "chat"]), ("B", ["simple", "wrong"])):
        suite = await _ok(gql, _SUITE, {"input": {"projectId": org.project_gid, "name": name}},
                          world.owner)
        suites.append(suite["suite"]["id"])
        await _ok(gql, _ADD, {"input": {"suiteId": suites[-1],
                                        "testCaseIds": [world.ids[m] for m in members]}},
                  world.owner)
    plan = await _ok(gql, _PLAN, {"input": {"projectId": org.project_gid, "name": "Release",
                                            "suiteIds": suites}}, world.owner)
    world.ids["plan"] = plan["plan"]["id"]
    if ready:
        await _ok(gql, _STATUS, {"input": {"planId": world.ids["plan"], "status": "READY"}},
                  world.owner)
    world.ids["connection"] = await add_connection(gql, world, "Echo bot",
                                                   http_agent(agent, path, timeout))
    return world


async def drain(redis_dsn: str, *, connectors: bool = True) -> None:
    """A real arq worker in burst mode: runs every queued job, then returns.

    ``connectors=False`` starts it misconfigured (no connectors): every job then fails.
    """
    pool = default_pool(allow_private_targets=True, browser_executable=None)
    redis = await create_pool(RedisSettings.from_dsn(redis_dsn), default_queue_name=QUEUE,
                              job_serializer=serialize, job_deserializer=deserialize)
    worker = Worker(
        functions=list(jobs.FUNCTIONS), queue_name=QUEUE, redis_pool=redis, burst=True,
        poll_delay=0.05,
        job_serializer=serialize, job_deserializer=deserialize, handle_signals=False,
        ctx={jobs.CONNECTORS: pool} if connectors else {}, max_jobs=5,
    )
    try:
        await worker.main()
    finally:
        await pool.close()
        await redis.aclose()


CHAT_BODIES = [
    '{"messages": [{"role": "user", "content": "Hi"}]}',
    '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": '
    '"echo: Hi"}, {"role": "user", "content": "I want a refund"}]}',
]
SIMPLE_BODY = '{"messages": [{"role": "user", "content": "How long do refunds take?"}]}'
WRONG_BODY = '{"messages": [{"role": "user", "content": "Say hello"}]}'


async def start(world: RunWorld, settings: Settings, key: str | None = None
                ) -> service.StartedRun:
    async with tenant_transaction(world.org.id):
        started = await service.start_run(plan_id=world.pk("plan"),
                                          connection_id=world.pk("connection"),
                                          idempotency_key=key)
    await queue.enqueue_cases(settings, world.org.id, started.run_case_ids)
    return started


async def results(world: RunWorld, run_id: Any) -> dict[str, RunCaseResult]:
    """Results by case title."""
    async with tenant_transaction(world.org.id):
        cases = {c.id: c.title for c in await RunCase.filter(run_id=run_id)}
        rows = await RunCaseResult.filter(run_id=run_id)
    return {cases[row.run_case_id]: row for row in rows}


async def get_run(world: RunWorld, run_id: Any) -> Run:
    async with tenant_transaction(world.org.id):
        return await Run.get(id=run_id)
