"""Listed test cases get their relations in batch; other paths still load them on demand."""

from __future__ import annotations

from tests.graphql.testing.helpers import create_suite, import_simple_cases
from tests.support import GraphQLClient, make_org, owner

DIRECT = """query($p: ID!) { testCases(projectId: $p) { edges { node {
  title project { name } suites { name } } } } }"""
FRAGMENTS = """query($p: ID!) { testCases(projectId: $p) { edges { ... on TestCaseEdge {
  node { title ...Where } } } } }
fragment Where on TestCase { project { name } ... on TestCase { suites { name } } }"""
BY_NODE = """query($id: ID!) { node(id: $id) { ... on TestCase {
  title project { name } suites { name } } } }"""
NESTED = """{ suites { edges { node { name testCases { edges { node {
  title project { name } suites { name } } } } } } } }"""


async def test_relations_read_the_same_whichever_path_loads_them(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    caller = await owner(org)
    refunds, baggage = await import_simple_cases(gql, caller, org.project_gid,
                                                 ["Refunds", "Baggage"], "k")
    await create_suite(gql, caller, org.project_gid, "Zeta", [refunds, baggage])
    await create_suite(gql, caller, org.project_gid, "Alpha", [refunds])

    direct = await gql.data(DIRECT, {"p": org.project_gid}, caller)
    fragments = await gql.data(FRAGMENTS, {"p": org.project_gid}, caller)
    by_node = await gql.data(BY_NODE, {"id": refunds}, caller)
    nested = await gql.data(NESTED, caller=caller)

    refunds_seen = {"title": "Refunds", "project": {"name": "Default"},
                    "suites": [{"name": "Alpha"}, {"name": "Zeta"}]}
    baggage_seen = {"title": "Baggage", "project": {"name": "Default"},
                    "suites": [{"name": "Zeta"}]}
    listed = {"testCases": {"edges": [{"node": refunds_seen}, {"node": baggage_seen}]}}
    assert direct == listed
    assert fragments == listed
    assert by_node == {"node": refunds_seen}
    assert nested == {"suites": {"edges": [
        {"node": {"name": "Zeta", "testCases": {"edges": [
            {"node": refunds_seen}, {"node": baggage_seen}]}}},
        {"node": {"name": "Alpha", "testCases": {"edges": [{"node": refunds_seen}]}}},
    ]}}
