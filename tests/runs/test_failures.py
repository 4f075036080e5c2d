"""An agent that fails, one that never answers, and a run cancelled between two turns."""

from __future__ import annotations

from typing import Any

from assay.connectors.http import HttpConnector
from assay.connectors.network import NetworkPolicy
from assay.runs.execute import CaseScript, converse
from assay.settings import Settings
from assay_sdk import ConnectorContext
from tests.connectors.agents import Agent
from tests.runs.world import build, drain, get_run, results, start
from tests.support import GraphQLClient


async def test_an_agent_error_is_recorded_with_its_code(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent, path="/status/404")
    started = await start(world, settings)

    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert (run.status, run.errored, run.passed) == ("FAILED", 3, 0)
    assert {title: (r.status, r.error_code, r.error_message, r.turns, r.asserts)
            for title, r in rows.items()} == {
        title: ("ERROR", "HTTP_STATUS", "the agent answered 404 Not Found: check the URL",
                [], [])
        for title in ("Refund window", "Refund chat", "Exact greeting")}


async def test_an_agent_that_does_not_answer_times_out(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent, path="/slow", timeout=1)
    started = await start(world, settings)

    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    assert (run.status, run.timed_out) == ("FAILED", 3)
    assert {(r.status, r.error_code) for r in rows.values()} == {("TIMEOUT", "TIMEOUT")}


async def test_a_cancelled_run_sends_no_further_turn(agent: Agent) -> None:
    connector = HttpConnector()
    await connector.start(ConnectorContext(guard=NetworkPolicy(allow_private=True)))
    config: dict[str, Any] = {
        "url": agent.url("/chat"), "method": "POST", "auth": {"type": "NONE"}, "headers": [],
        "secret_headers": [], "body_template": '{"messages": {{conversation}}}',
        "response_path": "choices.0.message.content", "session_id_path": None,
        "timeout_seconds": 5}
    script = CaseScript.of("CONVERSATIONAL", "", ["Hi", "I want a refund"],
                           [{"type": "contains", "value": "refund"}])
    checked: list[int] = []

    async def keep_going() -> bool:
        checked.append(len(agent.received))
        return False

    try:
        outcome = await converse(connector.conversation(config, {}), script,
                                 deadline_seconds=30, keep_going=keep_going)
    finally:
        await connector.stop()

    assert (outcome.status, outcome.error_code, outcome.error_message) == (
        "CANCELLED", "CANCELLED",
        "the run was cancelled after turn 1: no further message was sent")
    assert [(t["message"], t["reply"]) for t in outcome.turns] == [("Hi", "echo: Hi")]
    assert outcome.asserts == []
    assert (checked, len(agent.received)) == ([1], 1)
