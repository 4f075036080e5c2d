"""Reading evaluations through the API: lists, filters, pages, nodes, access, statement counts."""

from __future__ import annotations

import logging

import pytest

from assay.organizations.models import Role
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    EVALUATE,
    EvalWorld,
    add_judge,
    build,
    drain_evaluations,
    enable,
    evaluate,
    finished_run,
    scripted,
)
from tests.llm_server import ScriptedLLM
from tests.support import Caller, GraphQLClient, error_codes, member

SCORES = {("relevance", "refund"): 0.9, ("relevance", "chat"): 0.5,
          ("relevance", "wrong"): 0.8, ("relevance", "open"): 1.0}
CASES = """
query($id: ID!, $passed: Boolean, $first: Int, $after: String) { evaluation(id: $id) {
  cases(passed: $passed, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { passed score runCase { title position } } }
  }
} }
"""
LIST = """
query($runId: ID) { evaluations(runId: $runId) {
  totalCount edges { node { id status run { id } } } } }
"""
WIDE = """
{ evaluations(first: 50) { edges { node {
  id status counts { done } run { id status project { name } }
  cases { edges { node { passed scores { slug score } runCase { title result { status } } } } }
} } } }
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Evaluation { status } } }"


async def _evaluated(gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
                     worker_settings: Settings, llm: ScriptedLLM, times: int = 1
                     ) -> tuple[EvalWorld, list[str]]:
    world = await build(gql, agent)
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, llm)
    await enable(gql, world, "relevance")
    llm.respond_with(scripted(SCORES))
    ids = []
    for _ in range(times):
        created = await evaluate(gql, world, ["relevance"])
        ids.append(created["evaluation"]["id"])
    await drain_evaluations(redis_dsn, worker_settings)
    return world, ids


async def test_cases_are_in_run_order_filtered_and_paged(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, [gid] = await _evaluated(gql, agent, redis_dsn, settings, worker_settings,
                                    scripted_llm)

    everything = await gql.data(CASES, {"id": gid}, world.owner)
    failed = await gql.data(CASES, {"id": gid, "passed": False}, world.owner)
    passed = await gql.data(CASES, {"id": gid, "passed": True, "first": 1}, world.owner)
    cursor = passed["evaluation"]["cases"]["pageInfo"]["endCursor"]
    more = await gql.data(CASES, {"id": gid, "passed": True, "first": 1, "after": cursor},
                          world.owner)

    def view(data: dict) -> list[tuple[str, int, bool]]:  # type: ignore[type-arg]
        return [(e["node"]["runCase"]["title"], e["node"]["runCase"]["position"],
                 e["node"]["passed"]) for e in data["evaluation"]["cases"]["edges"]]

    assert view(everything) == [("Refund window", 0, True), ("Refund chat", 1, False),
                                ("Exact greeting", 2, False), ("Open question", 3, True)]
    assert everything["evaluation"]["cases"]["totalCount"] == 4
    assert view(failed) == [("Refund chat", 1, False), ("Exact greeting", 2, False)]
    assert failed["evaluation"]["cases"]["totalCount"] == 2
    assert view(passed) == [("Refund window", 0, True)]
    assert passed["evaluation"]["cases"]["pageInfo"]["hasNextPage"] is True
    assert view(more) == [("Open question", 3, True)]
    assert more["evaluation"]["cases"]["pageInfo"]["hasNextPage"] is False


async def test_evaluations_are_listed_per_run_and_read_as_nodes(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, ids = await _evaluated(gql, agent, redis_dsn, settings, worker_settings,
                                  scripted_llm, times=2)

    listed = await gql.data(LIST, {"runId": world.run_gid}, world.owner)
    everywhere = await gql.data(LIST, {}, world.owner)
    node = await gql.data(NODE, {"id": ids[0]}, world.owner)

    expected = [{"node": {"id": gid, "status": "COMPLETED", "run": {"id": world.run_gid}}}
                for gid in ids]
    assert listed["evaluations"] == {"totalCount": 2, "edges": expected}
    assert everywhere["evaluations"] == {"totalCount": 2, "edges": expected}
    assert node["node"] == {"__typename": "Evaluation", "id": ids[0], "status": "COMPLETED"}


async def test_a_member_narrowed_to_another_project_sees_no_evaluation(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, [gid] = await _evaluated(gql, agent, redis_dsn, settings, worker_settings,
                                    scripted_llm)
    narrowed = await member(world.org, Role.MEMBER, projects=[])
    viewer = await member(world.org, Role.VIEWER)

    hidden = await gql.post(NODE, {"id": gid}, narrowed)
    listed = await gql.data(LIST, {}, narrowed)
    seen = await gql.data(NODE, {"id": gid}, viewer)

    assert error_codes(hidden) == ["NOT_FOUND"]
    assert listed["evaluations"] == {"totalCount": 0, "edges": []}
    assert seen["node"]["status"] == "COMPLETED"


async def test_a_viewer_may_read_but_not_evaluate(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world, _ = await _evaluated(gql, agent, redis_dsn, settings, worker_settings,
                                scripted_llm)
    viewer = await member(world.org, Role.VIEWER)

    body = await gql.post(EVALUATE, {"input": {"runId": world.run_gid,
                                               "evaluators": ["relevance"]}}, viewer)
    listed = await gql.data(LIST, {}, world.owner)

    assert error_codes(body) == ["FORBIDDEN"]
    assert body["data"] is None
    assert listed["evaluations"]["totalCount"] == 1


async def _statements(gql: GraphQLClient, caller: Caller,
                      caplog: pytest.LogCaptureFixture) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        data = await gql.data(WIDE, caller=caller)
    assert all(len(e["node"]["cases"]["edges"]) == 4 for e in data["evaluations"]["edges"])
    return sum(1 for r in caplog.records
               if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage())


async def test_a_list_of_evaluations_with_their_cases_takes_a_constant_number_of_statements(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, scripted_llm: ScriptedLLM, caplog: pytest.LogCaptureFixture,
) -> None:
    one, _ = await _evaluated(gql, agent, redis_dsn, settings, worker_settings, scripted_llm)
    three, _ = await _evaluated(gql, agent, redis_dsn, settings, worker_settings,
                                scripted_llm, times=3)

    counted = (await _statements(gql, one.owner, caplog),
               await _statements(gql, three.owner, caplog))

    # The same count for one evaluation and three; exact, so an extra query also fails.
    assert counted == (11, 11)

