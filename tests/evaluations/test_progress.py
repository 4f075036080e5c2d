"""evaluationProgress over a real websocket, served by uvicorn on loopback.

The evaluation is scored by a real arq burst worker; notifications travel through the
session's Redis. The ``notified`` server polls the database only once a minute, so what it
streams within the test arrived by notification.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    EvalWorld,
    add_judge,
    build,
    drain_evaluations,
    enable,
    evaluate,
    finished_run,
    scripted,
)
from tests.graphql_ws import serving, signed_in
from tests.llm_server import ScriptedLLM
from tests.support import GraphQLClient, member

PROGRESS = """
subscription($id: ID!) { evaluationProgress(evaluationId: $id) {
  __typename
  ... on EvaluationProgressSnapshot { evaluationId status counts { ...counts } }
  ... on EvaluationCaseScored { evaluationId counts { ...counts }
    case { position title passed score piiLeak } }
  ... on EvaluationFinished { evaluationId status counts { ...counts } overallScore passRate }
} }
fragment counts on EvaluationProgressCounts {
  total done passed failed errored piiLeaks pending }
"""
SCORES = {("relevance", "refund"): 0.9, ("relevance", "chat"): 0.5,
          ("relevance", "wrong"): 0.8}
#: Case title -> (position, passed, score).
EXPECTED = {"Refund window": (0, True, 0.9), "Refund chat": (1, False, 0.5),
            "Exact greeting": (2, False, 0.8)}


@pytest.fixture(scope="module")
async def notified(database: dict[str, DatabaseUrl], settings: Settings
                   ) -> AsyncIterator[str]:
    configured = replace(settings, progress_poll_ms=60_000)
    async with serving(create_app(configured, database["app"])) as address:
        yield address


def counts(passed: int, failed: int, total: int = 3) -> dict[str, int]:
    done = passed + failed
    return {"total": total, "done": done, "passed": passed, "failed": failed, "errored": 0,
            "piiLeaks": 0, "pending": total - done}


def payloads(messages: list[dict[str, Any]]) -> list[Any]:
    out: list[Any] = []
    for message in messages:
        if message["type"] == "next":
            assert "errors" not in message["payload"], message
            out.append(message["payload"]["data"]["evaluationProgress"])
        else:
            out.append(message["type"])
    return out


async def _queued(gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
                  llm: ScriptedLLM) -> tuple[EvalWorld, str]:
    world = await build(gql, agent, cases=("refund", "chat", "wrong"))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, llm)
    await enable(gql, world, "relevance")
    llm.respond_with(scripted(SCORES))
    created = await evaluate(gql, world, ["relevance"])
    gid: str = created["evaluation"]["id"]
    return world, gid


async def test_an_evaluation_streams_each_case_once_then_finishes(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM, notified: str,
) -> None:
    world, gid = await _queued(gql, agent, redis_dsn, settings, scripted_llm)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("e", PROGRESS, {"id": gid})
        first = await ws.next_of("e")
        await drain_evaluations(redis_dsn, worker_settings)
        rest = await ws.until_done("e")

    streamed = payloads([first, *rest])
    assert streamed[0] == {"__typename": "EvaluationProgressSnapshot", "evaluationId": gid,
                           "status": "QUEUED", "counts": counts(0, 0)}
    passed = failed = 0
    for event in streamed[1:4]:
        position, ok, score = EXPECTED[event["case"]["title"]]
        passed, failed = passed + ok, failed + (not ok)
        assert event == {"__typename": "EvaluationCaseScored", "evaluationId": gid,
                         "counts": counts(passed, failed),
                         "case": {"position": position, "title": event["case"]["title"],
                                  "passed": ok, "score": score, "piiLeak": False}}
    assert sorted(e["case"]["title"] for e in streamed[1:4]) == sorted(EXPECTED)
    assert streamed[4:] == [
        {"__typename": "EvaluationFinished", "evaluationId": gid, "status": "COMPLETED",
         "counts": counts(1, 2), "overallScore": pytest.approx((0.9 + 0.5 + 0.8) / 3),
         "passRate": pytest.approx(1 / 3)},
        "complete"]


async def test_a_finished_evaluation_gives_its_state_and_its_end(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM, notified: str,
) -> None:
    world, gid = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    await drain_evaluations(redis_dsn, worker_settings)

    async with signed_in(notified, world.owner) as ws:
        await ws.subscribe("e", PROGRESS, {"id": gid})
        streamed = payloads(await ws.until_done("e"))

    assert streamed == [
        {"__typename": "EvaluationProgressSnapshot", "evaluationId": gid,
         "status": "COMPLETED", "counts": counts(1, 2)},
        {"__typename": "EvaluationFinished", "evaluationId": gid, "status": "COMPLETED",
         "counts": counts(1, 2), "overallScore": pytest.approx((0.9 + 0.5 + 0.8) / 3),
         "passRate": pytest.approx(1 / 3)},
        "complete"]


async def test_another_organizations_evaluation_is_not_found_and_a_viewer_may_follow(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    scripted_llm: ScriptedLLM, notified: str,
) -> None:
    world, gid = await _queued(gql, agent, redis_dsn, settings, scripted_llm)
    from assay.organizations.models import Role
    from tests.support import make_org, owner

    stranger = await owner(await make_org("Stranger"))
    viewer = await member(world.org, Role.VIEWER)

    async with signed_in(notified, stranger) as ws:
        await ws.subscribe("e", PROGRESS, {"id": gid})
        foreign = await ws.until_done("e")
    async with signed_in(notified, viewer) as ws:
        await ws.subscribe("e", PROGRESS, {"id": gid})
        allowed = await ws.next_of("e")

    assert [m["type"] for m in foreign] == ["error"]
    assert foreign[0]["payload"][0]["extensions"]["code"] == "NOT_FOUND"
    assert payloads([allowed])[0]["status"] == "QUEUED"
