"""Worker tests' world: a READY plan of many SIMPLE cases, a connection of a chosen kind and
concurrency, runs started through the public startRun mutation, and a loopback agent that
counts the requests it is answering at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from assay.db.transactions import tenant_transaction
from assay.graphql.relay import decode_id
from assay.runs import service
from assay.runs.models import Run, RunCase, RunCaseResult
from assay.runs.reaper import live_runs
from tests.connectors.agents import completion
from tests.graphql.testing.helpers import CREATE_PLAN, SET_STATUS, create_suite, ok
from tests.support import Caller, GraphQLClient, Org, make_org, owner

CONNECTION = """mutation($input: CreateAgentConnectionInput!) { createAgentConnection(
  input: $input) { __typename ... on CreateAgentConnectionSuccess { agentConnection { id } }
  ... on ValidationError { issues { path message } } } }"""
START = """mutation($input: StartRunInput!) { startRun(input: $input) {
  __typename ... on StartRunSuccess { run { id } } } }"""
IMPORT = """mutation($input: ImportTestCasesInput!) { importTestCases(input: $input) {
  __typename ... on ImportTestCasesSuccess { testCases { id } } } }"""


def question(number: int) -> str:
    return f"Question {number:03}"


def pk(gid: str) -> uuid.UUID:
    decoded = decode_id(gid)
    assert decoded is not None
    value: uuid.UUID = decoded[1]
    return value


@dataclass
class Fleet:
    org: Org
    owner: Caller
    plan: str
    connection: str


def http_connection(url: str, timeout: int = 10) -> dict[str, Any]:
    return {"http": {"url": url, "method": "POST", "responsePath": "choices.0.message.content",
                     "bodyTemplate": '{"messages": {{conversation}}}',
                     "timeoutSeconds": timeout}}


def browser_connection(base: str) -> dict[str, Any]:
    return {"browser": {"chatUrl": f"{base}/chat", "quietPeriodMs": 300,
                        "selectors": {"input": "#message", "sendButton": "#send",
                                      "response": ".answer", "typingIndicator": "#typing"}}}


async def plan_of(gql: GraphQLClient, cases: int, connection: dict[str, Any], *,
                  concurrency: int | None = None) -> Fleet:
    """A READY plan of ``cases`` SIMPLE cases ("Question 000", ...; each passes when the reply
    quotes its question) and a connection (``http_connection`` or ``browser_connection``)."""
    org = await make_org("Fleet")
    caller = await owner(org)
    document = json.dumps([
        {"title": question(n), "mode": "SIMPLE", "input": question(n), "expectedOutput": "-",
         "asserts": [{"type": "contains", "value": question(n)}]} for n in range(cases)])
    imported = await ok(gql, IMPORT, {"input": {
        "projectId": org.project_gid, "format": "JSON", "content": document,
        "idempotencyKey": uuid.uuid4().hex}}, caller, "importTestCases")
    suite = await create_suite(gql, caller, org.project_gid, "All",
                               [case["id"] for case in imported["testCases"]])
    plan = (await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid,
                                                  "name": "Many", "suiteIds": [suite]}},
                     caller, "createPlan"))["plan"]["id"]
    await ok(gql, SET_STATUS, {"planId": plan, "status": "READY"}, caller, "setPlanStatus")
    created = await ok(gql, CONNECTION, {"input": {
        "projectId": org.project_gid, "name": "Agent", "concurrency": concurrency,
        **connection}}, caller, "createAgentConnection")
    return Fleet(org, caller, plan, created["agentConnection"]["id"])


async def start_run(gql: GraphQLClient, fleet: Fleet) -> uuid.UUID:
    """Start a run through the API (startRun: snapshot, then the jobs are queued)."""
    started = await ok(gql, START, {"input": {"planId": fleet.plan,
                                              "connectionId": fleet.connection}},
                       fleet.owner, "startRun")
    return pk(started["run"]["id"])


async def run_case_ids(org: Org, run_id: uuid.UUID) -> list[uuid.UUID]:
    async with tenant_transaction(org.id):
        cases = await RunCase.filter(run_id=run_id).order_by("position").only("id")
    return [case.id for case in cases]


async def finished(org: Org, run_id: uuid.UUID, seconds: float = 60) -> Run:
    """The run once it is final (waits at most ``seconds``: a hang fails, nothing is timed)."""
    async with asyncio.timeout(seconds):
        while True:
            async with tenant_transaction(org.id):
                run = await Run.get(id=run_id)
            if run.status in ("COMPLETED", "FAILED", "CANCELLED"):
                return run
            await asyncio.sleep(0.1)


async def results_of(org: Org, run_id: uuid.UUID) -> list[RunCaseResult]:
    async with tenant_transaction(org.id):
        return list(await RunCaseResult.filter(run_id=run_id).order_by("started_at"))


async def until(condition: Callable[[], bool], seconds: float = 30) -> None:
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.02)


async def cancel_live_runs() -> int:
    """Cancel every run earlier tests left QUEUED or RUNNING, so a reaper started by this
    test only ever finds this test's runs."""
    cancelled = 0
    for org_id, run_ids in (await live_runs()).items():
        for run_id in run_ids:
            async with tenant_transaction(org_id):
                await service.cancel_run(run_id=run_id)
            cancelled += 1
    return cancelled


@dataclass
class PacedAgent:
    """Answers every chat request after ``delay`` seconds (echoing the last message) and
    records how many it was answering at once."""

    delay: float = 0.15
    in_flight: int = 0
    peak: int = 0
    messages: list[str] = field(default_factory=list)
    port: int = 0

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/chat"

    async def chat(self, request: Request) -> Response:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            message = (await request.json())["messages"][-1]["content"]
            self.messages.append(message)
            await asyncio.sleep(self.delay)
            return JSONResponse(completion(f"echo: {message}"))
        finally:
            self.in_flight -= 1


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the test runner keeps its own handlers
        yield


@contextlib.asynccontextmanager
async def paced_agent(delay: float = 0.15) -> AsyncIterator[PacedAgent]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    agent = PacedAgent(delay=delay, port=sock.getsockname()[1])
    app = Starlette(routes=[Route("/chat", agent.chat, methods=["POST"])])
    server = _Server(uvicorn.Config(app, log_level="warning", lifespan="off", ws="none",
                                    timeout_graceful_shutdown=2, limit_concurrency=1000))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield agent
    finally:
        server.should_exit = True
        await task
        sock.close()
