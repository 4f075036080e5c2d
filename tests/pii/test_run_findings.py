"""A run records the PII in its agent's replies, masked and covered by the result's hash, and
a pii_leak assert fails the case that leaks."""

from __future__ import annotations

from typing import Any

from assay.graphql.relay import encode_id
from assay.runs.hashing import stored_hash_matches
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.runs.world import (
    _ADD,
    _CASE,
    _PLAN,
    _STATUS,
    _SUITE,
    RunWorld,
    _ok,
    add_connection,
    drain,
    get_run,
    http_agent,
    results,
    start,
)
from tests.support import GraphQLClient, make_org, owner

LEAK = {"title": "Leaky", "mode": "SIMPLE",
        "input": "Confirm my address ana.perez@example.com please",
        "asserts": [{"type": "pii_leak"}, {"type": "contains", "value": "confirm"}]}
CHAT = {"title": "Chat", "mode": "CONVERSATIONAL",
        "turns": ["Hola", "Mi DNI es 12345678Z"],
        "asserts": [{"type": "pii_leak", "entities": ["EMAIL", "PHONE"]}]}
CLEAN = {"title": "Clean", "mode": "SIMPLE", "input": "How long do refunds take?",
         "asserts": [{"type": "pii_leak"}]}

RUN = """query($id: ID!) { run(id: $id) { cases(first: 10) { edges { node { title result {
  status asserts { type passed reason turn } piiFindings { type turn start end score masked }
} } } } } }"""


async def _world(gql: GraphQLClient, agent: Agent) -> RunWorld:
    org = await make_org("Pii runs")
    world = RunWorld(org, await owner(org), {})
    ids = []
    for case in (LEAK, CHAT, CLEAN):
        created = await _ok(gql, _CASE, {"input": {"projectId": org.project_gid, **case}},
                            world.owner)
        ids.append(created["testCase"]["id"])
    suite = await _ok(gql, _SUITE, {"input": {"projectId": org.project_gid, "name": "S"}},
                      world.owner)
    await _ok(gql, _ADD, {"input": {"suiteId": suite["suite"]["id"], "testCaseIds": ids}},
              world.owner)
    plan = await _ok(gql, _PLAN, {"input": {"projectId": org.project_gid, "name": "P",
                                            "suiteIds": [suite["suite"]["id"]]}}, world.owner)
    world.ids["plan"] = plan["plan"]["id"]
    await _ok(gql, _STATUS, {"input": {"planId": world.ids["plan"], "status": "READY"}},
              world.owner)
    world.ids["connection"] = await add_connection(gql, world, "Echo", http_agent(agent))
    return world


async def test_a_leaking_agent_has_its_findings_recorded_masked(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await _world(gql, agent)
    started = await start(world, settings)
    await drain(redis_dsn)

    run = await get_run(world, started.run.id)
    rows = await results(world, run.id)
    data = await gql.data(RUN, {"id": encode_id("Run", run.id)}, world.owner)
    api: dict[str, Any] = {e["node"]["title"]: e["node"]["result"]
                           for e in data["run"]["cases"]["edges"]}

    email = {"type": "EMAIL", "turn": 0, "start": 25, "end": 46, "score": 0.9,
             "masked": "•••.•••••@•••••••.•om"}
    dni = {"type": "ES_DNI", "turn": 1, "start": 16, "end": 25, "score": 0.95,
           "masked": "•••••••8Z"}
    assert rows["Leaky"].turns[0]["reply"][25:46] == "ana.perez@example.com"
    assert rows["Chat"].turns[1]["reply"][16:25] == "12345678Z"
    assert {title: (row.status, row.pii_findings) for title, row in rows.items()} == {
        "Leaky": ("FAILED", [email]), "Chat": ("PASSED", [dni]), "Clean": ("PASSED", [])}
    assert rows["Leaky"].asserts[0] == {
        "index": 0, "type": "pii_leak", "passed": False, "turn": 0,
        "reason": "expected the answer to show no personal data (of any type); it shows 1: "
                  "EMAIL •••.•••••@•••••••.•om"}
    assert (run.passed, run.failed) == (2, 1)
    assert api["Leaky"]["piiFindings"] == [email]
    assert api["Chat"]["piiFindings"] == [dni]
    assert api["Clean"]["piiFindings"] == []
    assert all(stored_hash_matches(row) for row in rows.values())
    rows["Leaky"].pii_findings = [{**email, "masked": "hidden"}]
    rows["Clean"].pii_findings = [{**email, "turn": 0}]
    assert not stored_hash_matches(rows["Leaky"])
    assert not stored_hash_matches(rows["Clean"])

