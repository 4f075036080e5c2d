"""The number of SQL statements per request does not grow with the size of a list."""

from __future__ import annotations

import json
import logging

import pytest

from tests.graphql.testing.helpers import CREATE_PLAN, create_suite, import_simple_cases, ok
from tests.support import Caller, GraphQLClient, make_org, owner

CASES = """
{ testCases(first: 100) { edges { node {
    title suites { name } project { name } versions { version } v1: versionAt(version: 1) { title }
} } } }
"""
SUITES = "{ suites(first: 100) { edges { node { name testCaseCount project { name } } } } }"
PLANS = """
{ plans(first: 100) { edges { node { name caseCount suites { name } project { name } } } } }
"""


async def _grow(gql: GraphQLClient, caller: Caller, project_gid: str, size: int) -> None:
    """``size`` cases, each in two suites; ``size`` plans holding both suites."""
    ids = await import_simple_cases(gql, caller, project_gid,
                                    [f"Case {i}" for i in range(size)], f"grow-{size}")
    suites = [await create_suite(gql, caller, project_gid, f"S{size}-{n}", ids) for n in (1, 2)]
    for i in range(size):
        await ok(gql, CREATE_PLAN, {"input": {"projectId": project_gid, "name": f"P{size}-{i}",
                                              "suiteIds": suites}}, caller, "createPlan")


async def _statements(gql: GraphQLClient, caller: Caller, document: str,
                      caplog: pytest.LogCaptureFixture) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        await gql.data(document, caller=caller)
    return sum(1 for r in caplog.records
               if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage())


async def test_list_queries_use_a_constant_number_of_statements(
    gql: GraphQLClient, database: object, caplog: pytest.LogCaptureFixture
) -> None:
    small, large = await make_org("Small"), await make_org("Large")
    small_caller, large_caller = await owner(small), await owner(large)
    await _grow(gql, small_caller, small.project_gid, 2)
    await _grow(gql, large_caller, large.project_gid, 40)

    counts = {
        name: (await _statements(gql, small_caller, document, caplog),
               await _statements(gql, large_caller, document, caplog))
        for name, document in (("cases", CASES), ("suites", SUITES), ("plans", PLANS))
    }

    # The same count for 2 and 40 rows; exact, so an empty log or an extra query also fails.
    assert counts == {"cases": (10, 10), "suites": (7, 7), "plans": (9, 9)}
    listed = (await gql.data(CASES, caller=large_caller))["testCases"]["edges"]
    assert len(listed) == 40
    assert listed[0]["node"]["suites"] == [{"name": "S40-1"}, {"name": "S40-2"}]


SUITE_PAGES = """
{ suites(first: 100) { edges { node {
    name testCases(first: 2) { totalCount pageInfo { hasNextPage } edges { node { title } } }
} } } }
"""


async def _suites_with_cases(gql: GraphQLClient, caller: Caller, project_gid: str,
                             suites: int) -> None:
    ids = await import_simple_cases(gql, caller, project_gid,
                                    [f"Case {i}" for i in range(3)], f"pages-{suites}")
    for n in range(suites):
        await create_suite(gql, caller, project_gid, f"Suite {n}", ids)


async def test_each_suites_first_cases_load_in_constant_statements(
    gql: GraphQLClient, database: object, caplog: pytest.LogCaptureFixture
) -> None:
    few, many = await make_org("Few suites"), await make_org("Many suites")
    few_caller, many_caller = await owner(few), await owner(many)
    await _suites_with_cases(gql, few_caller, few.project_gid, 2)
    await _suites_with_cases(gql, many_caller, many.project_gid, 12)

    counts = (await _statements(gql, few_caller, SUITE_PAGES, caplog),
              await _statements(gql, many_caller, SUITE_PAGES, caplog))
    data = await gql.data(SUITE_PAGES, caller=many_caller)

    assert counts == (8, 8)
    assert len(data["suites"]["edges"]) == 12
    assert {json.dumps(edge["node"]["testCases"]) for edge in data["suites"]["edges"]} == {
        json.dumps({"totalCount": 3, "pageInfo": {"hasNextPage": True},
                    "edges": [{"node": {"title": "Case 0"}}, {"node": {"title": "Case 1"}}]})
    }
